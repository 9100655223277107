"""Moving sealed cases to new keys: export on the server, reseal where the identity is,
import on the server; what changed or went meanwhile is never overwritten."""

from __future__ import annotations

from pyrage import x25519
from sqlalchemy import delete, select

from bot.store.database import Database
from bot.store.models import CaseMessage, CaseStubRow
from bot.store.resealing import SealedItem, replace_sealed, reseal, sealed_items
from bot.store.sealing import case_body, message_text, unwrap
from tests.store.test_sealing import NOTE, submit_sealed


def test_cases_and_notes_move_to_the_new_key_and_the_old_one_opens_nothing(
    db: Database,
) -> None:
    old, new, backup = (x25519.Identity.generate() for _ in range(3))
    service, stub = submit_sealed(db, old)
    assert service.casework.note(stub.reference, "電話で話した", author="mina", locale="ja")

    exported = [SealedItem.from_json(item.to_json()) for item in sealed_items(db)]  # a file
    assert [item.kind for item in exported] == ["case", "message"]
    keys = (str(new.to_public()), str(backup.to_public()))
    done, left = reseal(exported, [old], keys)
    assert left == []
    assert replace_sealed(db, done, actor="aiko").replaced == 2

    with db.transaction() as tx:
        row = tx.scalars(select(CaseStubRow)).one()
        message = tx.scalars(select(CaseMessage)).one()
    assert row.sealed is not None
    assert row.sealed_to == list(keys)
    assert message.sealed_to == list(keys)
    for identity in (new, backup):
        body = unwrap(row.sealed, db.keys)
        assert case_body(body, [identity], stub.reference).texts == {"note": NOTE}
        note = unwrap(message.text, db.keys)
        assert message_text(note, [identity], stub.reference) == "電話で話した"
    assert reseal(sealed_items(db), [old], keys) == ([], [
        (item, "none of the given identities opens it") for item in sealed_items(db)
    ])  # fmt: skip


def test_an_import_never_overwrites_what_changed_or_brings_back_what_went(
    db: Database,
) -> None:
    old, new = x25519.Identity.generate(), x25519.Identity.generate()
    service, stub = submit_sealed(db, old)
    assert service.casework.note(stub.reference, "電話で話した", author="mina", locale="ja")
    done, _ = reseal(sealed_items(db), [old], [str(new.to_public())])
    with db.transaction() as tx:  # the note is erased before the import arrives
        tx.execute(delete(CaseMessage))
    result = replace_sealed(db, done, actor="aiko")
    assert (result.replaced, result.stale) == (1, 1)
    with db.transaction() as tx:
        assert tx.scalar(select(CaseMessage)) is None
    assert replace_sealed(db, done, actor="aiko").stale == 2  # applied twice: no-op


def test_a_body_moved_to_another_case_is_refused_when_resealing(db: Database) -> None:
    old, new = x25519.Identity.generate(), x25519.Identity.generate()
    submit_sealed(db, old)
    [case] = [item for item in sealed_items(db) if item.kind == "case"]
    moved = SealedItem("case", "ZZZZ-9999", None, case.sealed, case.sealed_to)
    done, left = reseal([moved], [old], [str(new.to_public())])
    assert done == []
    assert [why for _, why in left] == ["the sealed content belongs to another case"]
