"""Re-encrypting under today's data key, then destroying the keys nothing live uses.

Runs with the purge (hourly inside the bot, and ``intake-bot purge``). Every row the
server encrypted and that was not saved today is rewritten under today's key; then the
keys of the days before yesterday are destroyed. Yesterday's key stays one more day: a
replica that sealed a row just before midnight may commit it just after this ran.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, inspect, or_, select, update

from bot.errors import ConfigError, DataKeyGoneError
from bot.store.database import Database
from bot.store.datakeys import prefix
from bot.store.models import (
    Base,
    CaseMessage,
    CaseStubRow,
    ChatSession,
    ContactRoute,
    InboxUpdate,
    StaffMember,
)
from bot.store.sealing import AGE_HEADER, unwrap

#: Every column the server encrypts with its own keys. Sealed case bodies and notes are
#: age files the server cannot open, wrapped in the day's key all the same (and those
#: stored bare before wrapping existed are wrapped here), so that their copies die too.
ENCRYPTED: tuple[tuple[type[Base], str], ...] = (
    (ChatSession, "state"),
    (CaseStubRow, "sealed"),
    (InboxUpdate, "payload"),
    (CaseStubRow, "texts"),
    (ContactRoute, "sealed_chat"),
    (StaffMember, "sealed_chat"),
    (CaseMessage, "text"),
)
#: Rows rewritten per transaction: short transactions keep the bot's own writes flowing.
BATCH = 100
_LEGACY = b"gAAAAA"


@dataclass(frozen=True)
class Rekeyed:
    #: Rows rewritten under today's key.
    rewritten: int
    #: Rows no key the server holds opens (left as they are; the purge reports them).
    unreadable: int
    #: Days whose keys were destroyed now.
    destroyed: tuple[str, ...]


def rekey(db: Database) -> Rekeyed:
    """Rewrite what is not under today's key; destroy keys older than yesterday's."""
    data = db.keys.data
    current = prefix(data.today())
    rewritten = unreadable = 0
    for model, name in ENCRYPTED:
        column: ColumnElement[bytes] = getattr(model, name)
        key: ColumnElement[Any] = inspect(model).primary_key[0]
        stale = (func.substr(column, 1, len(current)) != current) & or_(
            func.substr(column, 1, 1) == b"k",
            func.substr(column, 1, len(_LEGACY)) == _LEGACY,
            func.substr(column, 1, len(AGE_HEADER)) == AGE_HEADER,
        )
        last: Any = None
        while True:
            with db.transaction() as tx:
                query = select(key, column).where(stale).order_by(key).limit(BATCH)
                if last is not None:
                    query = query.where(key > last)
                rows = tx.execute(query).all()
                for pk, token in rows:
                    try:
                        fresh = db.keys.seal(unwrap(token, db.keys))
                    except (DataKeyGoneError, ConfigError):
                        # Left as it is, and counted: one row written under another secret
                        # must not keep every older key alive (and every erased row
                        # readable) by stopping the purge before it destroys them.
                        unreadable += 1
                        continue
                    # Only if unchanged: a row saved meanwhile is under today's key already.
                    result = tx.execute(
                        update(model).where(key == pk, column == token).values({name: fresh})
                    )
                    rewritten += result.rowcount  # type: ignore[attr-defined]
            if len(rows) < BATCH:
                break
            last = rows[-1][0]
    destroyed = data.destroy_before(data.yesterday())
    return Rekeyed(rewritten, unreadable, tuple(destroyed))
