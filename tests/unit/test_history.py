"""The change log: each write of a member, meeting, talk or setting is kept with who and when, in
the same transaction; a record's history reads back in words; a deleted meeting or talk comes
back whole."""

from __future__ import annotations

import getpass
import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from dualleader_desktop.domain.enums import CommitteeRole, MemberStatus
from dualleader_desktop.domain.meeting_records import AgendaDraft
from dualleader_desktop.domain.meetings import AttendanceStatus, MeetingKind, VoteKind
from dualleader_desktop.domain.talk_records import TalkDraft
from dualleader_desktop.services import history, members
from dualleader_desktop.services.branch import BranchInfo, BranchService
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.services.history import ChangeAction, EntityKind
from dualleader_desktop.services.history_labels import LABELS
from dualleader_desktop.services.history_service import HistoryService
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.services.search import SearchService
from dualleader_desktop.services.talks import TalkService
from tests.conftest import TODAY, make_draft
from tests.roster_workbooks import write_roster
from tests.unit.test_roster_reimport import TITLE, import_file, roster_rows

FORMS = Path(__file__).resolve().parents[2] / "forms"


@pytest.fixture(autouse=True)
def secretary(monkeypatch, tmp_path):  # tmp_path first: pytest names its folder by the user
    monkeypatch.setattr(getpass, "getuser", lambda: "li.secretary")


@pytest.fixture
def people(db):
    service = MemberService(db)
    return {
        name: service.add(make_draft(name, sequence=10 + 2 * n), today=TODAY).id
        for n, name in enumerate(["赵一", "钱二", "孙三"])
    }


def log_rows(db, kind: str | None = None) -> list[tuple]:
    query = "SELECT entity_kind, entity_id, action, user_name, before_json, after_json"
    query += " FROM change_log" + (f" WHERE entity_kind = '{kind}'" if kind else "")
    with db.engine.connect() as conn:
        return [tuple(row) for row in conn.execute(text(query + " ORDER BY id"))]


def meeting_with_file(db, tmp_path, people):
    photo = tmp_path / "签到表.jpg"
    photo.write_bytes(b"sign-in sheet of the committee")
    service = MeetingService(db)
    draft = service.new_draft(MeetingKind.BRANCH_ASSEMBLY, date(2026, 10, 9))
    draft.theme = "研究十月份支部工作"
    draft.minutes = "一、传达会议精神。"
    draft.agenda = [AgendaDraft("研究发展对象", True, VoteKind.GENERAL, 2, 0, 1)]
    draft.attendance = [
        history_line(draft, people["钱二"], AttendanceStatus.LEAVE, "出差"),
        *(line for line in draft.attendance if line.member_id != people["钱二"]),
    ]
    draft.new_files = [photo]
    return service, service.save(draft)


def history_line(draft, member_id, status, reason):
    [line] = [line for line in draft.attendance if line.member_id == member_id]
    return replace(line, status=status, reason=reason)


# ---- writing -------------------------------------------------------------------------------
def test_a_member_edit_is_logged_with_who_and_the_fields_before_and_after(db, people):
    service = MemberService(db)
    record = service.get(people["赵一"])
    service.update(
        record.id, make_draft("赵一", sequence=10, title="副教授"), expected_version=record.version
    )
    *_, (kind, entity_id, action, user, before, after) = log_rows(db, "member")
    assert (kind, entity_id, action, user) == ("member", record.id, "update", "li.secretary")
    assert json.loads(before)["title"] == "讲师" and json.loads(after)["title"] == "副教授"
    assert json.loads(after)["birth_date"] == "1985-07-03"  # ISO dates, English keys
    [entry, created] = HistoryService(db).history(EntityKind.MEMBER, record.id)
    assert entry.user_name == "li.secretary" and entry.action == ChangeAction.UPDATE
    assert entry.changes == ["职称：讲师 → 副教授"]
    assert created.action == ChangeAction.CREATE and "姓名：赵一" in created.changes


