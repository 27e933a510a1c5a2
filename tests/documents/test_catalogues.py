"""One 归档文件目录 per 保管期限: verify reads every catalogue of a package, finds a document
listed twice or under another 保管期限, and still accepts the single catalogue of packages
written before."""

import pytest

from dualleader_desktop.documents.catalogues import package_catalogues
from dualleader_desktop.documents.package import (
    CATALOGUE,
    CatalogueEntry,
    catalogue_name,
    write_catalogue_xlsx,
    write_manifest,
)
from dualleader_desktop.documents.verify import verify_package

PERMANENT = "Z001-WS·2025-Y-0001"
TEN_YEARS = "Z001-WS·2025-D10-0001"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n%%EOF\n"  # one page


def entry(code: str, number: int = 1) -> CatalogueEntry:
    return CatalogueEntry(number, code, "某支部", f"[{code}]", "20250301", 1)


def make_package(folder, catalogues: dict[str, list[str]]):
    """A package of one-page PDFs, one per code, and the catalogues named with their codes."""
    (folder / "文件").mkdir(parents=True)
    for codes in catalogues.values():
        for code in codes:
            (folder / "文件" / f"{code}.pdf").write_bytes(PDF)
    for name, codes in catalogues.items():
        entries = [entry(code, n) for n, code in enumerate(codes, 1)]
        write_catalogue_xlsx(folder / f"{name}.xlsx", entries, {"全宗号": "Z001"})
        for fmt in ("docx", "pdf"):
            (folder / f"{name}.{fmt}").write_bytes(f"{name} {fmt}".encode())
    write_manifest(folder, {"formats": ["pdf"]})
    return folder


def test_entries_are_catalogued_by_retention_each_numbered_from_one():
    entries = [entry("a", 1), entry("b", 2), entry("c", 3)]
    catalogues = package_catalogues(["永久", "永久", "定期10年"], entries, {"保管期限": ""})
    assert [(c.name, [e.number for e in c.entries]) for c in catalogues] == [
        ("归档文件目录（永久）", [1, 2]),
        ("归档文件目录（定期10年）", [1]),
    ]
    assert [c.cover["保管期限"] for c in catalogues] == ["永久", "定期10年"]
    assert catalogues[1].entries[0].code == "c"
    assert catalogues[1].document.title == "归档文件目录（定期10年）"


@pytest.mark.parametrize(
    "catalogues",
    [
        {catalogue_name("永久"): [PERMANENT], catalogue_name("定期10年"): [TEN_YEARS]},
        {CATALOGUE: [PERMANENT, TEN_YEARS]},  # as packages were written before
    ],
    ids=["per-retention", "single-catalogue"],
)
def test_a_package_whose_catalogues_list_every_document_once_verifies(tmp_path, catalogues):
    assert verify_package(make_package(tmp_path / "package", catalogues)) == []


def test_a_document_under_another_retention_is_found(tmp_path):
    folder = make_package(tmp_path / "package", {catalogue_name("永久"): [PERMANENT, TEN_YEARS]})
    assert verify_package(folder) == [f"{TEN_YEARS} 不是永久的档号，却列在归档文件目录（永久）中。"]


def test_a_document_in_two_catalogues_is_found(tmp_path):
    catalogues = {
        catalogue_name("永久"): [PERMANENT],
        catalogue_name("定期10年"): [TEN_YEARS, PERMANENT],
    }
    assert verify_package(make_package(tmp_path / "package", catalogues)) == [
        f"{PERMANENT} 在归档文件目录（永久）中已列出，归档文件目录（定期10年）中又列了一次。"
    ]


def test_a_document_in_no_catalogue_and_a_catalogue_missing_a_format_are_found(tmp_path):
    catalogues = {catalogue_name("永久"): [PERMANENT], catalogue_name("定期10年"): [TEN_YEARS]}
    folder = make_package(tmp_path / "package", catalogues)
    write_catalogue_xlsx(folder / f"{catalogue_name('定期10年')}.xlsx", [], {"全宗号": "Z001"})
    (folder / f"{catalogue_name('定期10年')}.pdf").unlink()
    write_manifest(folder, {"formats": ["pdf"]})
    assert verify_package(folder) == [
        "清单中缺少归档文件目录：归档文件目录（定期10年）.pdf。",
        f"文件 {TEN_YEARS} 不在归档文件目录中。",
    ]


def test_a_catalogue_of_an_unknown_retention_is_named(tmp_path):
    folder = make_package(tmp_path / "package", {f"{CATALOGUE}（五年）": [PERMANENT]})
    assert verify_package(folder) == [
        "归档文件目录（五年） 的保管期限“五年”不是永久、定期30年、定期10年之一。"
    ]


def test_a_package_with_no_catalogue_says_which_files_are_missing(tmp_path):
    folder = make_package(tmp_path / "package", {})
    assert verify_package(folder) == [
        f"清单中缺少归档文件目录：归档文件目录.{fmt}。" for fmt in ("docx", "pdf", "xlsx")
    ]
