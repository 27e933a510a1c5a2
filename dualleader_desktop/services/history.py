"""Writing the change log: every create, change and delete of a member, meeting, talk or setting.

The service that makes a change calls ``record_change`` with its own session, so the entry and
the change commit or roll back together. Snapshots are plain dicts (English keys, ISO dates,
enum values) of the record as the user sees it: a meeting with its agenda, attendance (with the
names) and attachments (name and SHA-256), a talk with its participants, a member with the name
of the group and the transfers. ``services/history_service.py`` reads them back. Each entry
carries the branch of the service whose session wrote it (services/scope.py; an entry about a
branch's own details, that branch), and each branch reads only its own.

The user is the operating system's login name: the program has no accounts of its own, and on a
shared office PC that is the one name that tells two secretaries apart.

The demo branch (demo/) is logged like typed records, since it is written through
the same services: 157 entries, about 270 KB, and 0.1-0.2 s on the demo's 1.4 s. Leaving it out
would take a switch through every service for no gain, and a demo meant for trying the program
out should show 修改记录 and restore deleted records as a real branch's records do.

Files of a deleted meeting or talk that no other record uses are moved to ``deleted/`` inside
the attachment folder instead of being removed, so a restore can bring them back; the folder is
never emptied by the program (an archive's files are worth more than the disk they take).
"""

from __future__ import annotations

import getpass
import json
import os
from datetime import UTC, date, datetime, time
from enum import Enum
from functools import cache
from pathlib import Path

from sqlalchemy import bindparam, func, insert, select
from sqlalchemy.orm import Session

from dualleader_desktop.domain.enums import LabeledEnum
from dualleader_desktop.domain.meeting_records import MEETING_SCALAR_FIELDS
from dualleader_desktop.domain.talk_records import TALK_SCALAR_FIELDS
from dualleader_desktop.services.member_photos import photo_hashes
from dualleader_desktop.services.scope import writing_branch
from dualleader_desktop.storage.models import (
    Branch,
    ChangeLogEntry,
    CommitteeMember,
    Member,
    MemberTransfer,
    PartyGroup,
)

UNKNOWN_USER = "未知用户"
TRASH_FOLDER = "deleted"  # inside the attachment folder: files of deleted meetings and talks


class EntityKind(LabeledEnum):
    """What a change log entry is about; the value is stored."""

    MEMBER = "member"
    MEETING = "meeting"
    TALK = "talk"
    BRANCH = "branch"
    GROUP = "group"
    COMMITTEE_SEAT = "committee_seat"
    ARCHIVE_SETTINGS = "archive_settings"
    EVALUATION = "evaluation"
    SURVEY = "survey"

    @classmethod
    def _labels(cls):
        return {
            cls.MEMBER: "党员档案",
            cls.MEETING: "会议记录",
            cls.TALK: "谈话记录",
            cls.BRANCH: "支部信息",
            cls.GROUP: "党小组",
            cls.COMMITTEE_SEAT: "支委",
            cls.ARCHIVE_SETTINGS: "归档设置",
            cls.EVALUATION: "民主评议",
            cls.SURVEY: "满意度测评",
        }


