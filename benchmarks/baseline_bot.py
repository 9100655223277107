"""The benchmark's baseline: the least a PTB bot can do, answering every update once.

``python -m benchmarks.baseline_bot [--webhook]``, configured like the real bot
(``TELEGRAM_BOT_TOKEN``, ``TELEGRAM_API_BASE_URL``, ``INTAKE_LISTEN``,
``INTAKE_WEBHOOK_SECRET``): it sends "ok" to the chat of each update, with no database,
no engine and no pacing, through the same PTB client, HTTP stack and webhook server
(Starlette on uvicorn) as the real bot. It logs "update N done" like the real bot.
With ``BASELINE_STEP=two`` it is the shape of a hand-written PTB intake instead: two chat
calls per step under PTB's own ``AIORateLimiter``.
"""

from __future__ import annotations

import hmac
import json
import logging
import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, ContextTypes, TypeHandler

log = logging.getLogger("baseline")


#: ``BASELINE_STEP=two``: a hand-written intake's step, answered with two chat calls (the
#: answered question loses its keyboard, the next one is sent), paced by AIORateLimiter.
TWO_CALLS = os.environ.get("BASELINE_STEP") == "two"
OK = InlineKeyboardMarkup.from_button(InlineKeyboardButton("ok", callback_data="ok"))


async def answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    chat = update.effective_chat
    if chat is not None:
        if TWO_CALLS:
            if update.callback_query is not None:
                await update.callback_query.answer()
            previous = context.chat_data.get("question") if context.chat_data is not None else None
            if previous is not None:
                await context.bot.edit_message_reply_markup(chat.id, previous, reply_markup=None)
            sent = await context.bot.send_message(chat.id, "ok", reply_markup=OK)
            if context.chat_data is not None:
                context.chat_data["question"] = sent.message_id
        else:
            await context.bot.send_message(chat.id, "ok")
    log.info("update %s done", update.update_id)


def build() -> Application:  # type: ignore[type-arg]
    builder = ApplicationBuilder().token(os.environ["TELEGRAM_BOT_TOKEN"])
    if TWO_CALLS:
        # Replicas share Telegram's 30 a second, as the real bot's do (INTAKE_REPLICAS).
        share = 30 / int(os.environ.get("INTAKE_REPLICAS", "1"))
        limiter = AIORateLimiter(overall_max_rate=share)
        builder = builder.rate_limiter(limiter)  # type: ignore[arg-type]  # PTB generics
    base = os.environ.get("TELEGRAM_API_BASE_URL")
    if base:
        builder = builder.base_url(f"{base.rstrip('/')}/bot")
    if "--webhook" in sys.argv:
        builder = builder.updater(None)
    application = builder.build()
    application.add_handler(TypeHandler(Update, answer))
    return application


def webhook_app(application: Application, secret: str) -> Starlette:  # type: ignore[type-arg]
    async def receive(request: Request) -> Response:
        given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "").encode()
        if not hmac.compare_digest(given, secret.encode()):
            return Response(status_code=403)
        update = Update.de_json(json.loads(await request.body()), application.bot)
        await application.process_update(update)
        return Response(status_code=200)

    async def health(_request: Request) -> Response:
        return JSONResponse({"ok": True})

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        async with application:
            await application.start()
            yield
            await application.stop()

    return Starlette(
        routes=[
            Route("/telegram", receive, methods=["POST"]),
            Route("/healthz", health, methods=["GET"]),
        ],
        lifespan=lifespan,
    )


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # its request lines carry the token
    application = build()
    if "--webhook" not in sys.argv:
        application.run_polling(allowed_updates=["message", "callback_query"])
        return
    import uvicorn

    host, _, port = os.environ.get("INTAKE_LISTEN", "127.0.0.1:8080").rpartition(":")
    app = webhook_app(application, os.environ["INTAKE_WEBHOOK_SECRET"])
    uvicorn.run(app, host=host, port=int(port), log_level="warning", access_log=False)


if __name__ == "__main__":
    main()
