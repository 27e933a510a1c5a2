"""An organization department's view of many branches in one database: for each branch and each
meeting rule, how many periods of the year so far lack their meetings, and the department's
totals. The branches' years are read together (services/year_facts.py), not branch by branch.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from dualleader_desktop.domain.compliance import CellStatus
from dualleader_desktop.domain.meeting_rules import MEETING_RULES
from dualleader_desktop.services.year_facts import read_years
from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.models import Branch


@dataclass(frozen=True)
class BranchLine:
    branch_id: int
    name: str
    missing: dict[str, int]  # rule (its text) -> periods lacking their meetings
    held: dict[str, int]  # rule -> periods done

    @property
    def all_well(self) -> bool:
        return not any(self.missing.values())


@dataclass(frozen=True)
class DepartmentGrid:
    year: int
    today: date
    rules: list[str]  # the columns: every rule any branch checks, the defaults' first
    lines: list[BranchLine]

    def total(self, rule: str) -> int:
        """Periods lacking their meetings, all branches together."""
        return sum(line.missing.get(rule, 0) for line in self.lines)

    @property
    def branches_well(self) -> int:
        return sum(line.all_well for line in self.lines)


def department_grid(db: Database, year: int, today: date | None = None) -> DepartmentGrid:
    today = today or date.today()
    with db.session() as session:
        branches = session.execute(select(Branch.id, Branch.name).order_by(Branch.id)).all()
        years = read_years(session, year, today, [branch_id for branch_id, _ in branches])
    columns = [rule.text for rule in MEETING_RULES]
    lines = []
    for branch_id, name in branches:
        missing: dict[str, int] = {}
        held: dict[str, int] = {}
        for row in years[branch_id].grid(year, today):
            text = row.rule.text
            if text not in columns:
                columns.append(text)
            statuses = [cell.status for cell in row.cells]
            missing[text] = missing.get(text, 0) + statuses.count(CellStatus.MISSING)
            held[text] = held.get(text, 0) + statuses.count(CellStatus.DONE)
        lines.append(BranchLine(branch_id, name, missing, held))
    return DepartmentGrid(year, today, columns, lines)
