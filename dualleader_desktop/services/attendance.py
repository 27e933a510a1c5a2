"""Who should attend a meeting, read from the roster as it stood on the meeting's date."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dualleader_desktop.domain.enums import MemberCategory, MemberStatus, TransferDirection
from dualleader_desktop.domain.meetings import AttendanceLine, AttendanceStatus, MeetingKind
from dualleader_desktop.domain.validators import PROBATION_YEARS, add_years
from dualleader_desktop.services.scope import branch_of
from dualleader_desktop.storage.models import CommitteeMember, Member, MemberTransfer


def expected_attendance(
    session: Session, kind: MeetingKind, on: date, party_group_id: int | None = None
) -> list[AttendanceLine]:
    """Members expected at a meeting of ``kind`` on ``on``, all marked present to begin with.

    党小组会: the group's members; 支委会: the committee whose term covers the day; otherwise
    every member on the roll that day. A member is on the roll from joining (or from the first
    transfer in) until the date of leaving. Probationary members on that day have no vote.
    """
    if kind == MeetingKind.GROUP and party_group_id is None:
        return []  # a group meeting's list waits for its group
    query = roll_query(branch_of(session)).order_by(Member.name, Member.id)
    if kind == MeetingKind.GROUP:
        query = query.where(Member.party_group_id == party_group_id)
    elif kind == MeetingKind.COMMITTEE:
        seated = select(CommitteeMember.member_id).where(
            CommitteeMember.branch_id == branch_of(session),
            CommitteeMember.term_start <= on,
            CommitteeMember.term_end >= on,
        )
        query = query.where(Member.id.in_(seated))
    lines = []
    for member, since in session.execute(query):
        if not on_roll(member, since, on):
            continue
        lines.append(
            AttendanceLine(
                member.id, member.name, AttendanceStatus.PRESENT, has_vote_on(member, on)
            )
        )
    return lines


def roll_on(session: Session, on: date) -> list[AttendanceLine]:
    """Every member on the roll on ``on``, with their vote that day: whom a 支部党员大会 would
    expect (rosters of a day and the year's talk coverage read the roll so)."""
    return expected_attendance(session, MeetingKind.BRANCH_ASSEMBLY, on)


def roll_query(branch_id: int | None):
    """The branch's members with the date of their first transfer in (None when they joined
    here), the two things ``on_roll`` needs."""
    transfer_in = (
        select(MemberTransfer.member_id, func.min(MemberTransfer.transfer_date).label("since"))
        .where(MemberTransfer.direction == TransferDirection.IN)
        .group_by(MemberTransfer.member_id)
        .subquery()
    )
    return (
        select(Member, transfer_in.c.since)
        .outerjoin(transfer_in, transfer_in.c.member_id == Member.id)
        .where(Member.branch_id == branch_id)
    )


def on_roll(member: Member, transferred_in: date | None, on: date) -> bool:
    """Whether the member belonged to the branch on ``on``. A member admitted at a branch
    meeting joins that day, once the vote is taken: at that meeting they are not yet one."""
    if on <= member.joined_date or (transferred_in is not None and on < transferred_in):
        return False
    if member.status != MemberStatus.ACTIVE and member.status_date is not None:
        return on < member.status_date
    return True


def has_vote_on(member: Member, on: date) -> bool:
    """A member votes once a full member: category 正式 and 转正 on or before ``on``. Where the
    转正 date was never entered (old rosters), the year of probation after joining stands in."""
    if member.category == MemberCategory.PROBATIONARY:
        return False
    full = member.full_member_date or add_years(member.joined_date, PROBATION_YEARS)
    return full <= on
