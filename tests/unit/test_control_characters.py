"""Control characters pasted into text (BEL, ESC, NUL …) are dropped where the text enters:
the services that save it and the roster importer. Tab and newline stay."""

from datetime import date

import pytest
from sqlalchemy import text

from dualleader_desktop.domain.enums import CommitteeRole
from dualleader_desktop.domain.meeting_records import AgendaDraft
from dualleader_desktop.domain.meetings import AttendanceLine, AttendanceStatus, MeetingKind
from dualleader_desktop.domain.talk_records import TalkDraft
from dualleader_desktop.domain.talks import TalkKind
from dualleader_desktop.domain.text import strip_control_chars
from dualleader_desktop.importers.roster_cells import parse_row
from dualleader_desktop.services.archive import ArchiveSettingsInfo
from dualleader_desktop.services.branch import BranchInfo, BranchService
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.services.talks import TalkService
from tests.conftest import TODAY, make_draft
from tests.roster_workbooks import HEADER, draft_row, write_roster

BEL, ESC, NUL = "\x07", "\x1b", "\x00"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (f"会议{BEL}内容{ESC}[31m{NUL}", "会议内容[31m"),
        ("第一行\n\t第二行", "第一行\n\t第二行"),  # tab and newline are kept
        ("一\r\n二\r三", "一\n二\n三"),  # Windows and old Mac line ends
        ("一\x0b二\x0c三", "一\n二\n三"),  # Word's manual line and page breaks
        ("删\x7f除\x80\x85\x9f", "删除"),  # DEL and C1
        ("半个\ud83d字\ufffe\uffff", "半个字"),  # a lone surrogate, non-characters
        ("（系）ＡＢ　😀", "（系）ＡＢ　😀"),  # everything else as written
        (None, ""),
        (12, "12"),
    ],
)
def test_strip_control_chars(raw, clean):
    assert strip_control_chars(raw) == clean


def scalar(db, sql: str, **params):
    with db.engine.connect() as conn:
        return conn.execute(text(sql), params).scalar_one()


def test_a_meeting_saved_through_the_service_keeps_no_control_character(db):
    member = MemberService(db).add(make_draft("王伟"), today=TODAY)
    meetings = MeetingService(db)
    draft = meetings.new_draft(MeetingKind.COMMITTEE, date(2025, 3, 12))
    draft.theme = f"学习{BEL}二十届三中全会精神"
    draft.place = f"{ESC}党员活动室"
    draft.host_name = f"王{NUL}伟"
    draft.sitting_in = f"李老师{BEL}"
    draft.minutes = f"一、传达{BEL}文件\r\n\t二、讨论{ESC}[0m{NUL}"
    draft.resolutions = f"同意{BEL}"
    draft.agenda = [AgendaDraft(f"传达{BEL}精神")]
    draft.attendance = [
        AttendanceLine(member.id, "王伟", AttendanceStatus.LEAVE, True, f"出差{BEL}")
    ]
    saved = meetings.save(draft)

    row = f"SELECT {{}} FROM meetings WHERE id = {saved.id}"
    assert scalar(db, row.format("theme")) == "学习二十届三中全会精神"
    assert scalar(db, row.format("place")) == "党员活动室"
    assert scalar(db, row.format("host_name")) == "王伟"
    assert scalar(db, row.format("sitting_in")) == "李老师"
    assert scalar(db, row.format("minutes")) == "一、传达文件\n\t二、讨论[0m"
    assert scalar(db, row.format("resolutions")) == "同意"
    assert scalar(db, "SELECT title FROM agenda_items") == "传达精神"
    assert scalar(db, "SELECT reason FROM attendance") == "出差"


