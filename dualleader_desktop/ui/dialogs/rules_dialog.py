"""检查规则: the meeting-frequency rules the 工作台 checks the branch's year against, edited as a
table; saved all at once, refused with the reason (the same rule twice, none at all) and kept
open, or put back to DOMAIN.md's defaults."""

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

from dualleader_desktop.domain.meeting_rules import MEETING_RULES, FrequencyRule, Period
from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.services.compliance import ComplianceService
from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.ui.messages import show_error
from dualleader_desktop.ui.models.compliance_models import RulesModel
from dualleader_desktop.ui.widgets.choice_delegate import ChoiceDelegate


class RulesDialog(QDialog):
    saved = Signal()

    def __init__(self, compliance: ComplianceService, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("检查规则")
        self.compliance = compliance
        self.model = RulesModel(self)
        self.model.set_rows(list(compliance.rules()))
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        for column, choices in RulesModel.CHOICES.items():
            self.view.setItemDelegateForColumn(column, ChoiceDelegate(choices, self))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RulesModel.COL_NOTE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(84)  # a combo box of 季度/半年 fits while edited
        add = QPushButton("添加规则(&A)")
        add.clicked.connect(self.add_rule)
        remove = QPushButton("删除规则(&D)")
        remove.clicked.connect(self.remove_rule)
        defaults = QPushButton("恢复默认")
        defaults.setToolTip("恢复《中国共产党支部工作条例（试行）》和常见地方规定的默认规则")
        defaults.clicked.connect(lambda: self.model.set_rows(list(MEETING_RULES)))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addWidget(defaults)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        note = QLabel(
            "每条规则：某类会议在每个周期（月、季度、半年、年）至少开几次，范围为支部、支部委员会、"
            "每个党小组或支部书记本人（党课）。双击单元格修改。"
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.view)
        layout.addLayout(row)
        self.resize(820, 420)

    def add_rule(self) -> None:
        row = self.model.add(FrequencyRule(MeetingKind.THEME_DAY, Period.MONTH, 1))
        self.view.selectRow(row)
        self.view.edit(self.model.index(row, RulesModel.COL_KIND))

    def remove_rule(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.model.remove(index.row())

    def save(self) -> None:
        try:
            self.compliance.save_rules(self.model.rows())
        except ServiceError as exc:
            show_error(self, "无法保存规则", str(exc))
            return
        self.saved.emit()
        self.accept()
