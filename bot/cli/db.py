"""``intake-bot db upgrade``: bring the database schema up to date (Alembic)."""

from __future__ import annotations

import click

from bot.cli.context import settings
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
