"""Starting against a Bot API that may not answer yet: wait it out, say where, once a try.

A passing outage at start-up must not end the process with pages of tracebacks: one
line names the host (never the token, which lives in the URL's path), then the start
is retried with a growing pause. A refused token still stops the bot at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from urllib.parse import urlsplit

from telegram.error import NetworkError, TimedOut
from telegram.ext import Application

from bot.config import TelegramSettings

log = logging.getLogger("bot.telegram")


async def until_reachable(
    application: Application,  # type: ignore[type-arg]
    host: str,
    stop: asyncio.Event,
) -> bool:
    """``initialize()`` (getMe), retried while the network fails; False if stopped."""
    pause = 1.0
    while not stop.is_set():
        try:
            await application.initialize()
            return True
        except (NetworkError, TimedOut) as exc:
            log.warning(
                "cannot reach the Bot API at %s (%s); retrying in %.0f s",
                host,
                type(exc).__name__,
                pause,
            )
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), pause)
        pause = min(pause * 2, 60.0)
    return False


def api_host(telegram: TelegramSettings) -> str:
    """Where the Bot API is, for a log line: the host only (the token lives in the path)."""
    if not telegram.api_base_url:
        return "api.telegram.org"
    parts = urlsplit(telegram.api_base_url)
    return f"{parts.hostname}:{parts.port}" if parts.port else str(parts.hostname)
