"""The ``intake-bot`` command as admins and staff use it, on SQLite and on PostgreSQL.

Every test drives the real command through click's runner, configured only through the
``INTAKE_*`` environment variables, exactly as an operator would: publish flows, run an
intake in the terminal chat, then list, read, claim, close, export and purge stubs.
"""

from __future__ import annotations

import csv
import io
import json
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import select

from bot.cli import main
from bot.flow.loader import check_file
from bot.store.database import Database
from bot.store.db import default_url, make_engine
from bot.store.flows import with_version
from bot.store.keys import ServerKeys
from bot.store.models import AuditEntry, CaseStubRow, ContactRoute
from bot.store.stubs import StubRepository
from tests.conftest import BACKENDS, database_url

ROOT = Path(__file__).resolve().parents[2]
SECRET = "cli-tests-share-this-key_0123456789-abcdefghijKLMNOP"
#: A full Korean intake through the terminal chat: family in Japan, a child of a
#: returnee and a Japanese spouse, in China (Jilin), custody unknown, forced return
#: feared, a broker asking for money, koseki records, speaks Korean; a note with a phone
#: number and Rich markup; consents, follow-up in Korean; submits.
TO_CUSTODY = ["1", "1", "3", "1", "2", "1"]
FROM_CUSTODY = ["4", "2", "9", "1", "1", "1", "8", "1", "6"]
NOTE = "도움이 필요합니다 [/] [bold red]급함 010-1234-5678"
SCRUBBED_NOTE = "도움이 필요합니다 [/] [bold red]급함 [전화번호]"
SUBMIT = ["1", "2", "15"]  # contact: yes; follow-up: Korean; review: send
INTAKE = [*TO_CUSTODY, *FROM_CUSTODY, NOTE, *SUBMIT]


def shipped_version() -> int:
    flow = check_file(ROOT / "flows" / "intake.yaml").flow
    assert flow is not None
    return flow.version


#: The shipped flow's version; the flow tests publish versions above it.
V = shipped_version()
CSV_HEADER = [
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
    "sealed",
    "sealed_to",
]


@dataclass
class Cli:
    """The command with one operator's environment: a data dir and maybe a database URL."""

    backend: str
    data_dir: Path
    url: str | None

    def env(self, **extra: str | None) -> dict[str, str | None]:
        env: dict[str, str | None] = {
            "INTAKE_DATA_DIR": str(self.data_dir),
            "INTAKE_DATABASE_URL": self.url,
            "INTAKE_SECRET_KEY": SECRET,
            "INTAKE_FLOWS_DIR": str(ROOT / "flows"),
            "INTAKE_LOCALES_DIR": str(ROOT / "locales"),
            "INTAKE_SESSION_TTL_HOURS": None,
            "INTAKE_CASE_RETENTION_DAYS": None,
        }
        env.update(extra)
        return env

    def run(self, *args: str, input: str | None = None, **env: str | None) -> Result:
        return CliRunner().invoke(main, list(args), input=input, env=self.env(**env))

    def ok(self, *args: str, input: str | None = None) -> Result:
        result = self.run(*args, input=input)
        assert result.exit_code == 0, (result.output, result.exception)
        return result

    def chat(self, lines: list[str]) -> str:
        return self.ok("chat", "--lang", "ko", input="\n".join(lines) + "\n").stdout

    def database(self) -> Database:
        """The same database the command uses, for checks the command cannot show."""
        engine = make_engine(self.url or default_url(self.data_dir))
        # The command's key directory: the default, in the data directory.
        return Database(engine, ServerKeys.from_secret(SECRET.encode(), self.data_dir / "keys"))


@pytest.fixture(params=BACKENDS)
def cli(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Cli]:
    """SQLite in a fresh data dir (the default URL), or a fresh, upgraded PostgreSQL schema."""
    data_dir = tmp_path / "data"
    if request.param == "sqlite":
        yield Cli("sqlite", data_dir, None)
        return
    for url in database_url("postgresql", tmp_path):
        runner = Cli("postgresql", data_dir, url)
        assert "upgraded empty database" in runner.ok("db", "upgrade").stdout
        yield runner


