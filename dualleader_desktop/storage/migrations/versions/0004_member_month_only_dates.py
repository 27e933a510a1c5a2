"""members: 入党/转正 dates known only to the month ("2003.07" in an imported roster)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

COLUMNS = ("joined_date_month_only", "full_member_date_month_only")


def upgrade() -> None:
    # dates stored before this revision are taken as exact days: no one can tell them apart now
    with op.batch_alter_table("members") as batch:
        for name in COLUMNS:
            batch.add_column(
                sa.Column(name, sa.Boolean(), server_default=sa.false(), nullable=False)
            )


def downgrade() -> None:
    with op.batch_alter_table("members") as batch:
        for name in COLUMNS:
            batch.drop_column(name)
