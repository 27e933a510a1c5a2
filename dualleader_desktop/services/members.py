"""Member files: add, edit, change status (never a hard delete), list, filter and search."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from dualleader_desktop.domain.enums import MemberCategory, MemberStatus, TransferDirection
from dualleader_desktop.domain.member_records import (
    DRAFT_FIELDS,
    MONTH_ONLY_COLUMNS,
    MemberRecord,
    TransferRecord,
)
from dualleader_desktop.domain.member_search import SEARCHED_FIELDS, search_needle
from dualleader_desktop.domain.text import strip_control_chars
from dualleader_desktop.domain.validators import (
    MemberDraft,
    TransferInDraft,
    validate_member,
    validate_transfer_in,
)
from dualleader_desktop.services.attachments import AttachmentStore, delete_files
from dualleader_desktop.services.attendance import roll_on
from dualleader_desktop.services.errors import (
    NotFoundError,
    RecordValidationError,
    StaleRecordError,
)
from dualleader_desktop.services.history import (
    ChangeAction,
    EntityKind,
    member_snapshot,
    record_change,
)
from dualleader_desktop.services.member_photos import RemovePhoto, read_photo, replace_photo
from dualleader_desktop.services.scope import BranchScoped, branch_of, owned, writing_branch
from dualleader_desktop.storage.models import Member, MemberTransfer, PartyGroup


def member_values(draft: MemberDraft) -> dict[str, object]:
    """A validated draft as Member's column values, month-only marks included."""
    values = {name: getattr(draft, name) for name in DRAFT_FIELDS}
    values.update({column: key in draft.month_only for key, column in MONTH_ONLY_COLUMNS.items()})
    return values


def _record_query():
    """Columns in MemberRecord's field order, so a row builds a record positionally (fast:
    the roster of 10 000 members is read at start-up)."""
    columns = [
        func.coalesce(PartyGroup.name, "").label(f.name)
        if f.name == "party_group_name"
        else getattr(Member, f.name)
        for f in fields(MemberRecord)
    ]
    return select(*columns).outerjoin(PartyGroup, Member.party_group_id == PartyGroup.id)


def _to_record(row) -> MemberRecord:
    return MemberRecord.from_row(row)


