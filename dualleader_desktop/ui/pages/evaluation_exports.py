"""The year's documents and the Excel sheet of the 民主评议 page, made off the GUI thread.

The documents are ArchiveService.export_year_document's (one RecordKind each, Word and PDF
into a folder the user picks), from what is saved; the sheet is EvaluationService's
export_sheet / import_sheet, on the draft shown (an imported sheet is read into the page,
to be checked and saved).
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from dualleader_desktop.domain.archive import RecordKind
from dualleader_desktop.domain.evaluation import EvaluationDraft
from dualleader_desktop.ui.messages import show_error, show_info
from dualleader_desktop.ui.system_open import show_done
from dualleader_desktop.ui.workers import run_task

SETTINGS = "evaluation"  # the page's QSettings group
# (button text, RecordKind member): the year's documents, made by ArchiveService
EVALUATION_DOCUMENTS = (
    ("民主测评票", "EVALUATION_BALLOT"),
    ("测评结果统计表", "EVALUATION_TALLY"),
    ("党员个人自评表", "SELF_REVIEW"),
    ("评议结果公示", "EVALUATION_NOTICE"),
    ("民主评议工作情况报告", "EVALUATION_REPORT"),
)
SURVEY_DOCUMENTS = (
    ("满意度测评表", "SURVEY_BALLOT"),
    ("满意度测评统计表", "SURVEY_TALLY"),
)


class YearDocuments:
    """Mixed into the EvaluationPage (its year, records, services and status)."""

    def init_documents(self) -> None:
        self.task = None
        self.exported_box = None

    def _folder(self) -> str:
        """The folder the user last wrote to (documents and sheets alike)."""
        return str(QSettings().value(f"{SETTINGS}/folder", ""))

    def export_document(self, kind_name: str):
        """One of the year's documents, as Word and PDF, in a folder the user picks."""
        survey = kind_name.startswith("SURVEY")
        saved, dirty = (
            (self.survey_tab.record, self.survey_tab.dirty) if survey else (self.record, self.dirty)
        )
        what = "满意度测评" if survey else "民主评议"
        if saved is None or dirty:
            show_info(
                self,
                "请先保存",
                f"文书按已保存的内容生成：请先保存本年度的{what}（Ctrl+S），再生成文书。",
            )
            return None
        folder = QFileDialog.getExistingDirectory(self, "生成文书到哪个文件夹", self._folder())
        if not folder:
            return None
        QSettings().setValue(f"{SETTINGS}/folder", folder)
        kind = RecordKind[kind_name]
        return self._run(
            "生成失败", self.archive.export_year_document, kind, self.year, Path(folder)
        )

    def export_sheet(self):
        name = str(Path(self._folder()) / f"{self.year}年民主评议党员测评统计表.xlsx")
        target = QFileDialog.getSaveFileName(
            self, "导出 Excel 统计表", name, "Excel 工作簿 (*.xlsx)"
        )[0]
        if not target:
            return None
        QSettings().setValue(f"{SETTINGS}/folder", str(Path(target).parent))
        return self._run(
            "导出失败", self.evaluations.export_sheet, copy.deepcopy(self.draft), Path(target)
        )

    def import_sheet(self):
        source = QFileDialog.getOpenFileName(
            self, "选择要导入的 Excel 统计表", self._folder(), "Excel 工作簿 (*.xlsx)"
        )[0]
        if not source:
            return None
        self.task = run_task(self.evaluations.import_sheet, copy.deepcopy(self.draft), Path(source))
        self.task.signals.finished.connect(self._sheet_imported)
        self.task.signals.failed.connect(lambda message: show_error(self, "未能导入", message))
        return self.task

    def _sheet_imported(self, draft: EvaluationDraft) -> None:
        self._keep_place(lambda: self._show(draft))
        self._edited()  # read in, not saved yet
        show_info(self, "已导入", "已从 Excel 读入各人的票数：请核对后保存（Ctrl+S）。")

    def _run(self, failure: str, fn, *args):
        self.task = run_task(fn, *args)
        self.task.signals.finished.connect(self._written)
        self.task.signals.failed.connect(lambda message: show_error(self, failure, message))
        return self.task

    def _written(self, paths) -> None:
        paths = [Path(p) for p in (paths if isinstance(paths, list) else [paths])]
        self.exported_box = show_done(
            self, "已生成", "已生成：\n" + "\n".join(str(p) for p in paths), paths[0].parent
        )
