"""A dialog that edits a list as a table, saved all at once (the 工作台's rules and its
assessment): rows added, removed or put back to the defaults; a save the service refuses says
why and keeps the dialog open."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.ui.messages import show_error
from dualleader_desktop.ui.widgets.choice_delegate import ChoiceDelegate


class TableEditorDialog(QDialog):
    """Subclasses give the model (an EditableRowsModel, its CHOICES edited by combo box),
    what a new row and the defaults are, and how the rows are saved."""

    saved = Signal()
    WHAT = "记录"  # the rows' name on the buttons and in a refusal: "规则", "指标"
    FIRST_COLUMN = 0  # where a new row is edited first

    def __init__(self, model, note: str, defaults_tip: str, parent=None) -> None:
        super().__init__(parent)
        self.model = model
        self.view = QTableView()
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        for column, choices in model.CHOICES.items():
            self.view.setItemDelegateForColumn(column, ChoiceDelegate(choices, self))
        add = QPushButton(f"添加{self.WHAT}(&A)")
        add.clicked.connect(self.add_row)
        remove = QPushButton(f"删除{self.WHAT}(&D)")
        remove.clicked.connect(self.remove_row)
        defaults = QPushButton("恢复默认")
        defaults.setToolTip(defaults_tip)
        defaults.clicked.connect(self.restore_defaults)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.button_row = QHBoxLayout()
        for button in (add, remove, defaults):
            self.button_row.addWidget(button)
        self.button_row.addStretch(1)
        self.button_row.addWidget(buttons)
        explained = QLabel(f"{note}双击单元格修改。")
        explained.setWordWrap(True)
        self.column = QVBoxLayout(self)
        self.column.addWidget(explained)
        self.column.addWidget(self.view, 1)

    def finish_layout(self) -> None:
        """The button row last, under what the subclass put between."""
        self.column.addLayout(self.button_row)

    def new_row(self):
        raise NotImplementedError

    def restore_defaults(self) -> None:
        raise NotImplementedError

    def write(self) -> None:
        """Save the rows through the service (which may refuse with a ServiceError)."""
        raise NotImplementedError

    def add_row(self) -> None:
        row = self.model.add(self.new_row())
        self.view.selectRow(row)
        self.view.edit(self.model.index(row, self.FIRST_COLUMN))

    def remove_row(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.model.remove(index.row())

    def save(self) -> None:
        try:
            self.write()
        except ServiceError as exc:
            show_error(self, f"无法保存{self.WHAT}", str(exc))
            return
        self.saved.emit()
        self.accept()
