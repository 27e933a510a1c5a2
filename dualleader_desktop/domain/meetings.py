"""Meetings (三会一课 and the rest): kinds, attendance, quorum and voting rules.

Numbers follow DOMAIN.md: a 支部党员大会 needs more than half of the members with voting rights
present, a 支委会 more than half of the committee; a vote such as admitting a member passes with
yes votes from more than half of the members *entitled* to vote, not of those present.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from dualleader_desktop.domain.enums import LabeledEnum


class MeetingKind(LabeledEnum):
    BRANCH_ASSEMBLY = "branch_assembly"
    COMMITTEE = "committee"
    GROUP = "group"
    PARTY_LECTURE = "party_lecture"
    THEME_DAY = "theme_day"
    LIFE_MEETING = "life_meeting"

    @classmethod
    def _labels(cls):
        return {
            cls.BRANCH_ASSEMBLY: "支部党员大会",
            cls.COMMITTEE: "支部委员会会议",
            cls.GROUP: "党小组会",
            cls.PARTY_LECTURE: "党课",
            cls.THEME_DAY: "主题党日",
            cls.LIFE_MEETING: "组织生活会",
        }

    @property
    def needs_quorum(self) -> bool:
        return self in (MeetingKind.BRANCH_ASSEMBLY, MeetingKind.COMMITTEE)

    @property
    def takes_votes(self) -> bool:
        """Whether the meeting decides by vote: the 支部党员大会 (admitting a member, 转正,
        elections) and the 支委会 (its decisions). A 党小组会, 党课, 主题党日 or 组织生活会
        votes on nothing (民主评议's ballots are kept apart), so its editor hides the votes."""
        return self in (MeetingKind.BRANCH_ASSEMBLY, MeetingKind.COMMITTEE)


class AttendanceStatus(LabeledEnum):
    PRESENT = "present"
    LEAVE = "leave"
    ABSENT = "absent"

    @classmethod
    def _labels(cls):
        return {cls.PRESENT: "出席", cls.LEAVE: "请假", cls.ABSENT: "缺席"}


class IntegrationTag(LabeledEnum):
    """The seed's 三融合: where an activity brings Party work into the college's work."""

    TEACHING = "teaching"
    INDUSTRY = "industry"
    RESEARCH = "research"

    @classmethod
    def _labels(cls):
        return {
            cls.TEACHING: "融入教育教学",
            cls.INDUSTRY: "融入产教融合",
            cls.RESEARCH: "融入科教融汇",
        }


class VoteKind(LabeledEnum):
    GENERAL = "general"
    ADMISSION = "admission"  # 接收预备党员 / 预备党员转正: the rule of more than half of all voters

    @classmethod
    def _labels(cls):
        return {cls.GENERAL: "一般表决", cls.ADMISSION: "接收预备党员或转正表决"}


# what the editor shows for a line nobody has marked yet
UNMARKED_LABEL = "未核对"


@dataclass(frozen=True)
class AttendanceLine:
    """One member expected at a meeting. ``status`` None: not marked yet (未核对), the state
    a new meeting's roll starts in, so the secretary marks it instead of saving a roll that
    says everyone came. It is never saved: MeetingService.check refuses it (and the column
    is NOT NULL)."""

    member_id: int
    name: str
    status: AttendanceStatus | None
    has_vote: bool
    reason: str = ""

    @property
    def status_label(self) -> str:
        return self.status.label if self.status is not None else UNMARKED_LABEL


@dataclass(frozen=True)
class AttendanceCounts:
    expected: int
    present: int
    on_leave: int
    absent: int
    voters_expected: int
    voters_present: int
    unmarked: int = 0  # lines not marked yet: a roll with any is not saved

    @property
    def rate(self) -> float:
        """Share of those expected who attended (0.0 when nobody was expected)."""
        return self.present / self.expected if self.expected else 0.0

    @property
    def rate_text(self) -> str:
        return f"{self.rate:.0%}" if self.expected else "—"


def count_attendance(lines: Iterable[AttendanceLine]) -> AttendanceCounts:
    lines = list(lines)
    present = [line for line in lines if line.status == AttendanceStatus.PRESENT]
    return AttendanceCounts(
        expected=len(lines),
        present=len(present),
        on_leave=sum(line.status == AttendanceStatus.LEAVE for line in lines),
        absent=sum(line.status == AttendanceStatus.ABSENT for line in lines),
        voters_expected=sum(line.has_vote for line in lines),
        voters_present=sum(line.has_vote for line in present),
        unmarked=sum(line.status is None for line in lines),
    )


def has_quorum(kind: MeetingKind, counts: AttendanceCounts) -> bool:
    """More than half present: of members with a vote (大会), of the committee (支委会)."""
    if kind == MeetingKind.BRANCH_ASSEMBLY:
        return counts.voters_present * 2 > counts.voters_expected
    if kind == MeetingKind.COMMITTEE:
        return counts.present * 2 > counts.expected
    return True


def vote_passes(kind: VoteKind, votes_for: int, voters_entitled: int, voters_present: int) -> bool:
    """An admission vote needs yes votes from more than half of all members entitled to vote;
    a general vote more than half of the voters present."""
    base = voters_entitled if kind == VoteKind.ADMISSION else voters_present
    return votes_for * 2 > base


def meeting_warnings(
    kind: MeetingKind,
    meeting_date: date,
    counts: AttendanceCounts,
    *,
    today: date,
    host_is_member: bool,
    recorder_is_member: bool,
    admission_votes: Iterable[tuple[str, int]] = (),
) -> list[str]:
    """Warnings the user may still save through (Chinese, one sentence each)."""
    notes: list[str] = []
    if meeting_date > today:
        notes.append(f"会议日期 {meeting_date:%Y-%m-%d} 晚于今天，请确认不是笔误。")
    if kind.needs_quorum and counts.expected and not has_quorum(kind, counts):
        basis = "有表决权的党员" if kind == MeetingKind.BRANCH_ASSEMBLY else "支委"
        present = counts.voters_present if kind == MeetingKind.BRANCH_ASSEMBLY else counts.present
        expected = (
            counts.voters_expected if kind == MeetingKind.BRANCH_ASSEMBLY else counts.expected
        )
        notes.append(
            f"到会{basis} {present} 人，未超过应到 {expected} 人的半数，会议不足法定人数，所作决定无效。"
        )
    for title, votes_for in admission_votes:
        if not vote_passes(VoteKind.ADMISSION, votes_for, counts.voters_expected, 0):
            notes.append(
                f"表决「{title}」赞成 {votes_for} 票，未超过应到会有表决权党员 "
                f"{counts.voters_expected} 人的半数，按规定不能通过。"
            )
    if not host_is_member:
        notes.append("主持人不是本支部党员，请确认。")
    if not recorder_is_member:
        notes.append("记录人不是本支部党员，请确认。")
    return notes


def role_attendance_warnings(
    lines: Iterable[AttendanceLine],
    *,
    host: tuple[int | None, str],
    recorder: tuple[int | None, str],
) -> list[str]:
    """The 主持人 or 记录人 (member id, name as typed) whom the roll marks 请假 or 缺席: the
    record contradicts itself. Each is found on the roll by member id, or by name when it has
    none (only a name that one line holds); one who is not on the roll is not checked here.
    One warning per person, naming both roles when one person holds them."""
    lines = list(lines)
    roles: dict[AttendanceLine, list[str]] = {}
    for role, (member_id, name) in (("主持人", host), ("记录人", recorder)):
        if member_id is not None:
            found = [line for line in lines if line.member_id == member_id]
        else:
            found = [line for line in lines if name.strip() and line.name == name.strip()]
        if len(found) == 1 and found[0].status in (AttendanceStatus.LEAVE, AttendanceStatus.ABSENT):
            roles.setdefault(found[0], []).append(role)
    return [
        f"{'、'.join(named)}{line.name}在出席情况中为“{line.status_label}”，"
        f"请核对{'、'.join(named)}或出席情况。"
        for line, named in roles.items()
    ]
