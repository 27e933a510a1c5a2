"""Checking an archive package, a folder or a zip, anywhere: every hash, nothing missing or
extra, and the catalogue agreeing with the files."""

from __future__ import annotations

import json
import re
import zipfile
import zlib
from pathlib import Path

from dualleader_desktop.documents.package import (
    CATALOGUE,
    CATALOGUE_FORMATS,
    MANIFEST,
    pdf_page_count,
    read_catalogue_xlsx,
    sha256_of,
)


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
