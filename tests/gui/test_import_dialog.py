from datetime import date

import pytest

from dualleader_desktop.services.members import MemberService
from dualleader_desktop.services.roster import RosterService
from dualleader_desktop.ui.dialogs.import_dialog import ImportDialog
from tests.conftest import make_draft
from tests.roster_workbooks import draft_row, write_roster


@pytest.fixture
def dialog(qtbot, db):
    dialog = ImportDialog(RosterService(db))
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def rows(*drafts):
    return [draft_row(d, n) for n, d in enumerate(drafts, start=1)]


def test_preview_then_import(qtbot, dialog, db, tmp_path, qtmodeltester):
    path = tmp_path / "花名册.xlsx"
    write_roster(
        path, rows(make_draft("王伟", sequence=11), make_draft("李娜", sequence=12, gender=None))
    )
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)
    assert dialog.model.rowCount() == 2
    assert "新增 2" in dialog.summary.text()
    assert dialog.import_button.isEnabled()
    qtmodeltester.check(dialog.model)
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        dialog.import_button.click()
    assert sorted(m.name for m in MemberService(db).list_members()) == ["李娜", "王伟"]


def test_invalid_row_blocks_until_skipped(qtbot, dialog, db, tmp_path):
    bad = make_draft("张强", sequence=13)
    bad.joined_date = date(2030, 1, 1)
    path = tmp_path / "花名册.xlsx"
    write_roster(path, rows(make_draft("王伟", sequence=11), bad))
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)
    assert "有错误 1" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    dialog.errors_only.setChecked(True)
    assert dialog.model.rowCount() == 1
    assert MemberService(db).list_members() == []
    dialog.skip_invalid.setChecked(True)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        dialog.import_button.click()
    assert [m.name for m in MemberService(db).list_members()] == ["王伟"]


def test_not_a_workbook_says_so(qtbot, dialog, db, tmp_path):
    path = tmp_path / "名单.xlsx"
    path.write_text("这不是 Excel 文件", encoding="utf-8")
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    assert "Excel" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
