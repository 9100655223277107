"""``intake-bot audit``: who did what to which case, and when; never what a case says."""

from __future__ import annotations

import json

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from bot.cli.context import database
from bot.store.stubs import StubRepository
from bot.stub import normalize_reference


@click.command("audit")
@click.option("--reference", help="Only this case.")
@click.option("--last", type=click.IntRange(1, 100_000), default=50, show_default=True)
def audit(reference: str | None, last: int) -> None:
    """The newest entries of the audit log (times in UTC)."""
    wanted = normalize_reference(reference) if reference else None
    if reference and wanted is None:
        raise click.BadParameter(f"{reference!r} is not a case reference (like ABCD-1234)")
    entries = [
        e
        for e in StubRepository(database()).audit_log()
        if wanted is None or e.reference == wanted
    ][-last:]
    table = Table(title=f"{len(entries)} audit entr{'y' if len(entries) == 1 else 'ies'}")
    for column in ("time (UTC)", "who", "action", "case", "detail"):
        table.add_column(column)
    for e in entries:
        table.add_row(
            e.at.strftime("%Y-%m-%d %H:%M:%S"),
            escape(e.actor),
            e.action,
            e.reference or "",
            escape(json.dumps(e.detail, ensure_ascii=False, sort_keys=True)) if e.detail else "",
        )
    Console(highlight=False).print(table)
