"""``intake-bot purge``: delete what is kept past its time (also runs inside the bot)."""

from __future__ import annotations

import click

from bot.cli.context import database, settings
from bot.store.purge import purge


@click.command("purge")
def purge_command() -> None:
    """Delete abandoned sessions, old update ids and closed cases past retention; rewrite
    what an older data key encrypted and destroy the keys nothing uses."""
    config = settings()
    result = purge(
        database(config), session_ttl=config.session_ttl, case_retention=config.case_retention
    )
    click.echo(
        f"purged {result.sessions} session(s), {result.updates} update id(s),"
        f" {result.messages} message id(s) too old to delete,"
        f" {result.cases} closed case(s); rewrote {result.rewritten} row(s) under today's"
        f" data key, destroyed {len(result.keys_destroyed)} expired data key(s)"
    )
    if result.unreadable:
        click.echo(
            f"warning: {result.unreadable} stored row(s) open with no key this server holds"
            " (written under another INTAKE_SECRET_KEY or key directory?); left as they are",
            err=True,
        )
