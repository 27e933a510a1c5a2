"""A year's archive package: written whole or not at all, and verified anywhere."""

import errno
import io
import json
import os
import re
import shutil
import time
import zipfile
from datetime import date

import docx
import pypdf
import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from dualleader_desktop.demo import populate_demo
from dualleader_desktop.documents.package import (
    catalogue_name,
    write_catalogue_xlsx,
    write_manifest,
)
from dualleader_desktop.documents.verify import catalogue_rows, verify_package
from dualleader_desktop.domain.archive import RecordKind, Retention, retention_of
from dualleader_desktop.services.archive import (
    ArchiveSettingsInfo,
    ExportCancelled,
)
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.services.talks import TalkService
from dualleader_desktop.storage.database import Database
from tests.catalogues import catalogue_files, package_rows
from tests.conftest import TODAY

KINDS = {
    RecordKind.BRANCH_ASSEMBLY,
    RecordKind.COMMITTEE,
    RecordKind.LIFE_MEETING,
    RecordKind.TALK,  # one talk is left in the year (see ``archive``)
    RecordKind.ROSTER,
}
ID_RE = re.compile(r"\d{17}[\dX]")
MOBILE_RE = re.compile(r"1[3-9]\d{9}")
# typed into free text: a meeting's minutes, a talk's content and topic
SECRET_ID, SECRET_PHONE = "360102198503151234", "13912345678"
MASKED_ID, MASKED_PHONE = "360102********1234", "139****5678"


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    db = Database.open_file(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    populate_demo(db, 2025, today=TODAY)
    service = BranchServices(db).archive
    service.save_settings(
        ArchiveSettingsInfo(fonds="Z001", fonds_name="江西某职业技术学院", organization_code="DZB")
    )
    meeting = MeetingService(db).list_meetings(year=2025, kind=RecordKind.BRANCH_ASSEMBLY)[0]
    talk = TalkService(db).list_talks(year=2025)[0]
    said = f"\n王老师的身份证号为{SECRET_ID}，联系电话{SECRET_PHONE}，请组织委员核对。"
    with db.engine.begin() as conn:
        conn.execute(
            text("UPDATE meetings SET minutes = minutes || :said WHERE id = :id"),
            {"said": said, "id": meeting.id},
        )
        conn.execute(
            text(
                "UPDATE talks SET content = content || :said, topic = topic || :phone "
                "WHERE id = :id"
            ),
            {"said": said, "phone": f"（回电 {SECRET_PHONE}）", "id": talk.id},
        )
        # the other talks move to the year before, so the package stays small
        conn.execute(
            text("UPDATE talks SET talk_date = date(talk_date, '-1 year') WHERE id != :id"),
            {"id": talk.id},
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


def docx_text(source) -> str:
    """Every word of a .docx: body paragraphs, table cells, headers and footers."""
    word = docx.Document(source)
    parts = [p.text for p in word.paragraphs]
    parts += [c.text for t in word.tables for r in t.rows for c in r.cells]
    for section in word.sections:
        for part in (section.first_page_header, section.header, section.footer):
            parts += [p.text for p in part.paragraphs]
            parts += [c.text for t in part.tables for r in t.rows for c in r.cells]
    return "\n".join(parts)


def pdf_text(source) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(source).pages)


def xlsx_text(source) -> str:
    sheet = load_workbook(source, read_only=True).active
    return "\n".join(str(v) for row in sheet.iter_rows(values_only=True) for v in row if v)


def manifest_text(source) -> str:
    """The manifest without its hashes (long runs of hex digits that are no one's number)."""
    manifest = json.loads(source.read_text("utf-8"))
    for entry in manifest["files"]:
        entry.pop("sha256")
    return json.dumps(manifest, ensure_ascii=False)


def compact(text_: str) -> str:
    return re.sub(r"\s", "", text_)


def test_masked_package_has_no_full_id_number_or_phone_anywhere(package):
    """The roster's columns and the numbers typed into minutes and talks, in every file."""
    readers = {".docx": docx_text, ".pdf": pdf_text, ".xlsx": xlsx_text, ".json": manifest_text}
    found = {}
    for path in sorted(p for p in package.folder.rglob("*") if p.is_file()):
        words = compact(readers[path.suffix](path))
        assert not ID_RE.search(words), path.name
        assert not MOBILE_RE.search(words), path.name
        found[path.name] = words
    # the masked forms are there (masked, not dropped): the minutes and the talk, both formats
    holders = sorted(name for name, words in found.items() if MASKED_ID in words)
    kinds = [n.split("-")[2] + "." + n.rsplit(".", 1)[1] for n in holders]
    assert kinds == ["D10.docx", "D10.pdf", "Y.docx", "Y.pdf"]
    assert all(MASKED_PHONE in found[name] for name in holders)
    assert "谈心谈话" in found[holders[0]] and "党员大会" in found[holders[2]]
    talk = next(path for path in holders if path.endswith(".pdf") and "D10" in path)
    title = pypdf.PdfReader(package.folder / "文件" / talk).metadata.title
    assert "与" in title and "谈心谈话记录" in title  # who talked with whom, not the topic
    for fmt in ("xlsx", "docx", "pdf"):  # the 题名 is the document's title
        assert compact(title) in found[f"{catalogue_name('定期10年')}.{fmt}"]
    assert json.loads((package.folder / "manifest.json").read_text("utf-8"))["masked"] is True


def test_one_catalogue_per_retention_in_three_formats_that_agree(package):
    # DA/T 22 catalogues a year's items by 保管期限: one 归档文件目录 for each, numbered from 1
    names = [path.stem for path in catalogue_files(package.folder, "xlsx")]
    assert names == [f"归档文件目录（{label}）" for label in ("永久", "定期30年", "定期10年")]
    assert len(package_rows(package.folder)) == package.items
    for name in names:
        rows = catalogue_rows((package.folder / f"{name}.xlsx").read_bytes())
        assert [int(r["序号"]) for r in rows] == list(range(1, len(rows) + 1))
        retention = Retention.from_label(name[7:-1])
        assert {retention_of(r["档号"]) for r in rows} == {retention}
        assert rows[0]["档号"] == f"Z001-WS·2025-{retention.value}-DZB-0001"
        assert re.fullmatch(r"2025\d{4}", rows[-1]["日期"])
        word = docx.Document(package.folder / f"{name}.docx")
        assert [word.tables[0].cell(i, 1).text for i in (1, len(rows))] == [
            rows[0]["档号"],
            rows[-1]["档号"],
        ]
        listing = pdf_text(package.folder / f"{name}.pdf")
        assert rows[0]["档号"] in listing and rows[-1]["档号"] in listing
    titles = [r["题名"] for r in package_rows(package.folder)]
    assert "机电工程学院教师党支部2025年党员花名册" in titles


def test_each_catalogue_cover_stands_alone_and_no_code_or_date_wraps(package):
    for path in catalogue_files(package.folder, "pdf"):
        retention = path.stem[7:-1]  # 归档文件目录（永久） → 永久
        rows = catalogue_rows(path.with_suffix(".xlsx").read_bytes())
        pages = [p.extract_text() for p in pypdf.PdfReader(path).pages]
        cover = pages[0].replace(" ", "")
        for label in (
            "全宗号：Z001",
            "全宗名称：江西某职业技术学院",
            "年度：2025",
            f"保管期限：{retention}",  # its own, not the year's three
            "机构（问题）：DZB",
        ):
            assert label in cover and label in docx_text(path.with_suffix(".docx"))
        assert "档号" not in cover  # the table starts on the next page
        listing = "\n".join(pages[1:])
        for row in rows:  # each 档号 and YYYYMMDD date whole on one line
            assert row["档号"] in listing and row["日期"] in listing


def test_roster_numbers_stay_on_one_line(archive, tmp_path):
    from dualleader_desktop.documents.pdf_render import render_pdf
    from dualleader_desktop.services.members import MemberService

    members = MemberService(archive.db).list_members()
    document = archive.document(RecordKind.ROSTER, 0)
    listing = pdf_text(io.BytesIO(render_pdf(document)))
    for member in members[:12]:  # the first page or two
        if member.id_number in document.text():
            assert member.id_number in listing and member.phone in listing


def test_docx_tables_take_their_widths_from_the_document(package):
    from docx.oxml.ns import qn

    from dualleader_desktop.documents.builders import CATALOGUE_WIDTHS

    table = docx.Document(catalogue_files(package.folder, "docx")[0]).tables[0]._tbl
    grid = [int(c.get(qn("w:w"))) for c in table.tblGrid.findall(qn("w:gridCol"))]
    assert table.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    total = int(table.tblPr.find(qn("w:tblW")).get(qn("w:w")))
    assert abs(total - sum(grid)) <= 1 and abs(total - round(243 / 25.4 * 1440)) <= 10
    for twips, weight in zip(grid, CATALOGUE_WIDTHS, strict=True):
        assert abs(twips - total * weight / sum(CATALOGUE_WIDTHS)) <= 1
    for row in table.tr_lst:
        assert [int(tc.tcPr.tcW.get(qn("w:w"))) for tc in row.tc_lst] == grid


def copy_package(package, tmp_path):
    folder = tmp_path / package.folder.name
    shutil.copytree(package.folder, folder)
    return folder


def rehash(folder):
    """Write the manifest again, as someone covering their tracks would."""
    meta = json.loads((folder / "manifest.json").read_text("utf-8"))
    meta.pop("files")
    write_manifest(folder, meta)


def test_verify_finds_catalogue_and_files_disagreeing(package, tmp_path):
    from dualleader_desktop.documents.package import CatalogueEntry

    folder = copy_package(package, tmp_path)
    catalogue = catalogue_files(folder, "xlsx")[0]
    rows = catalogue_rows(catalogue.read_bytes())
    entries = [
        CatalogueEntry(int(r["序号"]), r["档号"], r["责任者"], r["题名"], r["日期"], int(r["页数"]))
        for r in rows
    ]
    dropped, changed = entries[0], entries[1]
    entries = [
        CatalogueEntry(e.number, e.code, e.author, e.title, e.date, e.pages + 1)
        if e is changed
        else e
        for e in entries[1:]
    ]
    write_catalogue_xlsx(catalogue, entries, {"全宗号": "Z001"})
    catalogue.with_suffix(".docx").unlink()
    rehash(folder)
    problems = verify_package(folder)
    assert any(dropped.code in p and "不在归档文件目录中" in p for p in problems)
    assert any(changed.code in p and "页数" in p for p in problems)
    assert any(catalogue.with_suffix(".docx").name in p for p in problems)
    assert not any("不符" in p for p in problems)  # the hashes were made to agree


@pytest.mark.parametrize(
    "manifest",
    [[], {}, {"files": "all"}, {"files": [{}]}, {"files": [{"path": "文件/x.pdf"}]}, 7],
)
def test_a_malformed_manifest_is_a_problem_not_a_traceback(package, tmp_path, manifest):
    folder = copy_package(package, tmp_path)
    (folder / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    problems = verify_package(folder)
    assert problems and any("manifest.json" in p and "格式不正确" in p for p in problems)


def test_verify_reports_a_tampered_zip(package, tmp_path):
    with zipfile.ZipFile(package.zip_path) as original:
        members = {info.filename: original.read(info) for info in original.infolist()}
    victim = next(n for n in members if n.endswith(".pdf") and "/文件/" in n)
    members[victim] = members[victim].replace(b"/Producer", b"/Pr0ducer", 1)
    swapped = tmp_path / "swapped.zip"
    with zipfile.ZipFile(swapped, "w", zipfile.ZIP_DEFLATED) as archive_:
        for name, data in members.items():
            archive_.writestr(name, data)
    assert any("不符" in p and victim.split("/", 1)[1] in p for p in verify_package(swapped))
    # bytes flipped inside the compressed data: a damaged member, reported, never raised
    data = bytearray(package.zip_path.read_bytes())
    for offset in range(len(data) // 3, len(data) // 3 + 64):
        data[offset] ^= 0xFF
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(bytes(data))
    assert verify_package(damaged)
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(bytes(data[: len(data) // 2]))
    assert verify_package(truncated)


def test_a_failed_zip_leaves_no_partial_file_and_says_so(archive, tmp_path, monkeypatch):
    from dualleader_desktop.documents import package as package_module

    class DiskFull(zipfile.ZipFile):
        def write(self, *args, **kwargs):
            if len(self.filelist) == 3:  # some of the zip is on disk already
                raise OSError(errno.ENOSPC, "No space left on device")
            super().write(*args, **kwargs)

    target = "Z001-WS·2025-归档包"
    stale = tmp_path / f".{target}.partial-crashed"
    stale.mkdir()
    (stale / "文件").mkdir()
    old = time.time() - 3 * 24 * 3600
    os.utime(stale, (old, old))
    running = tmp_path / f".{target}.partial-running"  # another export, at work right now
    running.mkdir()
    monkeypatch.setattr(package_module.zipfile, "ZipFile", DiskFull)
    with pytest.raises(ServiceError, match="压缩包") as caught:
        archive.export(2025, tmp_path, kinds={RecordKind.COMMITTEE}, make_zip=True)
    assert "没有留下不完整的压缩包" in str(caught.value)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [f".{target}.partial-running", target]  # no zip, no stale staging folder
    assert verify_package(tmp_path / target) == []  # the folder itself is whole


def test_a_years_roster_lists_that_years_members(archive):
    members = MemberService(archive.db).list_members()
    joined_2025 = [m for m in members if m.joined_date.year == 2025]
    assert joined_2025  # the demo admits one member in 2025
    [roster_2024] = [i for i in archive.plan(2024) if i.kind == RecordKind.ROSTER]
    names_2024 = archive.document(RecordKind.ROSTER, 0, on=roster_2024.on).text()
    names_2025 = archive.document(RecordKind.ROSTER, 0, on=date(2025, 12, 31)).text()
    assert roster_2024.on == date(2024, 12, 31) and "截至2024年12月31日" in names_2024
    for member in joined_2025:
        assert member.name not in names_2024 and member.name in names_2025
    assert not [i for i in archive.plan(1970) if i.kind == RecordKind.ROSTER]  # nobody yet


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_package_and_zip_get_the_modes_of_new_files(package, tmp_path):
    ordinary = tmp_path / "ordinary"
    ordinary.mkdir()
    (ordinary / "f").write_bytes(b"")
    assert package.folder.stat().st_mode & 0o777 == ordinary.stat().st_mode & 0o777
    assert package.zip_path.stat().st_mode & 0o777 == (ordinary / "f").stat().st_mode & 0o777


def test_exporting_one_record_never_overwrites_another_file(archive, tmp_path):
    talk = TalkService(archive.db).list_talks(year=2025)[0]
    first = archive.export_record(RecordKind.TALK, talk.id, tmp_path)
    again = archive.export_record(RecordKind.TALK, talk.id, tmp_path)
    assert {p.name for p in first}.isdisjoint(p.name for p in again)
    assert len(list(tmp_path.iterdir())) == 4 and "（2）" in again[0].name
