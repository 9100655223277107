"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-25 02:09:05.737414
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy import Text  # autogenerate renders JSONB(astext_type=Text()) (alembic#531)
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("reference", sa.String(length=9), nullable=True),
        sa.Column(
            "detail",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)

    op.create_table(
        "case_stubs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=9), nullable=False),
        sa.Column("flow_id", sa.String(length=32), nullable=False),
        sa.Column("flow_version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("priority", sa.String(length=16), nullable=False),
        sa.Column("locale", sa.String(length=16), nullable=False),
        sa.Column("region", sa.String(length=128), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("contact", sa.Boolean(), nullable=False),
        sa.Column(
            "answers",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("texts", sa.LargeBinary(), nullable=False),
        sa.Column(
            "removed",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("claimed_by", sa.String(length=64), nullable=True),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_stubs")),
        sa.UniqueConstraint("reference", name=op.f("uq_case_stubs_reference")),
    )
    with op.batch_alter_table("case_stubs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_stubs_closed_at"), ["closed_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_stubs_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_stubs_locale"), ["locale"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_stubs_priority"), ["priority"], unique=False)
        batch_op.create_index(
            "ix_case_stubs_queue", ["status", "priority", "created_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_case_stubs_region"), ["region"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_stubs_status"), ["status"], unique=False)

    op.create_table(
        "chat_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_key", sa.String(length=64), nullable=False),
        sa.Column("flow_id", sa.String(length=32), nullable=False),
        sa.Column("flow_version", sa.Integer(), nullable=False),
        sa.Column("state", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chat_sessions")),
        sa.UniqueConstraint("chat_key", name=op.f("uq_chat_sessions_chat_key")),
    )
    with op.batch_alter_table("chat_sessions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_chat_sessions_updated_at"), ["updated_at"], unique=False
        )

    op.create_table(
        "flow_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("flow_id", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flow_versions")),
        sa.UniqueConstraint("flow_id", "version", name=op.f("uq_flow_versions_flow_id")),
    )
    op.create_table(
        "message_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_key", sa.String(length=64), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_message_records")),
    )
    with op.batch_alter_table("message_records", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_message_records_chat_key"), ["chat_key"], unique=False
        )

    op.create_table(
        "processed_updates",
        sa.Column("update_key", sa.String(length=64), nullable=False),
        sa.Column("processed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("update_key", name=op.f("pk_processed_updates")),
    )
    with op.batch_alter_table("processed_updates", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_processed_updates_processed_at"), ["processed_at"], unique=False
        )

    op.create_table(
        "contact_routes",
        sa.Column("reference", sa.String(length=9), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("sealed_chat", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["reference"],
            ["case_stubs.reference"],
            name=op.f("fk_contact_routes_reference_case_stubs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("reference", name=op.f("pk_contact_routes")),
    )


def downgrade() -> None:
    op.drop_table("contact_routes")
    with op.batch_alter_table("processed_updates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_processed_updates_processed_at"))

    op.drop_table("processed_updates")
    with op.batch_alter_table("message_records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_message_records_chat_key"))

    op.drop_table("message_records")
    op.drop_table("flow_versions")
    with op.batch_alter_table("chat_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chat_sessions_updated_at"))

    op.drop_table("chat_sessions")
    with op.batch_alter_table("case_stubs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_stubs_status"))
        batch_op.drop_index(batch_op.f("ix_case_stubs_region"))
        batch_op.drop_index("ix_case_stubs_queue")
        batch_op.drop_index(batch_op.f("ix_case_stubs_priority"))
        batch_op.drop_index(batch_op.f("ix_case_stubs_locale"))
        batch_op.drop_index(batch_op.f("ix_case_stubs_created_at"))
        batch_op.drop_index(batch_op.f("ix_case_stubs_closed_at"))

    op.drop_table("case_stubs")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))

    op.drop_table("audit_log")
