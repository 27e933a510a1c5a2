"""A record's attachments in its editor: those stored, and files picked but not yet saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from dualleader_desktop.services.meeting_records import AttachmentInfo

COL_NAME, COL_SIZE, COL_STATE = range(3)
HEADERS = ("文件名", "大小", "状态")


def human_size(size: int) -> str:
    for unit in ("B", "KB", "MB"):
        if size < 1024 or unit == "MB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return ""


class AttachmentsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list[AttachmentInfo | Path] = []

    def set_stored(self, stored: list[AttachmentInfo]) -> None:
        self.beginResetModel()
        self._items = list(stored)
        self.endResetModel()

    def add_files(self, paths: list[Path]) -> None:
        if not paths:
            return
        start = len(self._items)
        self.beginInsertRows(QModelIndex(), start, start + len(paths) - 1)
        self._items.extend(paths)
        self.endInsertRows()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._items):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._items[row]
            self.endRemoveRows()

    def stored(self) -> list[AttachmentInfo]:
        return [item for item in self._items if isinstance(item, AttachmentInfo)]

    def new_files(self) -> list[Path]:
        return [item for item in self._items if isinstance(item, Path)]

    def path_at(self, row: int) -> Path:
        item = self._items[row]
        return item.path if isinstance(item, AttachmentInfo) else item

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        item = self._items[index.row()]
        stored = isinstance(item, AttachmentInfo)
        if index.column() == COL_NAME:
            return item.file_name if stored else item.name
        if index.column() == COL_SIZE:
            if stored:
                return human_size(item.size)
            return human_size(item.stat().st_size) if item.exists() else "无法读取"
        return "已保存" if stored else "保存时添加"
