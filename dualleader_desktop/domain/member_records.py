"""A member's file as lists, dialogs and documents/ see it: plain objects the members service
returns (no photo, no session, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from dualleader_desktop.domain.enums import Gender, MemberCategory, MemberStatus, TransferDirection
from dualleader_desktop.domain.validators import MemberDraft

# the draft's fields a MemberRecord (and the members table) holds too; ``month_only`` is held as
# the marks below
DRAFT_FIELDS = tuple(f.name for f in fields(MemberDraft) if f.name != "month_only")
# the dates whose month-only mark is a field (and column) of its own (a birth date always has the
# ID number's day)
MONTH_ONLY_COLUMNS = {
    "joined_date": "joined_date_month_only",
    "full_member_date": "full_member_date_month_only",
}


@dataclass(frozen=True)
class MemberRecord:
    """A member's file as the UI and exporters see it (no photo, no session)."""

    id: int
    name: str
    gender: Gender
    ethnicity: str
    birth_date: date
    native_place: str
    id_number: str
    education: str
    degree: str
    title: str
    post: str
    department: str
    phone: str
    party_group_id: int | None
    party_group_name: str
    joined_date: date
    full_member_date: date | None
    joined_date_month_only: bool
    full_member_date_month_only: bool
    category: MemberCategory
    status: MemberStatus
    status_date: date | None
    status_note: str
    remarks: str
    version: int

    @classmethod
    def from_row(cls, values) -> MemberRecord:
        """The record of a row holding the fields' values in their order, as read. Why not
        ``MemberRecord(*values)``: a frozen dataclass's ``__init__`` sets each of the 25 fields
        through ``object.__setattr__``, which is half the time of reading a roster of 10 000
        members at start-up; the values go into the instance's dict at once instead."""
        record = object.__new__(cls)
        record.__dict__.update(zip(_FIELD_NAMES, values, strict=True))
        return record

    @property
    def month_only(self) -> frozenset[str]:
        """The date fields known only to the month, as in MemberDraft."""
        return frozenset(key for key, column in MONTH_ONLY_COLUMNS.items() if getattr(self, column))

    def to_draft(self) -> MemberDraft:
        values = {name: getattr(self, name) for name in DRAFT_FIELDS}
        return MemberDraft(**values, month_only=self.month_only)


_FIELD_NAMES = tuple(f.name for f in fields(MemberRecord))


@dataclass(frozen=True)
class TransferRecord:
    id: int
    member_id: int
    direction: TransferDirection
    transfer_date: date
    other_org: str
    note: str
