"""Open a roster workbook, find its header row and read its rows, refusing bad files early.

Files are read with openpyxl's read-only mode and rows are counted as they stream in, so a huge
sheet is refused after MAX_ROWS rows instead of being loaded whole. The checks of the file
itself (its kind, formulas without results) are workbook_files', shared with other importers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from dualleader_desktop.importers.dates import (
    EAST_ASIAN_DATE_FORMATS,
    SERIAL_MAX,
    SERIAL_MIN,
    format_shows_day,
)
from dualleader_desktop.importers.roster_columns import (
    FIELD_LABELS,
    IGNORED_HEADERS,
    expected_headers_hint,
    header_field,
    normalize_header,
)
from dualleader_desktop.importers.workbook_files import (  # services import the errors from here
    ReadCancelled,
    WorkbookError,
    reading_workbook,
    refuse_uncalculated,
)

MAX_ROWS = 20_000
HEADER_SCAN_ROWS = 20
MIN_OTHER_HEADERS = 2  # besides 姓名, so a title row that says 姓名 is not taken for the header
CHECK_EVERY = 500
_MERGE_START_RE = re.compile(rb"<(?:\w+:)?mergeCells[\s>/]")
_MERGE_CELL_RE = re.compile(rb"<(?:\w+:)?mergeCell\s[^>]*?\bref=\"([^\"]+)\"")


@dataclass
class RosterSheet:
    """What was read from the sheet: mapped columns and the non-empty data rows."""

    sheet_name: str
    header_row: int
    columns: list[tuple[int, str, str]]  # (0-based column index, field key, header text)
    ignored_columns: list[str]
    rows: list[tuple[int, dict[str, object]]] = field(default_factory=list)  # (Excel row, values)


def read_roster(path: Path, is_cancelled: Callable[[], bool] | None = None) -> RosterSheet:
    """Read the roster's sheet; raises WorkbookError for a file that cannot be imported."""
    with reading_workbook(path, "花名册") as workbook:
        try:
            sheet = _find_header(workbook)
            _read_rows(workbook[sheet.sheet_name], sheet, is_cancelled)
        except WorkbookError:
            # no header or no data may only mean formulas read as empty
            _refuse_uncalculated(workbook, None)
            raise
        _refuse_uncalculated(workbook, sheet)
        return sheet


def _find_header(workbook) -> RosterSheet:
    """The first sheet whose first rows hold a row with 姓名 and at least two other known headers.

    Merged header cells count in every cell they span, and a header two rows high is read as
    one: its lower row names the columns, the upper row those the lower leaves unnamed.
    """
    any_values = False
    without_id: RosterSheet | None = None
    for worksheet in workbook.worksheets:
        rows = [
            list(values)
            for values in worksheet.iter_rows(max_row=HEADER_SCAN_ROWS, values_only=True)
        ]
        if not any(v not in (None, "") for values in rows for v in values):
            continue
        any_values = True
        merges = _merged_ranges(worksheet)
        _fill_merged(rows, merges)
        for row_number, values in enumerate(rows, start=1):
            if row_number < len(rows) and any(
                top <= row_number < bottom for top, _left, bottom, _right in merges
            ):
                continue  # a cell merged down into the next row: the header goes on below
            upper = None
            if row_number > 1 and any(
                top <= row_number - 1 <= bottom for top, _left, bottom, _right in merges
            ):
                upper = rows[row_number - 2]  # merged cells above: maybe the header's upper row
            sheet = _header_from_row(worksheet.title, row_number, values, upper)
            if sheet is not None and any(key == "id_number" for _i, key, _t in sheet.columns):
                return sheet
            without_id = without_id or sheet
    expected = expected_headers_hint()
    if without_id is not None:
        raise WorkbookError(
            f"工作表“{without_id.sheet_name}”第 {without_id.header_row} 行是表头，但其中没有"
            "“身份证号”列。导入时要用身份证号识别每名党员，请在花名册中加上“身份证号”"
            "（或“公民身份号码”）列。"
        )
    if not any_values:
        raise WorkbookError(
            "工作簿是空的，没有找到任何数据。请确认选择的是填好的花名册，"
            f"它应有一行表头，包含“姓名”以及{expected}等列。"
        )
    raise WorkbookError(
        f"在各工作表的前 {HEADER_SCAN_ROWS} 行中没有找到表头。表头行应包含“姓名”，"
        f"以及{expected}中的至少两列。请检查表头的写法，或确认选择了正确的文件。"
    )


def _header_from_row(
    sheet_name: str, row_number: int, values: list, upper: list | None = None
) -> RosterSheet | None:
    """The header in ``values``; a column it leaves unnamed takes a known name from ``upper``."""
    columns: list[tuple[int, str, str]] = []
    ignored: list[str] = []
    seen: set[str] = set()
    for index, value in enumerate(values):
        key = header_field(value)
        text = " ".join(str(value).split()) if value is not None else ""
        if key is None and upper is not None and index < len(upper):
            key = header_field(upper[index])
            if key is not None:
                text = " ".join(str(upper[index]).split())
        if key is None or key in seen:
            if text and normalize_header(value) not in IGNORED_HEADERS:
                ignored.append(text)
            continue
        seen.add(key)
        columns.append((index, key, text))
    if "name" not in seen or len(seen) - 1 < MIN_OTHER_HEADERS:
        return None
    return RosterSheet(sheet_name, row_number, columns, ignored)


