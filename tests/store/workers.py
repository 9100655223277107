"""Functions that run in child processes for the concurrency and crash tests.

Each child opens its own connection to the same database, as a bot replica would.
"""

from __future__ import annotations

import os
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session as OrmSession

from bot.engine import inputs as i
from bot.store.database import Database
from bot.store.db import make_engine
from bot.store.stubs import StubRepository
from tests.conftest import test_keys
from tests.support.engine import FIXED_NOW, intake_service

CRASH_EXIT = 17


def open_db(url: str) -> Database:
    return Database(make_engine(url), test_keys(), now=lambda: FIXED_NOW)


def toggle_worker(url: str, barrier: Any, jobs: list[tuple[int, int, str, str]]) -> None:
    """Deliver toggles ``(chat, update id, value, token)`` as fast as possible."""
    db = open_db(url)
    service = intake_service(db, channel="telegram")
    barrier.wait()
    for chat, update, value, token in jobs:
        service.handle(chat, update, i.Toggle(value, "threats", token))
    db.dispose()


def claim_worker(url: str, barrier: Any, references: list[str], name: str, results: Any) -> None:
    db = open_db(url)
    repo = StubRepository(db)
    barrier.wait()
    for reference in references:
        if repo.claim(reference, actor=name):
            results.put((reference, name))
    db.dispose()


def crash_worker(url: str, chat: int, update: int, line: str, when: str) -> None:
    """Handle one input and die just before or just after its COMMIT."""
    db = open_db(url)
    service = intake_service(db, channel="telegram")

    def die(_session: OrmSession) -> None:
        os._exit(CRASH_EXIT)

    # Session events fire around the database COMMIT of the input's transaction.
    event.listen(OrmSession, "before_commit" if when == "before-commit" else "after_commit", die)
    service.handle(chat, update, i.Text(line))
    raise AssertionError("the input should have crashed the process")
