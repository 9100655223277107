"""``intake-bot stubs ...``: staff read, claim, close and export case stubs.

Output formats are stable: ``table`` for people (urgent first), ``json`` and ``csv`` for
tools (documented in docs/stubs-format.md). Every command is recorded in the audit log
under the ``--as`` name (default: the login name), without stub content.
"""

from __future__ import annotations

import csv
import getpass
import io
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click
from pyrage import x25519
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from bot.app import Intake
from bot.casefile import CaseFile
from bot.cli.context import IDENTITY, database, new_private_file, read_identity_files, settings
from bot.errors import SealedError
from bot.i18n import Catalogs
from bot.store.flows import FlowRegistry
from bot.store.sealing import case_body
from bot.store.stubs import PRIORITIES, STATUSES, StubRepository, StubView
from bot.stub import normalize_reference

CSV_COLUMNS = (
    "reference",
    "status",
    "priority",
    "created",
    "locale",
    "region",
    "contact",
    "flow_id",
    "flow_version",
    "claimed_by",
    "claimed_at",
    "closed_at",
    "answers",
    "texts",
    "removed",
    # Last, so that tools reading the columns before sealing still find theirs.
    "sealed",
    "sealed_to",
)
_STYLE = {"urgent": "bold red", "high": "yellow", "normal": ""}


def _actor(name: str | None) -> str:
    return name or getpass.getuser()


def _reference(text: str) -> str:
    reference = normalize_reference(text)
    if reference is None:
        raise click.BadParameter(f"{text!r} is not a case reference (like ABCD-1234)")
    return reference


def _since(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise click.BadParameter(
            f"{text!r}: use a date like 2026-11-01 or 2026-11-01T09:00"
        ) from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def render_csv(views: list[StubView]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for view in views:
        row: dict[str, Any] = view.to_json()
        for nested in ("answers", "texts", "removed", "sealed_to"):
            row[nested] = json.dumps(row[nested], ensure_ascii=False, sort_keys=True)
        # Booleans as in the JSON format, not Python's True/False.
        row["contact"] = "true" if row["contact"] else "false"
        writer.writerow({k: row.get(k) for k in CSV_COLUMNS})
    return out.getvalue()


#: Starts a formula in a spreadsheet cell; such a value is written after a quote mark.
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def render_sheet(views: list[StubView]) -> str:
    """CSV for spreadsheet programs: a byte-order mark (so CJK text opens as UTF-8), the
    queue's columns, then one column per answer field and free-text field, with codes
    (several joined by "; "); nothing in a cell can start a formula."""
    fields = sorted({f for v in views for f in (*v.answers, *v.texts)})
    base = ("reference", "status", "priority", "created", "locale", "region", "contact")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*base, *fields])
    for view in views:
        data = view.to_json()
        row = [data[c] for c in base]
        row[base.index("contact")] = "yes" if view.contact else "no"
        for field in fields:
            value = view.answers.get(field, view.texts.get(field, ""))
            row.append("; ".join(value) if isinstance(value, list) else value)
        writer.writerow(["'" + c if str(c).startswith(_FORMULA) else c for c in row])
    return "\ufeff" + out.getvalue()


def render_json(views: list[StubView]) -> str:
    return json.dumps([v.to_json() for v in views], ensure_ascii=False, indent=2) + "\n"


def _table(views: list[StubView]) -> Table:
    # Fits 80 columns: no vertical rules; codes and dates never wrap or get cut; the
    # region and the claimer's name fold over lines rather than lose their ends.
    table = Table(
        title=f"{len(views)} case stub(s)",
        box=box.SIMPLE_HEAD,
        collapse_padding=True,
        pad_edge=False,
    )
    for column in ("reference", "priority", "status", "created (UTC)"):
        table.add_column(column, no_wrap=True)
    table.add_column("region", overflow="fold", min_width=10)
    table.add_column("locale", no_wrap=True)
    table.add_column("claimed by", overflow="fold", min_width=10)
    for view in views:
        table.add_row(
            view.reference,
            f"[{_STYLE[view.priority]}]{view.priority}[/]"
            if _STYLE[view.priority]
            else view.priority,
            view.status,
            view.created_at.strftime("%Y-%m-%d %H:%M"),
            view.region or "-",
            view.locale,
            escape(view.claimed_by or ""),
        )
    return table


