"""What every Excel file the program reads or writes needs, whatever the sheet inside holds.

The roster importer (花名册) and the 民主评议 ballot sheet (测评统计表) read a user's file the
same way: look at its first bytes so an old .xls, a WPS .et, an encrypted workbook or a file
that is no workbook at all is refused in words the user can act on; open it with openpyxl
(read-only, results of formulas); refuse formulas that have no saved result, which openpyxl
would read as empty cells. Both write their workbooks whole or not at all, with columns as
wide as their Chinese text. Those steps live here once; each importer names its document
(``what``, as a message says it: "花名册", "测评统计表") and keeps what is its own: its header,
its rows and their checks.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import BinaryIO

SHOWN_CELLS = 5  # cells named in a message; the rest are counted

OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
SHEET_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"  # as openpyxl's
_ROW_TAG, _CELL_TAG = f"{{{SHEET_MAIN_NS}}}row", f"{{{SHEET_MAIN_NS}}}c"
_VALUE_TAG, _FORMULA_TAG = f"{{{SHEET_MAIN_NS}}}v", f"{{{SHEET_MAIN_NS}}}f"
_FORMULA_RE = re.compile(rb"<(?:\w+:)?f[\s>/]")


class WorkbookError(Exception):
    """The file as a whole cannot be imported; the message says why and what to do (Chinese)."""


class ReadCancelled(Exception):
    """The reader was asked to stop before the file was read to its end."""


# ---- reading -------------------------------------------------------------------------------


@contextmanager
def reading_workbook(path: Path, what: str) -> Iterator:
    """The workbook at ``path``, checked (``check_workbook_file``) and opened for reading,
    closed afterwards. An error while it is read, in the ``with`` block too, is a
    WorkbookError saying what to do; WorkbookError and ReadCancelled pass unchanged."""
    check_workbook_file(path, what)
    try:
        with path.open("rb") as fh:
            workbook = open_workbook(path, fh, what)
            try:
                yield workbook
            finally:
                workbook.close()
    except (WorkbookError, ReadCancelled):
        raise
    except OSError as exc:
        raise WorkbookError(
            f"读取 {path.name} 时出错（{exc.strerror or exc}）。请确认文件没有被移动或删除后重试。"
        ) from exc
    except Exception as exc:  # damaged sheet XML, bad styles and the like, found while reading
        raise WorkbookError(
            f"{path.name} 的内容已损坏，无法读取。请在 Excel 中打开它，"
            "另存为一个新的“Excel 工作簿（*.xlsx）”后再导入。"
        ) from exc


def check_workbook_file(path: Path, what: str) -> None:
    """Look at the first bytes: old .xls, encrypted workbooks and other files get their own words.

    ``what`` names the document the user should have chosen ("花名册"). Raises WorkbookError.
    """
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise WorkbookError(f"找不到文件 {path}，请确认文件名和所在文件夹。") from None
    except IsADirectoryError:
        raise WorkbookError(f"{path} 是一个文件夹，请选择{what} Excel 文件（.xlsx）。") from None
    except OSError as exc:
        raise WorkbookError(
            f"无法读取文件 {path}（{exc.strerror or exc}）。请确认有读取权限，"
            "或把文件复制到桌面后再导入。"
        ) from None
    if not head:
        raise WorkbookError(f"{path.name} 是空文件（0 字节），请选择正确的{what}文件。")
    if head == OLE2_MAGIC:
        if path.suffix.lower() == ".et":
            raise WorkbookError(
                f"{path.name} 是 WPS 表格文件（.et），程序只能读取 .xlsx。请在 WPS 中打开它，"
                "选择“另存为”→“Excel 工作簿（*.xlsx）”，再导入新文件。"
            )
        if contains(path, ENCRYPTED_STREAM):
            raise WorkbookError(
                f"{path.name} 设置了打开密码，程序无法读取。请在 Excel 中打开它，"
                "在“文件 → 信息 → 保护工作簿 → 用密码进行加密”中删除密码并保存，再重新导入。"
            )
        raise WorkbookError(
            f"{path.name} 是旧版 Excel 97-2003 工作簿（.xls），程序只能读取 .xlsx。"
            "请在 Excel 中打开它，选择“另存为”→“Excel 工作簿（*.xlsx）”，再导入新文件。"
        )
    if not head.startswith(ZIP_MAGICS):
        pdf = "，而是 PDF 文件" if head.startswith(b"%PDF") else ""
        raise WorkbookError(
            f"{path.name} 不是 Excel 工作簿（.xlsx）{pdf}。如果{what}是 CSV、WPS 或其他格式，"
            "请在 Excel 或 WPS 中打开并另存为“Excel 工作簿（*.xlsx）”后再导入。"
        )


def contains(path: Path, needle: bytes, chunk_size: int = 1 << 20) -> bool:
    """Whether the bytes occur in the file (an OLE2 directory names its streams in UTF-16)."""
    tail = b""
    with path.open("rb") as fh:
        while chunk := fh.read(chunk_size):
            if needle in tail + chunk:
                return True
            tail = chunk[-len(needle) :]
    return False


def open_workbook(path: Path, fh: BinaryIO, what: str):
    """openpyxl's read-only workbook of ``fh`` (the file at ``path``), formulas read for their
    saved results. Raises WorkbookError for a zip file that is no workbook."""
    import openpyxl

    try:
        # a file object, so openpyxl does not judge the file by its name's extension
        return openpyxl.load_workbook(fh, read_only=True, data_only=True)
    except Exception as exc:  # a damaged package raises many kinds (BadZipFile, KeyError, ...)
        raise WorkbookError(
            f"{path.name} 是压缩文件，但不是有效的 Excel 工作簿（.xlsx），可能已损坏或是其他程序的文件。"
            f"请在 Excel 中打开{what}，另存为“Excel 工作簿（*.xlsx）”后再导入。"
        ) from exc


def refuse_uncalculated(
    worksheet, wanted: Callable[[int, int], bool], last_row: int | None
) -> None:
    """Raise WorkbookError naming the wanted cells (``uncalculated_cells``) that hold a formula
    but no saved result: read for their results, they would pass for empty cells."""
    cells = uncalculated_cells(worksheet, wanted, last_row)
    if cells:
        shown = "、".join(cells[:SHOWN_CELLS])
        if len(cells) > SHOWN_CELLS:
            shown += f" 等 {len(cells)} 个单元格"
        raise WorkbookError(
            "此工作簿中的公式没有保存计算结果（例如由其他程序生成），程序读不到它们的值："
            f"工作表“{worksheet.title}”的 {shown}。"
            "请用 Excel 或 WPS 打开并保存一次后再导入。"
        )


def uncalculated_cells(
    worksheet, wanted: Callable[[int, int], bool], last_row: int | None
) -> list[str]:
    """Coordinates of the wanted cells (``wanted(row, column)``, 1-based) that hold a formula
    but no saved result, in the rows up to ``last_row`` (None: all of them).

    openpyxl, asked for results, reads such a cell as empty and does not say it holds a
    formula, so the sheet's XML is read once more: a ``<c>`` with an ``<f>`` and no or an empty
    ``<v>`` (empty is a saved result only for text, ``t="str"``). A quick look for any ``<f``
    comes first, so a sheet without formulas costs only its decompression.
    """
    if last_row is None and not _has_formulas(worksheet):
        return []
    from xml.etree.ElementTree import iterparse

    from openpyxl.utils.cell import (
        column_index_from_string,
        coordinate_from_string,
        get_column_letter,
    )

    found: list[str] = []
    row = column = 0
    with worksheet._get_source() as source:  # openpyxl keeps the sheet's part name private
        for event, element in iterparse(source, events=("start", "end")):
            if element.tag == _ROW_TAG:
                if event == "start":
                    row, column = int(element.get("r") or row + 1), 0
                    continue
                element.clear()
                if last_row is not None and row >= last_row:
                    break
            elif element.tag == _CELL_TAG and event == "end":
                coordinate = element.get("r")
                if coordinate:
                    letters, row = coordinate_from_string(coordinate)
                    column = column_index_from_string(letters)
                else:
                    column += 1
                if element.find(_FORMULA_TAG) is not None and wanted(row, column):
                    saved = element.find(_VALUE_TAG)
                    # an empty result is saved as empty text (t="str"); openpyxl writes <v></v>
                    if saved is None or (not saved.text and element.get("t") != "str"):
                        found.append(f"{get_column_letter(column)}{row}")
    return found


def _has_formulas(worksheet, chunk_size: int = 1 << 20) -> bool:
    tail = b""
    with worksheet._get_source() as source:
        while chunk := source.read(chunk_size):
            if _FORMULA_RE.search(tail + chunk):
                return True
            tail = chunk[-8:]
    return False


# ---- writing -------------------------------------------------------------------------------


def save_atomically(workbook, path: Path) -> None:
    """Save ``workbook`` to ``path`` whole or not at all: written beside it, then moved over
    it. Raises OSError; the temporary file is removed."""
    handle, temporary = tempfile.mkstemp(suffix=".xlsx", prefix=".dualleader-", dir=path.parent)
    os.close(handle)
    try:
        workbook.save(temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def display_width(value: object) -> int:
    """Columns a value takes on screen: Chinese characters count two."""
    if value is None:
        return 0
    if isinstance(value, date):
        return 10
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(value))
