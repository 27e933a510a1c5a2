"""Archive packages: a folder of <档号>.docx/.pdf files, the 归档文件目录 and a manifest.

A package is written into a hidden folder beside its target and renamed into place only when
complete, so a crash, a full disk or a cancel never leaves half a package under the real name.
``verify_package`` re-checks a folder or a zip anywhere: every hash, nothing missing or extra,
and the catalogue agreeing with the files.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

MANIFEST = "manifest.json"
CATALOGUE = "归档文件目录"
CATALOGUE_HEADERS = ["序号", "档号", "文号", "责任者", "题名", "日期", "密级", "页数", "备注"]
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


def pdf_page_count(data: bytes) -> int:
    """Pages of a PDF this program wrote (reportlab writes each page object in the clear)."""
    return len(_PDF_PAGE.findall(data))


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@contextmanager
def staged_folder(target: Path) -> Iterator[Path]:
    """A hidden folder beside ``target``; renamed to ``target`` only if the block completes."""
    target = Path(target)
    if target.exists():
        raise FileExistsError(f"目标“{target}”已存在。请换一个文件夹，或先移走已有的归档包。")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.partial-", dir=target.parent))
    try:
        yield staging
        os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def write_manifest(root: Path, meta: dict) -> dict:
    """Hash every file under ``root`` into manifest.json (paths relative, with "/")."""
    files = []
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.name != MANIFEST):
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
    sheet.append([CATALOGUE])
    sheet.append(["；".join(f"{k}：{v}" for k, v in cover.items())])
    sheet.append(CATALOGUE_HEADERS)
    for entry in entries:
        row = entry.row()
        sheet.append([entry.number, *row[1:7], entry.pages, row[8]])
    sheet["A1"].font = Font(bold=True, size=14)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    for column, width in zip("ABCDEFGHI", (6, 26, 8, 22, 48, 10, 6, 6, 10), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A4"
    book.save(path)


def read_catalogue_xlsx(data: bytes) -> list[dict[str, str]]:
    import io

    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(data), read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    header_index = next(i for i, r in enumerate(rows) if r and r[0] == "序号")
    headers = rows[header_index]
    return [
        {h: "" if v is None else str(v) for h, v in zip(headers, r, strict=False)}
        for r in rows[header_index + 1 :]
        if r and r[0] is not None
    ]


def zip_folder(folder: Path, target: Path) -> Path:
    """Zip ``folder`` (names stored as UTF-8) to ``target`` via a temporary file."""
    temp = target.with_name(f".{target.name}.partial")
    with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            archive.write(path, f"{folder.name}/{path.relative_to(folder).as_posix()}")
    os.replace(temp, target)
    return target


class _Reader:
    """Files of a package, from a folder or a zip, by their path inside the package."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if path.is_dir():
            self.files = {p.relative_to(path).as_posix(): p for p in path.rglob("*") if p.is_file()}
            self._zip = None
        else:
            self._zip = zipfile.ZipFile(path)
            names = [n for n in self._zip.namelist() if not n.endswith("/")]
            # zip_folder puts everything under the package's own folder name
            tops = {n.split("/", 1)[0] for n in names}
            nested = len(tops) == 1 and all("/" in n for n in names)
            cut = len(tops.pop()) + 1 if nested else 0
            self.files = {n[cut:]: n for n in names}

    def read(self, name: str) -> bytes:
        if self._zip is None:
            return self.files[name].read_bytes()
        return self._zip.read(self.files[name])


def verify_package(path: Path) -> list[str]:
    """Problems found in a package (empty when it is intact), each a Chinese sentence."""
    path = Path(path)
    if not path.exists():
        return [f"找不到“{path}”。"]
    try:
        reader = _Reader(path)
    except zipfile.BadZipFile:
        return [f"“{path.name}”既不是文件夹，也不是有效的 zip 压缩包。"]
    if MANIFEST not in reader.files:
        return [f"缺少 {MANIFEST}，无法核对：这不是本程序生成的归档包，或清单已被删除。"]
    try:
        manifest = json.loads(reader.read(MANIFEST))
    except (ValueError, UnicodeDecodeError):
        return [f"{MANIFEST} 已损坏，无法读取。"]
    problems = []
    listed = {entry["path"]: entry for entry in manifest.get("files", [])}
    for name, entry in listed.items():
        if name not in reader.files:
            problems.append(f"缺少文件：{name}")
            continue
        data = reader.read(name)
        if len(data) != entry["size"] or sha256_of(data) != entry["sha256"]:
            problems.append(f"文件内容与清单不符（已被修改或损坏）：{name}")
    problems += [
        f"清单中没有的多余文件：{n}" for n in sorted(set(reader.files) - set(listed) - {MANIFEST})
    ]
    problems += _check_catalogue(reader, listed, manifest.get("formats", []))
    return problems


def _check_catalogue(reader: _Reader, listed: dict, formats: list[str]) -> list[str]:
    name = f"{CATALOGUE}.xlsx"
    if name not in reader.files:
        return [f"缺少{CATALOGUE}（{name}）。"]
    try:
        rows = read_catalogue_xlsx(reader.read(name))
    except Exception:  # a damaged workbook is reported, not raised
        return [f"{name} 无法读取。"]
    problems = []
    codes = {row["档号"] for row in rows}
    documents = {n.rsplit(".", 1)[0] for n in listed if n.startswith("文件/")}
    for row in rows:
        for fmt in formats:
            file = f"文件/{row['档号']}.{fmt}"
            if file not in listed:
                problems.append(f"目录中的 {row['档号']} 缺少 {fmt} 文件。")
            elif fmt == "pdf" and file in reader.files:
                pages = pdf_page_count(reader.read(file))
                if str(pages) != row["页数"]:
                    problems.append(
                        f"{row['档号']} 的页数在目录中为 {row['页数']}，PDF 实为 {pages} 页。"
                    )
    problems += [
        f"文件 {n.removeprefix('文件/')} 不在{CATALOGUE}中。"
        for n in sorted(documents)
        if n.removeprefix("文件/") not in codes
    ]
    return problems
