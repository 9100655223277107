"""``intake-bot staff``: invite, list, remove, as an operator types them."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from bot.store.staff import StaffRepository
from tests.cli.test_admin_staff_cli import INTAKE, SCRUBBED_NOTE, Cli, cli, reference_of

__all__ = ["cli"]


def test_invite_join_list_remove(cli: Cli) -> None:
    if cli.backend == "sqlite":
        cli.ok("db", "upgrade")  # where the bot runs
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


def test_show_as_staff_read_it_and_the_audit_log(cli: Cli) -> None:
    reference = reference_of(cli.chat(INTAKE))
    shown = cli.run(
        "stubs", "show", reference.lower(), "--lang", "ko", "--as", "mina",
        INTAKE_TIMEZONE="Asia/Seoul",
    )  # fmt: skip
    assert shown.exit_code == 0, shown.output
    text = shown.stdout
    assert f"접수 번호 {reference}: 우선순위 긴급, 신규." in text
    assert "(Asia/Seoul)" in text
    assert "\n• " in text  # Korean's own bullet (the review's and the case file's line)
    assert "\n・" not in text
    assert "상담자는 봇을 통한 연락에 동의했습니다." in text  # yes/no in words, not True
    assert "True" not in text
    assert SCRUBBED_NOTE in text
    audit = cli.ok("audit", "--reference", reference).stdout
    assert "show" in audit
    assert "mina" in audit
    assert SCRUBBED_NOTE not in audit  # never what a case says


def test_export_for_spreadsheets_has_a_bom_and_a_column_per_field(
    cli: Cli, tmp_path: Path
) -> None:
    reference = reference_of(cli.chat(INTAKE))
    target = tmp_path / "cases.csv"
    cli.ok("stubs", "export", "--format", "sheet", "--output", str(target))
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    header, row = rows[0], rows[1]
    assert header[:7] == [
        "reference",
        "status",
        "priority",
        "created",
        "locale",
        "region",
        "contact",
    ]
    cells = dict(zip(header, row, strict=True))
    assert cells["reference"] == reference
    assert cells["contact"] == "yes"
    assert cells["threats"] == "forced_return"
    assert cells["note"] == SCRUBBED_NOTE
    assert oct(target.stat().st_mode & 0o777) == "0o600"


def test_show_in_english_uses_the_codes_and_the_catalogs_english(cli: Cli) -> None:
    reference = reference_of(cli.chat(INTAKE))
    text = cli.ok("stubs", "show", reference, "--lang", "en", "--as", "mina").stdout
    assert f"Case {reference}: urgent, new." in text
    assert "• threats: forced_return" in text
    assert "The supporter agreed to be contacted through the bot." in text
    assert SCRUBBED_NOTE in text


def test_health_names_the_real_reason(cli: Cli, tmp_path: Path) -> None:
    if cli.backend == "sqlite":
        cli.ok("db", "upgrade")
    assert cli.ok("health").stdout.strip() == "ok"
    empty = tmp_path / "empty.sqlite3"
    empty.touch()  # a database file with no schema in it
    stale = cli.run("health", INTAKE_DATABASE_URL=f"sqlite:///{empty}")
    assert stale.exit_code == 1
    assert "run `intake-bot db upgrade`" in stale.output
    missing = cli.run("health", INTAKE_DATABASE_URL=f"sqlite:///{tmp_path / 'none.sqlite3'}")
    assert "no database at" in missing.output


def test_export_never_writes_into_an_existing_file_or_through_a_link(
    cli: Cli, tmp_path: Path
) -> None:
    cli.chat(INTAKE)
    theirs = tmp_path / "theirs.csv"
    theirs.write_text("someone else's\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(theirs)
    for target in (theirs, link):
        refused = cli.run("stubs", "export", "--format", "csv", "--output", str(target))
        assert refused.exit_code == 1
        assert "export to a new file" in refused.output
    assert theirs.read_text(encoding="utf-8") == "someone else's\n"


def test_db_backup_is_a_consistent_private_new_file(cli: Cli, tmp_path: Path) -> None:
    if cli.backend != "sqlite":
        refused = cli.run("db", "backup", str(tmp_path / "b.sqlite3"))
        assert refused.exit_code == 1
        assert "pg_dump" in refused.output
        return
    reference = reference_of(cli.chat(INTAKE))
    target = tmp_path / "backup.sqlite3"
    assert "backed up" in cli.ok("db", "backup", str(target)).stdout
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    copy = Cli("sqlite", tmp_path / "copy", f"sqlite:///{target}")
    # The same secret and key directory read the copy; another key directory does not.
    keys = str(cli.data_dir / "keys")
    assert reference in copy.run("stubs", "list", INTAKE_KEY_DIR=keys).stdout
    blind = copy.run("stubs", "list")
    assert blind.exit_code == 1
    assert "INTAKE_SECRET_KEY and key directory" in blind.output
    again = cli.run("db", "backup", str(target))
    assert again.exit_code == 1
    assert "back up to a new file" in again.output
