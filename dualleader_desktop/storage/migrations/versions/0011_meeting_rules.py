"""a branch's own meeting-frequency rules

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03

The 工作台 and ``dualleader check`` measure a year against meeting-frequency rules; a branch
whose college counts differently (党课 twice a semester, say) keeps its own, one row each, in
the order it lists them. A branch with no rows keeps the defaults of DOMAIN.md.
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# as the model's enum columns store them: the values, in VARCHAR(20)
KIND = sa.Enum(
    "branch_assembly",
    "committee",
    "group",
    "party_lecture",
    "theme_day",
    "life_meeting",
    name="meetingkind",
    native_enum=False,
    length=20,
)
PERIOD = sa.Enum(
    "month", "quarter", "semester", "year", name="period", native_enum=False, length=20
)
SCOPE = sa.Enum(
    "branch", "committee", "each_group", "secretary", name="rulescope", native_enum=False, length=20
)


def upgrade() -> None:
    op.create_table(
        "meeting_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", KIND, nullable=False),
        sa.Column("period", PERIOD, nullable=False),
        sa.Column("min_count", sa.Integer(), nullable=False),
        sa.Column("scope", SCOPE, nullable=False),
        sa.Column("usual_quarter", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        *(
            sa.Column(
                name, sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False
            )
            for name in ("created_at", "updated_at")
        ),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branch.id"], name=op.f("fk_meeting_rules_branch_id_branch")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_rules")),
    )
    op.create_index(op.f("ix_meeting_rules_branch_id"), "meeting_rules", ["branch_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_meeting_rules_branch_id"), table_name="meeting_rules")
    op.drop_table("meeting_rules")
