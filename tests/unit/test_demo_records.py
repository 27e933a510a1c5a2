from collections import Counter
from datetime import date

import pytest

from dualleader_desktop.demo import populate_demo
from dualleader_desktop.demo.records import populate_demo_year
from dualleader_desktop.domain.enums import CommitteeRole, MemberCategory
from dualleader_desktop.domain.meetings import AttendanceStatus, MeetingKind, VoteKind
from dualleader_desktop.services.branch import BranchService
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.services.talks import TalkService
from tests.conftest import TODAY, make_draft

NAMES = [
    "赵一",
    "钱二",
    "孙三",
    "李四",
    "周五",
    "吴六",
    "郑七",
    "王八",
    "冯九",
    "陈十",
    "褚明",
    "卫东",
]


@pytest.fixture
def small_branch(db):
    """Twelve members in three groups, a committee of three, one admitted in May 2025."""
    branch, members = BranchService(db), MemberService(db)
    groups = [branch.save_group(f"第{n}党小组", None) for n in "一二三"]
    ids = [
        members.add(
            make_draft(name, sequence=10 + 2 * n, party_group_id=groups[n % 3]), today=TODAY
        ).id
        for n, name in enumerate(NAMES[:-1])
    ]
    members.add(
        make_draft(
            NAMES[-1],
            sequence=99,
            joined_date=date(2025, 5, 20),
            full_member_date=None,
            category=MemberCategory.PROBATIONARY,
            party_group_id=groups[0],
        ),
        today=TODAY,
    )
    for group, leader in zip(groups, ids, strict=False):
        branch.save_group(branch.list_groups()[groups.index(group)].name, leader, group)
    for member_id, role in zip(
        ids,
        [CommitteeRole.SECRETARY, CommitteeRole.ORGANIZATION, CommitteeRole.PROPAGANDA],
        strict=False,
    ):
        branch.save_seat(member_id, role, date(2024, 1, 1), date(2027, 1, 1))
    return db


def test_a_full_past_year(small_branch):
    year = populate_demo_year(small_branch, 2025, today=TODAY)
    meetings = MeetingService(small_branch).list_meetings(year=2025)
    kinds = Counter(m.kind for m in meetings)
    assert kinds[MeetingKind.COMMITTEE] == 12
    assert kinds[MeetingKind.THEME_DAY] == 12
    assert kinds[MeetingKind.GROUP] == 36
    assert kinds[MeetingKind.PARTY_LECTURE] == 4
    assert kinds[MeetingKind.BRANCH_ASSEMBLY] == 5  # four quarterly + the admission meeting
    [life] = [m for m in meetings if m.kind == MeetingKind.LIFE_MEETING]
    assert life.meeting_date.month >= 10
    assert year.meetings == len(meetings)
    assert year.talks >= 20 and len(TalkService(small_branch).list_talks(year=2025)) == year.talks
    assert any(m.on_leave for m in meetings)
    service = MeetingService(small_branch)
    admission = next(m for m in meetings if "接收" in m.theme)
    record = service.get(admission.id).draft
    [vote] = [a for a in record.agenda if a.has_vote]
    assert vote.vote_kind == VoteKind.ADMISSION
    assert vote.votes_for * 2 > record.counts.voters_expected
    assert not any("不能通过" in w for w in service.warnings(record, today=TODAY))
    theme_day = service.get(next(m.id for m in meetings if m.kind == MeetingKind.THEME_DAY)).draft
    assert 900 <= len(theme_day.minutes) <= 1500
    talk = TalkService(small_branch).get(TalkService(small_branch).list_talks(year=2025)[0].id)
    lines = talk.draft.content.splitlines()
    assert 900 <= len(talk.draft.content) <= 1600 and len(set(lines)) == len(lines)
    leave = [line for line in record.attendance if line.status == AttendanceStatus.LEAVE]
    assert all(line.reason for line in leave)


def test_current_year_stops_at_today(small_branch):
    populate_demo_year(small_branch, 2026, today=date(2026, 4, 1))
    meetings = MeetingService(small_branch).list_meetings(year=2026)
    assert meetings and max(m.meeting_date for m in meetings) <= date(2026, 4, 1)
    assert not any(m.kind == MeetingKind.LIFE_MEETING for m in meetings)


def test_no_demo_meeting_has_its_host_or_recorder_away(db):
    """The demo branch's year (every kind of meeting): the 主持人 and the 记录人 are present
    wherever the roll lists them, so no record draws the warning of marking them away."""
    populate_demo(db, 2025, today=TODAY)
    service = MeetingService(db)
    meetings = service.list_meetings(year=2025)
    assert len(meetings) == 70
    on_roll = Counter()  # by kind: meetings whose host and recorder the roll lists
    for summary in meetings:
        draft = service.get(summary.id).draft
        status = {line.name: line.status for line in draft.attendance}
        assert draft.host_name and draft.recorder_name
        for name in (draft.host_name, draft.recorder_name):
            assert status.get(name, AttendanceStatus.PRESENT) == AttendanceStatus.PRESENT
        assert not any("在出席情况中为" in w for w in service.warnings(draft, today=TODAY))
        assert draft.counts.on_leave >= 1  # others still take leave
        on_roll[summary.kind] += draft.host_name in status and draft.recorder_name in status
    assert all(on_roll[kind] for kind in MeetingKind), on_roll
