"""``intake-bot db upgrade``: bring the database schema up to date (Alembic)."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

import click
from sqlalchemy.engine import make_url

from bot.cli.context import new_private_file, settings
from bot.errors import IntakeError
from bot.store.db import default_url, make_engine
from bot.store.migrate import current_revision, head_revision, upgrade


@click.group()
def db() -> None:
    """Database schema."""


@db.command("upgrade")
def upgrade_command() -> None:
    """Apply every pending migration (run this on PostgreSQL before starting the bot)."""
    config = settings()
    try:
        engine = make_engine(config.database_url or default_url(config.data_dir))
    except IntakeError as exc:
        raise click.ClickException(str(exc)) from exc
    before = current_revision(engine)
    upgrade(engine)
    after = current_revision(engine)
    engine.dispose()
    if before == after:
        click.echo(f"already at {after}")
    else:
        click.echo(f"upgraded {before or 'empty database'} -> {after} (head {head_revision()})")


@db.command("backup")
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
def backup_command(target: Path) -> None:
    """An online, consistent copy of the SQLite database to TARGET (a new file, mode 0600).

    The bot may keep running: SQLite's backup API copies a consistent snapshot. On
    PostgreSQL use pg_dump (see the README).
    """
    config = settings()
    url = make_url(config.database_url or default_url(config.data_dir))
    if url.get_backend_name() != "sqlite" or not url.database:
        raise click.ClickException(
            "db backup copies SQLite; for PostgreSQL use pg_dump (see the README)"
        )
    source = Path(url.database)
    if not source.exists():
        raise click.ClickException(f"no database at {source}")
    os.close(new_private_file(target, "back up"))
    with closing(sqlite3.connect(source)) as live, closing(sqlite3.connect(target)) as copy:
        live.backup(copy)
    click.echo(f"backed up {source} to {target}")
