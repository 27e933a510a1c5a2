"""``dualleader backup`` and ``restore``: copies of the database from the command line."""

from __future__ import annotations

import sys
from pathlib import Path

from dualleader_desktop.commands import open_existing_database, window_lock
from dualleader_desktop.services.backups import BackupService
from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.storage import backup
from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.errors import DatabaseError


def take_backup(args) -> int:
    try:
        db = open_existing_database(args.db, args.database_url, args.attachments_dir)
        try:
            path = BackupService(db).take(out=Path(args.out) if args.out else None)
        finally:
            db.dispose()
        contents = backup.describe(path, check=False)  # checked as it was written
    except (ServiceError, DatabaseError, backup.BackupError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(f"已备份到：{path}")
    print(
        f"  党员 {contents.members} 名，会议记录 {contents.meetings} 次，谈心谈话 {contents.talks} 次"
    )
    if args.out:
        print(f"  附件（如有）在同一文件夹的 attachments 中：{path.parent / 'attachments'}")
    return 0


def restore_backup(args) -> int:
    """Restore while holding the window's lock: a window open on the database is refused (it
    would keep showing the records being replaced) and none can open until the restore ends."""
    from dualleader_desktop.paths import default_db_path

    path, copy = default_db_path(args.db), Path(args.file).expanduser().resolve()
    if not copy.is_file():
        print(f"找不到备份文件 {copy}。", file=sys.stderr)
        return 1
    try:
        with window_lock(path, "恢复备份"):
            kept = backup.restore(path, copy, known_revisions=_known_revisions())
            db = Database.open_file(path)  # brings a copy of an older schema up to date
            contents = backup.describe(copy, check=False)  # checked by restore
            db.dispose()
    except (backup.BackupError, DatabaseError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(f"已从 {copy} 恢复到 {path}")
    print(
        f"  党员 {contents.members} 名，会议记录 {contents.meetings} 次，谈心谈话 {contents.talks} 次"
    )
    if kept is not None:
        print(f"恢复前的数据库已另存为：{kept}")
    return 0


def _known_revisions() -> set[str]:
    from dualleader_desktop.storage.migrate import known_revisions

    return known_revisions()
