"""What CLI commands share: settings and the database, built once per invocation.

A configuration error becomes a one-line CLI error that names the setting (never its
value, which may be a secret) and exits 1, instead of a traceback.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import click
from pyrage import x25519

from bot.app import open_database
from bot.config import Settings
from bot.errors import IntakeError, SealedError
from bot.store.database import Database
from bot.store.sealing import is_age_file, read_identities


def settings() -> Settings:
    """The settings from the environment, turning configuration errors into CLI errors."""
    try:
        return Settings.from_env()
    except IntakeError as exc:
        raise click.ClickException(str(exc)) from exc


def new_private_file(path: Path, verb: str) -> int:
    """Open ``path`` as a new file, mode 0600 from its first byte, never through a link:
    an existing file (perhaps another user's, perhaps a link planted to catch what is
    written) keeps its owner and its readers. Returns the descriptor."""
    try:
        return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except FileExistsError:
        raise click.ClickException(f"{path} exists: {verb} to a new file") from None
    except OSError as exc:
        raise click.ClickException(f"{path} cannot be created ({exc.strerror})") from None


def database(
    config: Settings | None = None, *, migrate: bool = True, create: bool = False
) -> Database:
    """Open the configured database, turning configuration errors into CLI errors.

    Without ``create``, an SQLite file that does not exist is an error: a command run
    from the wrong folder must say so, not answer "0 case stubs" from a new, empty file.
    """
    try:
        return open_database(config or settings(), migrate=migrate, create=create)
    except IntakeError as exc:
        raise click.ClickException(str(exc)) from exc


IDENTITY = click.option(
    "--identity",
    "identity",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="An identity file of the organisation (from `keys generate`) to open sealed"
    " cases; its passphrase is asked for. Give it more than once when cases were sealed"
    " to different keys. Use it on a caseworker's machine, never on the server.",
)


def read_identity_files(paths: Sequence[Path]) -> list[x25519.Identity] | None:
    """The identities in ``paths``, each passphrase asked on the terminal; ``None``: none
    given."""
    if not paths:
        return None
    found: list[x25519.Identity] = []
    for path in paths:
        content = path.read_bytes()
        phrase = None
        if is_age_file(content):
            phrase = click.prompt(f"Passphrase of {path.name}", hide_input=True, err=True)
        try:
            found.extend(read_identities(content, phrase))
        except SealedError as exc:
            raise click.ClickException(f"{path}: {exc}") from None
    return found
