"""预览 PDF inside the program (QtPdf), its fallbacks when QtPdf or a viewer is missing, and
「打开所在文件夹」 after exporting one record."""

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from reportlab.pdfgen import canvas

from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.ui import system_open
from dualleader_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog, show_pdf
from dualleader_desktop.ui.pages.meetings_page import MeetingsPage
from dualleader_desktop.ui.pages.talks_page import TalksPage


@pytest.fixture
def opened(monkeypatch):
    """What was handed to the system (viewer, file manager); ``works`` says whether it can."""

    class Opened(list):
        works = True

    calls = Opened()

    def open_path(path):
        calls.append(Path(path))
        return calls.works

    monkeypatch.setattr(system_open, "open_path", open_path)
    return calls


@pytest.fixture
def three_pages(tmp_path) -> Path:
    path = tmp_path / "三页.pdf"
    pdf = canvas.Canvas(str(path))
    for number in range(1, 4):
        pdf.drawString(72, 720, f"page {number}")
        pdf.showPage()
    pdf.save()
    return path


@pytest.fixture
def services(demo_file):
    from dualleader_desktop.storage.database import Database

    db = Database.open_file(demo_file)
    yield BranchServices(db)
    db.dispose()


def visible_boxes(parent) -> list[QMessageBox]:
    return [box for box in parent.findChildren(QMessageBox) if box.isVisible()]


def button(box: QMessageBox, text: str):
    [found] = [b for b in box.buttons() if b.text() == text]
    return found


def test_the_preview_pages_and_zooms(qtbot, three_pages, opened):
    dialog = show_pdf(None, three_pages)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    assert isinstance(dialog, PdfPreviewDialog) and opened == []
    assert dialog.windowTitle() == "预览 — 三页.pdf"
    assert dialog.page_label.text() == "第 1 / 3 页"
    assert not dialog.previous_button.isEnabled() and dialog.next_button.isEnabled()
    dialog.next_button.click()
    dialog.next_button.click()
    assert dialog.current_page() == 2 and dialog.page_label.text() == "第 3 / 3 页"
    assert not dialog.next_button.isEnabled()
    dialog.previous_button.click()
    assert dialog.page_label.text() == "第 2 / 3 页"
    fitted = dialog._shown_zoom()
    dialog.zoom_in_button.click()
    assert dialog.view.zoomMode() == dialog.view.ZoomMode.Custom
    assert dialog.view.zoomFactor() == pytest.approx(fitted * 1.25)
    dialog.zoom_out_button.click()
    dialog.zoom_out_button.click()
    assert dialog.view.zoomFactor() == pytest.approx(fitted / 1.25)
    dialog.fit_page_button.click()
    assert dialog.view.zoomMode() == dialog.view.ZoomMode.FitInView
    dialog.system_button.click()
    dialog.folder_button.click()
    assert opened == [three_pages, three_pages.parent]


def test_the_preview_says_when_the_system_has_no_viewer(qtbot, three_pages, opened):
    opened.works = False
    dialog = show_pdf(None, three_pages)
    qtbot.addWidget(dialog)
    dialog.system_button.click()
    [box] = visible_boxes(dialog)
    assert "没有可以打开 PDF 的程序" in box.text() and str(three_pages) in box.text()


def test_without_qtpdf_the_system_viewer_opens_it(qtbot, three_pages, opened, monkeypatch):
    monkeypatch.setitem(sys.modules, "PySide6.QtPdf", None)  # import fails as if not installed
    assert show_pdf(None, three_pages) is None
    assert opened == [three_pages]


def test_without_qtpdf_nor_a_viewer_a_message_says_where_the_pdf_is(
    qtbot, three_pages, opened, monkeypatch
):
    monkeypatch.setitem(sys.modules, "PySide6.QtPdf", None)
    opened.works = False
    box = show_pdf(None, three_pages)
    qtbot.addWidget(box)
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "QtPdf" in box.text() and "没有可以打开 PDF 的程序" in box.text()
    assert str(three_pages) in box.text()
    opened.works = True
    button(box, "打开所在文件夹").click()
    assert opened == [three_pages, three_pages.parent]


def test_a_file_qtpdf_cannot_read_goes_to_the_system_viewer(qtbot, tmp_path, opened):
    broken = tmp_path / "坏.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    opened.works = False
    box = show_pdf(None, broken)
    qtbot.addWidget(box)
    assert opened == [broken]
    assert "无法读取" in box.text() and str(broken) in box.text()


def test_a_meeting_is_previewed_inside_the_program(qtbot, services, opened):
    page = MeetingsPage(
        services.meetings, services.members, services.branch, archive=services.archive
    )
    qtbot.addWidget(page)
    page.view.selectRow(0)
    target = page.preview_current()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20000)
    qtbot.addWidget(page.preview)
    assert isinstance(page.preview, PdfPreviewDialog) and page.preview.path == target
    assert page.preview.page_count() >= 1 and page.preview.isVisible()
    assert opened == []  # no system viewer needed


def test_exporting_a_talk_offers_its_folder(qtbot, services, opened, tmp_path):
    page = TalksPage(services.talks, services.members, archive=services.archive)
    qtbot.addWidget(page)
    page.view.selectRow(0)
    out = tmp_path / "out"
    out.mkdir()
    page.choose_folder = lambda: str(out)
    page.export_current()
    qtbot.waitUntil(lambda: page.exported_box is not None, timeout=20000)
    box = page.exported_box
    assert box.isVisible() and str(out) in box.text()
    assert sorted(p.suffix for p in out.iterdir()) == [".docx", ".pdf"]
    button(box, "打开所在文件夹").click()
    assert opened == [out]


def test_a_folder_the_system_cannot_open_is_named(qtbot, services, opened, tmp_path):
    page = MeetingsPage(
        services.meetings, services.members, services.branch, archive=services.archive
    )
    qtbot.addWidget(page)
    page.view.selectRow(0)
    page.choose_folder = lambda: str(tmp_path)
    page.export_current()
    qtbot.waitUntil(lambda: page.exported_box is not None, timeout=20000)
    opened.works = False
    button(page.exported_box, "打开所在文件夹").click()
    [box] = visible_boxes(page)
    assert box.windowTitle() == "无法打开文件夹" and str(tmp_path) in box.text()
