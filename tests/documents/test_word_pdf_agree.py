"""The .docx of every document has the pages its 归档章 and the catalogue say, laid out by
a real word processor: LibreOffice converts the demo year's package (one batch call). Where
LibreOffice is not installed the test says so and skips; `.ci/run` installs it where it can.

The lines of each paragraph end where the PDF's do (documents/text_lines.py), 22 lines a page
at the same pitch in both, so the counts agree whatever fonts LibreOffice finds."""

from __future__ import annotations

import shutil
import subprocess

import pypdf
import pytest

from dualleader_desktop.demo import populate_demo
from dualleader_desktop.documents.layout import GBT_9704, MM_TO_PT, PAGE_NUMBER_BELOW_MM
from dualleader_desktop.services.archive import ArchiveSettingsInfo
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.storage.database import Database
from tests.catalogues import package_rows
from tests.conftest import TODAY

pytestmark = pytest.mark.skipif(
    not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed"
)


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    """The demo year's package, and its .docx converted to PDF by LibreOffice."""
    db = Database.open_file(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    try:
        populate_demo(db, 2025, today=TODAY)
        archive = BranchServices(db).archive
        archive.save_settings(ArchiveSettingsInfo(fonds="Z001", organization_code="DZB"))
        package = archive.export(2025, tmp_path_factory.mktemp("out")).folder
    finally:
        db.dispose()
    out = tmp_path_factory.mktemp("libreoffice")
    documents = sorted((package / "文件").glob("*.docx"))
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(out / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out / "pdf"),
            *map(str, documents),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return package, out / "pdf"


def test_every_docx_has_the_pages_its_stamp_and_the_catalogue_say(converted):
    package, laid_out = converted
    rows = package_rows(package)
    assert len(rows) > 100  # the whole demo year: minutes, talks, roster, evaluation, survey
    differing = {}
    for row in rows:
        ours = len(pypdf.PdfReader(package / "文件" / f"{row['档号']}.pdf").pages)
        word = len(pypdf.PdfReader(laid_out / f"{row['档号']}.pdf").pages)
        assert int(row["页数"]) == ours  # the catalogue lists the PDF's pages
        if word != ours:
            differing[f"{row['档号']} {row['题名']}"] = (ours, word)
    assert differing == {}


def lowest_baseline(page) -> float:
    """The baseline of the lowest text on ``page``, in points from its bottom edge."""
    found = []

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            found.append(tm[5] * cm[3] + tm[4] * cm[1] + cm[5])

    page.extract_text(visitor_text=visit)
    return min(found)


def test_the_page_number_stands_7_mm_under_the_text_block_in_both(converted):
    """GB/T 9704: "— 1 —" 7 mm under the text block (Word put it ~16 mm under)."""
    package, laid_out = converted
    name = sorted((package / "文件").glob("*.pdf"))[0].name
    ours = lowest_baseline(pypdf.PdfReader(package / "文件" / name).pages[0])
    word = lowest_baseline(pypdf.PdfReader(laid_out / name).pages[0])
    block_bottom = GBT_9704.bottom_mm * MM_TO_PT
    number_top = block_bottom - PAGE_NUMBER_BELOW_MM * MM_TO_PT
    assert number_top - GBT_9704.page_number_size == pytest.approx(ours, abs=0.5)
    assert word == pytest.approx(ours, abs=2)  # 0.7 mm
