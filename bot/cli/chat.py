"""``intake-bot chat``: the intake in the terminal, on the engine and database the bot uses."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import click
from rich.console import Console

from bot.app import Intake, key_beside_database, open_database, publish_missing
from bot.cli.context import settings as cli_settings
from bot.config import Settings
from bot.console import TerminalChat
from bot.errors import IntakeError
from bot.i18n import Catalogs
from bot.store.flows import FlowRegistry

LANGS = {"ja": "ja", "ko": "ko", "zh": "zh_Hans", "zh_Hans": "zh_Hans"}


def _lines(console: Console, interactive: bool) -> Iterator[str]:
    if not interactive:
        yield from sys.stdin
        return
    while True:
        try:
            yield console.input("[bold cyan]> [/]")
        except (EOFError, KeyboardInterrupt):
            console.print()
            return


@click.command()
@click.option("--lang", type=click.Choice(sorted(LANGS)), help="Supporter language.")
@click.option(
    "--flows",
    "flows_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of flows to publish if none is published yet (default: the shipped ones).",
)
def chat(lang: str | None, flows_dir: Path | None) -> None:
    """Go through the intake in the terminal (type the number of a choice; /help)."""
    settings = cli_settings()
    if flows_dir is not None:
        settings = Settings(**{**settings.__dict__, "flows_dir": flows_dir})
    try:
        db = open_database(settings)
        registry = FlowRegistry(db)
        publish_missing(registry, settings)
        intake = Intake(db, registry, Catalogs.load(settings.locales_dir), channel="terminal")
        interactive = sys.stdin.isatty() and sys.stdout.isatty()
        if key_beside_database(settings) is not None and interactive:
            # A local trial may keep its key beside its data; a real deployment may not.
            click.echo(
                f"note: the key file sits beside the data in {settings.data_dir}; fine for"
                " trying it, never for real intakes (see docs/deployment.md)",
                err=True,
            )
        # Piped output is a transcript: no wrapping, no styling.
        console = Console(highlight=False, soft_wrap=not interactive)
        session = TerminalChat(intake, console, echo_input=not interactive)
        session.begin(LANGS[lang] if lang else None)
        session.run(_lines(console, interactive))
    except IntakeError as exc:
        raise click.ClickException(str(exc)) from exc
