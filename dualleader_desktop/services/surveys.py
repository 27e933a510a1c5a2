"""The yearly satisfaction survey of the branch secretary as "双带头人" (domain/satisfaction.py).

The secretary surveyed is the one on the committee that year (its last day, or today in the
current year); a new year's survey asks the items the branch asked the year before, or the
seed's defaults, since every school words its own.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from dualleader_desktop.domain.enums import CommitteeRole
from dualleader_desktop.domain.satisfaction import (
    Answer,
    SurveyDraft,
    SurveyItem,
    SurveyRecord,
    count_papers,
    survey_problems,
)
from dualleader_desktop.domain.text import strip_control_chars
from dualleader_desktop.services.branch import committee_seats
from dualleader_desktop.services.errors import NotFoundError
from dualleader_desktop.services.history import EntityKind, plain
from dualleader_desktop.services.scope import BranchScoped, branch_of, owned
from dualleader_desktop.services.versioned import RecordKind, VersionedRecords
from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.evaluation_models import Survey
from dualleader_desktop.storage.search_backend import search_backend
from dualleader_desktop.storage.search_index import SearchKind

_SCALARS = ("year", "secretary_name", "survey_date", "respondents", "headline", "notes")


def apply_draft(row: Survey, draft: SurveyDraft) -> None:
    for name in _SCALARS:
        setattr(row, name, getattr(draft, name))
    row.secretary_member_id = draft.secretary_id
    row.items = [{"name": item.name, "counts": list(item.counts())} for item in draft.items]
    row.papers = [{str(p): a.value for p, a in paper.items()} for paper in draft.papers]


def survey_snapshot(session: Session, row: Survey, attachments) -> dict:
    snapshot = {name: plain(getattr(row, name)) for name in _SCALARS}
    snapshot["items"] = [dict(item) for item in row.items]
    return snapshot


def index_survey(session: Session, survey_id: int, draft: SurveyDraft) -> None:
    parts = (
        f"{draft.year}年双带头人满意度测评",
        draft.secretary_name,
        draft.notes,
        *(item.name for item in draft.items),
    )
    search_backend(session.connection()).index(
        SearchKind.SURVEY, survey_id, tuple(filter(None, parts)), branch_of(session)
    )


SURVEYS = RecordKind(
    model=Survey,
    entity=EntityKind.SURVEY,
    search=SearchKind.SURVEY,
    link="",  # a survey keeps no attachments
    gone="该年度的满意度测评记录已被删除",
    apply=apply_draft,
    index=index_survey,
    snapshot=survey_snapshot,
    references=lambda draft: ("secretary", [draft.secretary_id], None),
)


class SurveyService(BranchScoped):
    def __init__(self, db: Database, branch_id: int | None = None) -> None:
        super().__init__(db, branch_id)
        self._records = VersionedRecords(SURVEYS, self.session, None)

    def years(self) -> list[int]:
        with self.session() as session:
            query = select(Survey.year).where(Survey.branch_id == branch_of(session))
            return sorted(session.scalars(query), reverse=True)

    def find(self, year: int) -> SurveyRecord | None:
        survey_id = self._id_of(year)
        return None if survey_id is None else self.get(survey_id)

    def _id_of(self, year: int) -> int | None:
        with self.session() as session:
            return session.scalar(
                select(Survey.id).where(Survey.branch_id == branch_of(session), Survey.year == year)
            )

    def get(self, survey_id: int) -> SurveyRecord:
        with self.session() as session:
            row = owned(session, Survey, survey_id)
            if row is None:
                raise NotFoundError("找不到该满意度测评记录，可能已被删除")
            draft = SurveyDraft(
                row.year,
                row.secretary_member_id,
                row.secretary_name,
                row.survey_date,
                row.respondents,
                row.headline,
                [SurveyItem(item["name"], *item["counts"]) for item in row.items],
                [{int(p): Answer(a) for p, a in paper.items()} for paper in row.papers or []],
                row.notes,
            )
            return SurveyRecord(row.id, row.version, draft)

    def new_draft(self, year: int, *, today: date | None = None) -> SurveyDraft:
        """The year's survey to begin: its secretary, and last year's items and headline."""
        draft = SurveyDraft(year)
        earlier = [y for y in self.years() if y < year]
        if earlier:
            before = self.find(earlier[0]).draft
            draft.items = [SurveyItem(item.name) for item in before.items]
            draft.headline = before.headline
        on = min(today or date.today(), date(year, 12, 31))
        with self.session() as session:
            secretary = next(
                (s for s in committee_seats(session, on) if s.role == CommitteeRole.SECRETARY),
                None,
            )
        if secretary is not None:
            draft.secretary_id, draft.secretary_name = secretary.member_id, secretary.member_name
        return draft

    def problems(self, draft: SurveyDraft) -> dict[str, str]:
        """Why a draft would be refused (cleaned first: sheets typed one by one give the
        counts)."""
        draft.notes = strip_control_chars(draft.notes)
        draft.secretary_name = strip_control_chars(draft.secretary_name).strip()
        for item in draft.items:
            item.name = strip_control_chars(item.name).strip()
        if draft.papers:
            for item, counts in zip(
                draft.items, count_papers(draft.papers, len(draft.items)), strict=True
            ):
                item.satisfied, item.fairly, item.dissatisfied = counts
        return survey_problems(draft)

    def save(
        self, draft: SurveyDraft, *, survey_id: int | None = None, expected_version: int = 0
    ) -> SurveyRecord:
        problems = self.problems(draft)
        existing = self._id_of(draft.year)
        if existing is not None and existing != survey_id:
            problems["year"] = f"{draft.year} 年的满意度测评已经有记录，请打开它继续填写"
        saved = self._records.save(
            draft, problems, record_id=survey_id, expected_version=expected_version
        )
        return self.get(saved)

    def delete(self, survey_id: int) -> None:
        self._records.delete(survey_id)
