"""Following a case up through the bot, with both identities hidden.

Staff write about a case; it reaches the supporter only if they agreed to be contacted and
the case is open (its contact route exists). Once staff have written, what the supporter
types in the chat where they submitted goes back to the member who claimed the case, or
to every member while nobody has. Neither side ever learns the other's Telegram name, id
or username: the bot sends every message itself, and staff read the supporter's words
scrubbed. Relayed text is kept scrubbed and encrypted, and is erased with the case.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import exists, select, update
from sqlalchemy.orm import Session as DbSession

from bot.engine.context import ScrubFn
from bot.engine.session import Session
from bot.flow.model import SubmitStep
from bot.limits import SESSION_TOKEN_LENGTH
from bot.prescrub import scrubbed_outside
from bot.store.audit import audit, refused, throttled
from bot.store.conversations import Conversations
from bot.store.database import Database
from bot.store.flows import FlowSource
from bot.store.keys import slow_check
from bot.store.models import CaseMessage, CaseStubRow, ContactRoute
from bot.store.sealing import unwrap, wrap
from bot.store.staff import StaffRepository
from bot.stub import CROCKFORD, normalize_code

TO_SUPPORTER = "to_supporter"
FROM_SUPPORTER = "from_supporter"
#: Staff's own notes on a case: never shown to the supporter.
NOTE = "note"


@dataclass(frozen=True)
class Entry:
    """One line of a case's follow-up history (the text as stored: scrubbed)."""

    direction: str
    author: str
    #: ``None``: sealed to the organisation's keys; ``sealed`` is then the age file.
    text: str | None
    at: datetime
    sealed: bytes | None = None


@dataclass(frozen=True)
class ToSupporter:
    """Where staff's message goes, and in which language to frame it."""

    chat_id: int
    locale: str
    reference: str


@dataclass(frozen=True)
class ToStaff:
    """A supporter's words, scrubbed, for the members who should read them (none: this
    update was relayed before, and is not relayed twice)."""

    reference: str
    text: str
    recipients: tuple[tuple[int, str], ...]  # (chat id, locale) of each member
    #: The supporter's language, to tell them their words went on.
    locale: str


Reconnected = Literal["reconnected", "refused", "throttled"]
_RECONNECT = "reconnect"


