"""A meeting theme that looks like a formula is text in 归档文件目录.xlsx, as the secretary
typed it."""

from openpyxl import load_workbook
from sqlalchemy import text

from dualleader_desktop.demo import populate_demo
from dualleader_desktop.documents.package import (
    CATALOGUE,
    CatalogueEntry,
    write_catalogue_xlsx,
)
from dualleader_desktop.documents.verify import catalogue_rows
from dualleader_desktop.domain.archive import RecordKind
from dualleader_desktop.services.archive import ArchiveSettingsInfo
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.storage.database import Database
from tests.catalogues import catalogue_files
from tests.conftest import TODAY
from tests.xlsx_raw import raw_cells

THEME = '=HYPERLINK("http://x","点此查看")'
TRICKY = ["+1", "-3 天", "@SUM(A1)", "#N/A"]


def test_catalogue_texts_are_written_as_text(tmp_path):
    path = tmp_path / f"{CATALOGUE}.xlsx"
    entries = [
        CatalogueEntry(
            n, f"Z001-WS·2025-Y-DZB-{n:04d}", "支部", title, "20250301", 1, remarks=title
        )
        for n, title in enumerate([THEME, *TRICKY], start=1)
    ]
    write_catalogue_xlsx(path, entries, {"全宗号": "=Z001", "全宗名称": "@某学院"})
    cells = raw_cells(path)
    assert not [cell for cell in cells if cell[2]]  # no <f> anywhere
    for title in [THEME, *TRICKY, "全宗号：=Z001；全宗名称：@某学院"]:
        assert ("inlineStr", title, False) in cells
    rows = catalogue_rows(path.read_bytes())
    assert [(row["题名"], row["备注"]) for row in rows] == [(t, t) for t in [THEME, *TRICKY]]
    sheet = load_workbook(path).active
    assert sheet["A4"].value == 1 and sheet["H4"].value == 1  # numbers stay numbers


def test_a_packaged_theme_is_text_in_the_catalogue(tmp_path):
    db = Database.open_file(tmp_path / "demo.sqlite3")
    try:
        populate_demo(db, 2025, today=TODAY)
        archive = BranchServices(db).archive
        archive.save_settings(ArchiveSettingsInfo(fonds="Z001", organization_code="DZB"))
        with db.engine.begin() as conn:  # the branch's name begins every 题名 and is 责任者
            conn.execute(text("UPDATE branch SET name = :theme"), {"theme": THEME})
        result = archive.export(2025, tmp_path / "out", kinds={RecordKind.COMMITTEE})
    finally:
        db.dispose()
    [path] = catalogue_files(result.folder, "xlsx")
    cells = raw_cells(path)
    assert not [cell for cell in cells if cell[2]]
    rows = catalogue_rows(path.read_bytes())
    assert {row["责任者"] for row in rows} == {THEME}  # begins with "=", as the 题名 do
    assert all(row["题名"].startswith(THEME) for row in rows)
    assert ("inlineStr", THEME, False) in cells


def test_the_catalogue_workbook_prints_landscape_on_a4_with_its_header_on_every_page(tmp_path):
    path = tmp_path / f"{CATALOGUE}.xlsx"
    entries = [
        CatalogueEntry(n, f"Z001-WS·2025-Y-DZB-{n:04d}", "支部", "题名" * 30, "20250301", 2)
        for n in range(1, 120)
    ]
    write_catalogue_xlsx(path, entries, {"全宗号": "Z001"})
    sheet = load_workbook(path).active
    setup = sheet.page_setup
    assert setup.orientation == "landscape" and int(setup.paperSize) == 9  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (int(setup.fitToWidth), int(setup.fitToHeight)) == (1, 0)  # width fits, pages flow
    assert sheet.print_title_rows == "$3:$3"  # 序号 档号 … repeated on every printed page
    assert sheet["E4"].alignment.wrap_text  # a long 题名 wraps inside its column
