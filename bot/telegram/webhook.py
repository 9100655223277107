"""The webhook: a small ASGI app (Starlette), one per replica behind a load balancer.

Telegram sends each update with the secret we gave it; we compare in constant time,
store the update in the durable inbox, process it in its chat's lane, and answer 200 only
once it is handled, so Telegram redelivers what failed (the database dedupes
redeliveries). Telegram sends one chat's updates one at a time and different chats' at
once (up to the webhook's max_connections), so every chat keeps its order across
replicas while no chat waits for another.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

from prometheus_client import CONTENT_TYPE_LATEST
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from telegram import Update
from telegram.ext import Application

from bot.store.database import Database
from bot.telegram.arrivals import Arrivals
from bot.telegram.startup import until_reachable

log = logging.getLogger("bot.telegram")
WEBHOOK_PATH = "/telegram"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
#: Largest update body we accept (Telegram's are a few KB).
MAX_BODY = 1 << 20


#: At start-up, inbox rows older than this are a crash's leftovers; younger ones may be
#: in the hands of another replica right now (and Telegram redelivers them anyway).
ORPHANED_AFTER = timedelta(minutes=1)


async def _bounded_body(request: Request) -> bytes | None:
    """The body, or ``None`` if it is over ``MAX_BODY``: refused from its Content-Length
    before reading, and reading stops at the limit when there is none (chunked)."""
    declared = request.headers.get("content-length", "")
    if declared.isdecimal() and int(declared) > MAX_BODY:
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def webhook_app(
    application: Application,  # type: ignore[type-arg]
    arrivals: Arrivals,
    db: Database,
    secret: str,
    host: str = "api.telegram.org",
) -> Starlette:
    expected = secret.encode()

    async def receive(request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, expected):
            return Response(status_code=403)
        body = await _bounded_body(request)
        if body is None:
            return Response(status_code=413)
        try:
            data = json.loads(body)
            if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
                return Response(status_code=400)
            update = Update.de_json(data, application.bot)
        except (ValueError, KeyError, TypeError, AttributeError):
            # PTB raises AttributeError on a field of the wrong shape (a string for a message)
            return Response(status_code=400)
        try:
            queued = await arrivals.receive([update])
        except Exception as exc:  # not stored: Telegram must send it again
            log.error("storing update %s failed: %s", update.update_id, type(exc).__name__)
            return Response(status_code=500)
        for failure, done in queued:
            await done
            if failure.failed:
                return Response(status_code=500)
        return Response(status_code=200)

    async def metrics(_request: Request) -> Response:
        return Response(arrivals.metrics.exposition(), media_type=CONTENT_TYPE_LATEST)

    async def health(_request: Request) -> Response:
        try:  # in a thread: an unreachable database must not stall the webhook's loop
            await asyncio.to_thread(db.ping)
        except Exception as exc:
            log.error("health check: database unreachable (%s)", type(exc).__name__)
            return JSONResponse({"ok": False}, status_code=503)
        return JSONResponse({"ok": True})

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        # PTB calls post_init/post_shutdown only from its own run_* loops; this app
        # drives the application itself, so it must call them (commands, hourly purge).
        # An outage at start-up is waited out (one line a try); until then /healthz does
        # not answer, so a load balancer sends nothing here.
        await until_reachable(application, host, asyncio.Event())
        async with application:
            if application.post_init is not None:
                await application.post_init(application)
            await application.start()
            recovered = await arrivals.recover(received_before=db.now() - ORPHANED_AFTER)
            if recovered:
                log.info("queued %d update(s) left in the inbox", recovered)
            yield
            await arrivals.close()
            await application.stop()
            if application.post_shutdown is not None:
                await application.post_shutdown(application)

    return Starlette(
        routes=[
            Route(WEBHOOK_PATH, receive, methods=["POST"]),
            Route("/healthz", health, methods=["GET"]),
            Route("/metrics", metrics, methods=["GET"]),
        ],
        lifespan=lifespan,
    )
