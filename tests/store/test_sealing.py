"""Sealed cases on both backends: what the supporter told is readable only with the
organisation's identity, never with anything the server holds."""

from __future__ import annotations

import json
from dataclasses import replace
from zoneinfo import ZoneInfo

import pyrage
import pytest
from pyrage import x25519
from sqlalchemy import select

from bot.casefile import CaseFile
from bot.engine import inputs as i
from bot.errors import ConfigError, SealedError
from bot.store.database import Database
from bot.store.models import Base, CaseMessage, CaseStubRow, ChatSession
from bot.store.sealing import (
    Sealer,
    armor,
    generate,
    is_age_file,
    open_sealed,
    parse_recipients,
    read_identities,
    unwrap,
)
from bot.store.stubs import StubRepository
from tests.store.test_conversations import CHAT, say, send_case
from tests.support.engine import catalogs, intake_service

NOTE = "母は元気ですが、薬が足りません"


def case_rows_text(db: Database) -> str:
    """Every value of every table but the flows' files, as text."""
    parts: list[str] = []
    with db.transaction() as tx:
        for table in Base.metadata.sorted_tables:
            if table.name in ("flow_versions", "flow_drafts"):
                continue
            parts.extend(repr(tuple(row)) for row in tx.execute(select(table)))
    return "\n".join(parts)


@pytest.fixture
def identity() -> x25519.Identity:
    return x25519.Identity.generate()


def submit_sealed(db: Database, *keys: x25519.Identity):  # type: ignore[no-untyped-def]
    db.sealer = Sealer(tuple(str(k.to_public()) for k in keys))
    service = intake_service(db, channel="telegram")
    return service, send_case(service, CHAT, NOTE)


def test_a_sealed_case_keeps_only_the_queue_in_clear(
    db: Database, identity: x25519.Identity
) -> None:
    backup = x25519.Identity.generate()
    _, stub = submit_sealed(db, identity, backup)
    with db.transaction() as tx:
        row = tx.scalar(select(CaseStubRow))
        assert row is not None
        queue = (row.reference, row.priority, row.status, row.locale)
        assert queue == (stub.reference, "urgent", "new", "ja")
        assert (row.answers, row.removed, row.region) == ({}, [], "")
        assert row.sealed is not None
        # Stored inside the day's data key; under it, the age file.
        sealed = unwrap(row.sealed, db.keys)
        assert is_age_file(sealed)
        assert row.sealed_to == [str(identity.to_public()), str(backup.to_public())]
    # Nothing the supporter told is anywhere in the database, in any form it is stored
    # (the flow's own file names every choice code: it is not case content).
    everything = case_rows_text(db)
    for told in ("detained", "china_border", "jilin", "薬が足りません", "forced_return"):
        assert told not in everything
    # Every key the server holds fails on the age file; each organisation key opens it.
    with pytest.raises(Exception):  # noqa: B017, PT011  (whatever the server's cipher says)
        db.keys.open(sealed)
    for key in (identity, backup):
        assert open_sealed(sealed, [key]) == json.loads(json.dumps(stub.to_json()))
    with pytest.raises(SealedError):
        open_sealed(sealed, [x25519.Identity.generate()])

    # Staff see the queue fields; the identity's holder sees the case.
    view = StubRepository(db).show(stub.reference, actor="mina")
    assert view is not None
    assert view.sealed is not None
    assert view.answers == {}
    opened = view.opened([identity])
    assert opened.answers["custody"] == "detained"
    assert opened.texts == {"note": NOTE}
    assert opened.region == "china_border/jilin"
    # The standard age command reads the export's armored form.
    exported = view.to_json()["sealed"]
    assert json.loads(pyrage.decrypt(exported.encode(), [identity]))["reference"] == (
        stub.reference
    )


def test_notes_and_relayed_messages_are_sealed_too(
    db: Database, identity: x25519.Identity
) -> None:
    service, stub = submit_sealed(db, identity)
    assert service.casework.note(stub.reference, "電話で話した", author="mina", locale="ja")
    with db.transaction() as tx:
        row = tx.scalar(select(CaseMessage))
        assert row is not None
        assert row.sealed_to == [str(identity.to_public())]
        assert open_sealed(unwrap(row.text, db.keys), [identity]) == {
            "reference": stub.reference,
            "direction": "note",
            "text": "電話で話した",
        }
    [entry] = service.casework.history(stub.reference)
    assert entry.text is None
    assert entry.sealed is not None
    assert "電話で話した" not in case_rows_text(db)


def test_withdrawing_a_sealed_case_erases_its_sealed_body(
    db: Database, identity: x25519.Identity
) -> None:
    service, _ = submit_sealed(db, identity)
    handled = say(service, CHAT, 500, i.Withdraw())
    assert handled is not None
    say(service, CHAT, 501, i.ConfirmWithdraw(True))
    with db.transaction() as tx:
        row = tx.scalar(select(CaseStubRow))
        assert row is not None
        assert row.status == "closed"
        assert row.sealed is None


def test_identity_files_are_passphrase_protected_age_files() -> None:
    content, public = generate("correct horse battery")
    assert content.startswith(b"-----BEGIN AGE ENCRYPTED FILE-----")
    assert b"AGE-SECRET-KEY" not in content
    [key] = read_identities(content, "correct horse battery")
    assert str(key.to_public()) == public
    with pytest.raises(SealedError):
        read_identities(content, "wrong")
    blob = Sealer((public,)).seal({"a": 1})
    assert open_sealed(armor(blob).encode(), [key]) == {"a": 1}


def test_the_session_left_after_a_sealed_submission_tells_nothing(
    db: Database, identity: x25519.Identity
) -> None:
    """The steps visited would tell the answers (the flow branches on them)."""
    submit_sealed(db, identity)
    with db.transaction() as tx:
        row = tx.scalar(select(ChatSession))
        assert row is not None
        state = json.loads(db.keys.open(row.state))
    assert state["history"] == []
    assert state["answers"] == {}
    assert "china_province" not in json.dumps(state)


def test_a_note_sealed_to_another_key_is_said_not_fatal(
    db: Database, identity: x25519.Identity
) -> None:
    service, stub = submit_sealed(db, identity)
    db.sealer = Sealer((str(x25519.Identity.generate().to_public()),))  # a key since retired
    service.casework.note(stub.reference, "別の鍵", author="mina", locale="ja")
    view = StubRepository(db).show(stub.reference, actor="mina")
    assert view is not None
    text = CaseFile(service, catalogs(), ZoneInfo("UTC")).text(
        view.opened([identity]), "ja", [identity]
    )
    assert "別の鍵" not in text
    assert "（封印済み）" in text


def test_a_sealed_body_moved_to_another_case_does_not_open(
    db: Database, identity: x25519.Identity
) -> None:
    _, stub = submit_sealed(db, identity)
    view = StubRepository(db).show(stub.reference, actor="mina")
    assert view is not None
    moved = replace(view, reference="ZZZZ-ZZZZ")
    with pytest.raises(SealedError):
        moved.opened([identity])


def test_seal_to_settings_are_checked_and_written_as_age_writes_them() -> None:
    key = str(x25519.Identity.generate().to_public())
    assert parse_recipients(f"{key.upper()}, {key}", "X") == (key,)
    with pytest.raises(ConfigError, match="names no age public key"):
        parse_recipients(" , ", "INTAKE_SEAL_TO")
    with pytest.raises(ConfigError, match="entry 2"):
        parse_recipients(f"{key} age1nope", "INTAKE_SEAL_TO")
