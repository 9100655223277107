"""``intake-bot keys ...``: the age key pairs that sealed case bodies are opened with.

``generate`` runs on the caseworker's own machine, not on the server: it writes the
private key (an identity file, encrypted with a passphrase) and prints the public key,
the only part the server is given (``INTAKE_SEAL_TO``). ``show-public`` tells which
public key an identity file holds. Neither command ever prints a private key or a
passphrase.
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from bot.cli.context import new_private_file
from bot.config import Settings, default_data_dir
from bot.errors import IntakeError, SealedError
from bot.store.sealing import generate, is_age_file, read_identities

#: Shorter passphrases fall to a guessing attack on a stolen identity file, even through
#: age's scrypt; twelve characters is a floor, a few random words are better.
MIN_PASSPHRASE = 12

_PASSPHRASE_FILE = click.option(
    "--passphrase-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Read the passphrase from the first line of this file (for scripts) instead of asking.",
)


@click.group()
def keys() -> None:
    """Key pairs for sealed cases: generate one, show an identity file's public key, move
    sealed cases to new keys (export-sealed, reseal, import-sealed)."""


@keys.command("generate")
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The identity file to write (a new file, e.g. caseworker.age).",
)
@_PASSPHRASE_FILE
def generate_command(output: Path, passphrase_file: Path | None) -> None:
    """Write a new passphrase-protected identity file and print its public key.

    Run it on the caseworker's machine: the identity file opens every case sealed to
    its public key, so it must never be copied to the server.
    """
    # Checked before the passphrase is asked, so that nobody types one for nothing;
    # new_private_file checks again, atomically, when the file is created.
    if output.exists() or output.is_symlink():
        raise click.ClickException(f"{output} exists: write the identity to a new file")
    data_dir = _data_dir()
    if _inside(output, data_dir):
        click.echo(
            f"warning: {output} is inside the bot's data directory ({data_dir}). The private"
            " key must not live on the server: a copy of that directory would open every"
            " sealed case. Move the file to the caseworker's machine and delete it here.",
            err=True,
        )
    if passphrase_file is not None:
        try:
            passphrase = _checked(_first_line(passphrase_file))
        except click.BadParameter as exc:
            raise click.ClickException(f"--passphrase-file: {exc.message}") from None
    else:
        passphrase = click.prompt(
            "Passphrase for the identity file",
            hide_input=True,
            confirmation_prompt=True,
            value_proc=_checked,
            err=True,
        )
    content, public = generate(passphrase)
    descriptor = new_private_file(output, "write the identity")
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(content)
    click.echo(f"identity written to {output} (mode 0600, encrypted with your passphrase)")
    click.echo(f"public key: {public}")
    click.echo("")
    click.echo("Next steps:")
    click.echo(f"  1. On the server, set INTAKE_SEAL_TO={public}")
    click.echo("     Give the server only this public key; never copy the identity file there.")
    click.echo(
        f"  2. Keep {output.name} and its passphrase with the caseworker who reads cases."
        " Without both, no one can open a case sealed to this key."
    )
    click.echo(
        "  3. Optional, recommended: generate a second key for an offline backup"
        " (`intake-bot keys generate --output backup.age`, kept offline) and list both,"
        " comma-separated:"
    )
    click.echo(f"     INTAKE_SEAL_TO={public},age1...(backup key)")
    click.echo(f"Check which key a file holds: intake-bot keys show-public --identity {output}")


@keys.command("show-public")
@click.option(
    "--identity",
    "-i",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The identity file (from `intake-bot keys generate`, or a plain age identity file).",
)
@_PASSPHRASE_FILE
def show_public_command(identity: Path, passphrase_file: Path | None) -> None:
    """Print the public key(s) an identity file holds."""
    try:
        content = identity.read_bytes()
    except OSError as exc:
        raise click.ClickException(f"{identity} cannot be read ({exc.strerror})") from None
    passphrase: str | None = None
    if is_age_file(content):
        if passphrase_file is not None:
            passphrase = _first_line(passphrase_file)
        else:
            passphrase = click.prompt(
                "Passphrase for the identity file", hide_input=True, err=True
            )
    try:
        identities = read_identities(content, passphrase)
    except SealedError as exc:
        raise click.ClickException(f"{identity}: {exc}") from None
    for found in identities:
        click.echo(str(found.to_public()))
    if passphrase is None:
        click.echo(
            f"note: {identity} is not protected by a passphrase; anyone who copies it can"
            " open the cases sealed to it",
            err=True,
        )


def _checked(passphrase: str) -> str:
    """``passphrase`` if it is long enough; the message never repeats it."""
    if not passphrase:
        raise click.BadParameter("the passphrase is empty")
    if len(passphrase) < MIN_PASSPHRASE:
        raise click.BadParameter(
            f"the passphrase is too short: use at least {MIN_PASSPHRASE} characters"
            " (a few random words are easy to type and hard to guess)"
        )
    return passphrase


def _first_line(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise click.ClickException(f"{path} cannot be read as a UTF-8 text file") from None
    lines = text.splitlines()
    return lines[0] if lines else ""


def _data_dir() -> Path:
    """The bot's data directory as the server would see it with this environment."""
    try:
        return Settings.from_env().data_dir
    except IntakeError:
        # Another setting is wrong (this machine need not be configured to run the
        # bot); the data directory is still where the bot would put its files.
        return Path(os.environ.get("INTAKE_DATA_DIR") or default_data_dir(os.environ))


def _inside(path: Path, folder: Path) -> bool:
    # Resolved, so that `./x.age` run from inside the folder, or a link to it, counts.
    return path.resolve().is_relative_to(folder.resolve())
