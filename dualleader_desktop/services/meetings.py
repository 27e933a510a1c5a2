"""Meetings: the expected attendance, checks and warnings, saving, listing, and search upkeep."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import cache

from sqlalchemy import extract, func, select
from sqlalchemy.orm import Session

from dualleader_desktop.domain.meeting_records import (
    MEETING_SCALAR_FIELDS,
    AgendaDraft,
    MeetingDraft,
    MeetingRecord,
    MeetingSummary,
)
from dualleader_desktop.domain.meetings import (
    AttendanceLine,
    AttendanceStatus,
    IntegrationTag,
    MeetingKind,
    VoteKind,
    meeting_warnings,
    role_attendance_warnings,
)
from dualleader_desktop.domain.text import strip_control_chars
from dualleader_desktop.services.attachments import AttachmentStore
from dualleader_desktop.services.attendance import expected_attendance, on_roll, roll_query
from dualleader_desktop.services.errors import NotFoundError
from dualleader_desktop.services.history import EntityKind, meeting_snapshot
from dualleader_desktop.services.scope import BranchScoped, branch_of, owned
from dualleader_desktop.services.versioned import RecordKind, VersionedRecords
from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.models import Member, PartyGroup
from dualleader_desktop.storage.records_models import AgendaItem, Attendance, Meeting
from dualleader_desktop.storage.search_backend import search_backend
from dualleader_desktop.storage.search_index import SearchKind

# the free text of a meeting, cleaned of control characters before it is checked and saved
_TEXT_FIELDS = (
    "theme",
    "place",
    "host_name",
    "recorder_name",
    "speaker",
    "sitting_in",
    "minutes",
    "resolutions",
)


def tags_to_column(tags: frozenset[IntegrationTag]) -> str:
    """The tags as meetings.tags stores them: ",teaching,research," (a comma at each end, so
    ``list_meetings`` finds one tag with LIKE '%,tag,%')."""
    ordered = [tag.value for tag in IntegrationTag if tag in tags]
    return f",{','.join(ordered)}," if ordered else ""


@cache  # a handful of distinct values; a long list would otherwise parse each row again
def tags_from_column(value: str) -> frozenset[IntegrationTag]:
    return frozenset(IntegrationTag(part) for part in value.split(",") if part)


def _strip_controls(draft: MeetingDraft) -> None:
    """Drop the control characters pasted into a meeting's text (they would stop the year's
    export): every text field, the agenda's items and the reasons for absence."""
    for name in _TEXT_FIELDS:
        setattr(draft, name, strip_control_chars(getattr(draft, name)))
    for item in draft.agenda:
        item.title = strip_control_chars(item.title)
    draft.attendance = [
        replace(line, reason=strip_control_chars(line.reason)) for line in draft.attendance
    ]


def apply_draft(meeting: Meeting, draft: MeetingDraft) -> None:
    """Put a checked draft's fields, agenda, attendance and counts into a meeting row (a save,
    or a restore from the change log)."""
    for name in MEETING_SCALAR_FIELDS:
        setattr(meeting, name, getattr(draft, name))
    meeting.tags = tags_to_column(draft.tags)
    meeting.agenda = [
        AgendaItem(
            position=position,
            title=item.title.strip(),
            has_vote=item.has_vote,
            vote_kind=item.vote_kind,
            votes_for=item.votes_for,
            votes_against=item.votes_against,
            votes_abstain=item.votes_abstain,
        )
        for position, item in enumerate(draft.agenda, start=1)
    ]
    meeting.attendance = [
        Attendance(
            member_id=line.member_id,
            status=line.status,
            has_vote=line.has_vote,
            reason=line.reason.strip(),
        )
        for line in draft.attendance
    ]
    counts = draft.counts
    meeting.expected_count = counts.expected
    meeting.present_count = counts.present
    meeting.leave_count = counts.on_leave


def index_meeting(session: Session, meeting_id: int, draft: MeetingDraft) -> None:
    """Put (or replace) a meeting's text in the search index."""
    search_backend(session.connection()).index(
        SearchKind.MEETING,
        meeting_id,
        (
            draft.theme,
            draft.host_name,
            draft.recorder_name,
            draft.speaker,
            draft.place,
            *(item.title for item in draft.agenda),
            draft.minutes,
            draft.resolutions,
        ),
        branch_of(session),
    )


def _references(draft: MeetingDraft) -> tuple[str, list[int | None], int | None]:
    """Who and which Party group a meeting names: all must be of its own branch."""
    named = [line.member_id for line in draft.attendance]
    named += [draft.host_member_id, draft.recorder_member_id]
    return "attendance", named, draft.party_group_id


MEETINGS = RecordKind(
    model=Meeting,
    entity=EntityKind.MEETING,
    search=SearchKind.MEETING,
    link="meeting_id",
    gone="该会议记录已被删除",
    apply=apply_draft,
    index=index_meeting,
    snapshot=meeting_snapshot,
    references=_references,
    counts_attachments=True,
)


