"""What the rules require against what was recorded: a year's grid and the list of what is due.

Everything here is computed from facts the services read off the records (nothing is stored
twice): the meetings of the year, the Party groups, who still has talks owed, the probationary
members, the committee's terms and the 民主评议's steps. ``grid`` gives, for each meeting rule
(each Party group's on its own) and each period of the year, the meetings that satisfy it and
whether the period is done, missing, open (under way, not yet met) or not yet due; ``due_items``
what is overdue and what comes due within the horizon, each with the date it is due by.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from dualleader_desktop.domain.committee import term_end
from dualleader_desktop.domain.enums import LabeledEnum
from dualleader_desktop.domain.meeting_rules import (
    FrequencyRule,
    PeriodSpan,
    RuleScope,
    periods_in_year,
)
from dualleader_desktop.domain.meetings import MeetingKind

HORIZON_DAYS = 30  # what comes due this soon is listed
TERM_WARNING_DAYS = 90  # DOMAIN.md: the program warns 90 days before a committee term ends
PROBATION_YEARS = 1  # a 预备党员's probation: from admission to the day before its anniversary
# a year's 民主评议 may be finished at the next January's meetings (domain/evaluation.py)
EVALUATION_DUE = (1, 31)


class CellStatus(LabeledEnum):
    DONE = "done"
    MISSING = "missing"
    OPEN = "open"  # the period is under way and the rule not yet met
    NOT_DUE = "not_due"

    @classmethod
    def _labels(cls):
        return {cls.DONE: "✓", cls.MISSING: "✗", cls.OPEN: "进行中", cls.NOT_DUE: "未到期"}


class DueKind(LabeledEnum):
    MEETING = "meeting"
    TALK = "talk"
    PROBATION = "probation"
    TERM = "term"
    EVALUATION = "evaluation"

    @classmethod
    def _labels(cls):
        return {
            cls.MEETING: "会议",
            cls.TALK: "谈心谈话",
            cls.PROBATION: "预备期满",
            cls.TERM: "支委换届",
            cls.EVALUATION: "民主评议",
        }


@dataclass(frozen=True)
class MeetingFact:
    id: int
    kind: MeetingKind
    on: date
    group_id: int | None = None
    by_secretary: bool = False  # given by the branch's 书记 (a 党课's speaker or host)


@dataclass(frozen=True)
class Cell:
    span: PeriodSpan
    status: CellStatus
    meeting_ids: tuple[int, ...] = ()

    @property
    def count(self) -> int:
        return len(self.meeting_ids)


@dataclass(frozen=True)
class RuleRow:
    """One rule's periods; ``group`` names the Party group of an each-group rule."""

    rule: FrequencyRule
    cells: tuple[Cell, ...]
    group: str = ""
    group_id: int | None = None

    @property
    def label(self) -> str:
        if self.group:
            return f"{self.rule.kind.label}（{self.group}）"
        if self.rule.scope == RuleScope.SECRETARY:
            return f"{self.rule.kind.label}（书记讲）"
        return self.rule.kind.label


@dataclass(frozen=True)
class DueItem:
    due: date
    kind: DueKind
    text: str
    overdue: bool
    meeting_kind: MeetingKind | None = None  # where a missing meeting is fixed


def cell_status(count: int, rule: FrequencyRule, span: PeriodSpan, today: date) -> CellStatus:
    if count >= rule.min_count:
        return CellStatus.DONE
    if span.end < today:
        return CellStatus.MISSING
    return CellStatus.OPEN if span.start <= today else CellStatus.NOT_DUE


def grid(
    rules: Iterable[FrequencyRule],
    meetings: Iterable[MeetingFact],
    groups: Iterable[tuple[int, str]],
    year: int,
    today: date,
    *,
    has_committee: bool = True,
) -> list[RuleRow]:
    """Each rule's row (each Party group's, for a rule per group) over the periods of
    ``year`` as of ``today``. A committee rule is left out where the branch has no committee
    (under 7 full members it need not elect one)."""
    meetings, groups = list(meetings), list(groups)
    rows = []
    for rule in rules:
        if rule.scope == RuleScope.COMMITTEE and not has_committee:
            continue
        kinds = [m for m in meetings if m.kind == rule.kind]
        if rule.scope == RuleScope.SECRETARY:
            kinds = [m for m in kinds if m.by_secretary]
        if rule.scope == RuleScope.EACH_GROUP:
            for group_id, name in groups:
                held = [m for m in kinds if m.group_id == group_id]
                rows.append(RuleRow(rule, _cells(rule, held, year, today), name, group_id))
        else:
            rows.append(RuleRow(rule, _cells(rule, kinds, year, today)))
    return rows


