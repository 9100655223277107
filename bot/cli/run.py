"""``intake-bot run [--webhook]`` and ``intake-bot webhook set|delete|info``."""

from __future__ import annotations

import asyncio
import logging
import signal

import click
from prometheus_client import start_http_server
from telegram.error import InvalidToken
from telegram.ext import Application

from bot.app import (
    Intake,
    build_scrubber,
    key_beside_database,
    open_database,
    publish_missing,
)
from bot.config import Settings, TelegramSettings
from bot.errors import IntakeError
from bot.i18n import Catalogs
from bot.store.flows import FlowRegistry
from bot.store.inbox import Inbox
from bot.store.keys import KEY_FILE
from bot.telegram.application import ALLOWED_UPDATES, build_application
from bot.telegram.arrivals import Arrivals
from bot.telegram.logs import configure_logging
from bot.telegram.metrics import Metrics
from bot.telegram.polling import poll
from bot.telegram.staff.channel import StaffChannel
from bot.telegram.startup import api_host, until_reachable
from bot.telegram.supporter import SupporterChannel
from bot.telegram.webhook import WEBHOOK_PATH, webhook_app

log = logging.getLogger("bot.telegram")
#: PTB's own InvalidToken message quotes the token: never let it reach a terminal.
TOKEN_REFUSED = (
    "Telegram refused TELEGRAM_BOT_TOKEN (or TELEGRAM_API_BASE_URL does not point at a Bot"
    " API server): check both settings"
)


def _settings(*, webhook: bool) -> tuple[Settings, TelegramSettings]:
    try:
        return Settings.from_env(), TelegramSettings.from_env(webhook=webhook)
    except IntakeError as exc:
        raise click.ClickException(str(exc)) from exc


@click.command()
@click.option("--webhook", is_flag=True, help="Serve a webhook (several replicas, PostgreSQL).")
def run(webhook: bool) -> None:
    """Serve supporters on Telegram: long polling (default) or a webhook."""
    settings, telegram = _settings(webhook=webhook)
    configure_logging(json_lines=settings.log_format == "json")
    if not settings.secret_key and not settings.accept_key_in_data_dir:
        raise click.ClickException(
            f"the secret key would be the file {settings.data_dir / KEY_FILE}, inside the data"
            " directory: a copy of it would hold the data and the key to read it. Set"
            " INTAKE_SECRET_KEY_FILE (a container secret) or INTAKE_SECRET_KEY, or, for a"
            " trial on one machine, INTAKE_ACCEPT_KEY_IN_DATA_DIR=yes"
        )
    metrics = Metrics()
    try:
        db = open_database(settings)
        registry = FlowRegistry(db)
        published = publish_missing(registry, settings)
        catalogs = Catalogs.load(settings.locales_dir)
        # The NER models load here, once, before any update is served.
        scrubber = build_scrubber(settings, metrics.ner_fallback)
    except IntakeError as exc:
        raise click.ClickException(str(exc)) from exc
    for flow in published:
        log.info("published %s from %s", flow, settings.flows_dir)
    beside = key_beside_database(settings)
    if beside is not None:
        log.warning(
            "the secret key is read from %s, beside the database: a copy of that directory"
            " holds the data and the key to read it; in production set INTAKE_SECRET_KEY_FILE"
            " from a secret store instead",
            beside,
        )
    intake = Intake.configured(db, registry, catalogs, settings, "telegram", scrubber)
    channel = SupporterChannel(intake, catalogs, metrics)
    staff = StaffChannel(
        intake,
        catalogs,
        settings.timezone,
        # An admin's /try is served by the supporter side's own code, around the trial.
        lambda trial, on_stub: SupporterChannel(trial, catalogs, metrics, on_stub=on_stub),
    )
    application = build_application(telegram, settings, channel, staff)
    arrivals = Arrivals(
        application, channel, Inbox(db, "telegram"), redelivers=webhook, metrics=metrics
    )
    if not webhook:
        if settings.metrics_port:  # loopback only: a scraper on this machine or a sidecar
            start_http_server(settings.metrics_port, "127.0.0.1", registry=metrics.registry)
        log.info("polling for updates")
        try:
            asyncio.run(_serve_polling(application, arrivals, api_host(telegram)))
        except InvalidToken:
            raise click.ClickException(TOKEN_REFUSED) from None
        return
    import uvicorn

    assert telegram.webhook_secret is not None
    app = webhook_app(application, arrivals, db, telegram.webhook_secret, api_host(telegram))
    log.info(
        "serving the webhook on %s:%s%s", telegram.listen_host, telegram.listen_port, WEBHOOK_PATH
    )
    # log_config=None: uvicorn logs through our redacting handlers, not its own. A token
    # refused during start-up surfaces as a lifespan failure, logged redacted.
    uvicorn.run(
        app,
        host=telegram.listen_host,
        port=telegram.listen_port,
        log_level="warning",
        access_log=False,
        log_config=None,
    )


async def _serve_polling(
    application: Application,  # type: ignore[type-arg]
    arrivals: Arrivals,
    host: str,
) -> None:
    """Poll until SIGINT or SIGTERM, then finish what is queued and stop.

    An outage at start-up is waited out: one line naming the host, then retries with a
    growing pause (a refused token still stops the bot at once).
    """
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    if not await until_reachable(application, host, stop):
        return
    try:
        if application.post_init is not None:
            await application.post_init(application)
        await poll(application.bot, arrivals, ALLOWED_UPDATES, stop, host)
    finally:
        await arrivals.close()
        if application.post_shutdown is not None:
            await application.post_shutdown(application)
        await application.shutdown()


@click.group()
def webhook() -> None:
    """Tell Telegram where the webhook is (a deploy step, not every replica)."""


async def _with_bot(action: str, telegram: TelegramSettings) -> str:
    from telegram import Bot

    base = f"{telegram.api_base_url.rstrip('/')}/bot" if telegram.api_base_url else None
    bot = Bot(telegram.token, base_url=base) if base else Bot(telegram.token)
    async with bot:
        if action == "set":
            assert telegram.webhook_url is not None
            await bot.set_webhook(
                f"{telegram.webhook_url.rstrip('/')}{WEBHOOK_PATH}",
                secret_token=telegram.webhook_secret,
                allowed_updates=ALLOWED_UPDATES,
                # Telegram sends one chat's updates one at a time whatever this is, so a
                # chat keeps its order across replicas while chats go in parallel.
                max_connections=telegram.webhook_connections,
            )
            return "webhook set"
        if action == "delete":
            await bot.delete_webhook()
            return "webhook deleted (the bot can poll again)"
        info = await bot.get_webhook_info()
        return (
            f"url: {info.url or '(none)'}\npending updates: {info.pending_update_count}\n"
            f"last error: {info.last_error_message or '-'}"
        )


def _bot_action(action: str, *, webhook: bool) -> None:
    _, telegram = _settings(webhook=webhook)
    try:
        click.echo(asyncio.run(_with_bot(action, telegram)))
    except InvalidToken:
        raise click.ClickException(TOKEN_REFUSED) from None


@webhook.command("set")
def webhook_set() -> None:
    """Register INTAKE_WEBHOOK_URL with INTAKE_WEBHOOK_SECRET."""
    _bot_action("set", webhook=True)


@webhook.command("delete")
def webhook_delete() -> None:
    """Remove the webhook."""
    _bot_action("delete", webhook=False)


@webhook.command("info")
def webhook_info() -> None:
    """Show what Telegram knows about the webhook."""
    _bot_action("info", webhook=False)
