"""``intake-bot keys export-sealed | reseal | import-sealed``: moving sealed cases to new
keys, the private key staying on the caseworker's machine (see ``bot.store.resealing``).

::

    server$      intake-bot keys export-sealed --output sealed.json
    caseworker$  intake-bot keys reseal sealed.json --identity old.age \\
                     --to age1new... --to age1backup... --output resealed.json
    server$      intake-bot keys import-sealed resealed.json
"""

from __future__ import annotations

import getpass
import json
import os
from pathlib import Path

import click

from bot.cli.context import IDENTITY, database, new_private_file, read_identity_files
from bot.errors import IntakeError
from bot.store.resealing import SealedItem, replace_sealed, reseal, sealed_items
from bot.store.sealing import parse_recipients


def _write(items: list[SealedItem], output: Path) -> None:
    text = json.dumps([item.to_json() for item in items], ensure_ascii=False, indent=2)
    with os.fdopen(new_private_file(output, "write"), "w", encoding="utf-8") as handle:
        handle.write(text + "\n")


def _read(path: Path) -> list[SealedItem]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, list):
            raise ValueError("not a list")
        return [SealedItem.from_json(entry) for entry in data]
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise click.ClickException(
            f"{path} is not a file of sealed items (`keys export-sealed` or `keys reseal`"
            f" output): {exc}"
        ) from None


@click.command("export-sealed")
@click.option("--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
def export_sealed_command(output: Path) -> None:
    """Write every sealed case body and sealed note, still sealed, to a new file (0600),
    for `keys reseal` on the caseworker's machine."""
    items = sealed_items(database())
    _write(items, output)
    cases = sum(1 for item in items if item.kind == "case")
    click.echo(f"{cases} case(s) and {len(items) - cases} note(s) written to {output}", err=True)


@click.command("reseal")
@click.argument("sealed", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@IDENTITY
@click.option(
    "--to",
    "recipients",
    multiple=True,
    required=True,
    help="A public key (age1...) to seal to; give every key the cases should open with,"
    " the backup key included.",
)
@click.option("--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
def reseal_command(
    sealed: Path, identity: tuple[Path, ...], recipients: tuple[str, ...], output: Path
) -> None:
    """Open what `keys export-sealed` wrote with the old identity and seal it to the new
    keys. Runs on the caseworker's machine: no database, no server secret, no network."""
    if not identity:
        raise click.UsageError("give --identity FILE (the key the cases are sealed to now)")
    try:
        keys = parse_recipients(" ".join(recipients), "--to")
    except IntakeError as exc:
        raise click.ClickException(str(exc)) from None
    items = _read(sealed)
    done, left = reseal(items, read_identity_files(identity) or [], keys)
    for item, why in left:
        click.echo(f"{item.reference}: left as it is: {why}", err=True)
    _write(done, output)
    click.echo(f"{len(done)} item(s) sealed to {len(keys)} key(s), written to {output}", err=True)
    if items and not done:
        raise click.ClickException("nothing opened with the identities given")


@click.command("import-sealed")
@click.argument("resealed", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--as", "actor", help="Your name for the audit log (default: login name).")
def import_sealed_command(resealed: Path, actor: str | None) -> None:
    """Put what `keys reseal` wrote in place. An item whose case or note changed or went
    since the export is left out, so nothing erased comes back."""
    items = _read(resealed)
    try:
        result = replace_sealed(database(), items, actor=actor or getpass.getuser())
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(
        f"{result.replaced} item(s) re-sealed; {result.stale} changed or erased since the"
        " export, left as they are"
    )
