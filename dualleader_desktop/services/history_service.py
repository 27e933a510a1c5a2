"""Reading the change log (a record's 修改记录, the deleted meetings and talks) and restoring a
deleted meeting or talk from it.

A restore puts the record back as it was deleted, in one transaction: under its own id (no new
record takes a logged id, services/history.py), in the search index as a save puts it, with its
attachments whose files are still in the attachment folder or its trash. What cannot come back
is said, in the result and in the change log: a member who is no longer on file (attendance,
participants), a file that is gone, a Party group that was deleted.
"""

from __future__ import annotations

import os
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from dualleader_desktop.domain.meeting_records import AgendaDraft, MeetingDraft
from dualleader_desktop.domain.meetings import (
    AttendanceLine,
    AttendanceStatus,
    IntegrationTag,
    MeetingKind,
    VoteKind,
)
from dualleader_desktop.domain.talk_records import TalkDraft
from dualleader_desktop.domain.talks import TalkKind
from dualleader_desktop.services.attachments import AttachmentStore
from dualleader_desktop.services.errors import NotFoundError, ServiceError
from dualleader_desktop.services.history import (
    ChangeAction,
    EntityKind,
    from_json,
    meeting_snapshot,
    next_record_id,
    record_change,
    talk_snapshot,
    trash_path,
)
from dualleader_desktop.services.history_labels import describe
from dualleader_desktop.services.meetings import apply_draft as apply_meeting_draft
from dualleader_desktop.services.meetings import index_meeting
from dualleader_desktop.services.scope import BranchScoped, branch_of, owned, writing_branch
from dualleader_desktop.services.talks import apply_draft as apply_talk_draft
from dualleader_desktop.services.talks import index_talk
from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.models import ChangeLogEntry, Member, PartyGroup
from dualleader_desktop.storage.records_models import Attachment, AttachmentLink, Meeting, Talk

RESTORABLE = (EntityKind.MEETING, EntityKind.TALK)


@dataclass(frozen=True)
class ChangeEntry:
    """One line of a record's 修改记录."""

    id: int
    changed_at: datetime  # local time
    user_name: str
    action: ChangeAction
    changes: list[str]  # "字段：旧值 → 新值"


@dataclass(frozen=True)
class DeletedRecord:
    """A deleted meeting or talk that has not been restored since."""

    id: int  # the change log entry of the deletion
    kind: EntityKind
    record_id: int
    deleted_at: datetime  # local time
    user_name: str
    record_date: date | None
    kind_label: str  # 支部委员会会议, 谈心谈话, …
    title: str  # the meeting's theme, the talk's topic and who was talked with


@dataclass(frozen=True)
class RestoreResult:
    kind: EntityKind
    record_id: int
    record_date: date | None
    notes: list[str]  # what could not be restored, in Chinese; empty when nothing was lost


def local_time(utc: datetime) -> datetime:
    return utc.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


