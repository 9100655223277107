"""``intake-bot purge``: delete what is kept past its time (also runs inside the bot)."""

from __future__ import annotations

import click

from bot.cli.context import database
from bot.config import Settings
from bot.store.purge import purge


@click.command("purge")
def purge_command() -> None:
    """Delete abandoned sessions, old update ids and closed cases past retention."""
    settings = Settings.from_env()
    result = purge(
        database(), session_ttl=settings.session_ttl, case_retention=settings.case_retention
    )
    click.echo(
        f"purged {result.sessions} session(s), {result.updates} update id(s),"
        f" {result.cases} closed case(s)"
    )
