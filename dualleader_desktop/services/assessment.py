"""The year's assessment (domain/assessment.py) measured from the branch's records: each
measured item's share with its numbers and where they come from; the items the secretary scores
are left to them."""

from __future__ import annotations

from datetime import date

from dualleader_desktop.documents.model import Document
from dualleader_desktop.domain.assessment import (
    DEFAULT_INDICATORS,
    AssessedItem,
    Figure,
    Indicator,
    Measure,
    ratio,
)
from dualleader_desktop.domain.compliance import CellStatus
from dualleader_desktop.domain.evaluation import STEPS
from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.domain.satisfaction import overall, percent
from dualleader_desktop.services.compliance import ComplianceService, Overview
from dualleader_desktop.services.evaluations import EvaluationService
from dualleader_desktop.services.statistics import StatisticsService, YearStatistics
from dualleader_desktop.services.surveys import SurveyService
from dualleader_desktop.services.talks import TalkService


def _pct(share: float | None) -> str:
    return percent(share)


class AssessmentService:
    """Reads through the branch's other services (built together in services/composition.py)."""

    def __init__(
        self,
        *,
        compliance: ComplianceService,
        statistics: StatisticsService,
        talks: TalkService,
        evaluations: EvaluationService,
        surveys: SurveyService,
    ) -> None:
        self.compliance, self.statistics, self.talks = compliance, statistics, talks
        self.evaluations, self.surveys = evaluations, surveys

    def assess(
        self, year: int, today: date | None = None, indicators=DEFAULT_INDICATORS
    ) -> list[AssessedItem]:
        today = today or date.today()
        overview = self.compliance.overview(year, today)
        stats = self.statistics.year(year, today)
        return [AssessedItem(i, self._figure(i, year, today, overview, stats)) for i in indicators]

    def document(self, year: int, branch_name: str, today: date | None = None) -> Document:
        """The year's 党支部工作考核自评表."""
        from dualleader_desktop.documents.assessment_doc import self_assessment

        return self_assessment(self.assess(year, today), branch_name, year)

    def _figure(
        self, indicator: Indicator, year: int, today: date, overview: Overview, stats
    ) -> Figure | None:
        measure = indicator.measure
        if measure == Measure.SECRETARY:
            return None
        if measure in (Measure.COMMITTEE_MEETINGS, Measure.RULE_MEETINGS):
            return _meetings(overview, committee=measure == Measure.COMMITTEE_MEETINGS)
        if measure == Measure.ATTENDANCE:
            return Figure(
                ratio(stats.present, stats.expected),
                f"应到 {stats.expected} 人次，实到 {stats.present} 人次"
                f"（{_pct(ratio(stats.present, stats.expected))}）",
                "会议记录的出席情况",
            )
        if measure == Measure.INTEGRATION:
            return Figure(
                ratio(stats.tagged, stats.held),
                f"全年会议 {stats.held} 次，带“三融合”标签 {stats.tagged} 次"
                f"（{'、'.join(f'{tag} {n} 次' for tag, n in stats.tags)}）",
                "会议记录的“三融合”标签",
            )
        if measure == Measure.TALKS:
            return self._talks(year, today, stats)
        if measure == Measure.EVALUATION:
            record = self.evaluations.find(year)
            if record is None:
                return Figure(0.0, f"{year} 年尚无民主评议党员记录", "民主评议记录")
            done = sum(record.draft.step(step).on is not None for step in STEPS)
            return Figure(
                done / len(STEPS), f"已完成 {done}/{len(STEPS)} 个步骤", "民主评议记录的各步骤"
            )
        record = self.surveys.find(year)  # SATISFACTION
        if record is None:
            return Figure(None, f"{year} 年尚无满意度测评记录", "满意度测评记录")
        rate = overall(record.draft.items).headline(record.draft.headline)
        return Figure(
            rate,
            f"满意率 {_pct(rate)}（参加测评 {record.draft.respondents} 人）",
            "“双带头人”满意度测评汇总",
        )

    def _talks(self, year: int, today: date, stats: YearStatistics) -> Figure:
        lines = self.talks.coverage(year, today=today)
        asked = sum(max(stats.members - 1, 0) for _ in lines)
        missing = sum(len(line.missing) for line in lines)
        if not asked:
            return Figure(None, "本支部未设支委或没有在册党员", "谈心谈话记录")
        share = (asked - missing) / asked
        return Figure(
            share,
            f"{len(lines)} 名支委应谈 {asked} 人次，已谈 {asked - missing} 人次（{_pct(share)}）",
            "谈心谈话记录（覆盖情况）",
        )


def _meetings(overview: Overview, *, committee: bool) -> Figure:
    rows = [r for r in overview.rows if not committee or r.rule.kind == MeetingKind.COMMITTEE]
    cells = [cell.status for row in rows for cell in row.cells]
    done = cells.count(CellStatus.DONE)
    asked = done + cells.count(CellStatus.MISSING)
    if committee and not rows:
        return Figure(None, "本支部未设支委会", "会议记录（支部委员会会议）")
    unit = "个月" if committee else "个期次"
    share = ratio(done, asked)
    return Figure(
        share,
        f"应开 {asked} {unit}，已按规定召开 {done} {unit}（{_pct(share)}）",
        "会议记录（支部委员会会议）" if committee else "会议记录，对照本支部的检查规则",
    )
