"""Data keys that expire: erasing reaches every copy of the database.

The proof tests work as an attacker would: they take what the server has left behind
(a backup copy of the SQLite file; PostgreSQL's WAL segments, table files and a
``pg_dump``), find every token in it, and try every key the server holds.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import threading
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pyrage import x25519
from sqlalchemy import select, text

from bot.engine import inputs as i
from bot.errors import ConfigError, DataKeyGoneError
from bot.store import datakeys
from bot.store.database import Database
from bot.store.datakeys import DataKeys, KeyDirectory
from bot.store.keys import ServerKeys
from bot.store.models import ChatSession, ContactRoute
from bot.store.purge import purge
from bot.store.sealing import case_body, unwrap
from tests.store.test_conversations import CHAT, TO_NOTE, say, walk
from tests.store.test_sealing import submit_sealed
from tests.support.engine import intake_service

SECRET = b"s3cr3t-" + bytes(range(48))
START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
TTL, RETENTION = timedelta(hours=72), timedelta(days=180)
MARKER = b"quokka"


class Clock:
    def __init__(self) -> None:
        self.at = START

    def __call__(self) -> datetime:
        return self.at


def clocked(db: Database, key_dir: Path, clock: Clock) -> Database:
    """``db``'s engine, with data keys in ``key_dir`` and a clock the test moves."""
    return Database(db.engine, ServerKeys.from_secret(SECRET, key_dir, now=clock), now=clock)


