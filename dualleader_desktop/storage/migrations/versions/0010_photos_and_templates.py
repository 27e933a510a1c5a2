"""members' photos and the school's own document template

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02

A member's photo is an attachment like a meeting's sign-in sheet (kept once under its content
hash, encrypted with an encrypted database), linked by ``attachment_links.member_id``. A branch's
archive settings may hold the .docx/.dotx template its school gives (the file itself, a few
dozen kilobytes, so it travels with the database and its backups) and the template's file name.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("attachment_links") as batch:
        batch.add_column(sa.Column("member_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_attachment_links_member_id_members"),
            "members",
            ["member_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch.create_index(op.f("ix_attachment_links_member_id"), ["member_id"], unique=False)
    with op.batch_alter_table("archive_settings") as batch:
        batch.add_column(sa.Column("layout_template", sa.LargeBinary(), nullable=True))
        batch.add_column(
            sa.Column(
                "layout_template_name",
                sa.String(length=255),
                server_default="",
                nullable=False,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("archive_settings") as batch:
        batch.drop_column("layout_template_name")
        batch.drop_column("layout_template")
    with op.batch_alter_table("attachment_links") as batch:
        batch.drop_index(op.f("ix_attachment_links_member_id"))
        batch.drop_constraint(op.f("fk_attachment_links_member_id_members"), type_="foreignkey")
        batch.drop_column("member_id")
