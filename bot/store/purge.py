"""Nothing is kept longer than needed: abandoned sessions, old dedupe records and closed
cases past their retention are deleted, with everything they held; then what was
encrypted under an older data key is rewritten and the keys nothing uses are destroyed
(``bot.store.rekey``), so that what was deleted is unreadable in every copy too."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select

from bot.store.database import Database
from bot.store.models import (
    CaseStubRow,
    ChatSession,
    ContactRoute,
    InboxUpdate,
    JoinAttempt,
    MessageRecord,
    ProcessedUpdate,
    StaffInvite,
)
from bot.store.rekey import rekey

#: Telegram keeps undelivered updates for 24 hours; a week covers any redelivery.
UPDATE_MEMORY = timedelta(days=7)
#: An inbox row is answered within seconds; one a day old was abandoned (its update
#: failed on every delivery Telegram made).
INBOX_MEMORY = timedelta(days=1)
#: Bots can delete messages for 48 hours only: an older message id can clear nothing.
MESSAGE_MEMORY = timedelta(hours=48)


@dataclass(frozen=True)
class Purged:
    sessions: int
    updates: int
    cases: int
    messages: int = 0
    #: Rows rewritten under today's data key, and the days whose keys were destroyed.
    rewritten: int = 0
    keys_destroyed: tuple[str, ...] = ()
    #: Rows no key the server holds opens (written under another secret, say).
    unreadable: int = 0

    @property
    def total(self) -> int:
        return self.sessions + self.updates + self.cases + self.messages


def purge(db: Database, *, session_ttl: timedelta, case_retention: timedelta) -> Purged:
    """Delete expired sessions (and their message records), old update ids, old closed cases."""
    now = db.now()
    with db.transaction() as tx:
        # One statement decides and deletes, so a supporter who comes back while purge
        # runs keeps their session; sessions first, then records, as an erase does.
        expired = list(
            tx.scalars(
                delete(ChatSession)
                .where(ChatSession.updated_at < now - session_ttl)
                .returning(ChatSession.chat_key)
            )
        )
        if expired:
            tx.execute(delete(MessageRecord).where(MessageRecord.chat_key.in_(expired)))
        updates = tx.execute(
            delete(ProcessedUpdate).where(ProcessedUpdate.processed_at < now - UPDATE_MEMORY)
        ).rowcount  # type: ignore[attr-defined]
        updates += tx.execute(
            delete(InboxUpdate).where(InboxUpdate.received_at < now - INBOX_MEMORY)
        ).rowcount  # type: ignore[attr-defined]
        # Refused joins count for an hour; invites are spent or expired after a day or so.
        tx.execute(delete(JoinAttempt).where(JoinAttempt.at < now - INBOX_MEMORY))
        tx.execute(delete(StaffInvite).where(StaffInvite.expires_at < now - INBOX_MEMORY))
        old = list(
            tx.scalars(
                select(CaseStubRow.reference).where(
                    CaseStubRow.status == "closed", CaseStubRow.closed_at < now - case_retention
                )
            )
        )
        if old:
            tx.execute(delete(ContactRoute).where(ContactRoute.reference.in_(old)))
            tx.execute(delete(CaseStubRow).where(CaseStubRow.reference.in_(old)))
        messages = tx.execute(
            delete(MessageRecord).where(MessageRecord.at < now - MESSAGE_MEMORY)
        ).rowcount  # type: ignore[attr-defined]
    if expired or updates or old or messages:
        db.checkpoint()
    rekeyed = rekey(db)
    return Purged(
        len(expired),
        int(updates),
        len(old),
        int(messages),
        rewritten=rekeyed.rewritten,
        keys_destroyed=rekeyed.destroyed,
        unreadable=rekeyed.unreadable,
    )
