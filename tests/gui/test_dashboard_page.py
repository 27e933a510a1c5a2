"""工作台: the year's grid and due list from the records, computed in the background; a click
on a missing period opens a new meeting of its kind dated in it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from dualleader_desktop.demo import populate_demo
from dualleader_desktop.domain.compliance import CellStatus, DueItem, DueKind
from dualleader_desktop.domain.meeting_rules import MEETING_RULES
from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.storage.database import Database
from dualleader_desktop.ui.main_window import MainWindow
from dualleader_desktop.ui.models.compliance_models import ComplianceGridModel, DueItemsModel
from tests.conftest import TODAY


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    """The demo year 2025 without its second-quarter 党员大会."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    db = Database.open_file(path)
    populate_demo(db, 2025, today=TODAY)
    meetings = BranchServices(db).meetings
    for meeting in meetings.list_meetings(year=2025, kind=MeetingKind.BRANCH_ASSEMBLY):
        if 4 <= meeting.meeting_date.month <= 6:
            meetings.delete(meeting.id)
    db.dispose()
    return path


def dashboard_2025(qtbot, db):
    """The window on the 工作台, showing the year 2025 once it is checked."""
    window = MainWindow(db)
    qtbot.addWidget(window)
    page = window.dashboard_page
    with qtbot.waitSignal(page.computed, timeout=10_000):
        page.year_spin.setValue(2025)
    return window, page


def test_the_models_hold_the_overview(qtmodeltester, demo_path):
    db = Database.open_file(demo_path)
    overview = BranchServices(db).compliance.overview(2025, date(2025, 12, 31))
    db.dispose()
    grid = ComplianceGridModel()
    grid.set_rows(overview.rows)
    qtmodeltester.check(grid)
    items = DueItemsModel()
    items.set_rows([*overview.items, DueItem(date(2026, 1, 31), DueKind.EVALUATION, "评议", False)])
    qtmodeltester.check(items)
    assembly = next(n for n, row in enumerate(overview.rows) if row.label == "支部党员大会")
    index = grid.index(assembly, 4)  # May: the second quarter
    assert grid.data(index) == "✗"
    assert "第2季度支部党员大会：只开了 0 次，缺少" in grid.data(index, Qt.ItemDataRole.ToolTipRole)
    assert grid.data(grid.index(assembly, 0)) == "✓ 1"
    assert (assembly, 3, 3) in grid.spans()  # a quarter spans its three months
    lecture = next(n for n, row in enumerate(overview.rows) if row.label == "党课（书记讲）")
    assert (lecture, 0, 12) in grid.spans()
    assert grid.headerData(assembly, Qt.Orientation.Vertical) == "支部党员大会"


