"""What CLI commands share: settings and the database, built once per invocation."""

from __future__ import annotations

import click

from bot.app import open_database
from bot.config import Settings
from bot.errors import IntakeError
from bot.store.database import Database


def database(*, migrate: bool = True) -> Database:
    """Open the configured database, turning configuration errors into CLI errors."""
    try:
        return open_database(Settings.from_env(), migrate=migrate)
    except IntakeError as exc:
        raise click.ClickException(str(exc)) from exc
