import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from dualleader_desktop.demo import populate_demo
from dualleader_desktop.documents import fonts
from dualleader_desktop.documents.verify import check_package, verify_package
from dualleader_desktop.domain.archive import RecordKind
from dualleader_desktop.services.branch import BranchService
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.ui.dialogs import pdf_preview
from dualleader_desktop.ui.pages.archive_page import ArchivePage
from dualleader_desktop.ui.pages.meetings_page import MeetingsPage
from tests.conftest import TODAY


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    from dualleader_desktop.storage.database import Database

    db = Database.open_file(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    populate_demo(db, 2025, today=TODAY)
    return db


def only(page, kinds):
    for kind, check in page.kind_checks.items():
        check.setChecked(kind in kinds)


def test_settings_then_export_with_progress(qtbot, demo_db, tmp_path):
    page = ArchivePage(BranchServices(demo_db).archive)
    qtbot.addWidget(page)
    assert page.fonds_edit.text() == "Z001"  # the demo's example settings
    page.fonds_edit.setText("")
    page.start_export()
    assert page.fonds_error.isVisibleTo(page) and page.task is None  # 全宗号 is required
    page.fonds_edit.setText("Z.01")
    page.start_export()
    assert page.fonds_error.isVisibleTo(page) and page.task is None  # letters and digits only
    page.fonds_edit.setText("Z001")
    page.org_edit.setText("DZB")
    page.year_spin.setValue(2025)
    only(page, {RecordKind.COMMITTEE, RecordKind.ROSTER})
    page.folder_edit.setText(str(tmp_path))
    with qtbot.waitSignal(page.exported, timeout=60000) as blocker:
        page.start_export()
    result = blocker.args[0]
    assert verify_package(result.folder) == []
    assert BranchServices(demo_db).archive.settings().fonds == "Z001"
    assert page.open_button.isVisibleTo(page) and "已导出 13 件" in page.status.text()


def test_a_signed_export_names_its_fingerprint_and_the_choice_is_kept(
    qtbot, demo_db, tmp_path, monkeypatch
):
    from dualleader_desktop import paths
    from dualleader_desktop.documents.signing import wanted_key

    monkeypatch.setattr(paths, "user_data_dir", lambda: tmp_path / "data")  # not the user's
    (tmp_path / "data").mkdir()
    page = ArchivePage(BranchServices(demo_db).archive)
    qtbot.addWidget(page)
    assert not page.sign_check.isChecked()
    page.sign_check.setChecked(True)
    page.year_spin.setValue(2025)
    only(page, {RecordKind.ROSTER})
    page.folder_edit.setText(str(tmp_path / "out"))
    (tmp_path / "out").mkdir()
    with qtbot.waitSignal(page.exported, timeout=60000) as blocker:
        page.start_export()
    result = blocker.args[0]
    assert result.fingerprint and f"公钥指纹：{result.fingerprint}" in page.status.text()
    report = check_package(result.folder, key=wanted_key(result.fingerprint))
    assert report.problems == [] and "签名有效" in report.signature
    again = ArchivePage(BranchServices(demo_db).archive)
    qtbot.addWidget(again)
    assert again.sign_check.isChecked()  # as the last export was


def test_cancel_leaves_nothing(qtbot, demo_db, tmp_path):
    page = ArchivePage(BranchServices(demo_db).archive)
    qtbot.addWidget(page)
    page.fonds_edit.setText("Z001")
    page.year_spin.setValue(2025)
    out = tmp_path / "out"
    out.mkdir()
    page.folder_edit.setText(str(out))
    page.start_export()
    page.task.signals.progress.connect(lambda done, total: page.cancel())
    qtbot.waitUntil(lambda: page.task is None, timeout=60000)
    assert "取消" in page.status.text()
    assert list(out.iterdir()) == []


def test_export_and_preview_one_meeting(qtbot, demo_db, tmp_path, monkeypatch):
    shown = []  # previews are shown inside the program (tests/gui/test_pdf_preview.py)
    monkeypatch.setattr(pdf_preview, "show_pdf", lambda _parent, path: shown.append(str(path)))
    page = MeetingsPage(
        MeetingService(demo_db),
        MemberService(demo_db),
        BranchService(demo_db),
        archive=BranchServices(demo_db).archive,
    )
    qtbot.addWidget(page)
    page.year_filter.setCurrentIndex(page.year_filter.findData(2025))
    page.view.selectRow(0)
    preview = page.preview_current()  # rendered off the GUI thread, then shown
    qtbot.waitUntil(lambda: shown == [str(preview)], timeout=20000)
    assert preview.read_bytes().startswith(b"%PDF")
    page.view.selectRow(1)
    second = page.preview_current()
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=20000)
    # one folder for the program run's previews (removed at exit), not a new one each time
    assert second.parent == preview.parent and second != preview
    assert {preview.name, second.name} <= {p.name for p in preview.parent.iterdir()}
    out = tmp_path / "out"
    out.mkdir()
    page.choose_folder = lambda: str(out)
    page.export_current()
    qtbot.waitUntil(lambda: len(list(out.iterdir())) == 2, timeout=20000)
    assert sorted(p.suffix for p in out.iterdir()) == [".docx", ".pdf"]
    row = page.model.row_at(page.view.currentIndex().row())
    # named by date and theme, not by a database number
    assert all(f"{row.meeting_date:%Y%m%d}_{row.theme[:40]}" in p.name for p in out.iterdir())


