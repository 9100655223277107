"""Sending at a pace Telegram accepts.

PTB's AIORateLimiter keeps the global limit (about 30 messages a second per bot) and
retries after 429 with ``retry_after``; it has no per-private-chat limit. We add one that
allows the short bursts a reply needs (an edit and a new question) but never a sustained
flood in one chat, split the global rate between replicas, and retry a request whose
connection never opened (so nothing was sent, and nothing is sent twice).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import OrderedDict
from collections.abc import Callable, Coroutine
from typing import Any

import httpx
from aiolimiter import AsyncLimiter
from telegram.error import NetworkError, TimedOut
from telegram.ext import AIORateLimiter

#: Per chat: up to 4 messages at once, then one a second.
CHAT_BURST = 4
CHAT_PERIOD = 4.0
#: Chats whose pacing we remember (in memory only; oldest forgotten first).
MAX_CHATS = 10_000
CONNECT_RETRIES = 2


class FairLimiter(AsyncLimiter):
    """aiolimiter's leaky bucket, served first come, first served.

    Under load, aiolimiter lets a newcomer that finds capacity go ahead of a waiter it has
    just woken, and the waiter then queues again at the back: a few requests wait many
    times their share (seconds, at 100 supporters). Here requests take their turn in
    arrival order (``asyncio.Lock`` wakes its waiters in order), so the wait is the
    queue's length and nobody's more.
    """

    def __init__(self, max_rate: float, time_period: float = 60) -> None:
        super().__init__(max_rate, time_period)
        self._turn = asyncio.Lock()

    async def acquire(self, amount: float = 1) -> None:
        async with self._turn:
            await super().acquire(amount)


class PacedRateLimiter(AIORateLimiter):
    def __init__(self, *, replicas: int = 1, max_retries: int = 3) -> None:
        rate = 30 / replicas
        super().__init__(overall_max_rate=rate, overall_time_period=1, max_retries=max_retries)
        # PTB's own overall limiter, made first come, first served (see FairLimiter).
        self._base_limiter = FairLimiter(rate, 1)
        self._chats: OrderedDict[int, AsyncLimiter] = OrderedDict()

    def _chat_limiter(self, chat_id: int) -> AsyncLimiter:
        limiter = self._chats.pop(chat_id, None) or AsyncLimiter(CHAT_BURST, CHAT_PERIOD)
        self._chats[chat_id] = limiter
        if len(self._chats) > MAX_CHATS:
            self._chats.popitem(last=False)
        return limiter

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Any]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Any:
        chat_id = data.get("chat_id")
        with contextlib.suppress(TypeError, ValueError):
            chat_id = int(chat_id)  # type: ignore[arg-type]
        pace = isinstance(chat_id, int) and chat_id > 0 and endpoint.startswith("send")
        for attempt in range(CONNECT_RETRIES + 1):
            try:
                if pace:
                    async with self._chat_limiter(chat_id):  # type: ignore[arg-type]
                        return await super().process_request(
                            callback, args, kwargs, endpoint, data, rate_limit_args
                        )
                return await super().process_request(
                    callback, args, kwargs, endpoint, data, rate_limit_args
                )
            except TimedOut:
                raise  # the request may have reached Telegram: never send it twice
            except NetworkError as exc:
                # Only a connection that never opened is safe to retry: a reset or a
                # disconnect may come after Telegram already sent the message.
                if attempt == CONNECT_RETRIES or not isinstance(exc.__cause__, httpx.ConnectError):
                    raise
                await asyncio.sleep(0.5 * (attempt + 1))
        raise AssertionError("unreachable")
