"""Archive packages: a folder of <档号>.docx/.pdf files, the 归档文件目录 and a manifest.

A package is written into a hidden folder beside its target and renamed into place only when
complete, so a crash, a full disk or a cancel never leaves half a package under the real name.
``verify_package`` re-checks a folder or a zip anywhere: every hash, nothing missing or extra,
and the catalogue agreeing with the files.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import re
import shutil
import tempfile
import time
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

MANIFEST = "manifest.json"
CATALOGUE = "归档文件目录"
CATALOGUE_HEADERS = ["序号", "档号", "文号", "责任者", "题名", "日期", "密级", "页数", "备注"]
CATALOGUE_FORMATS = ("docx", "pdf", "xlsx")  # every package carries the catalogue in all three
STALE_AFTER_S = 24 * 3600  # a staging folder or temporary zip this old is a crashed export's
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


def _partial_prefix(target: Path) -> str:
    return f".{target.name}.partial-"


def sweep_stale(target: Path) -> None:
    """Remove what crashed exports left beside ``target`` (a staging folder, a temporary zip)
    once it is older than STALE_AFTER_S: a younger one may be another export still at work."""
    cutoff = time.time() - STALE_AFTER_S
    for path in Path(target).parent.glob(glob.escape(_partial_prefix(Path(target))) + "*"):
        try:
            if path.lstat().st_mtime >= cutoff:
                continue
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink()
        except OSError:
            continue  # in use, or no right to remove it: left for the user


@contextmanager
def staged_folder(target: Path) -> Iterator[Path]:
    """A hidden folder beside ``target``; renamed to ``target`` only if the block completes."""
    target = Path(target)
    if target.exists():
        raise FileExistsError(f"目标“{target}”已存在。请换一个文件夹，或先移走已有的归档包。")
    target.parent.mkdir(parents=True, exist_ok=True)
    sweep_stale(target)
    staging = Path(tempfile.mkdtemp(prefix=_partial_prefix(target), dir=target.parent))
    try:
        _readable(staging, 0o777)
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
    """Zip ``folder`` (names stored as UTF-8) to ``target`` via a temporary file beside it,
    which is removed if anything fails: a zip exists whole under its name, or not at all."""
    target = Path(target)
    sweep_stale(target)
    handle, name = tempfile.mkstemp(prefix=_partial_prefix(target), dir=target.parent)
    temp = Path(name)
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


class _Unreadable(Exception):
    """A file of the package that cannot be read (a damaged zip member)."""


def _read(reader: _Reader, name: str) -> bytes:
    try:
        return reader.read(name)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        raise _Unreadable(name) from exc


def _manifest_files(manifest) -> tuple[dict[str, dict] | None, list[str], list[str]]:
    """The manifest's entries by path (None when it has no file list at all), its formats,
    and what is wrong with its shape."""
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), list):
        return None, [], [f"{MANIFEST} 格式不正确：应为含有文件列表（files）的对象。"]
    listed, problems = {}, []
    for number, entry in enumerate(manifest["files"], start=1):
        entry = entry if isinstance(entry, dict) else {}
        path, digest, size = entry.get("path"), entry.get("sha256"), entry.get("size")
        if (
            not isinstance(path, str)
            or not path
            or not isinstance(digest, str)
            or not re.fullmatch(r"[0-9a-f]{64}", digest)
            or (size is not None and (not isinstance(size, int) or isinstance(size, bool)))
        ):
            problems.append(f"{MANIFEST} 第 {number} 项格式不正确（缺少 path 或 sha256）。")
        else:
            listed[path] = entry
    formats = manifest.get("formats", [])
    if not isinstance(formats, list) or not all(isinstance(f, str) for f in formats):
        problems.append(f"{MANIFEST} 格式不正确：formats 应为格式名称的列表。")
        formats = []
    return listed, formats, problems


def verify_package(path: Path) -> list[str]:
    """Problems found in a package (empty when it is intact), each a Chinese sentence; never
    raises for what the package holds (a damaged zip or manifest is a problem like any other)."""
    path = Path(path)
    if not path.exists():
        return [f"找不到“{path}”。"]
    try:
        reader = _Reader(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        return [f"“{path.name}”既不是文件夹，也不是有效的 zip 压缩包。"]
    if MANIFEST not in reader.files:
        return [f"缺少 {MANIFEST}，无法核对：这不是本程序生成的归档包，或清单已被删除。"]
    try:
        manifest = json.loads(_read(reader, MANIFEST))
    except (ValueError, UnicodeDecodeError, RecursionError, _Unreadable):
        return [f"{MANIFEST} 已损坏，无法读取。"]
    listed, formats, problems = _manifest_files(manifest)
    if listed is None:
        return problems
    for name, entry in listed.items():
        if name not in reader.files:
            problems.append(f"缺少文件：{name}")
            continue
        try:
            data = _read(reader, name)
        except _Unreadable:
            problems.append(f"文件无法读取（压缩包已损坏）：{name}")
            continue
        size = entry.get("size")
        if (size is not None and len(data) != size) or sha256_of(data) != entry["sha256"]:
            problems.append(f"文件内容与清单不符（已被修改或损坏）：{name}")
    problems += [
        f"清单中没有的多余文件：{n}" for n in sorted(set(reader.files) - set(listed) - {MANIFEST})
    ]
    problems += [
        f"清单中缺少{CATALOGUE}（{CATALOGUE}.{fmt}）。"
        for fmt in CATALOGUE_FORMATS
        if f"{CATALOGUE}.{fmt}" not in listed
    ]
    problems += _check_catalogue(reader, listed, formats)
    return problems


def _check_catalogue(reader: _Reader, listed: dict, formats: list[str]) -> list[str]:
    name = f"{CATALOGUE}.xlsx"
    if name not in reader.files:
        return []  # reported already: missing from the manifest, or listed but missing
    try:
        rows = read_catalogue_xlsx(_read(reader, name))
    except Exception:  # a damaged workbook is reported, not raised
        return [f"{name} 无法读取。"]
    problems = []
    codes = {row.get("档号", "") for row in rows}
    documents = {n.rsplit(".", 1)[0] for n in listed if n.startswith("文件/")}
    for row in rows:
        code = row.get("档号", "")
        if not code:
            problems.append(f"{CATALOGUE}第 {row.get('序号', '?')} 行没有档号。")
            continue
        for fmt in formats:
            file = f"文件/{code}.{fmt}"
            if file not in listed:
                problems.append(f"目录中的 {code} 缺少 {fmt} 文件。")
            elif fmt == "pdf" and file in reader.files:
                try:
                    pages = pdf_page_count(_read(reader, file))
                except _Unreadable:
                    continue  # reported with the hashes
                if str(pages) != row.get("页数"):
                    problems.append(
                        f"{code} 的页数在目录中为 {row.get('页数')}，PDF 实为 {pages} 页。"
                    )
    problems += [
        f"文件 {n.removeprefix('文件/')} 不在{CATALOGUE}中。"
        for n in sorted(documents)
        if n.removeprefix("文件/") not in codes
    ]
    return problems
