"""``intake-bot doctor``: is this installation ready? One line per check, ok or what to fix.

Checks the settings, the secret key (present, strong, private, kept apart from the data),
the database (reachable, migrated), the flows (clean, published), the catalogs (every
text translated), and, when a token is set, the token and the webhook as Telegram sees
them. Never prints a secret, the token or a database password. Exit status 1 if anything
needs fixing, for scripts.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from pathlib import Path

import click
from babel.messages.pofile import read_po

from bot.app import key_beside_database, open_database
from bot.config import Settings, TelegramSettings
from bot.errors import IntakeError
from bot.flow.loader import check_files, flow_files
from bot.i18n import SUPPORTED
from bot.store.database import Database
from bot.store.flows import FlowRegistry
from bot.store.keys import KEY_FILE, key_weakness

Check = Callable[[], str]


class Problem(Exception):  # noqa: N818 (a finding to report, not an error of ours)
    """What to fix, in one line."""


@click.command("doctor")
def doctor() -> None:
    """Check settings, key, database, flows, catalogs and (with a token) Telegram."""
    failed = 0
    try:
        settings = Settings.from_env()
    except IntakeError as exc:
        click.echo(f"fix   settings: {exc}")
        raise SystemExit(1) from None
    click.echo("ok    settings")
    db: Database | None = None

    def database() -> str:
        nonlocal db
        db = open_database(settings, migrate=False, create=False)
        db.ping()
        return "reachable and migrated"

    checks: list[tuple[str, Check]] = [
        ("key", lambda: _key(settings)),
        ("database", database),
        ("flows", lambda: _flows(settings, db)),
        ("catalogs", lambda: _catalogs(settings)),
    ]
    if os.environ.get("TELEGRAM_BOT_TOKEN"):
        checks.append(("telegram", _telegram))
    for name, check in checks:
        try:
            click.echo(f"ok    {name}: {check()}")
        except (Problem, IntakeError) as exc:
            click.echo(f"fix   {name}: {exc}")
            failed += 1
        except Exception as exc:  # a driver's or the network's: its type only
            click.echo(f"fix   {name}: {type(exc).__name__}")
            failed += 1
    if db is not None:
        db.dispose()
    raise SystemExit(1 if failed else 0)


def _key(settings: Settings) -> str:
    if settings.secret_key:
        weakness = key_weakness(settings.secret_key.encode())
        if weakness:
            raise Problem(f"INTAKE_SECRET_KEY is not usable: {weakness}")
        return "from INTAKE_SECRET_KEY, strong"
    path = settings.data_dir / KEY_FILE
    if not path.exists():
        raise Problem(f"no key: set INTAKE_SECRET_KEY (none in the environment, no {path})")
    if path.stat().st_mode & 0o077:
        raise Problem(f"{path} is readable by others: run `chmod 600 {path}`")
    weakness = key_weakness(path.read_bytes().strip())
    if weakness:
        raise Problem(f"{path} is not usable: {weakness}")
    if key_beside_database(settings) is not None:
        raise Problem(
            f"{path} lies beside the database: a copy of {settings.data_dir} holds the data"
            " and the key to read it; set INTAKE_SECRET_KEY from a secret store"
        )
    return f"{path}, strong, private"


def _flows(settings: Settings, db: Database | None) -> str:
    results = check_files(flow_files([settings.flows_dir]))
    problems = [p for r in results for p in r.problems]
    if problems:
        raise Problem(f"{len(problems)} problem(s); run `intake-bot flows check`")
    if not results:
        raise Problem(f"no flow file in {settings.flows_dir}")
    if db is None:
        return f"{len(results)} file(s) clean (database not reachable: publication unknown)"
    published = FlowRegistry(db).published_ids()
    missing = [r.flow.id for r in results if r.flow is not None and r.flow.id not in published]
    if missing:
        return f"clean; not yet published: {', '.join(missing)} (the bot publishes at start)"
    return f"{len(results)} file(s) clean and published"


def _catalogs(settings: Settings) -> str:
    untranslated = 0
    for locale in SUPPORTED:
        folder = Path(settings.locales_dir) / locale / "LC_MESSAGES"
        if not (folder / "messages.mo").exists():
            raise Problem(f"{folder / 'messages.mo'} is missing: run `make catalogs`")
        if (folder / "messages.po").exists():
            with (folder / "messages.po").open("rb") as handle:
                catalog = read_po(handle, locale=locale)
            untranslated += sum(1 for m in catalog if m.id and (not m.string or m.fuzzy))
    if untranslated:
        raise Problem(f"{untranslated} untranslated text(s)")
    return f"{', '.join(SUPPORTED)} complete"


def _telegram() -> str:
    telegram = TelegramSettings.from_env()

    async def ask() -> str:
        from telegram import Bot

        base = f"{telegram.api_base_url}/bot" if telegram.api_base_url else None
        bot = Bot(telegram.token, base_url=base) if base else Bot(telegram.token)
        async with bot:
            info = await bot.get_webhook_info()
        if not info.url:
            return f"token accepted as @{bot.username}; no webhook (polling)"
        error = f", last error: {info.last_error_message}" if info.last_error_message else ""
        return (
            f"token accepted as @{bot.username}; webhook set,"
            f" {info.pending_update_count} update(s) pending{error}"
        )

    try:
        return asyncio.run(ask())
    except Exception as exc:
        name = type(exc).__name__
        if name == "InvalidToken":
            raise Problem("Telegram refused TELEGRAM_BOT_TOKEN") from None
        raise Problem(f"Telegram could not be asked ({name})") from None
