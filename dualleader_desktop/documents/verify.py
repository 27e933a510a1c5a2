"""Checking an archive package, a folder or a zip, anywhere: every hash, nothing missing or
extra, and the catalogue agreeing with the files.

A package may come from anyone, so it is read as a hostile one until it has been checked, and
nothing of it is ever extracted to disk: documents/package_reader.py refuses the names, links,
special files and sizes that could lead out of it or exhaust the machine.

The signature (documents/signing.py): a signed package's manifest.sig must be manifest.pub's
Ed25519 signature of manifest.json's exact bytes, or the package was changed after it was signed.
That proves who signed it only against a key the receiver already trusts: given one (``key``,
from ``--key``), a package signed by another key (changed and signed again) or not signed at all
is a problem; without one, the signature's state is said, not judged.

Whatever the package holds, ``check_package`` answers with Chinese sentences and never raises.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from dualleader_desktop.documents.package import (
    CATALOGUE,
    CATALOGUE_FILE,
    CATALOGUE_FORMATS,
    CATALOGUE_HEADERS,
    MANIFEST,
    PUBLIC_KEY,
    SIGNATURE,
    catalogue_name,
)
from dualleader_desktop.documents.package_reader import (
    CHUNK,
    LIMITS,
    Budget,
    Limits,
    Reader,
    Refused,
    Unreadable,
    describe_size,
    unsafe_name,
)
from dualleader_desktop.documents.signing import (
    PUBLIC_KEY_MAX_BYTES,
    SIGNATURE_BYTES,
    WantedKey,
    fingerprint,
    load_public,
    signature_valid,
)
from dualleader_desktop.domain.archive import Retention, retention_of

EXCEL_ROWS = 1_048_576  # no worksheet has more; a workbook claiming more is not read past it


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
    formats = list(dict.fromkeys(formats))  # once each: the catalogue is checked per format
    if len(formats) > len(CATALOGUE_FORMATS):
        problems.append(f"{MANIFEST} 格式不正确：formats 列出了 {len(formats)} 种格式。")
        formats = []
    return listed, formats, problems


@dataclass(frozen=True)
class Report:
    """What ``check_package`` found: the problems (none when the package is intact) and one
    sentence on its signature: "" when a problem says what is wrong with it, or the check
    stopped before the manifest was read."""

    problems: list[str]
    signature: str = ""


def verify_package(
    path: Path, *, key: WantedKey | None = None, limits: Limits = LIMITS
) -> list[str]:
    """The problems ``check_package`` finds, each a Chinese sentence."""
    return check_package(path, key=key, limits=limits).problems


def check_package(path: Path, *, key: WantedKey | None = None, limits: Limits = LIMITS) -> Report:
    """Check a package, and its signature against ``key`` when given; never raises for what
    the package holds (a damaged zip or manifest is a problem like any other, and a hostile
    one is refused: see the module's notes for what and within which limits)."""
    path = Path(path)
    if not path.exists():
        return Report([f"找不到“{path}”。"])
    try:
        if not path.is_dir() and not path.is_file():  # a device or a pipe: never opened
            raise ValueError(path)
        reader = Reader(path, limits)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return Report([f"“{path.name}”既不是文件夹，也不是有效的 zip 压缩包。"])
    problems: list[str] = []
    signature: list[str] = []
    with reader:
        try:
            _verify(reader, limits, key, problems, signature)
        except Refused as refused:
            problems.append(str(refused))
    return Report(problems, "".join(signature))


def _verify(
    reader: Reader,
    limits: Limits,
    key: WantedKey | None,
    problems: list[str],
    signature: list[str],
) -> None:
    if reader.refused:
        problems += reader.refused
        return
    if MANIFEST not in reader.files:
        problems.append(f"缺少 {MANIFEST}，无法核对：这不是本程序生成的归档包，或清单已被删除。")
        return
    budget = Budget(limits.total_bytes)
    try:
        manifest_bytes = reader.whole(MANIFEST, limits.manifest_bytes, budget)
    except Unreadable:
        problems.append(f"{MANIFEST} 已损坏，无法读取。")
        return
    note, wrong = _check_signature(reader, manifest_bytes, key, budget)
    signature.append(note)
    problems += wrong
    try:
        manifest = json.loads(manifest_bytes)
    except (ValueError, RecursionError):
        problems.append(f"{MANIFEST} 已损坏，无法读取。")
        return
    listed, formats, shape = _manifest_files(manifest)
    problems += shape
    if listed is None:
        return
    unsafe = [
        f"清单条目{reason}，已拒绝：{name}" for name in listed if (reason := unsafe_name(name))
    ]
    if unsafe:
        problems += unsafe
        return
    pages: dict[str, int] = {}
    for name, entry in listed.items():
        if name not in reader.files:
            problems.append(f"缺少文件：{name}")
            continue
        is_pdf = name.endswith(".pdf")
        try:
            digest, size, pages[name] = reader.digest(name, budget, count_pages=is_pdf)
        except Unreadable:
            problems.append(reader.unreadable(name))
            continue
        declared = entry.get("size")
        if (declared is not None and size != declared) or digest != entry["sha256"]:
            problems.append(f"文件内容与清单不符（已被修改或损坏）：{name}")
    problems += [
        f"清单中没有的多余文件：{n}"
        for n in sorted(set(reader.files) - set(listed) - {MANIFEST, SIGNATURE, PUBLIC_KEY})
    ]
    catalogues = _catalogue_files(listed)
    problems += [
        f"清单中缺少{CATALOGUE}：{name}.{fmt}。"
        for name, present in (catalogues or {CATALOGUE: set()}).items()
        for fmt in CATALOGUE_FORMATS
        if fmt not in present
    ]
    problems += _check_catalogues(reader, listed, list(catalogues), formats, pages, budget)


def _catalogue_files(listed: dict) -> dict[str, set[str]]:
    """The catalogues the manifest lists (one per 保管期限, or one for all in packages written
    before), by name without suffix in filing order (永久 first): the formats of each."""
    found: dict[str, set[str]] = {}
    for name in listed:
        if match := CATALOGUE_FILE.fullmatch(name):
            found.setdefault(match[1], set()).add(match[3])
    order = [CATALOGUE, *(catalogue_name(label) for label in Retention.labels())]
    return dict(sorted(found.items(), key=lambda i: order.index(i[0]) if i[0] in order else 9))


def _check_signature(
    reader: Reader, manifest: bytes, key: WantedKey | None, budget: Budget
) -> tuple[str, list[str]]:
    """A sentence on the manifest's signature when all is well with it (or no key asked
    for one), else what is wrong with it."""
    present = [name for name in (SIGNATURE, PUBLIC_KEY) if name in reader.files]
    if not present:
        if key is not None:
            return "", [
                f"归档包未签名（没有 {SIGNATURE}），无法证明它出自指定的公钥（指纹 {key.shown}）："
                "请向交来归档包的支部要一份签名的归档包（dualleader export --sign）。"
            ]
        return "未签名：只能证明文件与清单相符，不能证明清单没有连同文件一起被改过。", []
    if len(present) == 1:
        missing = PUBLIC_KEY if present == [SIGNATURE] else SIGNATURE
        return "", [
            f"签名不完整：有 {present[0]} 却缺少 {missing}，无法核对签名。"
            "请向交来归档包的支部要一份完整的归档包。"
        ]
    try:
        if reader.sizes[PUBLIC_KEY] > PUBLIC_KEY_MAX_BYTES:
            raise ValueError(PUBLIC_KEY)
        raw = load_public(reader.whole(PUBLIC_KEY, PUBLIC_KEY_MAX_BYTES, budget))
    except (ValueError, Unreadable):
        return "", [
            f"{PUBLIC_KEY} 不是有效的 Ed25519 公钥，无法核对签名：公钥文件已损坏或被替换。"
            "请向交来归档包的支部要一份原始的。"
        ]
    shown = fingerprint(raw)
    try:
        valid = reader.sizes[SIGNATURE] == SIGNATURE_BYTES and signature_valid(
            raw, reader.whole(SIGNATURE, SIGNATURE_BYTES, budget), manifest
        )
    except Unreadable:
        valid = False
    if not valid:
        return "", [
            f"清单的签名无效（公钥指纹 {shown}）：{MANIFEST} 在签名后被改过，或 {SIGNATURE} 已损坏。"
            "不要接收这个归档包，请向交来归档包的支部要一份原始的。"
        ]
    if key is None:
        return (
            f"已签名（公钥指纹 {shown}），签名与清单相符，但未指定要核对的公钥："
            "用 --key 给出支部的公钥指纹或公钥文件，才能确认是谁签的名。"
        ), []
    if not key.matches(raw):
        return "", [
            f"清单不是由指定的公钥签名的：指定的指纹为 {key.shown}，归档包中的公钥指纹为 {shown}。"
            "归档包可能被改过后用别的密钥重新签名，不要接收它。"
        ]
    return f"签名有效：清单由指定的公钥（指纹 {shown}）签名。", []


def _check_catalogues(
    reader: Reader,
    listed: dict,
    names: list[str],
    formats: list[str],
    pages: dict[str, int],
    budget: Budget,
) -> list[str]:
    """Each catalogue's rows against the files, and every file in exactly one catalogue."""
    problems: list[str] = []
    listed_in: dict[str, str] = {}  # 档号 → the catalogue that lists it
    read_all = True
    for name in names:
        if f"{name}.xlsx" not in reader.files:
            read_all = False  # reported already: missing from the manifest, or listed but missing
            continue
        try:
            rows = catalogue_rows(_repacked(reader, f"{name}.xlsx", budget))
        except Refused:
            raise
        except Exception:  # a damaged workbook is reported, not raised
            problems.append(f"{name}.xlsx 无法读取。")
            read_all = False
            continue
        problems += _check_rows(name, rows, listed, formats, pages, listed_in)
    if read_all and names:
        documents = {
            n.removeprefix("文件/").rsplit(".", 1)[0] for n in listed if n.startswith("文件/")
        }
        problems += [
            f"文件 {code} 不在{CATALOGUE}中。" for code in sorted(documents - set(listed_in))
        ]
    return problems


def _check_rows(
    name: str,
    rows: list[dict[str, str]],
    listed: dict,
    formats: list[str],
    pages: dict[str, int],
    listed_in: dict[str, str],
) -> list[str]:
    """One catalogue's rows: each names a document of its 保管期限, once in the package, in
    every format, with the PDF's page count."""
    problems = []
    label = CATALOGUE_FILE.fullmatch(f"{name}.xlsx")[2]
    try:
        retention = Retention.from_label(label) if label else None
    except ValueError:
        problems.append(f"{name} 的保管期限“{label}”不是{'、'.join(Retention.labels())}之一。")
        retention = None
    for row in rows:
        code = row.get("档号", "")
        if not code:
            problems.append(f"{name}第 {row.get('序号', '?')} 行没有档号。")
            continue
        if code in listed_in:
            problems.append(f"{code} 在{listed_in[code]}中已列出，{name}中又列了一次。")
            continue
        listed_in[code] = name
        if retention is not None and retention_of(code) != retention:
            problems.append(f"{code} 不是{retention.label}的档号，却列在{name}中。")
        for fmt in formats:
            file = f"文件/{code}.{fmt}"
            if file not in listed:
                problems.append(f"目录中的 {code} 缺少 {fmt} 文件。")
            elif fmt == "pdf" and file in pages and str(pages[file]) != row.get("页数"):
                problems.append(
                    f"{code} 的页数在目录中为 {row.get('页数')}，PDF 实为 {pages[file]} 页。"
                )
    return problems


def _repacked(reader: Reader, name: str, budget: Budget) -> bytes:
    """The workbook (itself a zip) rebuilt from its parts read in chunks, at most
    ``catalogue_bytes`` unpacked: what openpyxl then opens has honest sizes, whatever the
    original's headers said."""
    cap = reader.limits.catalogue_bytes
    source = zipfile.ZipFile(io.BytesIO(reader.whole(name, cap, budget)))
    book, unpacked, seen = io.BytesIO(), 0, set()
    with source, zipfile.ZipFile(book, "w") as copy:
        for info in source.infolist():
            if info.is_dir() or info.filename in seen:
                continue
            seen.add(info.filename)
            with source.open(info) as part, copy.open(info.filename, "w") as out:
                while chunk := part.read(CHUNK):
                    unpacked += len(chunk)
                    if unpacked > cap:
                        raise Refused(f"{name} 解压后超过上限 {describe_size(cap)}，已拒绝读取。")
                    out.write(chunk)
    return book.getvalue()


def catalogue_rows(data: bytes) -> list[dict[str, str]]:
    """The catalogue's rows under its header row, each a dict by column header: only its nine
    columns and no further than a worksheet can reach, whatever dimensions the workbook
    claims (a hostile workbook cannot make it allocate without bound)."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True)
    try:
        sheet = book.active
        sheet.reset_dimensions()
        rows = islice(sheet.iter_rows(max_col=len(CATALOGUE_HEADERS), values_only=True), EXCEL_ROWS)
        headers = next(r for r in rows if r and r[0] == "序号")
        return [
            {h: "" if v is None else str(v) for h, v in zip(headers, r, strict=False)}
            for r in rows
            if r and r[0] is not None
        ]
    finally:
        book.close()
