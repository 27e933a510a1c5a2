"""Copies of the database: taken while it is open, checked, and never half-written.

Every copy goes through SQLite's online backup API (a consistent snapshot even while the window
writes) into a temporary file in the backups folder, is checked with ``PRAGMA integrity_check``
and flushed to disk, and only then gets its name. A full disk or any other failure leaves nothing
behind and raises BackupError with the reason in Chinese. A name is never reused: a copy is
linked to its final name (which fails when the name is taken) rather than renamed over it.

The attachments a copy refers to go into the backups folder's own content-addressed store
(hard links where the file system allows, copies elsewhere), so a backup still has the files of
records deleted from the live database after it was taken.

A copy of an encrypted database is encrypted with the same key and salt (both connections of
the online backup keyed alike: SQLCipher copies pages only between databases keyed the same), and
its attachment store gets the live store's ``.encryption.json``, so its files can be hard links
of the live ones. The password comes from ``encryption.secret_for`` (registered when it was
proven); a copy chosen from elsewhere is tried with every password proven in this process.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from dualleader_desktop import staging
from dualleader_desktop.paths import attachments_dir
from dualleader_desktop.storage import attachment_cipher, encryption
from dualleader_desktop.storage.attachment_cipher import AttachmentCipher
from dualleader_desktop.storage.encryption import Secret

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
    """Copy the database at ``db_path`` into its backups folder under a new name."""
    folder = backups_dir(db_path)
    try:
        _private_folder(folder)
    except OSError as exc:
        raise BackupError(_worded(exc, folder)) from exc
    return write_copy(db_path, _unique_name(folder, db_path, reason, now or datetime.now()))


def write_copy(db_path: Path, target: Path) -> Path:
    """Copy the database to ``target`` (never over an existing file) and the attachment
    files it refers to into ``attachments/`` beside it: a content-addressed store, so copies
    in one folder share their files and two stores merge without conflict."""
    if target.exists():
        raise BackupError(f"{target} 已存在。备份不会覆盖已有的文件，请换一个文件名。")
    sweep_partials(target.parent)
    published = False
    try:
        _copy_checked(db_path, target)
        published = True
        _keep_attachments(db_path, target, target.parent / "attachments")
    except (OSError, encryption.WrongKey, *encryption.driver_errors()) as exc:
        if published:  # a copy whose files could not be kept is no backup
            target.unlink(missing_ok=True)
        raise BackupError(_worded(exc, target.parent)) from exc
    return target


def list_backups(db_path: Path) -> list[BackupFile]:
    """The backups of ``db_path``, newest first."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    pattern = re.compile(
        re.escape(db_path.name) + r"\.(\d{8}-\d{6})(?:-(\d+))?\.([\w-]+)" + re.escape(BACKUP_SUFFIX)
    )
    found = []
    for path in folder.iterdir():
        match = pattern.fullmatch(path.name)
        if match:
            taken_at = datetime.strptime(match[1], "%Y%m%d-%H%M%S")
            found.append((taken_at, int(match[2] or 1), BackupFile(path, taken_at, match[3])))
    return [item for *_key, item in sorted(found, key=lambda f: f[:2], reverse=True)]


def _read_only(path: Path):
    """A read-only connection; the URI is built from the path with ?, # and % escaped."""
    return _open(path)[0]


def _open(path: Path) -> tuple:
    """A read-only connection to a database or copy, and the password it needed (None when
    plain): the one registered for it, else each one proven in this process."""
    path = Path(path).resolve()
    if not encryption.may_be_encrypted(path):
        return encryption.connect(path, read_only=True), None
    if not encryption.available():
        raise BackupError(f"{path.name} 已加密，但{encryption.MISSING_MESSAGE}")
    tried: list[Secret] = []
    for secret in (encryption.secret_for(path), *encryption.registered_secrets()):
        if secret is None or any(secret is t for t in tried):
            continue
        tried.append(secret)
        try:
            return encryption.connect(path, key=secret, read_only=True), secret
        except encryption.WrongKey:
            continue
    if not tried:
        raise BackupError(f"{path.name} 已加密，需要输入密码才能读取。")
    raise BackupError(
        f"{path.name} 已加密，当前的密码打不开它（它可能是用另一个密码加密的，或已损坏）。"
    )


def _keyed_like(source: Path, secret: Secret | None, target: Path):
    """A read-write connection to the new file ``target`` keyed as ``source`` is (same
    password, same salt) or plain."""
    if secret is None:
        return sqlite3.connect(target)
    return encryption.connect(target, key=secret, salt=encryption.file_salt(source))


