"""``intake-bot staff ...``: invite people to the staff on Telegram, list and remove them.

An invite prints a one-time code (single use, 24 hours by default); the person sends
``/join CODE`` to the bot in a private chat. Every change is in the audit log under the
``--as`` name (default: the login name).
"""

from __future__ import annotations

import getpass
import random
import re
from datetime import timedelta

import click
from rich.console import Console
from rich.table import Table

from bot.cli.context import database
from bot.store.staff import ROLES, StaffRepository

#: A label is the organisation's word for the person: short, plain, never their name
#: on Telegram (the bot never reads that).
_LABEL = re.compile(r"[\w.-]{1,64}")


@click.group()
def staff() -> None:
    """Staff and admins on Telegram: invite, list, remove."""


@staff.command("invite")
@click.option("--role", type=click.Choice(ROLES), default="staff", show_default=True)
@click.option("--label", help="Your organisation's word for the person, e.g. mina or desk-2.")
@click.option("--hours", type=click.IntRange(1, 24 * 7), default=24, show_default=True)
@click.option("--as", "actor", help="Your name for the audit log (default: login name).")
def invite_command(role: str, label: str | None, hours: int, actor: str | None) -> None:
    """Print a one-time code; the person sends /join CODE to the bot."""
    repository = StaffRepository(database())
    rng = random.SystemRandom()
    label = label or f"{role}-{rng.randrange(16**4):04x}"
    if not _LABEL.fullmatch(label):
        raise click.BadParameter("use letters, digits, '.', '-' or '_' (64 at most)")
    if any(m.label == label for m in repository.members()):
        raise click.ClickException(f"the label {label!r} is already a member's: choose another")
    code = repository.invite(
        role=role,  # type: ignore[arg-type]  # click.Choice(ROLES)
        label=label,
        actor=actor or getpass.getuser(),
        rng=rng,
        lifetime=timedelta(hours=hours),
    )
    click.echo(f"invite for {label} ({role}), valid {hours} h, usable once:")
    click.echo(f"  /join {code}")
    click.echo("They send this to the bot in a private chat. Share it by a channel you trust.")


@staff.command("list")
def list_command() -> None:
    """Members, oldest first."""
    members = StaffRepository(database()).members()
    table = Table(title=f"{len(members)} member(s)")
    for column in ("id", "label", "role", "language", "joined (UTC)"):
        table.add_column(column)
    for m in members:
        table.add_row(str(m.id), m.label, m.role, m.locale, m.joined_at.strftime("%Y-%m-%d %H:%M"))
    Console().print(table)


@staff.command("remove")
@click.argument("member")
@click.option("--as", "actor", help="Your name for the audit log (default: login name).")
def remove_command(member: str, actor: str | None) -> None:
    """Remove a member (by label or id); it takes effect at once."""
    if not StaffRepository(database()).remove(member, actor=actor or getpass.getuser()):
        raise click.ClickException(f"no member {member!r}: see `intake-bot staff list`")
    click.echo(f"{member} removed")
