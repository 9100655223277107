"""Free text is scrubbed with no transaction open (bot/prescrub.py).

A slow note (the NER layer can take up to its budget) must not hold the database: on
SQLite a transaction holds the write lock of the whole file, so every other supporter
would wait for one supporter's note.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass, field, replace

from bot.app import Intake
from bot.engine import inputs as i
from bot.scrub import Scrubbed, scrub
from bot.store.database import Database
from tests.store.test_conversations import CHAT, TO_NOTE, say, send_case, walk

NOTE = "電話は090-1234-5678です。母は元気です"
OTHER = CHAT + 1


@dataclass
class _Probe:
    """The real rules, recording each call and whether the SQLite write lock was free."""

    path: str
    calls: list[str] = field(default_factory=list)
    locked: list[str] = field(default_factory=list)

    def __call__(self, text: str, locale: str) -> Scrubbed:
        self.calls.append(text)
        probe = sqlite3.connect(self.path, timeout=0)
        try:
            probe.execute("BEGIN IMMEDIATE")  # fails at once while a writer holds the lock
            probe.rollback()
        except sqlite3.OperationalError:
            self.locked.append(text)
        finally:
            probe.close()
        return scrub(text, locale)


def _with_scrubber(service: Intake, scrubber: object) -> Intake:
    return replace(service, scrubber=scrubber)  # type: ignore[arg-type]


def test_every_text_is_scrubbed_once_with_the_database_free(sqlite_db: Database) -> None:
    from tests.support.engine import intake_service

    path = sqlite_db.engine.url.database
    assert path is not None
    probe = _Probe(path)
    service = _with_scrubber(intake_service(sqlite_db, channel="telegram"), probe)

    reference = send_case(service, CHAT, NOTE).reference
    sent = service.casework.to_supporter(reference, "佐藤です。090-2222-3333まで", author="mina")
    assert sent is not None
    heard = service.casework.from_supporter(CHAT, 9001, "弟の番号は090-4444-5555です")
    assert heard is not None
    assert service.casework.note(reference, "090-6666-7777に電話した", author="mina", locale="ja")

    # Each text once: a retry scrubs nothing twice and drops nothing.
    assert probe.calls == [
        NOTE,
        "佐藤です。090-2222-3333まで",
        "弟の番号は090-4444-5555です",
        "090-6666-7777に電話した",
    ]
    assert probe.locked == []
    assert "090-4444-5555" not in heard.text
    history = [entry.text for entry in service.casework.history(reference)]
    assert not any("090-" in (text or "") for text in history), history
    assert len(history) == 3


def test_a_slow_note_does_not_stop_another_supporter(db: Database) -> None:
    from tests.support.engine import intake_service

    entered, release = threading.Event(), threading.Event()

    def slow(text: str, locale: str) -> Scrubbed:
        entered.set()
        release.wait(30)
        return scrub(text, locale)

    service = _with_scrubber(intake_service(db, channel="telegram"), slow)
    update = walk(service, CHAT, [*TO_NOTE])
    writing = threading.Thread(target=say, args=(service, CHAT, update, i.Text(NOTE)))
    writing.start()
    try:
        assert entered.wait(30)
        # Meanwhile another supporter starts and answers: nothing waits for the note.
        other = threading.Thread(target=walk, args=(service, OTHER, ["1", "1"], 5000))
        other.start()
        other.join(30)  # a guard against a hang, not a timing: it returns at once
        assert not other.is_alive(), "the other supporter waited for the note's scrubbing"
        other_session = service.session(OTHER)
        assert other_session is not None
        assert len(other_session.history) == 2  # two answers given
    finally:
        release.set()
        writing.join(30)
    session = service.session(CHAT)
    assert session is not None
    assert "090-1234-5678" not in str(session.answers)
    assert "母は元気です" in str(session.answers)