def _opened(view: StubView, identities: list[x25519.Identity] | None) -> StubView:
    """The case opened, or left sealed with a word on stderr (sealed to other keys)."""
    if identities is None or view.sealed is None:
        return view
    try:
        return view.opened(identities)
    except SealedError as exc:
        click.echo(f"{view.reference}: left sealed: {exc}", err=True)
        return view


@click.group()
def stubs() -> None:
    """Read, claim, close and export case stubs (staff)."""


@stubs.command("list")
@click.option("--status", "status", type=click.Choice(STATUSES), multiple=True)
@click.option("--priority", "priority", type=click.Choice(PRIORITIES), multiple=True)
@click.option("--since", help="Only stubs created since this date (UTC), e.g. 2026-11-01.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table")
@click.option("--as", "actor", help="Your name for the audit log (default: login name).")
def list_command(
    status: tuple[str, ...],
    priority: tuple[str, ...],
    since: str | None,
    fmt: str,
    actor: str | None,
) -> None:
    """List stubs, most urgent first, then oldest first."""
    views = StubRepository(database()).find(
        actor=_actor(actor), status=status, priority=priority, since=_since(since)
    )
    if fmt == "json":
        click.echo(render_json(views), nl=False)
    elif fmt == "csv":
        click.echo(render_csv(views), nl=False)
    else:
        Console(highlight=False).print(_table(views))


@stubs.command("show")
@click.argument("reference")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option(
    "--lang",
    type=click.Choice(["ja", "ko", "zh", "zh_Hans", "en"]),
    help="Show it as staff read it, with every label and answer in this language.",
)
@IDENTITY
@click.option("--as", "actor", help="Your name for the audit log (default: login name).")
def show_command(
    reference: str, fmt: str, lang: str | None, identity: tuple[Path, ...], actor: str | None
) -> None:
    """Show one stub in full (a sealed one with --identity, on your own machine)."""
    config = settings()
    db = database(config)
    identities = read_identity_files(identity)
    view = StubRepository(db).show(_reference(reference), actor=_actor(actor))
    if view is None:
        raise click.ClickException(f"no stub {_reference(reference)}")
    view = _opened(view, identities)
    if lang is not None and fmt == "text":
        catalogs = Catalogs.load(config.locales_dir)
        intake = Intake.configured(db, FlowRegistry(db), catalogs, config, "telegram")
        casefile = CaseFile(intake, catalogs, config.timezone)
        click.echo(casefile.text(view, "zh_Hans" if lang == "zh" else lang, identities))
        return
    if fmt == "json":
        click.echo(json.dumps(view.to_json(), ensure_ascii=False, indent=2))
        return
    console = Console(highlight=False)
    data = view.to_json()
    for key in (
        "reference",
        "priority",
        "status",
        "created",
        "region",
        "locale",
        "contact",
        "claimed_by",
        "claimed_at",
        "closed_at",
        "flow_id",
        "flow_version",
    ):
        console.print(f"[bold]{key}[/]: {escape(str(data[key]))}")
    if view.sealed is not None:
        console.print("[bold]sealed[/]: give --identity FILE (the organisation's key) to read it")
        return
    console.print("[bold]answers[/]:")
    for field, answer in view.answers.items():
        shown = ", ".join(answer) if isinstance(answer, list) else str(answer)
        console.print(f"  {field}: {escape(shown)}")
    for field, text in view.texts.items():
        # Supporter text is data, never Rich markup: `[/]` or `[link=...]` in a note
        # would otherwise crash this command or plant a link in a staff terminal.
        console.print(f"[bold]{field}[/] (scrubbed): {escape(text)}")
    if view.removed:
        console.print(f"[bold]removed by the scrubber[/]: {', '.join(view.removed)}")


