"""The 民主评议 page beyond the grid: a member's self-evaluation handed in as a file, the notes
and the 优秀 share saved; the year's documents and the Excel sheet written and read back; and
a search hit of an evaluation or a survey opened in the window."""

from __future__ import annotations

from fractions import Fraction

import openpyxl
import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QMessageBox

from dualleader_desktop.domain.evaluation import Ballots, Step
from dualleader_desktop.storage.search_index import SearchKind
from dualleader_desktop.ui import system_open
from dualleader_desktop.ui.main_window import MainWindow
from dualleader_desktop.ui.models.evaluation_model import COL_NAME
from dualleader_desktop.ui.pages import evaluation_checks, evaluation_exports
from tests.conftest import TODAY
from tests.gui.chinese_input import type_text
from tests.gui.test_evaluation_page import (
    COUNTS,
    NAMES,
    YEAR,
    choose_poll_meeting,
    counts_in_grid,
    make_page,
    make_services,
    message_boxes,
    row_of,
    save,
    saved_draft,
)


@pytest.fixture
def services(db):
    return make_services(db)


@pytest.fixture
def page(qtbot, services, monkeypatch):
    return make_page(qtbot, services, monkeypatch)


def choose(page, name: str) -> None:
    page.ui.gridView.setCurrentIndex(page.model.index(row_of(page, name), COL_NAME))


def pick_file(monkeypatch, path) -> None:
    monkeypatch.setattr(
        evaluation_checks.QFileDialog, "getOpenFileName", lambda *_args: (str(path), "")
    )


# ---- the member's file, the notes, the share ---------------------------------------------


def test_a_self_evaluation_file_is_attached_opened_and_removed(
    qtbot, page, services, monkeypatch, tmp_path
):
    ui = page.ui
    summary = tmp_path / "李娜个人总结.docx"
    summary.write_bytes(b"self-evaluation of Li Na")
    opened = []
    monkeypatch.setattr(system_open, "open_path", lambda path: opened.append(path) or True)
    choose(page, "李娜")
    assert ui.selfReviewFileName.text() == "未附" and not ui.openFileButton.isEnabled()
    pick_file(monkeypatch, summary)
    ui.attachFileButton.click()
    assert ui.selfReviewFileName.toolTip() == "李娜个人总结.docx"
    assert ui.attachFileButton.text() == "更换…" and page.dirty
    ui.openFileButton.click()
    assert opened == [summary]  # not saved yet: opened where it is
    # another member's file of the same name is refused, saying what to do
    choose(page, "张敏")
    ui.attachFileButton.click()
    assert any("李娜已附有名为“李娜个人总结.docx”" in t for t in message_boxes(page))
    assert page.draft.line(services.ids["张敏"]).self_review_file == ""
    save(qtbot, page)
    draft = saved_draft(services)
    assert draft.line(services.ids["李娜"]).self_review_file == "李娜个人总结.docx"
    [stored] = draft.attachments
    assert stored.file_name == "李娜个人总结.docx"
    # read back: opened from the store
    page.load(YEAR)
    choose(page, "李娜")
    assert ui.selfReviewFileName.toolTip() == "李娜个人总结.docx"
    ui.openFileButton.click()
    assert opened[-1] != summary
    assert opened[-1].read_bytes() == b"self-evaluation of Li Na"
    ui.removeFileButton.click()
    assert ui.selfReviewFileName.text() == "未附" and page.dirty
    save(qtbot, page)
    draft = saved_draft(services)
    assert draft.attachments == [] and draft.line(services.ids["李娜"]).self_review_file == ""


def test_notes_and_the_excellent_share_are_saved(qtbot, page, services):
    ui = page.ui
    assert ui.shareCombo.currentText() == "1/3"
    assert "优秀最多 1 人（参评人数的 1/3）" in ui.distributionLabel.text()
    ui.notesEdit.setFocus()
    type_text(ui.notesEdit, "测评票当场收回，无废票")
    assert page.draft.notes == "测评票当场收回，无废票" and page.dirty
    index = ui.shareCombo.findText("15%")
    ui.shareCombo.setCurrentIndex(index)
    ui.shareCombo.activated.emit(index)
    assert "优秀最多 0 人（参评人数的 15%）" in ui.distributionLabel.text()
    save(qtbot, page)
    draft = saved_draft(services)
    assert draft.notes == "测评票当场收回，无废票"
    assert draft.excellent_share == Fraction(3, 20)
    page.load(YEAR)
    assert ui.notesEdit.text() == "测评票当场收回，无废票"
    assert ui.shareCombo.currentText() == "15%"


