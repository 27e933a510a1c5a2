"""A year's archive package: written whole or not at all, and verified anywhere."""

import re

import docx
import pypdf
import pytest

from dualleader_desktop.documents.package import verify_package
from dualleader_desktop.domain.archive import RecordKind
from dualleader_desktop.services.archive import (
    ArchiveService,
    ArchiveSettingsInfo,
    ExportCancelled,
)
from dualleader_desktop.services.demo import populate_demo
from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.storage.database import Database
from tests.conftest import TODAY

KINDS = {
    RecordKind.BRANCH_ASSEMBLY,
    RecordKind.COMMITTEE,
    RecordKind.LIFE_MEETING,
    RecordKind.ROSTER,
}
ID_RE = re.compile(r"\d{17}[\dX]")


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    db = Database.open_file(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    populate_demo(db, 2025, today=TODAY)
    service = ArchiveService(db)
    service.save_settings(
        ArchiveSettingsInfo(fonds="Z001", fonds_name="江西某职业技术学院", organization_code="DZB")
    )
    return service


@pytest.fixture(scope="module")
def package(archive, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    return archive.export(2025, out, kinds=KINDS, make_zip=True, mask=True)


def test_items_are_numbered_and_named_by_archival_code(package):
    names = sorted(p.name for p in (package.folder / "文件").iterdir())
    assert "Z001-WS·2025-Y-DZB-0001.pdf" in names
    assert "Z001-WS·2025-Y-DZB-0001.docx" in names
    assert any(n.startswith("Z001-WS·2025-D30-DZB-0001") for n in names)
    assert any(n.startswith("Z001-WS·2025-D10-DZB-0001") for n in names)  # the roster
    assert len(names) == 2 * package.items


def test_stamp_and_page_count_in_docx_and_pdf(package):
    files = package.folder / "文件"
    for pdf_path in sorted(files.glob("*.pdf"))[:3]:
        code = pdf_path.stem
        reader = pypdf.PdfReader(pdf_path)
        assert [round(v) for v in reader.pages[0].mediabox[2:]] in ([595, 842], [842, 595])
        first = reader.pages[0].extract_text()
        assert "Z001" in first and code.split("-")[-1] in first
        word = docx.Document(files / f"{code}.docx")
        stamp = word.sections[0].first_page_header.tables[0]
        assert stamp.cell(0, 0).text == "Z001" and stamp.cell(0, 2).text == code.split("-")[-1]
        assert stamp.cell(1, 2).text == str(len(reader.pages))


def test_verify_passes_on_a_fresh_package_folder_and_zip(package):
    assert verify_package(package.folder) == []
    assert verify_package(package.zip_path) == []


def test_verify_catches_a_changed_byte_a_missing_and_an_extra_file(archive, tmp_path):
    result = archive.export(2025, tmp_path, kinds={RecordKind.COMMITTEE})
    victim = next((result.folder / "文件").glob("*.pdf"))
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0x01
    victim.write_bytes(bytes(data))
    assert any("不符" in p for p in verify_package(result.folder))
    victim.unlink()
    assert any("缺少文件" in p for p in verify_package(result.folder))
    (result.folder / "文件" / "extra.txt").write_text("x")
    assert any("多余" in p for p in verify_package(result.folder))


def test_cancel_leaves_nothing_behind(archive, tmp_path):
    calls = []
    with pytest.raises(ExportCancelled):
        archive.export(
            2025,
            tmp_path,
            kinds=KINDS,
            is_cancelled=lambda: len(calls) > 2,
            progress=lambda done, total: calls.append(done),
        )
    assert list(tmp_path.iterdir()) == []


def test_an_existing_target_is_not_overwritten(archive, package):
    with pytest.raises(ServiceError, match="已存在"):
        archive.export(2025, package.folder.parent, kinds=KINDS)


def test_masked_package_has_no_full_id_number(package):
    roster = next(p for p in (package.folder / "文件").glob("*D10*.docx"))
    cells = " ".join(c.text for t in docx.Document(roster).tables for r in t.rows for c in r.cells)
    assert not ID_RE.search(cells)
    pdf_text = "".join(p.extract_text() for p in pypdf.PdfReader(roster.with_suffix(".pdf")).pages)
    assert not ID_RE.search(pdf_text)


def test_catalogue_in_three_formats_agrees(package):
    from dualleader_desktop.documents.package import read_catalogue_xlsx

    rows = read_catalogue_xlsx((package.folder / "归档文件目录.xlsx").read_bytes())
    assert len(rows) == package.items
    assert rows[0]["档号"] == "Z001-WS·2025-Y-DZB-0001"
    assert re.fullmatch(r"2025\d{4}", rows[0]["日期"])
    word = docx.Document(package.folder / "归档文件目录.docx")
    assert word.tables[0].cell(1, 1).text == rows[0]["档号"]
    assert "[党员花名册]" in [r["题名"] for r in rows]
    pdf = pypdf.PdfReader(package.folder / "归档文件目录.pdf")
    assert "Z001" in pdf.pages[0].extract_text()
