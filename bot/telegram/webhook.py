"""The webhook: a small ASGI app (Starlette), one per replica behind a load balancer.

Telegram sends each update with the secret we gave it; we compare in constant time,
process the update, and answer 200 only once it is committed, so Telegram redelivers
what failed (the database dedupes redeliveries).
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import text
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from telegram import Update
from telegram.ext import Application

from bot.store.database import Database
from bot.telegram.failures import CURRENT, Failure

log = logging.getLogger("bot.telegram")
WEBHOOK_PATH = "/telegram"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
#: Largest update body we accept (Telegram's are a few KB).
MAX_BODY = 1 << 20


def webhook_app(application: Application, db: Database, secret: str) -> Starlette:  # type: ignore[type-arg]
    expected = secret.encode()

    async def receive(request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, expected):
            return Response(status_code=403)
        body = await request.body()
        if len(body) > MAX_BODY:
            return Response(status_code=413)
        try:
            data = json.loads(body)
            if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
                return Response(status_code=400)
            update = Update.de_json(data, application.bot)
        except (ValueError, KeyError, TypeError, AttributeError):
            # PTB raises AttributeError on a field of the wrong shape (a string for a message)
            return Response(status_code=400)
        failure = Failure()
        token = CURRENT.set(failure)
        try:
            await application.process_update(update)
        finally:
            CURRENT.reset(token)
        return Response(status_code=500 if failure.failed else 200)

    def database_answers() -> None:
        with db.engine.connect() as connection:
            connection.execute(text("SELECT 1"))

    async def health(_request: Request) -> Response:
        try:  # in a thread: an unreachable database must not stall the webhook's loop
            await asyncio.to_thread(database_answers)
        except Exception as exc:
            log.error("health check: database unreachable (%s)", type(exc).__name__)
            return JSONResponse({"ok": False}, status_code=503)
        return JSONResponse({"ok": True})

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        # PTB calls post_init/post_shutdown only from its own run_* loops; this app
        # drives the application itself, so it must call them (commands, hourly purge).
        async with application:
            if application.post_init is not None:
                await application.post_init(application)
            await application.start()
            yield
            await application.stop()
            if application.post_shutdown is not None:
                await application.post_shutdown(application)

    return Starlette(
        routes=[
            Route(WEBHOOK_PATH, receive, methods=["POST"]),
            Route("/healthz", health, methods=["GET"]),
        ],
        lifespan=lifespan,
    )
