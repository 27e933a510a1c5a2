"""修改记录 of one record, and 已删除的记录 of the meetings or talks with their 恢复 button."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView

from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.services.history import EntityKind
from dualleader_desktop.services.history_service import HistoryService, RestoreResult
from dualleader_desktop.storage.errors import DatabaseError
from dualleader_desktop.ui.forms.ui_deleted_records_dialog import Ui_DeletedRecordsDialog
from dualleader_desktop.ui.forms.ui_history_dialog import Ui_HistoryDialog
from dualleader_desktop.ui.messages import show_error
from dualleader_desktop.ui.models.history_model import (
    COL_CHANGES,
    COL_TITLE,
    DeletedRecordsModel,
    HistoryModel,
)

ROW_HEIGHT = 28
NAMES = {EntityKind.MEETING: "会议记录", EntityKind.TALK: "谈话记录"}


def _table(view, model, stretch: int) -> None:
    view.setModel(model)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


class HistoryDialog(QDialog):
    """Every change of one record, newest first; the selected one in full below."""

    def __init__(
        self, service: HistoryService, kind: EntityKind, record_id: int, title: str, parent=None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_HistoryDialog()
        self.ui.setupUi(self)
        self.model = HistoryModel(self)
        ui = self.ui
        _table(ui.view, self.model, COL_CHANGES)
        ui.splitter.setSizes([300, 120])
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        ui.buttonBox.rejected.connect(self.reject)
        self.setWindowTitle(f"修改记录 — {title}")
        self.model.set_rows(service.history(kind, record_id))
        count = self.model.rowCount()
        ui.recordLabel.setText(
            f"{kind.label}「{title}」的全部操作，共 {count} 次，最近的在最上面。"
            if count
            else f"{kind.label}「{title}」还没有修改记录（本功能启用之前的修改没有记下）。"
        )
        ui.view.selectionModel().currentRowChanged.connect(self._show_detail)
        if count:
            ui.view.selectRow(0)

    def _show_detail(self, current, _previous=None) -> None:
        if not current.isValid():
            self.ui.detailEdit.clear()
            return
        entry = self.model.row_at(current.row())
        self.ui.detailEdit.setPlainText("\n".join(entry.changes))


class DeletedRecordsDialog(QDialog):
    """The deleted meetings (or talks) not restored since; 恢复 puts the selected one back."""

    restored = Signal(object)  # RestoreResult

    def __init__(self, service: HistoryService, kind: EntityKind, parent=None) -> None:
        super().__init__(parent)
        self.ui = Ui_DeletedRecordsDialog()
        self.ui.setupUi(self)
        self.service = service
        self.kind = kind
        self.model = DeletedRecordsModel(self)
        ui = self.ui
        _table(ui.view, self.model, COL_TITLE)
        name = NAMES[kind]
        self.setWindowTitle(f"已删除的{name}")
        ui.hintLabel.setText(
            f"删除的{name}可以按删除前的内容恢复，附件一并恢复，记录仍用原来的编号。"
        )
        ui.restoreButton.clicked.connect(self.restore_selected)
        ui.closeButton.clicked.connect(self.reject)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self.service.deleted(self.kind))
        has_rows = self.model.rowCount() > 0
        self.ui.restoreButton.setEnabled(has_rows)
        if has_rows:
            self.ui.view.selectRow(0)
        elif not self.ui.statusLabel.text():
            self.ui.statusLabel.setText(f"没有已删除的{NAMES[self.kind]}。")

    def restore_selected(self) -> RestoreResult | None:
        rows = self.ui.view.selectionModel().selectedRows()
        if not rows:
            self.ui.statusLabel.setText("请先在列表中选择要恢复的记录。")
            return None
        record = self.model.row_at(rows[0].row())
        try:
            result = self.service.restore(self.kind, record.id)
        except (ServiceError, DatabaseError) as exc:
            show_error(self, "未能恢复", str(exc))
            self.refresh()
            return None
        when = f"{record.record_date:%Y-%m-%d} " if record.record_date else ""
        done = f"已恢复：{when}{record.kind_label}「{record.title}」。"
        self.ui.statusLabel.setText("\n".join([done, *result.notes]))
        self.refresh()
        self.restored.emit(result)
        return result
