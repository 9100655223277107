"""Case stubs for staff: list, read, claim, close, export; every action audited.

Claims are safe under concurrency: a claim is one conditional UPDATE (``status = 'new'``),
so of two staff claiming at once exactly one succeeds, on SQLite and PostgreSQL alike.
The audit log says who did what to which reference and when, never what a stub says.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from pyrage import x25519
from sqlalchemy import case, delete, select, update

from bot.store.audit import audit
from bot.store.database import Database
from bot.store.models import AuditEntry, CaseStubRow, ContactRoute
from bot.store.sealing import armor, case_body, unwrap
from bot.stub import CaseStub

STATUSES = ("new", "claimed", "closed")
#: Why a case was closed (codes; their labels are the staff side's texts).
CLOSE_REASONS = ("resolved", "referred", "out_of_scope", "duplicate", "no_contact", "withdrawn")
PRIORITIES = ("urgent", "high", "normal")
_URGENCY = case({"urgent": 0, "high": 1, "normal": 2}, value=CaseStubRow.priority, else_=3)


@dataclass(frozen=True)
class StubView:
    """A stub as staff read it (free text decrypted)."""

    reference: str
    flow_id: str
    flow_version: int
    status: str
    priority: str
    locale: str
    region: str
    created_at: datetime
    contact: bool
    answers: dict[str, Any]
    texts: dict[str, str]
    removed: list[str]
    claimed_by: str | None
    claimed_at: datetime | None
    closed_at: datetime | None
    #: A sealed case: the age file with everything the supporter told, to the keys in
    #: ``sealed_to``; ``answers``, ``texts``, ``removed`` and ``region`` are then empty
    #: until ``opened`` with an identity.
    sealed: bytes | None = None
    sealed_to: tuple[str, ...] = ()

    def opened(self, identities: Sequence[x25519.Identity]) -> StubView:
        """The sealed case with its content (the identity's holder, on their own machine).

        Raises:
            SealedError: none of ``identities`` opens it.
        """
        if self.sealed is None:
            return self
        body = case_body(self.sealed, identities, self.reference)
        return replace(
            self,
            region=body.region,
            answers=body.answers,
            texts=body.texts,
            removed=body.removed,
            sealed=None,
        )

    @classmethod
    def preview(cls, stub: CaseStub) -> StubView:
        """A stub that was never stored, as staff would first see it (an admin's trial)."""
        return cls(
            reference=stub.reference,
            flow_id=stub.flow_id,
            flow_version=stub.flow_version,
            status="new",
            priority=stub.priority,
            locale=stub.locale,
            region=stub.region,
            created_at=stub.created,
            contact=stub.contact,
            answers=stub.answers_json(),
            texts=dict(stub.texts),
            removed=list(stub.removed),
            claimed_by=None,
            claimed_at=None,
            closed_at=None,
        )

    def to_json(self) -> dict[str, Any]:
        def when(value: datetime | None) -> str | None:
            return value.strftime("%Y-%m-%dT%H:%MZ") if value else None

        return {
            "reference": self.reference,
            "flow_id": self.flow_id,
            "flow_version": self.flow_version,
            "status": self.status,
            "priority": self.priority,
            "locale": self.locale,
            "region": self.region,
            "created": when(self.created_at),
            "contact": self.contact,
            "answers": self.answers,
            "texts": self.texts,
            "removed": self.removed,
            "claimed_by": self.claimed_by,
            "claimed_at": when(self.claimed_at),
            "closed_at": when(self.closed_at),
            # Still sealed: the age file, armored, for `age -d -i identity.age`.
            "sealed": armor(self.sealed) if self.sealed is not None else None,
            "sealed_to": list(self.sealed_to),
        }


class StubRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def find(
        self,
        *,
        actor: str,
        status: Sequence[str] = (),
        priority: Sequence[str] = (),
        since: datetime | None = None,
    ) -> list[StubView]:
        """Stubs most urgent first, then oldest first."""
        query = select(CaseStubRow).order_by(_URGENCY, CaseStubRow.created_at, CaseStubRow.id)
        if status:
            query = query.where(CaseStubRow.status.in_(status))
        if priority:
            query = query.where(CaseStubRow.priority.in_(priority))
        if since is not None:
            query = query.where(CaseStubRow.created_at >= since)
        with self.db.transaction() as tx:
            rows = list(tx.scalars(query))
            audit(tx, self.db.now(), actor, "list", None, {"count": len(rows)})
            return [self._view(r) for r in rows]

    def show(self, reference: str, *, actor: str) -> StubView | None:
        with self.db.transaction() as tx:
            row = tx.scalar(select(CaseStubRow).where(CaseStubRow.reference == reference))
            if row is not None:
                audit(tx, self.db.now(), actor, "show", reference, {})
            return self._view(row) if row else None

    def claim(self, reference: str, *, actor: str) -> bool:
        """Take a new stub; ``False`` if it is not new (someone else was first)."""
        with self.db.transaction() as tx:
            result = tx.execute(
                update(CaseStubRow)
                .where(CaseStubRow.reference == reference, CaseStubRow.status == "new")
                .values(status="claimed", claimed_by=actor, claimed_at=self.db.now())
            )
            claimed = bool(result.rowcount)  # type: ignore[attr-defined]
            audit(tx, self.db.now(), actor, "claim" if claimed else "claim-refused", reference, {})
            return claimed

    def close(
        self,
        reference: str,
        *,
        actor: str,
        reason: str | None = None,
        holder_only: bool = False,
    ) -> bool:
        """Close a stub and delete the way back to its supporter.

        ``holder_only``: a claimed stub closes only for whoever claimed it (staff on
        Telegram; admins and the CLI may close any).
        """
        allowed = CaseStubRow.status != "closed"
        if holder_only:
            allowed = allowed & ((CaseStubRow.status == "new") | (CaseStubRow.claimed_by == actor))
        detail = {"reason": reason} if reason else {}
        with self.db.transaction() as tx:
            result = tx.execute(
                update(CaseStubRow)
                .where(CaseStubRow.reference == reference, allowed)
                .values(status="closed", closed_at=self.db.now())
            )
            closed = bool(result.rowcount)  # type: ignore[attr-defined]
            if closed:
                tx.execute(delete(ContactRoute).where(ContactRoute.reference == reference))
            audit(
                tx, self.db.now(), actor, "close" if closed else "close-refused", reference, detail
            )
        if closed:
            self.db.checkpoint()
        return closed

    def release(self, reference: str, *, actor: str, holder_only: bool = False) -> bool:
        """Give a claimed stub back to the queue (its holder, or an admin)."""
        allowed = CaseStubRow.status == "claimed"
        if holder_only:
            allowed = allowed & (CaseStubRow.claimed_by == actor)
        return self._change(
            reference, actor, "release", allowed, status="new", claimed_by=None, claimed_at=None
        )

    def reopen(self, reference: str, *, actor: str) -> bool:
        """A closed stub is new again (its way back to the supporter stays deleted)."""
        allowed = CaseStubRow.status == "closed"
        return self._change(
            reference, actor, "reopen", allowed, status="new", claimed_by=None, closed_at=None
        )

    def _change(
        self, reference: str, actor: str, action: str, allowed: Any, **values: Any
    ) -> bool:
        with self.db.transaction() as tx:
            result = tx.execute(
                update(CaseStubRow)
                .where(CaseStubRow.reference == reference, allowed)
                .values(**values)
            )
            changed = bool(result.rowcount)  # type: ignore[attr-defined]
            audit(
                tx, self.db.now(), actor, action if changed else f"{action}-refused", reference, {}
            )
            return changed

    def export(self, *, actor: str, status: Sequence[str] = ()) -> list[StubView]:
        views = self.find(actor=actor, status=status)
        with self.db.transaction() as tx:
            audit(tx, self.db.now(), actor, "export", None, {"count": len(views)})
        return views

    def audit_log(self) -> list[AuditEntry]:
        with self.db.transaction() as tx:
            return list(tx.scalars(select(AuditEntry).order_by(AuditEntry.id)))

    def _view(self, row: CaseStubRow) -> StubView:
        return StubView(
            reference=row.reference,
            flow_id=row.flow_id,
            flow_version=row.flow_version,
            status=row.status,
            priority=row.priority,
            locale=row.locale,
            region=row.region,
            created_at=row.created_at,
            contact=row.contact,
            answers=dict(row.answers),
            # A sealed row keeps no text under the server key, only the age file.
            texts=json.loads(self.db.keys.open(row.texts)) if row.sealed is None else {},
            removed=list(row.removed),
            claimed_by=row.claimed_by,
            claimed_at=row.claimed_at,
            closed_at=row.closed_at,
            sealed=unwrap(row.sealed, self.db.keys) if row.sealed is not None else None,
            sealed_to=tuple(row.sealed_to or ()),
        )
