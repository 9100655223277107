"""Building the PTB application: defaults, rate limits, handlers, start-up tasks."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Mapping
from datetime import timedelta

from telegram import BotCommand, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import Application, ApplicationBuilder, Defaults, TypeHandler

from bot.config import Settings, TelegramSettings
from bot.i18n import SUPPORTED, Catalogs
from bot.telegram import texts
from bot.telegram.ratelimit import PacedRateLimiter
from bot.telegram.staff.alerts import alert_forever
from bot.telegram.staff.channel import StaffChannel
from bot.telegram.supporter import SupporterChannel

log = logging.getLogger("bot.telegram")
#: What Telegram should send us; anything else is not subscribed at all.
ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"]
PURGE_EVERY = timedelta(hours=1)
#: setMyCommands and friends take two-letter language codes only.
TELEGRAM_LANGUAGE = {"ja": "ja", "ko": "ko", "zh_Hans": "zh"}


def build_application(
    telegram: TelegramSettings,
    settings: Settings,
    channel: SupporterChannel,
    staff: StaffChannel | None = None,
) -> Application:  # type: ignore[type-arg]
    """The PTB application: handlers, defaults and rate limits, without PTB's updater.

    Updates reach it through ``Arrivals`` (from ``polling.poll`` or the webhook), which
    stores them first and runs each chat in its own lane.
    """
    builder = (
        ApplicationBuilder()
        .token(telegram.token)
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                protect_content=True,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        .rate_limiter(PacedRateLimiter(replicas=telegram.replicas))
        .updater(None)
    )
    if telegram.api_base_url:
        base = telegram.api_base_url.rstrip("/")
        builder = builder.base_url(f"{base}/bot").base_file_url(f"{base}/file/bot")
    application = builder.build()
    if staff is not None:  # first: a staff update stops there, anything else goes on
        application.add_handler(TypeHandler(Update, staff.on_update), group=-1)
    application.add_handler(TypeHandler(Update, channel.on_update))
    application.add_error_handler(channel.on_error)

    async def post_init(app: Application) -> None:  # type: ignore[type-arg]
        await describe_bot(app, channel.catalogs, telegram.profile)
        app.bot_data["purge"] = asyncio.create_task(_purge_forever(channel, settings))
        if staff is not None:
            app.bot_data["alerts"] = asyncio.create_task(
                alert_forever(app.bot, staff, settings.alert_digest, channel.metrics)
            )

    async def post_shutdown(app: Application) -> None:  # type: ignore[type-arg]
        for name in ("purge", "alerts"):
            task = app.bot_data.pop(name, None)
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    application.post_init = post_init
    application.post_shutdown = post_shutdown
    return application


async def describe_bot(
    app: Application,  # type: ignore[type-arg]
    catalogs: Catalogs,
    profile: Mapping[tuple[str, str], str] | None = None,
) -> None:
    """Commands, name, description and short description in each supporter language, and
    a default for everyone else (no or another ``language_code``) in all three at once:
    a profile in a language the supporter cannot read must not be the first they see."""
    profile = profile or {}

    def text(field: str, locale: str, msgid: str) -> str:
        return (
            profile.get((field, locale))
            or profile.get((field, ""))
            or catalogs.gettext(locale, msgid)
        )

    for locale in SUPPORTED:
        code = TELEGRAM_LANGUAGE[locale]
        commands = [
            BotCommand(name, catalogs.gettext(locale, description))
            for name, description in texts.COMMANDS.items()
        ]
        await app.bot.set_my_commands(commands, language_code=code)
        name = profile.get(("name", locale)) or profile.get(("name", ""))
        if name:  # otherwise the name given in @BotFather stays
            await app.bot.set_my_name(name, language_code=code)
        await app.bot.set_my_description(
            text("description", locale, texts.DESCRIPTION), language_code=code
        )
        await app.bot.set_my_short_description(
            text("short_description", locale, texts.SHORT_DESCRIPTION), language_code=code
        )
    every = [
        BotCommand(
            name,
            _within(" / ".join(catalogs.gettext(c, d) for c in SUPPORTED), COMMAND_LIMIT),
        )
        for name, d in texts.COMMANDS.items()
    ]
    await app.bot.set_my_commands(every)
    if profile.get(("name", "")):
        await app.bot.set_my_name(profile[("name", "")])
    description = profile.get(("description", "")) or "\n\n".join(
        catalogs.gettext(c, texts.DESCRIPTION) for c in SUPPORTED
    )
    await app.bot.set_my_description(_within(description, DESCRIPTION_LIMIT))
    short = profile.get(("short_description", "")) or " / ".join(
        catalogs.gettext(c, texts.SHORT_DESCRIPTION) for c in SUPPORTED
    )
    await app.bot.set_my_short_description(_within(short, SHORT_DESCRIPTION_LIMIT))


#: Telegram's limits, in characters, on what describe_bot sets.
COMMAND_LIMIT = 256
DESCRIPTION_LIMIT = 512
SHORT_DESCRIPTION_LIMIT = 120


def _within(text: str, limit: int) -> str:
    """``text``, or its first ``limit`` characters: a default in all three languages
    that Telegram would refuse whole still shows its first languages."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


async def _purge_forever(channel: SupporterChannel, settings: Settings) -> None:
    """The same job as `intake-bot purge`, run inside the bot every hour."""
    while True:
        try:
            result = await asyncio.to_thread(
                channel.intake.purge,
                session_ttl=settings.session_ttl,
                case_retention=settings.case_retention,
            )
            if result.total:
                log.info("purged %d session(s), %d case(s)", result.sessions, result.cases)
            if result.keys_destroyed:
                log.info("destroyed %d expired data key(s)", len(result.keys_destroyed))
            if result.unreadable:
                log.warning("%d stored row(s) open with no data key held", result.unreadable)
        except Exception as exc:
            log.error("purge failed: %s", type(exc).__name__)
        await asyncio.sleep(PURGE_EVERY.total_seconds())
