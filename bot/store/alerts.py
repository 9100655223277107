"""New cases staff have not been told about: taken once, by whichever process is first.

The row is written with the stub, in the same transaction, so no case is ever missed;
taking is one ``DELETE ... RETURNING``, so of several replicas exactly one sends each
alert. Urgent cases are taken at once; the others wait for the digest, which takes them
all together once the oldest has waited the digest interval.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, exists, select

from bot.store.database import Database
from bot.store.models import PendingAlert

URGENT = "urgent"


@dataclass(frozen=True)
class Alert:
    reference: str
    priority: str
    created_at: datetime


class PendingAlerts:
    def __init__(self, db: Database) -> None:
        self.db = db

    def take_urgent(self) -> list[Alert]:
        return self._take(PendingAlert.priority == URGENT)

    def take_digest(self, every: timedelta) -> list[Alert]:
        """Every case that is not urgent, once the oldest of them has waited ``every``."""
        due = self.db.now() - every
        with self.db.transaction() as tx:
            ready = tx.scalar(
                select(
                    exists().where(PendingAlert.priority != URGENT, PendingAlert.created_at <= due)
                )
            )
        return self._take(PendingAlert.priority != URGENT) if ready else []

    def _take(self, which: object) -> list[Alert]:
        with self.db.transaction() as tx:
            rows = tx.execute(
                delete(PendingAlert)
                .where(which)  # type: ignore[arg-type]
                .returning(PendingAlert.reference, PendingAlert.priority, PendingAlert.created_at)
            ).all()
        alerts = [Alert(r.reference, r.priority, r.created_at) for r in rows]
        return sorted(alerts, key=lambda a: (a.created_at, a.reference))
