"""Encryption at rest: SQLCipher for the database file, AES-256-GCM for its attachment files.

Optional. ``sqlcipher3`` has wheels for Linux x86_64 and Windows amd64 only; where it is
missing a plain database works as always and only an encrypted one cannot be opened
(``EncryptionUnavailable`` says what is needed). It is imported only when a file is not plain
SQLite, so a plain database never pays for it.

**Database files.** Every raw connection the program makes (owner probe, quick_check, backups,
restore, describe) comes from ``connect``: stdlib ``sqlite3`` for a plain file, ``sqlcipher3``
with ``PRAGMA key`` first for an encrypted one, then a probe that tells a wrong password
("file is not a database") from a sound file. SQLCipher 4 derives the page key from the password
and the file's 16-byte salt (its first bytes) with PBKDF2-HMAC-SHA512, 256 000 iterations —
0.2–0.3 s, paid on every connection that is given the password. ``Secret`` derives it once per
salt with the same parameters and hands SQLCipher the raw key with its salt
(``PRAGMA key = "x'<key><salt>'"``): later connections open in under a millisecond, and a copy
written through a connection keyed that way keeps the salt, so it opens with the password too.

**Attachment files** of an encrypted database are encrypted by storage/attachment_cipher.py.

**Which password goes with which file.** When a password has been proven for a database
(``Database.open_file``, the command line), it is registered here (``register``) for that
file, its attachment folder and its backups; the code that copies or reads those files
(backups taken during an upgrade, the services' attachment stores, the description of a
backup) looks it up with ``secret_for`` rather than every signature on the way carrying it,
so no caller can forget it and write a plaintext copy of an encrypted database.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import threading
from pathlib import Path

from dualleader_desktop.storage.database_file import SQLITE_HEADER

PAGE_SIZE = 4096  # SQLCipher 4's default page size: an encrypted file is a whole number of them
SALT_BYTES = 16
# SQLCipher 4's defaults, which our files are written with
KDF_ALGORITHM, KDF_ITERATIONS, KEY_BYTES = "sha512", 256_000, 32
MIN_PASSWORD_LENGTH = 8
PASSWORD_ENV_VAR = "DUALLEADER_PASSWORD"
BUSY_TIMEOUT_S = 5.0

MISSING_MESSAGE = (
    "本机的安装不含数据库加密组件（sqlcipher3）：在 Linux ARM（aarch64，如部分麒麟电脑）等"
    "平台上它没有现成的安装包。"
)


class EncryptionUnavailable(RuntimeError):
    """sqlcipher3 (or cryptography) is not installed here; the message says so in Chinese."""


class WrongKey(ValueError):
    """The password does not open the file (or the file is damaged beyond telling)."""


class NeedsPassword(ValueError):
    """The file is encrypted and no password for it is known."""


def cipher_module():
    try:
        import sqlcipher3
    except ImportError as exc:
        raise EncryptionUnavailable(MISSING_MESSAGE) from exc
    return sqlcipher3


def available() -> bool:
    try:
        cipher_module()
    except EncryptionUnavailable:
        return False
    return True


def driver_errors() -> tuple[type[Exception], ...]:
    """The DB-API error classes a connection from ``connect`` may raise."""
    try:
        import sqlcipher3
    except ImportError:
        return (sqlite3.Error,)
    return (sqlite3.Error, sqlcipher3.Error)


class Secret:
    """A database password and what is derived from it, each derived once."""

    __slots__ = ("_attachment_keys", "_lock", "_page_keys", "password")

    def __init__(self, password: str) -> None:
        self.password = password
        self._page_keys: dict[bytes, str] = {}
        self._attachment_keys: dict[tuple, bytes] = {}
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return "Secret(…)"

    def pragma_key(self, salt: bytes) -> str:
        """The value for ``PRAGMA key``: SQLCipher's raw key with its salt, as SQLCipher 4
        derives it from the password and the file's salt."""
        with self._lock:
            if salt not in self._page_keys:
                key = hashlib.pbkdf2_hmac(
                    KDF_ALGORITHM, self.password.encode("utf-8"), salt, KDF_ITERATIONS, KEY_BYTES
                )
                self._page_keys[salt] = f"x'{key.hex()}{salt.hex()}'"
            return self._page_keys[salt]

    def attachment_key(self, salt: bytes, n: int, r: int, p: int) -> bytes:
        with self._lock:
            params = (salt, n, r, p)
            if params not in self._attachment_keys:
                self._attachment_keys[params] = hashlib.scrypt(
                    self.password.encode("utf-8"),
                    salt=salt,
                    n=n,
                    r=r,
                    p=p,
                    maxmem=256 * 1024 * 1024,
                    dklen=32,
                )
            return self._attachment_keys[params]


