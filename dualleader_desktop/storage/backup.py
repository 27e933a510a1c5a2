"""Copies of the database: taken while it is open, checked, and never half-written.

Every copy goes through SQLite's online backup API (a consistent snapshot even while the window
writes) into a temporary file in the backups folder, is checked with ``PRAGMA integrity_check``
and flushed to disk, and only then gets its name. A full disk or any other failure leaves nothing
behind and raises BackupError with the reason in Chinese. A name is never reused: a copy is
linked to its final name (which fails when the name is taken) rather than renamed over it.

The attachments a copy refers to go into the backups folder's own content-addressed store
(hard links where the file system allows, copies elsewhere), so a backup still has the files of
records deleted from the live database after it was taken.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from dualleader_desktop.paths import attachments_dir

BACKUP_SUFFIX = ".bak"
LEGACY_ATTACHMENTS = "attachments"  # the shared folder of databases made before 2026-11-25


class BackupError(RuntimeError):
    """A copy could not be made; the message says why in Chinese. Nothing was left behind."""


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime
    reason: str


def backups_dir(db_path: Path) -> Path:
    """Backups sit beside the database in a folder named after it, like its attachments."""
    return db_path.parent / f"{db_path.stem}-backups"


def attachment_sources(db_path: Path) -> list[Path]:
    """Where a database's attachment files may be: its own folder, then the shared folder
    that databases made before each had its own used."""
    return [attachments_dir(db_path), db_path.parent / LEGACY_ATTACHMENTS]


def take_backup(db_path: Path, reason: str, *, now: datetime | None = None) -> Path:
    """Copy the database at ``db_path`` (and the attachments it refers to) into its backups
    folder under a new name; returns the copy's path."""
    folder = backups_dir(db_path)
    try:
        _private_folder(folder)
        target = _unique_name(folder, db_path, reason, now or datetime.now())
        _copy_checked(db_path, target)
        _keep_attachments(db_path, target, folder / "attachments")
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(_worded(exc, folder)) from exc
    return target


def list_backups(db_path: Path) -> list[BackupFile]:
    """The backups of ``db_path``, newest first."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    pattern = re.compile(
        re.escape(db_path.name) + r"\.(\d{8}-\d{6})(?:-\d+)?\.([\w-]+)" + re.escape(BACKUP_SUFFIX)
    )
    found = []
    for path in folder.iterdir():
        match = pattern.fullmatch(path.name)
        if match:
            taken_at = datetime.strptime(match[1], "%Y%m%d-%H%M%S")
            found.append(BackupFile(path, taken_at, match[2]))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def _unique_name(folder: Path, db_path: Path, reason: str, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    candidate = folder / f"{db_path.name}.{stamp}.{reason}{BACKUP_SUFFIX}"
    counter = 2
    while candidate.exists():
        candidate = folder / f"{db_path.name}.{stamp}-{counter}.{reason}{BACKUP_SUFFIX}"
        counter += 1
    return candidate


def _copy_checked(db_path: Path, target: Path) -> None:
    partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
    try:
        _online_copy(db_path, partial)
        _publish(partial, target)
    finally:
        for leftover in (partial, Path(f"{partial}-journal")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def _online_copy(db_path: Path, partial: Path) -> None:
    source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
            # the copy is a file of its own: no -wal beside it, readable where it lies
            copy.execute("PRAGMA journal_mode=DELETE")
            problems = copy.execute("PRAGMA integrity_check").fetchall()
        finally:
            copy.close()
    finally:
        source.close()
    if problems != [("ok",)]:
        raise BackupError(
            "备份副本核对未通过（PRAGMA integrity_check），已删除。"
            "原数据库可能已损坏，请先用“恢复备份”找回较早的备份。"
        )
    with open(partial, "rb+") as fh:
        os.fsync(fh.fileno())


def _publish(partial: Path, target: Path) -> None:
    """Give the checked copy its name without ever replacing a file of that name."""
    try:
        os.link(partial, target)
    except FileExistsError:
        raise
    except OSError:
        # a file system without hard links (FAT on a USB stick): rename, which on Windows
        # refuses an existing name and elsewhere is guarded by the check just before
        if target.exists():
            raise FileExistsError(target) from None
        os.rename(partial, target)


def _keep_attachments(db_path: Path, copy: Path, store: Path) -> None:
    connection = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    try:
        has_table = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'attachments'"
        ).fetchone()
        rows = (
            connection.execute("SELECT sha256, suffix FROM attachments").fetchall()
            if (has_table)
            else []
        )
    finally:
        connection.close()
    sources = attachment_sources(db_path)
    for sha256, suffix in rows:
        relative = Path(sha256[:2]) / f"{sha256}{suffix}"
        kept = store / relative
        if kept.exists():
            continue
        source = next((s / relative for s in sources if (s / relative).is_file()), None)
        if source is None:
            continue  # missing from the live database too: nothing to keep
        _private_folder(kept.parent)
        try:
            os.link(source, kept)
        except OSError:
            shutil.copyfile(source, kept)
            os.chmod(kept, 0o600)


def _private_folder(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(folder, 0o700)


def _worded(exc: BaseException, folder: Path) -> str:
    text = str(exc).lower()
    if isinstance(exc, BackupError):
        return str(exc)
    if "full" in text or "no space" in text or getattr(exc, "errno", None) == 28:
        return f"磁盘空间不足，无法在 {folder} 保存数据库备份。请清理磁盘空间后重试。"
    if isinstance(exc, PermissionError) or "readonly" in text or "read-only" in text:
        return f"没有权限在 {folder} 保存数据库备份。请检查该文件夹的权限。"
    return f"无法保存数据库备份（{exc}）。请检查磁盘和文件夹 {folder}。"
