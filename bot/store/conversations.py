"""One supporter input, one transaction: dedupe, lock, advance, save.

Everything that changes for an input commits together or not at all, so a crash at any
point loses no committed answer, and an intake that reached its stub cannot produce a
second one (the update that made it is recorded as processed in the same transaction).

Per-chat order holds across processes: PostgreSQL locks the chat's row (``FOR UPDATE``);
SQLite takes its single write lock at ``BEGIN IMMEDIATE`` (it ignores ``FOR UPDATE``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as DbSession

from bot.engine.outcome import Outcome
from bot.engine.session import Session
from bot.errors import DataKeyGoneError
from bot.store.audit import audit
from bot.store.database import Database
from bot.store.keys import slow_hash
from bot.store.models import (
    CaseMessage,
    CaseStubRow,
    ChatSession,
    ContactRoute,
    InboxUpdate,
    MessageRecord,
    PendingAlert,
    ProcessedUpdate,
    update_key,
)
from bot.store.sealing import wrap
from bot.stub import CaseStub, normalize_code

#: A new chat's first two inputs may race to create its row; the loser retries.
ATTEMPTS = 3

#: Given the chat's session (``None`` if it has none) and the open transaction, for any
#: lookup that must happen inside it, the outcome of the input.
Decide = Callable[[Session | None, DbSession], Outcome]


@dataclass(frozen=True)
class LiveMessage:
    """The bot message an intake lives in: its id, the session token it shows, and a
    digest of its content and keyboard (an edit to the same digest is never sent)."""

    message_id: int
    token: str
    digest: str


@dataclass(frozen=True)
class Handled:
    """What one input did: the outcome, the message ids to clear from the chat, and the
    chat's live message as it was before this input."""

    outcome: Outcome
    cleared_messages: tuple[int, ...] = ()
    live: LiveMessage | None = None