# --- the key directory --------------------------------------------------------------
def test_a_days_key_is_a_private_file_made_once_whoever_makes_it(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    stores = [KeyDirectory(keys) for _ in range(8)]
    made: list[bytes] = []
    threads = [
        threading.Thread(target=lambda s=s: made.append(s.create("20261201"))) for s in stores
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(made)) == 1  # eight replicas racing agree on one key
    assert [p.name for p in keys.iterdir()] == ["data-20261201.key"]
    assert oct(keys.stat().st_mode & 0o777) == "0o700"
    assert oct((keys / "data-20261201.key").stat().st_mode & 0o777) == "0o600"
    (keys / "data-20261201.key").chmod(0o644)
    with pytest.raises(ConfigError, match="chmod 600"):
        KeyDirectory(keys).read("20261201")


def test_a_token_names_its_day_and_dies_with_its_key(tmp_path: Path) -> None:
    clock = Clock()
    keys = ServerKeys.from_secret(SECRET, tmp_path, now=clock)
    token = keys.seal(b"hello")
    assert DataKeys.day_of(token) == "20261201"
    clock.at += timedelta(days=1)
    assert keys.open(token) == b"hello"  # yesterday's key still opens
    assert DataKeys.day_of(keys.seal(b"hello")) == "20261202"
    assert keys.data.destroy_before("20261202") == ["20261201"]
    assert not (tmp_path / "data-20261201.key").exists()
    with pytest.raises(DataKeyGoneError):
        keys.open(token)
    # Another process with the same secret and directory is no better off.
    with pytest.raises(DataKeyGoneError):
        ServerKeys.from_secret(SECRET, tmp_path, now=clock).open(token)


def test_the_key_file_alone_or_the_secret_alone_opens_nothing(tmp_path: Path) -> None:
    token = ServerKeys.from_secret(SECRET, tmp_path / "a").seal(b"hello")
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    with pytest.raises(ConfigError):
        ServerKeys.from_secret(b"x" * 48, tmp_path / "b").open(token)
    with pytest.raises(DataKeyGoneError):
        ServerKeys.from_secret(SECRET, tmp_path / "empty").open(token)


# --- rewriting and destroying -------------------------------------------------------
def test_purge_rewrites_old_rows_and_destroys_keys_nothing_uses(
    db: Database, tmp_path: Path
) -> None:
    clock = Clock()
    db = clocked(db, tmp_path / "keys", clock)
    service = intake_service(db, channel="telegram")
    update = walk(service, CHAT, TO_NOTE)
    say(service, CHAT, update, i.Text("marker quokka"))
    say(service, CHAT, update + 1, i.Text("1"))  # contact: yes
    say(service, CHAT, update + 2, i.Text("1"))  # follow-up in Japanese
    say(service, CHAT, update + 3, i.Text("14"))  # send: a contact route now exists
    walk(service, CHAT + 1, ["1", "1"], first_update=100)  # an intake in progress

    def days() -> set[str | None]:
        with db.transaction() as tx:
            tokens = [*tx.scalars(select(ChatSession.state))]
            tokens += tx.scalars(select(ContactRoute.sealed_chat))
        return {DataKeys.day_of(t) for t in tokens}

    assert days() == {"20261201"}
    clock.at += timedelta(days=1)
    first = purge(db, session_ttl=TTL, case_retention=RETENTION)
    assert first.rewritten >= 3
    assert first.keys_destroyed == ()
    assert days() == {"20261202"}
    clock.at += timedelta(days=1)
    second = purge(db, session_ttl=TTL, case_retention=RETENTION)
    assert second.keys_destroyed == ("20261201",)
    assert sorted(p.name for p in (tmp_path / "keys").iterdir()) == [
        "data-20261202.key",
        "data-20261203.key",
    ]
    # What lives is still readable: the intake goes on, the route still leads back.
    service = intake_service(db, channel="telegram")
    assert service.conversations.load(CHAT + 1) is not None
    assert say(service, CHAT + 1, 200, i.Text("1")) is not None
    assert purge(db, session_ttl=TTL, case_retention=RETENTION).rewritten == 0


def test_rows_written_before_data_keys_are_rewritten(db: Database, tmp_path: Path) -> None:
    clock = Clock()
    db = clocked(db, tmp_path / "keys", clock)
    service = intake_service(db, channel="telegram")
    walk(service, CHAT, ["1", "1"])
    legacy = db.keys._legacy.encrypt  # how version 1 encrypted, under the secret itself
    with db.transaction() as tx:
        row = tx.scalars(select(ChatSession)).one()
        row.state = legacy(db.keys.open(row.state))
    assert purge(db, session_ttl=TTL, case_retention=RETENTION).rewritten == 1
    with db.transaction() as tx:
        assert DataKeys.day_of(tx.scalars(select(ChatSession.state)).one()) == "20261201"
    assert service.conversations.load(CHAT) is not None


# --- the proof: erased means unreadable in every copy -------------------------------
_TOKEN = re.compile(rb"(?:k(\d{8}):)?(gAAAAA[A-Za-z0-9_=-]{40,})")


def readable(copies: bytes, key_dir: Path, clock: Clock) -> list[bytes]:
    """Every plaintext holding the marker that any key the server holds opens."""
    keys = ServerKeys.from_secret(SECRET, key_dir, now=clock)
    held = keys.data.store.days()
    found = []
    for match in _TOKEN.finditer(copies):
        body = match[2]
        tries = [body] + [b"k" + day.encode() + b":" + body for day in held]
        for token in tries:
            try:
                plain = keys.open(token)
            except (ConfigError, DataKeyGoneError):
                continue
            if MARKER in plain:
                found.append(plain)
    return found


def note_then_cancel(db: Database, before_cancel: Callable[[], None] = lambda: None) -> None:
    """A supporter types a note, then cancels the intake and confirms."""
    service = intake_service(db, channel="telegram")
    update = walk(service, CHAT, TO_NOTE)
    say(service, CHAT, update, i.Text("marker quokka"))
    before_cancel()
    asked = say(service, CHAT, update + 1, i.Cancel())
    assert asked is not None
    assert asked.outcome.session is not None
    say(service, CHAT, update + 2, i.ConfirmCancel(True, asked.outcome.session.token))
    with db.transaction() as tx:
        assert tx.scalar(select(ChatSession)) is None


def test_sqlite_a_backup_of_a_cancelled_intake_is_unreadable_two_days_on(
    sqlite_db: Database, tmp_path: Path
) -> None:
    clock = Clock()
    db = clocked(sqlite_db, tmp_path / "keys", clock)
    backup = tmp_path / "backup.sqlite3"

    def nightly_copy() -> None:
        # The operator's nightly copy, with SQLite's online backup.
        source = sqlite3.connect(tmp_path / "intake.sqlite3")
        with closing(source), closing(sqlite3.connect(backup)) as target:
            source.backup(target)

    note_then_cancel(db, nightly_copy)
    assert readable(backup.read_bytes(), tmp_path / "keys", clock)  # the threat is real
    clock.at += timedelta(days=1)
    purge(db, session_ttl=TTL, case_retention=RETENTION)
    assert readable(backup.read_bytes(), tmp_path / "keys", clock)  # within its days
    clock.at += timedelta(days=1)
    assert purge(db, session_ttl=TTL, case_retention=RETENTION).keys_destroyed == ("20261201",)
    assert _TOKEN.search(backup.read_bytes())  # the copy is still there ...
    assert readable(backup.read_bytes(), tmp_path / "keys", clock) == []  # ... and useless


def _postgres_copies(db: Database, schema: str) -> bytes:
    """WAL segments, the schema's table and TOAST files (after a checkpoint), a dump."""
    parts = []
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("CHECKPOINT")
        wal = connection.execute(text("SELECT name FROM pg_ls_waldir()")).scalars().all()
        files = connection.execute(
            text(
                "SELECT pg_relation_filepath(c.oid) FROM pg_class c WHERE c.relnamespace ="
                " CAST(:s AS regnamespace) OR c.oid IN (SELECT reltoastrelid FROM pg_class"
                " WHERE relnamespace = CAST(:s AS regnamespace))"
            ),
            {"s": schema},
        ).scalars()
        paths = [f"pg_wal/{name}" for name in wal] + [f for f in files if f]
        for path in paths:
            data = connection.execute(
                text(
                    "SELECT pg_read_binary_file(CAST(:p AS text))"
                    " WHERE (pg_stat_file(CAST(:p AS text), true)).size IS NOT NULL"
                ),
                {"p": path},
            ).scalar()
            parts.append(bytes(data or b""))
    url = db.engine.url.set(drivername="postgresql", query={})
    dump = subprocess.run(
        ["pg_dump", "--schema", schema, url.render_as_string(hide_password=False)],
        capture_output=True,
        check=True,
    )
    parts.append(dump.stdout)
    return b"".join(parts)


def test_postgres_a_cancelled_intake_is_unreadable_in_wal_files_and_dumps_two_days_on(
    pg_db: Database, tmp_path: Path
) -> None:
    clock = Clock()
    db = clocked(pg_db, tmp_path / "keys", clock)
    with db.engine.connect() as connection:
        schema = connection.execute(text("SELECT current_schema()")).scalar_one()
    # A WAL archive keeps every segment; the server recycles them at checkpoints once
    # other tests have written enough. A slot keeps them here as an archive would.
    with _wal_kept(db, f"keep_{schema}"):
        _cancelled_intake_unreadable_two_days_on(db, schema, tmp_path, clock)


@contextmanager
def _wal_kept(db: Database, slot: str) -> Iterator[None]:
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(
            text("SELECT pg_create_physical_replication_slot(:s, true)"), {"s": slot}
        )
    try:
        yield
    finally:
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("SELECT pg_drop_replication_slot(:s)"), {"s": slot})


