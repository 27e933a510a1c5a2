"""The documents of a year's 民主评议党员 and satisfaction survey, as the archive files them.

Unlike a meeting or a talk, one evaluation gives several documents (the blank ballot, the
tally, the report, the notice, and a 个人总结 per member who wrote one), each its own 件 with
its own 档号, dated by the step it belongs to. ``ArchiveService`` plans and renders them from
what is here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dualleader_desktop.documents import evaluation_docs
from dualleader_desktop.domain.archive import RecordKind
from dualleader_desktop.domain.evaluation import EvaluationRecord, Step
from dualleader_desktop.domain.satisfaction import SurveyRecord

# the documents of a year's evaluation (besides one 个人总结 per member) and the step whose
# date each is filed under (the year's last day while the step has none)
EVALUATION_STEPS = {
    RecordKind.EVALUATION_BALLOT: Step.POLL,
    RecordKind.EVALUATION_TALLY: Step.POLL,
    RecordKind.EVALUATION_REPORT: Step.DECIDE,
    RecordKind.EVALUATION_NOTICE: Step.NOTICE,
}
EVALUATION_KINDS = {*EVALUATION_STEPS, RecordKind.SELF_REVIEW}
EVALUATION_BUILDERS = {
    RecordKind.EVALUATION_BALLOT: evaluation_docs.evaluation_ballot,
    RecordKind.EVALUATION_TALLY: evaluation_docs.evaluation_tally,
    RecordKind.EVALUATION_REPORT: evaluation_docs.evaluation_report,
}
SURVEY_BUILDERS = {
    RecordKind.SURVEY_BALLOT: evaluation_docs.survey_ballot,
    RecordKind.SURVEY_TALLY: evaluation_docs.survey_tally,
}
SURVEY_KINDS = set(SURVEY_BUILDERS)


@dataclass(frozen=True)
class YearDocument:
    """One document of a year's evaluation or survey: what the package files and
    ``export_year_document`` writes. ``record_id`` is the evaluation's or the survey's id; for
    SELF_REVIEW the member's (the year names the evaluation). ``filed``: it has something to
    say yet, so the year's package takes it: the tally once ballots were cast, the report once
    a grade was decided, the notice once it has a first day; the blank sheets as soon as there
    is an evaluation or a survey."""

    kind: RecordKind
    record_id: int
    title: str
    on: date
    filed: bool = True


def evaluation_documents(record: EvaluationRecord) -> list[YearDocument]:
    """The year's evaluation documents, and each member's 个人总结 where one was written."""
    draft = record.draft
    year, last_day = draft.year, date(draft.year, 12, 31)
    filed = {
        RecordKind.EVALUATION_BALLOT: True,
        RecordKind.EVALUATION_TALLY: draft.ballots_cast > 0,
        RecordKind.EVALUATION_REPORT: any(line.final for line in draft.lines),
        RecordKind.EVALUATION_NOTICE: draft.step(Step.NOTICE).on is not None,
    }
    documents = [
        YearDocument(
            kind,
            record.id,
            evaluation_docs.year_title(kind, year),
            draft.step(step).on or last_day,
            filed[kind],
        )
        for kind, step in EVALUATION_STEPS.items()
    ]
    return documents + [
        YearDocument(
            RecordKind.SELF_REVIEW,
            line.member_id,
            evaluation_docs.self_review_title(line.name, year),
            draft.step(Step.SELF_REVIEW).on or last_day,
        )
        for line in draft.lines
        if line.self_review.strip()
    ]


def survey_documents(record: SurveyRecord) -> list[YearDocument]:
    draft = record.draft
    on = draft.survey_date or date(draft.year, 12, 31)
    return [
        YearDocument(
            kind,
            record.id,
            evaluation_docs.year_title(kind, draft.year),
            on,
            filed=kind == RecordKind.SURVEY_BALLOT or draft.respondents > 0,
        )
        for kind in SURVEY_BUILDERS
    ]
