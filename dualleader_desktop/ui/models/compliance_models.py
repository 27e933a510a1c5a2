"""The 工作台's lists: the year's grid (a row per rule, a column per month; a quarter's or a
year's cell spans its months), the overdue and upcoming items, and the rules, edited."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from dualleader_desktop.domain.assessment import AssessedItem, Measure, check_score
from dualleader_desktop.domain.compliance import Cell, CellStatus, DueItem, RuleRow
from dualleader_desktop.domain.meeting_rules import FrequencyRule, Period, RuleScope
from dualleader_desktop.domain.meetings import MeetingKind

if TYPE_CHECKING:
    from dualleader_desktop.services.department import DepartmentGrid
from dualleader_desktop.ui.models.table_model import RowsTableModel

MONTHS = tuple(f"{month}月" for month in range(1, 13))
MARKS = {
    CellStatus.DONE: "✓",
    CellStatus.MISSING: "✗",
    CellStatus.OPEN: "…",
    CellStatus.NOT_DUE: "",
}
FILLS = {
    CellStatus.DONE: QColor("#dff0d8"),
    CellStatus.MISSING: QColor("#f8d7da"),
    CellStatus.OPEN: QColor("#fff3cd"),
}
OVERDUE = QColor("#b02a37")
# the roles an edited list answers with its cells' text
TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole)


class ComplianceGridModel(RowsTableModel):
    HEADERS = MONTHS

    def cell_at(self, row: int, column: int) -> Cell:
        """The period of the row's rule that holds month ``column + 1``."""
        rule_row: RuleRow = self._rows[row]
        return next(
            c for c in rule_row.cells if c.span.start.month <= column + 1 <= c.span.end.month
        )

    def spans(self) -> list[tuple[int, int, int]]:
        """(row, first column, columns) of every cell longer than a month."""
        return [
            (number, cell.span.start.month - 1, cell.span.end.month - cell.span.start.month + 1)
            for number, row in enumerate(self._rows)
            for cell in row.cells
            if cell.span.end.month > cell.span.start.month
        ]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row: RuleRow = self._rows[index.row()]
        cell = self.cell_at(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            mark = MARKS[cell.status]
            return f"{mark} {cell.count}" if cell.status == CellStatus.DONE else mark
        if role == Qt.ItemDataRole.BackgroundRole and cell.status in FILLS:
            return QBrush(FILLS[cell.status])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            state = {
                CellStatus.DONE: f"已开 {cell.count} 次",
                CellStatus.MISSING: f"只开了 {cell.count} 次，缺少",
                CellStatus.OPEN: f"已开 {cell.count} 次，本期尚未完成",
                CellStatus.NOT_DUE: "未到期",
            }[cell.status]
            action = "单击查看这些会议" if cell.count else "单击新建一条该期的会议记录"
            return f"{cell.span.label}{row.label}：{state}（{row.rule.text}）。{action}"
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return self._rows[section].label
        return super().headerData(section, orientation, role)


class DueItemsModel(RowsTableModel):
    HEADERS = ("到期日", "类别", "事项")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item: DueItem = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            due = f"{item.due:%Y-%m-%d}" + ("（已逾期）" if item.overdue else "")
            return (due, item.kind.label, item.text)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and item.overdue:
            return QBrush(OVERDUE)
        return None


class EditableRowsModel(RowsTableModel):
    """A list edited in place: every cell editable unless ``editable`` says otherwise, rows
    added and removed, ``edited`` on every change."""

    CHOICES: ClassVar[dict[int, list[str]]] = {}
    edited = Signal()

    def editable(self, index) -> bool:
        return True

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        return flags | Qt.ItemFlag.ItemIsEditable if self.editable(index) else flags

    def replace_row(self, row: int, value) -> None:
        self._rows[row] = value
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        self.edited.emit()

    def add(self, value) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(value)
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        self.edited.emit()


class RulesModel(EditableRowsModel):
    """The branch's meeting-frequency rules, edited in place: choices by their Chinese labels
    (a combo box delegate offers them), the count as a number."""

    COL_KIND, COL_PERIOD, COL_COUNT, COL_SCOPE, COL_NOTE = range(5)
    HEADERS = ("会议类型", "周期", "至少次数", "范围", "说明")
    CHOICES: ClassVar[dict[int, list[str]]] = {
        COL_KIND: MeetingKind.labels(),
        COL_PERIOD: Period.labels(),
        COL_SCOPE: RuleScope.labels(),
    }

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in TEXT_ROLES:
            return None
        rule: FrequencyRule = self._rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return rule.text
        return (
            rule.kind.label,
            rule.period.label,
            rule.min_count,
            rule.scope.label,
            rule.note,
        )[index.column()]

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        rule: FrequencyRule = self._rows[index.row()]
        column = index.column()
        try:
            if column == self.COL_KIND:
                rule = replace(rule, kind=MeetingKind.from_label(str(value)))
            elif column == self.COL_PERIOD:
                period = Period.from_label(str(value))
                quarter = rule.usual_quarter if period == Period.YEAR else None
                rule = replace(rule, period=period, usual_quarter=quarter)
            elif column == self.COL_COUNT:
                rule = replace(rule, min_count=int(value))
            elif column == self.COL_SCOPE:
                rule = replace(rule, scope=RuleScope.from_label(str(value)))
            else:
                rule = replace(rule, note=str(value).strip())
        except ValueError:  # not a label, or a count under 1: the cell keeps its value
            return False
        self.replace_row(index.row(), rule)
        return True


class DepartmentModel(RowsTableModel):
    """The department's grid: a row per branch, a column per rule (its periods lacking
    meetings, ✓ where none) and the branch's total; the department's totals in the last
    row."""

    def set_grid(self, grid: DepartmentGrid) -> None:
        self.beginResetModel()
        self.grid = grid
        self._rows = list(grid.lines)
        self.HEADERS = (*(_short(rule) for rule in grid.rules), "合计")
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() or not self._rows else len(self._rows) + 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        rules = self.grid.rules
        totals = index.row() == len(self._rows)
        if index.column() < len(rules):
            rule = rules[index.column()]
            missing = self.grid.total(rule) if totals else self._rows[index.row()].missing.get(rule)
        else:
            rule = ""
            lines = self._rows if totals else [self._rows[index.row()]]
            missing = sum(sum(line.missing.values()) for line in lines)
        if role == Qt.ItemDataRole.DisplayRole:
            return "—" if missing is None else ("✓" if missing == 0 else f"缺 {missing}")
        if role == Qt.ItemDataRole.BackgroundRole and missing:
            return QBrush(FILLS[CellStatus.MISSING])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            who = "全部支部" if totals else self._rows[index.row()].name
            what = rule or "各项规则"
            if missing is None:
                return f"{who}：不适用（{what}）"
            return f"{who}：{what}，缺开的期数 {missing}"
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return "合计" if section == len(self._rows) else self._rows[section].name
        return super().headerData(section, orientation, role)


def _short(rule: str) -> str:
    """A rule's text as a two-line column header: "党课：每季度至少 1 次" → "党课\n每季度≥1"
    (two 党课 rules are told apart by the second line)."""
    kind, _, how = rule.partition("：")
    return f"{kind}\n{how.replace('至少 ', '≥').removesuffix(' 次')}"


class AssessmentModel(EditableRowsModel):
    """The year's assessment, edited in place: every indicator's words, points and how it is
    scored; the score of the items the secretary scores; a note on any item. What the records
    show is read only (it is measured, not typed)."""

    COL_AREA, COL_ITEM, COL_POINTS, COL_MEASURE, COL_FIGURE, COL_SCORE, COL_NOTE = range(7)
    HEADERS = ("考核项目", "考核内容", "分值", "计分方式", "记录显示", "得分", "说明")
    CHOICES: ClassVar[dict[int, list[str]]] = {COL_MEASURE: Measure.labels()}
    MEASURED_LATER = "保存后按记录测得"

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in TEXT_ROLES:
            return None
        item: AssessedItem = self._rows[index.row()]
        indicator, figure = item.indicator, item.figure
        if figure is not None:
            said = figure.said
        elif indicator.measure == Measure.SECRETARY:
            said = "由支部书记评分"
        else:
            said = self.MEASURED_LATER
        score = item.score
        return (
            indicator.area,
            indicator.item,
            indicator.points,
            indicator.measure.label,
            said,
            ("" if role == Qt.ItemDataRole.DisplayRole else None) if score is None else score,
            item.note,
        )[index.column()]

    def editable(self, index) -> bool:
        """What the records show is measured, not typed; so is a measured item's score."""
        if index.column() == self.COL_FIGURE:
            return False
        measure = self._rows[index.row()].indicator.measure
        return index.column() != self.COL_SCORE or measure == Measure.SECRETARY

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        item: AssessedItem = self._rows[index.row()]
        indicator, column = item.indicator, index.column()
        text = "" if value is None else str(value).strip()
        try:
            if column == self.COL_AREA:
                item = replace(item, indicator=replace(indicator, area=text))
            elif column == self.COL_ITEM:
                item = replace(item, indicator=replace(indicator, item=text))
            elif column == self.COL_POINTS:
                item = replace(item, indicator=replace(indicator, points=float(text)))
            elif column == self.COL_MEASURE:
                measure = Measure.from_label(text)
                # measured items carry no typed score; what the records show comes on saving
                item = AssessedItem(replace(indicator, measure=measure), None, None, item.note)
            elif column == self.COL_SCORE:
                score = float(text) if text else None
                if check_score(indicator, score):
                    return False
                item = replace(item, given=score)
            else:
                item = replace(item, note=text)
        except ValueError:  # not a number, or not a choice: the cell keeps its value
            return False
        self.replace_row(index.row(), item)
        return True