def _cancelled_intake_unreadable_two_days_on(
    db: Database, schema: str, tmp_path: Path, clock: Clock
) -> None:
    note_then_cancel(db)
    # Cancelled, purged, VACUUM FULL: the rows are gone, but the WAL remembers them.
    purge(db, session_ttl=TTL, case_retention=RETENTION)
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("VACUUM FULL chat_sessions")
    before = _postgres_copies(db, schema)  # as a WAL archive or base backup would keep it
    assert readable(before, tmp_path / "keys", clock)  # the threat is real
    clock.at += timedelta(days=1)
    assert purge(db, session_ttl=TTL, case_retention=RETENTION).keys_destroyed == ()
    assert readable(before, tmp_path / "keys", clock)  # within its days
    clock.at += timedelta(days=1)
    assert purge(db, session_ttl=TTL, case_retention=RETENTION).keys_destroyed == ("20261201",)
    after = _postgres_copies(db, schema)
    assert readable(before, tmp_path / "keys", clock) == []
    assert readable(after, tmp_path / "keys", clock) == []


# --- what could stop the keys from dying, or lock a supporter out --------------------
def test_a_row_no_key_opens_does_not_keep_the_old_keys_alive(db: Database, tmp_path: Path) -> None:
    clock = Clock()
    db = clocked(db, tmp_path / "keys", clock)
    walk(intake_service(db, channel="telegram"), CHAT, ["1", "1"])
    # A replica started with another secret wrote one row into the same key directory.
    stranger = ServerKeys.from_secret(b"x" * 48, tmp_path / "keys", now=clock)
    with db.transaction() as tx:
        tx.scalars(select(ChatSession)).one().state = stranger.seal(b"{}")
    walk(intake_service(db, channel="telegram"), CHAT + 1, ["1", "1"], first_update=100)
    clock.at += timedelta(days=2)
    result = purge(db, session_ttl=TTL, case_retention=RETENTION)
    assert result.unreadable == 1
    assert result.rewritten == 1
    assert result.keys_destroyed == ("20261201",)


