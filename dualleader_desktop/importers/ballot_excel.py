"""民主评议's ballot tally as an Excel sheet: written for the group leaders, read back filled in.

Layout: a title row, a row with the ballots cast and how to fill in, then the header 序号 · 姓名 ·
优秀 · 合格 · 基本合格 · 不合格 · 备注 (frozen, repeated on printed pages) and one row per member
evaluated, in the draft's order; 备注 marks 预备党员. A count of 0 is written as a blank cell,
so a new evaluation's sheet is an empty form.

Reading is all or nothing: every row is checked and every problem reported (``BallotSheetError``,
naming the row as Excel numbers it), and counts are returned only when the whole sheet is right.
Rows are matched to the draft's lines by 姓名; the 序号 matters only where two members evaluated
share a name, and then it must be the one the exported sheet gave. Every member evaluated must
have exactly one row (a member without ballots keeps a row with blank counts): a sheet that
leaves someone out is refused rather than guessed at. Counts may be numbers, text ("12"),
full-width digits ("１２") or formulas with a saved result; a blank is 0.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from dualleader_desktop.documents.xlsx_text import append_row
from dualleader_desktop.domain.evaluation import GRADES, Ballots, EvaluationDraft, Grade
from dualleader_desktop.domain.text import strip_control_chars
from dualleader_desktop.domain.validators import clean_text
from dualleader_desktop.importers.roster_cells import cell_text
from dualleader_desktop.importers.roster_columns import normalize_header
from dualleader_desktop.importers.roster_excel import HEADER_SCAN_ROWS, MAX_ROWS
from dualleader_desktop.importers.workbook_files import (
    WorkbookError,
    display_width,
    reading_workbook,
    refuse_uncalculated,
    save_atomically,
)

SHEET_TITLE = "测评票统计"
HEADERS = ["序号", "姓名", *(grade.label for grade in GRADES), "备注"]
HEADER_ROW = 3  # under the title and the note
PROBATIONARY_NOTE = "预备党员"
SHOWN_ERRORS = 30  # row errors written out in the message; the rest are counted

_NUMBER, _NAME = "number", "name"
_HEADER_KEYS: dict[str, str | Grade] = {
    "序号": _NUMBER,
    "编号": _NUMBER,
    "姓名": _NAME,
    "党员姓名": _NAME,
    **{grade.label: grade for grade in GRADES},
}
_COUNT_RE = re.compile(r"-?[0-9]+")


@dataclass(frozen=True)
class RowError:
    row: int | None  # the row as Excel numbers it; None for the sheet as a whole
    message: str

    def __str__(self) -> str:
        return self.message if self.row is None else f"第 {self.row} 行：{self.message}"


class BallotSheetError(WorkbookError):
    """The sheet was read but some rows are wrong; ``errors`` lists every one, nothing is used."""

    def __init__(self, errors: list[RowError]) -> None:
        shown = [str(error) for error in errors[:SHOWN_ERRORS]]
        if len(errors) > SHOWN_ERRORS:
            shown.append(f"……另有 {len(errors) - SHOWN_ERRORS} 处错误")
        super().__init__(
            f"测评统计表中有 {len(errors)} 处错误，没有导入任何票数。"
            "请在 Excel 中改正以下各处后重新导入：\n" + "\n".join(shown)
        )
        self.errors = errors


# ---- writing ---------------------------------------------------------------------------


def write_ballot_sheet(draft: EvaluationDraft, path: Path, *, title: str) -> None:
    """Save the ballot sheet of ``draft`` to ``path`` whole or not at all (written beside it,
    then moved). Raises OSError."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    last_column = get_column_letter(len(HEADERS))
    probationary = sum(1 for line in draft.lines if line.probationary)
    append_row(sheet, [title])
    append_row(
        sheet,
        [
            f"投票人数：{draft.ballots_cast} 人　参评党员：{len(draft.lines)} 人"
            + (f"（其中预备党员 {probationary} 人）" if probationary else "")
            + "\n填写说明：每行四个等次的票数之和不能多于投票人数，没有票的留空；"
            "请勿改动序号和姓名，也不要删除行。"
        ],
    )
    for row in (1, 2):
        sheet.merge_cells(f"A{row}:{last_column}{row}")
    sheet["A1"].font = Font(size=16, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
    sheet["A2"].alignment = Alignment(vertical="center", wrap_text=True)
    sheet.row_dimensions[1].height = 30
    sheet.row_dimensions[2].height = 36
    append_row(sheet, HEADERS)
    for number, line in enumerate(draft.lines, start=1):
        counts = [count or None for count in line.ballots.counts()]  # 0 is a blank cell
        note = PROBATIONARY_NOTE if line.probationary else None
        append_row(sheet, [number, line.name, *counts, note])
    edge = Side(style="thin")
    last_row = sheet.max_row
    for row in sheet.iter_rows(min_row=HEADER_ROW, max_row=last_row):
        for cell in row:
            cell.border = Border(left=edge, right=edge, top=edge, bottom=edge)
            cell.alignment = Alignment(horizontal="center", vertical="center")
            if cell.row == HEADER_ROW:
                cell.font = Font(bold=True)
            elif 3 <= cell.column <= 2 + len(GRADES):
                cell.number_format = "0"
    if draft.lines:
        counts_range = f"C{HEADER_ROW + 1}:{get_column_letter(2 + len(GRADES))}{last_row}"
        whole = DataValidation(
            type="whole",
            operator="greaterThanOrEqual",
            formula1="0",
            showErrorMessage=True,
            errorTitle="票数",
            error="请填写 0 或正整数，没有票的留空。",
        )
        whole.add(counts_range)
        sheet.add_data_validation(whole)
    names = max([display_width(line.name) for line in draft.lines], default=0)
    widths = [6, max(10, names + 2), 9, 9, 11, 9, 12]  # as HEADERS; 基本合格 is the widest
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
    save_atomically(workbook, path)


# ---- reading ---------------------------------------------------------------------------


@dataclass
class _Header:
    sheet_name: str
    row: int
    columns: dict[str | Grade, int]  # key -> 0-based column index


def read_ballot_sheet(path: Path, draft: EvaluationDraft) -> dict[int, Ballots]:
    """Every member's ballots from a filled-in sheet, by member id. Raises WorkbookError for
    a file that cannot be read, BallotSheetError (a WorkbookError) when any row is wrong."""
    with reading_workbook(path, "测评统计表") as workbook:
        header = _find_header(workbook)
        worksheet = workbook[header.sheet_name]
        rows = _read_rows(worksheet, header)
        _refuse_uncalculated(worksheet, header)
    return _match(rows, draft)


def _header_key(value: object) -> str | Grade | None:
    """What a header cell names: "优秀", "优秀票数", "优 秀（票）" all name 优秀."""
    name = re.sub("票数?$", "", normalize_header(value))
    return _HEADER_KEYS.get(name)


def _find_header(workbook) -> _Header:
    """The first row, in the first rows of the first sheet that has one, naming 姓名 and the
    four grades. A header two rows high is read as one: a cell the lower row leaves blank takes
    its name from the row above (a 姓名 merged down, a "测评等次" over the grades)."""
    partial: _Header | None = None
    for worksheet in workbook.worksheets:
        upper: list = []
        for row_number, values in enumerate(
            worksheet.iter_rows(max_row=HEADER_SCAN_ROWS, values_only=True), start=1
        ):
            columns: dict[str | Grade, int] = {}
            for index, value in enumerate(values):
                key = _header_key(value)
                if key is None and value in (None, "") and index < len(upper):
                    key = _header_key(upper[index])
                if key is not None:
                    columns.setdefault(key, index)
            header = _Header(worksheet.title, row_number, columns)
            if _NAME in columns and all(grade in columns for grade in GRADES):
                return header
            if partial is None and sum(key in columns for key in (_NAME, *GRADES)) >= 2:
                partial = header
            upper = list(values)
    if partial is not None:
        missing = "、".join(
            f"“{label}”"
            for key, label in ((_NAME, "姓名"), *((g, g.label) for g in GRADES))
            if key not in partial.columns
        )
        raise WorkbookError(
            f"工作表“{partial.sheet_name}”第 {partial.row} 行是表头，但缺少{missing}列。"
            "请补上该列（没有票的留空），或用程序导出的测评统计表重新填写。"
        )
    raise WorkbookError(
        f"在各工作表的前 {HEADER_SCAN_ROWS} 行中没有找到测评统计表的表头。表头行应包含"
        "“姓名”“优秀”“合格”“基本合格”“不合格”各列。请确认选择了正确的文件，"
        "或用程序导出的测评统计表填写。"
    )


def _read_rows(worksheet, header: _Header) -> list[tuple[int, dict]]:
    """(Excel row, key -> cell value) of the rows below the header with a 姓名 or a count."""
    rows = []
    start = header.row + 1
    for row_number, values in enumerate(
        worksheet.iter_rows(min_row=start, values_only=True), start
    ):
        cells = {
            key: _blank_to_none(values[index]) if index < len(values) else None
            for key, index in header.columns.items()
        }
        if all(cells[key] is None for key in (_NAME, *GRADES)):
            continue  # a blank row, or one numbered in advance and left empty
        rows.append((row_number, cells))
        if len(rows) > MAX_ROWS:
            raise WorkbookError(
                f"工作表“{header.sheet_name}”的数据超过 {MAX_ROWS} 行，已停止读取。"
                "请确认选择的是本支部的测评统计表。"
            )
    return rows


def _blank_to_none(value: object) -> object:
    if isinstance(value, str) and not strip_control_chars(value).strip():
        return None
    return value


def _refuse_uncalculated(worksheet, header: _Header) -> None:
    """Formulas without a saved result (a program wrote them, Excel never opened the file)
    read as blank, which would be 0 ballots: refused instead."""
    wanted = {index + 1 for index in header.columns.values()}
    refuse_uncalculated(worksheet, lambda row, column: row > header.row and column in wanted, None)


def _count(value: object, grade: Grade) -> tuple[int, str | None]:
    """A count cell as a number of ballots, or the message saying what is wrong with it."""
    if value is None:
        return 0, None
    text = cell_text(value)
    if isinstance(value, str):
        number = unicodedata.normalize("NFKC", strip_control_chars(value)).strip()
        value = int(number) if _COUNT_RE.fullmatch(number) else None
    elif isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        return 0, f"“{grade.label}”列的「{text}」不是票数：请填写 0 或正整数，没有票的留空"
    if value < 0:
        return 0, f"“{grade.label}”列的票数「{text}」是负数：请填写 0 或正整数，没有票的留空"
    return value, None


def _number(value: object) -> int | None:
    """The 序号 of a row, when it holds a whole number."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = clean_text(value)
    return int(text) if text.isascii() and text.isdigit() else None


def _match(rows: list[tuple[int, dict]], draft: EvaluationDraft) -> dict[int, Ballots]:
    """Each row's counts checked and given to the member it names; BallotSheetError with
    every problem found, when there is any."""
    by_name: dict[str, list[tuple[int, int]]] = {}  # name -> (序号, member id) of each line
    for number, line in enumerate(draft.lines, start=1):
        by_name.setdefault(clean_text(line.name), []).append((number, line.member_id))
    names = {line.member_id: line.name for line in draft.lines}
    cast = draft.ballots_cast
    errors: list[RowError] = []
    found: dict[int, tuple[int, Ballots]] = {}  # member id -> (Excel row, ballots)
    for excel_row, cells in rows:
        row_errors: list[str] = []
        counts = []
        for grade in GRADES:
            count, problem = _count(cells[grade], grade)
            counts.append(count)
            if problem:
                row_errors.append(problem)
        member_id = _member(cells, by_name, draft.year, row_errors)
        ballots = Ballots.of_counts(counts)
        if member_id is not None:
            name = names[member_id]
            if member_id in found:
                row_errors.append(
                    f"{name}在第 {found[member_id][0]} 行已经有一行，每名党员只能有一行：请删除重复的行"
                )
            elif not row_errors and ballots.total > cast:
                row_errors.append(
                    f"{name}的四个等次票数合计 {ballots.total} 张，多于投票人数 {cast} 人："
                    "请核对该行票数；若投票人数有误，请先在程序中改正投票人数再导入"
                )
            found.setdefault(member_id, (excel_row, ballots))
        errors += [RowError(excel_row, message) for message in row_errors]
    missing = [
        f"{line.name}（序号 {number}）" if len(by_name[clean_text(line.name)]) > 1 else line.name
        for number, line in enumerate(draft.lines, start=1)
        if line.member_id not in found
    ]
    if missing:
        errors.append(
            RowError(
                None,
                f"表中没有参评党员{'、'.join(missing)}的行：每名参评党员都要有一行"
                "（没有票的留空票数），请补上后重新导入",
            )
        )
    if errors:
        raise BallotSheetError(errors)
    return {member_id: ballots for member_id, (_row, ballots) in found.items()}


def _member(
    cells: dict, by_name: dict[str, list[tuple[int, int]]], year: int, errors: list[str]
) -> int | None:
    """The member id the row's 姓名 (and, for a shared name, its 序号) names; None with the
    reason added to ``errors``."""
    if cells[_NAME] is None:
        errors.append("没有填写姓名：请填写该行党员的姓名，或删除该行")
        return None
    name = clean_text(cell_text(cells[_NAME]))
    lines = by_name.get(name, [])
    if not lines:
        errors.append(
            f"姓名「{name}」不在 {year} 年度的参评党员名单中："
            "请核对姓名（以程序中的参评名单为准），或删除该行"
        )
        return None
    if len(lines) == 1:
        return lines[0][1]
    number = _number(cells.get(_NUMBER))
    for line_number, member_id in lines:
        if line_number == number:
            return member_id
    numbers = "、".join(str(line_number) for line_number, _member_id in lines)
    given = cells.get(_NUMBER)
    where = (
        "该行没有填写序号"
        if given is None
        else f"该行的序号「{cell_text(given)}」与其中任何一人都对不上"
    )
    errors.append(
        f"参评党员中有 {len(lines)} 名「{name}」（导出表中的序号为 {numbers}），{where}："
        "请在“序号”列填写导出表中此人的序号，以区分同名党员"
    )
    return None