class MeetingService(BranchScoped):
    def __init__(self, db: Database, branch_id: int | None = None) -> None:
        super().__init__(db, branch_id)
        self.attachments = AttachmentStore(db.attachments_root)
        self._records = VersionedRecords(MEETINGS, self.session, self.attachments)

    # ---- starting a record ---------------------------------------------------------------
    def new_draft(
        self,
        kind: MeetingKind,
        on: date,
        party_group_id: int | None = None,
        *,
        unmarked: bool = False,
    ) -> MeetingDraft:
        """An empty meeting whose attendance lists everyone expected on that day.

        ``unmarked``: nobody is marked yet (status None, 未核对) and ``save`` refuses the roll
        until everyone is: the editor's start, so a roll the secretary never looked at is not
        archived as 100 %. Without it everyone starts present, for callers that set the
        exceptions themselves in code (the demo data, fixture databases, tests).
        """
        with self.session() as session:
            lines = expected_attendance(session, kind, on, party_group_id)
        if unmarked:
            lines = [replace(line, status=None) for line in lines]
        return MeetingDraft(
            kind=kind, meeting_date=on, party_group_id=party_group_id, attendance=lines
        )

    def draft_from_last(
        self,
        kind: MeetingKind,
        on: date,
        party_group_id: int | None = None,
        *,
        unmarked: bool = False,
    ) -> MeetingDraft:
        """A new meeting that starts from the last one of its kind (of the same group for a
        党小组会): theme, place, host, recorder, speaker, tags and the guests sitting in are
        copied; minutes, resolutions and votes are not. Who should attend is the roll on the
        new date, so members who joined or left since are right; ``unmarked`` as for
        ``new_draft`` (who came is never copied)."""
        draft = self.new_draft(kind, on, party_group_id, unmarked=unmarked)
        if kind == MeetingKind.GROUP and party_group_id is None:
            return draft  # which group's last meeting is not known yet
        query = select(Meeting.id).where(
            Meeting.branch_id == self.branch_id,
            Meeting.kind == kind,
            Meeting.party_group_id == party_group_id,
        )
        with self.session() as session:
            last_id = session.scalar(query.order_by(Meeting.meeting_date.desc(), Meeting.id.desc()))
        if last_id is None:
            return draft
        last = self.get(last_id).draft
        for name in ("theme", "place", "host_member_id", "host_name", "recorder_member_id"):
            setattr(draft, name, getattr(last, name))
        draft.recorder_name = last.recorder_name
        draft.speaker = last.speaker
        draft.sitting_in = last.sitting_in
        draft.tags = last.tags
        return draft

    # ---- checks --------------------------------------------------------------------------
    def check(self, draft: MeetingDraft) -> dict[str, str]:
        """Errors that block saving, by field (Chinese). Cleans ``draft``'s text in place."""
        errors: dict[str, str] = {}
        _strip_controls(draft)
        draft.theme = draft.theme.strip()
        if not draft.theme:
            errors["theme"] = "请填写会议主题"
        if draft.meeting_date is None:
            errors["meeting_date"] = "请填写会议日期"
        if draft.kind == MeetingKind.GROUP and draft.party_group_id is None:
            errors["party_group_id"] = "党小组会请选择所属党小组"
        if draft.start_time and draft.end_time and draft.end_time <= draft.start_time:
            errors["end_time"] = "结束时间应晚于开始时间"
        unmarked = [line.name for line in draft.attendance if line.status is None]
        if unmarked:
            named = "、".join(unmarked[:5]) + ("等" if len(unmarked) > 5 else "")
            errors["attendance"] = (
                f"还有 {len(unmarked)} 人未核对出席情况（{named}），"
                "请标记为出席、请假或缺席后再保存"
            )
        voters = draft.counts.voters_expected
        for number, item in enumerate(draft.agenda, start=1):
            if not item.title.strip():
                errors["agenda"] = f"第 {number} 项议程没有内容，请填写或删除该项"
            elif item.has_vote and min(item.votes_for, item.votes_against, item.votes_abstain) < 0:
                errors["agenda"] = f"第 {number} 项议程的票数不能为负数"
            elif (
                item.has_vote and item.votes_for + item.votes_against + item.votes_abstain > voters
            ):
                errors["agenda"] = (
                    f"第 {number} 项议程的票数合计超过有表决权的应到人数 {voters} 人，请核对"
                )
        return errors

    def warnings(self, draft: MeetingDraft, *, today: date | None = None) -> list[str]:
        """What the user should know before saving but may save through."""
        today = today or date.today()
        if draft.meeting_date is None:
            return []
        with self.session() as session:
            notes = meeting_warnings(
                draft.kind,
                draft.meeting_date,
                draft.counts,
                today=today,
                host_is_member=self._is_member(
                    session, draft.host_member_id, draft.host_name, draft.meeting_date
                ),
                recorder_is_member=self._is_member(
                    session, draft.recorder_member_id, draft.recorder_name, draft.meeting_date
                ),
                admission_votes=[
                    (item.title, item.votes_for)
                    for item in draft.agenda
                    if item.has_vote and item.vote_kind == VoteKind.ADMISSION
                ],
            )
        notes += role_attendance_warnings(
            draft.attendance,
            host=(draft.host_member_id, draft.host_name),
            recorder=(draft.recorder_member_id, draft.recorder_name),
        )
        missing = [
            line.name
            for line in draft.attendance
            if line.status == AttendanceStatus.LEAVE and not line.reason.strip()
        ]
        if missing:
            notes.append(f"{'、'.join(missing)} 请假未填写原因。")
        return notes

    @staticmethod
    def _is_member(session: Session, member_id: int | None, name: str, on: date) -> bool:
        """Whether the host or recorder belonged to the branch on the meeting's day."""
        if member_id is None and not name.strip():
            return True  # nothing entered: the editor asks for it separately
        query = roll_query(branch_of(session)).where(
            Member.id == member_id if member_id is not None else Member.name == name.strip()
        )
        return any(on_roll(member, since, on) for member, since in session.execute(query))

    # ---- saving --------------------------------------------------------------------------
    def save(
        self, draft: MeetingDraft, *, meeting_id: int | None = None, expected_version: int = 0
    ) -> MeetingRecord:
        """Add (``meeting_id`` None) or update a meeting in one transaction.

        An update made on a stale copy raises StaleRecordError: the second of two windows
        editing the same meeting is told instead of overwriting the first one's save.
        """
        errors = self.check(draft)
        saved_id = self._records.save(
            draft, errors, record_id=meeting_id, expected_version=expected_version
        )
        return self.get(saved_id)

    def delete(self, meeting_id: int) -> None:
        """Delete a meeting; it can be restored from the change log (history_service). Its
        attachment files that no other record uses wait in the attachment folder's trash."""
        self._records.delete(meeting_id)

    # ---- reading -------------------------------------------------------------------------
    def get(self, meeting_id: int) -> MeetingRecord:
        with self.session() as session:
            meeting = owned(session, Meeting, meeting_id)
            if meeting is None:
                raise NotFoundError("找不到该会议记录，可能已被删除")
            names = dict(
                session.execute(
                    select(Member.id, Member.name).where(
                        Member.id.in_([a.member_id for a in meeting.attendance])
                    )
                ).all()
            )
            group_name = (
                session.scalar(
                    select(PartyGroup.name).where(PartyGroup.id == meeting.party_group_id)
                )
                or ""
            )
            draft = MeetingDraft(
                **{name: getattr(meeting, name) for name in MEETING_SCALAR_FIELDS},
                tags=tags_from_column(meeting.tags),
                agenda=[
                    AgendaDraft(
                        a.title,
                        a.has_vote,
                        a.vote_kind,
                        a.votes_for,
                        a.votes_against,
                        a.votes_abstain,
                    )
                    for a in meeting.agenda
                ],
                attendance=sorted(
                    (
                        AttendanceLine(
                            a.member_id, names.get(a.member_id, ""), a.status, a.has_vote, a.reason
                        )
                        for a in meeting.attendance
                    ),
                    key=lambda line: (line.name, line.member_id),
                ),
                attachments=self.attachments.listed(session, meeting_id=meeting_id),
            )
            return MeetingRecord(meeting.id, meeting.version, draft, group_name)

    def list_meetings(
        self,
        *,
        kind: MeetingKind | None = None,
        year: int | None = None,
        party_group_id: int | None = None,
        tag: IntegrationTag | None = None,
        ids: list[int] | None = None,
    ) -> list[MeetingSummary]:
        """Meetings newest first, narrowed in SQL."""
        query = (
            select(
                Meeting.id,
                Meeting.kind,
                Meeting.meeting_date,
                Meeting.theme,
                Meeting.place,
                func.coalesce(PartyGroup.name, ""),
                Meeting.host_name,
                Meeting.expected_count,
                Meeting.present_count,
                Meeting.leave_count,
                Meeting.tags,
                Meeting.attachment_count,
            )
            .outerjoin(PartyGroup, PartyGroup.id == Meeting.party_group_id)
            .where(Meeting.branch_id == self.branch_id)
            .order_by(Meeting.meeting_date.desc(), Meeting.id.desc())
        )
        if kind is not None:
            query = query.where(Meeting.kind == kind)
        if year is not None:
            query = query.where(
                Meeting.meeting_date >= date(year, 1, 1), Meeting.meeting_date <= date(year, 12, 31)
            )
        if party_group_id is not None:
            query = query.where(Meeting.party_group_id == party_group_id)
        if tag is not None:
            query = query.where(Meeting.tags.like(f"%,{tag.value},%"))
        if ids is not None:
            query = query.where(Meeting.id.in_(ids))
        with self.session() as session:
            return [
                MeetingSummary(*row[:10], tags_from_column(row[10]), row[11])
                for row in session.execute(query)
            ]

    def years(self) -> list[int]:
        """Years that have meetings, newest first (for the year filter)."""
        with self.session() as session:
            rows = session.execute(
                select(extract("year", Meeting.meeting_date).label("y"))
                .where(Meeting.branch_id == branch_of(session))
                .distinct()
                .order_by(extract("year", Meeting.meeting_date).desc())
            )
            return [int(y) for (y,) in rows]
