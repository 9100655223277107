"""The durable inbox: updates are stored before Telegram is told they arrived.

Polling moves its offset past an update, and the webhook answers 200, only once the update
is stored here, encrypted like session state and keyed by the chat's keyed hash. A row is
deleted as soon as its reply reached the chat (``Conversations.delivered``) or it was
dropped, so the inbox holds nothing for long; at start-up what is left was cut off by a
crash and is processed first.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from bot.errors import DataKeyGoneError
from bot.store.database import Database
from bot.store.models import InboxUpdate, ProcessedUpdate, update_key


@dataclass(frozen=True)
class Arrival:
    """One update as it arrived: its id, its chat (``None``: no chat), its JSON."""

    update_id: int
    chat_id: int | None
    payload: dict[str, Any]


class Inbox:
    def __init__(self, db: Database, channel: str) -> None:
        self.db = db
        self.channel = channel

    def put(self, arrivals: list[Arrival]) -> set[int]:
        """Store ``arrivals`` in one transaction; return the ids seen for the first time.

        An update already waiting here, or already processed, is not stored again: a
        redelivery is known, so its button press is not acknowledged twice.
        """
        if not arrivals:
            return set()
        keys = {update_key(self.channel, a.update_id): a for a in arrivals}
        now = self.db.now()
        fresh: set[int] = set()
        with self.db.transaction() as tx:
            done = set(
                tx.scalars(
                    select(ProcessedUpdate.update_key).where(ProcessedUpdate.update_key.in_(keys))
                )
            )
            insert = pg_insert if tx.get_bind().dialect.name == "postgresql" else sqlite_insert
            for key, arrival in keys.items():
                if key in done:
                    continue
                chat = "" if arrival.chat_id is None else arrival.chat_id
                statement = (
                    insert(InboxUpdate)
                    .values(
                        update_key=key,
                        update_id=arrival.update_id,
                        chat_key=self.db.keys.chat_key(self.channel, chat),
                        payload=self.db.keys.seal(json.dumps(arrival.payload).encode()),
                        received_at=now,
                    )
                    .on_conflict_do_nothing()
                    .returning(InboxUpdate.update_key)
                )
                if tx.execute(statement).first() is not None:
                    fresh.add(arrival.update_id)
        return fresh

    def waiting(self, *, received_before: datetime | None = None) -> list[dict[str, Any]]:
        """Updates stored and never answered, oldest first (at start-up: a crash's leftovers)."""
        query = select(InboxUpdate.payload).order_by(InboxUpdate.update_id)
        if received_before is not None:
            query = query.where(InboxUpdate.received_at < received_before)
        prefix = f"{self.channel}:"
        with self.db.transaction() as tx:
            sealed = list(tx.scalars(query.where(InboxUpdate.update_key.startswith(prefix))))
        return [update for s in sealed if (update := self._open(s)) is not None]

    def _open(self, sealed: bytes) -> dict[str, Any] | None:
        """An update, or ``None`` if its data key is gone (it waited past its days: the
        purge drops it; one unreadable row must not stop the others at start-up)."""
        try:
            update: dict[str, Any] = json.loads(self.db.keys.open(sealed))
        except DataKeyGoneError:
            return None
        return update

    def drop(self, update_ids: list[int]) -> None:
        """Forget updates that will not be processed (a flood's surplus, a failed one)."""
        if not update_ids:
            return
        keys = [update_key(self.channel, u) for u in update_ids]
        with self.db.transaction() as tx:
            tx.execute(delete(InboxUpdate).where(InboxUpdate.update_key.in_(keys)))

    def count(self) -> int:
        with self.db.transaction() as tx:
            return int(tx.scalar(select(func.count()).select_from(InboxUpdate)) or 0)
