"""Sessions and stubs through the database: one transaction per input, on both backends."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select, text

from bot.engine import inputs as i
from bot.store.database import Database
from bot.store.flows import FlowRegistry, with_version
from bot.store.models import Base, CaseStubRow, ChatSession, ContactRoute, MessageRecord
from tests.support.engine import ROOT, intake, intake_service

CHAT = 987654321
#: Answers (button numbers) that take the shipped flow to its free-text question: family
#: in Japan, a returnee in China (Jilin), detained, arrest feared, a broker demanding
#: money, koseki records, speaks Korean. After the note: contact yes (1), follow-up in
#: Japanese (1), then Send (14: after the 13 answers' edit buttons).
TO_NOTE = ["1", "1", "1", "2", "1", "1", "1", "9", "1", "1", "1", "8", "1", "6"]


def say(service, chat: int, update: int | None, event: i.Input):  # type: ignore[no-untyped-def]
    return service.handle(chat, update, event)


def walk(service, chat: int, lines: list[str], first_update: int = 1) -> int:  # type: ignore[no-untyped-def]
    """Type ``lines`` as Telegram text messages; returns the next update id."""
    update = first_update
    say(service, chat, update, i.Start("ja"))
    for line in lines:
        update += 1
        say(service, chat, update, i.Text(line))
    return update + 1


def send_case(service, chat: int, note: str):  # type: ignore[no-untyped-def]
    """Walk the shipped flow to its note, type ``note``, and send; returns the stub."""
    update = walk(service, chat, [*TO_NOTE])
    say(service, chat, update, i.Text(note))
    say(service, chat, update + 1, i.Text("1"))  # contact: yes
    say(service, chat, update + 2, i.Text("1"))  # follow-up in Japanese
    done = say(service, chat, update + 3, i.Text("14"))  # send
    assert done is not None
    assert done.outcome.stub is not None
    return done.outcome.stub


def all_rows_text(db: Database) -> str:
    """Every value of every table, as text (what someone with the database sees)."""
    parts = []
    with db.transaction() as tx:
        for table in Base.metadata.sorted_tables:
            for row in tx.execute(select(table)):
                parts.append(repr(tuple(row)))
    return "\n".join(parts)


def test_a_whole_intake_lands_as_one_stub(db: Database) -> None:
    service = intake_service(db, channel="telegram")
    update = walk(service, CHAT, [*TO_NOTE])
    say(service, CHAT, update, i.Text("電話は090-1234-5678です"))
    handled = say(service, CHAT, update + 1, i.Text("1"))  # contact: yes
    assert handled is not None
    say(service, CHAT, update + 2, i.Text("1"))  # follow-up in Japanese
    done = say(service, CHAT, update + 3, i.Text("14"))  # send
    assert done is not None
    assert done.outcome.stub is not None
    with db.transaction() as tx:
        [row] = tx.scalars(select(CaseStubRow)).all()
        assert (row.status, row.priority, row.region, row.contact) == (
            "new",
            "urgent",
            "china_border/jilin",
            True,
        )
        assert row.answers["custody"] == "detained"
        assert json.loads(db.keys.open(row.texts)) == {"note": "電話は［電話番号］です"}
        route = tx.scalar(select(ContactRoute))
        assert route is not None
        assert db.keys.open(route.sealed_chat) == str(CHAT).encode()


def test_redelivered_update_is_applied_once(db: Database) -> None:
    service = intake_service(db, channel="telegram")
    say(service, CHAT, 10, i.Start("ja"))
    first = say(service, CHAT, 11, i.Text("1"))
    assert first is not None
    # Not yet answered (the process died before replying): the question again, not applied.
    unanswered = say(service, CHAT, 11, i.Text("1"))
    assert unanswered is not None
    assert unanswered.outcome.session == first.outcome.session
    service.conversations.delivered(CHAT, 11)
    assert say(service, CHAT, 11, i.Text("1")) is None  # answered: nothing more to do
    session = service.conversations.load(CHAT)
    assert session is not None
    assert session.step == "relation"
    assert session.history == ["consent"]


def test_a_supporter_resumes_after_a_restart(db: Database) -> None:
    walk(intake_service(db, channel="telegram"), CHAT, ["1", "4"])
    restarted = intake_service(db, channel="telegram")  # a new process, same database
    handled = say(restarted, CHAT, 100, i.Start("ja"))
    assert handled is not None
    assert handled.outcome.session is not None
    assert handled.outcome.session.step == "supporter_country"
    assert handled.outcome.session.answers == {"relation": "friend"}


def test_session_finishes_on_the_version_it_started(db: Database) -> None:
    service = intake_service(db, channel="telegram")
    walk(service, CHAT, ["1"])
    source = (ROOT / "flows" / "intake.yaml").read_text(encoding="utf-8")
    version = intake().flow.version
    newer = with_version(source, version + 1).replace(
        "あなたと、支援を必要としている方との関係を教えてください。", "関係を教えてください。"
    )
    assert FlowRegistry(db).publish(newer.encode(), "v2.yaml").ok
    pinned = say(service, CHAT, 50, i.Text("1"))
    assert pinned is not None
    assert pinned.outcome.session is not None
    assert pinned.outcome.session.flow_version == version
    fresh = say(service, 555, 51, i.Start("ja"))
    assert fresh is not None
    assert fresh.outcome.session is not None
    assert fresh.outcome.session.flow_version == version + 1


def test_no_identity_or_text_in_plain_sight(db: Database) -> None:
    service = intake_service(db, channel="telegram")
    update = walk(service, CHAT, TO_NOTE)
    say(service, CHAT, update, i.Text("marker quokka"))
    service.conversations.delivered(CHAT, None, message_ids=[4242])
    dump = all_rows_text(db)
    assert str(CHAT) not in dump
    assert "quokka" not in dump
    with db.transaction() as tx:
        assert tx.scalar(select(ChatSession.chat_key)) == db.keys.chat_key("telegram", CHAT)


def test_cancel_erases_the_session_and_returns_the_messages_to_clear(db: Database) -> None:
    service = intake_service(db, channel="telegram")
    walk(service, CHAT, ["1", "1"])
    service.conversations.delivered(CHAT, None, message_ids=[10, 11, 12])
    asked = say(service, CHAT, 90, i.Cancel())
    assert asked is not None
    assert asked.outcome.session is not None
    gone = say(service, CHAT, 91, i.ConfirmCancel(True, asked.outcome.session.token))
    assert gone is not None
    assert gone.outcome.erase
    assert gone.cleared_messages == (10, 11, 12)
    with db.transaction() as tx:
        assert tx.scalar(select(ChatSession)) is None
        assert tx.scalar(select(MessageRecord)) is None


def test_sqlite_erasure_leaves_no_trace_in_the_files(tmp_path: Path, sqlite_db: Database) -> None:
    service = intake_service(sqlite_db, channel="telegram")
    update = walk(service, CHAT, TO_NOTE)
    say(service, CHAT, update, i.Text("marker quokka"))
    with sqlite_db.transaction() as tx:
        sealed = tx.scalar(select(ChatSession.state))
    assert sealed is not None
    files = sorted(tmp_path.glob("intake.sqlite3*"))

    def raw() -> bytes:
        return b"".join(p.read_bytes() for p in tmp_path.glob("intake.sqlite3*"))

    assert files
    assert b"quokka" not in raw()  # encrypted at rest from the start
    assert sealed[:40] in raw()
    asked = say(service, CHAT, update + 1, i.Cancel())
    assert asked is not None
    assert asked.outcome.session is not None
    say(service, CHAT, update + 2, i.ConfirmCancel(True, asked.outcome.session.token))
    contents = raw()
    assert sealed[:40] not in contents  # secure_delete zeroed it, the checkpoint emptied the WAL
    assert b"quokka" not in contents


def test_postgres_erased_rows_stay_on_disk_until_vacuum_full(pg_db: Database) -> None:
    """What the operator must know: DELETE leaves the bytes; VACUUM FULL rewrites the file."""
    db = pg_db
    service = intake_service(db, channel="telegram")
    walk(service, CHAT, ["1", "1"])
    with db.transaction() as tx:
        sealed = tx.scalar(select(ChatSession.state))
    assert sealed is not None
    asked = say(service, CHAT, 90, i.Cancel())
    assert asked is not None
    assert asked.outcome.session is not None
    say(service, CHAT, 91, i.ConfirmCancel(True, asked.outcome.session.token))

    def table_file() -> bytes:
        with db.engine.connect() as connection:
            connection.exec_driver_sql("CHECKPOINT")
            path = connection.execute(
                text("SELECT pg_relation_filepath('chat_sessions')")
            ).scalar_one()
            data = connection.execute(
                text("SELECT pg_read_binary_file(:p)"), {"p": path}
            ).scalar_one()
            return bytes(data)

    assert sealed[:40] in table_file()  # deleted, but not yet overwritten
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("VACUUM FULL chat_sessions")
    assert sealed[:40] not in table_file()