def test_a_click_on_a_missing_quarter_opens_a_new_assembly_dated_in_it(qtbot, demo_path):
    from dualleader_desktop.ui.dialogs.meeting_editor import MeetingEditor

    db = Database.open_file(demo_path)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    window.show_page(window.titles.index("工作台"))
    page = window.dashboard_page
    with qtbot.waitSignal(page.computed, timeout=10_000):
        page.year_spin.setValue(2025)
    rows = [row.label for row in page.grid_model.rows()]
    assert len(rows) == len(MEETING_RULES) + 2  # 党小组会 once for each of the 3 groups
    assembly = rows.index("支部党员大会")
    assert page.grid_model.cell_at(assembly, 4).status == CellStatus.MISSING
    assert page.grid.columnSpan(assembly, 3) == 3
    overdue = [item.text for item in page.overview.overdue if item.kind == DueKind.MEETING]
    assert overdue == ["第2季度支部党员大会还差 1 次（支部党员大会：每季度至少 1 次）"]
    assert "缺 1 个期次的会议" in page.summary.text()
    rect = page.grid.visualRect(page.grid_model.index(assembly, 4))
    qtbot.mouseClick(page.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = window.meetings_page.editor
    assert isinstance(editor, MeetingEditor) and editor.isVisible()
    draft = editor.draft()
    assert (draft.kind, draft.meeting_date) == (MeetingKind.BRANCH_ASSEMBLY, date(2025, 4, 1))
    assert window.stack.currentWidget() is window.meetings_page
    editor.reject()  # nothing typed yet: closes without asking
    assert not editor.isVisible()
    db.dispose()


def test_the_first_start_opens_on_the_dashboard_and_then_where_it_was_left(qtbot, demo_path):
    db = Database.open_file(demo_path)
    window = MainWindow(db)
    qtbot.addWidget(window)
    assert window.stack.currentWidget() is window.dashboard_page
    assert window.dashboard_page.task is None  # nothing computed before the window shows
    window.show()
    qtbot.waitUntil(lambda: window.dashboard_page.overview is not None, timeout=10_000)
    assert window.dashboard_page._charts is None  # the charts' tab not opened: not built
    window.show_page(window.titles.index("会议记录"))
    window.close()
    again = MainWindow(db)
    qtbot.addWidget(again)
    assert again.stack.currentWidget() is again.meetings_page
    assert "dashboard_page" not in vars(again)  # not built, nothing computed, until shown
    db.dispose()


def test_the_rules_are_edited_saved_and_the_grid_follows(qtbot, qtmodeltester, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from dualleader_desktop.domain.meeting_rules import Period
    from dualleader_desktop.ui.pages.dashboard_page import DashboardPage

    db = Database.open_file(tmp_path / "branch.sqlite3")
    services = BranchServices(db)
    page = DashboardPage(services.compliance, services.statistics)
    qtbot.addWidget(page)
    page.show()  # the first check starts once the page is painted
    qtbot.waitUntil(lambda: page.overview is not None, timeout=10_000)
    dialog = page.edit_rules()
    model = dialog.model
    qtmodeltester.check(model)
    lecture = next(
        row
        for row, rule in enumerate(model.rows())
        if rule.kind == MeetingKind.PARTY_LECTURE and rule.period == Period.QUARTER
    )
    assert model.setData(model.index(lecture, model.COL_PERIOD), "半年")
    assert model.setData(model.index(lecture, model.COL_COUNT), 2)
    assert not model.setData(model.index(lecture, model.COL_COUNT), 0)  # at least once
    assert not model.setData(model.index(lecture, model.COL_KIND), "座谈会")  # no such kind
    # a second rule alike is refused with the reason, the dialog stays open
    dialog.add_row()
    last = model.rowCount() - 1
    for column, value in ((model.COL_KIND, "支部党员大会"), (model.COL_PERIOD, "季度")):
        model.setData(model.index(last, column), value)
    dialog.save()
    [box] = [m for m in dialog.findChildren(QMessageBox) if m.isVisible()]
    assert "规则重复：支部党员大会：每季度至少 1 次" in box.text()
    box.close()
    assert dialog.isVisible() and services.compliance.rules()[0].kind == MeetingKind.BRANCH_ASSEMBLY
    dialog.view.selectRow(last)
    dialog.remove_row()
    page.overview = None
    dialog.save()
    assert not dialog.isVisible()
    saved = services.compliance.rules()
    assert (saved[lecture].period, saved[lecture].min_count) == (Period.SEMESTER, 2)
    qtbot.waitUntil(lambda: page.overview is not None, timeout=10_000)  # checked again
    labels = [row.label for row in page.overview.rows]
    spans = [c.span.label for c in page.overview.rows[labels.index("党课")].cells]
    assert spans == ["上半年", "下半年"]
    db.dispose()


def test_the_charts_show_the_year_and_export_as_pngs(qtbot, demo_path, tmp_path):
    from PySide6.QtGui import QImage

    from dualleader_desktop.ui.pages.dashboard_page import DashboardPage
    from dualleader_desktop.ui.widgets.year_charts import CHART_SIZE, PRINT_SCALE, TITLES

    db = Database.open_file(demo_path)
    services = BranchServices(db)
    page = DashboardPage(services.compliance, services.statistics)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.computed, timeout=10_000):
        page.year_spin.setValue(2025)
    page.tabs.setCurrentIndex(1)
    stats = page.charts.stats
    assert stats.year == 2025 and stats.members > 30
    pie = page.charts.views["党员类别"].chart().series()[0]
    assert sorted(s.value() for s in pie.slices()) == sorted(n for _, n in stats.categories if n)
    tags = page.charts.views["三融合活动"].chart().series()[0].barSets()[0]
    assert [tags.at(i) for i in range(tags.count())] == [n for _, n in stats.tags][::-1]
    page.choose_folder = lambda: str(tmp_path)
    saved = page.export_charts()
    assert [p.name for p in saved] == [f"2025年{title}.png" for title in TITLES]
    image = QImage(str(saved[0]))
    assert (image.width(), image.height()) == tuple(PRINT_SCALE * side for side in CHART_SIZE)
    samples = [
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 10)
        for y in range(0, image.height(), 10)
    ]
    assert samples.count("#ffffff") > len(samples) // 2  # on white, with a chart drawn on it
    assert len(set(samples)) > 10
    assert page.exported_box.isVisible()
    page.exported_box.close()
    db.dispose()


