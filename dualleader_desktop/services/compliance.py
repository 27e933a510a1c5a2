"""The branch's year against the rules: the facts read off the records in a few queries and
handed to domain/compliance.py, which decides what is done, missing and due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, select

from dualleader_desktop.domain import compliance
from dualleader_desktop.domain.compliance import CellStatus, DueItem, RuleRow
from dualleader_desktop.domain.enums import MemberCategory, MemberStatus
from dualleader_desktop.domain.evaluation import STEPS
from dualleader_desktop.domain.meeting_rules import MEETING_RULES, FrequencyRule
from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.services.evaluations import EvaluationService
from dualleader_desktop.services.scope import BranchScoped, branch_of, writing_branch
from dualleader_desktop.services.talks import TalkService
from dualleader_desktop.services.year_facts import branch_rules, read_years
from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.models import Member
from dualleader_desktop.storage.records_models import MeetingRuleRow


@dataclass(frozen=True)
class Overview:
    """A year as of ``today``: the rules' rows and what is overdue or due, overdue first."""

    year: int
    today: date
    rows: list[RuleRow]
    items: list[DueItem]

    @property
    def missing(self) -> int:
        return sum(c.status == CellStatus.MISSING for row in self.rows for c in row.cells)

    def periods(self, kind: MeetingKind | None = None) -> tuple[int, int]:
        """The periods the rules (of meetings of ``kind``, or all) asked for so far, and
        those met."""
        cells = [c.status for row in self.rows if kind in (None, row.rule.kind) for c in row.cells]
        done = cells.count(CellStatus.DONE)
        return done + cells.count(CellStatus.MISSING), done

    @property
    def overdue(self) -> list[DueItem]:
        return [item for item in self.items if item.overdue]

    @property
    def all_well(self) -> bool:
        """Nothing missing and nothing overdue (``dualleader check`` exits 0)."""
        return not self.missing and not self.overdue


class ComplianceService(BranchScoped):
    def __init__(
        self,
        db: Database,
        branch_id: int | None = None,
        *,
        talks: TalkService,
        evaluations: EvaluationService,
    ) -> None:
        super().__init__(db, branch_id)
        self.talks, self.evaluations = talks, evaluations

    # ---- the rules -----------------------------------------------------------------------
    def rules(self) -> tuple[FrequencyRule, ...]:
        """The branch's own rules, in its order, or DOMAIN.md's defaults where it keeps none."""
        with self.session() as session:
            branch = branch_of(session)
            return branch_rules(session, [branch]).get(branch, MEETING_RULES)

    def save_rules(self, rules: list[FrequencyRule]) -> tuple[FrequencyRule, ...]:
        """Keep ``rules`` in place of the branch's (all of them, in this order); the same
        rule twice, or none at all, is refused with the reason. Saving the defaults keeps
        none: the branch follows DOMAIN.md's, should they change."""
        if not rules:
            raise ServiceError("至少要保留一条规则；要恢复默认规则，请点“恢复默认”。")
        seen = set()
        for rule in rules:
            key = (rule.kind, rule.period, rule.scope)
            if key in seen:
                raise ServiceError(f"规则重复：{rule.text}。每种会议、周期和范围只能有一条规则。")
            seen.add(key)
        with self.session() as session:
            branch = writing_branch(session)
            session.execute(delete(MeetingRuleRow).where(MeetingRuleRow.branch_id == branch))
            if tuple(rules) != MEETING_RULES:
                session.add_all(
                    MeetingRuleRow(
                        branch_id=branch,
                        position=position,
                        kind=rule.kind,
                        period=rule.period,
                        min_count=rule.min_count,
                        scope=rule.scope,
                        usual_quarter=rule.usual_quarter,
                        source=rule.source,
                        note=rule.note,
                    )
                    for position, rule in enumerate(rules)
                )
        return self.rules()

    def overview(self, year: int, today: date | None = None) -> Overview:
        today = today or date.today()
        on = min(today, date(year, 12, 31))  # the committee and roll of the year's last day
        with self.session() as session:
            branch = branch_of(session)
            facts = read_years(session, year, today, [branch])[branch]
            probationers = session.execute(
                select(Member.name, Member.joined_date).where(
                    Member.branch_id == branch,
                    Member.category == MemberCategory.PROBATIONARY,
                    Member.status == MemberStatus.ACTIVE,
                )
            ).all()
        rows = facts.grid(year, today)
        owed = [(line.name, len(line.missing)) for line in self.talks.coverage(year, today=today)]
        items = [
            *compliance.meeting_items(rows, today),
            *compliance.talk_items(owed, year, today),
            *compliance.probation_items(probationers, today),
            *compliance.term_items(_terms(facts.serving(on)), today),
            *compliance.evaluation_items(year, self._next_step(year), today),
        ]
        # overdue first, then by date; alike, in the rules' order (stable sort)
        items.sort(key=lambda item: (not item.overdue, item.due))
        return Overview(year, today, rows, items)

    def _next_step(self, year: int) -> str | None:
        """The 民主评议's next step left ("" when it has not begun; None when filed)."""
        record = self.evaluations.find(year)
        if record is None:
            return ""
        for step in STEPS:
            if record.draft.step(step).on is None:
                return step.label
        return None


def _terms(seats) -> list[tuple[str, date]]:
    """One line per term: the committee is elected together, so its seats' ends are named
    together."""
    ends: dict[date, list[str]] = {}
    for seat in seats:
        ends.setdefault(seat.end, []).append(seat.name)
    return [("、".join(names), end) for end, names in sorted(ends.items())]
