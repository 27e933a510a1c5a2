"""At most one window per database file (``DatabaseLock``; its docstring says how and why)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import QLockFile

from dualleader_desktop.paths import PRIVATE_FOLDER, lock_dir
from dualleader_desktop.ui.startup_refusal import EXIT_DB, EXIT_LOCKED, StartupRefused

LOCK_STALE_MS = 60 * 60 * 1000  # a lock left by a crash is taken over after an hour...
DISK_FULL_BYTES = 1 << 20  # less free space than this beside the lock: call the disk full


class DatabaseLock:
    """At most one window per database file; the command-line tools take no lock and may run
    beside the window (SQLite's own locking and busy timeout keep their writes apart).

    Two ``QLockFile``s are taken before the database is opened:

    - ``<database>.lock`` beside the file, by its path. Every user and every machine that opens
      the file under that path (a shared folder) sees it, and it still stands when the file is
      replaced under the same name (a restore writes a new file).
    - ``<lock_dir>/<st_dev>-<st_ino>.lock`` in the user's cache folder, by the file's identity.
      The same file under another name (a hard link, a second drive letter made with subst, a
      bind mount) has the same device and inode numbers; on Windows ``os.stat`` gives the
      volume serial number and the file index (Python 3.11 and later). Where the file system
      gives no inode number (0) or the cache folder cannot be written, only the first lock
      stands: the program still starts.

    Why not an OS lock on the database file itself: a POSIX ``fcntl`` lock belongs to the
    process and the inode, and the kernel drops all of them when *any* descriptor of the file
    is closed — SQLite closes its descriptors whenever the connection pool closes a connection,
    so the lock would vanish unnoticed (SQLite's "How To Corrupt An SQLite Database File",
    2.2); ``flock`` is emulated with ``fcntl`` on NFS, with the same result and a whole-file
    lock that would block the tools' reads; on Windows byte-range locks are mandatory, so the
    locked bytes would have to be ones SQLite never reads. ``QLockFile`` behaves the same on
    every system, records the PID and host so that a lock left by a crash is taken over, and
    tells a lock held by another process (``LockFailedError``) from a folder that cannot be
    written (``PermissionError``) or a write that failed (``UnknownError``, e.g. a full disk).

    Lock files are created 0600 (the umask is narrowed around the creation, on the GUI thread
    before any worker runs), the lock folder 0700.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path  # None: a database on a server, which takes no lock
        self._locks: list[QLockFile] = []

    def acquire(self) -> None:
        """Take both locks, or raise ``StartupRefused`` having taken none."""
        if self.path is None:
            return
        try:
            by_path = self._take(Path(str(self.path) + ".lock"))
            if by_path is not None:
                raise StartupRefused(*self._refusal(by_path, Path(str(self.path) + ".lock")))
            identity = self._identity_lock_path()
            if identity is not None:
                by_identity = self._take(identity)
                if by_identity == QLockFile.LockError.LockFailedError:
                    raise StartupRefused(
                        "数据库已被打开",
                        f"此数据库已在另一个程序窗口中打开（那个窗口用另一个路径或链接打开了同一个"
                        f"文件）：\n{self.path}\n\n请切换到已打开的窗口；如需同时查看其他数据，"
                        "请用 --db 打开另一个数据库文件。",
                        EXIT_LOCKED,
                    )
                # the cache folder is not writable or full: the lock beside the file still stands
        except StartupRefused:
            self.release()
            raise

    def release(self) -> None:
        while self._locks:
            self._locks.pop().unlock()

    def _take(self, lock_path: Path) -> QLockFile.LockError | None:
        """None when taken, else why not."""
        lock = QLockFile(str(lock_path))
        lock.setStaleLockTime(LOCK_STALE_MS)
        if not _try_lock_private(lock):
            if lock.error() != QLockFile.LockError.LockFailedError:
                return lock.error()
            # ...or at once when the process that held it is gone (QLockFile checks the PID)
            lock.removeStaleLockFile()
            if not _try_lock_private(lock):
                return lock.error()
        self._locks.append(lock)
        return None

    def _identity_lock_path(self) -> Path | None:
        try:
            info = os.stat(self.path)
            if not info.st_ino:
                return None
            folder = lock_dir()
            folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
        except OSError:
            return None
        return folder / f"{info.st_dev:x}-{info.st_ino:x}.lock"

    def _refusal(self, error: QLockFile.LockError, lock_path: Path) -> tuple[str, str, int]:
        folder = lock_path.parent
        if error == QLockFile.LockError.LockFailedError:
            return (
                "数据库已被打开",
                f"此数据库已在另一个程序窗口中打开：\n{self.path}\n\n"
                "请切换到已打开的窗口；如需同时查看其他数据，请用 --db 打开另一个数据库文件。",
                EXIT_LOCKED,
            )
        if error == QLockFile.LockError.PermissionError:
            return (
                "无法打开数据库",
                f"数据库所在的文件夹是只读的，或您没有在其中写入的权限：\n{folder}\n\n"
                f"本程序要在数据库旁边写入锁文件（{lock_path.name}）和 -wal、-shm 文件。"
                "请把数据库复制到您有写入权限的文件夹（例如“文档”）后用 --db 打开。",
                EXIT_DB,
            )
        if _free_bytes(folder) < DISK_FULL_BYTES:
            return (
                "磁盘已满",
                f"数据库所在的磁盘已满，无法写入锁文件：\n{lock_path}\n\n"
                "请清理磁盘空间后重新启动本程序。",
                EXIT_DB,
            )
        return (
            "无法打开数据库",
            f"无法在数据库旁边写入锁文件（原因不明，可能是网络盘已断开或磁盘出错）：\n{lock_path}"
            "\n\n请检查该文件夹和磁盘后重新启动本程序。",
            EXIT_DB,
        )


def _try_lock_private(lock: QLockFile) -> bool:
    if os.name == "nt":
        return lock.tryLock(0)
    old = os.umask(0o077)
    try:
        return lock.tryLock(0)
    finally:
        os.umask(old)


def _free_bytes(folder: Path) -> int:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return DISK_FULL_BYTES  # cannot tell: not called full
