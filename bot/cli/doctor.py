"""``intake-bot doctor``: is this installation ready? One line per check, ok or what to fix.

Checks the settings, the secret key (present, strong, private, kept apart from the data),
sealing (on or off; no age private key in the environment or the data directory), the
database (reachable, migrated), the data keys (private, none expired), the flows (clean,
published), the catalogs (every text translated), and, when a token is set, the token
and the webhook as Telegram sees them.
Never prints a secret, the token or a database password. Exit status 1 if anything needs
fixing, for scripts.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import click
from babel.messages.pofile import read_po

from bot.app import key_beside_database, open_database
from bot.config import Settings, TelegramSettings
from bot.errors import IntakeError
from bot.flow.loader import check_files, flow_files
from bot.i18n import SUPPORTED
from bot.store.database import Database
from bot.store.datakeys import KeyDirectory, day_of
from bot.store.flows import FlowRegistry
from bot.store.keys import KEY_FILE, key_weakness
from bot.store.sealing import holds_private_key, is_age_file

Check = Callable[[], str]


class Problem(Exception):  # noqa: N818 (a finding to report, not an error of ours)
    """What to fix, in one line."""


@click.command("doctor")
def doctor() -> None:
    """Check settings, key, sealing, database, flows, catalogs and (with a token) Telegram."""
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
        ("sealing", lambda: _sealing(settings)),
        ("database", database),
        ("data keys", lambda: _data_keys(settings)),
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


def _data_keys(settings: Settings) -> str:
    folder = settings.data_key_dir
    if not folder.exists():
        return f"{folder} will be made at start"
    if folder.stat().st_mode & 0o077:
        raise Problem(f"{folder} is open to others: run `chmod 700 {folder}`")
    store = KeyDirectory(folder)
    days = store.days()
    for day in days:
        store.read(day)  # raises on a key file readable by others
    if not days:
        return f"{folder}, private, no key yet"
    today = day_of(datetime.now(UTC))
    stale = [d for d in days if d < day_of(datetime.now(UTC) - timedelta(days=1))]
    if stale:
        raise Problem(
            f"{len(stale)} expired data key(s) in {folder} (oldest {stale[0]}): the bot"
            " destroys them hourly; if it is not running, run `intake-bot purge`"
        )
    where = ""
    if folder.resolve().is_relative_to(settings.data_dir.resolve()):
        where = "; inside the data directory: leave it out of backups, or set INTAKE_KEY_DIR"
    newest = "today's" if days[-1] == today else f"newest {days[-1]}"
    return f"{len(days)} key(s) in {folder} ({newest}), private{where}"


#: Files larger than this are the database or logs, not an identity file (a few hundred
#: bytes); reading them would make doctor slow for nothing.
_IDENTITY_MAX_BYTES = 64 * 1024
_IDENTITY_SUFFIXES = (".age", ".key", ".txt")


def _sealing(settings: Settings) -> str:
    # Sealing only helps if the private key stays with the caseworker: one on the server
    # (in its environment or beside its data) opens every sealed case to whoever copies
    # the server. Names only, never a value.
    variables = sorted(name for name, value in os.environ.items() if holds_private_key([value]))
    if variables:
        raise Problem(
            f"the environment variable(s) {', '.join(variables)} hold an age private key:"
            " remove it from this server (it belongs with the caseworker; the server needs"
            " only the public key in INTAKE_SEAL_TO)"
        )
    files = _identity_files(settings.data_dir)
    if files:
        raise Problem(
            f"{', '.join(str(f) for f in files)} hold(s) an age private key: move it to the"
            " caseworker's machine and delete it from this server"
        )
    if not settings.seal_to:
        return "off (case bodies use the server's key; set INTAKE_SEAL_TO for sealed cases)"
    return f"on: sealed to {len(settings.seal_to)} key(s)"


def _identity_files(folder: Path) -> list[Path]:
    """Files directly in ``folder`` that hold an age private key, plain or passphrase-
    encrypted (an age file named like an identity file)."""
    if not folder.is_dir():
        return []
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            try:
                # Regular files only: a FIFO or a device there would block or never end.
                if not entry.is_file() or entry.stat().st_size > _IDENTITY_MAX_BYTES:
                    continue
                with Path(entry.path).open("rb") as handle:
                    content = handle.read(_IDENTITY_MAX_BYTES)
            except OSError:
                continue  # unreadable here: doctor cannot tell, and does not guess
            plain = holds_private_key([content.decode("utf-8", "replace")])
            wrapped = is_age_file(content) and entry.name.lower().endswith(_IDENTITY_SUFFIXES)
            if plain or wrapped:
                found.append(Path(entry.path))
    return sorted(found)


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
