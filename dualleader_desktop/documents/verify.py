"""Checking an archive package, a folder or a zip, anywhere: every hash, nothing missing or
extra, and the catalogue agreeing with the files.

A package may come from anyone, so it is read as a hostile one until it has been checked, and
nothing of it is ever extracted to disk:

- Names. An entry (a zip member, a file in a folder, or a path listed in manifest.json) whose
  name has a ``..`` component, starts with ``/``, begins with a drive (``C:x``, ``C:\\x``) or
  holds a backslash is refused, each with its own message naming it; so is a symbolic link (a
  zip member whose mode says so, or a link anywhere in a folder, to a file or a folder, inside
  the package or out), a special file in a folder (a FIFO, a socket, a device: seen by lstat,
  never opened, so a FIFO cannot make the check wait), and two zip members of one name. A
  folder's files are opened without following a link and without waiting (O_NOFOLLOW,
  O_NONBLOCK), and read only when what was opened is a regular file.
- Sizes (``Limits``; the defaults): everything together at most 4 GiB, counted from the sizes the
  zip declares before anything is read and again from the bytes actually read; a member larger
  than 1 MiB may unpack to at most 200 times its compressed size; the compressed sizes declared
  must fit inside the zip file itself; a member giving more bytes than it declares is refused.
  Every file is hashed in chunks of 1 MiB. Only manifest.json (at most 16 MiB) and the
  catalogue workbook (at most 16 MiB, and 16 MiB unpacked) are read whole to be parsed.

- Signature (documents/signing.py). A signed package's manifest.sig must be manifest.pub's
  Ed25519 signature of manifest.json's exact bytes, or the package was changed after it was
  signed. That proves who signed it only against a key the receiver already trusts: given one
  (``key``, from ``--key``), a package signed by another key (changed and signed again) or not
  signed at all is a problem; without one, the signature's state is said, not judged.

Whatever the package holds, ``check_package`` answers with Chinese sentences and never raises.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import stat
import zipfile
import zlib
from collections.abc import Iterator
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
from dualleader_desktop.documents.signing import (
    PUBLIC_KEY_MAX_BYTES,
    SIGNATURE_BYTES,
    WantedKey,
    fingerprint,
    load_public,
    signature_valid,
)
from dualleader_desktop.domain.archive import Retention, retention_of

try:
    from lzma import LZMAError
except ImportError:  # a Python built without lzma cannot open such members at all
    LZMAError = ValueError  # type: ignore[misc,assignment]

KIB, MIB, GIB = 1 << 10, 1 << 20, 1 << 30
CHUNK = MIB  # files are hashed this much at a time
EXCEL_ROWS = 1_048_576  # no worksheet has more; a workbook claiming more is not read past it
_PAGE = re.compile(rb"/Type\s*/Page(?!s)")  # what package.pdf_page_count counts
_PAGE_TAIL = 64  # bytes kept from one chunk to the next, so a page object split is found
_DRIVE = re.compile(r"[A-Za-z]:")
ONLY_PLAIN = (
    "归档包里只应有普通文件和文件夹：请向交来归档包的人要一份原始的（或重新导出），不要接收这一份。"
)
_READ_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    LZMAError,
    EOFError,
    OSError,
    ValueError,
    RuntimeError,  # an encrypted member
    NotImplementedError,  # a compression zipfile does not know
)


@dataclass(frozen=True)
class Limits:
    total_bytes: int = 4 * GIB  # all files together, as declared and as read
    ratio: int = 200  # unpacked : compressed, for a zip member larger than ratio_exempt_bytes
    ratio_exempt_bytes: int = MIB
    manifest_bytes: int = 16 * MIB
    catalogue_bytes: int = 16 * MIB  # the workbook, and what its parts unpack to


LIMITS = Limits()


class _Refused(Exception):
    """The package is read no further; the message says why and names the entry."""


class _Unreadable(Exception):
    """A file of the package that cannot be read (a damaged zip member)."""


def _special(mode: int) -> str:
    """What kind of special file a folder entry is, in words."""
    if stat.S_ISFIFO(mode):
        return "命名管道"
    if stat.S_ISSOCK(mode):
        return "套接字"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "设备文件"
    return "不是普通文件"


def _size(count: int) -> str:
    for unit, name in ((GIB, "GiB"), (MIB, "MiB"), (KIB, "KiB")):
        if count >= unit:
            return f"{count / unit:.3g} {name}"
    return f"{count} 字节"


def _unsafe(name: str) -> str | None:
    """Why ``name`` would lead out of the package if it were unpacked, or None."""
    if _DRIVE.match(name):
        return "带盘符"
    if name.startswith("/"):
        return "是绝对路径"
    if "\\" in name:
        return "含反斜杠（\\）"
    if ".." in name.split("/"):
        return "含上级目录（..），指向归档包之外"
    return None


class _Budget:
    """Bytes actually read, against the total cap: a header that lies is caught here too."""

    def __init__(self, cap: int) -> None:
        self.cap, self.spent = cap, 0

    def spend(self, count: int, name: str) -> None:
        self.spent += count
        if self.spent > self.cap:
            raise _Refused(
                f"读取的内容超过了总大小上限 {_size(self.cap)}，已拒绝，不再核对：{name}"
            )


class _PageCounter:
    """``pdf_page_count`` over a file read in chunks: a page object split between two chunks
    is counted once."""

    def __init__(self) -> None:
        self.pages, self._tail = 0, b""

    def update(self, chunk: bytes) -> None:
        data = self._tail + chunk
        keep = max(len(data) - _PAGE_TAIL, 0)
        for match in _PAGE.finditer(data):
            if match.end() < len(data):  # the byte after it is known: not /Pages
                self.pages += 1
                keep = max(keep, match.end())
            else:
                keep = min(keep, match.start())
        self._tail = data[keep:]

    def finish(self) -> int:
        return self.pages + len(_PAGE.findall(self._tail))


class _Reader:
    """Files of a package, from a folder or a zip, by their path inside the package, with
    their declared sizes; what must not be read at all is in ``refused``."""

    def __init__(self, path: Path, limits: Limits) -> None:
        self.path, self.limits = path, limits
        self.files: dict[str, str | zipfile.ZipInfo] = {}
        self.sizes: dict[str, int] = {}
        self.refused: list[str] = []
        self._zip: zipfile.ZipFile | None = None
        if path.is_dir():
            self._scan_folder()
        else:
            self._zip = zipfile.ZipFile(path)
            try:
                self._scan_zip(path.stat().st_size)
            except BaseException:
                self._zip.close()
                raise

    def __enter__(self) -> _Reader:
        return self

    def __exit__(self, *exc) -> None:
        if self._zip is not None:
            self._zip.close()

    def _scan_folder(self) -> None:
        total = 0
        for top, folders, files in os.walk(self.path):  # links to folders are not followed
            folders.sort()
            for entry in sorted(folders + files):
                full = os.path.join(top, entry)
                name = Path(full).relative_to(self.path).as_posix()
                if reason := _unsafe(name):
                    self.refused.append(f"归档包中的文件名{reason}，已拒绝：{name}")
                    continue
                info = os.lstat(full)  # the entry itself: a link is not followed
                if stat.S_ISLNK(info.st_mode):
                    self.refused.append(
                        f"归档包中的符号链接，已拒绝：{name}（指向 {os.readlink(full)}）。"
                        f"{ONLY_PLAIN}"
                    )
                elif stat.S_ISREG(info.st_mode):
                    self.files[name], self.sizes[name] = full, info.st_size
                    total += info.st_size
                elif not stat.S_ISDIR(info.st_mode):  # never opened: a FIFO would hang
                    self.refused.append(
                        f"归档包中的特殊文件（{_special(info.st_mode)}），已拒绝：{name}。"
                        f"{ONLY_PLAIN}"
                    )
        if total > self.limits.total_bytes:
            self.refused.append(
                f"归档包共 {_size(total)}，总大小超过上限 {_size(self.limits.total_bytes)}，"
                "已拒绝核对。"
            )

    def _scan_zip(self, archive_size: int) -> None:
        limits, seen, members = self.limits, set(), []
        total = compressed = 0
        for info in self._zip.infolist():
            name = info.filename
            if reason := _unsafe(name):
                self.refused.append(f"压缩包条目{reason}，已拒绝：{name}")
            elif stat.S_ISLNK(info.external_attr >> 16):
                self.refused.append(f"压缩包条目是符号链接，已拒绝：{name}")
            elif name in seen:
                self.refused.append(f"压缩包中有两个同名（重名）条目，已拒绝：{name}")
            elif not info.is_dir():
                seen.add(name)
                members.append(info)
                total += info.file_size
                compressed += info.compress_size
                if info.header_offset + info.compress_size > archive_size:
                    self.refused.append(
                        f"压缩包条目登记的压缩大小 {_size(info.compress_size)} 超出了压缩包本身，"
                        f"头信息不实，已拒绝：{name}"
                    )
                elif (
                    info.file_size > limits.ratio_exempt_bytes
                    and info.file_size > limits.ratio * info.compress_size
                ):
                    ratio = info.file_size // max(info.compress_size, 1)
                    self.refused.append(
                        f"压缩包条目的压缩比为 {ratio}:1（上限 {limits.ratio}:1），"
                        f"解压后有 {_size(info.file_size)}，疑似压缩炸弹，已拒绝：{name}"
                    )
            else:
                seen.add(name)
        if compressed > archive_size:
            self.refused.append(
                f"压缩包登记的压缩数据共 {_size(compressed)}，比压缩包本身"
                f"（{_size(archive_size)}）还大：条目重叠或头信息不实，已拒绝核对。"
            )
        if total > limits.total_bytes:
            self.refused.append(
                f"压缩包解压后共 {_size(total)}，总大小超过上限 {_size(limits.total_bytes)}，"
                "已拒绝核对。"
            )
        # zip_folder puts everything under the package's own folder name
        names = [info.filename for info in members]
        tops = {n.split("/", 1)[0] for n in names}
        cut = len(tops.pop()) + 1 if len(tops) == 1 and all("/" in n for n in names) else 0
        for info in members:
            self.files[info.filename[cut:]] = info
            self.sizes[info.filename[cut:]] = info.file_size

    def unreadable(self, name: str) -> str:
        if self._zip is None:
            return f"文件无法读取：{name}"
        return f"文件无法读取（压缩包已损坏）：{name}"

    def chunks(self, name: str, budget: _Budget) -> Iterator[bytes]:
        """The file's bytes, CHUNK at a time, counted against its declared size and the total
        budget as they come."""
        declared, read = self.sizes[name], 0
        try:
            with self._open(name) as stream:
                while chunk := stream.read(CHUNK):
                    read += len(chunk)
                    if read > declared:
                        raise _Refused(
                            f"文件的内容比登记的 {_size(declared)} 还多，头信息不实，已拒绝：{name}"
                        )
                    budget.spend(len(chunk), name)
                    yield chunk
        except _READ_ERRORS as exc:
            raise _Unreadable(name) from exc

    def _open(self, name: str):
        if self._zip is not None:
            return self._zip.open(self.files[name])
        # a file swapped since the scan for a link is refused by O_NOFOLLOW; for a FIFO,
        # O_NONBLOCK keeps the open from waiting for a writer, and fstat refuses it
        flags = os.O_RDONLY
        for extra in ("O_BINARY", "O_NOFOLLOW", "O_NONBLOCK"):
            flags |= getattr(os, extra, 0)
        handle = os.open(self.files[name], flags)
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            os.close(handle)
            raise _Refused(f"归档包中的文件在核对时被换成了特殊文件，已拒绝：{name}。{ONLY_PLAIN}")
        return os.fdopen(handle, "rb")

    def whole(self, name: str, cap: int, budget: _Budget) -> bytes:
        """A file that must be parsed, read only when it is at most ``cap`` bytes."""
        if self.sizes[name] > cap:
            raise _Refused(
                f"{name} 有 {_size(self.sizes[name])}，超过上限 {_size(cap)}，"
                "不像本程序生成的文件，已拒绝读取。"
            )
        return b"".join(self.chunks(name, budget))

    def digest(self, name: str, budget: _Budget, *, count_pages: bool) -> tuple[str, int, int]:
        """SHA-256, size and (for a PDF) page count of a file, read once in chunks."""
        sha, size, pages = hashlib.sha256(), 0, _PageCounter()
        for chunk in self.chunks(name, budget):
            sha.update(chunk)
            size += len(chunk)
            if count_pages:
                pages.update(chunk)
        return sha.hexdigest(), size, pages.finish() if count_pages else 0


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
        reader = _Reader(path, limits)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return Report([f"“{path.name}”既不是文件夹，也不是有效的 zip 压缩包。"])
    problems: list[str] = []
    signature: list[str] = []
    with reader:
        try:
            _verify(reader, limits, key, problems, signature)
        except _Refused as refused:
            problems.append(str(refused))
    return Report(problems, "".join(signature))


def _verify(
    reader: _Reader,
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
    budget = _Budget(limits.total_bytes)
    try:
        manifest_bytes = reader.whole(MANIFEST, limits.manifest_bytes, budget)
    except _Unreadable:
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
    unsafe = [f"清单条目{reason}，已拒绝：{name}" for name in listed if (reason := _unsafe(name))]
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
        except _Unreadable:
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
    reader: _Reader, manifest: bytes, key: WantedKey | None, budget: _Budget
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
    except (ValueError, _Unreadable):
        return "", [
            f"{PUBLIC_KEY} 不是有效的 Ed25519 公钥，无法核对签名：公钥文件已损坏或被替换。"
            "请向交来归档包的支部要一份原始的。"
        ]
    shown = fingerprint(raw)
    try:
        valid = reader.sizes[SIGNATURE] == SIGNATURE_BYTES and signature_valid(
            raw, reader.whole(SIGNATURE, SIGNATURE_BYTES, budget), manifest
        )
    except _Unreadable:
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
    reader: _Reader,
    listed: dict,
    names: list[str],
    formats: list[str],
    pages: dict[str, int],
    budget: _Budget,
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
        except _Refused:
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


def _repacked(reader: _Reader, name: str, budget: _Budget) -> bytes:
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
                        raise _Refused(f"{name} 解压后超过上限 {_size(cap)}，已拒绝读取。")
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