def reference_of(transcript: str) -> str:
    # Not split on spaces: in Korean the copula follows with none ("ABCD-1234입니다").
    stubs = re.findall(r"(?<![0-9A-Z])[0-9A-Z]{4}-[0-9A-Z]{4}(?![0-9A-Z])", transcript)
    assert stubs, transcript[-500:]
    return str(stubs[-1])


def audit_log(cli: Cli) -> list[AuditEntry]:
    db = cli.database()
    try:
        return StubRepository(db).audit_log()
    finally:
        db.dispose()


def add_stub(
    db: Database, reference: str, priority: str, *, age: timedelta, closed: bool = False
) -> None:
    """A stub written weeks ago (the command's clock is the real one)."""
    when = datetime.now(UTC) - age
    with db.transaction() as tx:
        tx.add(
            CaseStubRow(
                reference=reference,
                flow_id="intake",
                flow_version=1,
                status="closed" if closed else "new",
                priority=priority,
                locale="ja",
                region="japan",
                created_at=when,
                contact=False,
                answers={"location": "japan"},
                texts=db.keys.seal(json.dumps({"note": "old words"}).encode()),
                removed=[],
                closed_at=when if closed else None,
            )
        )


# --- Schema -------------------------------------------------------------------------------


@pytest.mark.parametrize("backend", BACKENDS)
def test_db_upgrade_twice_says_already_at_head(backend: str, tmp_path: Path) -> None:
    for url in database_url(backend, tmp_path):
        runner = Cli(backend, tmp_path / "data", None if backend == "sqlite" else url)
        first = runner.ok("db", "upgrade").stdout
        assert first.startswith("upgraded empty database -> "), first
        assert runner.ok("db", "upgrade").stdout.startswith("already at ")


def test_sqlite_upgrades_itself_into_a_private_file(tmp_path: Path) -> None:
    fresh = Cli("sqlite", tmp_path / "data", None)
    # Run from the wrong folder, a staff command says so instead of creating a new file.
    refused = fresh.run("stubs", "list")
    assert refused.exit_code == 1
    assert "no database at" in refused.stderr
    assert not (tmp_path / "data" / "intake.sqlite3").exists()
    fresh.ok("db", "upgrade")
    assert "0 case stub(s)" in fresh.ok("stubs", "list").stdout
    assert stat.S_IMODE((tmp_path / "data" / "intake.sqlite3").stat().st_mode) == 0o600


def test_postgres_refuses_to_start_before_db_upgrade(tmp_path: Path) -> None:
    for url in database_url("postgresql", tmp_path):
        refused = Cli("postgresql", tmp_path / "data", url).run("stubs", "list")
        assert refused.exit_code == 1
        assert "run `intake-bot db upgrade`" in refused.stderr


# --- Flow versions --------------------------------------------------------------------


def test_publish_refuses_broken_flows_and_versions_not_above(cli: Cli) -> None:
    shipped = ROOT / "flows" / "intake.yaml"
    assert cli.ok("flows", "publish", str(shipped), "--as", "aiko").stdout == (
        f"published intake v{V}\n"
    )

    again = cli.run("flows", "publish", str(shipped))
    assert again.exit_code == 1
    assert f"version {V} is not above the published version {V}" in again.stderr

    broken = cli.run("flows", "publish", str(ROOT / "tests/flow/broken/E110_unknown_key.yaml"))
    assert broken.exit_code == 1
    assert "E110" in broken.stderr  # each problem, with its code and location
    assert "nothing published" in broken.stderr

    listing = cli.ok("flows", "list").stdout.splitlines()
    assert len(listing) == 1
    assert listing[0].startswith(f"intake v{V} ")
    assert listing[0].endswith("<- new sessions")


