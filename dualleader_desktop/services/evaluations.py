"""民主评议党员 of a year: who is evaluated, the steps and their meetings, ballots and grades.

Who is evaluated is the roll on the 测评 day (``roll_on``, as a meeting's expected list); who
cast ballots is read from the attendance of the meeting that held the 测评, so the numbers of
the evaluation and of the minutes agree. The rules are domain/evaluation.py's: a problem
refuses the save, a warning stays until the secretary explains it (the reason is saved).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from fractions import Fraction
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dualleader_desktop.domain.evaluation import (
    Ballots,
    EvaluationDraft,
    EvaluationLine,
    EvaluationRecord,
    Grade,
    Review,
    Step,
    StepEntry,
    count_papers,
    review,
)
from dualleader_desktop.domain.meetings import AttendanceStatus
from dualleader_desktop.domain.text import strip_control_chars
from dualleader_desktop.services.attachments import AttachmentStore
from dualleader_desktop.services.attendance import roll_on
from dualleader_desktop.services.errors import NotFoundError
from dualleader_desktop.services.history import EntityKind, attachment_snapshot, plain
from dualleader_desktop.services.scope import BranchScoped, branch_of, owned
from dualleader_desktop.services.versioned import RecordKind, VersionedRecords
from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.evaluation_models import (
    Evaluation,
    EvaluationStep,
)
from dualleader_desktop.storage.evaluation_models import (
    EvaluationLine as LineRow,
)
from dualleader_desktop.storage.records_models import Attendance, Meeting
from dualleader_desktop.storage.search_backend import search_backend
from dualleader_desktop.storage.search_index import SearchKind

_LINE_TEXT = ("self_review", "reason")


def meeting_label(meeting: Meeting) -> str:
    theme = meeting.theme if len(meeting.theme) <= 24 else f"{meeting.theme[:24]}…"
    return f"{meeting.meeting_date:%Y-%m-%d} {meeting.kind.label}：{theme}"


def apply_draft(row: Evaluation, draft: EvaluationDraft) -> None:
    """A checked draft's fields, steps and lines into an evaluation row."""
    row.year = draft.year
    row.ballots_cast = draft.ballots_cast
    row.excellent_numerator = draft.excellent_share.numerator
    row.excellent_denominator = draft.excellent_share.denominator
    row.papers = [{str(m): g.value for m, g in paper.items()} for paper in draft.papers]
    row.overrides = {k: v for k, v in draft.overrides.items() if v.strip()}
    row.notes = draft.notes
    row.steps = [
        EvaluationStep(step=s.step, on_date=s.on, until_date=s.until, meeting_id=s.meeting_id)
        for s in draft.steps
        if s.on or s.until or s.meeting_id
    ]
    row.lines = [
        LineRow(
            member_id=line.member_id,
            position=position,
            member_name=line.name,
            probationary=line.probationary,
            self_review=line.self_review,
            self_review_file=line.self_review_file,
            **dict(
                zip(
                    ("excellent", "qualified", "basic", "unqualified"),
                    line.ballots.counts(),
                    strict=True,
                )
            ),
            proposed=line.proposed,
            final=line.final,
            reason=line.reason,
            follow_up=line.follow_up,
            follow_up_date=line.follow_up_date,
        )
        for position, line in enumerate(draft.lines)
    ]


def evaluation_snapshot(session: Session, row: Evaluation, attachments) -> dict:
    """An evaluation as the change log keeps it."""
    return {
        "year": row.year,
        "ballots_cast": row.ballots_cast,
        "excellent_share": f"{row.excellent_numerator}/{row.excellent_denominator}",
        "steps": [
            {
                "step": plain(s.step),
                "on": plain(s.on_date),
                "until": plain(s.until_date),
                "meeting_id": s.meeting_id,
            }
            for s in row.steps
        ],
        "lines": [
            {
                "member_id": line.member_id,
                "name": line.member_name,
                "ballots": [line.excellent, line.qualified, line.basic, line.unqualified],
                "proposed": plain(line.proposed),
                "final": plain(line.final),
                "reason": line.reason,
                "follow_up": plain(line.follow_up),
                "follow_up_date": plain(line.follow_up_date),
                "self_review": line.self_review,
            }
            for line in row.lines
        ],
        "overrides": dict(row.overrides or {}),
        "notes": row.notes,
        "attachments": attachment_snapshot(attachments),
    }


def index_evaluation(session: Session, evaluation_id: int, draft: EvaluationDraft) -> None:
    """The evaluation's words in the search index: names, self-evaluations, reasons, notes and
    the explanations kept for warnings."""
    parts = [f"{draft.year}年民主评议党员", draft.notes, *draft.overrides.values()]
    for line in draft.lines:
        parts += [line.name, line.self_review, line.reason]
    search_backend(session.connection()).index(
        SearchKind.EVALUATION, evaluation_id, tuple(filter(None, parts)), branch_of(session)
    )


