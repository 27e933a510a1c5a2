"""Editable tables of the meeting editor: attendance and agenda items with their votes.

Each edits a list of the service's plain objects in place of hand-filled widgets; the editor
reads the list back when it saves. Choices are edited as their Chinese labels (a combo box
delegate offers them), so a test or a paste can set "请假" directly.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from dualleader_desktop.domain.meeting_records import AgendaDraft
from dualleader_desktop.domain.meetings import AttendanceLine, AttendanceStatus, VoteKind
from dualleader_desktop.ui.models.table_model import RowsTableModel
from dualleader_desktop.ui.widgets.field_errors import ERROR_COLOR

EDITABLE = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsEditable
READ_ONLY = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
DISPLAY, EDIT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole


class _ListModel(RowsTableModel):
    edited = Signal()

    def _changed(self, row: int, value) -> None:
        self._rows[row] = value
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        self.edited.emit()


class AttendanceModel(_ListModel):
    """Who should attend and how each is marked. A line not marked yet (a new meeting's
    start) reads 未核对 on an amber ground until the secretary marks it."""

    COL_NAME, COL_VOTE, COL_STATUS, COL_REASON = range(4)
    HEADERS = ("姓名", "表决权", "出席情况", "请假或缺席原因")
    # 未核对 is where a line starts, not a choice: nobody is marked back to it
    CHOICES: ClassVar[dict[int, list[str]]] = {COL_STATUS: AttendanceStatus.labels()}
    UNMARKED_COLOR, UNMARKED_GROUND = "#8a5300", "#fff4e5"

    def data(self, index, role=DISPLAY):
        if not index.isValid():
            return None
        line: AttendanceLine = self._rows[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole:
            if index.column() == self.COL_STATUS and line.status is None:
                return QColor(self.UNMARKED_COLOR)
            if index.column() == self.COL_STATUS and line.status != AttendanceStatus.PRESENT:
                return QColor(ERROR_COLOR)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(self.UNMARKED_GROUND) if line.status is None else None
        if role not in (DISPLAY, EDIT):
            return None
        return (
            line.name,
            "有" if line.has_vote else "无（预备党员）",
            line.status_label,
            line.reason,
        )[index.column()]

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() in (self.COL_STATUS, self.COL_REASON):
            return EDITABLE
        return READ_ONLY

    def setData(self, index, value, role=EDIT) -> bool:
        if not index.isValid() or role != EDIT:
            return False
        line: AttendanceLine = self._rows[index.row()]
        if index.column() == self.COL_STATUS:
            if isinstance(value, AttendanceStatus):
                status = value
            elif value in self.CHOICES[self.COL_STATUS]:
                status = AttendanceStatus.from_label(value)
            else:
                return False  # 未核对 or a stray paste: the mark stays as it is
            reason = "" if status == AttendanceStatus.PRESENT else line.reason
            self._changed(index.row(), replace(line, status=status, reason=reason))
            return True
        if index.column() == self.COL_REASON:
            self._changed(index.row(), replace(line, reason=str(value).strip()))
            return True
        return False

    def mark(self, rows: list[int], status: AttendanceStatus) -> None:
        """Mark ``rows`` (one change: the counts are told once, not once a row)."""
        rows = [row for row in rows if 0 <= row < len(self._rows)]
        if not rows:
            return
        for row in rows:
            line = self._rows[row]
            reason = "" if status == AttendanceStatus.PRESENT else line.reason
            self._rows[row] = replace(line, status=status, reason=reason)
        last = self.columnCount() - 1
        self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), last))
        self.edited.emit()

    def unmarked_rows(self) -> list[int]:
        return [row for row, line in enumerate(self._rows) if line.status is None]


class AgendaModel(_ListModel):
    COL_TITLE, COL_VOTE, COL_KIND, COL_FOR, COL_AGAINST, COL_ABSTAIN = range(6)
    HEADERS = ("议程", "表决", "表决类型", "赞成", "反对", "弃权")
    CHOICES: ClassVar[dict[int, list[str]]] = {COL_KIND: VoteKind.labels()}
    _COUNTS: ClassVar[dict[int, str]] = {
        COL_FOR: "votes_for",
        COL_AGAINST: "votes_against",
        COL_ABSTAIN: "votes_abstain",
    }

    def data(self, index, role=DISPLAY):
        if not index.isValid():
            return None
        item: AgendaDraft = self._rows[index.row()]
        column = index.column()
        if column == self.COL_VOTE:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if item.has_vote else Qt.CheckState.Unchecked
            return None
        if role not in (DISPLAY, EDIT):
            return None
        if column == self.COL_TITLE:
            return item.title
        if not item.has_vote:
            return "" if role == DISPLAY else None
        if column == self.COL_KIND:
            return item.vote_kind.label
        return getattr(item, self._COUNTS[column])

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() == self.COL_VOTE:
            return READ_ONLY | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == self.COL_TITLE or self._rows[index.row()].has_vote:
            return EDITABLE
        return READ_ONLY

    def setData(self, index, value, role=EDIT) -> bool:
        if not index.isValid():
            return False
        item: AgendaDraft = self._rows[index.row()]
        column = index.column()
        if column == self.COL_VOTE and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            self._changed(index.row(), replace(item, has_vote=checked))
            return True
        if role != EDIT:
            return False
        if column == self.COL_TITLE:
            self._changed(index.row(), replace(item, title=str(value)))
        elif column == self.COL_KIND:
            kind = value if isinstance(value, VoteKind) else VoteKind.from_label(value)
            self._changed(index.row(), replace(item, vote_kind=kind))
        else:
            try:
                count = int(value)
            except (TypeError, ValueError):
                return False
            if count < 0:
                return False
            self._changed(index.row(), replace(item, **{self._COUNTS[column]: count}))
        return True

    def append(self, title: str = "") -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(AgendaDraft(title))
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
            self.edited.emit()