def test_rollback_republishes_the_previous_content_and_spares_running_sessions(
    cli: Cli, tmp_path: Path
) -> None:
    shipped = (ROOT / "flows" / "intake.yaml").read_text(encoding="utf-8")
    old_question = "그분은 지금 구금되거나 붙잡혀 있는 상태입니까?"
    new_question = "그분은 현재 구금 상태입니까?"
    v2 = tmp_path / "intake-v2.yaml"  # "v2", "v3": the versions above the shipped one
    v2.write_text(
        with_version(shipped, V + 1).replace(old_question, new_question), encoding="utf-8"
    )
    cli.ok("flows", "publish", str(ROOT / "flows" / "intake.yaml"))
    cli.ok("flows", "publish", str(v2), "--as", "aiko")

    started = cli.chat(TO_CUSTODY)  # a supporter is halfway through, on v2
    assert new_question in started

    assert cli.ok("flows", "rollback", "intake", "--as", "aiko").stdout == (
        f"published intake v{V + 2} (the content of the previous version)\n"
    )
    listing = cli.ok("flows", "list").stdout.splitlines()
    assert [line.split()[:2] for line in listing] == [
        ["intake", f"v{V}"],
        ["intake", f"v{V + 1}"],
        ["intake", f"v{V + 2}"],
    ]
    assert listing[2].endswith("<- new sessions")

    finished = cli.chat([*FROM_CUSTODY, NOTE, *SUBMIT])  # resumes, still on v2
    assert new_question in finished
    pinned = reference_of(finished)
    again = cli.chat(INTAKE)  # the next intake starts on v3, which is v1's content
    assert old_question in again
    assert new_question not in again
    versions = {
        v["reference"]: v["flow_version"]
        for v in json.loads(cli.ok("stubs", "list", "--format", "json").stdout)
    }
    assert versions == {pinned: V + 1, reference_of(again): V + 2}

    audit = [(e.actor, e.action, e.detail) for e in audit_log(cli)]
    assert ("aiko", "publish", {"flow_id": "intake", "version": V + 1}) in audit
    rolled = {"flow_id": "intake", "version": V + 2, "from_version": V}
    assert ("aiko", "rollback", rolled) in audit


def test_rollback_without_an_earlier_version_is_refused(cli: Cli) -> None:
    cli.ok("flows", "publish", str(ROOT / "flows" / "intake.yaml"))
    refused = cli.run("flows", "rollback", "intake")
    assert refused.exit_code == 1
    assert "has no earlier version" in refused.stderr


# --- Staff ---------------------------------------------------------------------------------


