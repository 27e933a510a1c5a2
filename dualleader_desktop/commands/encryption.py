"""``dualleader encrypt`` and ``decrypt``: a database, its backups and attachment files turned
into encrypted ones (SQLCipher, AES-256-GCM) and back.

Everything is written beside the originals under temporary names first and checked (the same
rows in every table, ``integrity_check``, each attachment decrypting to its content hash);
only then are the backups and attachment files put in place, each original kept aside under
another name, and last the database file replaced. A failure before that last step puts every
original back and removes what was written: the database, its backups and attachments are
byte for byte as they were. Only after the database was replaced are the originals removed.

Backups are converted too: a plaintext copy of an encrypted database would defeat the purpose
(and an encrypted backup of a decrypted database could not be restored without its password).
The window's lock is taken first: a window open on the database is refused.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from contextlib import closing
from pathlib import Path

from dualleader_desktop.commands import window_lock
from dualleader_desktop.paths import attachments_dir, default_db_path
from dualleader_desktop.storage import attachment_cipher, encryption
from dualleader_desktop.storage.attachment_cipher import AttachmentCipher
from dualleader_desktop.storage.backup import BackupError, backups_dir
from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.encryption import Secret
from dualleader_desktop.storage.errors import DatabaseError, WrongPassword
from dualleader_desktop.storage.file_checks import (
    backup_candidates,
    check_password,
    encrypted_unavailable_message,
)

_STORED = re.compile(r"[0-9a-f]{64}(\.[^/\\]{1,15})?")
_CHUNK = 1024 * 1024


class ConversionError(Exception):
    """The conversion stopped; the message (Chinese) says why. Nothing was changed."""


def encrypt(args) -> int:
    path = default_db_path(args.db)
    if not encryption.available():
        print(
            f"{encryption.MISSING_MESSAGE}数据库 {path} 保持未加密。"
            "需要加密时，请在 Windows 或 Linux x86_64 电脑上安装本程序后运行 dualleader encrypt。",
            file=sys.stderr,
        )
        return 1
    problem = _refuse_file(path)
    if problem is None and encryption.may_be_encrypted(path):
        problem = f"数据库 {path} 已经是加密的。要换密码，请先 dualleader decrypt 再加密。"
    if problem is not None:
        print(problem, file=sys.stderr)
        return 1
    return _locked(path, lambda: _encrypt(path))


def decrypt(args) -> int:
    path = default_db_path(args.db)
    problem = _refuse_file(path)
    if problem is None and not encryption.may_be_encrypted(path):
        problem = f"数据库 {path} 没有加密，不需要解密。"
    if problem is None and not encryption.available():
        problem = encrypted_unavailable_message(path)
    if problem is not None:
        print(problem, file=sys.stderr)
        return 1
    return _locked(path, lambda: _decrypt(path))


def _refuse_file(path: Path) -> str | None:
    if not path.is_file() or path.stat().st_size == 0:
        return f"找不到数据库 {path}，请用 --db 指定本支部的数据库文件。"
    sharing = [
        p
        for p in path.parent.iterdir()
        if p.stem == path.stem and p.name != path.name and p.is_file()
        if encryption.is_database_file(p)
    ]
    if sharing:
        return (
            f"数据库 {path.name} 与同一文件夹中的 {sharing[0].name} 共用附件和备份文件夹"
            f"（{attachments_dir(path).name}），不能只加密或解密其中一个。"
            "请先把其中一个数据库改名（连同它的文件夹）后再试。"
        )
    return None


def _locked(path: Path, work) -> int:
    try:
        with window_lock(path, "加密或解密"):
            return work()
    except (ConversionError, DatabaseError, BackupError) as exc:
        print(str(exc), file=sys.stderr)
        return 1


# ---- passwords -------------------------------------------------------------------------------


def _read_line(prompt: str) -> str:
    """A password: typed without echo at a terminal, else one line of standard input (for
    scripts and tests)."""
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        try:
            return getpass.getpass(prompt)
        except (EOFError, KeyboardInterrupt):
            return ""
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.rstrip("\r\n")


def _new_password() -> str:
    password = _read_line("请设置数据库密码（至少 8 个字符）：")
    if len(password) < encryption.MIN_PASSWORD_LENGTH:
        raise ConversionError(
            f"密码太短：至少要 {encryption.MIN_PASSWORD_LENGTH} 个字符。数据库没有加密。"
        )
    if sys.stdin is not None and sys.stdin.isatty():
        again = _read_line("请再输入一次密码：")
        if again != password:
            raise ConversionError("两次输入的密码不一致。数据库没有加密。")
    return password


# ---- encrypt and decrypt ---------------------------------------------------------------------


def _encrypt(path: Path) -> int:
    Database.open_file(path).dispose()  # its owner, health and schema checked; WAL written back
    secret = Secret(_new_password())
    conversion = _Conversion(path, source=None, target=secret)
    done = conversion.run()
    print(f"已加密数据库：{path}")
    print(f"  同时加密了备份 {done.backups} 份、附件文件 {done.attachments} 个。")
    print(
        "  请牢记密码：忘记密码将无法打开数据库，也无法从这些备份恢复。"
        "以后用 --out 备份到别处的副本同样是加密的。"
    )
    if done.elsewhere:
        print(f"  注意：{done.elsewhere}")
    return 0


def _decrypt(path: Path) -> int:
    secret = Secret(_read_line(f"数据库 {path.name} 的密码："))
    try:
        check_password(path, secret)
    except encryption.WrongKey as exc:
        raise WrongPassword(
            f"密码不正确，无法解密数据库 {path}。数据库保持加密，没有任何改动。"
        ) from exc
    Database.open_file(path, password=secret.password).dispose()
    encryption.register(path, secret)
    try:
        done = _Conversion(path, source=secret, target=None).run()
    finally:
        encryption.unregister(path, secret)
    print(f"已解密数据库：{path}")
    print(f"  同时解密了备份 {done.backups} 份、附件文件 {done.attachments} 个。")
    print("  数据库和附件现在以明文保存在磁盘上，请注意保管这台电脑和备份。")
    return 0


class _Done:
    def __init__(self) -> None:
        self.backups = 0
        self.attachments = 0
        self.elsewhere = ""


class _Conversion:
    """One database with its backups and attachment stores, from ``source`` keying (None:
    plain) to ``target`` keying."""

    def __init__(self, path: Path, *, source: Secret | None, target: Secret | None) -> None:
        self.path = path
        self.source, self.target = source, target
        self.tag = f"{'encrypting' if target else 'decrypting'}-{os.getpid()}"
        # one salt for the database and its backups: pages copy between them (a restore) and
        # the key is derived once
        self.salt = os.urandom(encryption.SALT_BYTES) if target else None
        self.staged: list[tuple[Path, Path]] = []  # (written beside, its final name)
        self.metas: list[tuple[Path, AttachmentCipher | None]] = []  # store, its new keying
        self.done = _Done()

    def run(self) -> _Done:
        self._refuse_if_in_use()
        database_temp = self._temp_for(self.path)
        committed: list[tuple[Path, Path]] = []
        metas_written: list[tuple[Path, bytes | None]] = []
        try:
            self._convert_database(self.path, database_temp)
            for copy in backup_candidates(self.path):
                if self._convert_backup(copy):
                    self.done.backups += 1
            for store in (attachments_dir(self.path), backups_dir(self.path) / "attachments"):
                self._convert_store(store)
            # nothing of the user's has changed so far; now the backups and files, originals
            # aside, and the database last
            for temp, final in self.staged:
                aside = self._aside(final)
                os.replace(final, aside)
                committed.append((aside, final))
                os.replace(temp, final)
            for store, cipher in self.metas:
                meta = store / attachment_cipher.ATTACHMENT_META
                metas_written.append((meta, meta.read_bytes() if meta.exists() else None))
                if cipher is None:
                    meta.unlink()
                else:
                    cipher.save(store)
            self._replace_database(database_temp)
        except BaseException as exc:
            for meta, before in reversed(metas_written):
                if before is None:
                    meta.unlink(missing_ok=True)
                else:
                    meta.write_bytes(before)
            for aside, final in reversed(committed):
                os.replace(aside, final)
            for temp, _final in self.staged:
                temp.unlink(missing_ok=True)
            database_temp.unlink(missing_ok=True)
            if isinstance(exc, OSError):
                raise ConversionError(
                    f"{self._verb}中断：{exc.strerror or exc}（{exc.filename}）。"
                    "数据库、备份和附件都保持原样。"
                ) from exc
            raise
        for aside, _final in committed:
            aside.unlink(missing_ok=True)
        return self.done

    @property
    def _verb(self) -> str:
        return "加密" if self.target else "解密"

    def _temp_for(self, final: Path) -> Path:
        return final.with_name(f".{final.name}.{self.tag}")

    def _aside(self, final: Path) -> Path:
        return final.with_name(f".{final.name}.{self.tag}-original")

    # -- database files

    def _convert_database(self, source: Path, temp: Path) -> None:
        temp.unlink(missing_ok=True)
        # read as it is on disk, leaving no -wal and -shm beside it (a -wal there means
        # another program has it open: refused before this)
        immutable = not Path(f"{source}-wal").exists()
        try:
            encryption.export(
                source,
                temp,
                source_key=self.source,
                target_key=self.target,
                target_salt=self.salt,
                immutable=immutable,
            )
            before = _counts(source, self.source, immutable)
            after = _counts(temp, self.target, True)
        except (encryption.WrongKey, *encryption.driver_errors()) as exc:
            temp.unlink(missing_ok=True)
            hint = (
                ""
                if source == self.path
                else "如果它是一份损坏或不再需要的备份，可以把它移出备份文件夹后再试。"
            )
            raise ConversionError(
                f"无法{self._verb} {source.name}（{exc}）。数据库、备份和附件都保持原样。{hint}"
            ) from exc
        if before != after:
            temp.unlink(missing_ok=True)
            raise ConversionError(
                f"{self._verb}后的 {source.name} 与原文件的记录数不一致，已放弃。"
                "数据库、备份和附件都保持原样。请把这条消息告诉维护人员。"
            )

    def _convert_backup(self, copy: Path) -> bool:
        encrypted = encryption.may_be_encrypted(copy)
        if encrypted == (self.target is not None):
            return False  # already as wanted
        if not encrypted and not encryption.is_plain_sqlite(copy):
            return False  # not a database
        temp = self._temp_for(copy)
        self._convert_database(copy, temp)
        self.staged.append((temp, copy))
        return True

    def _refuse_if_in_use(self) -> None:
        """The -wal was written back when the database was last closed; one still there means
        another program has it open now, and the conversion stops (its writes would be lost,
        and its -wal would be read as part of the new file)."""
        if Path(f"{self.path}-wal").exists():
            raise ConversionError(
                f"数据库 {self.path} 正被另一个程序（如另一个命令行工具）使用。"
                f"请等它结束后再{self._verb}。数据库、备份和附件都保持原样。"
            )

    def _replace_database(self, temp: Path) -> None:
        """The converted file takes the database's place."""
        self._refuse_if_in_use()
        with open(temp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(temp, self.path)
        for suffix in ("-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    # -- attachment files

    def _convert_store(self, store: Path) -> None:
        if not store.is_dir():
            if self.target is not None and store == attachments_dir(self.path):
                self.metas.append((store, AttachmentCipher.create(self.target)))
            return
        try:
            current = attachment_cipher.folder_cipher(store, self.source)
        except (encryption.WrongKey, encryption.NeedsPassword) as exc:
            raise ConversionError(
                f"附件文件夹 {store} 是用另一个密码加密的，无法{self._verb}。"
                "数据库、备份和附件都保持原样。"
            ) from exc
        if self.target is not None and current is not None:
            raise ConversionError(f"附件文件夹 {store} 已经加密。数据库、备份和附件都保持原样。")
        wanted = self._store_cipher()
        for file in _stored_files(store):
            temp = self._temp_for(file)
            temp.unlink(missing_ok=True)
            attachment_cipher.copy_attachment(file, current, temp, wanted, link=False)
            _check_attachment(temp, wanted, file.name)
            self.staged.append((temp, file))
            self.done.attachments += 1
        self.metas.append((store, wanted))

    def _store_cipher(self) -> AttachmentCipher | None:
        """One key for the live folder and the backups' store: their files stay links."""
        if self.target is None:
            return None
        if not hasattr(self, "_cipher"):
            self._cipher = AttachmentCipher.create(self.target)
        return self._cipher


def _stored_files(store: Path):
    """The files the store keeps (and those of deleted records kept in its trash)."""
    for top, folders, files in os.walk(store):
        folders[:] = [f for f in folders if not f.startswith(".")]
        for name in files:
            if _STORED.fullmatch(name):
                yield Path(top) / name


def _check_attachment(temp: Path, cipher: AttachmentCipher | None, name: str) -> None:
    """The converted file gives back the content its name is the hash of."""
    digest = hashlib.sha256()

    class _Hasher:
        def write(self, data: bytes) -> None:
            digest.update(data)

    with open(temp, "rb") as reader:
        if cipher is None:
            while chunk := reader.read(_CHUNK):
                digest.update(chunk)
        else:
            cipher.decrypt_stream(reader, _Hasher())
    if digest.hexdigest() != name[:64]:
        raise ConversionError(
            f"附件 {name} 的内容与它的校验值不符（文件可能已损坏），已放弃。"
            "数据库、备份和附件都保持原样。"
        )


def _counts(path: Path, secret: Secret | None, immutable: bool) -> dict[str, int]:
    """The rows of every table (shadow tables of the search index included)."""
    connection = encryption.connect(path, key=secret, read_only=True, immutable=immutable)
    with closing(connection):
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND rootpage > 0"
            )
        ]
        return {
            table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            for table in tables
        }
