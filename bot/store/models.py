"""Database tables (SQLAlchemy 2 typed models).

No table holds a Telegram user id, chat id, username or name in plain text: chats are
known by a keyed hash, the one route back to a supporter who consented is encrypted, and
session state and free text are encrypted under the server secret.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bot.limits import MAX_REGION_CHARS

# Names for every constraint, so Alembic's batch mode can alter them on SQLite.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on both databases (SQLite keeps no time zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(
        self,
        value: datetime | None,
        dialect: Dialect,  # noqa: ARG002 (the hook's signature)
    ) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def portable_json() -> Any:
    """JSON on SQLite, JSONB on PostgreSQL: a fresh type per column (see PLATFORM.md 5.5)."""
    return JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class ChatSession(Base):
    """One supporter's intake in progress, by the keyed hash of their chat."""

    __tablename__ = "chat_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_key: Mapped[str] = mapped_column(String(64), unique=True)
    flow_id: Mapped[str] = mapped_column(String(32))
    flow_version: Mapped[int] = mapped_column(Integer)
    #: The engine's session as JSON, encrypted (it holds scrubbed free text).
    state: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    #: The one bot message the intake lives in (edited at each step), the session token it
    #: shows, and a digest of what it shows now, so an identical edit is never sent.
    live_message_id: Mapped[int | None] = mapped_column(BigInteger)
    live_token: Mapped[str | None] = mapped_column(String(16))
    live_digest: Mapped[str | None] = mapped_column(String(64))


def update_key(channel: str, update_id: int) -> str:
    """How an update is known in the inbox and among processed updates."""
    return f"{channel}:{update_id}"


class InboxUpdate(Base):
    """An update stored before Telegram is told it arrived; deleted once answered.

    Polling moves its offset past an update, and the webhook answers 200, only after the
    update is here: a process killed at any moment loses no input.
    """

    __tablename__ = "inbox"

    update_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    update_id: Mapped[int] = mapped_column(BigInteger, index=True)
    chat_key: Mapped[str] = mapped_column(String(64), index=True)
    #: The update as Telegram sent it, as encrypted JSON (it holds what was typed).
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class ProcessedUpdate(Base):
    """Updates already applied, so a redelivery is applied once."""

    __tablename__ = "processed_updates"

    update_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    processed_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    #: When the reply reached the chat; empty if the process died before replying.
    replied_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class MessageRecord(Base):
    """Ids of messages in a chat (never their content), to clear the chat later."""

    __tablename__ = "message_records"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_key: Mapped[str] = mapped_column(String(64), index=True)
    message_id: Mapped[int] = mapped_column(BigInteger)
    at: Mapped[datetime] = mapped_column(UTCDateTime())


class CaseStubRow(Base):
    """A sanitized intake for staff. Triage fields are real, indexed columns."""

    __tablename__ = "case_stubs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(9), unique=True)
    flow_id: Mapped[str] = mapped_column(String(32))
    flow_version: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), index=True, default="new")
    priority: Mapped[str] = mapped_column(String(16), index=True)
    locale: Mapped[str] = mapped_column(String(16), index=True)
    region: Mapped[str] = mapped_column(String(MAX_REGION_CHARS), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    contact: Mapped[bool] = mapped_column(default=False)
    answers: Mapped[dict[str, Any]] = mapped_column(portable_json())
    #: Scrubbed free text by field, as encrypted JSON.
    texts: Mapped[bytes] = mapped_column(LargeBinary)
    removed: Mapped[list[str]] = mapped_column(portable_json())
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    #: Salt and scrypt hash of the return code shown once at submission (never the code).
    return_hash: Mapped[bytes | None] = mapped_column(LargeBinary)
    #: Sealed cases: the whole stub as an age file to the organisation's public keys
    #: (answers, texts, removed and region then stay empty), and which keys sealed it.
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    sealed_to: Mapped[list[str] | None] = mapped_column(portable_json(), nullable=True)

    __table_args__ = (Index("ix_case_stubs_queue", "status", "priority", "created_at"),)


class ContactRoute(Base):
    """The way back to a supporter who consented: their chat id, encrypted."""

    __tablename__ = "contact_routes"

    reference: Mapped[str] = mapped_column(
        ForeignKey("case_stubs.reference", ondelete="CASCADE"), primary_key=True
    )
    channel: Mapped[str] = mapped_column(String(16))
    sealed_chat: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class FlowVersion(Base):
    """A published flow version; sessions pinned to it finish on it."""

    __tablename__ = "flow_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    flow_id: Mapped[str] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(Text)
    digest: Mapped[str] = mapped_column(String(64))
    published_at: Mapped[datetime] = mapped_column(UTCDateTime())
    #: Who published it: an admin's label, a login name from the CLI, or the bot itself.
    #: Unknown for versions published before this was recorded.
    published_by: Mapped[str | None] = mapped_column(String(64), nullable=True)

    __table_args__ = (UniqueConstraint("flow_id", "version"),)


class FlowDraft(Base):
    """The one draft of a flow, uploaded by an admin on Telegram: checked, not yet live.

    Replaced by the next upload, deleted when published: an uploaded file is never kept
    longer. A confirmation names the file by its digest, so it never publishes a later
    upload.
    """

    __tablename__ = "flow_drafts"

    flow_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    #: The flow's own version number, as the file says.
    version: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(Text)
    digest: Mapped[str] = mapped_column(String(64))
    uploaded_by: Mapped[str] = mapped_column(String(64))
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AuditEntry(Base):
    """Who did what to which reference, when. Never any stub content."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    reference: Mapped[str | None] = mapped_column(String(9))
    detail: Mapped[dict[str, Any]] = mapped_column(portable_json())


class StaffMember(Base):
    """A member of the organisation's staff on Telegram, known by the keyed hash of their
    Telegram user id; the way to reach them is encrypted; the label is the organisation's
    own word for them, never their Telegram name."""

    __tablename__ = "staff_members"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_key: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    sealed_chat: Mapped[bytes] = mapped_column(LargeBinary)
    #: The language alerts and the case view are shown in.
    locale: Mapped[str] = mapped_column(String(16))
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime())


class StaffInvite(Base):
    """A one-time code that makes whoever sends ``/join CODE`` a member (only its keyed
    hash is kept: a copy of the database cannot be used to join)."""

    __tablename__ = "staff_invites"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code_key: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    label: Mapped[str] = mapped_column(String(64))
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class JoinAttempt(Base):
    """A refused ``/join``, by the keyed hash of who sent it: repeated ones are throttled."""

    __tablename__ = "join_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_key: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class PendingAlert(Base):
    """A new case staff have not been told about yet; written with the stub, in the same
    transaction, and taken by exactly one sender (so each alert goes out once)."""

    __tablename__ = "pending_alerts"

    reference: Mapped[str] = mapped_column(String(9), primary_key=True)
    priority: Mapped[str] = mapped_column(String(16), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class CaseMessage(Base):
    """A message relayed between staff and the supporter of a case, scrubbed and
    encrypted; erased with the case (or when the supporter withdraws it)."""

    __tablename__ = "case_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(
        ForeignKey("case_stubs.reference", ondelete="CASCADE"), index=True
    )
    #: ``to_supporter`` or ``from_supporter``.
    direction: Mapped[str] = mapped_column(String(16))
    #: The staff member's label, or ``supporter``.
    author: Mapped[str] = mapped_column(String(64))
    #: Encrypted with the server's key, or (``sealed_to`` set) an age file to those keys.
    text: Mapped[bytes] = mapped_column(LargeBinary)
    sealed_to: Mapped[list[str] | None] = mapped_column(portable_json(), nullable=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
