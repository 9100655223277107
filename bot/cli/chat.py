"""``intake-bot chat``: the intake in the terminal."""

from __future__ import annotations

from pathlib import Path

import click

from bot.errors import IntakeError
from bot.flow.loader import load_flows


@click.command()
@click.option("--flow", "flow_path", type=click.Path(path_type=Path), default=Path("flows"))
def chat(flow_path: Path) -> None:
    """Load the flows and show what the intake will ask."""
    try:
        flows = load_flows([flow_path])
    except IntakeError as exc:
        raise click.ClickException(str(exc)) from exc
    for flow in flows.values():
        click.echo(f"flow {flow.id!r} v{flow.version}: {len(flow.steps)} steps")
