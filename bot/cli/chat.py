"""``intake-bot chat``: the intake in the terminal, on the engine and database the bot uses."""

from __future__ import annotations

import os
import sys
from contextlib import nullcontext
from pathlib import Path

import click
from rich.console import Console

from bot.app import Intake, build_scrubber, key_beside_database, open_database, publish_missing
from bot.cli.chat_input import piped_lines, system_locale, terminal_lines
from bot.cli.context import settings as cli_settings
from bot.config import Settings
from bot.console import TerminalChat
from bot.errors import IntakeError
from bot.i18n import Catalogs
from bot.store.flows import FlowRegistry

LANGS = {"ja": "ja", "ko": "ko", "zh": "zh_Hans", "zh_Hans": "zh_Hans"}


@click.command()
@click.option(
    "--lang",
    type=click.Choice(sorted(LANGS)),
    help="Supporter language, also for a conversation in progress (default: the system's"
    " locale if it is ja, ko or zh, else asked).",
)
@click.option(
    "--flows",
    "flows_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of flows to publish if none is published yet (default: the shipped ones).",
)
def chat(lang: str | None, flows_dir: Path | None) -> None:
    """Go through the intake in the terminal (type the number of a choice; /help)."""
    # The entry point reads the environment; what is below it is given what it needs.
    system = system_locale(os.environ)
    settings = cli_settings()
    if flows_dir is not None:
        settings = Settings(**{**settings.__dict__, "flows_dir": flows_dir})
    try:
        db = open_database(settings)
        registry = FlowRegistry(db)
        publish_missing(registry, settings)
        catalogs = Catalogs.load(settings.locales_dir)
        interactive = sys.stdin.isatty() and sys.stdout.isatty()
        # Names no rule points at need the NER layer (INTAKE_NER; loaded once, here): it
        # takes seconds, so a terminal says what it is waiting for.
        loading = Console(stderr=True).status(
            "loading the name models (INTAKE_NER=off starts at once, with the rules alone)"
        )
        with loading if interactive else nullcontext():
            scrubber = build_scrubber(settings)
        intake = Intake.configured(db, registry, catalogs, settings, "terminal", scrubber)
        if key_beside_database(settings) is not None and interactive:
            # A local trial may keep its key beside its data; a real deployment may not.
            click.echo(
                f"note: the key file sits beside the data in {settings.data_dir}; fine for"
                " trying it, never for real intakes (see docs/deployment.md)",
                err=True,
            )
        # Piped output is a transcript: no wrapping, no styling.
        console = Console(highlight=False, soft_wrap=not interactive)
        conversation = TerminalChat(intake, console, echo_input=not interactive)
        conversation.begin(LANGS[lang] if lang else None, system)
        conversation.run(terminal_lines() if interactive else piped_lines(sys.stdin))
        conversation.farewell()
    except IntakeError as exc:
        raise click.ClickException(str(exc)) from exc