def test_staff_triage_an_intake_from_list_to_export(cli: Cli, tmp_path: Path) -> None:
    transcript = cli.chat(INTAKE)  # SQLite: the chat upgrades and publishes flows/ itself
    reference = reference_of(transcript)
    db = cli.database()
    try:
        add_stub(db, "AAAA-0001", "normal", age=timedelta(days=20))
        add_stub(db, "AAAA-0002", "high", age=timedelta(days=10))
    finally:
        db.dispose()

    # Urgent first, then oldest first, in every format.
    table = cli.ok("stubs", "list", "--as", "mina").stdout
    assert "3 case stub(s)" in table
    lines = table.splitlines()
    rows = [line.split()[0] for line in lines if re.match(r" [0-9A-Z]{4}-[0-9A-Z]{4} ", line)]
    assert rows == [reference, "AAAA-0002", "AAAA-0001"]
    header = next(n for n, line in enumerate(lines) if "reference" in line)
    start, end = lines[header].index("region"), lines[header].index("locale")
    regions = "".join(line[start:end].strip() for line in lines[header + 2 :])
    assert regions.startswith("china_border/jilin")  # folded over lines, never cut short
    assert "…" not in table

    listed = json.loads(cli.ok("stubs", "list", "--format", "json", "--as", "mina").stdout)
    assert [s["reference"] for s in listed] == [reference, "AAAA-0002", "AAAA-0001"]
    stub = listed[0]
    assert (stub["priority"], stub["status"], stub["locale"], stub["region"]) == (
        "urgent",
        "new",
        "ko",
        "china_border/jilin",
    )
    assert stub["answers"]["threats"] == ["forced_return"]
    assert stub["texts"] == {"note": SCRUBBED_NOTE}
    assert stub["removed"] == ["phone"]
    assert stub["contact"] is True

    rows_csv = list(csv.reader(io.StringIO(cli.ok("stubs", "list", "--format", "csv").stdout)))
    assert rows_csv[0] == CSV_HEADER
    assert [r[0] for r in rows_csv[1:]] == [reference, "AAAA-0002", "AAAA-0001"]

    def refs(*args: str) -> list[str]:
        out = cli.ok("stubs", "list", "--format", "json", *args).stdout
        return [s["reference"] for s in json.loads(out)]

    assert refs("--priority", "high", "--priority", "normal") == ["AAAA-0002", "AAAA-0001"]
    since = (datetime.now(UTC) - timedelta(days=15)).strftime("%Y-%m-%d")
    assert refs("--since", since) == [reference, "AAAA-0002"]
    assert refs("--status", "claimed") == []
    bad_since = cli.run("stubs", "list", "--since", "last week")
    assert bad_since.exit_code == 2
    assert "use a date like" in bad_since.stderr

    # Staff type references as they read them: lower case, `o` for `0`, `l` for `1`.
    typed = reference.lower().replace("0", "o").replace("1", "l")
    shown = cli.ok("stubs", "show", typed, "--as", "mina").stdout
    assert f"reference: {reference}" in shown
    assert f"note (scrubbed): {SCRUBBED_NOTE}" in shown  # markup in a note stays text
    assert "removed by the scrubber: phone" in shown
    as_json = json.loads(cli.ok("stubs", "show", reference, "--format", "json").stdout)
    assert as_json == stub
    unknown = cli.run("stubs", "show", "ZZZZ-ZZZZ")
    assert unknown.exit_code == 1
    assert "no stub ZZZZ-ZZZZ" in unknown.stderr
    assert cli.run("stubs", "show", "not-a-ref").exit_code == 2

    # Claim once; a second claim is refused.
    assert cli.ok("stubs", "claim", typed, "--as", "mina").stdout == (
        f"{reference} claimed by mina\n"
    )
    second = cli.run("stubs", "claim", reference, "--as", "jun")
    assert second.exit_code == 1
    assert "is not new" in second.stderr
    assert refs("--status", "claimed") == [reference]

    # Closing deletes the way back to the supporter.
    db = cli.database()
    try:
        with db.transaction() as tx:
            assert tx.scalar(select(ContactRoute.reference)) == reference
    finally:
        db.dispose()
    assert cli.ok("stubs", "close", reference, "--as", "mina").stdout == f"{reference} closed\n"
    assert cli.run("stubs", "close", reference, "--as", "mina").exit_code == 1
    db = cli.database()
    try:
        with db.transaction() as tx:
            assert tx.scalar(select(ContactRoute.reference)) is None
    finally:
        db.dispose()

    # Export: a new, private file (never an existing one); the documented columns.
    output = tmp_path / "stubs.csv"
    exported = cli.ok("stubs", "export", "--format", "csv", "--output", str(output), "--as", "jun")
    assert exported.stdout == ""
    assert "3 stub(s) written to" in exported.stderr
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    with output.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == CSV_HEADER
        exported_rows = list(reader)
    first = exported_rows[0]
    assert first["reference"] == reference
    assert (first["status"], first["claimed_by"], first["contact"]) == ("closed", "mina", "true")
    assert json.loads(first["answers"]) == stub["answers"]
    assert json.loads(first["texts"]) == {"note": SCRUBBED_NOTE}
    assert json.loads(first["removed"]) == ["phone"]
    assert exported_rows[1]["contact"] == "false"
    assert exported_rows[1]["claimed_at"] == ""
    closed = json.loads(cli.ok("stubs", "export", "--format", "json", "--status", "closed").stdout)
    assert [s["reference"] for s in closed] == [reference]
    assert closed[0]["closed_at"] is not None

    # Every staff action is in the audit log, with names and references, never content.
    entries = audit_log(cli)
    actions = [(e.actor, e.action, e.reference) for e in entries]
    for expected in [
        ("mina", "list", None),
        ("mina", "show", reference),
        ("mina", "claim", reference),
        ("jun", "claim-refused", reference),
        ("mina", "close", reference),
        ("mina", "close-refused", reference),
        ("jun", "export", None),
    ]:
        assert expected in actions
    assert all(e.at is not None for e in entries)
    logged = json.dumps([[e.actor, e.action, e.reference, e.detail] for e in entries])
    for content in (
        "도움",
        "전화번호",
        "forced_return",
        "china_border",
        "family_japan",
        "old words",
    ):
        assert content not in logged


