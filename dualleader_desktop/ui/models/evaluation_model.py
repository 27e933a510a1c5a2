"""The member grid of 民主评议党员: one row per member evaluated, with the ballots and grades
typed and the tally of domain/evaluation.py beside them, recomputed on every edit.

The rows are the draft's own lines, edited in place; the model only orders them for the view
(sorting here, not through a proxy: GOTCHAS.md). While ballot papers typed one by one exist
the counts are theirs (``count_papers``) and read-only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor

from dualleader_desktop.domain.evaluation import (
    GRADES,
    Ballots,
    EvaluationDraft,
    EvaluationLine,
    Grade,
    TallyLine,
    count_papers,
    tally,
)
from dualleader_desktop.ui.models.table_model import RowsTableModel
from dualleader_desktop.ui.widgets.field_errors import ERROR_COLOR

(
    COL_NAME,
    COL_EXCELLENT,
    COL_QUALIFIED,
    COL_BASIC,
    COL_UNQUALIFIED,
    COL_TOTAL,
    COL_GOOD_SHARE,
    COL_MAJORITY,
    COL_PROPOSED,
    COL_FINAL,
    COL_REASON,
) = range(11)
HEADERS = (
    "姓名",
    "优秀",
    "合格",
    "基本合格",
    "不合格",
    "合计",
    "优秀+合格",
    "票数最多",
    "支委会建议",
    "最终等次",
    "理由/处理",
)
COUNT_COLUMNS = (COL_EXCELLENT, COL_QUALIFIED, COL_BASIC, COL_UNQUALIFIED)
GRADE_COLUMNS = (COL_PROPOSED, COL_FINAL)
NUMBER_COLUMNS = (*COUNT_COLUMNS, COL_TOTAL, COL_GOOD_SHARE)
UNDECIDED = "（未定）"
GRADE_CHOICES = [UNDECIDED, *Grade.labels()]
PROBATIONARY_MARK = "（预备）"
PROBLEM_GROUND, WARNING_GROUND = "#fde7e7", "#fff4e5"
GREY = "#777777"

EDITABLE = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsEditable
READ_ONLY = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
DISPLAY, EDIT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole


def grade_of(value) -> Grade | None:
    """A grade from what a cell is given: a Grade, its label, its position 1–4, or nothing."""
    if isinstance(value, Grade):
        return value
    text = str(value or "").strip()
    if text in ("", "0", UNDECIDED):
        return None
    if text in ("1", "2", "3", "4"):
        return GRADES[int(text) - 1]
    return Grade.from_label(text)


def follow_up_text(line: EvaluationLine) -> str:
    """理由/处理 as the grid shows it: the reason, then what follows and by when."""
    parts = [line.reason.strip()]
    if line.follow_up is not None:
        due = f"，{line.follow_up_date:%Y-%m-%d}前" if line.follow_up_date else ""
        parts.append(f"［{line.follow_up.label}{due}］")
    return " ".join(part for part in parts if part)


class EvaluationModel(RowsTableModel):
    """``edited`` is emitted after every change a user makes through the model."""

    HEADERS = HEADERS

    edited = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.draft = EvaluationDraft(0)
        self._rows: list[EvaluationLine] = []
        self._tally: dict[int, TallyLine] = {}
        self._marks: dict[int, tuple[str, str]] = {}  # member id -> (ground, tooltip)
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # ---- the draft -------------------------------------------------------------------------
    def set_draft(self, draft: EvaluationDraft) -> None:
        """Show ``draft``'s lines (edited in place), in the order last sorted by."""
        self.beginResetModel()
        self.draft = draft
        self._rows = list(draft.lines)
        self._count()
        if self._sort is not None:
            self._rows.sort(key=self._key(self._sort[0]), reverse=self._reversed())
        self.endResetModel()

    @property
    def from_papers(self) -> bool:
        """The counts come from ballot papers typed one by one (and are read-only)."""
        return bool(self.draft.papers)

    def recount(self) -> None:
        """Ballots cast or the papers changed: every count and share is read again."""
        self._count()
        if self._rows:
            self.dataChanged.emit(
                self.index(0, COL_EXCELLENT), self.index(len(self._rows) - 1, COL_MAJORITY)
            )

    def _count(self) -> None:
        if self.draft.papers:
            counted = count_papers(self.draft.papers, [line.member_id for line in self._rows])
            for line in self._rows:
                line.ballots = counted[line.member_id]
        self._tally = {t.member_id: t for t in tally(self.draft).lines}

    def set_marks(self, marks: dict[int, tuple[str, str]]) -> None:
        """Rows to colour: member id -> ("problem" or "warning", the message as tooltip)."""
        if marks == self._marks:
            return
        self._marks = dict(marks)
        if self._rows:
            last = self.index(len(self._rows) - 1, COL_REASON)
            self.dataChanged.emit(self.index(0, COL_NAME), last)

    def line_at(self, row: int) -> EvaluationLine:
        return self._rows[row]

    def row_of(self, member_id: int) -> int:
        return next((i for i, line in enumerate(self._rows) if line.member_id == member_id), -1)

    def line_changed(self, member_id: int) -> None:
        """A line was edited outside the grid (the member's details below it)."""
        row = self.row_of(member_id)
        if row >= 0:
            self._row_changed(row)

    # ---- Qt ------------------------------------------------------------------------------
    def data(self, index, role=DISPLAY):
        if not index.isValid():
            return None
        line = self._rows[index.row()]
        column = index.column()
        if role in (DISPLAY, EDIT):
            return self._value(line, column, role)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMBER_COLUMNS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_MAJORITY, *GRADE_COLUMNS):
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_NAME and line.probationary:
                return QColor(GREY)
            if column in COUNT_COLUMNS and self.from_papers:
                return QColor(GREY)
            mark = self._marks.get(line.member_id)
            if column == COL_TOTAL and mark and mark[0] == "problem":
                return QColor(ERROR_COLOR)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            mark = self._marks.get(line.member_id)
            if mark is not None:
                return QColor(PROBLEM_GROUND if mark[0] == "problem" else WARNING_GROUND)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            mark = self._marks.get(line.member_id)
            if mark is not None:
                return mark[1]
            if column == COL_NAME and line.probationary:
                return "预备党员：参加评议，没有表决权"
        return None

    def _value(self, line: EvaluationLine, column: int, role):
        summary = self._tally[line.member_id]
        if column == COL_NAME:
            return line.name + (PROBATIONARY_MARK if line.probationary else "")
        if column in COUNT_COLUMNS:
            return line.ballots.counts()[column - COL_EXCELLENT]
        if column == COL_TOTAL:
            return line.ballots.total
        if column == COL_GOOD_SHARE:
            return f"{summary.good_share * 100:.1f}%" if self.draft.ballots_cast else "—"
        if column == COL_MAJORITY:
            if summary.majority is not None:
                return summary.majority.label
            return "并列" if line.ballots.total else ""
        if column in GRADE_COLUMNS:
            grade = line.proposed if column == COL_PROPOSED else line.final
            return grade.label if grade else (UNDECIDED if role == EDIT else "")
        return line.reason if role == EDIT else follow_up_text(line)

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        column = index.column()
        if column in (*GRADE_COLUMNS, COL_REASON):
            return EDITABLE
        if column in COUNT_COLUMNS and not self.from_papers:
            return EDITABLE
        return READ_ONLY

    def setData(self, index, value, role=EDIT) -> bool:
        if not index.isValid() or role != EDIT or not (self.flags(index) & EDITABLE):
            return False
        line = self._rows[index.row()]
        column = index.column()
        if column in COUNT_COLUMNS:
            try:
                count = int(str(value).strip() or 0)
            except ValueError:
                return False
            if count < 0:
                return False
            counts = list(line.ballots.counts())
            counts[column - COL_EXCELLENT] = count
            line.ballots = Ballots.of_counts(counts)
        elif column in GRADE_COLUMNS:
            try:
                grade = grade_of(value)
            except ValueError:
                return False
            setattr(line, "proposed" if column == COL_PROPOSED else "final", grade)
        else:
            line.reason = str(value).strip()
        self._row_changed(index.row())
        return True

    def _row_changed(self, row: int) -> None:
        self._tally = {t.member_id: t for t in tally(self.draft).lines}
        self.dataChanged.emit(self.index(row, 0), self.index(row, COL_REASON))
        self.edited.emit()

    # ---- sorting -------------------------------------------------------------------------
    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column``; a column of -1 goes back to the order of the roll."""
        if column >= len(HEADERS):
            return
        self._sort = (column, order) if column >= 0 else None
        self.layoutAboutToBeChanged.emit()
        before = [
            (self._rows[index.row()].member_id, index) for index in self.persistentIndexList()
        ]
        if column >= 0:
            self._rows.sort(key=self._key(column), reverse=self._reversed())
        else:
            self._rows = list(self.draft.lines)
        for member_id, index in before:
            row = self.row_of(member_id)
            self.changePersistentIndex(index, self.index(row, index.column()))
        self.layoutChanged.emit()

    def _reversed(self) -> bool:
        return self._sort is not None and self._sort[1] == Qt.SortOrder.DescendingOrder

    def _key(self, column: int):
        """The sort key of a column: names by their characters, numbers by value, grades from
        优秀 down (an undecided grade last)."""
        if column == COL_NAME:
            return lambda line: line.name
        if column in COUNT_COLUMNS:
            return lambda line: line.ballots.counts()[column - COL_EXCELLENT]
        if column == COL_TOTAL:
            return lambda line: line.ballots.total
        if column == COL_GOOD_SHARE:
            return lambda line: self._tally[line.member_id].good_share
        if column == COL_REASON:
            return follow_up_text

        def grade_position(line: EvaluationLine) -> int:
            if column == COL_MAJORITY:
                grade = self._tally[line.member_id].majority
            else:
                grade = line.proposed if column == COL_PROPOSED else line.final
            return len(GRADES) if grade is None else GRADES.index(grade)

        return grade_position