def test_a_failed_save_after_the_log_write_leaves_neither_the_change_nor_the_entry(
    db, people, monkeypatch
):
    service = MemberService(db)
    record = service.get(people["赵一"])
    rows_before = log_rows(db)
    real = members.record_change

    def write_then_fail(*args, **kwargs):
        real(*args, **kwargs)
        with db.engine.connect() as other:  # not visible outside the transaction yet
            assert len(other.execute(text("SELECT * FROM change_log")).all()) == len(rows_before)
        raise RuntimeError("disk went away")

    monkeypatch.setattr(members, "record_change", write_then_fail)
    with pytest.raises(RuntimeError, match="disk went away"):
        service.update(record.id, make_draft("赵一", sequence=10, title="教授"), expected_version=1)
    assert service.get(record.id).title == "讲师"
    assert log_rows(db) == rows_before


def test_a_save_that_changed_nothing_is_not_an_entry(db, people):
    service = MemberService(db)
    record = service.get(people["孙三"])
    service.update(record.id, record.to_draft(), expected_version=record.version)
    assert [row[2] for row in log_rows(db, "member") if row[1] == record.id] == ["create"]


def test_status_changes_and_transfers_are_member_updates(db, people):
    service = MemberService(db)
    service.record_transfer_in(people["钱二"], date(2020, 1, 1), "某大学党委")
    service.change_status(
        people["钱二"],
        MemberStatus.TRANSFERRED_OUT,
        date(2026, 3, 1),
        other_org="某校",
        today=TODAY,
    )
    [out, transfer_in, _created] = HistoryService(db).history(EntityKind.MEMBER, people["钱二"])
    assert "状态：在册 → 转出" in out.changes
    assert any(line.startswith("组织关系转接：") and "某校" in line for line in out.changes)
    assert transfer_in.changes == ["组织关系转接：（空） → 2020-01-01 转入：某大学党委"]


def test_the_user_name_falls_back_when_the_system_knows_none(monkeypatch):
    def no_user():
        raise OSError("No username set in the environment")

    monkeypatch.setattr(getpass, "getuser", no_user)
    monkeypatch.setenv("USERNAME", "office-pc")
    assert history.user_name() == "office-pc"
    monkeypatch.delenv("USERNAME")
    assert history.user_name() == "未知用户"


def test_settings_groups_and_committee_seats_are_logged(db, people):
    branch = BranchService(db)
    branch.save_branch(BranchInfo("机电工程学院教师党支部"), today=TODAY)
    branch.save_branch(BranchInfo("机电工程学院教师党支部", parent_org="机电总支"), today=TODAY)
    group = branch.save_group("第一党小组", people["赵一"])
    branch.delete_group(group)
    seat = branch.save_seat(people["赵一"], CommitteeRole.SECRETARY, date(2024, 1, 1), TODAY)
    branch.remove_seat(seat)
    archive = BranchServices(db).archive
    archive.save_settings(replace(archive.settings(), fonds="Z001"))
    logged = [(kind, action) for kind, _id, action, *_ in log_rows(db) if kind != "member"]
    # the first member (the people fixture) made the database's branch, unnamed
    assert logged == [
        ("branch", "create"),
        ("branch", "update"),
        ("branch", "update"),
        ("group", "create"),
        ("group", "delete"),
        ("committee_seat", "create"),
        ("committee_seat", "delete"),
        ("archive_settings", "create"),
    ]
    [update, _, _] = HistoryService(db).history(EntityKind.BRANCH, 1)
    assert update.changes == ["上级党组织：（空） → 机电总支"]
    [_, created] = HistoryService(db).history(EntityKind.GROUP, group)
    assert created.changes == ["名称：第一党小组", "组长：赵一"]


def test_a_roster_import_logs_each_member_it_adds_or_changes(db, tmp_path):
    import_file(db, write_roster(tmp_path / "r.xlsx", roster_rows()))
    rows = roster_rows()
    rows[0][TITLE] = "副教授"
    import_file(db, write_roster(tmp_path / "r2.xlsx", rows))
    logged = [(kind, action, user) for kind, _id, action, user, *_ in log_rows(db)]
    assert logged == [
        ("branch", "create", "li.secretary"),  # the first import into a new database
        ("group", "create", "li.secretary"),
        ("member", "create", "li.secretary"),
        ("member", "create", "li.secretary"),
        ("member", "update", "li.secretary"),
    ]
    member_id = log_rows(db, "member")[-1][1]
    [update, _] = HistoryService(db).history(EntityKind.MEMBER, member_id)
    assert update.changes == ["职称：讲师 → 副教授"]


