"""Temporary folders and files that name the process writing them.

An archive package is written into a hidden folder beside its target, its zip into a hidden
file, a record's preview into a folder under the system's temp folder. A program killed
meanwhile (kill -9, the task manager, a power cut) leaves them behind, the package's with the
full roster in it. Each one's name carries its owner: the process id, that process's start time
(where the system tells it: a reused pid is not the owner) and the machine (a hash of its name:
on a shared folder another machine's pids mean nothing here). ``sweep`` removes what no live
process owns; a name without an owner (written by an older version, or by another machine) is
removed only once it is older than ``STALE_AFTER_S``, when no export can still be at work on it.

The owner is in the name, not in a file inside: the package folder is renamed into place as it
is, so a file in it would land in the package, and a zip's temporary file has no inside.
"""

from __future__ import annotations

import glob
import hashlib
import os
import re
import shutil
import socket
import tempfile
import time
from functools import cache
from pathlib import Path

PARTIAL = ".partial-"  # a file written under this prefix and the owner, renamed when complete
STALE_AFTER_S = 24 * 3600  # an ownerless leftover this old is a crashed program's
_OWNER = re.compile(r"p(\d+)-s(\d*)-h([0-9a-f]{8})-")
_HAS_PROC = Path("/proc/self/stat").exists()  # Linux: a process's state and start time


def owner_tag() -> str:
    """This process as the start of a name: ``p<pid>-s<start time>-h<machine>-``."""
    return _tag_of(os.getpid())  # asked again after a fork: the child is another process


@cache
def _tag_of(pid: int) -> str:
    return f"p{pid}-s{_start_time(pid)}-h{_machine()}-"


def make_dir(parent: Path, prefix: str) -> Path:
    """A new folder in ``parent`` named ``prefix``, this process and a random part; private to
    its owner (mkdtemp: 0700) until the caller says otherwise."""
    return Path(tempfile.mkdtemp(prefix=prefix + owner_tag(), dir=parent))


def make_file(parent: Path, prefix: str) -> tuple[int, Path]:
    """A new file (open descriptor, path) named like ``make_dir``'s folders; private (0600)."""
    handle, name = tempfile.mkstemp(prefix=prefix + owner_tag(), dir=parent)
    return handle, Path(name)


def temp_dir(prefix: str) -> Path:
    """A new private folder in the system's temp folder, after removing what killed runs of
    the program left there under the same prefix."""
    parent = Path(tempfile.gettempdir())
    sweep(parent, prefix)
    return make_dir(parent, prefix)


def sweep(parent: Path, prefix: str, stale_after: float = STALE_AFTER_S) -> list[Path]:
    """Remove the folders and files in ``parent`` starting with ``prefix`` whose owner is
    dead, and those of no known owner older than ``stale_after`` seconds; returns them.
    What cannot be removed (in use, another account's) is left as it is."""
    cutoff = time.time() - stale_after
    removed = []
    for path in Path(parent).glob(glob.escape(prefix) + "*"):
        alive = owner_alive(path.name[len(prefix) :])
        try:
            if alive or (alive is None and path.lstat().st_mtime >= cutoff):
                continue
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()  # a symlink itself, never what it points to
        except OSError:
            continue
        removed.append(path)
    return removed


def owner_alive(name: str) -> bool | None:
    """Whether the process named at the start of ``name`` still runs; None when the name
    names no owner, or one on another machine."""
    found = _OWNER.match(name)
    if found is None or found[3] != _machine():
        return None
    pid, start = int(found[1]), found[2]
    if not process_alive(pid):
        return False
    return not start or start == _start_time(pid)  # another start time: the pid was reused


def process_alive(pid: int) -> bool:
    """Whether a process of this id runs (a zombie, which has ended, does not)."""
    if pid <= 0:
        return False
    if os.name == "nt":
        return _windows_process_alive(pid)
    stat = _proc_stat(pid)
    if stat is not None:
        return stat[0] not in ("Z", "X")
    if _HAS_PROC:
        return False
    try:
        os.kill(pid, 0)  # signal 0 only asks (on Windows os.kill would end the process)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another account's process
    except OSError:
        return False
    return True


def _windows_process_alive(pid: int) -> bool:
    import _winapi

    query_limited_information, still_active = 0x1000, 259
    try:
        handle = _winapi.OpenProcess(query_limited_information, False, pid)
    except OSError as exc:
        return getattr(exc, "winerror", None) != 87  # no such process; else: not ours to ask
    try:
        return _winapi.GetExitCodeProcess(handle) == still_active
    finally:
        _winapi.CloseHandle(handle)


def _start_time(pid: int) -> str:
    """When the process started, in clock ticks since boot (Linux); "" where unknown."""
    stat = _proc_stat(pid)
    return stat[19] if stat is not None and len(stat) > 19 else ""


def _proc_stat(pid: int) -> list[str] | None:
    """The fields of /proc/<pid>/stat after the command name (state first), or None."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    return text[text.rfind(")") + 2 :].split()


@cache
def _machine() -> str:
    return hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]
