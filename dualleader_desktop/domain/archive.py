"""DA/T 22-2015 filing rules: retention periods, ordering, 件号 and 档号.

Items of a year are ordered by retention period (永久 before 定期30年 before 定期10年), then by
organization (问题) code, then by date, and numbered 0001… inside each (year, period, code).
档号 = 全宗号-门类代码·年度-保管期限-机构(问题)代码-件号, with 门类代码 WS and a middle dot
(U+00B7) before the year; without an organization code that part is left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise

from dualleader_desktop.domain.enums import LabeledEnum
from dualleader_desktop.domain.meetings import MeetingKind

CATEGORY_CODE = "WS"  # 文书档案
MIDDLE_DOT = "\u00b7"


class Retention(LabeledEnum):
    PERMANENT = "Y"
    YEARS_30 = "D30"
    YEARS_10 = "D10"

    @classmethod
    def _labels(cls):
        return {cls.PERMANENT: "永久", cls.YEARS_30: "定期30年", cls.YEARS_10: "定期10年"}


class RecordKind(LabeledEnum):
    """What the archive files: each meeting kind, talks, the roster, the documents of the
    year's 民主评议党员 and 双带头人 satisfaction survey (each a 件 of its own), and the
    year's 考核自评表 once the secretary has scored it."""

    BRANCH_ASSEMBLY = MeetingKind.BRANCH_ASSEMBLY.value
    COMMITTEE = MeetingKind.COMMITTEE.value
    GROUP = MeetingKind.GROUP.value
    PARTY_LECTURE = MeetingKind.PARTY_LECTURE.value
    THEME_DAY = MeetingKind.THEME_DAY.value
    LIFE_MEETING = MeetingKind.LIFE_MEETING.value
    TALK = "talk"
    ROSTER = "roster"
    EVALUATION_BALLOT = "evaluation_ballot"
    EVALUATION_TALLY = "evaluation_tally"
    EVALUATION_REPORT = "evaluation_report"
    EVALUATION_NOTICE = "evaluation_notice"
    SELF_REVIEW = "self_review"
    SURVEY_BALLOT = "survey_ballot"
    SURVEY_TALLY = "survey_tally"
    ASSESSMENT = "assessment"

    @classmethod
    def _labels(cls):
        meetings = {cls(kind.value): kind.label for kind in MeetingKind}
        return {
            **meetings,
            cls.TALK: "谈心谈话记录",
            cls.ROSTER: "党员花名册",
            cls.EVALUATION_BALLOT: "民主评议党员测评表",
            cls.EVALUATION_TALLY: "民主评议党员测评汇总表",
            cls.EVALUATION_REPORT: "民主评议结果报告",
            cls.EVALUATION_NOTICE: "民主评议结果公示",
            cls.SELF_REVIEW: "党员个人总结",
            cls.SURVEY_BALLOT: "双带头人满意度测评表",
            cls.SURVEY_TALLY: "双带头人满意度测评汇总表",
            cls.ASSESSMENT: "党支部工作考核自评表",
        }


# DOMAIN.md: 党员大会 (and 发展党员) permanent; 支委会, 组织生活会, 民主评议 (the
# evaluation's and the satisfaction survey's documents) 30 years, and the year's 考核自评表
# with them; others 10
DEFAULT_RETENTION = {
    RecordKind.BRANCH_ASSEMBLY: Retention.PERMANENT,
    RecordKind.COMMITTEE: Retention.YEARS_30,
    RecordKind.LIFE_MEETING: Retention.YEARS_30,
    RecordKind.GROUP: Retention.YEARS_10,
    RecordKind.PARTY_LECTURE: Retention.YEARS_10,
    RecordKind.THEME_DAY: Retention.YEARS_10,
    RecordKind.TALK: Retention.YEARS_10,
    RecordKind.ROSTER: Retention.YEARS_10,
    RecordKind.EVALUATION_BALLOT: Retention.YEARS_30,
    RecordKind.EVALUATION_TALLY: Retention.YEARS_30,
    RecordKind.EVALUATION_REPORT: Retention.YEARS_30,
    RecordKind.EVALUATION_NOTICE: Retention.YEARS_30,
    RecordKind.SELF_REVIEW: Retention.YEARS_30,
    RecordKind.SURVEY_BALLOT: Retention.YEARS_30,
    RecordKind.SURVEY_TALLY: Retention.YEARS_30,
    RecordKind.ASSESSMENT: Retention.YEARS_30,
}
RETENTION_ORDER = list(Retention)


@dataclass(frozen=True)
class ArchiveItem:
    """One document of a year's package, before and after numbering (``item`` 0 = not yet)."""

    kind: RecordKind
    record_id: int
    title: str
    on: date
    retention: Retention
    organization: str = ""
    item: int = 0

    def archival_code(self, fonds: str, year: int) -> str:
        return archival_code(fonds, year, self.retention, self.organization, self.item)


def archival_code(fonds: str, year: int, retention: Retention, organization: str, item: int) -> str:
    """E.g. ``Z001-WS·2025-Y-DZB-0001``; ``Z001-WS·2025-Y-0001`` without an organization code."""
    parts = [fonds, f"{CATEGORY_CODE}{MIDDLE_DOT}{year}", retention.value]
    if organization:
        parts.append(organization)
    parts.append(f"{item:04d}")
    return "-".join(parts)


def retention_of(code: str) -> Retention | None:
    """The 保管期限 an archival code names (the part after the year's), None when it names
    none."""
    parts = code.split("-")
    for before, part in pairwise(parts):
        if MIDDLE_DOT in before:
            try:
                return Retention(part)
            except ValueError:
                return None
    return None


def number_items(items: Iterable[ArchiveItem]) -> list[ArchiveItem]:
    """Order a year's items as DA/T 22 files them and give each its 件号."""
    ordered = sorted(
        items,
        key=lambda i: (
            RETENTION_ORDER.index(i.retention),
            i.organization,
            i.on,
            i.kind,
            i.record_id,
        ),
    )
    counters: dict[tuple[Retention, str], int] = {}
    numbered = []
    for item in ordered:
        key = (item.retention, item.organization)
        counters[key] = counters.get(key, 0) + 1
        numbered.append(replace(item, item=counters[key]))
    return numbered