EVALUATIONS = RecordKind(
    model=Evaluation,
    entity=EntityKind.EVALUATION,
    search=SearchKind.EVALUATION,
    link="evaluation_id",
    gone="该年度的民主评议记录已被删除",
    apply=apply_draft,
    index=index_evaluation,
    snapshot=evaluation_snapshot,
    references=lambda draft: ("lines", [line.member_id for line in draft.lines], None),
)


class EvaluationService(BranchScoped):
    def __init__(self, db: Database, branch_id: int | None = None) -> None:
        super().__init__(db, branch_id)
        self.attachments = AttachmentStore(db.attachments_root)
        self._records = VersionedRecords(EVALUATIONS, self.session, self.attachments)

    # ---- reading -------------------------------------------------------------------------
    def years(self) -> list[int]:
        with self.session() as session:
            query = select(Evaluation.year).where(Evaluation.branch_id == branch_of(session))
            return sorted(session.scalars(query), reverse=True)

    def find(self, year: int) -> EvaluationRecord | None:
        """The branch's evaluation of ``year``; None when it has not been started."""
        evaluation_id = self._id_of(year)
        return None if evaluation_id is None else self.get(evaluation_id)

    def _id_of(self, year: int) -> int | None:
        with self.session() as session:
            return session.scalar(
                select(Evaluation.id).where(
                    Evaluation.branch_id == branch_of(session), Evaluation.year == year
                )
            )

    def get(self, evaluation_id: int) -> EvaluationRecord:
        with self.session() as session:
            row = owned(session, Evaluation, evaluation_id)
            if row is None:
                raise NotFoundError("找不到该民主评议记录，可能已被删除")
            meetings = {
                m.id: meeting_label(m)
                for m in session.scalars(
                    select(Meeting).where(Meeting.id.in_([s.meeting_id for s in row.steps]))
                )
            }
            stored = {s.step: s for s in row.steps}
            steps = []
            for step in Step:
                s = stored.get(step)
                steps.append(
                    StepEntry(step)
                    if s is None
                    else StepEntry(
                        step, s.on_date, s.until_date, s.meeting_id, meetings.get(s.meeting_id, "")
                    )
                )
            lines = [
                EvaluationLine(
                    line.member_id,
                    line.member_name,
                    line.probationary,
                    line.self_review,
                    line.self_review_file,
                    Ballots(line.excellent, line.qualified, line.basic, line.unqualified),
                    line.proposed,
                    line.final,
                    line.reason,
                    line.follow_up,
                    line.follow_up_date,
                )
                for line in row.lines
            ]
            draft = EvaluationDraft(
                row.year,
                steps,
                row.ballots_cast,
                Fraction(row.excellent_numerator, row.excellent_denominator),
                lines,
                [{int(m): Grade(v) for m, v in paper.items()} for paper in row.papers or []],
                dict(row.overrides or {}),
                row.notes,
                self.attachments.listed(session, evaluation_id=row.id),
            )
            return EvaluationRecord(row.id, row.version, draft)

    def new_draft(self, year: int, *, today: date | None = None) -> EvaluationDraft:
        """A year's evaluation to begin: the members on the roll (the year's last day, or
        today in the current year) and the 优秀 share of the year before."""
        draft = EvaluationDraft(year)
        earlier = [y for y in self.years() if y < year]
        if earlier:
            draft.excellent_share = self.find(earlier[0]).draft.excellent_share
        on = min(today or date.today(), date(year, 12, 31))
        return self.with_roll(draft, on)

    def with_roll(self, draft: EvaluationDraft, on: date) -> EvaluationDraft:
        """The draft evaluating the members on the roll on ``on`` (the 测评 day): lines of
        members still there keep what was entered, members who joined get a line, those who
        had left lose theirs. 预备党员 are evaluated too, and marked."""
        with self.session() as session:
            roll = roll_on(session, on)
        kept = {line.member_id: line for line in draft.lines}
        lines = [
            replace(kept[a.member_id], name=a.name, probationary=not a.has_vote)
            if a.member_id in kept
            else EvaluationLine(a.member_id, a.name, probationary=not a.has_vote)
            for a in roll
        ]
        return replace(draft, lines=lines)

    def meetings_for(self, year: int, step: Step) -> list[tuple[int, str]]:
        """The meetings that could have held ``step`` of the year's evaluation (newest first),
        as id and label: the year's, and those of the next year's first quarter (a branch that
        evaluates 2025 at its 组织生活会 of January 2026)."""
        if not step.meeting_kinds:
            return []
        with self.session() as session:
            rows = session.scalars(
                select(Meeting)
                .where(
                    Meeting.branch_id == branch_of(session),
                    Meeting.kind.in_(step.meeting_kinds),
                    Meeting.meeting_date >= date(year, 1, 1),
                    Meeting.meeting_date <= date(year + 1, 3, 31),
                )
                .order_by(Meeting.meeting_date.desc(), Meeting.id.desc())
            )
            return [(m.id, meeting_label(m)) for m in rows]

    def poll_meeting(self, meeting_id: int) -> tuple[date, int]:
        """The day of the meeting that held the 测评 and how many attended it: who cast
        ballots, read from its attendance."""
        with self.session() as session:
            meeting = owned(session, Meeting, meeting_id)
            if meeting is None:
                raise NotFoundError("找不到所选会议，可能已被删除")
            present = session.scalar(
                select(func.count()).where(
                    Attendance.meeting_id == meeting_id,
                    Attendance.status == AttendanceStatus.PRESENT,
                )
            )
            return meeting.meeting_date, int(present or 0)

    # ---- checking and saving -------------------------------------------------------------
    def review(self, draft: EvaluationDraft) -> Review:
        """The rules' verdict on a draft (domain/evaluation.py), and a warning when the
        ballots cast differ from those present at the 测评 meeting (the minutes'). It cleans
        the draft first: the counts of papers typed one by one are the papers'."""
        self._clean(draft)
        return review(draft, self.present_at_poll(draft))

    def present_at_poll(self, draft: EvaluationDraft) -> int | None:
        """How many attended the meeting linked to the 测评 step (None: no meeting, or it was
        deleted since: the link goes once the evaluation is saved)."""
        poll = draft.step(Step.POLL).meeting_id
        if poll is None:
            return None
        try:
            return self.poll_meeting(poll)[1]
        except NotFoundError:
            return None

    @staticmethod
    def _clean(draft: EvaluationDraft) -> None:
        draft.notes = strip_control_chars(draft.notes)
        draft.overrides = {k: strip_control_chars(v).strip() for k, v in draft.overrides.items()}
        for line in draft.lines:
            for name in _LINE_TEXT:
                setattr(line, name, strip_control_chars(getattr(line, name)))
        if draft.papers:  # typed one by one: the counts are the papers'
            counted = count_papers(draft.papers, [line.member_id for line in draft.lines])
            for line in draft.lines:
                line.ballots = counted[line.member_id]

    def save(
        self,
        draft: EvaluationDraft,
        *,
        evaluation_id: int | None = None,
        expected_version: int = 0,
    ) -> EvaluationRecord:
        """Save the year's evaluation; refused (RecordValidationError) on any problem of the
        rules, or when the year already has another evaluation."""
        problems = dict(self.review(draft).problems)
        existing = self._id_of(draft.year)
        if existing is not None and existing != evaluation_id:
            problems["year"] = f"{draft.year} 年的民主评议已经有记录，请打开它继续填写"
        if not draft.lines:
            problems["lines"] = "没有参评党员：请先确定民主测评的日期，或在党员档案中添加党员"
        saved = self._records.save(
            draft, problems, record_id=evaluation_id, expected_version=expected_version
        )
        return self.get(saved)

    def delete(self, evaluation_id: int) -> None:
        self._records.delete(evaluation_id)

    # ---- the ballot sheet (Excel, importers/ballot_excel.py) ----------------------------
    # openpyxl and the sheet's module are loaded only when a sheet is written or read
    def export_sheet(self, draft: EvaluationDraft, path: str | Path) -> Path:
        """The ballot grid of ``draft`` as an Excel sheet for the group leaders to fill in,
        titled with the branch's name and the year; returns the Path written (``.xlsx``
        added to a name without it). Raises ServiceError when the file cannot be written."""
        from dualleader_desktop.importers.ballot_excel import write_ballot_sheet
        from dualleader_desktop.services.errors import ServiceError
        from dualleader_desktop.storage.models import Branch

        path = Path(path)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(f"{path.name}.xlsx")
        with self.session() as session:
            branch = session.get(Branch, branch_of(session)) if branch_of(session) else None
            branch_name = branch.name if branch is not None else ""
        try:
            write_ballot_sheet(
                draft, path, title=f"{branch_name}{draft.year}年度民主评议党员测评票统计表"
            )
        except OSError as exc:
            raise ServiceError(
                f"无法写入 {path}（{exc.strerror or exc}）。文件可能正在 Excel 中打开，"
                "或文件夹没有写入权限；请关闭该文件后重试，或另选保存位置。"
            ) from None
        return path

    def import_sheet(self, draft: EvaluationDraft, path: str | Path) -> EvaluationDraft:
        """A copy of ``draft`` with the counts of a filled-in ballot sheet; its papers typed
        one by one are dropped, as the counts replace them. Every member evaluated must have
        one row. Raises ServiceError listing every row to correct (the sheet's errors are its
        ``__cause__``) when the file or any row is wrong; ``draft`` is left as it was."""
        from dualleader_desktop.importers.ballot_excel import read_ballot_sheet
        from dualleader_desktop.importers.roster_excel import WorkbookError
        from dualleader_desktop.services.errors import ServiceError

        try:
            ballots = read_ballot_sheet(Path(path), draft)
        except WorkbookError as exc:
            raise ServiceError(str(exc)) from exc
        lines = [replace(line, ballots=ballots[line.member_id]) for line in draft.lines]
        return replace(draft, lines=lines, papers=[])
