"""``intake-bot flows ...``: check, draw and describe flow files (for admins)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape

from bot.cli.context import settings
from bot.flow.diagram import mermaid
from bot.flow.loader import check_bytes, check_file, check_files
from bot.flow.po import export_po, import_po
from bot.flow.schema import render_schema


@click.group()
def flows() -> None:
    """Check, draw and export flow definitions."""


@flows.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def check(paths: tuple[Path, ...], fmt: str) -> None:
    """Check flow files (default: every file in the flows folder) and report every problem.

    Exits 1 when any problem is found, 0 otherwise.
    """
    results = check_files(list(paths) or [settings().flows_dir])
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


@flows.command("export-po")
@click.argument("flow_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--locale", "locale", required=True, help="Target locale, e.g. ko.")
@click.option("--source", default="ja", show_default=True, help="Locale translators read.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None)
def export_po_command(flow_path: Path, locale: str, source: str, output: Path | None) -> None:
    """Write a flow's texts as a PO file for translators (Poedit, Weblate)."""
    result = check_file(flow_path)
    if result.flow is None:
        for problem in result.problems:
            click.echo(problem.render(), err=True)
        sys.exit(1)
    for code in (locale, source):
        if code not in result.flow.locales:
            raise click.BadParameter(
                f"{code!r} is not one of the flow's locales ({', '.join(result.flow.locales)})"
            )
    content = export_po(result.flow, locale, source, flow_path.name)
    if output is None:
        click.echo(content.decode("utf-8"), nl=False)
    else:
        output.write_bytes(content)


@flows.command("import-po")
@click.argument("flow_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("po_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--locale", default=None, help="Locale of the PO file (default: its header).")
def import_po_command(flow_path: Path, po_path: Path, locale: str | None) -> None:
    """Apply a translated PO file to a flow; refuse the result if the checker finds problems.

    Remember to raise the flow's version.
    """
    try:
        imported = import_po(flow_path.read_text(encoding="utf-8"), po_path.read_bytes(), locale)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    result = check_bytes(imported.text.encode("utf-8"), str(flow_path))
    for skipped in imported.skipped:
        click.echo(f"skipped {skipped}", err=True)
    if result.problems:
        for problem in result.problems:
            click.echo(problem.render(), err=True)
        click.echo(f"{flow_path} left unchanged: the imported texts have problems", err=True)
        sys.exit(1)
    flow_path.write_text(imported.text, encoding="utf-8")
    click.echo(f"{flow_path}: {imported.applied} {imported.locale} text(s) imported")


def _actor(name: str | None) -> str:
    import getpass

    return name or getpass.getuser()


_AS = click.option("--as", "actor", help="Your name for the audit log (default: login name).")


@flows.command()
@click.argument("flow_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_AS
def publish(flow_path: Path, actor: str | None) -> None:
    """Check a flow and publish it as its new version; running bots pick it up at once."""
    from bot.cli.context import database
    from bot.flow.loader import read_flow_file
    from bot.store.flows import FlowRegistry

    try:
        content = read_flow_file(flow_path)
    except OSError as exc:
        message = f"{flow_path}: cannot read the flow file ({exc.strerror})"
        raise click.ClickException(message) from None
    # Publishing may be the first thing done on a new installation: it may create the file.
    registry = FlowRegistry(database(create=True))
    result = registry.publish(content, str(flow_path), actor=_actor(actor))
    for problem in result.problems:
        click.echo(problem.render(), err=True)
    if not result.ok:
        raise click.ClickException(
            result.refusal or f"{flow_path} has problems: nothing published"
        )
    click.echo(f"published {result.flow_id} v{result.version}")


@flows.command("list")
def list_versions() -> None:
    """List published flow versions (the newest of each flow serves new sessions)."""
    from bot.cli.context import database
    from bot.store.flows import FlowRegistry

    rows = FlowRegistry(database()).listing()
    newest = {r.flow_id: r.version for r in rows}
    for row in rows:
        mark = "  <- new sessions" if newest[row.flow_id] == row.version else ""
        by = row.published_by or "(not recorded)"
        click.echo(
            f"{row.flow_id} v{row.version}  {row.published_at:%Y-%m-%d %H:%M} UTC"
            f"  by {by}  {row.digest[:12]}{mark}"
        )
    if not rows:
        click.echo("no published flow (the bot publishes flows/ when it first starts)")


@flows.command()
@click.argument("flow_id")
@_AS
def rollback(flow_id: str, actor: str | None) -> None:
    """Publish the previous version of FLOW_ID again, as a new version number."""
    from bot.cli.context import database
    from bot.store.flows import FlowRegistry

    result = FlowRegistry(database()).rollback(flow_id, actor=_actor(actor))
    if not result.ok:
        raise click.ClickException(result.refusal or "rollback failed")
    click.echo(f"published {flow_id} v{result.version} (the content of the previous version)")