@pytest.mark.parametrize("answer", ["仍然导出", "取消"])
def test_without_chinese_fonts_the_page_says_so_before_exporting(
    qtbot, demo_db, tmp_path, monkeypatch, answer
):
    monkeypatch.setattr(fonts, "candidate_sources", lambda: ())  # a machine without any
    page = ArchivePage(BranchServices(demo_db).archive)
    qtbot.addWidget(page)
    page.year_spin.setValue(2025)
    only(page, {RecordKind.COMMITTEE})
    page.folder_edit.setText(str(tmp_path))
    page.start_export()
    question = page.findChild(QMessageBox)
    assert question is not None and page.task is None  # asked first, nothing started
    assert "没有找到中文字体" in question.text() and "请先安装中文字体" in question.text()
    button = next(b for b in question.buttons() if b.text() == answer)
    if answer == "取消":
        button.click()
        assert page.task is None and list(tmp_path.iterdir()) == []
        return
    with qtbot.waitSignal(page.exported, timeout=60000) as blocker:
        button.click()
    assert verify_package(blocker.args[0].folder) == []


def test_with_chinese_fonts_the_export_starts_without_a_question(qtbot, demo_db, monkeypatch):
    monkeypatch.setattr(fonts, "embedding_available", lambda: True)
    monkeypatch.setattr(ArchivePage, "_export", lambda page, formats, kinds: page.started.append(1))
    page = ArchivePage(BranchServices(demo_db).archive)
    page.started = []
    qtbot.addWidget(page)
    page.start_export()
    assert page.started == [1] and page.findChild(QMessageBox) is None


def test_the_school_template_is_chosen_refused_and_reset_on_the_page(qtbot, tmp_path):
    from dualleader_desktop.storage.database import Database
    from tests.school_templates import school_template

    db = Database.open_file(tmp_path / "branch.sqlite3")
    page = ArchivePage(BranchServices(db).archive)
    qtbot.addWidget(page)
    page.show()
    box = page.layout_box
    assert "GB/T 9704" in box.summary.text() and not box.reset_button.isEnabled()
    template = tmp_path / "学校公文模板.dotx"
    template.write_bytes(school_template())
    box.choose_file = lambda: str(template)
    qtbot.mouseClick(box.choose_button, Qt.MouseButton.LeftButton)
    assert "学校模板：学校公文模板.dotx" in box.summary.text() and box.reset_button.isEnabled()
    assert BranchServices(db).layout.profile().body_font == "宋体"  # kept in the database
    # a file that cannot be a template: said why, the chosen one stays
    old = tmp_path / "旧文件.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    box.choose_file = lambda: str(old)
    qtbot.mouseClick(box.choose_button, Qt.MouseButton.LeftButton)
    [message] = [m for m in box.findChildren(QMessageBox) if m.isVisible()]
    assert "另存为 .docx" in message.text()
    message.close()
    assert BranchServices(db).layout.info().template_name == "学校公文模板.dotx"
    qtbot.mouseClick(box.reset_button, Qt.MouseButton.LeftButton)
    assert BranchServices(db).layout.info().template_name == ""
    assert "GB/T 9704" in box.summary.text() and not box.reset_button.isEnabled()
    db.dispose()
