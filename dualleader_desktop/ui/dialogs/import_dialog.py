"""Import an Excel roster: choose the file, check it in the background, preview every row
with its errors, then write (all or nothing, or the valid rows only)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from dualleader_desktop.services.roster import ImportPlan, ImportResult, RosterService, RowAction
from dualleader_desktop.ui.messages import show_info
from dualleader_desktop.ui.models.import_preview_model import COL_NOTE, ImportPreviewModel
from dualleader_desktop.ui.pages.record_list import list_table
from dualleader_desktop.ui.widgets.field_errors import ERROR_STYLE
from dualleader_desktop.ui.workers import Task, run_task

LAST_FOLDER_KEY = "import/last_folder"
# .xls and the like are offered too: the importer tells the secretary how to convert them
FILE_FILTER = "Excel 文件 (*.xlsx *.xlsm *.xls);;所有文件 (*)"


class ImportDialog(QDialog):
    imported = Signal()

    def __init__(self, roster_service: RosterService, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("导入 Excel 花名册")
        self.resize(920, 600)
        self.setAcceptDrops(True)
        self.service = roster_service
        self.plan: ImportPlan | None = None
        self.path: Path | None = None  # the file last checked
        self.task: Task | None = None
        self.choose_file = self._ask_for_file
        self.model = ImportPreviewModel(self)
        self.file_label = QLabel("请选择要导入的 Excel 花名册（.xlsx），也可以把文件拖到这里。")
        self.file_label.setWordWrap(True)
        choose = QPushButton("选择文件…")
        choose.clicked.connect(self.pick)
        self.recheck_button = QPushButton("重新检查")
        self.recheck_button.hide()  # shown when an import found the plan out of date
        self.recheck_button.clicked.connect(lambda: self.load(self.path))
        self.progress = QProgressBar()
        self.progress.hide()
        self.cancel_button = QPushButton("取消检查")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self._cancel)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.errors_only = QCheckBox("只看有错误的行")
        self.errors_only.toggled.connect(self.model.set_errors_only)
        self.skip_invalid = QCheckBox("跳过有错误的行，只导入有效行")
        self.skip_invalid.toggled.connect(self._update_buttons)
        self.view = list_table(self.model, COL_NOTE)
        for column, width in enumerate((50, 80, 160, 70)):
            self.view.setColumnWidth(column, width)
        self.import_button = QPushButton("导入")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        close = QPushButton("关闭")
        close.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.recheck_button)
        top.addWidget(choose)
        busy = QHBoxLayout()
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.errors_only)
        bottom.addWidget(self.skip_invalid)
        bottom.addStretch(1)
        bottom.addWidget(self.import_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(busy)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self._update_buttons()

    # ---- choosing and checking -----------------------------------------------------------
    def _ask_for_file(self) -> str:
        settings = QSettings()
        folder = str(settings.value(LAST_FOLDER_KEY, str(Path.home())))
        path, _ = QFileDialog.getOpenFileName(self, "选择花名册", folder, FILE_FILTER)
        if path:
            settings.setValue(LAST_FOLDER_KEY, str(Path(path).parent))
        return path

    def pick(self) -> None:
        path = self.choose_file()
        if path:
            self.load(Path(path))

    # any local file is accepted: the importer says what is wrong with a .xls, .csv or .et
    def dragEnterEvent(self, event) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            self.load(Path(files[0]))

    def load(self, path: Path) -> None:
        """Check the file in the background; the preview appears when it is done."""
        self.path = path
        self.recheck_button.hide()
        self.plan = None
        self.model.set_planned([])
        self.file_label.setText(f"正在检查：{path}")
        self.summary.setText("")
        self.progress.setRange(0, 0)  # busy until the first progress report
        self.progress.show()
        self.cancel_button.show()
        self.task = run_task(self.service.plan_import, path)
        self.task.signals.progress.connect(self._progress)
        self.task.signals.finished.connect(self._planned)
        self.task.signals.failed.connect(self._failed)
        self._update_buttons()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _planned(self, plan: ImportPlan) -> None:
        self._idle()
        self.plan = plan
        self.file_label.setText(f"文件：{plan.source}")
        self.model.set_planned(plan.rows)
        counts = plan.counts()
        parts = [
            f"工作表「{plan.sheet_name}」，表头在第 {plan.header_row} 行，共 {len(plan.rows)} 行：",
            "，".join(f"{action.label} {counts[action]}" for action in RowAction) + "。",
        ]
        if plan.new_groups:
            parts.append(f"将新建党小组：{'、'.join(plan.new_groups)}。")
        if plan.ignored_columns:
            parts.append(f"未导入的列：{'、'.join(plan.ignored_columns)}。")
        parts.extend(plan.warnings)
        if plan.invalid_rows:
            parts.append(
                f"有 {len(plan.invalid_rows)} 行有错误（红色），请在 Excel 中改正后重新选择文件，"
                "或勾选“跳过有错误的行”。"
            )
        self.summary.setText(" ".join(parts))
        self.summary.setStyleSheet(ERROR_STYLE if plan.invalid_rows else "")
        self._update_buttons()

    def _failed(self, message: str) -> None:
        self._idle()
        self.summary.setText(message)
        self.summary.setStyleSheet(ERROR_STYLE)
        self._update_buttons()

    def _idle(self) -> None:
        self.task = None
        self.progress.hide()
        self.cancel_button.hide()

    # ---- writing -------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        plan = self.plan
        writable = plan is not None and any(
            row.action in (RowAction.NEW, RowAction.UPDATE) for row in plan.rows
        )
        blocked = plan is not None and plan.invalid_rows and not self.skip_invalid.isChecked()
        self.import_button.setEnabled(bool(writable and not blocked and self.task is None))
        self.skip_invalid.setEnabled(bool(plan and plan.invalid_rows))

    def start_import(self) -> None:
        if self.plan is None or not self.import_button.isEnabled():
            return
        self.import_button.setEnabled(False)
        self.task = run_task(
            self.service.apply_import, self.plan, skip_invalid=self.skip_invalid.isChecked()
        )
        self.task.signals.finished.connect(self._imported)
        self.task.signals.failed.connect(self._import_failed)

    def _import_failed(self, message: str) -> None:
        """Nothing was written. The plan may be out of date (a member was edited or added since
        the check), so it is dropped and the file must be checked again before importing."""
        self.plan = None
        self.model.set_planned([])
        self._failed(f"{message}\n点“重新检查”即可重新检查这个文件。")
        self.recheck_button.show()

    def _imported(self, result: ImportResult) -> None:
        self._idle()
        text = (
            f"已导入：新增 {result.added} 人，更新 {result.updated} 人，"
            f"无变化 {result.unchanged} 人，跳过有错误的 {result.skipped} 行。"
        )
        if result.new_groups:
            text += f"\n新建党小组：{'、'.join(result.new_groups)}。"
        self.imported.emit()
        self.accept()
        show_info(self.parentWidget(), "导入完成", text)
