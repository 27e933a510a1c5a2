"""Ballot papers typed one at a time: the rows of one paper (members, or a survey's items),
the choice marked on the paper shown, and what every paper so far adds up to.

The choices are a LabeledEnum (Grade, or a survey's Answer); a paper maps a row's key to the
choice marked, a blank row being left out of it, as the domain's ``count_papers`` reads it.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QFont

from dualleader_desktop.domain.enums import LabeledEnum

COL_NAME, COL_CHOICE = 0, 1
DISPLAY = Qt.ItemDataRole.DisplayRole
BLANK = "—"


class PaperModel(QAbstractTableModel):
    def __init__(
        self,
        rows: Sequence[tuple[Hashable, str]],
        choices: Sequence[LabeledEnum],
        papers: Sequence[dict],
        *,
        row_header: str = "姓名",
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.keys = [key for key, _name in rows]
        self.names = [name for _key, name in rows]
        self.choices = tuple(choices)
        self.headers = (row_header, "本张", *(f"{c.label}累计" for c in self.choices))
        # only the rows listed count: a paper's marks for anyone else are left behind
        self.papers = [{k: v for k, v in paper.items() if k in self.keys} for paper in papers]
        if not self.papers:
            self.papers.append({})
        self.current = len(self.papers) - 1
        self._totals = [[0] * len(self.choices) for _ in self.keys]
        self._recount()

    # ---- the papers ----------------------------------------------------------------------
    def paper(self) -> dict:
        return self.papers[self.current]

    def filled(self) -> list[dict]:
        """The papers with at least one mark (an untouched last paper is no paper)."""
        return [dict(paper) for paper in self.papers if paper]

    def mark(self, row: int, choice: LabeledEnum | None) -> None:
        """Mark (or clear) the current paper's ``row``; only that row's totals change, so a
        keystroke costs the same with 200 papers of 200 members as with one."""
        key = self.keys[row]
        before = self.paper().pop(key, None)
        if before is not None:
            self._totals[row][self.choices.index(before)] -= 1
        if choice is not None:
            self.paper()[key] = choice
            self._totals[row][self.choices.index(choice)] += 1
        self.dataChanged.emit(self.index(row, COL_CHOICE), self.index(row, len(self.headers) - 1))

    def show_paper(self, number: int) -> None:
        """Show paper ``number`` (0-based); one past the last starts a new, blank paper."""
        number = max(0, min(number, len(self.papers)))
        if number == len(self.papers):
            self.papers.append({})
        self.beginResetModel()
        self.current = number
        self.endResetModel()

    def remove_paper(self) -> None:
        """The paper shown goes; the one after it (or before, at the end) is shown."""
        del self.papers[self.current]
        if not self.papers:
            self.papers.append({})
        self.beginResetModel()
        self.current = min(self.current, len(self.papers) - 1)
        self._recount()
        self.endResetModel()

    def _recount(self) -> None:
        position = {key: row for row, key in enumerate(self.keys)}
        totals = [[0] * len(self.choices) for _ in self.keys]
        for paper in self.papers:
            for key, choice in paper.items():
                totals[position[key]][self.choices.index(choice)] += 1
        self._totals = totals

    # ---- Qt ------------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.keys)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=DISPLAY):
        if role != DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return str(section + 1)

    def data(self, index, role=DISPLAY):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column != COL_NAME:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.FontRole and column == COL_CHOICE:
            font = QFont()
            font.setBold(True)
            return font
        if role != DISPLAY:
            return None
        if column == COL_NAME:
            return self.names[row]
        if column == COL_CHOICE:
            choice = self.paper().get(self.keys[row])
            return choice.label if choice is not None else BLANK
        return self._totals[row][column - COL_CHOICE - 1]

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
