"""A process killed in the middle of an input: restart, redeliver, same result.

Telegram redelivers an update it got no answer for, so the test kills the process just
before or just after the commit of the input that submits the intake, then delivers the
same update again: the outcome is one stub, exactly as without the crash.
"""

from __future__ import annotations

import multiprocessing

import pytest
from sqlalchemy import func, select

from bot.engine import inputs as i
from bot.engine.outcome import Notice
from bot.store.models import CaseStubRow
from tests.store.workers import CRASH_EXIT, crash_worker, open_db
from tests.support.engine import intake_service

CONTEXT = multiprocessing.get_context("spawn")
CHAT = 31337
#: Button numbers to the shipped flow's note (skipped, then contact: no, which asks no
#: follow-up language), and the send button of the review.
TO_REVIEW = ["1", "1", "1", "2", "1", "1", "1", "9", "1", "1", "1", "8", "1", "6"]
SEND = "13"  # 12 edit buttons (the skipped note keeps one), then Send


def prepare(url: str) -> int:
    db = open_db(url)
    service = intake_service(db, channel="telegram")
    update = 1
    service.handle(CHAT, update, i.Start("ja"))
    for line in TO_REVIEW:
        update += 1
        service.handle(CHAT, update, i.Text(line))
    update += 1
    service.handle(CHAT, update, i.Skip())
    update += 1
    service.handle(CHAT, update, i.Text("2"))  # contact: no
    session = service.conversations.load(CHAT)
    assert session is not None
    assert session.step == "review"
    db.dispose()
    return update + 1


def stubs(url: str) -> list[CaseStubRow]:
    db = open_db(url)
    with db.transaction() as tx:
        rows = list(tx.scalars(select(CaseStubRow)))
    db.dispose()
    return rows


@pytest.mark.parametrize("when", ["before-commit", "after-commit"])
def test_crash_then_redelivery_gives_exactly_one_stub(migrated_url: str, when: str) -> None:
    send_update = prepare(migrated_url)
    process = CONTEXT.Process(
        target=crash_worker, args=(migrated_url, CHAT, send_update, SEND, when)
    )
    process.start()
    process.join(timeout=120)
    assert process.exitcode == CRASH_EXIT
    assert len(stubs(migrated_url)) == (1 if when == "after-commit" else 0)

    db = open_db(migrated_url)  # the restarted bot
    service = intake_service(db, channel="telegram")
    again = service.handle(CHAT, send_update, i.Text(SEND))
    assert again is not None
    if when == "after-commit":
        # Applied before the crash but never answered: no second stub, and the supporter
        # is told their case reference after all.
        assert again.outcome.stub is None
        [notice] = again.outcome.replies
        assert isinstance(notice, Notice)
        assert notice.msg.params["reference"] == stubs(migrated_url)[0].reference
    else:
        assert again.outcome.stub is not None
    session = service.conversations.load(CHAT)
    assert session is not None
    assert session.status == "submitted"
    with db.transaction() as tx:
        assert tx.scalar(select(func.count()).select_from(CaseStubRow)) == 1
    [row] = stubs(migrated_url)
    assert row.reference == session.reference
    assert (row.priority, row.region, row.contact) == ("urgent", "china_border/jilin", False)
    db.dispose()
