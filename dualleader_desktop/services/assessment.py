"""The year's assessment (domain/assessment.py): the branch's indicators, each measured item's
share from the records with its numbers and where they come from, and the secretary's own
scores and notes, kept per year."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import delete, select

from dualleader_desktop.documents.model import Document
from dualleader_desktop.domain.assessment import (
    DEFAULT_INDICATORS,
    AssessedItem,
    Figure,
    Indicator,
    Measure,
    check_indicators,
    check_score,
    ratio,
)
from dualleader_desktop.domain.evaluation import STEPS
from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.domain.satisfaction import overall, percent
from dualleader_desktop.services.compliance import ComplianceService, Overview
from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.services.evaluations import EvaluationService
from dualleader_desktop.services.scope import BranchScoped, branch_of, writing_branch
from dualleader_desktop.services.statistics import StatisticsService, YearStatistics
from dualleader_desktop.services.surveys import SurveyService
from dualleader_desktop.services.talks import TalkService
from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.records_models import AssessmentIndicatorRow, AssessmentScoreRow


class AssessmentService(BranchScoped):
    """The branch's indicators (its own, or the defaults) and the secretary's scores; the
    records read through the branch's other services (built together in
    services/composition.py)."""

    def __init__(
        self,
        db: Database,
        branch_id: int | None = None,
        *,
        compliance: ComplianceService,
        statistics: StatisticsService,
        talks: TalkService,
        evaluations: EvaluationService,
        surveys: SurveyService,
    ) -> None:
        super().__init__(db, branch_id)
        self.compliance, self.statistics, self.talks = compliance, statistics, talks
        self.evaluations, self.surveys = evaluations, surveys

    # ---- the indicators and the secretary's scores ----------------------------------------
    def indicators(self) -> tuple[Indicator, ...]:
        with self.session() as session:
            rows = session.scalars(
                select(AssessmentIndicatorRow)
                .where(AssessmentIndicatorRow.branch_id == branch_of(session))
                .order_by(AssessmentIndicatorRow.position)
            ).all()
            found = tuple(Indicator(r.area, r.item, r.points, r.measure) for r in rows)
        return found or DEFAULT_INDICATORS

    def scores(self, year: int) -> dict[str, tuple[float | None, str]]:
        """The secretary's score and note of each item of ``year``, by the item's words."""
        with self.session() as session:
            rows = session.scalars(
                select(AssessmentScoreRow).where(
                    AssessmentScoreRow.branch_id == branch_of(session),
                    AssessmentScoreRow.year == year,
                )
            ).all()
            return {row.item: (row.score, row.note) for row in rows}

    def save(
        self,
        year: int,
        indicators: list[Indicator],
        scores: dict[str, tuple[float | None, str]],
    ) -> None:
        """Keep ``indicators`` in place of the branch's (the defaults keep none) and the
        secretary's scores and notes of ``year`` (item → score or None, note), all in one
        transaction; refused with the reason, nothing changed: no indicator, one without words
        or points, one twice, a score out of its item's range or of a measured item."""
        indicators = [replace(i, area=i.area.strip(), item=i.item.strip()) for i in indicators]
        if reason := check_indicators(indicators):
            raise ServiceError(reason)
        by_item = {i.item: i for i in indicators}
        for item, (score, _note) in scores.items():
            if item not in by_item:
                raise ServiceError(f"没有“{item}”这项考核指标。")
            if reason := check_score(by_item[item], score):
                raise ServiceError(reason + "。")
        with self.session() as session:
            branch = writing_branch(session)
            session.execute(
                delete(AssessmentIndicatorRow).where(AssessmentIndicatorRow.branch_id == branch)
            )
            if tuple(indicators) != DEFAULT_INDICATORS:
                session.add_all(
                    AssessmentIndicatorRow(
                        branch_id=branch,
                        position=position,
                        area=i.area,
                        item=i.item,
                        points=i.points,
                        measure=i.measure,
                    )
                    for position, i in enumerate(indicators)
                )
            kept = {
                row.item: row
                for row in session.scalars(
                    select(AssessmentScoreRow).where(
                        AssessmentScoreRow.branch_id == branch, AssessmentScoreRow.year == year
                    )
                )
            }
            for item, (score, note) in scores.items():
                row = kept.get(item) or AssessmentScoreRow(branch_id=branch, year=year, item=item)
                row.score, row.note = score, note.strip()
                session.add(row)

    # ---- measuring -----------------------------------------------------------------------
    def assess(
        self,
        year: int,
        today: date | None = None,
        *,
        overview: Overview | None = None,
        stats: YearStatistics | None = None,
    ) -> list[AssessedItem]:
        """The year's items measured as of ``today``; ``overview`` and ``stats`` of that year
        and day where the caller has them already (the summary), else read here."""
        today = today or date.today()
        overview = overview or self.compliance.overview(year, today)
        stats = stats or self.statistics.year(year, today)
        given = self.scores(year)
        return [
            AssessedItem(
                i, self._figure(i, year, today, overview, stats), *given.get(i.item, (None, ""))
            )
            for i in self.indicators()
        ]

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
                f"（{percent(ratio(stats.present, stats.expected))}）",
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
            f"满意率 {percent(rate)}（参加测评 {record.draft.respondents} 人）",
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
            f"{len(lines)} 名支委应谈 {asked} 人次，已谈 {asked - missing} 人次（{percent(share)}）",
            "谈心谈话记录（覆盖情况）",
        )


def _meetings(overview: Overview, *, committee: bool) -> Figure:
    kind = MeetingKind.COMMITTEE if committee else None
    asked, done = overview.periods(kind)
    if committee and not any(row.rule.kind == kind for row in overview.rows):
        return Figure(None, "本支部未设支委会", "会议记录（支部委员会会议）")
    unit = "个月" if committee else "个期次"
    share = ratio(done, asked)
    return Figure(
        share,
        f"应开 {asked} {unit}，已按规定召开 {done} {unit}（{percent(share)}）",
        "会议记录（支部委员会会议）" if committee else "会议记录，对照本支部的检查规则",
    )
