"""What CLI commands share: settings and the database, built once per invocation.

A configuration error becomes a one-line CLI error that names the setting (never its
value, which may be a secret) and exits 1, instead of a traceback.
"""

from __future__ import annotations

import click

from bot.app import open_database
from bot.config import Settings
from bot.errors import IntakeError
from bot.store.database import Database


def settings() -> Settings:
    """The settings from the environment, turning configuration errors into CLI errors."""
    try:
        return Settings.from_env()
    except IntakeError as exc:
        raise click.ClickException(str(exc)) from exc


def database(config: Settings | None = None, *, migrate: bool = True) -> Database:
    """Open the configured database, turning configuration errors into CLI errors."""
    try:
        return open_database(config or Settings.from_env(), migrate=migrate)
    except IntakeError as exc:
        raise click.ClickException(str(exc)) from exc