# ---- which file is what ----------------------------------------------------------------------


def header(path: Path, size: int = 16) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(size)


def is_plain_sqlite(path: Path) -> bool:
    """Whether the file starts with SQLite's 16-byte header."""
    try:
        return header(path) == SQLITE_HEADER
    except OSError:
        return False


def may_be_encrypted(path: Path) -> bool:
    """Whether the file could be an SQLCipher database: not plain SQLite, not empty, and a
    whole number of pages (any other file, a Word document given as --db, is not one)."""
    try:
        info = os.stat(path)
    except OSError:
        return False
    size = info.st_size
    return (
        stat.S_ISREG(info.st_mode)
        and size >= PAGE_SIZE
        and size % PAGE_SIZE == 0
        and not is_plain_sqlite(path)
    )


def is_database_file(path: Path) -> bool:
    """A plain or encrypted SQLite database file (not its -wal, -shm or -journal)."""
    name = Path(path).name
    if name.endswith(("-wal", "-shm", "-journal")):
        return False
    return is_plain_sqlite(path) or may_be_encrypted(path)


def file_salt(path: Path) -> bytes:
    return header(path, SALT_BYTES)


# ---- connections -----------------------------------------------------------------------------


def connect(
    path: Path,
    *,
    key: Secret | None = None,
    read_only: bool = False,
    immutable: bool = False,
    salt: bytes | None = None,
):
    """A DB-API connection to ``path``: stdlib sqlite3 without ``key``, SQLCipher with it.

    With a key the password is proven at once (``WrongKey`` when it does not open the file).
    ``salt`` is for a new file (a copy being written): the one its source has, so the copy
    opens with the same password and pages can be copied between the two. The URI of a
    read-only connection is built from the path with ?, # and % escaped."""
    path = Path(path)
    target: str = str(path)
    if read_only:
        target = path.absolute().as_uri() + "?mode=ro" + ("&immutable=1" if immutable else "")
    if key is None:
        return sqlite3.connect(target, uri=read_only, timeout=BUSY_TIMEOUT_S)
    module = cipher_module()
    if salt is None:
        existing = path.exists() and path.stat().st_size >= SALT_BYTES
        salt = file_salt(path) if existing else os.urandom(SALT_BYTES)
    connection = module.connect(target, uri=read_only, timeout=BUSY_TIMEOUT_S)
    try:
        _quiet(connection)
        connection.execute(f'PRAGMA key = "{key.pragma_key(salt)}"')
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except module.DatabaseError as exc:
        connection.close()
        if "not a database" in str(exc).lower():
            raise WrongKey(str(exc)) from exc
        raise
    except BaseException:
        connection.close()
        raise
    return connection


def _quiet(connection) -> None:
    """SQLCipher writes its warnings ("hmac check failed for pgno=1" for a wrong password) to
    stderr, in English, under our Chinese message; we say what happened ourselves."""
    connection.execute("PRAGMA cipher_log_level = NONE")


def connect_any(path: Path, *, key: Secret | None = None, **options):
    """``connect`` with the key this file needs: none for plain SQLite, else ``key`` or the
    password registered for it (``NeedsPassword`` when none is known)."""
    path = Path(path)
    if is_plain_sqlite(path) or not may_be_encrypted(path):
        return connect(path, **options)
    secret = key or secret_for(path)
    if secret is None:
        raise NeedsPassword(str(path))
    return connect(path, key=secret, **options)


# ---- copies between plain and encrypted ------------------------------------------------------


