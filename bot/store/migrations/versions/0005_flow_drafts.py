"""flow drafts uploaded on Telegram, and who published each flow version

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "flow_drafts",
        sa.Column("flow_id", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("uploaded_by", sa.String(length=64), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("flow_id", name=op.f("pk_flow_drafts")),
    )
    with op.batch_alter_table("flow_versions") as batch:
        batch.add_column(sa.Column("published_by", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("flow_versions") as batch:
        batch.drop_column("published_by")
    op.drop_table("flow_drafts")
