"""sealed cases: the stub and its messages as age files to the organisation's keys

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy import Text  # autogenerate renders JSONB(astext_type=Text()) (alembic#531)
from sqlalchemy.dialects import postgresql

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _json() -> sa.types.TypeEngine[Any]:
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=Text()), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("case_stubs") as batch:
        batch.add_column(sa.Column("sealed", sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column("sealed_to", _json(), nullable=True))
    with op.batch_alter_table("case_messages") as batch:
        batch.add_column(sa.Column("sealed_to", _json(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("case_messages") as batch:
        batch.drop_column("sealed_to")
    with op.batch_alter_table("case_stubs") as batch:
        batch.drop_column("sealed_to")
        batch.drop_column("sealed")
