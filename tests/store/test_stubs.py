"""Staff retrieval: ordering, filters, claims, closing, export, and the audit log."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import select

from bot.store.database import Database
from bot.store.models import CaseStubRow, ContactRoute
from bot.store.purge import purge
from bot.store.stubs import StubRepository
from tests.support.engine import FIXED_NOW


def add_stub(
    db: Database, reference: str, priority: str, minutes: int, contact: bool = False
) -> None:
    with db.transaction() as tx:
        tx.add(
            CaseStubRow(
                reference=reference,
                flow_id="intake",
                flow_version=1,
                status="new",
                priority=priority,
                locale="ko",
                region="china_border/jilin",
                created_at=FIXED_NOW + timedelta(minutes=minutes),
                contact=contact,
                answers={"custody": "detained", "threats": ["arrest"]},
                texts=db.keys.seal(json.dumps({"note": "secret words"}).encode()),
                removed=["phone"],
            )
        )
        if contact:
            tx.flush()
            tx.add(
                ContactRoute(
                    reference=reference,
                    channel="telegram",
                    sealed_chat=db.keys.seal(b"42"),
                    created_at=FIXED_NOW,
                )
            )


def test_list_puts_urgent_first_then_oldest(db: Database) -> None:
    add_stub(db, "AAAA-0001", "normal", 1)
    add_stub(db, "AAAA-0002", "urgent", 5)
    add_stub(db, "AAAA-0003", "high", 2)
    add_stub(db, "AAAA-0004", "urgent", 3)
    repo = StubRepository(db)
    order = [v.reference for v in repo.find(actor="mina")]
    assert order == ["AAAA-0004", "AAAA-0002", "AAAA-0003", "AAAA-0001"]
    assert [v.reference for v in repo.find(actor="mina", priority=["high"])] == ["AAAA-0003"]
    since = FIXED_NOW + timedelta(minutes=3)
    assert {v.reference for v in repo.find(actor="mina", since=since)} == {
        "AAAA-0002",
        "AAAA-0004",
    }


def test_claim_once_then_close_deletes_the_contact_route(db: Database) -> None:
    add_stub(db, "BBBB-0001", "urgent", 0, contact=True)
    repo = StubRepository(db)
    assert repo.claim("BBBB-0001", actor="mina")
    assert not repo.claim("BBBB-0001", actor="jun")
    view = repo.show("BBBB-0001", actor="jun")
    assert view is not None
    assert (view.status, view.claimed_by, view.texts) == (
        "claimed",
        "mina",
        {"note": "secret words"},
    )
    assert repo.close("BBBB-0001", actor="mina")
    assert not repo.close("BBBB-0001", actor="mina")
    with db.transaction() as tx:
        assert tx.scalar(select(ContactRoute)) is None
    assert [v.status for v in repo.find(actor="mina", status=["closed"])] == ["closed"]


def test_audit_log_records_actions_without_content(db: Database) -> None:
    add_stub(db, "CCCC-0001", "high", 0)
    repo = StubRepository(db)
    repo.find(actor="mina")
    repo.show("CCCC-0001", actor="mina")
    repo.claim("CCCC-0001", actor="jun")
    repo.claim("CCCC-0001", actor="mina")
    repo.export(actor="mina")
    entries = [(e.actor, e.action, e.reference) for e in repo.audit_log()]
    assert entries == [
        ("mina", "list", None),
        ("mina", "show", "CCCC-0001"),
        ("jun", "claim", "CCCC-0001"),
        ("mina", "claim-refused", "CCCC-0001"),
        ("mina", "list", None),
        ("mina", "export", None),
    ]
    logged = repr([(e.detail, e.action) for e in repo.audit_log()])
    assert "secret words" not in logged
    assert "detained" not in logged


def test_purge_deletes_closed_cases_past_retention(db: Database) -> None:
    add_stub(db, "DDDD-0001", "normal", 0, contact=True)
    add_stub(db, "DDDD-0002", "normal", 0)
    repo = StubRepository(db)
    repo.close("DDDD-0001", actor="mina")
    assert purge(db, session_ttl=timedelta(hours=72), case_retention=timedelta(days=30)).cases == 0
    later = Database(db.engine, db.keys, now=lambda: FIXED_NOW + timedelta(days=31))
    result = purge(later, session_ttl=timedelta(hours=72), case_retention=timedelta(days=30))
    assert result.cases == 1
    assert [v.reference for v in repo.find(actor="mina")] == ["DDDD-0002"]
