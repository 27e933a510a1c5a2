"""考核评分: the year's assessment as a table: the branch's indicators (its school's words,
points and how each is scored) and the secretary's own scores and notes; saved all at once,
refused with the reason and kept open, or the indicators put back to the defaults."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from dualleader_desktop.domain.assessment import (
    DEFAULT_INDICATORS,
    AssessedItem,
    Indicator,
    Measure,
    scored_total,
)
from dualleader_desktop.services.assessment import AssessmentService
from dualleader_desktop.ui.dialogs.table_editor import TableEditorDialog
from dualleader_desktop.ui.models.compliance_models import AssessmentModel

COLUMN_WIDTHS = (110, 220, 50, 150, 260, 50)  # the note takes the rest


class AssessmentDialog(TableEditorDialog):
    WHAT = "指标"

    def __init__(
        self, assessment: AssessmentService, year: int, items: list[AssessedItem], parent=None
    ) -> None:
        super().__init__(
            AssessmentModel(),
            "按记录测得的项目由本程序计算得分；“书记自评”的项目请填写得分和说明。"
            "考核项目、内容、分值和计分方式可按学校的考核指标体系修改。",
            "恢复按学校“考核指标体系”拟定的默认指标（得分和说明保留）",
            parent,
        )
        self.setWindowTitle(f"{year}年度考核评分")
        self.assessment, self.year = assessment, year
        self.model.setParent(self)
        self.model.set_rows(items)
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        for column, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.view.resizeRowsToContents()  # the words wrap: every row as tall as they need
        self.model.edited.connect(self.view.resizeRowsToContents)
        self.total = QLabel()
        self.model.edited.connect(self._show_total)
        self._show_total()
        self.column.addWidget(self.total)
        self.finish_layout()
        self.resize(1040, 560)

    def _show_total(self) -> None:
        scored, full, unscored = scored_total(self.model.rows())
        left = f"，尚有 {unscored} 项未评分" if unscored else ""
        self.total.setText(f"合计得分 {scored:g} 分（满分 {full:g} 分{left}）")

    def new_row(self) -> AssessedItem:
        return AssessedItem(Indicator("", "", 5, Measure.SECRETARY), None)

    def restore_defaults(self) -> None:
        kept = {item.indicator.item: item for item in self.model.rows()}
        self.model.set_rows(
            [
                AssessedItem(i, None, kept[i.item].given, kept[i.item].note)
                if i.item in kept
                else AssessedItem(i, None)
                for i in DEFAULT_INDICATORS
            ]
        )
        self._show_total()

    def write(self) -> None:
        items = self.model.rows()
        self.assessment.save(
            self.year,
            [item.indicator for item in items],
            {
                item.indicator.item: (
                    item.given if item.indicator.measure == Measure.SECRETARY else None,
                    item.note,
                )
                for item in items
            },
        )
