"""Long polling that loses nothing: the offset moves past an update only once it is stored.

PTB's own updater confirms updates to Telegram (by asking for the next offset) as soon as
it has fetched them, whether or not they were handled: a kill -9 then loses whatever was
still queued. Here each batch goes into the durable inbox first (``Arrivals.receive``), and
only the next ``getUpdates`` call, made after that commit, confirms it. What a crash left
in the inbox is queued first at start-up.

A passing outage does not stop the bot: network errors and conflicts are logged (by type,
never with the URL, which holds the token) and retried with a growing pause.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from telegram import Bot
from telegram.error import Conflict, NetworkError, RetryAfter, TimedOut

from bot.telegram.arrivals import Arrivals

log = logging.getLogger("bot.telegram")
#: Seconds one getUpdates call waits for news (Telegram answers at once when there is some).
POLL_TIMEOUT = 10
#: Pauses after a failed call: doubled each time, up to the last.
FIRST_PAUSE = 0.5
LAST_PAUSE = 30.0


async def poll(
    bot: Bot,
    arrivals: Arrivals,
    allowed_updates: list[str],
    stop: asyncio.Event,
    host: str = "api.telegram.org",
) -> None:
    """Fetch, store and queue updates until ``stop`` is set."""
    # Like PTB's own polling: a webhook left registered would make Telegram refuse it.
    await bot.delete_webhook()
    recovered = await arrivals.recover()
    if recovered:
        log.info("queued %d update(s) left in the inbox", recovered)
    offset = 0
    pause = FIRST_PAUSE
    while not stop.is_set():
        fetch = asyncio.ensure_future(
            bot.get_updates(offset=offset, timeout=POLL_TIMEOUT, allowed_updates=allowed_updates)
        )
        stopping = asyncio.ensure_future(stop.wait())
        await asyncio.wait({fetch, stopping}, return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
        if not fetch.done():
            # Fetched but not stored is not confirmed either: Telegram sends it again.
            fetch.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await fetch
            break
        try:
            updates = fetch.result()
        except RetryAfter as exc:
            await _pause(stop, _seconds(exc.retry_after))
            continue
        except TimedOut:
            continue  # a long poll that outlived its connection: ask again at once
        except (NetworkError, Conflict) as exc:
            log.warning(
                "getUpdates from %s failed (%s); retrying in %.1f s",
                host,
                type(exc).__name__,
                pause,
            )
            await _pause(stop, pause)
            pause = min(pause * 2, LAST_PAUSE)
            continue
        if updates:
            try:
                await arrivals.receive(list(updates))
            except Exception as exc:  # not stored, so not confirmed: fetched again next time
                log.error(
                    "storing updates failed (%s); retrying in %.1f s", type(exc).__name__, pause
                )
                await _pause(stop, pause)
                pause = min(pause * 2, LAST_PAUSE)
                continue
            offset = updates[-1].update_id + 1
        pause = FIRST_PAUSE


def _seconds(value: object) -> float:
    total = getattr(value, "total_seconds", None)
    return float(total() if callable(total) else value)  # type: ignore[arg-type]


async def _pause(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)
