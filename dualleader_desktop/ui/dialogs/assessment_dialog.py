"""考核评分: the year's assessment as a table: the branch's indicators (its school's words,
points and how each is scored) and the secretary's own scores and notes; saved all at once,
refused with the reason and kept open, or the indicators put back to the defaults."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from dualleader_desktop.domain.assessment import (
    DEFAULT_INDICATORS,
    AssessedItem,
    Indicator,
    Measure,
    scored_total,
)
from dualleader_desktop.services.assessment import AssessmentService
from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.ui.messages import show_error
from dualleader_desktop.ui.models.compliance_models import AssessmentModel
from dualleader_desktop.ui.widgets.choice_delegate import ChoiceDelegate


class AssessmentDialog(QDialog):
    saved = Signal()

    def __init__(
        self, assessment: AssessmentService, year: int, items: list[AssessedItem], parent=None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{year}年度考核评分")
        self.assessment, self.year = assessment, year
        self.model = AssessmentModel(self)
        self.model.set_rows(items)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(True)
        self.view.verticalHeader().setVisible(False)
        for column, choices in AssessmentModel.CHOICES.items():
            self.view.setItemDelegateForColumn(column, ChoiceDelegate(choices, self))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((110, 220, 50, 150, 260, 50)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.view.resizeRowsToContents()  # the words wrap: every row as tall as they need
        self.model.edited.connect(self.view.resizeRowsToContents)
        self.total = QLabel()
        self.model.edited.connect(self._show_total)
        self._show_total()
        add = QPushButton("添加指标(&A)")
        add.clicked.connect(self.add_indicator)
        remove = QPushButton("删除指标(&D)")
        remove.clicked.connect(self.remove_indicator)
        defaults = QPushButton("恢复默认指标")
        defaults.setToolTip("恢复按学校“考核指标体系”拟定的默认指标（得分和说明保留）")
        defaults.clicked.connect(self.restore_defaults)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (add, remove, defaults):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(buttons)
        note = QLabel(
            "按记录测得的项目由本程序计算得分；“书记自评”的项目请填写得分和说明。"
            "考核项目、内容、分值和计分方式可按学校的考核指标体系修改。双击单元格修改。"
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.total)
        layout.addLayout(row)
        self.resize(1040, 560)

    def _show_total(self) -> None:
        scored, full, unscored = scored_total(self.model.rows())
        left = f"，尚有 {unscored} 项未评分" if unscored else ""
        self.total.setText(f"合计得分 {scored:g} 分（满分 {full:g} 分{left}）")

    def add_indicator(self) -> None:
        row = self.model.add(Indicator("", "", 5, Measure.SECRETARY))
        self.view.selectRow(row)
        self.view.edit(self.model.index(row, AssessmentModel.COL_AREA))

    def remove_indicator(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.model.remove(index.row())

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

    def save(self) -> None:
        items = self.model.rows()
        try:
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
        except ServiceError as exc:
            show_error(self, "无法保存考核评分", str(exc))
            return
        self.saved.emit()
        self.accept()
