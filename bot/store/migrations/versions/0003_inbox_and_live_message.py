"""inbox, and the live message of each chat

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01

Updates are stored (encrypted) before Telegram is told they arrived, so a killed process
loses no input. Each intake lives in one bot message edited in place: the chat's row
remembers which message, for which session token, and a digest of what it shows.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inbox",
        sa.Column("update_key", sa.String(length=64), nullable=False),
        sa.Column("update_id", sa.BigInteger(), nullable=False),
        sa.Column("chat_key", sa.String(length=64), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("update_key", name=op.f("pk_inbox")),
    )
    for column in ("update_id", "chat_key", "received_at"):
        op.create_index(op.f(f"ix_inbox_{column}"), "inbox", [column], unique=False)
    with op.batch_alter_table("chat_sessions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("live_message_id", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("live_token", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("live_digest", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("chat_sessions", schema=None) as batch_op:
        batch_op.drop_column("live_digest")
        batch_op.drop_column("live_token")
        batch_op.drop_column("live_message_id")
    for column in ("received_at", "chat_key", "update_id"):
        op.drop_index(op.f(f"ix_inbox_{column}"), table_name="inbox")
    op.drop_table("inbox")