class ChangeAction(LabeledEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    RESTORE = "restore"

    @classmethod
    def _labels(cls):
        return {cls.CREATE: "新建", cls.UPDATE: "修改", cls.DELETE: "删除", cls.RESTORE: "恢复"}


def user_name() -> str:
    """The login name of whoever runs the program. ``getpass.getuser`` raises where neither
    the environment nor the password database knows one (Windows services, containers)."""
    try:
        name = getpass.getuser()
    except Exception:  # OSError, KeyError, ImportError (no pwd) depending on platform
        name = os.environ.get("USERNAME", "")
    return (name or UNKNOWN_USER)[:100]


def to_json(snapshot: dict | None) -> str | None:
    return None if snapshot is None else json.dumps(snapshot, ensure_ascii=False)


def from_json(text: str | None) -> dict | None:
    return None if text is None else json.loads(text)


def record_change(
    session: Session,
    kind: EntityKind,
    entity_id: int,
    action: ChangeAction,
    before: dict | None,
    after: dict | None,
) -> bool:
    """Add one entry to the change log in ``session``'s transaction. An update that changed
    nothing (a save without edits) is not an entry; returns whether one was written."""
    return record_changes(session, kind, [(entity_id, action, before, after)]) == 1


def record_changes(
    session: Session,
    kind: EntityKind,
    changes: list[tuple[int, ChangeAction, dict | None, dict | None]],
) -> int:
    """Several entries at once (a roster import): one executemany. Returns how many."""
    now, who = datetime.now(UTC).replace(tzinfo=None), user_name()
    rows = [
        {
            "branch_id": None,
            "changed_at": now,
            "user_name": who,
            "entity_kind": kind.value,
            "entity_id": entity_id,
            "action": action.value,
            "before_json": to_json(before),
            "after_json": to_json(after),
        }
        for entity_id, action, before, after in changes
        if not (action == ChangeAction.UPDATE and before == after)
    ]
    if rows:
        branch_id = kind_branch(session, kind, changes[0][0])
        for row in rows:
            row["branch_id"] = branch_id
        session.execute(insert(ChangeLogEntry.__table__), rows)
    return len(rows)


def kind_branch(session: Session, kind: EntityKind, entity_id: int) -> int:
    """The branch an entry belongs to: the branch itself for its own details, otherwise the
    branch of the service whose session writes it (services/scope.py)."""
    return entity_id if kind == EntityKind.BRANCH else writing_branch(session)


def next_record_id(session: Session, model, kind: EntityKind) -> int | None:
    """The id for a new meeting or talk, never one a deleted record had.

    SQLite gives a new row the highest id plus one, so a meeting added right after the newest
    was deleted took that meeting's id: its history would run into the deleted one's, and the
    deleted one could no longer be restored under its own id. None leaves the choice to the
    database (PostgreSQL's sequences never hand out an id twice)."""
    if session.get_bind().dialect.name != "sqlite":
        return None
    with session.no_autoflush:
        logged, highest = session.execute(_highest_ids(model, kind)).one()
    if logged is None:
        return None
    return logged + 1 if highest is None or logged >= highest else None


@cache
def _highest_ids(model, kind: EntityKind):
    """The highest id the change log knows for ``kind``, and the table's, in one query."""
    logged = select(func.max(ChangeLogEntry.entity_id)).where(
        ChangeLogEntry.entity_kind == kind.value
    )
    return select(logged.scalar_subquery(), select(func.max(model.id)).scalar_subquery())


# ---- snapshots ---------------------------------------------------------------------------
def plain(value):
    """A column value as JSON holds it: enums by value, dates and times in ISO form."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date | time | datetime):
        return value.isoformat()
    return value


def names_of(session: Session, member_ids) -> dict[int, str]:
    ids = list(dict.fromkeys(member_ids))
    if not ids:
        return {}
    # names do not depend on the record's unsaved changes: no flush (the commit does it)
    with session.no_autoflush:
        return dict(session.execute(_NAMES, {"ids": ids}).all())


# built once: constructing the IN (...) of a meeting's 40 members took longer than running it
_NAMES = select(Member.id, Member.name).where(Member.id.in_(bindparam("ids", expanding=True)))


MEMBER_FIELDS = (
    "name",
    "gender",
    "ethnicity",
    "birth_date",
    "native_place",
    "id_number",
    "education",
    "degree",
    "title",
    "post",
    "department",
    "phone",
    "party_group_id",
    "joined_date",
    "joined_date_month_only",
    "full_member_date",
    "full_member_date_month_only",
    "category",
    "status",
    "status_date",
    "status_note",
    "remarks",
)
_CHUNK = 500


def member_snapshots(session: Session, member_ids: list[int]) -> dict[int, dict]:
    """Members' files by id (without the photo), with their group's name and transfers."""
    snapshots: dict[int, dict] = {}
    ids = list(dict.fromkeys(member_ids))
    columns = [getattr(Member, name) for name in MEMBER_FIELDS]
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        rows = session.execute(
            select(Member.id, *columns, func.coalesce(PartyGroup.name, ""))
            .outerjoin(PartyGroup, PartyGroup.id == Member.party_group_id)
            .where(Member.id.in_(chunk))
        )
        for member_id, *values, group_name in rows:
            snapshot = {name: plain(v) for name, v in zip(MEMBER_FIELDS, values, strict=True)}
            snapshot["party_group_name"] = group_name
            snapshot["transfers"] = []
            snapshot["photo"] = ""
            snapshots[member_id] = snapshot
        for member_id, sha256 in photo_hashes(session, chunk).items():
            snapshots[member_id]["photo"] = sha256
        transfers = session.execute(
            select(MemberTransfer)
            .where(MemberTransfer.member_id.in_(chunk))
            .order_by(MemberTransfer.transfer_date, MemberTransfer.id)
        ).scalars()
        for t in transfers:
            snapshots[t.member_id]["transfers"].append(
                {
                    "direction": t.direction.value,
                    "date": t.transfer_date.isoformat(),
                    "other_org": t.other_org,
                    "note": t.note,
                }
            )
    return snapshots


def member_snapshot(session: Session, member_id: int) -> dict:
    return member_snapshots(session, [member_id])[member_id]


def attachment_snapshot(infos) -> list[dict]:
    """A record's attachments (AttachmentInfo) by name and content hash."""
    return [
        {
            "file_name": info.file_name,
            "sha256": info.sha256,
            "suffix": info.path.name[len(info.sha256) :],
            "size": info.size,
        }
        for info in infos
    ]


def meeting_snapshot(session: Session, meeting, attachments) -> dict:
    """A meeting (a ``Meeting`` row) with its agenda, attendance and ``attachments``."""
    snapshot = {name: plain(getattr(meeting, name)) for name in MEETING_SCALAR_FIELDS}
    group = meeting.party_group_id
    group_name = None
    if group is not None:
        group_name = session.scalar(select(PartyGroup.name).where(PartyGroup.id == group))
    snapshot["party_group_name"] = group_name or ""
    snapshot["tags"] = [tag for tag in meeting.tags.split(",") if tag]
    snapshot["agenda"] = [
        {
            "title": item.title,
            "has_vote": item.has_vote,
            "vote_kind": plain(item.vote_kind),
            "votes_for": item.votes_for,
            "votes_against": item.votes_against,
            "votes_abstain": item.votes_abstain,
        }
        for item in sorted(meeting.agenda, key=lambda item: item.position)
    ]
    names = names_of(session, [line.member_id for line in meeting.attendance])
    snapshot["attendance"] = sorted(
        (
            {
                "member_id": line.member_id,
                "name": names.get(line.member_id, ""),
                "status": plain(line.status),
                "has_vote": line.has_vote,
                "reason": line.reason,
            }
            for line in meeting.attendance
        ),
        key=lambda line: (line["name"], line["member_id"]),
    )
    snapshot["attachments"] = attachment_snapshot(attachments)
    return snapshot


def talk_snapshot(session: Session, talk, attachments) -> dict:
    """A talk (a ``Talk`` row) with who talked with whom and its ``attachments``."""
    snapshot = {name: plain(getattr(talk, name)) for name in TALK_SCALAR_FIELDS}
    names = names_of(session, [p.member_id for p in talk.participants])
    for key, role in (("talkers", "talker"), ("talkees", "talkee")):
        snapshot[key] = [
            {"member_id": p.member_id, "name": names.get(p.member_id, "")}
            for p in talk.participants
            if plain(p.role) == role
        ]
    snapshot["attachments"] = attachment_snapshot(attachments)
    return snapshot


def branch_snapshot(branch: Branch) -> dict:
    return {
        "name": branch.name,
        "parent_org": branch.parent_org,
        "founded_on": plain(branch.founded_on),
        "studio_name": branch.studio_name,
    }


def group_snapshot(session: Session, group: PartyGroup) -> dict:
    return {
        "name": group.name,
        "leader_id": group.leader_id,
        "leader_name": names_of(session, [group.leader_id]).get(group.leader_id, "")
        if group.leader_id is not None
        else "",
    }


def seat_snapshot(session: Session, seat: CommitteeMember) -> dict:
    return {
        "member_id": seat.member_id,
        "member_name": names_of(session, [seat.member_id]).get(seat.member_id, ""),
        "role": plain(seat.role),
        "role_title": seat.role_title,
        "term_start": plain(seat.term_start),
        "term_end": plain(seat.term_end),
    }


def archive_settings_snapshot(row) -> dict:
    return {
        "fonds": row.fonds,
        "fonds_name": row.fonds_name,
        "organization_code": row.organization_code,
        "retention_overrides": dict(sorted((row.retention_overrides or {}).items())),
        "layout_template_name": row.layout_template_name or "",
    }


# ---- files of deleted records ------------------------------------------------------------
def trash_path(store, sha256: str, suffix: str) -> Path:
    """Where a deleted record's file waits in case the record is restored."""
    return store.root / TRASH_FOLDER / sha256[:2] / f"{sha256}{suffix}"


def move_to_trash(store, paths: list[Path]) -> None:
    """Called after the deletion committed, with the files no record uses any more."""
    for path in paths:
        if not path.is_file():
            continue
        target = store.root / TRASH_FOLDER / path.parent.name / path.name
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
        except OSError:
            pass  # left where it was: a restore finds it there too


# ---- many at once (a roster import) ------------------------------------------------------
def log_members(
    session: Session,
    action: ChangeAction,
    member_ids: list[int],
    before: dict[int, dict] | None = None,
) -> None:
    """Entries for members written in bulk, each member as it is now being the after;
    ``before`` holds the updated ones as they were (``member_snapshots`` before the write)."""
    after = member_snapshots(session, member_ids)
    before = before or {}
    record_changes(
        session,
        EntityKind.MEMBER,
        [(member_id, action, before.get(member_id), after[member_id]) for member_id in after],
    )


def log_new_groups(session: Session, group_ids: dict[str, int], created: list[str]) -> None:
    """Entries for the Party groups a roster import created (by name, without a leader)."""
    record_changes(
        session,
        EntityKind.GROUP,
        [
            (
                group_ids[name],
                ChangeAction.CREATE,
                None,
                {"name": name, "leader_id": None, "leader_name": ""},
            )
            for name in created
        ],
    )
