from datetime import date

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.services.roster import RowAction
from dualleader_desktop.ui.dialogs import import_dialog
from dualleader_desktop.ui.dialogs.import_dialog import ImportDialog
from tests.conftest import TODAY, make_draft
from tests.roster_workbooks import draft_row, write_roster


@pytest.fixture
def dialog(qtbot, db):
    dialog = ImportDialog(BranchServices(db).roster)
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


def test_file_picker_offers_xls_and_all_files_and_explains_an_old_workbook(
    qtbot, dialog, tmp_path, monkeypatch
):
    old = tmp_path / "花名册.xls"
    old.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504)
    asked = {}

    def get_open_file_name(_parent, _caption, _folder, file_filter):
        asked["filter"] = file_filter
        return str(old), ""

    monkeypatch.setattr(import_dialog.QFileDialog, "getOpenFileName", get_open_file_name)
    dialog.pick()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    assert asked["filter"] == "Excel 文件 (*.xlsx *.xlsm *.xls);;所有文件 (*)"
    assert "Excel 97-2003" in dialog.summary.text() and "另存为" in dialog.summary.text()


def test_any_dropped_file_reaches_the_importer(qtbot, dialog, tmp_path):
    csv = tmp_path / "名单.csv"
    csv.write_text("姓名,身份证号\n王伟,360102198507030118\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(csv))])
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    dialog.dragEnterEvent(enter)
    assert enter.isAccepted()
    dialog.dropEvent(QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, buttons, modifiers))
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    assert "不是 Excel 工作簿" in dialog.summary.text() and "CSV" in dialog.summary.text()


def test_a_plan_refused_as_out_of_date_must_be_checked_again(qtbot, dialog, db, tmp_path):
    path = write_roster(
        tmp_path / "花名册.xlsx", rows(make_draft("王伟"), make_draft("李娜", sequence=22))
    )
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)
    MemberService(db).add(make_draft("李娜", sequence=22), today=TODAY)  # meanwhile, elsewhere

    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)

    assert dialog.plan is None and dialog.model.rowCount() == 0
    assert not dialog.import_button.isEnabled()
    assert "已登记在党员「李娜」名下" in dialog.summary.text()
    assert "重新检查" in dialog.summary.text() and dialog.recheck_button.isVisible()
    assert [m.name for m in MemberService(db).list_members()] == ["李娜"]

    dialog.recheck_button.click()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)
    assert [row.action for row in dialog.plan.rows] == [RowAction.NEW, RowAction.UNCHANGED]
    assert dialog.import_button.isEnabled() and not dialog.recheck_button.isVisible()
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        dialog.import_button.click()
    assert sorted(m.name for m in MemberService(db).list_members()) == ["李娜", "王伟"]
