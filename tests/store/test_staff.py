"""Staff enrolment and alerts in the store, on SQLite and PostgreSQL."""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import select

from bot.engine import inputs as i
from bot.store.alerts import PendingAlerts
from bot.store.audit import MAX_ATTEMPTS
from bot.store.database import Database
from bot.store.models import AuditEntry, StaffInvite
from bot.store.staff import StaffRepository
from bot.stub import normalize_code
from tests.store.test_crash import SEND, TO_REVIEW
from tests.support.engine import FIXED_NOW, intake_service

USER, CHAT = 910_000_001, 910_000_001


def invite(staff: StaffRepository, label: str = "mina", role: str = "staff") -> str:
    return staff.invite(
        role=role,  # type: ignore[arg-type]
        label=label,
        actor="aiko",
        rng=random.Random(label),
    )


def actions(db: Database) -> list[str]:
    with db.transaction() as tx:
        return [e.action for e in tx.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def test_an_invite_is_used_once_and_only_its_hash_is_kept(db: Database) -> None:
    staff = StaffRepository(db)
    code = invite(staff)
    assert len(code) == 14
    assert code.count("-") == 2
    with db.transaction() as tx:
        [row] = tx.scalars(select(StaffInvite))
        assert normalize_code(code) not in row.code_key  # a keyed hash, not the code
    # Typed as people do: lower case, without dashes.
    assert staff.join(USER, CHAT, code.lower().replace("-", " "), locale="ko") == "joined"
    member = staff.member(USER)
    assert member is not None
    assert (member.label, member.role, member.chat_id, member.locale) == (
        "mina",
        "staff",
        CHAT,
        "ko",
    )
    assert staff.join(USER + 1, CHAT + 1, code, locale="ja") == "refused"  # used
    assert staff.member(USER + 1) is None
    assert actions(db) == ["staff-invite", "staff-join", "staff-join-refused"]


def test_expired_and_wrong_codes_are_refused_then_throttled(db: Database) -> None:
    staff = StaffRepository(db)
    code = invite(staff)
    start = db.now
    db.now = lambda: FIXED_NOW + timedelta(hours=25)
    assert staff.join(USER, CHAT, code, locale="ja") == "refused"  # expired
    for _ in range(MAX_ATTEMPTS - 1):
        assert staff.join(USER, CHAT, "AAAA-BBBB-CCCC", locale="ja") == "refused"
    fresh = invite(staff, label="desk-2")
    assert staff.join(USER, CHAT, fresh, locale="ja") == "throttled"  # even a good one
    assert staff.member(USER) is None
    db.now = lambda: FIXED_NOW + timedelta(hours=27)  # an hour later it counts again
    assert staff.join(USER, CHAT, fresh, locale="ja") == "joined"
    db.now = start


def test_removal_takes_effect_at_once(db: Database) -> None:
    staff = StaffRepository(db)
    staff.join(USER, CHAT, invite(staff), locale="ja")
    [member] = staff.members()
    assert staff.remove("mina", actor="aiko")
    assert staff.member(USER) is None
    assert not staff.remove(str(member.id), actor="aiko")  # already gone
    assert actions(db)[-1] == "staff-remove"


def test_every_stub_leaves_one_alert_taken_once(db: Database) -> None:
    service = intake_service(db, channel="telegram")
    service.handle(CHAT, None, i.Start("ja"))
    for line in TO_REVIEW:
        service.handle(CHAT, None, i.Text(line))
    service.handle(CHAT, None, i.Skip())
    service.handle(CHAT, None, i.Text("2"))  # contact: no
    turn = service.handle(CHAT, None, i.Text(SEND))
    assert turn is not None
    assert turn.outcome.stub is not None
    stub = turn.outcome.stub
    pending = PendingAlerts(db)
    taken = pending.take_urgent() + pending.take_digest(timedelta(0))
    assert [(a.reference, a.priority) for a in taken] == [(stub.reference, stub.priority)]
    assert pending.take_urgent() + pending.take_digest(timedelta(0)) == []


def test_digest_waits_for_the_oldest_case_then_takes_them_all(db: Database) -> None:
    from bot.store.models import PendingAlert

    with db.transaction() as tx:
        tx.add(PendingAlert(reference="AAAA-0001", priority="high", created_at=FIXED_NOW))
        tx.add(PendingAlert(reference="AAAA-0002", priority="normal", created_at=FIXED_NOW))
        tx.add(PendingAlert(reference="AAAA-0003", priority="urgent", created_at=FIXED_NOW))
    pending = PendingAlerts(db)
    assert pending.take_digest(timedelta(minutes=15)) == []  # not waited long enough
    assert [a.reference for a in pending.take_urgent()] == ["AAAA-0003"]
    db.now = lambda: FIXED_NOW + timedelta(minutes=15)
    digest = pending.take_digest(timedelta(minutes=15))
    assert [a.reference for a in digest] == ["AAAA-0001", "AAAA-0002"]
    assert pending.take_digest(timedelta(minutes=15)) == []  # taken once
