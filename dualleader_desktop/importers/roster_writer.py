"""Write a roster workbook (花名册) that people can read and print and the importer reads back.

Layout: a title row, a row with the export date, then the header (bold, frozen, repeated on
printed pages). ID numbers and phones are text cells so Excel keeps every digit, and every text
is stored as text (a 备注 "=HYPERLINK(…)" is not a formula in our file); dates are real
Excel dates shown as yyyy-mm-dd, or as yyyy.mm where only the month is known (the importer reads
a date shown without its day as known to the month).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dualleader_desktop.documents.xlsx_text import append_row
from dualleader_desktop.importers.workbook_files import display_width, save_atomically

DATE_FORMAT = "yyyy-mm-dd"
MONTH_FORMAT = "yyyy.mm"
TEXT_FORMAT = "@"
MAX_WIDTH = 40
FIRST_DATA_ROW = 4  # under the title, the export date and the header


def write_roster_workbook(
    path: Path,
    *,
    title: str,
    subtitle: str,
    headers: list[str],
    rows: list[list[object]],
    text_columns: set[int],
    month_cells: set[tuple[int, int]],
) -> None:
    """Save the workbook to ``path`` whole or not at all (written beside it, then moved).

    ``text_columns`` are 0-based indexes of columns stored as text; ``month_cells`` the 0-based
    (row in ``rows``, column) of dates known only to the month. Raises OSError.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "花名册"
    last_column = get_column_letter(len(headers))
    append_row(sheet, [title])
    sheet.merge_cells(f"A1:{last_column}1")
    sheet["A1"].font = Font(size=16, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 30
    append_row(sheet, [subtitle])
    append_row(sheet, headers)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center")
    widths = [display_width(header) for header in headers]
    for values in rows:
        append_row(sheet, values)
        for index, value in enumerate(values):
            widths[index] = max(widths[index], display_width(value))
    for column_cells in sheet.iter_cols(min_row=FIRST_DATA_ROW, max_row=sheet.max_row):
        for cell in column_cells:
            if cell.column - 1 in text_columns:
                cell.number_format = TEXT_FORMAT
            elif (cell.row - FIRST_DATA_ROW, cell.column - 1) in month_cells:
                cell.number_format = MONTH_FORMAT
            elif isinstance(cell.value, date):
                cell.number_format = DATE_FORMAT
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, MAX_WIDTH)
    sheet.freeze_panes = f"A{FIRST_DATA_ROW}"
    sheet.print_title_rows = "3:3"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    save_atomically(workbook, path)
