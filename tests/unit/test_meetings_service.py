from datetime import date, time

import pytest
from sqlalchemy import func, select

from dualleader_desktop.domain.enums import CommitteeRole, MemberCategory, MemberStatus
from dualleader_desktop.domain.meeting_records import AgendaDraft
from dualleader_desktop.domain.meetings import (
    AttendanceStatus,
    IntegrationTag,
    MeetingKind,
    VoteKind,
)
from dualleader_desktop.services.branch import BranchService
from dualleader_desktop.services.errors import (
    RecordValidationError,
    ServiceError,
    StaleRecordError,
)
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.records_models import Attendance
from tests.conftest import TODAY, make_draft


@pytest.fixture
def branch(db):
    """Five full members (two in group 1, the first three on the committee), one
    probationary member, one who left in March 2026 and one who joined in June 2026."""
    members, branch = MemberService(db), BranchService(db)
    g1 = branch.save_group("第一党小组", None)
    g2 = branch.save_group("第二党小组", None)
    ids = {}
    for n, name in enumerate(["赵一", "钱二", "孙三", "李四", "周五"]):
        ids[name] = members.add(
            make_draft(name, sequence=10 + n * 2, party_group_id=g1 if n < 2 else g2), today=TODAY
        ).id
    ids["吴六"] = members.add(
        make_draft(
            "吴六",
            sequence=31,
            joined_date=date(2026, 1, 10),
            full_member_date=None,
            category=MemberCategory.PROBATIONARY,
            party_group_id=g2,
        ),
        today=TODAY,
    ).id
    ids["郑七"] = members.add(make_draft("郑七", sequence=41), today=TODAY).id
    members.change_status(
        ids["郑七"], MemberStatus.TRANSFERRED_OUT, date(2026, 3, 1), other_org="某校", today=TODAY
    )
    ids["王八"] = members.add(
        make_draft(
            "王八",
            sequence=51,
            joined_date=date(2026, 6, 1),
            full_member_date=None,
            category=MemberCategory.PROBATIONARY,
        ),
        today=TODAY,
    ).id
    for name, role in zip(
        ["赵一", "钱二", "孙三"],
        [CommitteeRole.SECRETARY, CommitteeRole.ORGANIZATION, CommitteeRole.PROPAGANDA],
        strict=True,
    ):
        branch.save_seat(ids[name], role, date(2024, 1, 1), date(2027, 1, 1))
    return ids, g1


def names(lines):
    return sorted(line.name for line in lines)


def test_expected_attendance_follows_the_roster_on_the_day(db, branch):
    _ids, g1 = branch
    service = MeetingService(db)
    february = service.new_draft(MeetingKind.BRANCH_ASSEMBLY, date(2026, 2, 15)).attendance
    assert names(february) == sorted(["赵一", "钱二", "孙三", "李四", "周五", "吴六", "郑七"])
    july = service.new_draft(MeetingKind.BRANCH_ASSEMBLY, date(2026, 7, 1)).attendance
    assert "郑七" not in names(july) and "王八" in names(july)
    votes = {line.name: line.has_vote for line in july}
    assert votes["吴六"] is False and votes["王八"] is False and votes["赵一"] is True
    group = service.new_draft(MeetingKind.GROUP, date(2026, 7, 1), g1).attendance
    assert names(group) == ["赵一", "钱二"]
    committee = service.new_draft(MeetingKind.COMMITTEE, date(2026, 7, 1)).attendance
    assert names(committee) == sorted(["赵一", "钱二", "孙三"])
    assert service.new_draft(MeetingKind.COMMITTEE, date(2023, 7, 1)).attendance == []


def _mark(draft, statuses):
    draft.attendance = [
        line.__class__(
            line.member_id,
            line.name,
            statuses.get(line.name, line.status),
            line.has_vote,
            "出差" if statuses.get(line.name) == AttendanceStatus.LEAVE else "",
        )
        for line in draft.attendance
    ]


