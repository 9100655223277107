"""``intake-bot chat``: the intake in the terminal, on the engine the bot uses."""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import click
from rich.console import Console

from bot.config import Settings
from bot.console import TerminalChat
from bot.engine.compiled import compile_flow
from bot.engine.context import Context
from bot.errors import IntakeError
from bot.flow.loader import load_flows
from bot.i18n import Catalogs
from bot.render import Renderer
from bot.scrub import kind_label, scrub
from bot.stubfile import StubFiles

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
@click.option("--flow", "flow_path", type=click.Path(path_type=Path), help="Flow file or folder.")
def chat(lang: str | None, flow_path: Path | None) -> None:
    """Go through the intake in the terminal (type the number of a choice; /help)."""
    settings = Settings.from_env()
    try:
        flows = load_flows([flow_path or settings.flows_dir])
        catalogs = Catalogs.load(settings.locales_dir)
    except IntakeError as exc:
        raise click.ClickException(str(exc)) from exc
    flow = flows.get("intake") or next(iter(flows.values()))
    compiled = compile_flow(flow)
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    # Piped output is a transcript: no wrapping, no styling.
    console = Console(highlight=False, soft_wrap=not interactive)
    ctx = Context(
        now=lambda: datetime.now(UTC),
        rng=random.SystemRandom(),
        scrub=scrub,
        translate=catalogs.label,
    )
    stubs = StubFiles(settings.data_dir / "stubs")
    session = TerminalChat(
        compiled,
        Renderer(compiled, catalogs, kind_label),
        ctx,
        console,
        lambda stub: str(stubs.save(stub)),
        echo_input=not interactive,
    )
    session.begin(LANGS[lang] if lang else None)
    session.run(_lines(console, interactive))
