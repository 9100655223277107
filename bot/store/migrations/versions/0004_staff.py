"""staff: members, one-time invites, refused joins, alerts not yet sent, relayed messages,
and the return code's hash on each case

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_key", sa.String(length=64), nullable=False),
        sa.Column("label", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("sealed_chat", sa.LargeBinary(), nullable=False),
        sa.Column("locale", sa.String(length=16), nullable=False),
        sa.Column("joined_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_members")),
        sa.UniqueConstraint("user_key", name=op.f("uq_staff_members_user_key")),
        sa.UniqueConstraint("label", name=op.f("uq_staff_members_label")),
    )
    op.create_table(
        "staff_invites",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code_key", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("label", sa.String(length=64), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_invites")),
        sa.UniqueConstraint("code_key", name=op.f("uq_staff_invites_code_key")),
    )
    op.create_table(
        "join_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_key", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_join_attempts")),
    )
    op.create_index(op.f("ix_join_attempts_user_key"), "join_attempts", ["user_key"])
    op.create_index(op.f("ix_join_attempts_at"), "join_attempts", ["at"])
    op.create_table(
        "pending_alerts",
        sa.Column("reference", sa.String(length=9), nullable=False),
        sa.Column("priority", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("reference", name=op.f("pk_pending_alerts")),
    )
    op.create_index(op.f("ix_pending_alerts_priority"), "pending_alerts", ["priority"])
    op.create_index(op.f("ix_pending_alerts_created_at"), "pending_alerts", ["created_at"])
    op.create_table(
        "case_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=9), nullable=False),
        sa.Column("direction", sa.String(length=16), nullable=False),
        sa.Column("author", sa.String(length=64), nullable=False),
        sa.Column("text", sa.LargeBinary(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["reference"],
            ["case_stubs.reference"],
            name=op.f("fk_case_messages_reference_case_stubs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_messages")),
    )
    op.create_index(op.f("ix_case_messages_reference"), "case_messages", ["reference"])
    with op.batch_alter_table("case_stubs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("return_hash", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("case_stubs", schema=None) as batch_op:
        batch_op.drop_column("return_hash")
    op.drop_index(op.f("ix_case_messages_reference"), table_name="case_messages")
    op.drop_table("case_messages")
    op.drop_index(op.f("ix_pending_alerts_created_at"), table_name="pending_alerts")
    op.drop_index(op.f("ix_pending_alerts_priority"), table_name="pending_alerts")
    op.drop_table("pending_alerts")
    op.drop_index(op.f("ix_join_attempts_at"), table_name="join_attempts")
    op.drop_index(op.f("ix_join_attempts_user_key"), table_name="join_attempts")
    op.drop_table("join_attempts")
    op.drop_table("staff_invites")
    op.drop_table("staff_members")