class Casework:
    def __init__(
        self,
        db: Database,
        conversations: Conversations,
        flows: FlowSource,
        scrub: ScrubFn,
        rng: random.Random,
        *,
        trial: bool = False,
    ) -> None:
        #: An admin's trial never reaches a real case: no reconnecting, no relaying.
        self.trial = trial
        self.db = db
        self.conversations = conversations
        self.flows = flows
        self.scrub = scrub
        self.rng = rng
        self.staff = StaffRepository(db)

    def reconnect(self, chat_id: int, reference: str, code: str) -> Reconnected:
        """The supporter gives their case's reference and return code in this chat (after
        clearing it, or on another phone): this chat becomes the case's, for follow-up
        and withdrawal. Wrong codes are counted per chat and throttled."""
        if self.trial:
            return "refused"
        who = self.db.keys.chat_key(_RECONNECT, chat_id)
        now = self.db.now()
        with self.db.transaction() as tx:
            if throttled(tx, who, now):
                return "throttled"
            stub = tx.scalar(
                select(CaseStubRow).where(
                    CaseStubRow.reference == reference, CaseStubRow.status != "closed"
                )
            )
            stored = stub.return_hash if stub is not None else None
            if stub is None or stored is None or not slow_check(normalize_code(code), stored):
                refused(tx, who, now)
                audit(tx, self.db.now(), "supporter", "reconnect-refused", reference)
                return "refused"
            tx.execute(
                update(ContactRoute)
                .where(ContactRoute.reference == reference)
                .values(sealed_chat=self.db.keys.seal(str(chat_id).encode()))
            )
            audit(tx, self.db.now(), "supporter", "reconnect", reference)
            flow_id, version, locale = stub.flow_id, stub.flow_version, stub.locale
        compiled = self.flows.get(flow_id, version)
        submit = next(k for k, s in compiled.flow.steps.items() if isinstance(s, SubmitStep))
        token = "".join(self.rng.choice(CROCKFORD) for _ in range(SESSION_TOKEN_LENGTH))
        session = Session(
            flow_id=flow_id,
            flow_version=version,
            locale=locale,
            token=token,
            step=submit,
            status="submitted",
            reference=reference,
        )
        self.conversations.adopt(chat_id, session)
        return "reconnected"

    def to_supporter(self, reference: str, text: str, *, author: str) -> ToSupporter | None:
        """Record staff's message; ``None`` if the supporter cannot be reached for it."""

        # Scrubbed in the case's language, which only the transaction reads.
        def attempt(scrub: ScrubFn) -> ToSupporter | None:
            with self.db.transaction() as tx:
                found = tx.execute(
                    select(ContactRoute.sealed_chat, CaseStubRow.locale)
                    .join(CaseStubRow, CaseStubRow.reference == ContactRoute.reference)
                    .where(ContactRoute.reference == reference, CaseStubRow.status != "closed")
                ).first()
                if found is None:
                    audit(tx, self.db.now(), author, "reply-refused", reference)
                    return None
                sealed, locale = found
                self._keep(tx, reference, TO_SUPPORTER, author, scrub(text, locale).text)
                audit(tx, self.db.now(), author, "reply", reference)
            return ToSupporter(int(self.db.keys.open(sealed)), locale, reference)

        return scrubbed_outside(self.scrub, attempt)

    def from_supporter(self, chat_id: int, update_id: int | None, text: str) -> ToStaff | None:
        """The supporter typed ``text``: their words for staff, if staff are following
        their case up here; ``None`` (an ordinary input) otherwise."""
        if self.trial:
            return None
        session = self.conversations.load(chat_id)
        if session is None or session.status != "submitted" or not session.reference:
            return None
        reference = session.reference

        # Scrubbed in the case's language, which only the transaction reads.
        def attempt(scrub: ScrubFn) -> tuple[str, str | None] | ToStaff | None:
            with self.db.transaction() as tx:
                stub = tx.scalar(
                    select(CaseStubRow).where(
                        CaseStubRow.reference == reference, CaseStubRow.status != "closed"
                    )
                )
                talking = tx.scalar(
                    select(
                        exists().where(
                            CaseMessage.reference == reference,
                            CaseMessage.direction == TO_SUPPORTER,
                        )
                    )
                )
                if stub is None or not talking:
                    return None
                scrubbed = scrub(text, stub.locale).text
                if update_id is not None and not self.conversations.first_delivery(tx, update_id):
                    return ToStaff(reference, scrubbed, (), session.locale)
                self._keep(tx, reference, FROM_SUPPORTER, "supporter", scrubbed)
                audit(tx, self.db.now(), "supporter", "supporter-reply", reference)
                return scrubbed, stub.claimed_by

        kept = scrubbed_outside(self.scrub, attempt)
        if kept is None or isinstance(kept, ToStaff):
            return kept
        scrubbed, holder = kept
        members = self.staff.members()
        chosen = [m for m in members if m.label == holder] or members
        recipients = tuple((m.chat_id, m.locale) for m in chosen)
        return ToStaff(reference, scrubbed, recipients, session.locale)

    def note(self, reference: str, text: str, *, author: str, locale: str) -> bool:
        """An internal note on a case, scrubbed like all free text; ``False`` if no case."""
        scrubbed = self.scrub(text, locale).text  # before the transaction: see bot.prescrub
        with self.db.transaction() as tx:
            known = tx.scalar(select(CaseStubRow.id).where(CaseStubRow.reference == reference))
            if known is None:
                return False
            self._keep(tx, reference, NOTE, author, scrubbed)
            audit(tx, self.db.now(), author, "note", reference)
        return True

    def history(self, reference: str) -> list[Entry]:
        """Messages to and from the supporter, and staff's notes, oldest first."""
        with self.db.transaction() as tx:
            rows = tx.scalars(
                select(CaseMessage)
                .where(CaseMessage.reference == reference)
                .order_by(CaseMessage.at, CaseMessage.id)
            )
            return [
                Entry(
                    r.direction,
                    r.author,
                    None if r.sealed_to else self.db.keys.open(r.text).decode(),
                    r.at,
                    unwrap(r.text, self.db.keys) if r.sealed_to else None,
                )
                for r in rows
            ]

    def _keep(self, tx: DbSession, reference: str, direction: str, author: str, text: str) -> None:
        """Store a relayed message or a note: sealed when cases are."""
        sealer = self.db.sealer
        tx.add(
            CaseMessage(
                reference=reference,
                direction=direction,
                author=author,
                text=(
                    # The reference inside: a message cannot be moved to another case.
                    wrap(
                        sealer.seal(
                            {"reference": reference, "direction": direction, "text": text}
                        ),
                        self.db.keys,
                    )
                    if sealer is not None
                    else self.db.keys.seal(text.encode())
                ),
                sealed_to=list(sealer.recipients) if sealer is not None else None,
                at=self.db.now(),
            )
        )
