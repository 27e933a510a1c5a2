"""The facts of the year's summary (documents/year_summary.py), read through the branch's
other services."""

from __future__ import annotations

from collections import Counter
from datetime import date

from dualleader_desktop.documents.model import Document
from dualleader_desktop.documents.year_summary import YearFacts, year_summary
from dualleader_desktop.domain.assessment import Measure, measured_total
from dualleader_desktop.domain.evaluation import GRADES, tally
from dualleader_desktop.domain.meetings import IntegrationTag, MeetingKind


class SummaryService:
    def __init__(self, *, assessment, meetings, talks, evaluations, branch) -> None:
        self.assessment, self.meetings, self.talks = assessment, meetings, talks
        self.evaluations, self.branch = evaluations, branch

    def facts(self, year: int, today: date | None = None) -> YearFacts:
        today = today or date.today()
        stats = self.assessment.statistics.year(year, today)
        overview = self.assessment.compliance.overview(year, today)
        items = self.assessment.assess(year, today, overview=overview, stats=stats)
        figures = {item.indicator.measure: item.figure for item in items}
        held = [m for m in self.meetings.list_meetings(year=year) if m.meeting_date <= today]
        kinds = Counter(m.kind for m in held)
        record = self.evaluations.find(year)
        grades = None
        if record is not None:
            counted = tally(record.draft).distribution
            grades = [(grade.label, counted[grade]) for grade in GRADES]
        branch = self.branch.get_branch()
        return YearFacts(
            branch=branch.name if branch else "党支部",
            year=year,
            on=f"{stats.on.year}年{stats.on.month}月{stats.on.day}日",
            categories=stats.categories,
            age_bands=stats.age_bands,
            education=stats.education,
            joined=stats.joined,
            transferred_in=stats.transferred_in,
            transferred_out=stats.transferred_out,
            meetings=[(kind.label, kinds[kind]) for kind in MeetingKind],
            attendance=figures[Measure.ATTENDANCE].share,
            periods=overview.periods(),
            talks=len(self.talks.list_talks(year=year)),
            coverage=figures[Measure.TALKS].share,
            tags=[
                (
                    tag.label,
                    [m.theme for m in sorted(held, key=lambda m: m.meeting_date) if tag in m.tags],
                )
                for tag in IntegrationTag
            ],
            grades=grades,
            assessment=measured_total(items),
            satisfaction=figures[Measure.SATISFACTION].share,
        )

    def document(
        self, year: int, charts: list[tuple[str, bytes]] = (), today: date | None = None
    ) -> Document:
        return year_summary(self.facts(year, today), charts)