# ---- meetings -------------------------------------------------------------------------------
def test_a_meeting_edit_reads_as_its_changed_fields(db, tmp_path, people):
    service, saved = meeting_with_file(db, tmp_path, people)
    draft = saved.draft
    draft.theme = "研究十一月份支部工作"
    draft.attendance = [
        history_line(draft, people["钱二"], AttendanceStatus.PRESENT, ""),
        *(line for line in draft.attendance if line.member_id != people["钱二"]),
    ]
    draft.attachments = []
    service.save(draft, meeting_id=saved.id, expected_version=saved.version)
    [update, create] = HistoryService(db).history(EntityKind.MEETING, saved.id)
    assert update.changes == [
        "会议主题：研究十月份支部工作 → 研究十一月份支部工作",
        "出席情况：钱二 请假（出差） → 钱二 出席",
        "附件：移除「签到表.jpg」",
    ]
    assert "议程：研究发展对象（一般表决：同意 2，反对 0，弃权 1）" in create.changes
    assert "附件：「签到表.jpg」" in create.changes


def test_a_long_text_changed_near_its_end_shows_where(db, tmp_path, people):
    service, saved = meeting_with_file(db, tmp_path, people)
    draft = saved.draft
    draft.minutes = "一、传达会议精神。" * 10 + "补充：讨论下一季度安排。"
    saved = service.save(draft, meeting_id=saved.id, expected_version=saved.version)
    draft = saved.draft
    draft.minutes += "\n二、研究发展对象。"
    service.save(draft, meeting_id=saved.id, expected_version=saved.version)
    [update, *_] = HistoryService(db).history(EntityKind.MEETING, saved.id)
    assert update.changes == ["会议记录：…论下一季度安排。 → …论下一季度安排。 二、研究发展对象。"]


def test_a_deleted_meeting_comes_back_whole_under_its_own_id(db, tmp_path, people):
    service, saved = meeting_with_file(db, tmp_path, people)
    [attachment] = saved.draft.attachments
    service.delete(saved.id)
    assert not attachment.path.exists()  # nothing unused left in the store itself
    history_service = HistoryService(db)
    [deleted] = history_service.deleted(EntityKind.MEETING)
    assert (deleted.record_id, deleted.title, deleted.kind_label) == (
        saved.id,
        "研究十月份支部工作",
        "支部党员大会",
    )
    assert deleted.record_date == date(2026, 10, 9) and deleted.user_name == "li.secretary"

    result = history_service.restore(EntityKind.MEETING, deleted.id)

    assert (result.record_id, result.notes) == (saved.id, [])
    restored = service.get(saved.id)
    assert restored.draft.theme == "研究十月份支部工作"
    assert restored.draft.minutes == "一、传达会议精神。"
    assert restored.draft.agenda == saved.draft.agenda
    assert restored.draft.attendance == saved.draft.attendance
    [back] = restored.draft.attachments
    assert back.file_name == "签到表.jpg"
    assert back.path.read_bytes() == b"sign-in sheet of the committee"
    [summary] = service.list_meetings()
    assert (summary.present, summary.on_leave, summary.attachment_count) == (2, 1, 1)
    assert [h.record_id for h in SearchService(db).search("十月份")] == [saved.id]
    assert history_service.deleted(EntityKind.MEETING) == []
    actions = [e.action for e in history_service.history(EntityKind.MEETING, saved.id)]
    assert actions == [ChangeAction.RESTORE, ChangeAction.DELETE, ChangeAction.CREATE]
    with pytest.raises(ServiceError, match="已经恢复"):
        history_service.restore(EntityKind.MEETING, deleted.id)