def _cells(rule: FrequencyRule, held: list[MeetingFact], year: int, today: date):
    cells = []
    for span in periods_in_year(rule.period, year):
        ids = tuple(m.id for m in sorted(held, key=lambda m: (m.on, m.id)) if span.holds(m.on))
        cells.append(Cell(span, cell_status(len(ids), rule, span, today), ids))
    return tuple(cells)


def meeting_items(rows: Iterable[RuleRow], today: date, horizon: int = HORIZON_DAYS):
    """A missing period is overdue; an open one is due once its end is within ``horizon``
    days, or, for a yearly meeting usually held in one quarter (组织生活会: the fourth), from
    that quarter's first day, when it is to be planned."""
    items = []
    for row in rows:
        for cell in row.cells:
            if cell.status == CellStatus.MISSING or (
                cell.status == CellStatus.OPEN and _due_soon(row.rule, cell.span, today, horizon)
            ):
                missing = row.rule.min_count - cell.count
                text = f"{cell.span.label}{row.label}还差 {missing} 次（{row.rule.text}）"
                if row.rule.usual_quarter:
                    text += f"，一般在第{row.rule.usual_quarter}季度召开"
                overdue = cell.status == CellStatus.MISSING
                items.append(DueItem(cell.span.end, DueKind.MEETING, text, overdue, row.rule.kind))
    return items


def _due_soon(rule: FrequencyRule, span: PeriodSpan, today: date, horizon: int) -> bool:
    if span.end <= today + timedelta(horizon):
        return True
    return rule.usual_quarter is not None and today >= date(
        span.start.year, 3 * rule.usual_quarter - 2, 1
    )


def talk_items(owed: Iterable[tuple[str, int]], year: int, today: date) -> list[DueItem]:
    """Each committee member with members not yet talked with this year (name, how many):
    due by the year's end, overdue after it."""
    end = date(year, 12, 31)
    return [
        DueItem(end, DueKind.TALK, f"{name}还有 {count} 名党员本年度未谈心谈话", end < today)
        for name, count in owed
        if count
    ]


def probation_end(admitted: date) -> date:
    return term_end(admitted, PROBATION_YEARS)


def probation_items(
    probationers: Iterable[tuple[str, date]], today: date, horizon: int = HORIZON_DAYS
) -> list[DueItem]:
    """Each 预备党员 (name, admitted) whose probation ends within ``horizon`` days, or has
    ended without the 转正 being recorded."""
    items = (
        _ending(
            probation_end(admitted),
            today,
            horizon,
            DueKind.PROBATION,
            f"{name}的预备期",
            "期满：应召开支部党员大会讨论转正",
        )
        for name, admitted in probationers
    )
    return [item for item in items if item is not None]


def term_items(terms: Iterable[tuple[str, date]], today: date) -> list[DueItem]:
    """The committee's terms (who holds the seat, its last day) ending within
    TERM_WARNING_DAYS, or ended: 换届 is due."""
    items = (
        _ending(
            ends, today, TERM_WARNING_DAYS, DueKind.TERM, f"{name}的支委任期", "届满：应按期换届"
        )
        for name, ends in terms
    )
    return [item for item in items if item is not None]


def _ending(
    ends: date, today: date, warning_days: int, kind: DueKind, what: str, then: str
) -> DueItem | None:
    """The item for ``what`` ending on ``ends``, when that is within ``warning_days`` of
    ``today`` or past: "<what>已于/将于 <date> <then>"."""
    if ends > today + timedelta(warning_days):
        return None
    overdue = ends < today
    said = "已于" if overdue else "将于"
    return DueItem(ends, kind, f"{what}{said} {ends:%Y-%m-%d} {then}", overdue)


def evaluation_items(
    year: int, next_step: str | None, today: date, horizon: int = HORIZON_DAYS
) -> list[DueItem]:
    """The year's 民主评议 while a step is left (``next_step``: its name, "" for not begun,
    None when filed): due by the end of the next January, listed from the horizon before."""
    if next_step is None:
        return []
    due = date(year + 1, *EVALUATION_DUE)
    if due > today + timedelta(horizon) and date(year, 10, 1) > today:
        return []  # the year's evaluation is not for now
    what = f"下一步：{next_step}" if next_step else "尚未开始"
    text = f"{year}年度民主评议党员{what}（应于 {due:%Y-%m-%d} 前完成）"
    return [DueItem(due, DueKind.EVALUATION, text, due < today)]