def test_committee_meeting_with_two_on_leave_round_trips(db, branch):
    service = MeetingService(db)
    draft = service.new_draft(MeetingKind.COMMITTEE, date(2026, 10, 9))
    draft.theme = "研究十月份支部工作"
    draft.start_time, draft.end_time = time(14, 30), time(16, 0)
    draft.minutes = "一、传达学院党委会议精神。\n\n二、研究发展对象考察事宜。"
    draft.tags = frozenset({IntegrationTag.TEACHING})
    draft.agenda = [AgendaDraft("研究发展对象"), AgendaDraft("其他事项")]
    _mark(draft, {"钱二": AttendanceStatus.LEAVE, "孙三": AttendanceStatus.LEAVE})
    warnings = service.warnings(draft, today=TODAY)
    assert any("法定人数" in w for w in warnings)
    record = service.save(draft)
    back = service.get(record.id).draft
    assert back.minutes == draft.minutes
    assert back.counts.present == 1 and back.counts.on_leave == 2
    assert {line.reason for line in back.attendance if line.status == AttendanceStatus.LEAVE} == {
        "出差"
    }
    assert [a.title for a in back.agenda] == ["研究发展对象", "其他事项"]
    [summary] = service.list_meetings(year=2026, tag=IntegrationTag.TEACHING)
    assert (summary.expected, summary.present, summary.on_leave) == (3, 1, 2)
    assert service.list_meetings(year=2025) == []


def test_an_unmarked_roll_is_refused_and_never_stored(db, branch):
    """The editor's roll starts unmarked (未核对); saving it before everyone is marked is
    refused with how many are left, and nothing of it reaches the database."""
    service = MeetingService(db)
    draft = service.new_draft(MeetingKind.COMMITTEE, date(2026, 10, 9), unmarked=True)
    draft.theme = "研究十月份支部工作"
    assert [line.status for line in draft.attendance] == [None, None, None]
    assert (draft.counts.unmarked, draft.counts.present) == (3, 0)
    _mark(draft, {"钱二": AttendanceStatus.LEAVE})  # one marked, two still unmarked
    with pytest.raises(RecordValidationError) as info:
        service.save(draft)
    message = info.value.errors["attendance"]
    assert "还有 2 人未核对出席情况" in message and "赵一" in message and "孙三" in message
    assert service.list_meetings() == []
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Attendance)) == 0
    _mark(draft, {"赵一": AttendanceStatus.PRESENT, "孙三": AttendanceStatus.ABSENT})
    back = service.get(service.save(draft).id).draft
    statuses = {line.name: line.status for line in back.attendance}
    assert statuses == {
        "赵一": AttendanceStatus.PRESENT,
        "钱二": AttendanceStatus.LEAVE,
        "孙三": AttendanceStatus.ABSENT,
    }
    [summary] = service.list_meetings()
    assert (summary.expected, summary.present, summary.on_leave) == (3, 1, 1)


def test_programmatic_drafts_start_present_and_from_last_can_start_unmarked(db, branch):
    service = MeetingService(db)
    draft = service.new_draft(MeetingKind.THEME_DAY, date(2026, 5, 1))
    assert {line.status for line in draft.attendance} == {AttendanceStatus.PRESENT}
    draft.theme = "主题党日"
    service.save(draft)
    again = service.draft_from_last(MeetingKind.THEME_DAY, date(2026, 6, 1), unmarked=True)
    assert again.theme == "主题党日"
    assert again.attendance and {line.status for line in again.attendance} == {None}


def test_admission_vote_needs_more_than_half_of_all_voters(db, branch):
    service = MeetingService(db)
    draft = service.new_draft(MeetingKind.BRANCH_ASSEMBLY, date(2026, 7, 1))
    draft.theme = "讨论接收预备党员"
    voters = draft.counts.voters_expected  # 5 full members
    assert voters == 5
    draft.agenda = [AgendaDraft("接收王某为预备党员", True, VoteKind.ADMISSION, 2, 0, 1)]
    assert any("不能通过" in w for w in service.warnings(draft, today=TODAY))
    draft.agenda[0].votes_for = 3
    assert not any("不能通过" in w for w in service.warnings(draft, today=TODAY))


def test_empty_theme_and_date_refused_and_future_date_warned(db, branch):
    service = MeetingService(db)
    draft = service.new_draft(MeetingKind.THEME_DAY, date(2027, 1, 5))
    assert any("晚于今天" in w for w in service.warnings(draft, today=TODAY))
    draft.meeting_date = None
    with pytest.raises(RecordValidationError) as info:
        service.save(draft)
    assert {"theme", "meeting_date"} <= info.value.errors.keys()
    assert service.list_meetings() == []


def test_host_who_is_not_a_member_is_warned(db, branch):
    service = MeetingService(db)
    draft = service.new_draft(MeetingKind.PARTY_LECTURE, date(2026, 5, 1))
    draft.theme, draft.host_name, draft.recorder_name = "党课", "外单位专家", "赵一"
    warnings = service.warnings(draft, today=TODAY)
    assert any("主持人不是" in w for w in warnings)
    assert not any("记录人不是" in w for w in warnings)
    draft.recorder_name = "郑七"  # transferred out in March
    assert any("记录人不是" in w for w in service.warnings(draft, today=TODAY))
    MemberService(db).record_transfer_in(branch[0]["李四"], date(2026, 6, 1), "某高校党委")
    draft.recorder_name = "李四"  # transferred in only after the meeting
    assert any("记录人不是" in w for w in service.warnings(draft, today=TODAY))