class MemberService(BranchScoped):
    def __init__(self, db, branch_id: int | None = None) -> None:
        super().__init__(db, branch_id)
        self.store = AttachmentStore(db.attachments_root)

    # ---- reading -------------------------------------------------------------------------
    def list_members(
        self,
        *,
        status: MemberStatus | None = None,
        party_group_id: int | None = None,
        category: MemberCategory | None = None,
    ) -> list[MemberRecord]:
        """Members ordered by Party group and name; every argument narrows the list in SQL.
        A search text is matched by the roster model (domain/member_search.py)."""
        query = _record_query().where(Member.branch_id == self.branch_id)
        if status is not None:
            query = query.where(Member.status == status)
        if party_group_id is not None:
            query = query.where(Member.party_group_id == party_group_id)
        if category is not None:
            query = query.where(Member.category == category)
        query = query.order_by(PartyGroup.sort_order, PartyGroup.name, Member.name, Member.id)
        # a Core connection, not a Session: half the cost on the 10 000-row roster
        with self.db.connect() as conn:
            return [_to_record(row) for row in conn.execute(query)]

    def on_roll(self, on: date) -> list[MemberRecord]:
        """The members who belonged to the branch on ``on``, as a roster of that day lists
        them: whoever joined later or had left is not on it, and a member still on
        probation then is 预备党员 there."""
        with self.session() as session:
            lines = roll_on(session, on)
        full = {line.member_id: line.has_vote for line in lines}
        return [
            replace(m, category=MemberCategory.FULL if full[m.id] else MemberCategory.PROBATIONARY)
            for m in self.list_members()
            if m.id in full
        ]

    def get(self, member_id: int) -> MemberRecord:
        with self.session() as session:
            query = _record_query().where(
                Member.id == member_id, Member.branch_id == branch_of(session)
            )
            row = session.execute(query).first()
        if row is None:
            raise NotFoundError(f"找不到编号为 {member_id} 的党员")
        return _to_record(row)

    def transfers(self, member_id: int) -> list[TransferRecord]:
        with self.session() as session:
            rows = session.scalars(
                select(MemberTransfer)
                .join(Member, Member.id == MemberTransfer.member_id)
                .where(
                    MemberTransfer.member_id == member_id, Member.branch_id == branch_of(session)
                )
                .order_by(MemberTransfer.transfer_date)
            )
            return [
                TransferRecord(t.id, t.member_id, t.direction, t.transfer_date, t.other_org, t.note)
                for t in rows
            ]

    # ---- writing -------------------------------------------------------------------------
    def add(
        self,
        draft: MemberDraft,
        *,
        today: date | None = None,
        transfer_in: TransferInDraft | None = None,
        photo: Path | None = None,
    ) -> MemberRecord:
        """Validate and add a member; raises RecordValidationError with every bad field.
        ``photo``: an image file for the member's photo (member_photos.py).

        ``transfer_in``: the member comes from another organization (组织关系转入); the file
        and its transfer record are written together, and the roll counts the member from the
        transfer day (services/attendance.py ``on_roll``)."""
        with self.session() as session:
            self._validate(session, draft, today, member_id=None, transfer_in=transfer_in)
            member = Member(**member_values(draft), branch_id=writing_branch(session))
            session.add(member)
            session.flush()
            member_id = member.id
            if transfer_in is not None:
                session.add(_transfer_in_row(member_id, transfer_in))
                session.flush()
            removed = [] if photo is None else replace_photo(session, self.store, member_id, photo)
            _index(session, member_id)
            _log(session, member_id, ChangeAction.CREATE, None)
        delete_files(removed)
        return self.get(member_id)

    def update(
        self,
        member_id: int,
        draft: MemberDraft,
        *,
        expected_version: int,
        today: date | None = None,
        photo: Path | RemovePhoto | None = None,
    ) -> MemberRecord:
        """Save an edit made on the record read at ``expected_version``; ``photo``: a new
        photo's image file, REMOVE_PHOTO, or None to keep the photo as it is.

        Raises StaleRecordError when someone saved the record in between, so a second window
        never silently overwrites the first one's work.
        """
        with self.session() as session:
            member = self._load(session, member_id)
            if member.version != expected_version:
                raise StaleRecordError()
            self._validate(session, draft, today, member_id=member_id)
            before = member_snapshot(session, member_id)
            for name, value in member_values(draft).items():
                setattr(member, name, value)
            removed = []
            if photo is not None:
                removed = replace_photo(session, self.store, member_id, photo)
                member.updated_at = func.current_timestamp()  # a new version for the photo too
            try:
                session.flush()
            except StaleDataError:
                raise StaleRecordError() from None
            _index(session, member_id)
            _log(session, member_id, ChangeAction.UPDATE, before)
        delete_files(removed)
        return self.get(member_id)

    def photo(self, member_id: int) -> bytes | None:
        """The member's photo (JPEG bytes) for the 党员信息采集表 and the dialog; None
        without one."""
        with self.session() as session:
            self._load(session, member_id)
            return read_photo(session, self.store, member_id)

    def change_status(
        self,
        member_id: int,
        status: MemberStatus,
        on_date: date,
        *,
        note: str = "",
        other_org: str = "",
        today: date | None = None,
    ) -> MemberRecord:
        """Record that a member left (转出/停止党籍/出党/去世) or is back on the roll (在册).

        A transfer out also writes a transfer record naming the receiving organization.
        Nothing is deleted, so meeting records keep the member's name.
        """
        today = today or date.today()
        note, other_org = strip_control_chars(note), strip_control_chars(other_org)
        if on_date > today:
            raise RecordValidationError({"status_date": "日期不能晚于今天"})
        if status == MemberStatus.TRANSFERRED_OUT and not other_org.strip():
            raise RecordValidationError({"other_org": "请填写转往的党组织"})
        with self.session() as session:
            member = self._load(session, member_id)
            if status != MemberStatus.ACTIVE and on_date < member.joined_date:
                raise RecordValidationError({"status_date": "日期不能早于入党时间"})
            before = member_snapshot(session, member_id)
            member.status = status
            member.status_date = on_date
            member.status_note = note.strip()
            if status == MemberStatus.TRANSFERRED_OUT:
                session.add(
                    MemberTransfer(
                        member_id=member_id,
                        direction=TransferDirection.OUT,
                        transfer_date=on_date,
                        other_org=other_org.strip(),
                        note=note.strip(),
                    )
                )
            session.flush()
            _log(session, member_id, ChangeAction.UPDATE, before)
        return self.get(member_id)

    def record_transfer_in(
        self,
        member_id: int,
        on_date: date | None,
        other_org: str,
        note: str = "",
        *,
        today: date | None = None,
    ) -> TransferRecord:
        """Record that a member on the roll came from another organization (组织关系转入) on
        ``on_date``: the roll counts them from that day, not from joining the Party.

        A member who has left is brought back with 恢复在册 instead: the roll keeps one
        period per member (services/attendance.py ``on_roll``), so a transfer in after a
        transfer out would drop the years before it."""
        transfer = TransferInDraft(on_date, other_org, note)
        with self.session() as session:
            member = self._load(session, member_id)
            if member.status != MemberStatus.ACTIVE:
                raise RecordValidationError(
                    {
                        "status": f"该党员当前状态为“{member.status.label}”，不在册；"
                        "重新转入本支部的，请选择“恢复在册”"
                    }
                )
            errors = validate_transfer_in(transfer, member.joined_date, today)
            if errors:
                raise RecordValidationError(errors)
            before = member_snapshot(session, member_id)
            row = _transfer_in_row(member_id, transfer)
            session.add(row)
            session.flush()
            transfer_id = row.id
            _log(session, member_id, ChangeAction.UPDATE, before)
        return next(t for t in self.transfers(member_id) if t.id == transfer_id)

    # ---- helpers -------------------------------------------------------------------------
    @staticmethod
    def _load(session: Session, member_id: int) -> Member:
        member = owned(session, Member, member_id)
        if member is None:
            raise NotFoundError(f"找不到编号为 {member_id} 的党员，可能已被其他程序修改")
        return member

    @staticmethod
    def _validate(
        session: Session,
        draft: MemberDraft,
        today: date | None,
        member_id: int | None,
        transfer_in: TransferInDraft | None = None,
    ) -> None:
        errors = validate_member(draft, today)
        if transfer_in is not None:
            joined = None if "joined_date" in errors else draft.joined_date
            errors.update(validate_transfer_in(transfer_in, joined, today))
        if "id_number" not in errors:
            owner = session.execute(
                select(Member.id, Member.name, Member.branch_id).where(
                    Member.id_number == draft.id_number
                )
            ).first()
            # unique in the whole database: a person is a member of one branch at a time
            if owner is not None and owner.id != member_id:
                errors["id_number"] = (
                    f"该身份证号已登记在党员「{owner.name}」名下"
                    if owner.branch_id == branch_of(session)
                    else "该身份证号已登记在本数据库另一个支部的党员档案中（党员须先转出）"
                )
        if (
            draft.party_group_id is not None
            and owned(session, PartyGroup, draft.party_group_id) is None
        ):
            errors["party_group_id"] = "所选党小组已不存在，请重新选择"
        if errors:
            raise RecordValidationError(errors)