# ---- documents and the Excel sheet -------------------------------------------------------


def test_a_document_is_written_as_word_and_pdf_into_the_folder_chosen(
    qtbot, page, services, monkeypatch, tmp_path
):
    choose_poll_meeting(page, services.poll_meeting_id)
    for line, counts in zip(page.draft.lines, COUNTS, strict=True):
        line.ballots = Ballots.of_counts(counts)
    save(qtbot, page)
    folder = tmp_path / "文书"
    folder.mkdir()
    monkeypatch.setattr(
        evaluation_exports.QFileDialog, "getExistingDirectory", lambda *_args: str(folder)
    )
    task = page.export_document("EVALUATION_TALLY")
    with qtbot.waitSignal(task.signals.finished, timeout=20000):
        pass
    written = sorted(folder.iterdir())
    assert [p.suffix for p in written] == [".docx", ".pdf"]
    assert all(p.stat().st_size > 0 for p in written)
    assert all(str(p) in page.exported_box.text() for p in written)


def test_the_sheet_is_exported_filled_and_imported_unsaved(
    qtbot, page, services, monkeypatch, tmp_path
):
    choose_poll_meeting(page, services.poll_meeting_id)
    save(qtbot, page)
    target = tmp_path / "测评统计表.xlsx"
    monkeypatch.setattr(
        evaluation_exports.QFileDialog, "getSaveFileName", lambda *_args: (str(target), "")
    )
    with qtbot.waitSignal(page.export_sheet().signals.finished, timeout=10000):
        pass
    workbook = openpyxl.load_workbook(target)
    sheet = workbook.active
    rows = {sheet.cell(r, 2).value: r for r in range(4, sheet.max_row + 1)}
    for name, counts in zip(NAMES, COUNTS, strict=True):
        for offset, count in enumerate(counts):
            sheet.cell(rows[name], 3 + offset).value = count
    workbook.save(target)
    monkeypatch.setattr(
        evaluation_exports.QFileDialog, "getOpenFileName", lambda *_args: (str(target), "")
    )
    with qtbot.waitSignal(page.import_sheet().signals.finished, timeout=10000):
        pass
    assert counts_in_grid(page) == dict(zip(NAMES, COUNTS, strict=True))
    assert page.dirty and "有尚未保存的修改" in page.ui.statusLabel.text()
    assert all(line.ballots.total == 0 for line in saved_draft(services).lines)
    assert any("请核对后保存（Ctrl+S）" in t for t in message_boxes(page))
    save(qtbot, page)  # what Ctrl+S does
    lines = {line.name: line.ballots.counts() for line in saved_draft(services).lines}
    assert lines == dict(zip(NAMES, COUNTS, strict=True))
    # a sheet with a wrong count is refused whole, saying where and what to do
    sheet.cell(rows["李娜"], 3).value = "四"
    sheet.cell(rows["王伟"], 3).value = 1
    workbook.save(target)
    with qtbot.waitSignal(page.import_sheet().signals.failed, timeout=10000):
        pass
    [text] = [t for t in message_boxes(page) if "没有导入任何票数" in t]
    assert "“优秀”列的「四」不是票数" in text
    assert counts_in_grid(page) == dict(zip(NAMES, COUNTS, strict=True)) and not page.dirty


# ---- a search hit opened in the window ---------------------------------------------------


@pytest.fixture
def window(qtbot, services, db):
    draft = services.evaluations.new_draft(YEAR, today=TODAY)
    draft.line(services.ids["李娜"]).self_review = "带领学生赴合作企业开展实践调研"
    services.evaluations.save(draft)
    survey = services.surveys.new_draft(YEAR, today=TODAY)
    survey.notes = "党员建议增加校企协同育人的交流"
    services.surveys.save(survey)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def open_hit(window, words: str, kind: SearchKind) -> None:
    window.search_box.setText(words)
    window.run_search()
    search = window.search_page
    [row] = [r for r in range(search.model.rowCount()) if search.model.row_at(r).kind == kind]
    search.view.doubleClicked.emit(search.model.index(row, 0))


def test_an_evaluation_hit_opens_its_year_and_member(qtbot, window, services, monkeypatch):
    open_hit(window, "合作企业", SearchKind.EVALUATION)
    page = window.evaluation_page
    assert window.stack.currentWidget() is page
    assert page.year == YEAR and page.ui.yearCombo.currentData() == YEAR
    assert page.ui.tabs.currentWidget() is page.ui.evaluationTab
    assert page.model.line_at(page.ui.gridView.currentIndex().row()).name == "李娜"
    assert page.ui.memberBox.title() == "所选党员：李娜"
    # the survey's hit: the same year, on its tab
    open_hit(window, "校企协同", SearchKind.SURVEY)
    assert page.ui.tabs.currentWidget() is page.survey_tab and page.year == YEAR


