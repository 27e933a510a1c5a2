"""工作台: the year's 三会一课 and the rest against the rules, and what is overdue or due within
30 days, each opening where it is fixed. Computed from the records in the background
(services/compliance.py) whenever the page is shown after a change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dualleader_desktop.domain.compliance import DueItem
from dualleader_desktop.services.compliance import ComplianceService, Overview
from dualleader_desktop.services.statistics import StatisticsService, YearStatistics
from dualleader_desktop.ui.messages import show_error
from dualleader_desktop.ui.models.compliance_models import (
    ComplianceGridModel,
    DepartmentModel,
    DueItemsModel,
)
from dualleader_desktop.ui.pages.record_list import list_table
from dualleader_desktop.ui.system_open import show_done
from dualleader_desktop.ui.workers import Task, run_task

if TYPE_CHECKING:  # annotations only: the page opens without importing them
    from dualleader_desktop.services.assessment import AssessmentService
    from dualleader_desktop.services.department import DepartmentGrid
    from dualleader_desktop.ui.widgets.year_charts import YearCharts

MONTH_COLUMN_PX = 58


class DashboardPage(QWidget):
    meetings_requested = Signal(object, object, int)  # MeetingKind, meeting ids, year
    new_meeting_requested = Signal(object, object, object)  # MeetingKind, date, group id
    item_requested = Signal(object)  # DueItem
    branch_requested = Signal(int)  # a branch of the department's grid, to be shown
    computed = Signal(object)  # Overview, once shown

    def __init__(
        self,
        compliance: ComplianceService,
        statistics: StatisticsService,
        parent=None,
        *,
        write_assessment: Callable[[int, Path], list[Path]] | None = None,
        write_summary: Callable[[int, Path, list], list[Path]] | None = None,
        department: Callable[[int], DepartmentGrid] | None = None,
        assessment: AssessmentService | None = None,
    ) -> None:
        """``write_assessment(year, folder)``: the year's 考核自评表 written into the folder;
        ``write_summary(year, folder, charts)``: its 年度工作总结 with the charts (title, PNG
        bytes). Both the window's, which builds the archive services only when asked.
        ``department(year)``: every branch's grid, where the database holds several."""
        super().__init__(parent)
        self.compliance, self.statistics = compliance, statistics
        self.write_assessment, self.write_summary = write_assessment, write_summary
        self.department, self.assessment = department, assessment
        self.assessment_dialog = None
        self.export_task: Task | None = None
        # replaced in tests so no native dialog opens
        self.choose_folder = lambda: QFileDialog.getExistingDirectory(self, "图表保存到哪个文件夹")
        self.task: Task | None = None
        self.overview: Overview | None = None
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(date.today().year)
        self.year_spin.setSuffix(" 年")
        self.year_spin.valueChanged.connect(self.refresh)
        self.summary = QLabel("正在计算…")
        refresh_button = QPushButton("刷新(&R)")
        refresh_button.setToolTip("按现有记录重新检查（F5）")
        refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence("F5"), self, self.refresh)
        top = QHBoxLayout()
        top.addWidget(QLabel("年度"))
        top.addWidget(self.year_spin)
        top.addWidget(self.summary, 1)
        rules_button = QPushButton("检查规则(&G)…")
        rules_button.setToolTip("设置本支部“三会一课”等会议的频次要求（各校规定不同时修改）")
        rules_button.clicked.connect(self.edit_rules)
        top.addWidget(rules_button)
        if assessment is not None:
            score_button = QPushButton("考核评分(&P)…")
            score_button.setToolTip("按学校的考核指标体系查看测得的得分，填写书记自评的得分和说明")
            score_button.clicked.connect(self.edit_assessment)
            top.addWidget(score_button)
        if write_assessment is not None:
            assess_button = QPushButton("考核自评表(&K)…")
            assess_button.setToolTip(
                "按本年度记录生成党支部工作考核自评表（Word 和 PDF），书记评分的项目在 Word 中填写"
            )
            assess_button.clicked.connect(self.export_assessment)
            top.addWidget(assess_button)
        if write_summary is not None:
            summary_button = QPushButton("年度总结(&S)…")
            summary_button.setToolTip(
                "按本年度记录生成党支部年度工作总结初稿（Word 和 PDF），附统计图表，再在 Word 中修改"
            )
            summary_button.clicked.connect(self.export_summary)
            top.addWidget(summary_button)
        top.addWidget(refresh_button)
        self.rules_dialog = None

        self.grid_model = ComplianceGridModel(self)
        self.grid = QTableView()
        self.grid.setModel(self.grid_model)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.horizontalHeader().setMinimumSectionSize(MONTH_COLUMN_PX)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.grid.verticalHeader().setDefaultSectionSize(28)
        self.grid.clicked.connect(lambda index: self.open_cell(index.row(), index.column()))
        rules = QGroupBox("三会一课与组织生活：对照规定（✓ 已完成  ✗ 缺  … 本期进行中）")
        QVBoxLayout(rules).addWidget(self.grid)

        self.items_model = DueItemsModel(self)
        self.items = list_table(self.items_model, 2)
        self.items.setColumnWidth(0, 150)
        self.items.setColumnWidth(1, 80)
        self.items.doubleClicked.connect(lambda index: self.open_item(index.row()))
        self.items.activated.connect(lambda index: self.open_item(index.row()))
        due = QGroupBox("逾期与 30 天内到期的事项（双击处理）")
        QVBoxLayout(due).addWidget(self.items)

        checks = QWidget()
        column = QVBoxLayout(checks)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(rules, 3)
        column.addWidget(due, 2)
        self._charts: YearCharts | None = None  # built when first shown: Qt Charts is heavy
        self.stats: YearStatistics | None = None
        export = QPushButton("导出图表(&E)…")
        export.setToolTip("把各图表保存为 PNG 图片（可插入年度工作总结）")
        export.clicked.connect(self.export_charts)
        charts_row = QHBoxLayout()
        charts_row.addStretch(1)
        charts_row.addWidget(export)
        self.charts_page = charts_page = QWidget()
        charts_column = QVBoxLayout(charts_page)
        # scrolled: six charts would set the whole window's minimum size on a small screen
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.charts_scroll = scroll
        charts_column.addWidget(scroll, 1)
        charts_column.addLayout(charts_row)
        self.tabs = QTabWidget()
        self.tabs.addTab(checks, "对照规定与到期事项")
        self.tabs.addTab(charts_page, "统计图表")
        self.tabs.currentChanged.connect(self._tab_shown)
        if department is not None:
            self.department_model = DepartmentModel(self)
            self.department_view = QTableView()
            self.department_view.setModel(self.department_model)
            self.department_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            self.department_view.setSelectionBehavior(
                QAbstractItemView.SelectionBehavior.SelectRows
            )
            self.department_view.horizontalHeader().setSectionResizeMode(
                QHeaderView.ResizeMode.Stretch
            )
            self.department_view.doubleClicked.connect(lambda index: self.open_branch(index.row()))
            self.tabs.addTab(self.department_view, "各支部（双击查看该支部）")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.exported_box = None
        self._painted = False  # the first check starts once the page has been painted

    def paintEvent(self, event) -> None:
        """The first check of the year starts after the page is first painted: computed
        alongside, it held the interpreter while the window should be showing (a program
        opening on the 工作台 took ~220 ms longer to appear)."""
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            if self.overview is None and self.task is None:
                QTimer.singleShot(0, self.refresh)

    def _tab_shown(self, index: int) -> None:
        if self.tabs.widget(index) is self.charts_page:
            self.charts.show()  # built on first view

    @property
    def charts(self) -> YearCharts:
        if self._charts is None:
            from dualleader_desktop.ui.widgets.year_charts import YearCharts

            self._charts = YearCharts()
            self.charts_scroll.setWidget(self._charts)
            if self.stats is not None:
                self._charts.set_statistics(self.stats)
        return self._charts

    def refresh(self) -> None:
        """Check the chosen year again, off the GUI thread; a later request replaces an
        earlier one still running."""
        if self.task is not None:
            self.task.cancel()
        year = self.year_spin.value()
        self.summary.setText("正在计算…")
        task = self.task = run_task(self._compute, year)
        # bound methods, not lambdas: a page dropped meanwhile (the window closed, another
        # branch chosen) is disconnected, not called after its widgets are gone
        task.signals.finished.connect(self._show)
        task.signals.failed.connect(self._failed)

    def _compute(self, year: int) -> tuple[Overview, YearStatistics, DepartmentGrid | None]:
        """In the background: the year against the rules, its numbers for the charts and,
        where there are several branches, every branch's grid."""
        grid = self.department(year) if self.department is not None else None
        return self.compliance.overview(year), self.statistics.year(year), grid

    def _answers_the_last_question(self) -> bool:
        task = self.task
        return task is not None and not task.is_cancelled() and self.sender() is task.signals

    def _show(self, result: tuple[Overview, YearStatistics, DepartmentGrid | None]) -> None:
        if not self._answers_the_last_question():
            return  # an answer to an earlier question
        overview, stats, grid = result
        self.task = None
        self.overview = overview
        self.stats = stats
        if self._charts is not None:
            self._charts.set_statistics(stats)
        if grid is not None:
            self.department_model.set_grid(grid)
        self.grid.clearSpans()
        self.grid_model.set_rows(overview.rows)
        for row, column, columns in self.grid_model.spans():
            self.grid.setSpan(row, column, 1, columns)
        self.items_model.set_rows(overview.items)
        overdue = len(overview.overdue)
        said = [f"缺 {overview.missing} 个期次的会议"] if overview.missing else []
        said += [f"逾期 {overdue} 项"] if overdue else []
        said += [f"{len(overview.items) - overdue} 项即将到期"]
        well = "全部符合要求，" if overview.all_well else ""
        self.summary.setText(f"{overview.year} 年度：{well}{'，'.join(said)}。")
        self.computed.emit(overview)

    def _failed(self, message: str) -> None:
        if self._answers_the_last_question():
            self.task = None
            self.summary.setText(f"无法检查：{message}")

    def export_charts(self) -> list[Path]:
        """Every chart as a PNG in a folder the user picks."""
        folder = self.choose_folder()
        if not folder:
            return []
        try:
            saved = self.charts.save_pngs(Path(folder))
        except OSError as exc:
            show_error(self, "无法导出图表", f"{exc}。请检查文件夹是否可写、磁盘空间是否足够。")
            return []
        self.exported_box = show_done(
            self, "已导出图表", f"已保存 {len(saved)} 张图表到“{folder}”。", Path(folder)
        )
        return saved

    def export_assessment(self) -> Task | None:
        """The year's 考核自评表 as .docx and .pdf in a folder the user picks, written in the
        background."""
        folder = self.choose_folder()
        if not folder:
            return None
        self.export_task = run_task(self.write_assessment, self.year_spin.value(), Path(folder))
        self.export_task.signals.finished.connect(self._assessment_written)
        self.export_task.signals.failed.connect(
            lambda message: show_error(self, "无法生成考核自评表", message)
        )
        return self.export_task

    def _assessment_written(self, paths: list[Path]) -> None:
        self.exported_box = show_done(
            self,
            "已生成考核自评表",
            "已生成：\n" + "\n".join(str(p) for p in paths) + "\n书记评分的项目请在 Word 中填写。",
            Path(paths[0]).parent,
        )

    def export_summary(self) -> Task | None:
        """The year's 年度工作总结（初稿） with the charts shown, as .docx and .pdf in a folder
        the user picks; the charts are drawn here, the document written in the background."""
        if self.stats is None or self.stats.year != self.year_spin.value():
            show_error(self, "请稍候", "本年度的统计还在计算，请稍候再生成年度总结。")
            return None
        folder = self.choose_folder()
        if not folder:
            return None
        charts = self.charts.png_bytes()
        self.export_task = run_task(
            self.write_summary, self.year_spin.value(), Path(folder), charts
        )
        self.export_task.signals.finished.connect(self._summary_written)
        self.export_task.signals.failed.connect(
            lambda message: show_error(self, "无法生成年度总结", message)
        )
        return self.export_task

    def _summary_written(self, paths: list[Path]) -> None:
        self.exported_box = show_done(
            self,
            "已生成年度总结初稿",
            "已生成：\n" + "\n".join(str(p) for p in paths) + "\n请在 Word 中补充和修改。",
            Path(paths[0]).parent,
        )

    def edit_assessment(self) -> Task:
        """The year's assessment measured in the background, then shown to be scored."""
        year = self.year_spin.value()
        task = self.export_task = run_task(self.assessment.assess, year)
        task.signals.finished.connect(lambda items: self._show_assessment(year, items))
        task.signals.failed.connect(lambda message: show_error(self, "无法计算考核", message))
        return task

    def _show_assessment(self, year: int, items) -> None:
        from dualleader_desktop.ui.dialogs.assessment_dialog import AssessmentDialog

        self.assessment_dialog = AssessmentDialog(self.assessment, year, items, self)
        self.assessment_dialog.open()

    def edit_rules(self):
        from dualleader_desktop.ui.dialogs.rules_dialog import RulesDialog

        self.rules_dialog = RulesDialog(self.compliance, self)
        self.rules_dialog.saved.connect(self.refresh)
        self.rules_dialog.open()
        return self.rules_dialog

    def open_cell(self, row: int, column: int) -> None:
        """A period's meetings, or a new meeting of the rule's kind dated in that period."""
        rule_row = self.grid_model.row_at(row)
        cell = self.grid_model.cell_at(row, column)
        kind = rule_row.rule.kind
        if cell.meeting_ids:
            self.meetings_requested.emit(kind, list(cell.meeting_ids), cell.span.start.year)
            return
        today = date.today()
        on = today if cell.span.holds(today) else cell.span.start
        self.new_meeting_requested.emit(kind, on, rule_row.group_id)

    def open_branch(self, row: int) -> None:
        lines = self.department_model.rows()
        if row < len(lines):  # not the totals
            self.branch_requested.emit(lines[row].branch_id)

    def open_item(self, row: int) -> None:
        item: DueItem = self.items_model.row_at(row)
        self.item_requested.emit(item)
