"""A record's attachments in its editor: those stored, and files picked but not yet saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt

from dualleader_desktop.domain.attachments import AttachmentInfo
from dualleader_desktop.ui.models.table_model import RowsTableModel

COL_NAME, COL_SIZE, COL_STATE = range(3)
HEADERS = ("文件名", "大小", "状态")


def human_size(size: int) -> str:
    for unit in ("B", "KB", "MB"):
        if size < 1024 or unit == "MB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return ""


class AttachmentsModel(RowsTableModel):
    HEADERS = HEADERS

    def set_stored(self, stored: list[AttachmentInfo]) -> None:
        self.set_rows(stored)

    def add_files(self, paths: list[Path]) -> None:
        if not paths:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(paths) - 1)
        self._rows.extend(paths)
        self.endInsertRows()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def stored(self) -> list[AttachmentInfo]:
        return [item for item in self._rows if isinstance(item, AttachmentInfo)]

    def new_files(self) -> list[Path]:
        return [item for item in self._rows if isinstance(item, Path)]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        item = self._rows[index.row()]
        stored = isinstance(item, AttachmentInfo)
        if index.column() == COL_NAME:
            return item.file_name if stored else item.name
        if index.column() == COL_SIZE:
            if stored:
                return human_size(item.size)
            return human_size(item.stat().st_size) if item.exists() else "无法读取"
        return "已保存" if stored else "保存时添加"