def test_a_hit_asks_before_unsaved_changes_go(qtbot, window, services, monkeypatch):
    page = window.evaluation_page
    page.load(YEAR - 1)
    page.ui.ballotsCastSpin.setValue(3)
    questions = []
    monkeypatch.setattr(page, "confirm", lambda _title, text: questions.append(text) or False)
    open_hit(window, "合作企业", SearchKind.EVALUATION)
    assert "有尚未保存的修改" in questions[-1]
    assert page.year == YEAR - 1 and page.dirty  # kept, as the user chose
    monkeypatch.setattr(page, "confirm", lambda _title, _text: True)
    open_hit(window, "合作企业", SearchKind.EVALUATION)
    assert page.year == YEAR and not page.dirty


def test_a_hit_deleted_since_the_search_is_said_so(qtbot, window, services):
    window.search_box.setText("合作企业")
    window.run_search()
    search = window.search_page
    assert search.model.rowCount() == 1
    services.evaluations.delete(services.evaluations.find(YEAR).id)
    search.view.doubleClicked.emit(search.model.index(0, 0))
    texts = [box.text() for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert any("找不到该民主评议记录" in t for t in texts)
    assert search.model.rowCount() == 0


# ---- the page's size ---------------------------------------------------------------------


def shows_whole(field) -> bool:
    """The field's text is not scrolled: with the cursor at its end its first character is
    still where the text starts."""
    field.setCursorPosition(len(field.text()))
    return field.cursorPositionAt(QPoint(4, field.height() // 2)) == 0


def test_the_page_fits_a_small_screen_and_shows_all_at_1280(qtbot, demo_file, monkeypatch):
    """On a 1366×768 screen at 125 % (1093×614 free) the window showing the page with the
    demo year fits, the steps folded into their line and the grid showing 8 rows; at
    1280×800 the steps are open, the grid shows 10 rows and the chosen member's details need
    no scrolling. Opened on the small screen, the steps' dates read whole and the window
    still fits."""
    from dualleader_desktop.storage.database import Database
    from dualleader_desktop.ui import window_layout
    from dualleader_desktop.ui.window_layout import TITLE_BAR

    area = QRect(0, 0, 1093, 614)
    monkeypatch.setattr(window_layout, "available_area", lambda _window: area)
    db = Database.open_file(demo_file)
    try:
        window = MainWindow(db)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.show_page(3)
        page = window.evaluation_page
        ui = page.ui
        ui.gridView.setCurrentIndex(page.model.index(0, COL_NAME))
        qtbot.wait(50)  # the layout settles
        fitted = window.size()
        grid = ui.gridView

        def rows() -> float:
            return grid.viewport().height() / grid.verticalHeader().defaultSectionSize()

        def fits() -> bool:
            return window.width() <= area.width() and window.height() + TITLE_BAR <= area.height()

        assert fits()
        assert not ui.stepsToggle.isChecked() and not ui.stepsBody.isVisible()
        summary = ui.stepsSummary
        poll = page.draft.step(Step.POLL).on
        assert f"民主测评 {poll:%m-%d}（组织生活会）" in summary.text()
        assert summary.fontMetrics().horizontalAdvance(summary.text()) <= summary.width()
        assert rows() >= 8, rows()
        assert ui.shareCombo.isVisible() and ui.distributionLabel.isVisible()
        window.resize(1280, 800)
        qtbot.wait(50)
        assert ui.stepsBody.isVisible() and ui.notesEdit.isVisible()  # tall: open
        assert rows() >= 10, rows()
        scroll = ui.memberScroll
        assert not scroll.verticalScrollBar().isVisible(), (ui.memberBox.size(), scroll.size())
        assert not scroll.horizontalScrollBar().isVisible()
        # back on the small screen the steps fold again; opened there, the window grows
        # within the screen and the dates read whole
        window.resize(fitted)
        qtbot.wait(50)
        assert not ui.stepsBody.isVisible() and rows() >= 8
        ui.stepsToggle.click()
        qtbot.wait(50)
        assert ui.stepsBody.isVisible() and fits()
        dates = [ui.mobilizeDate, ui.selfReviewDate, ui.pollDate]
        assert all(field.text() and shows_whole(field) for field in dates)
    finally:
        db.dispose()
