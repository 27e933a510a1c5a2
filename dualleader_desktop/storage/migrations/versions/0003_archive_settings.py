"""archive settings: 全宗号, 全宗名称, 机构(问题)代码, retention per record kind

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "archive_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fonds", sa.String(length=20), nullable=False),
        sa.Column("fonds_name", sa.String(length=100), nullable=False),
        sa.Column("organization_code", sa.String(length=20), nullable=False),
        sa.Column("retention_overrides", sa.JSON(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_archive_settings")),
    )


def downgrade() -> None:
    op.drop_table("archive_settings")