class Conversations:
    """Sessions by chat, kept under the chat's keyed hash, encrypted at rest."""

    def __init__(self, db: Database, channel: str, *, trial: bool = False) -> None:
        self.db = db
        self.channel = channel
        #: An admin trying a draft (``/try``): the same engine and sessions, but no stub,
        #: alert, contact route or withdrawal is written; the outcome carries the stub
        #: for the admin to read instead.
        self.trial = trial

    def handle(
        self,
        chat_id: int | str,
        update_id: int | None,
        decide: Decide,
        *,
        unanswered: Decide | None = None,
    ) -> Handled | None:
        """Apply one input; ``None`` when ``update_id`` was already applied and answered.

        Args:
            unanswered: for an update applied before whose reply never reached the chat
                (``delivered`` was not called: the process died in between), what to
                do instead of applying it again; typically show the current question.
        """
        chat_key = self.db.keys.chat_key(self.channel, chat_id)
        for attempt in range(ATTEMPTS):
            try:
                with self.db.transaction() as tx:
                    if update_id is not None and not self._first_delivery(tx, update_id):
                        if unanswered is None or self._replied(tx, update_id):
                            return None
                        decide = unanswered
                    handled = self._apply(tx, chat_key, chat_id, decide)
            except IntegrityError:
                if attempt == ATTEMPTS - 1:
                    raise
                continue
            if handled.outcome.erase:
                self.db.checkpoint()
            return handled
        raise AssertionError("unreachable")

    def load(self, chat_id: int | str) -> Session | None:
        """The chat's session, for reading only (e.g. to know its locale)."""
        chat_key = self.db.keys.chat_key(self.channel, chat_id)
        with self.db.transaction() as tx:
            row = tx.scalar(select(ChatSession).where(ChatSession.chat_key == chat_key))
            return self._decode(row) if row else None

    def delivered(
        self,
        chat_id: int | str,
        update_id: int | None,
        *,
        message_ids: list[int] | tuple[int, ...] = (),
        live: LiveMessage | None = None,
    ) -> None:
        """After the reply went out, in one transaction: the update is answered (a
        redelivery is now met with silence) and leaves the inbox; the chat's message ids
        (never contents) are recorded so it can be cleared later; the live message is
        remembered."""
        chat_key = self.db.keys.chat_key(self.channel, chat_id)
        now = self.db.now()
        with self.db.transaction() as tx:
            if update_id is not None:
                key = update_key(self.channel, update_id)
                tx.execute(
                    update(ProcessedUpdate)
                    .where(ProcessedUpdate.update_key == key)
                    .values(replied_at=now)
                )
                tx.execute(delete(InboxUpdate).where(InboxUpdate.update_key == key))
            tx.add_all(MessageRecord(chat_key=chat_key, message_id=m, at=now) for m in message_ids)
            if live is not None:
                tx.execute(
                    update(ChatSession)
                    .where(ChatSession.chat_key == chat_key)
                    .values(
                        live_message_id=live.message_id,
                        live_token=live.token,
                        live_digest=live.digest,
                    )
                )

    def forget(self, chat_id: int | str) -> None:
        """Erase the chat's session and message records (the supporter blocked the bot)."""
        chat_key = self.db.keys.chat_key(self.channel, chat_id)
        with self.db.transaction() as tx:
            tx.execute(delete(ChatSession).where(ChatSession.chat_key == chat_key))
            self._take_messages(tx, chat_key)
        self.db.checkpoint()

    def adopt(self, chat_id: int | str, session: Session) -> None:
        """Give the chat ``session`` (a supporter reconnecting to their case from it)."""
        chat_key = self.db.keys.chat_key(self.channel, chat_id)
        now = self.db.now()
        state = self.db.keys.seal(json.dumps(session.to_json()).encode())
        with self.db.transaction() as tx:
            tx.execute(delete(ChatSession).where(ChatSession.chat_key == chat_key))
            tx.add(
                ChatSession(
                    chat_key=chat_key,
                    flow_id=session.flow_id,
                    flow_version=session.flow_version,
                    state=state,
                    created_at=now,
                    updated_at=now,
                )
            )

    def message_ids(self, chat_id: int | str) -> tuple[int, ...]:
        """The chat's recorded message ids, kept until ``take_messages`` forgets them."""
        chat_key = self.db.keys.chat_key(self.channel, chat_id)
        with self.db.transaction() as tx:
            return tuple(
                tx.scalars(
                    select(MessageRecord.message_id)
                    .where(MessageRecord.chat_key == chat_key)
                    .order_by(MessageRecord.id)
                )
            )

    def take_messages(self, chat_id: int | str) -> tuple[int, ...]:
        """Forget and return the chat's recorded message ids (to delete them from the chat),
        and its live message with them: the next reply starts a new one."""
        chat_key = self.db.keys.chat_key(self.channel, chat_id)
        with self.db.transaction() as tx:
            tx.execute(
                update(ChatSession)
                .where(ChatSession.chat_key == chat_key)
                .values(live_message_id=None, live_token=None, live_digest=None)
            )
            return self._take_messages(tx, chat_key)

    # --- inside the transaction ---------------------------------------------------------

    def _replied(self, tx: DbSession, update_id: int) -> bool:
        replied = tx.scalar(
            select(ProcessedUpdate.replied_at).where(
                ProcessedUpdate.update_key == update_key(self.channel, update_id)
            )
        )
        return replied is not None

    def first_delivery(self, tx: DbSession, update_id: int) -> bool:
        """Record ``update_id`` as processed in ``tx``; ``False`` if it already was."""
        return self._first_delivery(tx, update_id)

    def _first_delivery(self, tx: DbSession, update_id: int) -> bool:
        values = {"update_key": update_key(self.channel, update_id), "processed_at": self.db.now()}
        insert = pg_insert if tx.get_bind().dialect.name == "postgresql" else sqlite_insert
        statement = (
            insert(ProcessedUpdate)
            .values(**values)
            .on_conflict_do_nothing()
            .returning(ProcessedUpdate.update_key)  # rowcount is -1 here through psycopg
        )
        return tx.execute(statement).first() is not None

    def _apply(self, tx: DbSession, chat_key: str, chat_id: int | str, decide: Decide) -> Handled:
        row = tx.scalar(
            select(ChatSession).where(ChatSession.chat_key == chat_key).with_for_update()
        )
        outcome = decide(self._decode(row) if row else None, tx)
        live = (
            LiveMessage(row.live_message_id, row.live_token or "", row.live_digest or "")
            if row is not None and row.live_message_id is not None
            else None
        )
        now = self.db.now()
        cleared: tuple[int, ...] = ()
        if outcome.stub is not None and not self.trial:
            self._insert_stub(tx, outcome.stub, chat_id, now, outcome.return_code)
        if outcome.withdraw is not None and not self.trial:
            self._withdraw(tx, outcome.withdraw, now)
        if outcome.session is None:
            if row is not None:
                tx.delete(row)
            if outcome.erase:
                cleared = self._take_messages(tx, chat_key)
        else:
            state = self.db.keys.seal(json.dumps(outcome.session.to_json()).encode())
            if row is None:
                tx.add(
                    ChatSession(
                        chat_key=chat_key,
                        flow_id=outcome.session.flow_id,
                        flow_version=outcome.session.flow_version,
                        state=state,
                        created_at=now,
                        updated_at=now,
                    )
                )
            else:
                row.state = state
                row.flow_id = outcome.session.flow_id
                row.flow_version = outcome.session.flow_version
                row.updated_at = now
        tx.flush()  # a racing first insert for this chat fails here, inside the retry
        return Handled(outcome, cleared, live)

    def _decode(self, row: ChatSession) -> Session | None:
        """The session, or ``None`` when its data key has been destroyed: the intake was
        abandoned past its days, and the supporter starts again rather than being stuck
        with a session no one can read."""
        try:
            return Session.from_json(json.loads(self.db.keys.open(row.state)))
        except DataKeyGoneError:
            return None

    def _take_messages(self, tx: DbSession, chat_key: str) -> tuple[int, ...]:
        ids = tuple(
            tx.scalars(
                select(MessageRecord.message_id)
                .where(MessageRecord.chat_key == chat_key)
                .order_by(MessageRecord.id)
            )
        )
        tx.execute(delete(MessageRecord).where(MessageRecord.chat_key == chat_key))
        return ids

    def _withdraw(self, tx: DbSession, reference: str, now: datetime) -> None:
        """The supporter withdrew their case: staff see it closed as withdrawn; everything
        it held (answers, free text, relayed messages, the way back) is erased."""
        tx.execute(
            update(CaseStubRow)
            .where(CaseStubRow.reference == reference)
            .values(
                status="closed",
                closed_at=now,
                answers={},
                texts=self.db.keys.seal(b"{}"),
                removed=[],
                region="",  # where the person is is content too; the queue keeps no more
                contact=False,
                sealed=None,
                sealed_to=None,
            )
        )
        for table in (ContactRoute, CaseMessage, PendingAlert):
            tx.execute(delete(table).where(table.reference == reference))
        audit(tx, now, "supporter", "close", reference, {"reason": "withdrawn"})

    def _insert_stub(
        self,
        tx: DbSession,
        stub: CaseStub,
        chat_id: int | str,
        now: datetime,
        return_code: str | None = None,
    ) -> None:
        sealer = self.db.sealer
        # Sealed: the queue keeps reference, priority, status, times, language and
        # consent; everything the supporter told is in the age file only.
        tx.add(
            CaseStubRow(
                reference=stub.reference,
                flow_id=stub.flow_id,
                flow_version=stub.flow_version,
                status="new",
                priority=stub.priority,
                locale=stub.locale,
                region=stub.region if sealer is None else "",
                created_at=stub.created,
                contact=stub.contact,
                answers=stub.answers_json() if sealer is None else {},
                texts=self.db.keys.seal(
                    json.dumps(dict(stub.texts) if sealer is None else {}).encode()
                ),
                removed=list(stub.removed) if sealer is None else [],
                return_hash=slow_hash(normalize_code(return_code)) if return_code else None,
                sealed=wrap(sealer.seal(stub.to_json()), self.db.keys) if sealer else None,
                sealed_to=list(sealer.recipients) if sealer is not None else None,
            )
        )
        # Staff are told, once, by whichever process takes this row (``bot.store.alerts``).
        tx.add(PendingAlert(reference=stub.reference, priority=stub.priority, created_at=now))
        if stub.contact:
            tx.flush()  # the route refers to the stub row
            tx.add(
                ContactRoute(
                    reference=stub.reference,
                    channel=self.channel,
                    sealed_chat=self.db.keys.seal(str(chat_id).encode()),
                    created_at=now,
                )
            )
