"""The member roster: every member's file held once, filtered and sorted in Python.

No QSortFilterProxyModel: on 10 000 rows it calls back into Python per cell and takes seconds
(GOTCHAS.md), while filtering and sorting the model's own list takes milliseconds.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from dualleader_desktop.domain.enums import MemberCategory, MemberStatus
from dualleader_desktop.domain.member_records import MemberRecord
from dualleader_desktop.domain.member_search import matching_members
from dualleader_desktop.domain.validators import mask_id_number
from dualleader_desktop.ui.models.table_model import RowsTableModel

(
    COL_NAME,
    COL_GENDER,
    COL_BIRTH,
    COL_ID,
    COL_ETHNICITY,
    COL_EDUCATION,
    COL_TITLE,
    COL_POST,
    COL_DEPARTMENT,
    COL_PHONE,
    COL_GROUP,
    COL_JOINED,
    COL_FULL,
    COL_CATEGORY,
    COL_STATUS,
) = range(15)
HEADERS = (
    "姓名",
    "性别",
    "出生日期",
    "身份证号",
    "民族",
    "学历",
    "职称",
    "职务",
    "所在部门",
    "联系电话",
    "党小组",
    "入党时间",
    "转正时间",
    "党员类别",
    "状态",
)
NO_GROUP = -1  # the party_group_id filter value for members in no group
_LEFT_COLOR = QColor("#8a8a8a")


def _date(value, month_only: bool = False) -> str:
    if not value:
        return ""
    return f"{value:%Y.%m}" if month_only else f"{value:%Y-%m-%d}"


_TEXT = {
    COL_NAME: lambda r: r.name,
    COL_GENDER: lambda r: r.gender.label,
    COL_BIRTH: lambda r: _date(r.birth_date),
    COL_ETHNICITY: lambda r: r.ethnicity,
    COL_EDUCATION: lambda r: r.education,
    COL_TITLE: lambda r: r.title,
    COL_POST: lambda r: r.post,
    COL_DEPARTMENT: lambda r: r.department,
    COL_PHONE: lambda r: r.phone,
    COL_GROUP: lambda r: r.party_group_name,
    COL_JOINED: lambda r: _date(r.joined_date, r.joined_date_month_only),
    COL_FULL: lambda r: _date(r.full_member_date, r.full_member_date_month_only),
    COL_CATEGORY: lambda r: r.category.label,
    COL_STATUS: lambda r: r.status.label,
}
_SORT_KEY = {
    **_TEXT,
    COL_ID: lambda r: r.id_number,
    COL_BIRTH: lambda r: r.birth_date,
    COL_JOINED: lambda r: r.joined_date,
    COL_FULL: lambda r: (r.full_member_date is None, r.full_member_date or r.joined_date),
}


class RosterModel(RowsTableModel):
    HEADERS = HEADERS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[MemberRecord] = []
        self._filters: dict = {"status": MemberStatus.ACTIVE}
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._revealed = False
        self._first_rows = False

    def show_first_rows(self, records: list[MemberRecord], total: int) -> None:
        """Before the whole roster is read (the first screen, storage/first_screen.py): the
        default view's ``total`` rows, of which the first are ``records`` and the others are
        painted empty. Filters wait for ``set_records``, which the main window calls before it
        handles any event: nobody sees the empty rows. A sort order applies at once when
        ``records`` are all the rows (the first screen reads them all for a sorted roster)."""
        self._first_rows = True
        self._all = list(records) if len(records) == total else []
        self.set_rows([*records, *([None] * (total - len(records)))])

    # ---- what is shown -------------------------------------------------------------------
    def set_records(self, records: list[MemberRecord]) -> None:
        self._first_rows = False
        self._all = list(records)
        self._apply()

    def set_filters(
        self,
        *,
        status: MemberStatus | None = MemberStatus.ACTIVE,
        party_group_id: int | None = None,
        category: MemberCategory | None = None,
        text: str = "",
    ) -> None:
        """Show the members matching every given filter; ``NO_GROUP`` means no Party group.

        ``text`` matches the name, ID number, phone or department (domain/member_search.py)."""
        self._filters = {
            "status": status,
            "party_group_id": party_group_id,
            "category": category,
            "text": text,
        }
        self._apply()

    def set_id_revealed(self, revealed: bool) -> None:
        self._revealed = revealed
        if self._rows:
            self.dataChanged.emit(self.index(0, COL_ID), self.index(len(self._rows) - 1, COL_ID))

    def record_at(self, row: int) -> MemberRecord:
        return self._rows[row]

    def all_records(self) -> list[MemberRecord]:
        return list(self._all)

    def _apply(self) -> None:
        if self._first_rows:  # the filters and the sort order apply to the whole roster…
            if self._all and self._sort is not None:  # …or to every row of the default view
                self.set_rows(self._sorted(self._all))
            return
        f = self._filters
        status, group = f.get("status"), f.get("party_group_id")
        category, text = f.get("category"), f.get("text", "")
        rows = self._all
        if status is not None:
            rows = [r for r in rows if r.status == status]
        if group is not None:
            wanted = None if group == NO_GROUP else group
            rows = [r for r in rows if r.party_group_id == wanted]
        if category is not None:
            rows = [r for r in rows if r.category == category]
        if text:
            rows = matching_members(rows, text)
        self.set_rows(self._sorted(rows))

    def _sorted(self, rows: list[MemberRecord]) -> list[MemberRecord]:
        if self._sort is None:
            return rows
        column, order = self._sort
        return sorted(rows, key=_SORT_KEY[column], reverse=order == Qt.SortOrder.DescendingOrder)

    # ---- Qt's side -----------------------------------------------------------------------

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        if record is None:  # a row of the first screen not read yet
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == COL_ID:
                return record.id_number if self._revealed else mask_id_number(record.id_number)
            text = _TEXT[column](record)
            if role == Qt.ItemDataRole.ToolTipRole and record.status != MemberStatus.ACTIVE:
                return f"{text}（{record.status.label} {_date(record.status_date)}）"
            return text
        if role == Qt.ItemDataRole.ForegroundRole and record.status != MemberStatus.ACTIVE:
            return _LEFT_COLOR
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Column -1 restores the service's order (Party group, then name)."""
        self._sort = (column, order) if column in _SORT_KEY else None
        self._apply()
