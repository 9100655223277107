"""Drafts and trials in the database, on both backends: one draft per flow, gone once
published; a trial runs a draft on the same engine and stores nothing for staff."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import func, select

from bot.app import Intake
from bot.engine import inputs as i
from bot.flow.loader import check_bytes
from bot.store.database import Database
from bot.store.drafts import DIGEST_SHOWN, DraftFlows, DraftGoneError, DraftRepository
from bot.store.flows import FlowRegistry, with_version
from bot.store.models import (
    AuditEntry,
    CaseStubRow,
    ContactRoute,
    FlowDraft,
    PendingAlert,
)
from tests.store.test_conversations import TO_NOTE
from tests.support.engine import FIXED_NOW, ROOT, catalogs, intake_service

SHIPPED = (ROOT / "flows" / "intake.yaml").read_text(encoding="utf-8")


def shipped_version() -> int:
    flow = check_bytes(SHIPPED.encode("utf-8"), "intake.yaml").flow
    assert flow is not None
    return flow.version


#: The shipped flow's version (``intake_service`` publishes it), and the next two above.
V1 = shipped_version()
V2, V3 = V1 + 1, V1 + 2


def version_of(source: str, version: int) -> bytes:
    """``source`` (a flow file) with its ``version`` set."""
    return with_version(source, version).encode("utf-8")


def upload(drafts: DraftRepository, content: bytes, actor: str = "aiko") -> str:
    """Store ``content`` as the draft; the digest a confirmation button would carry."""
    loaded = check_bytes(content, "intake.yaml")
    assert loaded.ok, [p.render() for p in loaded.problems]
    return drafts.put(loaded, content, actor=actor).digest[:DIGEST_SHOWN]


def test_one_draft_per_flow_replaced_by_each_upload_and_deleted_once_published(
    db: Database,
) -> None:
    intake_service(db)  # publishes the shipped flow (V1) as the bot would
    registry, drafts = FlowRegistry(db), DraftRepository(db)
    first = upload(drafts, version_of(SHIPPED, V2))
    second = upload(drafts, version_of(SHIPPED, V3), actor="mina")
    with db.transaction() as tx:
        assert tx.scalar(select(func.count()).select_from(FlowDraft)) == 1
    draft = drafts.get("intake")
    assert draft is not None
    assert (draft.version, draft.uploaded_by) == (V3, "mina")

    # A confirmation given for the replaced upload publishes nothing.
    assert drafts.publish(registry, "intake", digest=first, actor="aiko") is None
    published = drafts.publish(registry, "intake", digest=second, actor="aiko")
    assert published is not None
    assert published.version == V3
    assert drafts.get("intake") is None  # the uploaded file is not kept
    newest = registry.newest("intake")
    assert newest is not None
    assert (newest.version, newest.published_by) == (V3, "aiko")
    with db.transaction() as tx:
        actions = list(tx.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert actions[-3:] == ["draft", "draft", "publish"]


def test_a_draft_whose_version_is_not_raised_is_refused_at_publish_and_kept(
    db: Database,
) -> None:
    intake_service(db)
    registry, drafts = FlowRegistry(db), DraftRepository(db)
    digest = upload(drafts, version_of(SHIPPED, V1))
    result = drafts.publish(registry, "intake", digest=digest, actor="aiko")
    assert result is not None
    assert not result.ok
    assert "raise `version`" in (result.refusal or "")
    assert drafts.get("intake") is not None


def test_rollback_confirmed_for_an_older_newest_version_does_nothing(db: Database) -> None:
    intake_service(db)
    registry = FlowRegistry(db)
    assert registry.publish(version_of(SHIPPED, V2), "v2", actor="aiko").ok
    assert not registry.rollback("intake", actor="aiko", newest=V1).ok
    done = registry.rollback("intake", actor="aiko", newest=V2)
    assert (done.version, done.copied) == (V3, V1)


def trial_intake(db: Database) -> Intake:
    return Intake(
        db,
        DraftFlows(DraftRepository(db)),
        catalogs(),
        "trial",
        now=lambda: FIXED_NOW,
        rng=random.Random(3),
        trial=True,
    )


def test_a_trial_runs_the_draft_to_its_stub_and_stores_nothing_for_staff(db: Database) -> None:
    intake_service(db)
    drafts = DraftRepository(db)
    upload(drafts, version_of(SHIPPED, V2))
    trial = trial_intake(db)
    turn = trial.handle(5, 1, i.Start("ja"))
    assert turn is not None
    assert turn.outcome.session is not None
    assert turn.outcome.session.flow_version == V2  # the draft, not the published V1
    update = 2
    for line in [*TO_NOTE, "", "1", "1", "14"]:  # contact yes, Japanese, send
        turn = trial.handle(5, update, i.Text(line) if line else i.Skip())
        update += 1
    assert turn is not None
    assert turn.outcome.stub is not None
    assert turn.outcome.stub.priority == "urgent"
    with db.transaction() as tx:
        for table in (CaseStubRow, PendingAlert, ContactRoute):
            assert tx.scalar(select(func.count()).select_from(table)) == 0


def test_a_trial_ends_when_its_draft_is_published(db: Database) -> None:
    intake_service(db)
    registry, drafts = FlowRegistry(db), DraftRepository(db)
    digest = upload(drafts, version_of(SHIPPED, V2))
    trial = trial_intake(db)
    trial.handle(5, 1, i.Start("ja"))
    drafts.publish(registry, "intake", digest=digest, actor="aiko")
    with pytest.raises(DraftGoneError):
        trial.handle(5, 2, i.Text("1"))


def test_a_confirmation_never_publishes_a_later_upload(db: Database) -> None:
    """Publishing deletes the draft; the next upload must not match an old button."""
    intake_service(db)
    registry, drafts = FlowRegistry(db), DraftRepository(db)
    asked = upload(drafts, version_of(SHIPPED, V2))  # aiko is asked, does not answer yet
    published = drafts.publish(registry, "intake", digest=asked, actor="ben")
    assert published is not None
    assert published.version == V2
    upload(drafts, version_of(SHIPPED, V3), actor="ben")
    assert drafts.publish(registry, "intake", digest=asked, actor="aiko") is None
    newest = registry.newest("intake")
    assert newest is not None
    assert newest.version == V2


def test_publishing_the_same_version_twice_at_once_refuses_the_second(db: Database) -> None:
    intake_service(db)
    registry = FlowRegistry(db)
    content = version_of(SHIPPED, V2)
    assert registry.publish(content, "v2", actor="aiko").ok
    again = registry.publish(content, "v2", actor="ben")
    assert again.why == "not-above"
    assert again.newest == V2


def test_a_version_stored_by_another_replica_meanwhile_is_a_refusal(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import IntegrityError

    def raced(*_args: object) -> None:
        raise IntegrityError("INSERT", {}, Exception("unique (flow_id, version)"))

    registry = FlowRegistry(db)
    monkeypatch.setattr(registry, "_insert", raced)
    result = registry.publish(version_of(SHIPPED, V2), "v2", actor="aiko")
    assert not result.ok
    assert result.why == "moved-on"


def test_a_trial_never_reaches_a_real_case(db: Database) -> None:
    """/reconnect or follow-up text inside a trial touch no real case, not even the log."""
    intake_service(db)
    trial = trial_intake(db)
    with db.transaction() as tx:
        before = tx.scalar(select(func.count()).select_from(AuditEntry))
    assert trial.casework.reconnect(5, "ABCD-1234", "CODE-CODE-CODE") == "refused"
    assert trial.casework.from_supporter(5, 9, "hello") is None
    with db.transaction() as tx:
        assert tx.scalar(select(func.count()).select_from(AuditEntry)) == before
