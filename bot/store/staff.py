"""The organisation's staff on Telegram: one-time invites, members, refused joins.

A member is known by the keyed hash of their Telegram user id; the chat the bot reaches
them in is encrypted; the label is the organisation's own word for them. An invite code
is random, single use and short-lived; only its keyed hash is stored. Refused joins are
counted (by the keyed hash of who tried, nothing else) so that guessing is throttled.
Every change goes to the audit log, without content.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from bot.store.audit import audit, refused, throttled
from bot.store.database import Database
from bot.store.models import StaffInvite, StaffMember
from bot.stub import CROCKFORD, normalize_code

Role = Literal["staff", "admin"]
ROLES: tuple[Role, ...] = ("staff", "admin")
INVITE_LIFETIME = timedelta(hours=24)
#: How long a process trusts its list of admins for routing supporter-looking updates:
#: every update would otherwise cost a database transaction (SQLite's write lock).
ADMINS_CACHED = timedelta(seconds=30)
#: 12 Crockford characters: 60 bits, shown as XXXX-XXXX-XXXX.
CODE_LENGTH = 12
#: What the keyed hashes of user ids and invite codes are namespaced by.
_USER = "telegram-staff"
_CODE = "staff-invite"

JoinResult = Literal["joined", "refused", "throttled"]


@dataclass(frozen=True)
class Member:
    id: int
    label: str
    role: Role
    chat_id: int
    locale: str
    joined_at: datetime


class StaffRepository:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._admins: tuple[float, frozenset[str]] | None = None

    # --- invites (the CLI) -------------------------------------------------------------

    def invite(
        self,
        *,
        role: Role,
        label: str,
        actor: str,
        rng: random.Random,
        lifetime: timedelta = INVITE_LIFETIME,
    ) -> str:
        """A new one-time code for ``role``, shown once; only its keyed hash is kept."""
        raw = "".join(rng.choice(CROCKFORD) for _ in range(CODE_LENGTH))
        now = self.db.now()
        with self.db.transaction() as tx:
            tx.add(
                StaffInvite(
                    code_key=self._code_key(raw),
                    role=role,
                    label=label,
                    created_by=actor,
                    created_at=now,
                    expires_at=now + lifetime,
                )
            )
            audit(tx, now, actor, "staff-invite", detail={"role": role, "label": label})
        return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))

    # --- joining (Telegram) ------------------------------------------------------------

    def join(self, user_id: int, chat_id: int, code: str, *, locale: str) -> JoinResult:
        """``/join CODE`` from ``user_id``: a member now, refused, or throttled."""
        user_key = self.db.keys.chat_key(_USER, user_id)
        now = self.db.now()
        try:
            with self.db.transaction() as tx:
                if throttled(tx, user_key, now):
                    audit(tx, now, "telegram", "staff-join-throttled", detail={})
                    return "throttled"
                invite = tx.scalar(
                    select(StaffInvite)
                    .where(StaffInvite.code_key == self._code_key(normalize_code(code)))
                    .with_for_update()
                )
                usable = invite is not None and invite.used_at is None and invite.expires_at > now
                member = tx.scalar(select(StaffMember).where(StaffMember.user_key == user_key))
                if not usable or member is not None or invite is None:
                    refused(tx, user_key, now)
                    audit(tx, now, "telegram", "staff-join-refused", detail={})
                    return "refused"
                invite.used_at = now
                tx.add(
                    StaffMember(
                        user_key=user_key,
                        label=invite.label,
                        role=invite.role,
                        sealed_chat=self.db.keys.seal(str(chat_id).encode()),
                        locale=locale,
                        joined_at=now,
                    )
                )
                audit(tx, now, invite.label, "staff-join", detail={"role": invite.role})
            self._admins = None  # this process knows at once
        except IntegrityError:  # the label is taken by a member who joined meanwhile
            with self.db.transaction() as tx:
                refused(tx, user_key, now)
                audit(tx, now, "telegram", "staff-join-refused", detail={})
            return "refused"
        return "joined"

    def set_locale(self, member_id: int, locale: str) -> None:
        """The language the member reads alerts and cases in."""
        with self.db.transaction() as tx:
            row = tx.get(StaffMember, member_id)
            if row is not None:
                row.locale = locale

    def refused_command(self, what: str) -> None:
        """A staff command or button from someone who is not a member: counted, no content."""
        with self.db.transaction() as tx:
            audit(tx, self.db.now(), "telegram", "staff-refused", detail={"what": what})

    # --- members ------------------------------------------------------------------------

    def member(self, user_id: int) -> Member | None:
        """The member this Telegram user is, if any (read on every staff update, so a
        removal takes effect at once)."""
        user_key = self.db.keys.chat_key(_USER, user_id)
        with self.db.transaction() as tx:
            row = tx.scalar(select(StaffMember).where(StaffMember.user_key == user_key))
            return self._member(row) if row else None

    def may_be_admin(self, user_id: int) -> bool:
        """A cheap first look, for updates that are a supporter's unless the sender is an
        admin trying a draft: ``False`` means not an admin as of at most
        ``ADMINS_CACHED`` ago (a new admin's trials are routed once that has passed).
        ``True`` is confirmed by ``member`` before anything is done."""
        clock = time.monotonic()
        if self._admins is None or clock - self._admins[0] > ADMINS_CACHED.total_seconds():
            with self.db.transaction() as tx:
                keys = tx.scalars(select(StaffMember.user_key).where(StaffMember.role == "admin"))
                self._admins = (clock, frozenset(keys))
        return self.db.keys.chat_key(_USER, user_id) in self._admins[1]

    def members(self) -> list[Member]:
        with self.db.transaction() as tx:
            rows = tx.scalars(select(StaffMember).order_by(StaffMember.joined_at))
            return [self._member(r) for r in rows]

    def remove(self, label_or_id: str, *, actor: str) -> bool:
        """Remove a member by label or id; at once, for every replica."""
        with self.db.transaction() as tx:
            query = delete(StaffMember).where(StaffMember.label == label_or_id)
            if label_or_id.isdigit():
                query = delete(StaffMember).where(
                    (StaffMember.label == label_or_id) | (StaffMember.id == int(label_or_id))
                )
            removed = list(tx.scalars(query.returning(StaffMember.label)))
            for label in removed:
                audit(tx, self.db.now(), actor, "staff-remove", detail={"label": label})
            return bool(removed)

    def _code_key(self, code: str) -> str:
        return self.db.keys.chat_key(_CODE, code)

    def _member(self, row: StaffMember) -> Member:
        return Member(
            id=row.id,
            label=row.label,
            role=row.role,  # type: ignore[arg-type]  # written from ROLES only
            chat_id=int(self.db.keys.open(row.sealed_chat)),
            locale=row.locale,
            joined_at=row.joined_at,
        )
