"""Reading an archive package, a folder or a zip, as a hostile one: nothing of it is ever
extracted to disk, and what could lead out of it or exhaust the machine is refused before it is
read (documents/verify.py checks what is left).

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
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

try:
    from lzma import LZMAError
except ImportError:  # a Python built without lzma cannot open such members at all
    LZMAError = ValueError  # type: ignore[misc,assignment]

KIB, MIB, GIB = 1 << 10, 1 << 20, 1 << 30
CHUNK = MIB  # files are hashed this much at a time
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


class Refused(Exception):
    """The package is read no further; the message says why and names the entry."""


class Unreadable(Exception):
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


def describe_size(count: int) -> str:
    for unit, name in ((GIB, "GiB"), (MIB, "MiB"), (KIB, "KiB")):
        if count >= unit:
            return f"{count / unit:.3g} {name}"
    return f"{count} 字节"


def unsafe_name(name: str) -> str | None:
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


class Budget:
    """Bytes actually read, against the total cap: a header that lies is caught here too."""

    def __init__(self, cap: int) -> None:
        self.cap, self.spent = cap, 0

    def spend(self, count: int, name: str) -> None:
        self.spent += count
        if self.spent > self.cap:
            raise Refused(
                f"读取的内容超过了总大小上限 {describe_size(self.cap)}，已拒绝，不再核对：{name}"
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


class Reader:
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

    def __enter__(self) -> Reader:
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
                if reason := unsafe_name(name):
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
                f"归档包共 {describe_size(total)}，总大小超过上限 {describe_size(self.limits.total_bytes)}，"
                "已拒绝核对。"
            )

    def _scan_zip(self, archive_size: int) -> None:
        limits, seen, members = self.limits, set(), []
        total = compressed = 0
        for info in self._zip.infolist():
            name = info.filename
            if reason := unsafe_name(name):
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
                        f"压缩包条目登记的压缩大小 {describe_size(info.compress_size)} 超出了压缩包本身，"
                        f"头信息不实，已拒绝：{name}"
                    )
                elif (
                    info.file_size > limits.ratio_exempt_bytes
                    and info.file_size > limits.ratio * info.compress_size
                ):
                    ratio = info.file_size // max(info.compress_size, 1)
                    self.refused.append(
                        f"压缩包条目的压缩比为 {ratio}:1（上限 {limits.ratio}:1），"
                        f"解压后有 {describe_size(info.file_size)}，疑似压缩炸弹，已拒绝：{name}"
                    )
            else:
                seen.add(name)
        if compressed > archive_size:
            self.refused.append(
                f"压缩包登记的压缩数据共 {describe_size(compressed)}，比压缩包本身"
                f"（{describe_size(archive_size)}）还大：条目重叠或头信息不实，已拒绝核对。"
            )
        if total > limits.total_bytes:
            self.refused.append(
                f"压缩包解压后共 {describe_size(total)}，总大小超过上限 {describe_size(limits.total_bytes)}，"
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

    def chunks(self, name: str, budget: Budget) -> Iterator[bytes]:
        """The file's bytes, CHUNK at a time, counted against its declared size and the total
        budget as they come."""
        declared, read = self.sizes[name], 0
        try:
            with self._open(name) as stream:
                while chunk := stream.read(CHUNK):
                    read += len(chunk)
                    if read > declared:
                        raise Refused(
                            f"文件的内容比登记的 {describe_size(declared)} 还多，头信息不实，已拒绝：{name}"
                        )
                    budget.spend(len(chunk), name)
                    yield chunk
        except _READ_ERRORS as exc:
            raise Unreadable(name) from exc

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
            raise Refused(f"归档包中的文件在核对时被换成了特殊文件，已拒绝：{name}。{ONLY_PLAIN}")
        return os.fdopen(handle, "rb")

    def whole(self, name: str, cap: int, budget: Budget) -> bytes:
        """A file that must be parsed, read only when it is at most ``cap`` bytes."""
        if self.sizes[name] > cap:
            raise Refused(
                f"{name} 有 {describe_size(self.sizes[name])}，超过上限 {describe_size(cap)}，"
                "不像本程序生成的文件，已拒绝读取。"
            )
        return b"".join(self.chunks(name, budget))

    def digest(self, name: str, budget: Budget, *, count_pages: bool) -> tuple[str, int, int]:
        """SHA-256, size and (for a PDF) page count of a file, read once in chunks."""
        sha, size, pages = hashlib.sha256(), 0, _PageCounter()
        for chunk in self.chunks(name, budget):
            sha.update(chunk)
            size += len(chunk)
            if count_pages:
                pages.update(chunk)
        return sha.hexdigest(), size, pages.finish() if count_pages else 0