def _merged_ranges(worksheet) -> list[tuple[int, int, int, int]]:
    """The sheet's merged cells that start in the rows scanned for the header, as (top, left,
    bottom, right), 1-based. openpyxl's read-only mode does not read them, so they are taken
    from the sheet's XML, where ``<mergeCells>`` follows all the rows."""
    from openpyxl.utils.cell import range_boundaries

    section, tail = b"", b""
    with worksheet._get_source() as source:  # openpyxl keeps the sheet's part name private
        while chunk := source.read(1 << 20):
            if section:
                section += chunk
                continue
            found = _MERGE_START_RE.search(tail + chunk)
            if found:
                section = (tail + chunk)[found.start() :]
            else:
                tail = chunk[-32:]
    ranges = []
    for ref in _MERGE_CELL_RE.findall(section):
        try:
            left, top, right, bottom = range_boundaries(ref.decode("ascii"))
        except (TypeError, ValueError, UnicodeDecodeError):
            continue  # a damaged reference: the cells are read as they are
        if None not in (left, top, right, bottom) and top <= HEADER_SCAN_ROWS:
            ranges.append((top, left, bottom, right))
    return ranges


def _fill_merged(rows: list[list], merges: list[tuple[int, int, int, int]]) -> None:
    """Give every cell of a merged range its top-left cell's value (Excel keeps it only there)."""
    for top, left, bottom, right in merges:
        if top > len(rows) or left > len(rows[top - 1]):
            continue
        value = rows[top - 1][left - 1]
        for row in rows[top - 1 : min(bottom, len(rows))]:
            if len(row) < right:
                row.extend([None] * (right - len(row)))
            row[left - 1 : right] = [value] * (right - left + 1)


def _read_rows(worksheet, sheet: RosterSheet, is_cancelled: Callable[[], bool] | None) -> None:
    count = 0
    start = sheet.header_row + 1
    for row_number, row in enumerate(worksheet.iter_rows(min_row=start), start):
        if (row_number - start) % CHECK_EVERY == 0 and is_cancelled and is_cancelled():
            raise ReadCancelled()
        cells = {
            key: _cell_value(row[index]) if index < len(row) else None
            for index, key, _text in sheet.columns
        }
        if all(value is None for value in cells.values()):
            continue
        count += 1
        if count > MAX_ROWS:
            raise WorkbookError(
                f"工作表“{sheet.sheet_name}”的数据超过 {MAX_ROWS} 行，已停止读取。"
                "一个支部的花名册不会有这么多行；请确认选择的是本支部的花名册，"
                "或把表格拆分成多个文件分别导入。"
            )
        sheet.rows.append((row_number, cells))
    if not sheet.rows:
        raise WorkbookError(
            f"工作表“{sheet.sheet_name}”第 {sheet.header_row} 行是表头，但表头下面没有党员数据，"
            "请检查工作表：确认选择的是填好的花名册，党员信息从表头的下一行开始填写。"
        )


def _refuse_uncalculated(workbook, sheet: RosterSheet | None) -> None:
    """Refuse a workbook whose formulas have no saved result (written by a program, not by
    Excel or WPS): read for their results, such cells are empty, and a filled-in roster would
    be reported as rows without 姓名. With ``sheet``, its header row and the imported columns
    below it are looked at; without, the first rows of every sheet (no header was found)."""
    if sheet is not None:
        wanted_columns = {index + 1 for index, _key, _text in sheet.columns}
        header_row = sheet.header_row

        def wanted(row: int, column: int) -> bool:
            return row == header_row or (row > header_row and column in wanted_columns)

        checks = [(workbook[sheet.sheet_name], wanted, None)]
    else:
        checks = [
            (worksheet, lambda _row, _column: True, HEADER_SCAN_ROWS + CHECK_EVERY)
            for worksheet in workbook.worksheets
        ]
    for worksheet, wanted, last_row in checks:
        refuse_uncalculated(worksheet, wanted, last_row)


def _cell_value(cell) -> object:
    """A cell's value; blank text is None, and a date shown without its day ("1985年7月") becomes
    that text form ("1985.07"), so it is read as known to the month only."""
    value = cell.value
    if isinstance(value, str) and not value.strip():
        return None
    if isinstance(value, (int, float)) and SERIAL_MIN <= value <= SERIAL_MAX:
        # a serial number; 19850701, 198507 or 1985.07 typed into such a cell are read as typed
        east_asian = EAST_ASIAN_DATE_FORMATS.get(_format_id(cell))
        if east_asian is not None:
            from openpyxl.utils.datetime import from_excel

            value = from_excel(value, cell.parent.parent.epoch)
            return value if format_shows_day(east_asian) else f"{value:%Y.%m}"
    if isinstance(value, datetime) and not format_shows_day(cell.number_format):
        return f"{value:%Y.%m}"
    return value


def _format_id(cell) -> int | None:
    """The number format's id in the file (openpyxl keeps it only in its private tables)."""
    try:
        return cell.parent.parent._cell_styles[cell._style_id].numFmtId
    except (AttributeError, IndexError, TypeError):
        return None


def column_label(sheet: RosterSheet, key: str) -> str:
    """The header text of a field's column in this file, else the usual Chinese header."""
    for _index, field_key, text in sheet.columns:
        if field_key == key:
            return text
    return FIELD_LABELS.get(key, key)
