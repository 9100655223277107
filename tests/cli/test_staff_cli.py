"""``intake-bot staff``: invite, list, remove, as an operator types them."""

from __future__ import annotations

import re

from bot.store.staff import StaffRepository
from tests.cli.test_admin_staff_cli import Cli, cli

__all__ = ["cli"]


def test_invite_join_list_remove(cli: Cli) -> None:
    printed = cli.ok("staff", "invite", "--role", "admin", "--label", "mina", "--as", "aiko")
    [code] = re.findall(r"/join (\w{4}-\w{4}-\w{4})", printed.stdout)
    assert "valid 24 h, usable once" in printed.stdout
    staff = StaffRepository(cli.database())
    assert staff.join(42, 42, code, locale="ja") == "joined"
    listing = cli.ok("staff", "list").stdout
    assert "mina" in listing
    assert "admin" in listing
    refused = cli.run("staff", "invite", "--label", "mina")
    assert refused.exit_code != 0
    assert "already a member's" in refused.output
    assert cli.run("staff", "invite", "--label", "not a label!").exit_code != 0
    assert "mina removed" in cli.ok("staff", "remove", "mina", "--as", "aiko").stdout
    assert staff.member(42) is None
    missing = cli.run("staff", "remove", "mina")
    assert missing.exit_code == 1
    assert "staff list" in missing.output