def _transfer_in_row(member_id: int, transfer: TransferInDraft) -> MemberTransfer:
    """The row of a validated transfer in (validate_transfer_in)."""
    return MemberTransfer(
        member_id=member_id,
        direction=TransferDirection.IN,
        transfer_date=transfer.transfer_date,
        other_org=transfer.other_org,
        note=transfer.note,
    )


def _log(session: Session, member_id: int, action: ChangeAction, before: dict | None) -> None:
    """The change log entry of a member's file, the file as it is now being the after."""
    after = member_snapshot(session, member_id)
    record_change(session, EntityKind.MEMBER, member_id, action, before, after)


def _index(session: Session, member_id: int) -> None:
    # imported here: the search models are not needed to read the roster at start-up
    from dualleader_desktop.services.search import index_members

    index_members(session, [member_id])


def search_condition(text: str):
    """The members a search for ``text`` finds (domain/member_search.py), as an SQL condition
    for the global search: its needle in any of the searched fields.

    ``ilike`` is lower() LIKE lower() on SQLite, which folds ASCII letters only, as the rule
    does; PostgreSQL's ILIKE folds other letters too (É and é), which members' fields hardly
    hold.
    """
    pattern = f"%{escape_like(search_needle(text))}%"
    return or_(*(getattr(Member, name).ilike(pattern, escape="\\") for name in SEARCHED_FIELDS))


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
