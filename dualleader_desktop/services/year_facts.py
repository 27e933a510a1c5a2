"""What a year of one or many branches is checked on, read in four queries whatever the number
of branches: their meetings up to the day checked, Party groups, committee seats and rules.
The 工作台 reads one branch's (services/compliance.py), the department's grid every branch's
(services/department.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from dualleader_desktop.domain import compliance
from dualleader_desktop.domain.compliance import MeetingFact, RuleRow
from dualleader_desktop.domain.enums import CommitteeRole
from dualleader_desktop.domain.meeting_rules import MEETING_RULES, FrequencyRule
from dualleader_desktop.storage.models import CommitteeMember, Member, PartyGroup
from dualleader_desktop.storage.records_models import Meeting, MeetingRuleRow


@dataclass(frozen=True)
class Seat:
    member_id: int
    name: str
    role: CommitteeRole
    start: date
    end: date


@dataclass
class BranchYear:
    meetings: list[MeetingFact] = field(default_factory=list)
    groups: list[tuple[int, str]] = field(default_factory=list)
    seats: list[Seat] = field(default_factory=list)
    rules: tuple[FrequencyRule, ...] = MEETING_RULES

    def serving(self, on: date) -> list[Seat]:
        return [seat for seat in self.seats if seat.start <= on <= seat.end]

    def grid(self, year: int, today: date) -> list[RuleRow]:
        """The rules' rows of the year as of ``today``; a committee rule only where a
        committee served on the year's last day (or today, in the current year)."""
        on = min(today, date(year, 12, 31))
        committee = bool(self.serving(on))
        return compliance.grid(
            self.rules, self.meetings, self.groups, year, today, has_committee=committee
        )


def rule_of(row: MeetingRuleRow) -> FrequencyRule:
    return FrequencyRule(
        row.kind, row.period, row.min_count, row.scope, row.usual_quarter, row.source, row.note
    )


def read_years(session, year: int, today: date, branch_ids: list[int]) -> dict[int, BranchYear]:
    """Each branch's year as of ``today``: a meeting dated after it is not held yet."""
    years = {branch_id: BranchYear() for branch_id in branch_ids}
    for branch_id, member_id, name, role, start, end in session.execute(
        select(
            CommitteeMember.branch_id,
            CommitteeMember.member_id,
            Member.name,
            CommitteeMember.role,
            CommitteeMember.term_start,
            CommitteeMember.term_end,
        )
        .join(Member, Member.id == CommitteeMember.member_id)
        .where(CommitteeMember.branch_id.in_(branch_ids))
    ):
        years[branch_id].seats.append(Seat(member_id, name, role, start, end))
    secretaries = {
        branch_id: [s for s in branch.seats if s.role == CommitteeRole.SECRETARY]
        for branch_id, branch in years.items()
    }
    for branch_id, id_, kind, day, group_id, host, speaker in session.execute(
        select(
            Meeting.branch_id,
            Meeting.id,
            Meeting.kind,
            Meeting.meeting_date,
            Meeting.party_group_id,
            Meeting.host_member_id,
            Meeting.speaker,
        ).where(
            Meeting.branch_id.in_(branch_ids),
            Meeting.meeting_date >= date(year, 1, 1),
            Meeting.meeting_date <= min(today, date(year, 12, 31)),
        )
    ):
        by_secretary = any(
            s.start <= day <= s.end and (host == s.member_id or (speaker or "").strip() == s.name)
            for s in secretaries[branch_id]
        )
        years[branch_id].meetings.append(MeetingFact(id_, kind, day, group_id, by_secretary))
    for branch_id, group_id, name in session.execute(
        select(PartyGroup.branch_id, PartyGroup.id, PartyGroup.name)
        .where(PartyGroup.branch_id.in_(branch_ids))
        .order_by(PartyGroup.id)
    ):
        years[branch_id].groups.append((group_id, name))
    for branch_id, rules in branch_rules(session, branch_ids).items():
        years[branch_id].rules = rules
    return years


def branch_rules(session, branch_ids: list[int]) -> dict[int, tuple[FrequencyRule, ...]]:
    """The rules of each branch that keeps its own, in its order (the others keep the
    defaults)."""
    own: dict[int, list[FrequencyRule]] = {}
    for row in session.scalars(
        select(MeetingRuleRow)
        .where(MeetingRuleRow.branch_id.in_(branch_ids))
        .order_by(MeetingRuleRow.position)
    ):
        own.setdefault(row.branch_id, []).append(rule_of(row))
    return {branch_id: tuple(rules) for branch_id, rules in own.items()}
