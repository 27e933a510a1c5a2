"""The members page: its filter box, and members who transfer in from another organization."""

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from dualleader_desktop.domain.enums import Gender, MemberStatus, TransferDirection
from dualleader_desktop.domain.validators import build_id_number
from dualleader_desktop.services.branch import BranchService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.ui.dialogs.member_dialog import MemberDialog
from dualleader_desktop.ui.dialogs.status_dialog import TRANSFER_IN_LABEL
from dualleader_desktop.ui.models.roster_model import COL_NAME
from dualleader_desktop.ui.pages.members_page import MembersPage
from tests.conftest import TODAY, make_draft
from tests.gui.chinese_input import type_text


@pytest.fixture
def page(qtbot, db):
    members = MemberService(db)
    members.add(make_draft("王伟", sequence=11), today=TODAY)
    members.add(
        make_draft("李娜", sequence=12, gender=None, department="信息工程学院"), today=TODAY
    )
    members.add(make_draft("张强", sequence=13, phone="13912345678"), today=TODAY)
    page = MembersPage(members, BranchService(db))
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def shown(page) -> list[str]:
    return [page.model.index(r, COL_NAME).data() for r in range(page.model.rowCount())]


def button(page, text: str) -> QPushButton:
    [found] = [b for b in page.findChildren(QPushButton) if b.text() == text]
    return found


# ---- the filter box ------------------------------------------------------------------------
def test_the_filter_box_narrows_the_roster_as_it_is_typed(qtbot, page):
    assert page.filter_edit.placeholderText() == "筛选：姓名、身份证号、电话、部门"
    assert page.count_label.text() == "显示 3 人 / 在册 3 人"
    type_text(page.filter_edit, "信息")  # a department
    assert shown(page) == ["李娜"]
    assert page.count_label.text() == "显示 1 人 / 在册 3 人"
    page.filter_edit.clear()
    qtbot.keyClicks(page.filter_edit, "139")  # a phone number, a key at a time
    assert shown(page) == ["张强"]
    qtbot.keyClicks(page.filter_edit, "0")
    assert shown(page) == [] and page.count_label.text() == "显示 0 人 / 在册 3 人"
    assert page.view.isVisible()  # an empty result is not the "no members yet" page


def test_the_filter_box_works_with_the_other_filters_and_a_reload(qtbot, db, page):
    service = MemberService(db)
    [zhang] = [r for r in service.list_members() if r.name == "张强"]
    service.change_status(zhang.id, MemberStatus.DECEASED, date(2026, 1, 2), today=TODAY)
    page.refresh()
    qtbot.keyClicks(page.filter_edit, "13912")
    assert shown(page) == []  # on the roll only, by default
    page.status_filter.setCurrentIndex(page.status_filter.findText("全部状态"))
    assert shown(page) == ["张强"]
    page.refresh()  # after a save elsewhere: the text still applies
    assert shown(page) == ["张强"] and page.filter_edit.text() == "13912"


def test_ctrl_l_leads_to_the_filter_and_escape_clears_it(qtbot, page):
    page.view.setFocus()
    qtbot.keyClicks(page.filter_edit, "wang")
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert page.filter_edit.hasFocus() and page.filter_edit.selectedText() == "wang"
    qtbot.keyClick(page.filter_edit, Qt.Key.Key_Escape)
    assert page.filter_edit.text() == "" and len(shown(page)) == 3


# ---- 转入党员… ------------------------------------------------------------------------------
def fill_member(qtbot, ui, name: str = "赵敏", sequence: int = 31) -> str:
    number = build_id_number("360102", date(1990, 4, 5), sequence, Gender.FEMALE)
    type_text(ui.nameEdit, name)
    type_text(ui.idNumberEdit, number)
    qtbot.keyClicks(ui.joinedDateEdit, "2015-07-01")
    qtbot.keyClicks(ui.fullMemberDateEdit, "2016-07-01")
    return number


