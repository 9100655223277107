"""What every repository writes besides its own rows: the audit log and refused tries.

One way to write an audit entry (who, what, which case, when; never content), and one
throttle for codes people type (staff invites, return codes): refused tries are counted
under a keyed hash of who tried, and past ``MAX_ATTEMPTS`` in ``ATTEMPT_WINDOW`` every
try is refused.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession

from bot.store.models import AuditEntry, JoinAttempt

MAX_ATTEMPTS = 5
ATTEMPT_WINDOW = timedelta(hours=1)


def audit(
    tx: DbSession,
    at: datetime,
    actor: str,
    action: str,
    reference: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    tx.add(AuditEntry(at=at, actor=actor, action=action, reference=reference, detail=detail or {}))


def throttled(tx: DbSession, who: str, now: datetime) -> bool:
    """``who`` (a keyed hash) was refused too often lately to be heard at all."""
    tried = tx.scalar(
        select(func.count())
        .select_from(JoinAttempt)
        .where(JoinAttempt.user_key == who, JoinAttempt.at > now - ATTEMPT_WINDOW)
    )
    return (tried or 0) >= MAX_ATTEMPTS


def refused(tx: DbSession, who: str, now: datetime) -> None:
    """Count one refused try of ``who``."""
    tx.add(JoinAttempt(user_key=who, at=now))
