"""a branch's own assessment indicators, and the secretary's scores

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03

Every school words its 考核指标体系 its own way: a branch keeps its indicators, one row each in
its order (none: the defaults). The items the secretary scores keep the score and a note per
year, by the item's words.
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# as the model's enum column stores it: the values, in VARCHAR(20)
MEASURE = sa.Enum(
    "secretary",
    "committee_meetings",
    "rule_meetings",
    "evaluation",
    "attendance",
    "talks",
    "integration",
    "satisfaction",
    name="measure",
    native_enum=False,
    length=20,
)


def _timestamps() -> list[sa.Column]:
    return [
        sa.Column(
            name, sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False
        )
        for name in ("created_at", "updated_at")
    ]


def upgrade() -> None:
    op.create_table(
        "assessment_indicators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("area", sa.String(length=50), nullable=False),
        sa.Column("item", sa.String(length=200), nullable=False),
        sa.Column("points", sa.Float(), nullable=False),
        sa.Column("measure", MEASURE, nullable=False),
        *_timestamps(),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branch.id"], name=op.f("fk_assessment_indicators_branch_id_branch")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment_indicators")),
    )
    op.create_index(
        op.f("ix_assessment_indicators_branch_id"), "assessment_indicators", ["branch_id"]
    )
    op.create_table(
        "assessment_scores",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("item", sa.String(length=200), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        *_timestamps(),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branch.id"], name=op.f("fk_assessment_scores_branch_id_branch")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment_scores")),
        sa.UniqueConstraint(
            "branch_id", "year", "item", name=op.f("uq_assessment_scores_branch_id")
        ),
    )


def downgrade() -> None:
    op.drop_table("assessment_scores")
    op.drop_index(op.f("ix_assessment_indicators_branch_id"), table_name="assessment_indicators")
    op.drop_table("assessment_indicators")