def test_a_member_transferred_in_is_on_the_roll_from_the_transfer_day(qtbot, page, db):
    qtbot.mouseClick(button(page, "转入党员…"), Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, MemberDialog)
    qtbot.waitExposed(dialog)
    ui = dialog.ui
    assert ui.transferBox.isVisible() and dialog.windowTitle().startswith("转入党员")
    assert ui.transferDateEdit.text() == ""
    fill_member(qtbot, ui)
    save = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    save.click()
    assert ui.transferDateError.isVisible() and "请填写转入日期" in ui.transferDateError.text()
    assert ui.otherOrgError.isVisible() and "原所在党组织" in ui.otherOrgError.text()
    service = MemberService(db)
    assert len(service.list_members()) == 3  # nothing saved

    qtbot.keyClicks(ui.transferDateEdit, "2025.06")
    save.click()
    assert ui.transferDateError.text() == "转入日期请填写到日，如 2025-06-01"
    ui.transferDateEdit.selectAll()
    qtbot.keyClicks(ui.transferDateEdit, "2025-06-01")
    type_text(ui.otherOrgEdit, "南昌大学教工党支部")
    type_text(ui.transferNoteEdit, "介绍信 2025-118 号")
    with qtbot.waitSignal(dialog.saved):
        save.click()

    [member] = [m for m in service.list_members() if m.name == "赵敏"]
    [transfer] = service.transfers(member.id)
    assert (transfer.direction, transfer.transfer_date, transfer.other_org, transfer.note) == (
        TransferDirection.IN,
        date(2025, 6, 1),
        "南昌大学教工党支部",
        "介绍信 2025-118 号",
    )
    assert "赵敏" not in {m.name for m in service.on_roll(date(2025, 5, 31))}
    assert "赵敏" in {m.name for m in service.on_roll(date(2025, 6, 1))}
    assert page.view.currentIndex().row() == page.model.row_of(member.id)  # shown, selected


def test_the_status_dialog_records_a_transfer_in_of_a_member_on_the_roll(qtbot, page, db):
    service = MemberService(db)
    page.view.selectRow(page.model.row_of(next(r.id for r in service.list_members())))
    member = page.model.record_at(page.view.currentIndex().row())
    status = page.change_status()
    qtbot.waitExposed(status)
    ui = status.ui
    ui.statusCombo.setCurrentIndex(ui.statusCombo.findText(TRANSFER_IN_LABEL))
    assert ui.otherOrgLabel.text() == "原所在党组织(&O)" and ui.otherOrgEdit.isEnabled()
    assert ui.dateLabel.text() == "转入日期(&D)"
    ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    ui.dateEdit.setDate(QDate(2025, 6, 1))
    ok.click()
    assert ui.otherOrgError.isVisible() and service.transfers(member.id) == []
    ui.dateEdit.setDate(QDate(2008, 6, 1))  # before joining on 2008-06-20
    type_text(ui.otherOrgEdit, "某高校机械学院党委")
    ok.click()
    assert "不能早于入党时间" in ui.dateError.text() and service.transfers(member.id) == []
    ui.dateEdit.setDate(QDate(2025, 6, 1))
    with qtbot.waitSignal(status.saved):
        ok.click()
    [transfer] = service.transfers(member.id)
    assert (transfer.direction, transfer.transfer_date) == (TransferDirection.IN, date(2025, 6, 1))
    assert service.get(member.id).status == MemberStatus.ACTIVE
    assert member.name not in {m.name for m in service.on_roll(date(2025, 5, 31))}
    assert member.name in {m.name for m in service.on_roll(date(2025, 6, 1))}


def test_a_member_who_left_is_offered_no_transfer_in(qtbot, page, db):
    service = MemberService(db)
    record = service.list_members()[0]
    service.change_status(
        record.id, MemberStatus.TRANSFERRED_OUT, date(2026, 3, 1), other_org="某校", today=TODAY
    )
    page.status_filter.setCurrentIndex(page.status_filter.findText("全部状态"))
    page.refresh()
    page.view.selectRow(page.model.row_of(record.id))
    status = page.change_status()
    entries = [status.ui.statusCombo.itemText(i) for i in range(status.ui.statusCombo.count())]
    assert "恢复在册" in entries and TRANSFER_IN_LABEL not in entries


def test_category_status_and_group_show_beside_the_name(page):
    """A narrow window (1093 px) still shows what a member is: the columns that say so come
    right after 姓名 on screen, while the model keeps its order."""
    from dualleader_desktop.ui.models.roster_model import COL_CATEGORY, COL_GROUP, COL_STATUS

    header = page.view.horizontalHeader()
    first = [header.logicalIndex(place) for place in range(4)]
    assert first == [COL_NAME, COL_CATEGORY, COL_STATUS, COL_GROUP]
    assert [page.model.headerData(c, Qt.Orientation.Horizontal) for c in first] == [
        "姓名",
        "党员类别",
        "状态",
        "党小组",
    ]