def _attach_uri(path: Path, immutable: bool = False) -> str:
    return path.absolute().as_uri() + "?mode=ro" + ("&immutable=1" if immutable else "")


def export(
    source: Path,
    target: Path,
    *,
    source_key: Secret | None,
    target_key: Secret | None,
    target_salt: bytes | None = None,
    immutable: bool = False,
) -> None:
    """Write a new file ``target`` with the contents of ``source`` (read only), encrypted with
    ``target_key`` or plain: SQLCipher's ``sqlcipher_export``, then the header fields it does
    not copy (``user_version``, ``application_id``). ``target`` must not exist. ``immutable``
    reads a WAL database without a -wal beside it without leaving a -wal and -shm there."""
    module = cipher_module()
    source, target = Path(source), Path(target)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    connection = module.connect(str(target), uri=True, timeout=BUSY_TIMEOUT_S)
    try:
        _quiet(connection)
        if target_key is not None:
            salt = target_salt or os.urandom(SALT_BYTES)
            connection.execute(f'PRAGMA key = "{target_key.pragma_key(salt)}"')
        source_pragma = (
            "''" if source_key is None else f'"{source_key.pragma_key(file_salt(source))}"'
        )
        connection.execute(
            f"ATTACH DATABASE ? AS source KEY {source_pragma}", (_attach_uri(source, immutable),)
        )
        try:
            connection.execute("SELECT count(*) FROM source.sqlite_master").fetchone()
        except module.DatabaseError as exc:
            raise WrongKey(str(exc)) from exc
        connection.execute("SELECT sqlcipher_export('main', 'source')")
        for field in ("user_version", "application_id"):
            value = int(connection.execute(f"PRAGMA source.{field}").fetchone()[0])
            connection.execute(f"PRAGMA main.{field} = {value}")
        connection.commit()
        connection.execute("DETACH DATABASE source")
        problems = connection.execute("PRAGMA integrity_check").fetchall()
        if problems != [("ok",)]:
            raise module.DatabaseError(f"integrity_check: {problems[0][0]}")
    finally:
        connection.close()
    with open(target, "rb+") as fh:
        os.fsync(fh.fileno())


def encrypt_file(src: Path, dst: Path, key: Secret, *, salt: bytes | None = None) -> None:
    """An encrypted copy ``dst`` (new) of the plain database ``src``."""
    export(src, dst, source_key=None, target_key=key, target_salt=salt)


def decrypt_file(src: Path, dst: Path, key: Secret) -> None:
    """A plain copy ``dst`` (new) of the encrypted database ``src``."""
    export(src, dst, source_key=key, target_key=None)


# ---- which password goes with which file -----------------------------------------------------

_registry: dict[Path, Secret] = {}
_registry_lock = threading.Lock()


def _key_path(path: Path) -> Path:
    return Path(os.path.abspath(path))


def register(db_path: Path, secret: Secret) -> None:
    """Remember ``secret`` for the database at ``db_path``, its attachments and backups."""
    with _registry_lock:
        _registry[_key_path(db_path)] = secret


def unregister(db_path: Path, secret: Secret | None = None) -> None:
    with _registry_lock:
        key = _key_path(db_path)
        if secret is None or _registry.get(key) is secret:
            _registry.pop(key, None)


def forget_all() -> None:
    """Forget every password proven in this process (the command line, when it is done)."""
    with _registry_lock:
        _registry.clear()


def secret_for(path: Path) -> Secret | None:
    """The password registered for this database file, one of its backups (in its backups
    folder) or one of its attachment folders; None when there is none."""
    from dualleader_desktop.paths import attachments_dir

    path = _key_path(path)
    with _registry_lock:
        items = list(_registry.items())
    for db_path, secret in items:
        backups = db_path.parent / f"{db_path.stem}-backups"
        if path in (db_path, attachments_dir(db_path), backups / "attachments"):
            return secret
        if path.parent == backups:
            return secret
    return None


def registered_secrets() -> list[Secret]:
    """Every password proven in this process (for a backup chosen from elsewhere)."""
    with _registry_lock:
        unique = {id(s): s for s in _registry.values()}
    return list(unique.values())