class HistoryService(BranchScoped):
    """The change log of the service's branch: its entries only, restored into it."""

    def __init__(self, db: Database, branch_id: int | None = None) -> None:
        super().__init__(db, branch_id)
        self.attachments = AttachmentStore(db.attachments_root)

    # ---- reading -------------------------------------------------------------------------
    def history(self, kind: EntityKind, entity_id: int) -> list[ChangeEntry]:
        """Every change of one record, newest first."""
        with self.session() as session:
            rows = session.scalars(
                select(ChangeLogEntry)
                .where(
                    ChangeLogEntry.branch_id == branch_of(session),
                    ChangeLogEntry.entity_kind == kind.value,
                    ChangeLogEntry.entity_id == entity_id,
                )
                .order_by(ChangeLogEntry.id.desc())
            ).all()
        return [
            ChangeEntry(
                row.id,
                local_time(row.changed_at),
                row.user_name,
                ChangeAction(row.action),
                describe(
                    kind,
                    ChangeAction(row.action),
                    from_json(row.before_json),
                    from_json(row.after_json),
                ),
            )
            for row in rows
        ]

    def deleted(self, kind: EntityKind) -> list[DeletedRecord]:
        """Deleted meetings or talks not restored since, the latest deletion first."""
        with self.session() as session:
            deletions = session.scalars(
                self._entries(kind, ChangeAction.DELETE).where(
                    ChangeLogEntry.branch_id == branch_of(session)
                )
            ).all()
            restored = _restored_changes(session, kind)
        return [_deleted_record(kind, row) for row in deletions if row.id not in restored]

    @staticmethod
    def _entries(kind: EntityKind, action: ChangeAction):
        return (
            select(ChangeLogEntry)
            .where(ChangeLogEntry.entity_kind == kind.value, ChangeLogEntry.action == action.value)
            .order_by(ChangeLogEntry.id.desc())
        )

    # ---- restoring -----------------------------------------------------------------------
    def restore(self, kind: EntityKind, change_id: int) -> RestoreResult:
        """Re-create the meeting or talk the deletion ``change_id`` removed, in one transaction.

        Raises NotFoundError when there is no such deletion, ServiceError when it was restored
        already."""
        if kind not in RESTORABLE:
            raise ServiceError("只有会议记录和谈话记录可以恢复。")
        moved: list[tuple[Path, Path]] = []  # files taken back out of the trash
        try:
            with self.session() as session:
                entry = owned(session, ChangeLogEntry, change_id)
                if (
                    entry is None
                    or entry.entity_kind != kind.value
                    or entry.action != ChangeAction.DELETE.value
                ):
                    raise NotFoundError("找不到这条删除记录。")
                if change_id in _restored_changes(session, kind):
                    raise ServiceError("这条记录已经恢复过了，请在列表中查看。")
                snapshot = from_json(entry.before_json)
                model = Meeting if kind == EntityKind.MEETING else Talk
                record_id = entry.entity_id
                if session.get(model, record_id) is not None:  # taken by a record made elsewhere
                    record_id = next_record_id(session, model, kind)
                notes: list[str] = []
                if kind == EntityKind.MEETING:
                    row = self._restore_meeting(session, snapshot, record_id, notes)
                    links = self._relink(session, snapshot, notes, moved, meeting_id=row.id)
                    row.attachment_count = len(links)
                    after = meeting_snapshot(session, row, links)
                    on = row.meeting_date
                else:
                    row = self._restore_talk(session, snapshot, record_id, notes)
                    links = self._relink(session, snapshot, notes, moved, talk_id=row.id)
                    after = talk_snapshot(session, row, links)
                    on = row.talk_date
                if row.id != entry.entity_id:
                    notes.append(f"原编号 {entry.entity_id} 已被占用，恢复为编号 {row.id}。")
                restored_from = {"change_id": change_id, "entity_id": entry.entity_id}
                before = {"restored_from": restored_from, "notes": notes}
                record_change(session, kind, row.id, ChangeAction.RESTORE, before, after)
                record_id = row.id
        except BaseException:
            for live, trash in moved:  # the rollback forgot their links: back where they were
                with suppress(OSError):
                    _move(live, trash)
            raise
        return RestoreResult(kind, record_id, on, notes)

    def _restore_meeting(self, session: Session, snap: dict, record_id, notes) -> Meeting:
        on_file = _existing_members(
            session,
            [line["member_id"] for line in snap["attendance"]]
            + [snap["host_member_id"], snap["recorder_member_id"]],
        )
        attendance = []
        for line in snap["attendance"]:
            if line["member_id"] in on_file:
                attendance.append(
                    AttendanceLine(
                        line["member_id"],
                        line["name"],
                        AttendanceStatus(line["status"]),
                        line["has_vote"],
                        line["reason"],
                    )
                )
            else:
                notes.append(f"{line['name']} 的党员档案已不存在，未列入出席名单。")
        group_id = snap["party_group_id"]
        if group_id is not None and owned(session, PartyGroup, group_id) is None:
            notes.append(f"党小组「{snap['party_group_name']}」已删除，会议未归入党小组。")
            group_id = None
        draft = MeetingDraft(
            kind=MeetingKind(snap["kind"]),
            meeting_date=date.fromisoformat(snap["meeting_date"]),
            theme=snap["theme"],
            start_time=_time(snap["start_time"]),
            end_time=_time(snap["end_time"]),
            place=snap["place"],
            party_group_id=group_id,
            host_member_id=_if_on_file(snap["host_member_id"], on_file),
            host_name=snap["host_name"],
            recorder_member_id=_if_on_file(snap["recorder_member_id"], on_file),
            recorder_name=snap["recorder_name"],
            speaker=snap["speaker"],
            sitting_in=snap["sitting_in"],
            minutes=snap["minutes"],
            resolutions=snap["resolutions"],
            tags=frozenset(IntegrationTag(tag) for tag in snap["tags"]),
            agenda=[
                AgendaDraft(
                    item["title"],
                    item["has_vote"],
                    VoteKind(item["vote_kind"]),
                    item["votes_for"],
                    item["votes_against"],
                    item["votes_abstain"],
                )
                for item in snap["agenda"]
            ],
            attendance=attendance,
        )
        meeting = Meeting(id=record_id, branch_id=writing_branch(session))
        apply_meeting_draft(meeting, draft)
        session.add(meeting)
        session.flush()
        index_meeting(session, meeting.id, draft)
        return meeting

    def _restore_talk(self, session: Session, snap: dict, record_id, notes) -> Talk:
        people = snap["talkers"] + snap["talkees"]
        on_file = _existing_members(session, [p["member_id"] for p in people])
        for person in people:
            if person["member_id"] not in on_file:
                notes.append(f"{person['name']} 的党员档案已不存在，未列入谈话人员。")
        draft = TalkDraft(
            talk_date=date.fromisoformat(snap["talk_date"]),
            kind=TalkKind(snap["kind"]),
            place=snap["place"],
            topic=snap["topic"],
            content=snap["content"],
            member_view=snap["member_view"],
            follow_up=snap["follow_up"],
            follow_up_date=_date(snap["follow_up_date"]),
            talker_ids=[p["member_id"] for p in snap["talkers"] if p["member_id"] in on_file],
            talkee_ids=[p["member_id"] for p in snap["talkees"] if p["member_id"] in on_file],
        )
        talk = Talk(id=record_id, branch_id=writing_branch(session))
        apply_talk_draft(talk, draft)
        session.add(talk)
        session.flush()
        index_talk(session, talk.id, draft)
        return talk

    def _relink(self, session: Session, snap: dict, notes, moved, **record) -> list:
        """Link the snapshot's attachments whose files are still in the attachment folder, or
        in its trash (they are moved back); returns the record's attachments as linked."""
        store = self.attachments
        for item in snap["attachments"]:
            sha256, suffix = item["sha256"], item["suffix"]
            live = store.path_for(sha256, suffix)
            if not live.is_file():
                trash = trash_path(store, sha256, suffix)
                if not trash.is_file():
                    notes.append(f"附件「{item['file_name']}」的文件已不在附件文件夹中，未能恢复。")
                    continue
                _move(trash, live)
                moved.append((live, trash))
            attachment = session.scalar(select(Attachment).where(Attachment.sha256 == sha256))
            if attachment is None:
                attachment = Attachment(sha256=sha256, size=item["size"], suffix=suffix)
                session.add(attachment)
                session.flush()
            session.add(
                AttachmentLink(
                    branch_id=writing_branch(session),
                    attachment_id=attachment.id,
                    file_name=item["file_name"],
                    **record,
                )
            )
        session.flush()
        return store.listed(session, **record)


