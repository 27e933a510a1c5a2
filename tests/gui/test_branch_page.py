from datetime import date

import pytest

from dualleader_desktop.domain.committee import term_end
from dualleader_desktop.domain.enums import CommitteeRole
from dualleader_desktop.services.branch import BranchService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.ui.pages.branch_page import BranchPage
from tests.conftest import TODAY, make_draft
from tests.gui.chinese_input import type_text


@pytest.fixture
def page(qtbot, db):
    page = BranchPage(BranchService(db), MemberService(db))
    qtbot.addWidget(page)
    return page


def test_branch_details_saved_and_empty_name_refused(qtbot, page, db):
    assert page.first_run.isVisibleTo(page)
    page.save_details()
    assert page.name_error.isVisibleTo(page)
    assert BranchService(db).get_branch() is None
    type_text(page.name_edit, "机电工程学院教师党支部")
    type_text(page.parent_edit, "机电工程学院党总支")
    with qtbot.waitSignal(page.branch_changed):
        page.save_details()
    info = BranchService(db).get_branch()
    assert (info.name, info.parent_org) == ("机电工程学院教师党支部", "机电工程学院党总支")
    assert not page.first_run.isVisibleTo(page)


def test_group_and_committee_seat_through_dialogs(qtbot, page, db, monkeypatch):
    member = MemberService(db).add(make_draft("王伟"), today=TODAY)
    page.refresh()
    dialog = page.add_group()
    type_text(dialog.name_edit, "第一党小组")
    dialog.leader_combo.setCurrentIndex(dialog.leader_combo.findText("王伟"))
    dialog.save()
    [group] = BranchService(db).list_groups()
    assert (group.name, group.leader_name) == ("第一党小组", "王伟")
    seat = page.add_seat()
    assert seat.end_edit.date().toPython() == term_end(seat.start_edit.date().toPython())
    seat.role_combo.setCurrentIndex(seat.role_combo.findText("书记"))
    seat.save()
    [saved] = BranchService(db).list_committee()
    assert (saved.member_id, saved.role_label) == (member.id, "书记")
    assert page.committee_model.rowCount() == 1
    # a group with members is not deleted
    draft = MemberService(db).get(member.id).to_draft()
    draft.party_group_id = group.id
    MemberService(db).update(member.id, draft, expected_version=member.version, today=TODAY)
    page.refresh()
    page.groups_view.selectRow(0)
    monkeypatch.setattr(page, "confirm", lambda _text: True)
    page.delete_group()
    assert len(BranchService(db).list_groups()) == 1


def test_warnings_and_models(qtmodeltester, page, db):
    branch = BranchService(db)
    member = MemberService(db).add(make_draft("王伟"), today=TODAY)
    branch.save_group("第一党小组", member.id)
    branch.save_seat(member.id, CommitteeRole.SECRETARY, date(2024, 1, 1), date(2026, 12, 31))
    page.refresh()
    assert page.warnings.isVisibleTo(page) and "届满" in page.warnings.text()
    qtmodeltester.check(page.groups_model)
    qtmodeltester.check(page.committee_model)


def test_adding_a_group_keeps_unsaved_branch_details(qtbot, page, db):
    type_text(page.name_edit, "机电工程学院教师党支部")
    page.save_details()
    type_text(page.studio_edit, "双带头人工作室")  # typed, not yet saved
    dialog = page.add_group()
    type_text(dialog.name_edit, "第一党小组")
    dialog.save()
    assert page.groups_model.rowCount() == 1
    assert page.studio_edit.text() == "双带头人工作室"
