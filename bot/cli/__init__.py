"""The ``intake-bot`` command: one group, with subcommands in sibling modules."""

from __future__ import annotations

import click

from bot import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
    main.add_command(keys.keys)
    main.add_command(purge.purge_command)
    main.add_command(run.run)
    main.add_command(run.webhook)
    main.add_command(scrub.scrub)
    main.add_command(staff.staff)
    main.add_command(stubs.stubs)


_register()
