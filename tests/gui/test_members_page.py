"""The members page: its filter box."""

from datetime import date

import pytest
from PySide6.QtCore import Qt

from dualleader_desktop.domain.enums import MemberStatus
from dualleader_desktop.services.branch import BranchService
from dualleader_desktop.services.members import MemberService
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