def _unique_name(folder: Path, db_path: Path, reason: str, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    candidate = folder / f"{db_path.name}.{stamp}.{reason}{BACKUP_SUFFIX}"
    counter = 2
    while candidate.exists():
        candidate = folder / f"{db_path.name}.{stamp}-{counter}.{reason}{BACKUP_SUFFIX}"
        counter += 1
    return candidate


def _copy_checked(db_path: Path, target: Path) -> None:
    partial = _partial_file(target.parent)
    try:
        _online_copy(db_path, partial)
        _publish(partial, target)
    finally:
        _remove_with_journals(partial)


def _online_copy(db_path: Path, partial: Path) -> None:
    source, secret = _open(db_path)
    try:
        copy = _keyed_like(db_path, secret, partial)
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


def _remove_with_journals(partial: Path) -> None:
    """A temporary copy and whatever SQLite kept beside it: its rollback journal, or its -wal
    and -shm when the copy was still in WAL mode (the source's mode travels with the pages,
    and a full disk can stop the switch to DELETE)."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)


def _partial_file(folder: Path) -> Path:
    """An empty private file to write a copy into, named by this process (staging.py), so
    that ``sweep_partials`` knows it for a leftover once the process is dead."""
    handle, partial = staging.make_file(folder, staging.PARTIAL)
    os.close(handle)
    return partial


def sweep_partials(folder: Path) -> list[Path]:
    """Remove what killed backups and restores left in ``folder`` and in the attachment store
    beside it: the temporary copies (and their -journal) of processes no longer running."""
    removed = staging.sweep(folder, staging.PARTIAL) if folder.is_dir() else []
    store = folder / "attachments"
    for sub in store.glob("*/") if store.is_dir() else ():
        removed += staging.sweep(sub, staging.PARTIAL)
    return removed


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
    connection = _read_only(copy)
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
    ciphers: dict[Path, AttachmentCipher | None] = {}
    target_cipher = _store_cipher_for(db_path, store) if rows else None
    for sha256, suffix in rows:
        relative = Path(sha256[:2]) / f"{sha256}{suffix}"
        kept = store / relative
        if kept.exists():
            continue
        folder = next((s for s in sources if (s / relative).is_file()), None)
        if folder is None:
            continue  # missing from the live database too: nothing to keep
        if folder not in ciphers:
            ciphers[folder] = _cipher_of(folder, db_path)
        _private_folder(kept.parent)
        attachment_cipher.copy_attachment(folder / relative, ciphers[folder], kept, target_cipher)


def _cipher_of(folder: Path, db_path: Path) -> AttachmentCipher | None:
    """The cipher of an attachment folder of the database at ``db_path`` (None: plain)."""
    try:
        return attachment_cipher.folder_cipher(folder, encryption.secret_for(db_path))
    except encryption.NeedsPassword as exc:
        raise BackupError(f"附件文件夹 {folder} 已加密，需要输入数据库的密码。") from exc
    except encryption.WrongKey as exc:
        raise BackupError(
            f"附件文件夹 {folder} 是用另一个密码加密的，与数据库的密码不符。"
        ) from exc


def _store_cipher_for(db_path: Path, store: Path) -> AttachmentCipher | None:
    """How a copy's attachment store keeps files: as the live folder does (the same key, so
    links are possible), made so when the store is new; plain for a plain database."""
    secret = encryption.secret_for(db_path)
    has_meta = (store / attachment_cipher.ATTACHMENT_META).is_file()
    existing = _cipher_of(store, db_path) if has_meta else None
    if secret is None or existing is not None:
        return existing
    live = _cipher_of(attachments_dir(db_path), db_path)
    cipher = AttachmentCipher.create(secret, like=live)
    cipher.save(store)
    return cipher


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


# ---- keeping and pruning -------------------------------------------------------------------
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
DUE_AFTER = timedelta(days=1)


def backup_if_due(db_path: Path, *, now: datetime | None = None) -> Path | None:
    """The automatic backup at start: taken when the newest is older than a day, then the
    old ones pruned. Returns the new copy, or None when none was due."""
    now = now or datetime.now()
    backups = list_backups(db_path)
    if backups and now - backups[0].taken_at < DUE_AFTER:
        return None
    copy = take_backup(db_path, "daily", now=now)
    prune(db_path)
    return copy


def prune(db_path: Path) -> list[Path]:
    """Keep the newest backup of each of the last 7 days, 4 weeks and 12 months that have one
    (a grandfather-father-son rotation), remove the rest and the attachment files no kept
    backup refers to. Returns what was removed."""
    backups = list_backups(db_path)
    keep = {backups[0].path} if backups else set()
    for count, period in (
        (KEEP_DAILY, lambda t: t.date()),
        (KEEP_WEEKLY, lambda t: t.isocalendar()[:2]),
        (KEEP_MONTHLY, lambda t: (t.year, t.month)),
    ):
        seen: set = set()
        for item in backups:  # newest first: the first of a period is its newest
            key = period(item.taken_at)
            if key not in seen and len(seen) < count:
                seen.add(key)
                keep.add(item.path)
    removed = []
    for item in backups:
        if item.path not in keep:
            item.path.unlink(missing_ok=True)
            removed.append(item.path)
    store = backups_dir(db_path) / "attachments"
    if removed and store.is_dir():
        # every copy in the folder counts, not only this database's: two databases whose names
        # differ only in their suffix (支部.sqlite3, 支部.db) share the folder and its store
        try:
            wanted = {
                name
                for path in store.parent.glob(f"*{BACKUP_SUFFIX}")
                for name in _attachment_names(path)
            }
        except (BackupError, *encryption.driver_errors()):
            return removed  # a kept copy that cannot be read: every file stays
        for path in store.glob("*/*"):
            if path.name not in wanted:
                path.unlink(missing_ok=True)
                removed.append(path)
    return removed


def _attachment_names(copy: Path) -> list[str]:
    connection = _read_only(copy)
    try:
        if not connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'attachments'"
        ).fetchone():
            return []
        return [
            f"{sha}{suffix}"
            for sha, suffix in connection.execute("SELECT sha256, suffix FROM attachments")
        ]
    finally:
        connection.close()


# ---- looking inside and restoring ----------------------------------------------------------
@dataclass(frozen=True)
class BackupContents:
    revision: str
    members: int
    meetings: int
    talks: int


def describe(copy: Path, *, check: bool = True) -> BackupContents:
    """What a backup holds, read without changing it; BackupError when it is not a sound
    database of this program. ``check=False`` leaves out ``PRAGMA quick_check``, which reads
    every page: for listing many copies, or one just checked."""
    try:
        connection = _read_only(copy)
    except encryption.driver_errors() as exc:
        raise BackupError(f"无法打开备份文件 {copy}：{exc}") from exc
    try:
        if check and connection.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
            raise BackupError(f"备份文件 {copy.name} 已损坏（完整性检查未通过），不能用来恢复。")
        tables = {
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if not {"alembic_version", "members"} <= tables:
            raise BackupError(f"{copy.name} 不是本程序的数据库备份。")
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()

        def count(table: str) -> int:
            if table not in tables:
                return 0
            return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

        return BackupContents(revision, count("members"), count("meetings"), count("talks"))
    except encryption.driver_errors() as exc:
        raise BackupError(f"{copy.name} 不是可用的数据库备份（{exc}）。") from exc
    finally:
        connection.close()


def restore(db_path: Path, copy: Path, *, known_revisions: set[str]) -> Path | None:
    """Put the contents of ``copy`` into the database at ``db_path``.

    The copy is checked first; the current database is kept as a backup of its own
    ("before-restore", returned) unless it does not exist yet. The pages are written through
    SQLite's backup API into the live file, in one step that other connections see whole, and
    the attachment files the copy refers to are put back. A copy of an older schema is then
    upgraded when the program opens the database as usual.
    """
    contents = describe(copy)
    if contents.revision not in known_revisions:
        raise BackupError(
            f"备份 {copy.name} 由更新版本的程序创建（架构版本 {contents.revision}），"
            "请升级本程序后再恢复。"
        )
    kept, whole = None, False
    if db_path.exists():
        if _sound(db_path):
            kept = take_backup(db_path, "before-restore")
        else:  # a damaged database cannot be copied page by page: keep its bytes as they are
            kept, whole = _keep_damaged(db_path), True
    try:
        # the files first: adding files the live records do not use changes nothing
        _put_back_attachments(copy, db_path)
        if whole:
            _replace_whole(db_path, copy)
        else:
            _copy_pages_into(copy, db_path)
    except (OSError, encryption.WrongKey, *encryption.driver_errors()) as exc:
        raise BackupError(_worded(exc, db_path.parent) + "数据库没有被改动。") from exc
    return kept


def _live_secret(db_path: Path, copy_secret: Secret | None) -> Secret | None:
    """How the live database is (or will be) keyed: as it is when it holds anything, as the
    copy is when it is new or empty."""
    if db_path.exists() and db_path.stat().st_size > 0:
        if not encryption.may_be_encrypted(db_path):
            return None
        secret = encryption.secret_for(db_path)
        if secret is None:
            raise BackupError(f"数据库 {db_path.name} 已加密，需要输入密码才能恢复到其中。")
        return secret
    return copy_secret


def _copy_pages_into(copy: Path, db_path: Path) -> None:
    """The copy's pages into the live file through the backup API, in one step. SQLCipher
    copies pages only between files keyed alike: a copy keyed otherwise (plain into an
    encrypted database, another salt) is first exported into a temporary file keyed as the
    live one, and that is copied in."""
    source, copy_secret = _open(copy)
    temporary = None
    try:
        live_secret = _live_secret(db_path, copy_secret)
        live_exists = db_path.exists() and db_path.stat().st_size > 0
        salt = encryption.file_salt(db_path if live_exists else copy) if live_secret else None
        alike = (copy_secret is None and live_secret is None) or (
            copy_secret is not None
            and live_secret is not None
            and copy_secret.pragma_key(encryption.file_salt(copy)) == live_secret.pragma_key(salt)
        )
        if not alike:
            source.close()
            temporary = db_path.with_name(f".{db_path.name}.restore-{os.getpid()}")
            temporary.unlink(missing_ok=True)
            encryption.export(
                copy, temporary, source_key=copy_secret, target_key=live_secret, target_salt=salt
            )
            source = encryption.connect(temporary, key=live_secret, read_only=True)
        if live_secret is None:
            target = sqlite3.connect(db_path)
        else:
            target = encryption.connect(db_path, key=live_secret, salt=salt)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def _sound(db_path: Path) -> bool:
    try:
        connection = _read_only(db_path)
        try:
            return connection.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        finally:
            connection.close()
    except encryption.driver_errors():
        return False


def _keep_damaged(db_path: Path) -> Path:
    """The damaged file and its -wal, byte for byte, in the backups folder (named so that
    SQLite reads the -wal with it), for whoever tries to recover something from it later."""
    folder = backups_dir(db_path)
    try:
        _private_folder(folder)
        target = _unique_name(folder, db_path, "damaged", datetime.now())
        for suffix in ("", "-wal"):
            source = Path(f"{db_path}{suffix}")
            if source.exists():
                shutil.copyfile(source, f"{target}{suffix}")
                os.chmod(f"{target}{suffix}", 0o600)
    except OSError as exc:
        raise BackupError(_worded(exc, folder)) from exc
    return target


def _replace_whole(db_path: Path, copy: Path) -> None:
    """A checked copy of ``copy`` takes the damaged file's place; its -wal and -shm go (nobody
    has the database open: the window refuses a damaged one, the command takes its lock)."""
    partial = _partial_file(db_path.parent)
    try:
        _online_copy(copy, partial)
        for suffix in ("-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        os.replace(partial, db_path)
    finally:
        _remove_with_journals(partial)


def _put_back_attachments(copy: Path, db_path: Path) -> None:
    live = attachments_dir(db_path)
    stores = [copy.parent / "attachments", backups_dir(db_path) / "attachments"]
    names = _attachment_names(copy)
    if not names:
        return
    live_cipher = _live_store_cipher(copy, db_path, live)
    ciphers: dict[Path, AttachmentCipher | None] = {}
    for name in names:
        relative = Path(name[:2]) / name
        if (live / relative).exists():
            continue
        store = next((s for s in stores if (s / relative).is_file()), None)
        if store is None:
            continue
        if store not in ciphers:
            ciphers[store] = _store_cipher_of_copy(store, copy, db_path)
        attachment_cipher.copy_attachment(
            store / relative, ciphers[store], live / relative, live_cipher, link=False
        )


def _store_cipher_of_copy(store: Path, copy: Path, db_path: Path) -> AttachmentCipher | None:
    if not (store / attachment_cipher.ATTACHMENT_META).is_file():
        return None
    for secret in (encryption.secret_for(copy), encryption.secret_for(db_path)):
        if secret is not None:
            try:
                return AttachmentCipher.load(store, secret)
            except encryption.WrongKey:
                continue
    raise BackupError(f"备份的附件文件夹 {store} 已加密，当前的密码打不开它。")


def _live_store_cipher(copy: Path, db_path: Path, live: Path) -> AttachmentCipher | None:
    """How the live attachment folder keeps files after the restore: encrypted when the
    database is (or, new, will be) encrypted."""
    connection, copy_secret = _open(copy)
    connection.close()
    secret = _live_secret(db_path, copy_secret)
    if secret is None:
        return None
    if (live / attachment_cipher.ATTACHMENT_META).is_file():
        try:
            return AttachmentCipher.load(live, secret)
        except encryption.WrongKey as exc:
            raise BackupError(f"附件文件夹 {live} 是用另一个密码加密的。") from exc
    cipher = AttachmentCipher.create(secret)
    cipher.save(live)
    return cipher
