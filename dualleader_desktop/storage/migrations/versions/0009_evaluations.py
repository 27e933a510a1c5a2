"""民主评议党员 and the 双带头人 satisfaction survey

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02

One evaluation (with its steps and one line per member evaluated) and one survey per branch and
year; attachment links gain the evaluation they belong to (self-evaluations handed in as files).
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

GRADE = sa.Enum(
    "excellent", "qualified", "basic", "unqualified", name="grade", native_enum=False, length=20
)


def _timestamps() -> list[sa.Column]:
    return [
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
    ]


def upgrade() -> None:
    op.create_table(
        "evaluations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("ballots_cast", sa.Integer(), nullable=False),
        sa.Column("excellent_numerator", sa.Integer(), nullable=False),
        sa.Column("excellent_denominator", sa.Integer(), nullable=False),
        sa.Column("papers", sa.JSON(), nullable=False),
        sa.Column("overrides", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        *_timestamps(),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branch.id"], name=op.f("fk_evaluations_branch_id_branch")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluations")),
        sa.UniqueConstraint("branch_id", "year", name=op.f("uq_evaluations_branch_id")),
    )
    op.create_table(
        "evaluation_steps",
        sa.Column("evaluation_id", sa.Integer(), nullable=False),
        sa.Column(
            "step",
            sa.Enum(
                "mobilize",
                "self_review",
                "poll",
                "propose",
                "decide",
                "notice",
                "file",
                name="step",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("on_date", sa.Date(), nullable=True),
        sa.Column("until_date", sa.Date(), nullable=True),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["evaluations.id"],
            name=op.f("fk_evaluation_steps_evaluation_id_evaluations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_evaluation_steps_meeting_id_meetings"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("evaluation_id", "step", name=op.f("pk_evaluation_steps")),
    )
    op.create_index(
        op.f("ix_evaluation_steps_meeting_id"), "evaluation_steps", ["meeting_id"], unique=False
    )
    op.create_table(
        "evaluation_lines",
        sa.Column("evaluation_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("member_name", sa.String(length=50), nullable=False),
        sa.Column("probationary", sa.Boolean(), nullable=False),
        sa.Column("self_review", sa.Text(), nullable=False),
        sa.Column("self_review_file", sa.String(length=255), nullable=False),
        sa.Column("excellent", sa.Integer(), nullable=False),
        sa.Column("qualified", sa.Integer(), nullable=False),
        sa.Column("basic", sa.Integer(), nullable=False),
        sa.Column("unqualified", sa.Integer(), nullable=False),
        sa.Column("proposed", GRADE, nullable=True),
        sa.Column("final", GRADE, nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column(
            "follow_up",
            sa.Enum(
                "rectify",
                "persuade",
                "remove",
                "other",
                name="followup",
                native_enum=False,
                length=20,
            ),
            nullable=True,
        ),
        sa.Column("follow_up_date", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["evaluations.id"],
            name=op.f("fk_evaluation_lines_evaluation_id_evaluations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_evaluation_lines_member_id_members")
        ),
        sa.PrimaryKeyConstraint("evaluation_id", "member_id", name=op.f("pk_evaluation_lines")),
    )
    op.create_index(
        op.f("ix_evaluation_lines_member_id"), "evaluation_lines", ["member_id"], unique=False
    )
    op.create_table(
        "surveys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("secretary_member_id", sa.Integer(), nullable=True),
        sa.Column("secretary_name", sa.String(length=50), nullable=False),
        sa.Column("survey_date", sa.Date(), nullable=True),
        sa.Column("respondents", sa.Integer(), nullable=False),
        sa.Column(
            "headline",
            sa.Enum("simple", "weighted", name="headline", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("papers", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        *_timestamps(),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branch.id"], name=op.f("fk_surveys_branch_id_branch")
        ),
        sa.ForeignKeyConstraint(
            ["secretary_member_id"],
            ["members.id"],
            name=op.f("fk_surveys_secretary_member_id_members"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_surveys")),
        sa.UniqueConstraint("branch_id", "year", name=op.f("uq_surveys_branch_id")),
    )
    with op.batch_alter_table("attachment_links") as batch:
        batch.add_column(sa.Column("evaluation_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_attachment_links_evaluation_id_evaluations"),
            "evaluations",
            ["evaluation_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch.create_index(
            op.f("ix_attachment_links_evaluation_id"), ["evaluation_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("attachment_links") as batch:
        batch.drop_index(op.f("ix_attachment_links_evaluation_id"))
        batch.drop_constraint(
            op.f("fk_attachment_links_evaluation_id_evaluations"), type_="foreignkey"
        )
        batch.drop_column("evaluation_id")
    op.drop_table("surveys")
    op.drop_index(op.f("ix_evaluation_lines_member_id"), table_name="evaluation_lines")
    op.drop_table("evaluation_lines")
    op.drop_index(op.f("ix_evaluation_steps_meeting_id"), table_name="evaluation_steps")
    op.drop_table("evaluation_steps")
    op.drop_table("evaluations")
