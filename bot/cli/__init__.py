"""The ``intake-bot`` command: one group, with subcommands in sibling modules."""

from __future__ import annotations

import click

from bot import __version__
from bot.errors import IntakeError


class _Main(click.Group):
    """Any error of ours that reaches the top is one line, never a traceback: its message
    names what to fix (a setting, a key directory), never a secret's value."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except IntakeError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="intake-bot")
def main() -> None:
    """Intake assistant for supporters of North Korean defectors of Japanese heritage."""


def _register() -> None:
    # Imported here so that each subcommand module owns its own dependencies.
    from bot.cli import (
        audit,
        chat,
        db,
        doctor,
        flows,
        health,
        keys,
        purge,
        reseal,
        run,
        scrub,
        staff,
        stubs,
    )

    main.add_command(audit.audit)
    main.add_command(chat.chat)
    main.add_command(db.db)
    main.add_command(doctor.doctor)
    main.add_command(flows.flows)
    main.add_command(health.health)
    keys.keys.add_command(reseal.export_sealed_command)
    keys.keys.add_command(reseal.reseal_command)
    keys.keys.add_command(reseal.import_sealed_command)
    main.add_command(keys.keys)
    main.add_command(purge.purge_command)
    main.add_command(run.run)
    main.add_command(run.webhook)
    main.add_command(scrub.scrub)
    main.add_command(staff.staff)
    main.add_command(stubs.stubs)


_register()
