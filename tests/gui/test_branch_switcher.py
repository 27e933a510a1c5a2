"""The branch switcher: only where a database holds two or more branches; choosing one rebuilds
every page for it, and the window opens on the branch chosen last."""

from __future__ import annotations

from datetime import date

import pytest

from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.services.branch import BranchInfo, BranchService, list_branches
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.ui.main_window import MainWindow
from tests.conftest import TODAY, make_draft


def open_window(qtbot, db) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def names_on_roster(window: MainWindow) -> list[str]:
    return sorted(r.name for r in window.members_page.model.all_records())


def add_branch(db, name: str, members: list[str], sequence: int, *, first=False) -> int:
    if first:
        BranchService(db).save_branch(BranchInfo(name), today=TODAY)
        branch_id = list_branches(db)[0].id
    else:
        branch_id = BranchService(db, list_branches(db)[0].id).create_branch(BranchInfo(name))
    service = MemberService(db, branch_id)
    for n, member in enumerate(members):
        service.add(make_draft(member, sequence=sequence + 2 * n), today=TODAY)
    meetings = MeetingService(db, branch_id)
    draft = meetings.new_draft(MeetingKind.BRANCH_ASSEMBLY, date(2026, 3, 5))
    draft.theme = f"{name}党员大会"
    meetings.save(draft)
    return branch_id


@pytest.fixture
def two_branches(db):
    first = add_branch(db, "机电工程学院教工党支部", ["王伟", "李娜"], 11, first=True)
    second = add_branch(db, "信息工程学院教工党支部", ["张敏", "刘洋", "陈静"], 31)
    return first, second


def test_a_database_of_one_branch_shows_no_switcher(qtbot, db):
    add_branch(db, "机电工程学院教工党支部", ["王伟"], 11, first=True)
    window = open_window(qtbot, db)
    assert not any(action.isVisible() for action in window.branch_switcher_actions)
    assert names_on_roster(window) == ["王伟"]


def test_switching_rebuilds_the_pages_and_is_remembered(qtbot, db, two_branches):
    first, second = two_branches
    window = open_window(qtbot, db)
    assert all(action.isVisible() for action in window.branch_switcher_actions)
    assert window.branch_switcher.count() == 2
    assert window.branch_id == first and names_on_roster(window) == ["李娜", "王伟"]
    window.show_page(1)
    assert [m.theme for m in window.meetings_page.model.rows()] == [
        "机电工程学院教工党支部党员大会"
    ]

    window.branch_switcher.setCurrentIndex(1)
    window.branch_switcher.activated.emit(1)
    assert window.branch_id == second
    assert names_on_roster(window) == ["刘洋", "张敏", "陈静"]
    assert window.stack.currentWidget() is window.meetings_page  # the same page, rebuilt
    assert [m.theme for m in window.meetings_page.model.rows()] == [
        "信息工程学院教工党支部党员大会"
    ]
    assert "信息工程学院教工党支部" in window.windowTitle()
    assert "在册党员 3 人" in window.count_label.text()
    window.search_box.setText("王伟")
    window.run_search()
    assert window.search_page.model.rowCount() == 0  # the other branch's member
    window.close()

    again = open_window(qtbot, db)
    assert again.branch_id == second and names_on_roster(again) == ["刘洋", "张敏", "陈静"]
    assert again.branch_switcher.currentData() == second


def test_a_new_branch_is_made_from_the_menu_and_shown(qtbot, db):
    first = add_branch(db, "机电工程学院教工党支部", ["王伟"], 11, first=True)
    window = open_window(qtbot, db)
    dialog = window.new_branch()
    dialog.name_edit.setText("机电工程学院教工党支部")  # a name the database has
    dialog.buttons.accepted.emit()
    assert dialog.isVisible() and "已有名为" in dialog.error.text()
    assert len(list_branches(db)) == 1

    dialog.name_edit.setText("信息工程学院教工党支部")
    dialog.parent_edit.setText("中共某学院信息工程学院总支部委员会")
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    (second,) = [e.id for e in list_branches(db) if e.id != first]
    assert BranchService(db, second).get_branch().parent_org == "中共某学院信息工程学院总支部委员会"
    assert window.branch_id == second and names_on_roster(window) == []
    assert window.stack.currentWidget() is window.branch_page
    assert all(action.isVisible() for action in window.branch_switcher_actions)
    assert window.branch_switcher.currentData() == second
    assert "信息工程学院教工党支部" in window.windowTitle()