def test_a_supporter_whose_session_key_is_gone_simply_starts_again(
    db: Database, tmp_path: Path
) -> None:
    clock = Clock()
    db = clocked(db, tmp_path / "keys", clock)
    service = intake_service(db, channel="telegram")
    walk(service, CHAT, ["1", "1"])
    db.keys.data.destroy_before("20261202")  # as if the session had outlived its days
    assert service.conversations.load(CHAT) is None
    again = say(service, CHAT, 50, i.Start("ja"))
    assert again is not None
    assert again.outcome.session is not None
    assert again.outcome.session.step == service.conversations.load(CHAT).step  # type: ignore[union-attr]


def test_key_files_of_another_user_links_and_damage_stop_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = KeyDirectory(tmp_path / "keys")
    store.create("20261201")
    key = tmp_path / "keys" / "data-20261201.key"
    real = os.geteuid()
    monkeypatch.setattr(os, "geteuid", lambda: real + 1)  # root's cron, say
    with pytest.raises(ConfigError, match="belongs to another user"):
        store.read("20261201")
    with pytest.raises(ConfigError, match="belongs to another user"):
        store.create("20261202")
    monkeypatch.setattr(os, "geteuid", lambda: real)
    key.write_bytes(b"not base64 at all!\n")
    with pytest.raises(ConfigError, match="destroy it"):
        store.read("20261201")
    key.unlink()
    target = tmp_path / "elsewhere"
    target.write_bytes(b"precious")
    key.symlink_to(target)
    with pytest.raises(ConfigError, match="cannot be read as a data key"):
        store.read("20261201")
    store.destroy("20261201")  # never writes through the link
    assert target.read_bytes() == b"precious"


def test_a_process_stops_sealing_with_a_key_another_destroyed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock()
    mine = ServerKeys.from_secret(SECRET, tmp_path, now=clock)
    mine.seal(b"warm")  # today's key is cached here
    theirs = ServerKeys.from_secret(SECRET, tmp_path, now=clock)
    theirs.data.store.destroy("20261201")  # a purge on a host whose clock ran ahead
    monkeypatch.setattr(datakeys, "RECHECK_SECONDS", 0.0)
    token = mine.seal(b"hello")
    assert theirs.open(token) == b"hello"  # sealed with a key that exists on disk


def test_sqlite_a_withdrawn_sealed_case_in_a_backup_opens_for_no_one_two_days_on(
    sqlite_db: Database, tmp_path: Path
) -> None:
    clock = Clock()
    db = clocked(sqlite_db, tmp_path / "keys", clock)
    office = x25519.Identity.generate()
    service, stub = submit_sealed(db, office)
    backup = tmp_path / "backup.sqlite3"
    source = sqlite3.connect(tmp_path / "intake.sqlite3")
    with closing(source), closing(sqlite3.connect(backup)) as target:
        source.backup(target)
    say(service, CHAT, 500, i.Withdraw())
    say(service, CHAT, 501, i.ConfirmWithdraw(True))

    def opened_by_the_organisation() -> list[str]:
        """What the office key opens of the backup's sealed bodies, with the server's help."""
        keys = ServerKeys.from_secret(SECRET, tmp_path / "keys", now=clock)
        rows = sqlite3.connect(backup).execute("SELECT sealed FROM case_stubs").fetchall()
        found = []
        for (stored,) in rows:
            try:
                found.append(case_body(unwrap(stored, keys), [office], stub.reference).region)
            except (ConfigError, DataKeyGoneError):
                continue
        return found

    assert opened_by_the_organisation() == [stub.region]  # a backup of a live case
    clock.at += timedelta(days=2)
    assert purge(db, session_ttl=TTL, case_retention=RETENTION).keys_destroyed == ("20261201",)
    assert opened_by_the_organisation() == []  # withdrawn: its copies are gone for everyone
