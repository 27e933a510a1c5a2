"""Backups of the branch's database as the window and the command line see them: listed with
what each holds, taken on demand or once a day, restored with the current state kept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.storage import backup, migrate
from dualleader_desktop.storage.database import Database

REASON_LABELS = {
    "daily": "每日自动",
    "manual": "手动",
    "before-import": "导入花名册前",
    "before-restore": "恢复备份前",
}


def reason_label(reason: str) -> str:
    if reason.startswith("before-upgrade-"):
        return f"程序升级前（架构 {reason.removeprefix('before-upgrade-')}）"
    return REASON_LABELS.get(reason, reason)


@dataclass(frozen=True)
class BackupEntry:
    path: Path
    taken_at: datetime
    reason: str
    members: int | None
    meetings: int | None
    talks: int | None
    problem: str  # why the copy cannot be read, or "" (a restore checks every page first)

    @property
    def reason_label(self) -> str:
        return reason_label(self.reason)


class BackupService:
    def __init__(self, db: Database) -> None:
        self.db = db

    @property
    def db_path(self) -> Path:
        if self.db.path is None:
            raise ServiceError("这个数据库不是本机上的文件，不能在这里备份或恢复。")
        return self.db.path

    @property
    def folder(self) -> Path:
        return backup.backups_dir(self.db_path)

    def list_backups(self) -> list[BackupEntry]:
        """Every backup of this database, newest first, with its counts read from the copy."""
        entries = []
        for item in backup.list_backups(self.db_path):
            try:
                # counts only: the list is read on the GUI thread, and a restore checks its copy
                contents = backup.describe(item.path, check=False)
            except backup.BackupError as exc:
                entries.append(
                    BackupEntry(item.path, item.taken_at, item.reason, None, None, None, str(exc))
                )
                continue
            entries.append(
                BackupEntry(
                    item.path,
                    item.taken_at,
                    item.reason,
                    contents.members,
                    contents.meetings,
                    contents.talks,
                    "",
                )
            )
        return entries

    def take(self, reason: str = "manual", out: Path | None = None) -> Path:
        """A copy now: into the backups folder, or to ``out`` (with its attachment files in an
        ``attachments`` folder beside it)."""
        try:
            if out is not None:
                return backup.write_copy(self.db_path, Path(out))
            return backup.take_backup(self.db_path, reason)
        except backup.BackupError as exc:
            raise ServiceError(str(exc)) from exc

    def take_if_due(self) -> Path | None:
        """The automatic backup at start (once a day), with the old ones pruned."""
        try:
            return backup.backup_if_due(self.db_path)
        except backup.BackupError as exc:
            raise ServiceError(str(exc)) from exc

    def restore(self, copy: Path) -> Path | None:
        """Replace the records with those of ``copy``; returns the backup kept of what was
        replaced. A copy of an older schema is upgraded at once."""
        known = migrate.known_revisions()
        try:
            kept = backup.restore(self.db_path, Path(copy), known_revisions=known)
        except backup.BackupError as exc:
            raise ServiceError(str(exc)) from exc
        migrate.upgrade_if_needed(self.db.engine)
        return kept
