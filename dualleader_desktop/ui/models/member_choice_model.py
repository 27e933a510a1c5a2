"""A checkable list of members (who talked, with whom), filtered by a piece of the name."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, Signal


class MemberChoiceModel(QAbstractListModel):
    edited = Signal()

    def __init__(self, members: dict[int, str], parent=None) -> None:
        super().__init__(parent)
        self._all = sorted(members.items(), key=lambda item: item[1])
        self._shown = list(self._all)
        self._checked: set[int] = set()

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        needle = text.strip()
        self._shown = [item for item in self._all if needle in item[1]]
        self.endResetModel()

    def checked_ids(self) -> list[int]:
        return [member_id for member_id, _ in self._all if member_id in self._checked]

    def checked_names(self) -> list[str]:
        """The chosen members' names, also those the filter hides or the list scrolled away."""
        return [name for member_id, name in self._all if member_id in self._checked]

    def set_checked_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._checked = set(ids)
        self.endResetModel()
        self.edited.emit()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        member_id, name = self._shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return name
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if member_id in self._checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.UserRole:
            return member_id
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        member_id = self._shown[index.row()][0]
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._checked.add(member_id)
        else:
            self._checked.discard(member_id)
        self.dataChanged.emit(index, index, [role])
        self.edited.emit()
        return True