def test_a_host_or_recorder_marked_away_is_warned_and_may_be_saved_through(db, branch):
    ids, _g1 = branch
    service = MeetingService(db)
    draft = service.new_draft(MeetingKind.COMMITTEE, date(2026, 10, 9))
    draft.theme = "研究十月份支部工作"
    draft.host_member_id, draft.host_name = ids["赵一"], "赵一"
    draft.recorder_member_id, draft.recorder_name = ids["钱二"], "钱二"
    assert not any("在出席情况中为" in w for w in service.warnings(draft, today=TODAY))
    _mark(draft, {"赵一": AttendanceStatus.LEAVE})
    warnings = service.warnings(draft, today=TODAY)
    assert "主持人赵一在出席情况中为“请假”，请核对主持人或出席情况。" in warnings
    assert not any(w.startswith("记录人") for w in warnings)
    _mark(draft, {"赵一": AttendanceStatus.PRESENT, "钱二": AttendanceStatus.ABSENT})
    warnings = service.warnings(draft, today=TODAY)
    assert "记录人钱二在出席情况中为“缺席”，请核对记录人或出席情况。" in warnings
    assert not any(w.startswith("主持人") for w in warnings)
    # a name typed without choosing the member is matched on the roll too
    draft.recorder_member_id = None
    warnings = service.warnings(draft, today=TODAY)
    assert any(w.startswith("记录人钱二在出席情况中为“缺席”") for w in warnings)
    # a warning, not an error: the record is saved as it is when the user says so
    back = service.get(service.save(draft).id).draft
    assert {line.name: line.status for line in back.attendance}["钱二"] == AttendanceStatus.ABSENT
    assert any(w.startswith("记录人钱二") for w in service.warnings(back, today=TODAY))


def test_a_member_admitted_at_a_meeting_is_not_expected_at_it(db, branch):
    service = MeetingService(db)
    on_the_day = service.new_draft(MeetingKind.BRANCH_ASSEMBLY, date(2026, 6, 1))
    next_day = service.new_draft(MeetingKind.BRANCH_ASSEMBLY, date(2026, 6, 2))
    assert "王八" not in {line.name for line in on_the_day.attendance}
    assert "王八" in {line.name for line in next_day.attendance}


def test_second_window_save_is_told_the_record_changed(db, branch):
    service = MeetingService(db)
    draft = service.new_draft(MeetingKind.THEME_DAY, date(2026, 5, 1))
    draft.theme = "主题党日"
    first = service.save(draft)
    window_a, window_b = service.get(first.id), service.get(first.id)
    window_a.draft.place = "A"
    service.save(window_a.draft, meeting_id=first.id, expected_version=window_a.version)
    window_b.draft.place = "B"
    with pytest.raises(StaleRecordError):
        service.save(window_b.draft, meeting_id=first.id, expected_version=window_b.version)
    assert service.get(first.id).draft.place == "A"


def test_an_edit_of_the_agenda_alone_still_stops_a_stale_second_window(db, branch):
    service = MeetingService(db)
    draft = service.new_draft(MeetingKind.COMMITTEE, date(2026, 5, 1))
    draft.theme, draft.agenda = "支委会", [AgendaDraft("研究发展党员工作")]
    first = service.save(draft)
    window_a, window_b = service.get(first.id), service.get(first.id)
    window_a.draft.agenda[0].title = "研究发展党员和党费工作"
    service.save(window_a.draft, meeting_id=first.id, expected_version=window_a.version)
    window_b.draft.place = "B"
    with pytest.raises(StaleRecordError):
        service.save(window_b.draft, meeting_id=first.id, expected_version=window_b.version)
    stored = service.get(first.id).draft
    assert stored.agenda[0].title == "研究发展党员和党费工作"


def test_new_meeting_from_last_copies_theme_not_minutes(db, branch):
    service = MeetingService(db)
    draft = service.new_draft(MeetingKind.THEME_DAY, date(2026, 5, 1))
    draft.theme, draft.place, draft.minutes = "主题党日", "党员活动室", "会议记录正文"
    service.save(draft)
    again = service.draft_from_last(MeetingKind.THEME_DAY, date(2026, 6, 1))
    assert (again.theme, again.place, again.minutes) == ("主题党日", "党员活动室", "")