def test_the_self_assessment_is_written_from_the_window(qtbot, demo_path, tmp_path):
    import docx

    db = Database.open_file(demo_path)
    _window, page = dashboard_2025(qtbot, db)
    page.choose_folder = lambda: str(tmp_path)
    task = page.export_assessment()
    with qtbot.waitSignal(task.signals.finished, timeout=30_000) as written:
        pass
    paths = written.args[0]
    assert sorted(p.suffix for p in paths) == [".docx", ".pdf"]
    word = docx.Document(next(p for p in paths if p.suffix == ".docx"))
    assert word.paragraphs[0].text.replace("\n", "").endswith("2025年度党支部工作考核自评表")
    qtbot.waitUntil(lambda: page.exported_box is not None and page.exported_box.isVisible())
    assert "书记评分的项目请在 Word 中填写" in page.exported_box.text()
    page.exported_box.close()
    db.dispose()


def test_the_year_summary_is_written_with_the_charts(qtbot, demo_path, tmp_path):
    import docx
    import pypdf

    from dualleader_desktop.ui.widgets.year_charts import TITLES

    db = Database.open_file(demo_path)
    _window, page = dashboard_2025(qtbot, db)
    page.choose_folder = lambda: str(tmp_path)
    task = page.export_summary()
    with qtbot.waitSignal(task.signals.finished, timeout=30_000) as written:
        pass
    paths = {p.suffix: p for p in written.args[0]}
    word = docx.Document(paths[".docx"])
    text = "\n".join(p.text for p in word.paragraphs).replace("\n", "")
    for heading in (
        "一、基本情况",
        "二、落实“三会一课”等组织生活制度",
        "七、存在的不足和下一步打算",
    ):
        assert heading in text
    assert "全年召开支部党员大会4次" in text  # the demo's five less the deleted second quarter's
    assert len(word.inline_shapes) == len(TITLES)  # every chart, in the order shown
    assert "图1　2025年党员类别" in text and f"图{len(TITLES)}　2025年三融合活动" in text
    pdf = pypdf.PdfReader(paths[".pdf"])
    assert sum(len(page.images) for page in pdf.pages) == len(TITLES)
    page.exported_box.close()
    db.dispose()


