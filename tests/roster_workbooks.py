"""Build roster workbooks for tests, the way secretaries' files look (title rows, varied headers)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from dualleader_desktop.domain.validators import MemberDraft
from dualleader_desktop.importers.roster_columns import header_field

BRANCH_TITLE = "机电工程学院教师党支部党员花名册"
UNIT_LINE = "填报单位：机电工程学院党委　　填报日期：2026年11月20日"
HEADER = [
    "序号",
    "姓 名",
    "性别",
    "民族",
    "出生年月",
    "公民身份号码",
    "学历",
    "职称",
    "所在部门/教研室",
    "手机号码",
    "入党\n时间",
    "转正时间",
    "人员类别",
    "党小组",
]
TITLE_ROWS = 2  # rows above the header when title_rows=True


def write_roster(
    path: Path,
    rows: list[list[object]],
    *,
    title_rows: bool = True,
    header: list[str] = HEADER,
    number_formats: dict[int, str] | None = None,
) -> Path:
    """Save a one-sheet roster; ``number_formats`` maps a 0-based column to an Excel format."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "党员名册"
    if title_rows:
        sheet.append([BRANCH_TITLE])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
        sheet.append([UNIT_LINE])
    sheet.append(header)
    for values in rows:
        sheet.append(values)
        for column, number_format in (number_formats or {}).items():
            sheet.cell(sheet.max_row, column + 1).number_format = number_format
    workbook.save(path)
    return path


def draft_row(draft: MemberDraft, number: int = 1, *, group: str = "", header=HEADER) -> list:
    """One row for ``header`` holding the draft's values as a secretary would type them."""
    values = []
    for text in header:
        key = header_field(text)
        if key is None:
            values.append(number)
        elif key == "party_group":
            values.append(group)
        elif key == "gender":
            values.append(draft.gender.label if draft.gender else None)
        elif key == "category":
            values.append(draft.category.label if draft.category else None)
        else:
            value = getattr(draft, key)
            values.append(None if value in ("", None) else value)
    return values


def excel_row(index: int, *, title_rows: bool = True) -> int:
    """The Excel row number of the ``index``-th data row (0-based)."""
    return index + 2 + (TITLE_ROWS if title_rows else 0)


def write_big_roster(path: Path, rows: int) -> Path:
    """A header and ``rows`` one-cell rows, written streaming so the test stays quick."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("花名册")
    sheet.append(["姓名", "身份证号", "入党时间"])
    for number in range(rows):
        sheet.append([f"党员{number}"])
    workbook.save(path)
    return path


def encrypt_workbook(source: Path, target: Path, password: str = "1234") -> Path:
    """A password-protected copy, as Excel's “用密码进行加密” writes it (msoffcrypto-tool)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    with source.open("rb") as plain, target.open("wb") as encrypted:
        OOXMLFile(plain).encrypt(password, encrypted)
    return target


def save_formula_results(path: Path, results: dict[str, str], sheet: int = 1) -> Path:
    """Give formula cells a saved text result, as Excel or WPS store one on saving (openpyxl
    writes formulas with an empty ``<v></v>``); ``results`` maps a coordinate to its text."""
    import re
    import zipfile
    from xml.sax.saxutils import escape

    with zipfile.ZipFile(path) as source:
        parts = {info: source.read(info.filename) for info in source.infolist()}
    name = f"xl/worksheets/sheet{sheet}.xml"
    for info, data in parts.items():
        if info.filename != name:
            continue
        xml = data.decode("utf-8")
        for coordinate, text in results.items():
            xml, count = re.subn(
                rf'<c r="{coordinate}"([^>]*)>(<f>.*?</f>)<v\s*/?>(?:</v>)?</c>',
                rf'<c r="{coordinate}"\1 t="str">\2<v>{escape(text)}</v></c>',
                xml,
            )
            assert count == 1, f"no formula cell {coordinate}"
        parts[info] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts.items():
            target.writestr(info, data)
    return path


def write_two_row_roster(
    path: Path, upper: list, lower: list, merges: list[str], rows: list[list[object]]
) -> Path:
    """A roster under a title and a unit line whose header is two rows high (rows 3 and 4).

    ``merges`` are ranges such as "B3:F3" (a group such as 基本信息 over its columns) or
    "F3:F4" (one column's name over both rows); as in Excel, only a merged range's top-left
    cell keeps a value, so give the others None in ``upper``/``lower``.
    """
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "党员名册"
    sheet.append([BRANCH_TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(lower))
    sheet.append([UNIT_LINE])
    sheet.append(upper)
    sheet.append(lower)
    for cells in merges:
        sheet.merge_cells(cells)
    for values in rows:
        sheet.append(values)
    workbook.save(path)
    return path
