"""``intake-bot flows ...``: check, draw and describe flow files (for admins)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape

from bot.flow.diagram import mermaid
from bot.flow.loader import check_file, check_files
from bot.flow.schema import render_schema

DEFAULT_FLOWS = Path("flows")


@click.group()
def flows() -> None:
    """Check, draw and export flow definitions."""


@flows.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def check(paths: tuple[Path, ...], fmt: str) -> None:
    """Check flow files (default: every file in flows/) and report every problem.

    Exits 1 when any problem is found, 0 otherwise.
    """
    results = check_files(list(paths) or [DEFAULT_FLOWS])
    problems = [p for r in results for p in r.problems]
    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    "files": [
                        {"file": r.source, "ok": r.ok, "flow": r.flow.id if r.flow else None}
                        for r in results
                    ],
                    "problems": [p.to_json() for p in problems],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        console = Console(highlight=False, soft_wrap=True)
        for problem in problems:
            console.print(
                f"[bold]{escape(problem.location)}[/]: [red]{problem.code}[/] "
                f"[dim]{problem.name}[/]"
                + (f" at [cyan]{escape(problem.path)}[/]" if problem.path else "")
                + f"\n    {escape(problem.message)}\n    [green]fix:[/] {escape(problem.fix)}"
            )
        for result in results:
            if result.ok and result.flow is not None:
                console.print(
                    f"[green]ok[/] {escape(result.source)}: flow {result.flow.id!r} "
                    f"v{result.flow.version}, {len(result.flow.steps)} steps"
                )
        if not results:
            console.print("[red]no flow files found[/]")
        elif problems:
            console.print(f"[red]{len(problems)} problem(s)[/] in {len(results)} file(s)")
    sys.exit(1 if problems or not results else 0)


@flows.command()
@click.argument("flow_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--into",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Rewrite the ```mermaid block after <!-- diagram:FLOW_ID --> in this Markdown file.",
)
def diagram(flow_path: Path, into: Path | None) -> None:
    """Print a flow's step graph as a Mermaid flowchart."""
    result = check_file(flow_path)
    if result.flow is None:
        for problem in result.problems:
            click.echo(problem.render(), err=True)
        sys.exit(1)
    chart = mermaid(result.flow)
    if into is None:
        click.echo(chart, nl=False)
        return
    marker = f"<!-- diagram:{result.flow.id} -->\n```mermaid\n"
    text = into.read_text(encoding="utf-8")
    start = text.find(marker)
    if start < 0:
        raise click.ClickException(f"{into} has no {marker.splitlines()[0]} block")
    body = start + len(marker)
    end = text.index("```", body)
    into.write_text(text[:body] + chart + text[end:], encoding="utf-8")


@flows.command()
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None)
def schema(output: Path | None) -> None:
    """Print (or write) the JSON Schema of the flow format."""
    text = render_schema()
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
