"""meetings and talks indexed by branch first, then by what their lists filter and sort on

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02

Schema 0006 gave every row its branch with an index of its own. Every list of meetings and talks
filters by branch, and with no statistics SQLite took that index (every row of the branch: all
of them, in a secretary's database) over the date's, then sorted: the year filter over 50 000
meetings took 70-130 ms where it had taken 15. Indexes that start with the branch and end with
the date serve the filter and the newest-first order together: (branch, date),
(branch, kind, date) and (branch, group, date) for meetings, (branch, date) for talks. They
replace the single-column indexes on branch, kind and date; ``party_group_id``'s own index stays
(deleting a group looks its meetings up by it).
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

REPLACED = {
    "meetings": ["ix_meetings_branch_id", "ix_meetings_kind", "ix_meetings_meeting_date"],
    "talks": ["ix_talks_branch_id", "ix_talks_talk_date"],
}
CREATED = {
    "ix_meetings_branch_date": ("meetings", ["branch_id", "meeting_date"]),
    "ix_meetings_branch_kind_date": ("meetings", ["branch_id", "kind", "meeting_date"]),
    "ix_meetings_branch_group_date": ("meetings", ["branch_id", "party_group_id", "meeting_date"]),
    "ix_talks_branch_date": ("talks", ["branch_id", "talk_date"]),
}


def upgrade() -> None:
    for table, names in REPLACED.items():
        for name in names:
            op.drop_index(name, table_name=table)
    for name, (table, columns) in CREATED.items():
        op.create_index(name, table, columns)