def test_a_talk_saved_through_the_service_keeps_no_control_character(db):
    members = MemberService(db)
    a = members.add(make_draft("王伟", sequence=11), today=TODAY).id
    b = members.add(make_draft("李娜", sequence=13), today=TODAY).id
    draft = TalkDraft(
        date(2025, 4, 1),
        TalkKind.HEART_TO_HEART,
        place=f"办公室{BEL}",
        topic=f"{ESC}思想汇报",
        content=f"谈了{NUL}工作\n\t和学习",
        member_view=f"同意{BEL}",
        follow_up=f"跟进{ESC}",
        talker_ids=[a],
        talkee_ids=[b],
    )
    saved = TalkService(db).save(draft, today=TODAY)
    row = f"SELECT {{}} FROM talks WHERE id = {saved.id}"
    assert scalar(db, row.format("place")) == "办公室"
    assert scalar(db, row.format("topic")) == "思想汇报"
    assert scalar(db, row.format("content")) == "谈了工作\n\t和学习"
    assert scalar(db, row.format("member_view")) == "同意"
    assert scalar(db, row.format("follow_up")) == "跟进"


def test_a_member_the_branch_and_the_archive_settings_keep_no_control_character(db):
    members = MemberService(db)
    member = members.add(
        make_draft(f"王{BEL}伟", department=f"机电{ESC}学院", remarks=f"备注{NUL}\n第二行"),
        today=TODAY,
    )
    members.record_transfer_in(member.id, date(2020, 1, 1), f"原{BEL}支部", f"介绍信{ESC}")
    row = f"SELECT {{}} FROM members WHERE id = {member.id}"
    assert scalar(db, row.format("name")) == "王伟"
    assert scalar(db, row.format("department")) == "机电学院"
    assert scalar(db, row.format("remarks")) == "备注\n第二行"
    assert scalar(db, "SELECT other_org || '|' || note FROM member_transfers") == "原支部|介绍信"

    branch = BranchService(db)
    branch.save_branch(BranchInfo(f"教师{BEL}党支部", f"学院{ESC}党委"), today=TODAY)
    group = branch.save_group(f"第一{NUL}党小组", None)
    branch.save_seat(
        member.id,
        CommitteeRole.SECRETARY,
        date(2024, 1, 1),
        date(2027, 1, 1),
        role_title=f"书记{BEL}",
    )
    assert scalar(db, "SELECT name || '|' || parent_org FROM branch") == "教师党支部|学院党委"
    assert scalar(db, f"SELECT name FROM party_groups WHERE id = {group}") == "第一党小组"
    assert scalar(db, "SELECT role_title FROM committee_members") == "书记"

    BranchServices(db).archive.save_settings(
        ArchiveSettingsInfo(fonds=f"Z001{BEL}", fonds_name=f"某{ESC}馆")
    )
    assert scalar(db, "SELECT fonds || '|' || fonds_name FROM archive_settings") == "Z001|某馆"


def test_a_roster_cell_is_read_without_control_characters():
    parsed = parse_row({"name": f"王{BEL}伟", "remarks": f"{ESC}[1m备注", "gender": f"男{NUL}"})
    assert parsed.values["name"] == "王伟"
    assert parsed.values["remarks"] == "[1m备注"
    assert parsed.cells["remarks"] == "[1m备注"  # the preview too
    assert not parsed.errors


def test_an_imported_roster_row_is_saved_without_control_characters(db, tmp_path):
    # an .xlsx cannot hold C0 controls, but it can hold C1 ones (U+0080–U+009F)
    row = draft_row(make_draft("王伟"), group="第一\x9b党小组")
    row[HEADER.index("职称")] = "讲\x80师"
    row[HEADER.index("所在部门/教研室")] = "机电\x9f工程学院"
    service = BranchServices(db).roster
    plan = service.plan_import(write_roster(tmp_path / "花名册.xlsx", [row]), today=TODAY)
    assert not plan.invalid_rows
    service.apply_import(plan)
    assert scalar(db, "SELECT title || '|' || department FROM members") == "讲师|机电工程学院"
    assert scalar(db, "SELECT name FROM party_groups") == "第一党小组"