def _restored_changes(session: Session, kind: EntityKind) -> set[int]:
    """The deletions of ``kind`` a restore has undone."""
    rows = session.scalars(
        select(ChangeLogEntry.before_json).where(
            ChangeLogEntry.entity_kind == kind.value,
            ChangeLogEntry.action == ChangeAction.RESTORE.value,
        )
    )
    return {from_json(text)["restored_from"]["change_id"] for text in rows}


def _deleted_record(kind: EntityKind, row: ChangeLogEntry) -> DeletedRecord:
    snap = from_json(row.before_json)
    if kind == EntityKind.MEETING:
        on, kind_label, title = snap["meeting_date"], MeetingKind(snap["kind"]).label, snap["theme"]
    else:
        talkees = "、".join(p["name"] for p in snap["talkees"])
        on, kind_label = snap["talk_date"], TalkKind(snap["kind"]).label
        title = f"{snap['topic']}（谈话对象：{talkees}）" if talkees else snap["topic"]
    return DeletedRecord(
        row.id,
        kind,
        row.entity_id,
        local_time(row.changed_at),
        row.user_name,
        _date(on),
        kind_label,
        title,
    )


def _existing_members(session: Session, ids) -> set[int]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return set()
    mine = Member.branch_id == branch_of(session)  # a member now in another branch is not
    return set(session.scalars(select(Member.id).where(Member.id.in_(wanted), mine)))


def _if_on_file(member_id: int | None, on_file: set[int]) -> int | None:
    return member_id if member_id in on_file else None


def _date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _time(value: str | None) -> time | None:
    return None if value is None else time.fromisoformat(value)


def _move(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)