def test_a_database_of_several_branches_shows_each_and_opens_one(
    qtbot, qtmodeltester, demo_path, tmp_path
):
    import shutil

    from dualleader_desktop.services.branch import BranchInfo, BranchService, list_branches

    copy = tmp_path / "department.sqlite3"
    shutil.copy(demo_path, copy)
    db = Database.open_file(copy)
    [demo] = list_branches(db)
    other = BranchService(db, demo.id).create_branch(
        BranchInfo("信息工程学院教工党支部"), today=TODAY
    )
    window = MainWindow(db, demo.id)
    qtbot.addWidget(window)
    page = window.dashboard_page
    with qtbot.waitSignal(page.computed, timeout=10_000):
        page.year_spin.setValue(2025)
    model = page.department_model
    qtmodeltester.check(model)
    assert page.tabs.count() == 3 and model.rowCount() == 3  # two branches and the totals
    assert model.headerData(1, Qt.Orientation.Vertical) == "信息工程学院教工党支部"
    assembly = list(model.HEADERS).index("支部党员大会\n每季度≥1")
    assert model.data(model.index(0, assembly)) == "缺 1"  # the deleted second quarter
    assert model.data(model.index(1, assembly)) == "缺 4"  # a branch with no meetings
    assert model.data(model.index(2, assembly)) == "缺 5"
    committee = list(model.HEADERS).index("支部委员会会议\n每月≥1")
    assert model.data(model.index(1, committee)) == "—"  # no committee, no such rule
    page.open_branch(1)
    qtbot.waitUntil(lambda: window.branch_id == other)
    db.dispose()


def test_the_secretary_scores_the_year_in_the_dialog(qtbot, qtmodeltester, demo_path, tmp_path):
    import shutil

    from PySide6.QtWidgets import QMessageBox

    from dualleader_desktop.domain.assessment import Indicator, Measure

    copy = tmp_path / "scored.sqlite3"
    shutil.copy(demo_path, copy)
    db = Database.open_file(copy)
    _window, page = dashboard_2025(qtbot, db)
    with qtbot.waitSignal(page.edit_assessment().signals.finished, timeout=10_000):
        pass
    dialog = page.assessment_dialog
    assert dialog.isVisible()
    model = dialog.model
    qtmodeltester.check(model)
    rows = model.rows()
    own = next(n for n, item in enumerate(rows) if item.indicator.measure == Measure.SECRETARY)
    measured = next(n for n, item in enumerate(rows) if item.figure is not None)
    assert not model.flags(model.index(measured, model.COL_SCORE)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(own, model.COL_SCORE), "99")  # over its points
    assert model.setData(model.index(own, model.COL_SCORE), "4")
    assert model.setData(model.index(own, model.COL_NOTE), "支委分工明确")
    assert "尚有 3 项未评分" in dialog.total.text()
    # an item scored by the secretary cannot lose its words: said why, nothing saved
    model.setData(model.index(own, model.COL_ITEM), "")
    dialog.save()
    [box] = [m for m in dialog.findChildren(QMessageBox) if m.isVisible()]
    assert "每项指标都要填写考核项目和考核内容" in box.text()
    box.close()
    model.setData(model.index(own, model.COL_ITEM), rows[own].indicator.item)
    dialog.add_row()  # the school's own item
    for column, value in ((model.COL_AREA, "特色工作"), (model.COL_ITEM, "书记工作室建设")):
        model.setData(model.index(model.rowCount() - 1, column), value)
    dialog.save()
    assert not dialog.isVisible()
    services = BranchServices(db)
    assert services.assessment.scores(2025)[rows[own].indicator.item] == (4.0, "支委分工明确")
    assert services.assessment.indicators()[-1] == Indicator("特色工作", "书记工作室建设", 5)
    db.dispose()


def test_a_check_that_ends_after_its_page_is_gone_is_dropped(qtbot, demo_path):
    """The window closed (or another branch chosen) while the year is being checked: the
    answer comes to no page, not to widgets that are gone (an error in the event loop)."""
    import time

    from PySide6.QtCore import QThreadPool

    db = Database.open_file(demo_path)
    try:
        window = MainWindow(db)
        page = window.dashboard_page
        overview = page.compliance.overview
        page.compliance.overview = lambda year: (time.sleep(0.5), overview(year))[1]
        window.show()
        qtbot.waitUntil(lambda: page.task is not None, timeout=5_000)
        window.close()
        window.deleteLater()
        qtbot.wait(50)  # the window and its pages are deleted; the check still runs
        assert QThreadPool.globalInstance().waitForDone(10_000)
        qtbot.wait(100)  # its answer is delivered (to nobody)
    finally:
        db.dispose()
