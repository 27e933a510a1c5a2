"""Text written to a workbook stays text.

openpyxl stores a string beginning with "=" as a formula and one equal to an error code
("#N/A") as an error, so a 备注 "=HYPERLINK(…)" from an imported roster or a meeting theme would
come back from our export as a live formula. Every row we write goes through ``append_row``,
which marks its strings as strings: stored as the secretary typed them, with no quote added.
"""

from __future__ import annotations

from collections.abc import Iterable

TEXT = "s"  # openpyxl's data type of a string cell (written as an inline string)


def append_row(sheet, values: Iterable[object]) -> None:
    """``sheet.append(values)``, with every str value stored as text whatever it begins with."""
    values = list(values)
    sheet.append(values)
    row = sheet.max_row
    for column, value in enumerate(values, start=1):
        if isinstance(value, str):
            set_text(sheet.cell(row, column), value)


def set_text(cell, value: str) -> None:
    """Put ``value`` in ``cell`` as a string, never a formula or an error value."""
    cell.value = value
    cell.data_type = TEXT
