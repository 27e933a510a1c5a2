"""Archive packages: a folder of <档号>.docx/.pdf files, the 归档文件目录 and a manifest.

A package is written into a hidden folder beside its target and renamed into place only when
complete, so a crash, a full disk or a cancel never leaves half a package under the real name.
That folder is private to its owner while written (the roster is in it) and names the process
writing it: the next export removes any such folder whose writer is dead (documents/staging).
documents/verify.py re-checks a folder or a zip anywhere: every hash, nothing missing or extra,
and the catalogue agreeing with the files.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from dualleader_desktop import staging as staging_names
from dualleader_desktop.documents.xlsx_text import append_row

MANIFEST = "manifest.json"
# a signed package's signature of manifest.json and the public key (documents/signing.py):
# beside the manifest, never listed in it
SIGNATURE = "manifest.sig"
PUBLIC_KEY = "manifest.pub"
CATALOGUE = "归档文件目录"
# one catalogue per 保管期限, as DA/T 22 catalogues a year's items: 归档文件目录（永久）.xlsx …;
# packages written before named a single 归档文件目录, which verify still accepts
CATALOGUE_FILE = re.compile(rf"({CATALOGUE}(?:（([^）/\\]+)）)?)\.(docx|pdf|xlsx)")
CATALOGUE_HEADERS = ["序号", "档号", "文号", "责任者", "题名", "日期", "密级", "页数", "备注"]
CATALOGUE_FORMATS = ("docx", "pdf", "xlsx")  # every package carries the catalogue in all three
STALE_AFTER_S = staging_names.STALE_AFTER_S  # an ownerless staging folder this old is a crash's
_PDF_PAGE = re.compile(rb"/Type\s*/Page(?!s)")


@dataclass(frozen=True)
class CatalogueEntry:
    number: int
    code: str
    author: str
    title: str
    date: str  # YYYYMMDD
    pages: int
    doc_no: str = ""
    secrecy: str = ""
    remarks: str = ""

    def row(self) -> list[str]:
        return [
            str(self.number),
            self.code,
            self.doc_no,
            self.author,
            self.title,
            self.date,
            self.secrecy,
            str(self.pages),
            self.remarks,
        ]


def catalogue_name(retention: str) -> str:
    """The name (without suffix) of the catalogue of one 保管期限, e.g. 归档文件目录（永久）."""
    return f"{CATALOGUE}（{retention}）"


def pdf_page_count(data: bytes) -> int:
    """Pages of a PDF this program wrote (reportlab writes each page object in the clear)."""
    return len(_PDF_PAGE.findall(data))


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _partial_prefix(target: Path) -> str:
    return f".{target.name}.partial-"


def sweep_stale(target: Path) -> None:
    """Remove what killed or crashed exports left beside ``target`` (a staging folder, a
    temporary zip): at once when the process that wrote it is dead; one whose name says no
    owner (an older version's) once it is older than STALE_AFTER_S, as before. What a live
    export is writing stays; what cannot be removed is left for the user."""
    target = Path(target)
    staging_names.sweep(target.parent, _partial_prefix(target), STALE_AFTER_S)


@contextmanager
def staged_folder(target: Path) -> Iterator[Path]:
    """A hidden folder beside ``target``; renamed to ``target`` only if the block completes."""
    target = Path(target)
    if target.exists():
        raise FileExistsError(f"目标“{target}”已存在。请换一个文件夹，或先移走已有的归档包。")
    target.parent.mkdir(parents=True, exist_ok=True)
    sweep_stale(target)
    staging = staging_names.make_dir(target.parent, _partial_prefix(target))
    try:
        yield staging
        # private (0700, mkdtemp) while written, the roster in it: readable as a whole package
        _readable(staging, 0o777)
        os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def write_manifest(root: Path, meta: dict) -> dict:
    """Hash every file under ``root`` into manifest.json (paths relative, with "/"), all but
    the manifest and its signature."""
    unlisted = {root / MANIFEST, root / SIGNATURE, root / PUBLIC_KEY}
    files = []
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p not in unlisted):
        data = path.read_bytes()
        files.append(
            {
                "path": path.relative_to(root).as_posix(),
                "size": len(data),
                "sha256": sha256_of(data),
            }
        )
    manifest = {**meta, "files": files}
    (root / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), "utf-8")
    return manifest


def write_catalogue_xlsx(path: Path, entries: list[CatalogueEntry], cover: dict[str, str]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = CATALOGUE
    # a theme "=HYPERLINK(…)" is text in the catalogue, not a formula (append_row)
    append_row(sheet, [CATALOGUE])
    append_row(sheet, ["；".join(f"{k}：{v}" for k, v in cover.items())])
    append_row(sheet, CATALOGUE_HEADERS)
    for entry in entries:
        row = entry.row()
        append_row(sheet, [entry.number, *row[1:7], entry.pages, row[8]])
    sheet["A1"].font = Font(bold=True, size=14)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    for column, width in zip("ABCDEFGHI", (6, 26, 8, 22, 48, 10, 6, 6, 10), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A4"
    # printed as the archives file it: A4 landscape, all columns on the page's width, the
    # header row on every page, wrapped 题名 rows growing as they need
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "3:3"
    sheet.print_options.horizontalCentered = True
    for row in sheet.iter_rows(min_row=4, min_col=5, max_col=5):
        row[0].alignment = Alignment(wrap_text=True, vertical="center")
    book.save(path)


def zip_folder(folder: Path, target: Path) -> Path:
    """Zip ``folder`` (names stored as UTF-8) to ``target`` via a temporary file beside it,
    which is removed if anything fails: a zip exists whole under its name, or not at all."""
    target = Path(target)
    sweep_stale(target)
    handle, temp = staging_names.make_file(target.parent, _partial_prefix(target))  # 0600
    try:
        with (
            os.fdopen(handle, "wb") as stream,
            zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        ):
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                archive.write(path, f"{folder.name}/{path.relative_to(folder).as_posix()}")
        _readable(temp, 0o666)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target


def _readable(path: Path, mode: int) -> None:
    """mkdtemp and mkstemp make a folder or file private to its owner: an archivist with
    another account on the same machine could not open the package. It gets the mode any new
    file would get under the user's umask; where that cannot be set, it stays as it is."""
    with suppress(OSError):
        os.chmod(path, mode & ~_umask())


def _umask() -> int:
    """The process's umask without setting it (os.umask does both, for every thread)."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return 0o022
    found = re.search(r"^Umask:\s*([0-7]+)", status, re.MULTILINE)
    return int(found[1], 8) if found else 0o022
