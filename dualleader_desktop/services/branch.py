"""The branch itself: its details, Party groups and committee, and the warnings about them."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy import func, select

from dualleader_desktop.domain.enums import CommitteeRole, MemberCategory, MemberStatus
from dualleader_desktop.domain.text import strip_control_chars
from dualleader_desktop.services.errors import NotFoundError, RecordValidationError, ServiceError
from dualleader_desktop.services.history import (
    ChangeAction,
    EntityKind,
    branch_snapshot,
    group_snapshot,
    record_change,
    seat_snapshot,
)
from dualleader_desktop.services.scope import (
    BRANCH_KEY,
    BranchScoped,
    branch_of,
    owned,
    writing_branch,
)
from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.models import Branch, CommitteeMember, Member, PartyGroup

TERM_WARNING_DAYS = 90
MAX_MEMBERS = 50
COMMITTEE_THRESHOLD = 7  # full members from which a branch elects a committee
COMMITTEE_MIN, COMMITTEE_MAX = 3, 7


@dataclass(frozen=True)
class BranchInfo:
    name: str
    parent_org: str = ""
    founded_on: date | None = None
    studio_name: str = ""


@dataclass(frozen=True)
class BranchEntry:
    """A branch as the branch switcher lists it."""

    id: int
    name: str


def list_branches(db: Database) -> list[BranchEntry]:
    """Every branch of the database, oldest first (one in a secretary's database)."""
    with db.connect() as conn:
        rows = conn.execute(select(Branch.id, Branch.name).order_by(Branch.id))
        return [BranchEntry(branch_id, name) for branch_id, name in rows]


def _refuse_a_second_name(session, name: str, branch_id: int | None) -> None:
    """Branches of one database have different names: commands choose one by name
    (``--branch``), and the switcher shows only names."""
    same = select(Branch.id).where(Branch.name == name)
    if branch_id is not None:
        same = same.where(Branch.id != branch_id)
    if session.scalars(same).first() is not None:
        raise RecordValidationError({"name": f"数据库中已有名为“{name}”的支部，请换一个名称"})


@dataclass(frozen=True)
class GroupRecord:
    id: int
    name: str
    leader_id: int | None
    leader_name: str
    member_count: int


@dataclass(frozen=True)
class CommitteeSeat:
    id: int
    member_id: int
    member_name: str
    role: CommitteeRole
    role_title: str
    term_start: date
    term_end: date

    @property
    def role_label(self) -> str:
        return self.role_title or self.role.label


def committee_seats(session, on: date | None = None) -> list[CommitteeSeat]:
    """The committee of the session's branch: all seats, or with ``on`` those whose term
    covers that day; 书记 first. Read by the branch page and by the talks' coverage."""
    query = (
        select(CommitteeMember, Member.name)
        .join(Member)
        .where(CommitteeMember.branch_id == branch_of(session))
    )
    if on is not None:
        query = query.where(CommitteeMember.term_start <= on, CommitteeMember.term_end >= on)
    seats = [
        CommitteeSeat(c.id, c.member_id, name, c.role, c.role_title, c.term_start, c.term_end)
        for c, name in session.execute(query)
    ]
    role_order = list(CommitteeRole)
    return sorted(seats, key=lambda s: (-s.term_end.toordinal(), role_order.index(s.role)))


class BranchService(BranchScoped):
    # ---- branch details ------------------------------------------------------------------
    def get_branch(self) -> BranchInfo | None:
        """The details of the service's branch; None until they were first saved (no branch
        yet, or only the unnamed one a first record made: services/scope.py)."""
        with self.session() as session:
            branch = session.get(Branch, branch_of(session)) if branch_of(session) else None
            if branch is None or not branch.name:
                return None
            return BranchInfo(branch.name, branch.parent_org, branch.founded_on, branch.studio_name)

    def save_branch(self, info: BranchInfo, *, today: date | None = None) -> BranchInfo:
        """Save the service's branch; the first save of a database without one makes it."""
        self._save(info, today, new=False)
        return self.get_branch()

    def create_branch(self, info: BranchInfo, *, today: date | None = None) -> int:
        """Add another branch to the database (an organization department's); returns its id.
        The new branch is worked on through services built with that id."""
        return self._save(info, today, new=True)

    def _save(self, info: BranchInfo, today: date | None, *, new: bool) -> int:
        info = replace(
            info,
            name=strip_control_chars(info.name),
            parent_org=strip_control_chars(info.parent_org),
            studio_name=strip_control_chars(info.studio_name),
        )
        errors = {}
        if not info.name.strip():
            errors["name"] = "请填写支部名称"
        if info.founded_on and info.founded_on > (today or date.today()):
            errors["founded_on"] = "成立日期不能晚于今天"
        if errors:
            raise RecordValidationError(errors)
        with self.session() as session:
            branch = (
                None
                if new or branch_of(session) is None
                else session.get(Branch, branch_of(session))
            )
            before = None if branch is None else branch_snapshot(branch)
            _refuse_a_second_name(session, info.name.strip(), None if branch is None else branch.id)
            if branch is None:
                branch = Branch()
                session.add(branch)
            branch.name = info.name.strip()
            branch.parent_org = info.parent_org.strip()
            branch.founded_on = info.founded_on
            branch.studio_name = info.studio_name.strip()
            session.flush()
            action = ChangeAction.CREATE if before is None else ChangeAction.UPDATE
            record_change(
                session, EntityKind.BRANCH, branch.id, action, before, branch_snapshot(branch)
            )
            if not new:
                session.info[BRANCH_KEY] = branch.id  # the database's first: this service's
            return branch.id

    # ---- Party groups --------------------------------------------------------------------
    def list_groups(self) -> list[GroupRecord]:
        leader = select(Member.name).where(Member.id == PartyGroup.leader_id).scalar_subquery()
        count = (
            select(func.count(Member.id))
            .where(Member.party_group_id == PartyGroup.id, Member.status == MemberStatus.ACTIVE)
            .scalar_subquery()
        )
        query = (
            select(PartyGroup.id, PartyGroup.name, PartyGroup.leader_id, leader, count)
            .where(PartyGroup.branch_id == self.branch_id)
            .order_by(PartyGroup.sort_order, PartyGroup.name)
        )
        with self.session() as session:
            return [
                GroupRecord(gid, name, leader_id, leader_name or "", n)
                for gid, name, leader_id, leader_name, n in session.execute(query)
            ]

    def save_group(self, name: str, leader_id: int | None, group_id: int | None = None) -> int:
        """Add a group (``group_id`` None) or rename it / change its leader; returns its id."""
        name = strip_control_chars(name).strip()
        if not name:
            raise RecordValidationError({"name": "请填写党小组名称"})
        with self.session() as session:
            clash = session.scalar(
                select(PartyGroup.id).where(
                    PartyGroup.branch_id == branch_of(session),
                    PartyGroup.name == name,
                    PartyGroup.id != group_id,
                )
            )
            if clash is not None:
                raise RecordValidationError({"name": f"已有名为「{name}」的党小组"})
            if leader_id is not None and owned(session, Member, leader_id) is None:
                raise RecordValidationError({"leader_id": "所选组长不存在"})
            before = None
            if group_id is None:
                branch_id = writing_branch(session)
                order = session.scalar(
                    select(func.coalesce(func.max(PartyGroup.sort_order), 0)).where(
                        PartyGroup.branch_id == branch_id
                    )
                )
                group = PartyGroup(branch_id=branch_id, name=name, sort_order=order + 1)
                session.add(group)
            else:
                group = owned(session, PartyGroup, group_id)
                if group is None:
                    raise NotFoundError("该党小组已不存在")
                before = group_snapshot(session, group)
                group.name = name
            group.leader_id = leader_id
            session.flush()
            action = ChangeAction.CREATE if before is None else ChangeAction.UPDATE
            after = group_snapshot(session, group)
            record_change(session, EntityKind.GROUP, group.id, action, before, after)
            return group.id

    def delete_group(self, group_id: int) -> None:
        """Remove a group that no member belongs to any more (its history lives in members)."""
        with self.session() as session:
            group = owned(session, PartyGroup, group_id)
            if group is None:
                return
            counts = dict(
                session.execute(
                    select(Member.status, func.count(Member.id))
                    .where(Member.party_group_id == group_id)
                    .group_by(Member.status)
                ).all()
            )
            active = counts.pop(MemberStatus.ACTIVE, 0)
            others = sum(counts.values())
            if active:
                raise ServiceError(
                    f"「{group.name}」还有 {active} 名在册党员，请先把他们调到其他党小组再删除。"
                )
            if others:
                raise ServiceError(
                    f"「{group.name}」仍记有 {others} 名已转出、停止党籍或去世党员的档案，"
                    "为保留他们当年所在的党小组，该党小组不能删除。"
                )
            before = group_snapshot(session, group)
            session.delete(group)
            record_change(session, EntityKind.GROUP, group_id, ChangeAction.DELETE, before, None)

    # ---- committee -----------------------------------------------------------------------
    def list_committee(self, *, on: date | None = None) -> list[CommitteeSeat]:
        """All seats, or with ``on`` only those whose term covers that day; 书记 first."""
        with self.session() as session:
            return committee_seats(session, on)

    def save_seat(
        self,
        member_id: int,
        role: CommitteeRole,
        term_start: date,
        term_end: date,
        *,
        role_title: str = "",
        seat_id: int | None = None,
    ) -> int:
        errors = {}
        if term_end <= term_start:
            errors["term_end"] = "任期结束日期应晚于开始日期"
        if errors:
            raise RecordValidationError(errors)
        with self.session() as session:
            member = owned(session, Member, member_id)
            if member is None:
                raise RecordValidationError({"member_id": "请选择委员"})
            if member.category != MemberCategory.FULL:
                raise RecordValidationError({"member_id": "支委应由正式党员担任"})
            seat = (
                CommitteeMember(branch_id=writing_branch(session))
                if seat_id is None
                else owned(session, CommitteeMember, seat_id)
            )
            if seat is None:
                raise NotFoundError("该委员记录已不存在")
            before = None if seat_id is None else seat_snapshot(session, seat)
            seat.member_id = member_id
            seat.role = role
            seat.role_title = strip_control_chars(role_title).strip()
            seat.term_start = term_start
            seat.term_end = term_end
            session.add(seat)
            session.flush()
            action = ChangeAction.CREATE if before is None else ChangeAction.UPDATE
            after = seat_snapshot(session, seat)
            record_change(session, EntityKind.COMMITTEE_SEAT, seat.id, action, before, after)
            return seat.id

    def remove_seat(self, seat_id: int) -> None:
        with self.session() as session:
            seat = owned(session, CommitteeMember, seat_id)
            if seat is not None:
                before = seat_snapshot(session, seat)
                session.delete(seat)
                record_change(
                    session, EntityKind.COMMITTEE_SEAT, seat_id, ChangeAction.DELETE, before, None
                )

    # ---- warnings ------------------------------------------------------------------------
    def warnings(self, *, today: date | None = None) -> list[str]:
        """What DOMAIN.md asks the secretary to watch: term ends, committee size, branch size."""
        today = today or date.today()
        notes: list[str] = []
        current = self.list_committee(on=today)
        with self.session() as session:
            mine = Member.branch_id == branch_of(session)
            active = session.scalar(
                select(func.count(Member.id)).where(mine, Member.status == MemberStatus.ACTIVE)
            )
            full = session.scalar(
                select(func.count(Member.id)).where(
                    mine,
                    Member.status == MemberStatus.ACTIVE,
                    Member.category == MemberCategory.FULL,
                )
            )
        if current:
            term_end = min(seat.term_end for seat in current)
            if term_end - today <= timedelta(days=TERM_WARNING_DAYS):
                notes.append(
                    f"本届支委会任期将于 {term_end:%Y年%m月%d日} 届满（还有 {(term_end - today).days} 天），请及早准备换届。"
                )
            secretaries = [s.member_name for s in current if s.role == CommitteeRole.SECRETARY]
            if len(secretaries) > 1:
                notes.append(
                    f"现任书记有 {len(secretaries)} 人（{'、'.join(secretaries)}），"
                    "请核对任期：前任的任期结束日应早于新任的开始日。"
                )
            if not COMMITTEE_MIN <= len(current) <= COMMITTEE_MAX:
                notes.append(
                    f"现任支委 {len(current)} 人；支委会一般由 3 至 5 人组成，最多不超过 7 人。"
                )
        elif full >= COMMITTEE_THRESHOLD:
            notes.append(
                f"支部有正式党员 {full} 名（7 名以上），应设立支部委员会，请在下方登记支委。"
            )
        if active > MAX_MEMBERS:
            notes.append(f"支部在册党员 {active} 名，超过 50 名，可考虑按规定分设支部。")
        return notes
