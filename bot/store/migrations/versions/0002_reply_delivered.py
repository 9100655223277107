"""processed_updates.replied_at: whether the reply to an update reached the chat

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

A replica that dies after committing an update but before replying leaves the supporter
without an answer; Telegram redelivers the update, and the store must know that this
duplicate still needs its reply (the current question again, state untouched).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("processed_updates", schema=None) as batch_op:
        batch_op.add_column(sa.Column("replied_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("processed_updates", schema=None) as batch_op:
        batch_op.drop_column("replied_at")
