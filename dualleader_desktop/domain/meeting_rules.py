"""How often each kind of meeting must be held (三会一课 and the rest), as data.

The numbers are DOMAIN.md's defaults, from the 《中国共产党支部工作条例（试行）》 and the local
rules most colleges add. A rule says: at least ``min_count`` meetings of ``kind`` in every
``period`` of the year, for each ``scope`` (the branch, its committee, each Party group, the
secretary). The demo builds its year from these rules, and the compliance dashboard will check a
year's records against them; a branch whose college counts differently will change them.

民主评议党员 has no rule here: it is not a meeting but is held once a year with the 组织生活会
(see that rule's note).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from dualleader_desktop.domain.enums import LabeledEnum
from dualleader_desktop.domain.meetings import MeetingKind


class Period(LabeledEnum):
    """The stretch of a year a rule counts in. A semester is a calendar half year (1–6 and
    7–12 月), as local rules count "每学期" against the year's records."""

    MONTH = "month"
    QUARTER = "quarter"
    SEMESTER = "semester"
    YEAR = "year"

    @classmethod
    def _labels(cls):
        return {cls.MONTH: "月", cls.QUARTER: "季度", cls.SEMESTER: "半年", cls.YEAR: "年"}

    @property
    def months(self) -> int:
        return {"month": 1, "quarter": 3, "semester": 6, "year": 12}[self.value]


class RuleScope(LabeledEnum):
    """Whose meetings a rule counts: the branch's, its committee's (a branch with a committee
    only), each Party group's on its own, or the ones the secretary gives (党课)."""

    BRANCH = "branch"
    COMMITTEE = "committee"
    EACH_GROUP = "each_group"
    SECRETARY = "secretary"

    @classmethod
    def _labels(cls):
        return {
            cls.BRANCH: "支部",
            cls.COMMITTEE: "支部委员会",
            cls.EACH_GROUP: "每个党小组",
            cls.SECRETARY: "支部书记",
        }


@dataclass(frozen=True)
class FrequencyRule:
    """At least ``min_count`` meetings of ``kind`` in every ``period``, for each ``scope``.

    ``usual_quarter``: where a yearly meeting usually falls (组织生活会: the fourth quarter);
    the rule is met anywhere in the year, the quarter only says when to expect it.
    ``source``: where the number comes from (条例, or a local rule the 条例 leaves open).
    ``note``: a sentence for the user beside the rule, in Chinese.
    """

    kind: MeetingKind
    period: Period
    min_count: int
    scope: RuleScope = RuleScope.BRANCH
    usual_quarter: int | None = None
    source: str = "条例"
    note: str = ""

    def __post_init__(self) -> None:
        if self.min_count < 1:
            raise ValueError(f"min_count must be at least 1, not {self.min_count}")
        if self.usual_quarter is not None and (
            self.period != Period.YEAR or not 1 <= self.usual_quarter <= 4
        ):
            raise ValueError("usual_quarter is a quarter (1-4) of a yearly rule")

    @property
    def text(self) -> str:
        """The rule in one line, e.g. "党小组会：每个党小组每月至少 1 次"."""
        who = "" if self.scope in (RuleScope.BRANCH, RuleScope.COMMITTEE) else self.scope.label
        return f"{self.kind.label}：{who}每{self.period.label}至少 {self.min_count} 次"


# DOMAIN.md's table "Meetings (三会一课 and the rest)", in its order
MEETING_RULES: tuple[FrequencyRule, ...] = (
    FrequencyRule(MeetingKind.BRANCH_ASSEMBLY, Period.QUARTER, 1),
    FrequencyRule(MeetingKind.COMMITTEE, Period.MONTH, 1, RuleScope.COMMITTEE),
    FrequencyRule(MeetingKind.GROUP, Period.MONTH, 1, RuleScope.EACH_GROUP),
    FrequencyRule(MeetingKind.PARTY_LECTURE, Period.YEAR, 1, RuleScope.SECRETARY),
    FrequencyRule(
        MeetingKind.PARTY_LECTURE,
        Period.QUARTER,
        1,
        source="地方规定",
        note="条例只要求支部书记每年至少讲 1 次党课，各地多规定每季度 1 次或每学期 2 次。",
    ),
    FrequencyRule(MeetingKind.THEME_DAY, Period.MONTH, 1, source="地方规定", note="每月固定一天。"),
    FrequencyRule(
        MeetingKind.LIFE_MEETING,
        Period.YEAR,
        1,
        usual_quarter=4,
        note="一般在第四季度召开，民主评议党员通常同时进行。",
    ),
)

# the other local rule DOMAIN.md names, for a branch whose college asks for it instead of the
# quarterly 党课 above
LECTURES_TWICE_A_SEMESTER = FrequencyRule(
    MeetingKind.PARTY_LECTURE, Period.SEMESTER, 2, source="地方规定"
)


class PeriodSpan(NamedTuple):
    """One period of a year, first and last day included."""

    start: date
    end: date

    @property
    def label(self) -> str:
        """How the period is named: "3月", "第2季度", "上半年", "2025年"."""
        months = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
        if months == 1:
            return f"{self.start.month}月"
        if months == 3:
            return f"第{(self.start.month - 1) // 3 + 1}季度"
        if months == 6:
            return "上半年" if self.start.month == 1 else "下半年"
        return f"{self.start.year}年"

    def holds(self, day: date) -> bool:
        return self.start <= day <= self.end


def periods_in_year(period: Period, year: int) -> list[PeriodSpan]:
    """The periods of ``year`` in order: 12 months, 4 quarters, 2 halves or the year."""
    step = period.months
    spans = []
    for first in range(1, 13, step):
        last = first + step - 1
        spans.append(
            PeriodSpan(date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1]))
        )
    return spans