def test_new_meeting_from_last_lists_todays_roll_and_copies_guests(db, branch):
    service = MeetingService(db)
    draft = service.new_draft(MeetingKind.BRANCH_ASSEMBLY, date(2026, 5, 1))
    draft.theme, draft.sitting_in = "党员大会", "入党积极分子 陈某"
    service.save(draft)
    again = service.draft_from_last(MeetingKind.BRANCH_ASSEMBLY, date(2026, 7, 1))
    names = {line.name for line in again.attendance}
    assert "王八" in names  # joined in June, after the last meeting
    assert again.sitting_in == "入党积极分子 陈某"
    assert all(line.status == AttendanceStatus.PRESENT for line in again.attendance)


def test_a_group_meeting_without_its_group_lists_nobody(db, branch):
    draft = MeetingService(db).new_draft(MeetingKind.GROUP, date(2026, 5, 1), None)
    assert draft.attendance == []


def test_attachments_are_shared_by_hash_and_kept_while_used(db, branch, tmp_path):
    service = MeetingService(db)
    photo = tmp_path / "签到表.jpg"
    photo.write_bytes(b"fake jpeg bytes" * 100)
    saved = []
    for theme in ("第一次", "第二次"):
        draft = service.new_draft(MeetingKind.THEME_DAY, date(2026, 5, 1))
        draft.theme, draft.new_files = theme, [photo]
        saved.append(service.save(draft))
    [info_a] = saved[0].draft.attachments
    [info_b] = saved[1].draft.attachments
    assert info_a.path == info_b.path and info_a.path.exists()
    assert info_a.file_name == "签到表.jpg" and info_a.size == 1500
    service.delete(saved[0].id)
    assert info_b.path.exists()
    service.delete(saved[1].id)
    assert not info_b.path.exists()


def test_unreadable_or_huge_attachment_changes_nothing(db, branch, tmp_path, monkeypatch):
    from dualleader_desktop.services import attachments

    service = MeetingService(db)
    draft = service.new_draft(MeetingKind.THEME_DAY, date(2026, 5, 1))
    draft.theme, draft.new_files = "主题党日", [tmp_path / "missing.pdf"]
    with pytest.raises(attachments.ServiceError, match="无法读取"):
        service.save(draft)
    big = tmp_path / "big.pptx"
    big.write_bytes(b"x" * 2048)
    monkeypatch.setattr(attachments, "MAX_ATTACHMENT_BYTES", 1024)
    draft.new_files = [big]
    with pytest.raises(attachments.ServiceError, match="200 MB"):
        service.save(draft)
    assert service.list_meetings() == []


def test_a_failed_save_leaves_no_copied_file_behind(db, branch, tmp_path):
    service = MeetingService(db)
    good = tmp_path / "签到表.jpg"
    good.write_bytes(b"sign-in sheet")
    draft = service.new_draft(MeetingKind.THEME_DAY, date(2026, 5, 1))
    draft.theme, draft.new_files = "主题党日", [good, tmp_path / "missing.pdf"]
    with pytest.raises(ServiceError, match="无法读取"):
        service.save(draft)
    assert [p for p in service.attachments.root.rglob("*") if p.is_file()] == []


def test_deleting_in_one_database_keeps_the_file_another_uses(tmp_path):
    photo = tmp_path / "签到表.jpg"
    photo.write_bytes(b"the same sign-in sheet")
    saved = []
    for name in ("a.sqlite3", "b.sqlite3"):  # two databases in one folder
        service = MeetingService(Database.open_file(tmp_path / name))
        draft = service.new_draft(MeetingKind.THEME_DAY, date(2026, 5, 1))
        draft.theme, draft.new_files = "主题党日", [photo]
        saved.append((service, service.save(draft)))
    (first, first_record), (second, second_record) = saved
    first.delete(first_record.id)
    [kept] = second.get(second_record.id).draft.attachments
    assert kept.path.read_bytes() == photo.read_bytes()


def test_a_full_member_without_a_full_member_date_votes_after_a_year(db):
    member = MemberService(db).add(
        make_draft("钱多", sequence=71, joined_date=date(2025, 6, 1), full_member_date=None),
        today=TODAY,
    )
    service = MeetingService(db)
    votes = {
        on: {
            line.member_id: line.has_vote
            for line in service.new_draft(MeetingKind.BRANCH_ASSEMBLY, on).attendance
        }[member.id]
        for on in (date(2026, 3, 1), date(2026, 7, 1))
    }
    assert votes == {date(2026, 3, 1): False, date(2026, 7, 1): True}
