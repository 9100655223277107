"""Several processes on one database: no answer lost, none applied twice, one claim wins.

Run on SQLite (one file, ``BEGIN IMMEDIATE``) and PostgreSQL (row locks), each process
with its own connections, as bot replicas would be.
"""

from __future__ import annotations

import multiprocessing
import random

from sqlalchemy import select

from bot.engine import inputs as i
from bot.store.models import CaseStubRow
from tests.store.test_stubs import add_stub
from tests.store.workers import claim_worker, open_db, toggle_worker
from tests.support.engine import intake_service

#: Threats that combine: "none" and "unknown" are exclusive (ticking one clears the
#: others), so the order the toggles land in would decide what is left.
VALUES = ["arrest", "forced_return", "trafficking", "lost_contact", "illness"]
CHATS = 8
PROCESSES = 4
CONTEXT = multiprocessing.get_context("spawn")
#: Button numbers that take a new session to the multi-choice "threats" question.
TO_THREATS = ["1", "1", "1", "5", "1"]


def _run(processes: list[multiprocessing.process.BaseProcess]) -> None:
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
        assert process.exitcode == 0, f"worker failed with {process.exitcode}"


def test_many_inputs_for_the_same_chats_at_once_with_duplicates(migrated_url: str) -> None:
    db = open_db(migrated_url)
    service = intake_service(db, channel="telegram")
    tokens = {}
    for chat in range(CHATS):
        service.handle(chat, None, i.Start("ja"))
        for line in TO_THREATS:
            service.handle(chat, None, i.Text(line))
        session = service.conversations.load(chat)
        assert session is not None
        assert session.step == "threats"
        tokens[chat] = session.token
    # Each value of each chat is toggled by one update, delivered twice by two different
    # processes: a lost update leaves a value out, a double application toggles it back off.
    jobs: list[list[tuple[int, int, str, str]]] = [[] for _ in range(PROCESSES)]
    update = 1000
    for chat in range(CHATS):
        for n, value in enumerate(VALUES):
            update += 1
            job = (chat, update, value, tokens[chat])
            jobs[n % PROCESSES].append(job)
            jobs[(n + 1) % PROCESSES].append(job)
    rng = random.Random(5)
    for batch in jobs:
        rng.shuffle(batch)
    barrier = CONTEXT.Barrier(PROCESSES)
    _run([CONTEXT.Process(target=toggle_worker, args=(migrated_url, barrier, b)) for b in jobs])
    for chat in range(CHATS):
        session = service.conversations.load(chat)
        assert session is not None
        assert session.selection == VALUES, chat
    db.dispose()


def test_two_staff_claiming_at_once_never_both_win(migrated_url: str) -> None:
    db = open_db(migrated_url)
    references = [f"CLAM-{n:04d}" for n in range(20)]
    for n, reference in enumerate(references):
        add_stub(db, reference, "urgent", n)
    barrier = CONTEXT.Barrier(PROCESSES)
    results = CONTEXT.Queue()
    _run(
        [
            CONTEXT.Process(
                target=claim_worker, args=(migrated_url, barrier, references, f"staff{n}", results)
            )
            for n in range(PROCESSES)
        ]
    )
    wins = [results.get(timeout=10) for _ in references]
    assert sorted(ref for ref, _ in wins) == references  # each claimed exactly once
    assert results.empty()
    with db.transaction() as tx:
        owners = {r.reference: r.claimed_by for r in tx.scalars(select(CaseStubRow))}
    assert owners == dict(wins)
    db.dispose()
