"""``intake-bot health``: for container health checks (database reachable, webhook up)."""

from __future__ import annotations

import sys
import urllib.request

import click

from bot.cli.context import database


@click.command()
@click.option("--webhook-url", help="Also require this /healthz URL to answer 200.")
def health(webhook_url: str | None) -> None:
    """Exit 0 when the database answers (and the webhook, if given); 1 otherwise."""
    try:
        db = database(migrate=False)
        db.ping()
        db.dispose()
        if webhook_url:
            with urllib.request.urlopen(webhook_url, timeout=5) as response:
                if response.status != 200:
                    raise OSError(f"webhook answered {response.status}")
    except click.ClickException as exc:  # our own one-line reason: it says what to do
        click.echo(f"unhealthy: {exc.message}", err=True)
        sys.exit(1)
    except Exception as exc:  # a driver's message may hold the database URL: its type only
        click.echo(f"unhealthy: {type(exc).__name__}", err=True)
        sys.exit(1)
    click.echo("ok")