@stubs.command("claim")
@click.argument("reference")
@click.option("--as", "actor", required=True, help="Who takes the case.")
def claim_command(reference: str, actor: str) -> None:
    """Take a new stub. Fails if someone else already has it."""
    ref = _reference(reference)
    if not StubRepository(database()).claim(ref, actor=actor):
        raise click.ClickException(f"{ref} is not new (already claimed or closed, or unknown)")
    click.echo(f"{ref} claimed by {actor}")


@stubs.command("close")
@click.argument("reference")
@click.option("--as", "actor", help="Your name for the audit log (default: login name).")
def close_command(reference: str, actor: str | None) -> None:
    """Close a stub; the way back to its supporter is deleted."""
    ref = _reference(reference)
    if not StubRepository(database()).close(ref, actor=_actor(actor)):
        raise click.ClickException(f"{ref} is already closed, or unknown")
    click.echo(f"{ref} closed")


@stubs.command("export")
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "sheet"]), required=True)
@click.option("--status", "status", type=click.Choice(STATUSES), multiple=True)
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path))
@IDENTITY
@click.option("--as", "actor", help="Your name for the audit log (default: login name).")
def export_command(
    fmt: str,
    status: tuple[str, ...],
    output: Path | None,
    identity: tuple[Path, ...],
    actor: str | None,
) -> None:
    """Export stubs as JSON, CSV, or CSV for spreadsheets (``sheet``: one column per
    field, with a byte-order mark), to a file created with permissions 0600.

    Sealed stubs are opened with --identity; without it, JSON carries each sealed case
    as an armored age file (``sealed``) that ``age -d -i identity.age`` opens."""
    identities = read_identity_files(identity)
    views = StubRepository(database()).export(actor=_actor(actor), status=status)
    views = [_opened(v, identities) for v in views]
    sealed = sum(1 for v in views if v.sealed is not None)
    if sealed and fmt == "sheet":
        # A sheet has no place for an age file: sealed rows would look like empty cases.
        raise click.ClickException(
            f"{sealed} sealed case(s): give --identity, or export --format json"
        )
    render = {"json": render_json, "csv": render_csv, "sheet": render_sheet}[fmt]
    text = render(views)
    if output is None:
        sys.stdout.write(text)
        return
    with os.fdopen(new_private_file(output, "export"), "w", encoding="utf-8") as handle:
        handle.write(text)
    click.echo(f"{len(views)} stub(s) written to {output}", err=True)


@stubs.command("open")
@click.argument("export", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@IDENTITY
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path))
def open_command(export: Path, identity: tuple[Path, ...], output: Path | None) -> None:
    """Open the sealed cases of a JSON export on this machine: no database, no server
    secret, no network; only the identity file(s) and passphrase(s)."""
    if not identity:
        raise click.UsageError("give --identity FILE (the organisation's identity)")
    try:
        data = json.loads(export.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        raise click.ClickException(
            f"{export} is not a JSON export (`stubs export --format json`)"
        ) from None
    cases = data if isinstance(data, list) else [data]
    if not all(isinstance(c, dict) and isinstance(c.get("reference"), str) for c in cases):
        raise click.ClickException(f"{export} is not a JSON export of stubs")
    identities = read_identity_files(identity) or []
    opened, left = [], 0
    for case in cases:
        sealed = case.get("sealed")
        if isinstance(sealed, str) and sealed:
            try:
                body = case_body(sealed.encode("utf-8"), identities, case["reference"])
            except SealedError as exc:
                click.echo(f"{case['reference']}: left sealed: {exc}", err=True)
                left += 1
            else:
                # The queue's fields as they are now, the content as it was submitted.
                case = case | {
                    "region": body.region,
                    "answers": body.answers,
                    "texts": body.texts,
                    "removed": body.removed,
                    "sealed": None,
                }
        opened.append(case)
    text = json.dumps(
        opened if isinstance(data, list) else opened[0], ensure_ascii=False, indent=2
    )
    if output is None:
        click.echo(text)
    else:
        with os.fdopen(new_private_file(output, "export"), "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
        click.echo(f"{len(opened)} stub(s) written to {output}", err=True)
    if left and left == sum(1 for c in cases if c.get("sealed")):
        raise click.ClickException("no sealed case opened with the identities given")
