"""A workbook's cells as its sheet XML holds them, without openpyxl's reading of them."""

import zipfile
from xml.etree import ElementTree

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def raw_cells(path, sheet: int = 1) -> list[tuple[str | None, str, bool]]:
    """(type attribute, text, whether it has a formula) of every cell of the sheet."""
    with zipfile.ZipFile(path) as archive:
        root = ElementTree.fromstring(archive.read(f"xl/worksheets/sheet{sheet}.xml"))
    return [
        (cell.get("t"), "".join(cell.itertext()), cell.find(f"{MAIN}f") is not None)
        for cell in root.iter(f"{MAIN}c")
    ]
