"""The checks made on a database file before it is opened (steps 2–4 of storage/database.py),
and the password of an encrypted one: standard library and storage/encryption.py only.

2. The format: a file that does not start with SQLite's header is not touched.
3. Whose it is: ``PRAGMA application_id`` = ``APPLICATION_ID``, or (files written before the
   mark existed) no id, our tables and a 4-digit revision; another program's file is refused
   without a byte of it changed. Read-only, with ``immutable=1`` when a WAL file has no
   ``-wal`` beside it, so not even an empty ``-wal``/``-shm`` is left behind.
4. Its health: ``PRAGMA quick_check``; a damaged file is refused, naming the newest backup that
   passes the same check and how to restore it.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

from dualleader_desktop.storage import encryption
from dualleader_desktop.storage.database_file import APPLICATION_ID, SQLITE_HEADER
from dualleader_desktop.storage.encryption import Secret
from dualleader_desktop.storage.errors import (
    DatabaseError,
    PasswordRequired,
    WrongPassword,
    friendly_message,
    os_error_message,
)

SQLITE_CORRUPT, SQLITE_NOTADB = 11, 26
OUR_TABLES = frozenset({"alembic_version", "members", "branch"})
OUR_REVISION = re.compile(r"\d{4}")


class DamagedFile(DatabaseError):
    """SQLite found the file damaged; ``open_file`` words it, with the newest good backup."""


# --- the password of an encrypted database -----------------------------------------------------


def unlock(path: Path, password: str | None) -> Secret | None:
    """None for a plain (or empty, or non-SQLite) file; for an SQLCipher one the password
    proven against it: ``password``, else the one registered for the file."""
    if not encryption.may_be_encrypted(path):
        return None
    if not encryption.available():
        raise DatabaseError(encrypted_unavailable_message(path))
    if password is None:
        secret = encryption.secret_for(path)
        if secret is None:
            raise PasswordRequired(
                f"数据库 {path} 已加密，需要输入密码才能打开。"
                f"（命令行工具可以从环境变量 {encryption.PASSWORD_ENV_VAR} 读取密码。）"
            )
    else:
        secret = Secret(password)
    try:
        check_password(path, secret)
    except encryption.WrongKey as exc:
        raise WrongPassword(
            f"密码不正确，无法打开加密的数据库 {path}。请重新输入。"
            "（若确信密码无误，文件可能已损坏，请从备份恢复。）"
        ) from exc
    return secret


def check_password(path: Path, secret: Secret) -> None:
    """``WrongKey`` unless ``secret`` opens the encrypted file at ``path``."""
    immutable = not sidecar(path, "-wal").exists()
    try:
        with closing(encryption.connect(path, key=secret, read_only=True, immutable=immutable)):
            pass
    except encryption.WrongKey:
        raise
    except encryption.driver_errors() as exc:
        raise DatabaseError(friendly_message(exc)) from exc


def encrypted_unavailable_message(path: Path) -> str:
    return (
        f"数据库 {path} 已加密，但{encryption.MISSING_MESSAGE}"
        "请在装有加密组件的电脑（Windows 或 Linux x86_64）上打开它，或在那里用 "
        "dualleader decrypt 解密后再复制到这台电脑。"
    )


# --- steps 2 and 3: the format and the owner ---------------------------------------------------


def _read_header(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(100)
    except OSError as exc:
        raise DatabaseError(os_error_message(f"读取 {path} 时", exc)) from exc


def probe_owner(path: Path, secret: Secret | None = None) -> tuple[bool, bool]:
    """(marked as ours, empty); refuses a file that is not SQLite or is another program's.
    An encrypted file's header is encrypted too: it is read through a connection."""
    if secret is not None:
        return _probe_connection(path, secret, immutable=not sidecar(path, "-wal").exists())
    header = _read_header(path)
    if not header:
        return False, True  # SQLite's own reading of an empty file: a new database
    if not header.startswith(SQLITE_HEADER):
        raise DatabaseError(
            f"{path} 不是本程序的数据库文件（不是 SQLite 格式），程序没有改动它。"
            "请用 --db 指定正确的文件。"
        )
    if len(header) < 100:
        raise DamagedFile("文件头不完整")
    application_id = int.from_bytes(header[68:72], "big")
    if application_id == APPLICATION_ID:
        return True, False
    if application_id != 0:
        raise DatabaseError(_foreign_message(path))
    wal_mode = header[18:20] == b"\x02\x02"
    return _probe_connection(path, None, immutable=wal_mode and not sidecar(path, "-wal").exists())