def test_a_new_meeting_never_takes_the_id_of_a_deleted_one(db, people):
    service = MeetingService(db)
    draft = service.new_draft(MeetingKind.THEME_DAY, date(2026, 5, 1))
    draft.theme = "五月主题党日"
    first = service.save(draft)
    service.delete(first.id)
    draft.theme = "另一次主题党日"
    second = service.save(draft)
    assert second.id != first.id
    [entry] = HistoryService(db).history(EntityKind.MEETING, second.id)
    assert entry.action == ChangeAction.CREATE


def test_what_cannot_be_restored_is_said(db, tmp_path, people):
    service, saved = meeting_with_file(db, tmp_path, people)
    service.delete(saved.id)
    for path in service.attachments.root.rglob("*.jpg"):
        path.unlink()  # someone cleaned the folder by hand
    with db.engine.begin() as conn:  # a member file gone (members are never deleted in the program)
        conn.execute(text("DELETE FROM members WHERE id = :i"), {"i": people["钱二"]})
    history_service = HistoryService(db)
    [deleted] = history_service.deleted(EntityKind.MEETING)
    result = history_service.restore(EntityKind.MEETING, deleted.id)
    assert result.notes == [
        "钱二 的党员档案已不存在，未列入出席名单。",
        "附件「签到表.jpg」的文件已不在附件文件夹中，未能恢复。",
    ]
    restored = service.get(result.record_id).draft
    assert [line.name for line in restored.attendance] == ["孙三", "赵一"]
    assert restored.attachments == []
    [entry, *_] = history_service.history(EntityKind.MEETING, result.record_id)
    assert entry.changes == result.notes


# ---- talks ----------------------------------------------------------------------------------
def test_a_deleted_talk_comes_back_with_its_people_and_file(db, tmp_path, people):
    note = tmp_path / "谈话记录.pdf"
    note.write_bytes(b"%PDF-1.4 talk")
    service = TalkService(db)
    draft = TalkDraft(
        talk_date=date(2026, 4, 2),
        topic="谈心谈话",
        content="交流教学科研和思想状况。",
        talker_ids=[people["赵一"]],
        talkee_ids=[people["钱二"], people["孙三"]],
        new_files=[note],
    )
    saved = service.save(draft, today=TODAY)
    service.delete(saved.id)
    history_service = HistoryService(db)
    [deleted] = history_service.deleted(EntityKind.TALK)
    assert deleted.title == "谈心谈话（谈话对象：钱二、孙三）"
    result = history_service.restore(EntityKind.TALK, deleted.id)
    assert (result.record_id, result.notes, result.record_date) == (saved.id, [], date(2026, 4, 2))
    restored = service.get(saved.id)
    assert restored.talker_names == ["赵一"] and sorted(restored.talkee_names) == ["孙三", "钱二"]
    assert restored.draft.content == "交流教学科研和思想状况。"
    assert restored.draft.attachments[0].path.read_bytes() == b"%PDF-1.4 talk"
    assert [t.id for t in service.list_talks()] == [saved.id]
    assert [h.record_id for h in SearchService(db).search("思想状况")] == [saved.id]


def test_only_meetings_and_talks_are_restored(db, people):
    with pytest.raises(ServiceError, match="只有会议记录和谈话记录"):
        HistoryService(db).restore(EntityKind.MEMBER, 1)


# ---- labels ---------------------------------------------------------------------------------
def form_labels(form: str) -> set[str]:
    tree = ET.parse(FORMS / form)
    texts = set()
    for prop in tree.iter("property"):
        node = prop.find("string")
        if prop.get("name") == "text" and node is not None and node.text:
            texts.add(node.text.split("(&")[0].split("（")[0])
    return texts


@pytest.mark.parametrize(
    ("kind", "form", "own"),
    [
        (
            EntityKind.MEMBER,
            "member_dialog.ui",
            {"状态", "状态日期", "状态说明", "组织关系转接", "照片"},
        ),
        (
            EntityKind.MEETING,
            "meeting_editor.ui",
            {"日期", "开始时间", "结束时间", "出席情况", "议程", "附件"},
        ),
        (EntityKind.TALK, "talk_editor.ui", set()),
    ],
)
def test_field_labels_are_the_ones_the_forms_show(kind, form, own):
    """Every label is the form's own words, except the few the form has no label for."""
    assert set(LABELS[kind].values()) - form_labels(form) == own