def test_purge_reports_and_deletes_closed_cases_past_retention(cli: Cli) -> None:
    cli.ok("db", "upgrade")
    db = cli.database()
    try:
        add_stub(db, "PPPP-0001", "normal", age=timedelta(days=40), closed=True)
        add_stub(db, "PPPP-0002", "normal", age=timedelta(days=2), closed=True)
        add_stub(db, "PPPP-0003", "urgent", age=timedelta(days=40))
    finally:
        db.dispose()
    purged = cli.run("purge", INTAKE_CASE_RETENTION_DAYS="30")
    assert purged.exit_code == 0, purged.output
    assert (
        purged.stdout == "purged 0 session(s), 0 update id(s), 0 message id(s) too old to delete,"
        " 1 closed case(s); rewrote 0 row(s) under today's data key, destroyed 0 expired"
        " data key(s)\n"
    )
    listed = json.loads(cli.ok("stubs", "list", "--format", "json").stdout)
    assert [s["reference"] for s in listed] == ["PPPP-0003", "PPPP-0002"]
    assert (
        cli.ok("purge").stdout
        == "purged 0 session(s), 0 update id(s), 0 message id(s) too old to delete,"
        " 0 closed case(s); rewrote 0 row(s) under today's data key, destroyed 0 expired"
        " data key(s)\n"
    )
    if cli.backend == "postgresql":  # the VACUUM FULL the README tells operators to run
        readme = (ROOT / "README.md").read_text(encoding="utf-8")
        vacuum = re.search(r"psql \"\$DB\" -c '(VACUUM FULL [^']+)'", readme)
        assert vacuum is not None
        db = cli.database()
        try:
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql(vacuum.group(1))
        finally:
            db.dispose()


# --- Configuration errors ------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "not a url",
        "postgresql://admin:hunter2@db.invalid:notaport/intake",
        "postgresql+nodriver://admin:hunter2@db.invalid/intake",
        "mysql://admin:hunter2@db.invalid/intake",
    ],
)
@pytest.mark.parametrize("command", [["db", "upgrade"], ["stubs", "list"], ["purge"]])
def test_malformed_database_url_names_the_setting_not_its_value(
    tmp_path: Path, url: str, command: list[str]
) -> None:
    result = Cli("sqlite", tmp_path, url).run(*command)
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)  # a message, not a traceback
    assert result.stderr.startswith("Error: INTAKE_DATABASE_URL")
    assert "hunter2" not in result.output
    assert "db.invalid" not in result.output


@pytest.mark.parametrize("command", [["stubs", "list"], ["flows", "list"], ["purge"], ["chat"]])
def test_short_secret_key_names_the_setting_not_its_value(
    tmp_path: Path, command: list[str]
) -> None:
    for weak, why in (("hunter2-short", "fewer than 32 bytes"), ("a" * 40, "repeats itself")):
        result = Cli("sqlite", tmp_path, None).run(*command, INTAKE_SECRET_KEY=weak)
        assert result.exit_code == 1
        assert isinstance(result.exception, SystemExit)
        assert "INTAKE_SECRET_KEY is not a usable secret key" in result.stderr
        assert why in result.stderr
        assert weak not in result.output


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("INTAKE_SESSION_TTL_HOURS", "three days", "must be a whole number"),
        ("INTAKE_CASE_RETENTION_DAYS", "0", "must be above 0"),
    ],
)
def test_bad_retention_settings_are_named(
    tmp_path: Path, name: str, value: str, message: str
) -> None:
    for command in (["purge"], ["chat"], ["db", "upgrade"]):
        result = Cli("sqlite", tmp_path, None).run(*command, **{name: value})
        assert result.exit_code == 1
        assert isinstance(result.exception, SystemExit)
        assert result.stderr == f"Error: {name} {message}\n"