def _probe_connection(path: Path, secret: Secret | None, *, immutable: bool) -> tuple[bool, bool]:
    try:
        with closing(
            encryption.connect(path, key=secret, read_only=True, immutable=immutable)
        ) as conn:
            # the page 1 in a -wal not yet copied back may hold a newer mark than the header
            if conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID:
                return True, False
            tables = {
                row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not tables:
                return False, True
            if not OUR_TABLES.issubset(tables):
                raise DatabaseError(_foreign_message(path))
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except encryption.driver_errors() as exc:
        raise sqlite_error(exc) from exc
    if not revision or not OUR_REVISION.fullmatch(str(revision[0])):
        raise DatabaseError(_foreign_message(path))
    return False, False


def _foreign_message(path: Path) -> str:
    return (
        f"{path} 是另一个程序的 SQLite 数据库，不是本程序的数据库。为免损坏其中的数据，"
        "程序没有打开它，也没有做任何改动。请用 --db 指定本支部的数据库文件，"
        "或指定一个新的文件名来新建数据库。"
    )


def sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _is_corruption(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB)
    message = str(exc).lower()
    return "malformed" in message or "not a database" in message


def sqlite_error(exc: sqlite3.Error) -> DatabaseError:
    return DamagedFile(str(exc)) if _is_corruption(exc) else DatabaseError(friendly_message(exc))


# --- step 4: its health ------------------------------------------------------------------------


def quick_check(path: Path, secret: Secret | None = None) -> str | None:
    """None when ``PRAGMA quick_check`` finds the file sound, else its first finding. An
    encrypted file is read with ``secret`` or the password registered for it."""
    try:
        with closing(encryption.connect_any(path, key=secret, read_only=True)) as conn:
            rows = conn.execute("PRAGMA quick_check").fetchall()
    except encryption.driver_errors() as exc:
        if _is_corruption(exc):
            return str(exc)
        raise
    if rows == [("ok",)]:
        return None
    # one row may hold several findings, one a line, under a "*** in database main ***" heading
    findings = [
        line for row in rows for line in str(row[0]).splitlines() if not line.startswith("***")
    ]
    more = f"，共 {len(findings)} 处问题" if len(findings) > 1 else ""
    return (findings[0] if findings else str(rows[0][0])) + more


def quick_check_or_refuse(path: Path, secret: Secret | None = None) -> None:
    try:
        problem = quick_check(path, secret)
    except encryption.driver_errors() as exc:
        raise DatabaseError(friendly_message(exc)) from exc
    if problem is not None:
        raise DamagedFile(problem)


def backup_candidates(path: Path) -> list[Path]:
    """Backups of ``path``, newest first by modification time: those in its backups folder
    (storage/backup.py) and the older ones beside it (``<name>.before-upgrade-*.bak``, and any
    ``<name>*.bak`` a person made)."""
    from dualleader_desktop.storage.backup import list_backups

    found = {item.path for item in list_backups(path)}
    found |= {p for p in path.parent.glob(f"{_glob_escape(path.name)}*.bak") if p.is_file()}
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def _glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def newest_good_backup(path: Path) -> Path | None:
    """The newest backup beside ``path`` that is SQLite, ours and passes quick_check (an
    encrypted one: with the password registered for the database)."""
    for candidate in backup_candidates(path):
        try:
            secret = None
            if encryption.may_be_encrypted(candidate):
                secret = encryption.secret_for(candidate)
                if secret is None:
                    continue
                check_password(candidate, secret)
            else:
                header = _read_header(candidate)
                if not header.startswith(SQLITE_HEADER) or len(header) < 100:
                    continue
            probe_owner(candidate, secret)
            if quick_check(candidate, secret) is None:
                return candidate
        except (DatabaseError, OSError, encryption.WrongKey, *encryption.driver_errors()):
            continue
    return None


def damaged_message(path: Path, problem: str) -> str:
    lines = [
        f"数据库文件已损坏：{path}",
        f"（SQLite 完整性检查：{problem}）",
        "为免损坏扩大，程序没有打开它，也没有做任何改动。",
    ]
    backup = newest_good_backup(path)
    if backup is not None:
        when = datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        lines.append(
            f"最新的完好备份是 {backup}（{when}），可以用 dualleader restore {_quoted(backup)} 恢复。"
        )
    else:
        lines.append(
            f"在 {path.parent} 中没有找到此数据库的完好备份（{path.name}*.bak）。请先把损坏的"
            "文件复制一份保存，再请技术人员尝试修复（例如 sqlite3 的 .recover 命令）。"
        )
    return "\n".join(lines)


def _quoted(path: Path) -> str:
    value = str(path)
    return f'"{value}"' if any(ch.isspace() for ch in value) else value
