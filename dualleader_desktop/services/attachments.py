"""Attachments kept once under their content hash, shared by every record that uses them.

Files live in ``<database name>-attachments/<2 hex>/<sha256><suffix>`` beside the database, so a
database moved with its folder keeps its files. A file is copied to a temporary name while it is hashed and
renamed into place only when complete. A stored file is deleted only when no record links to it.
The folders are made private to their owner (0700, files 0600 on POSIX): they hold members'
papers. A save killed between copying its files and committing leaves files no row refers to;
``AttachmentService.sweep_orphans`` removes them once they are a day old.

The folder of an encrypted database keeps each file AES-256-GCM encrypted (storage/encryption.py),
under the SHA-256 of its plain content as before; the rows do not change. Read stored files
through ``read_bytes`` or ``plain_copy`` (a private temporary copy for opening in another program),
never through ``AttachmentInfo.path`` directly: that is the stored, possibly encrypted, file.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import logging
import os
import shutil
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from dualleader_desktop.domain.attachments import AttachmentInfo
from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.services.scope import branch_of, writing_branch
from dualleader_desktop.storage import attachment_cipher, encryption
from dualleader_desktop.storage.attachment_cipher import AttachmentCipher
from dualleader_desktop.storage.encryption import Secret
from dualleader_desktop.storage.records_models import Attachment, AttachmentLink

MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024
_CHUNK = 1024 * 1024
_PRIVATE_DIR = 0o700  # files come from mkstemp, which makes them 0600
_INCOMING = ".incoming-"
_HEX = frozenset("0123456789abcdef")

log = logging.getLogger(__name__)


class AttachmentStore:
    """One database's attachment folder. ``secret`` is the database's password when it is
    encrypted; without it the one registered for the folder is used (storage/encryption.py),
    so a store made by a service of an encrypted database never writes a plain file."""

    def __init__(self, root: Path, secret: Secret | None = None) -> None:
        self.root = root
        self._secret = secret
        self._cipher: AttachmentCipher | None = None

    def cipher(self, *, create: bool = True) -> AttachmentCipher | None:
        """The folder's key: None for a plain database's folder; made (with its
        ``.encryption.json``) for an encrypted database's new folder when ``create``."""
        if self._cipher is not None:
            return self._cipher
        secret = self._secret or encryption.secret_for(self.root)
        try:
            cipher = attachment_cipher.folder_cipher(self.root, secret)
        except encryption.NeedsPassword as exc:
            raise ServiceError(
                "附件已加密，需要数据库的密码才能读写。请重新打开数据库并输入密码。"
            ) from exc
        except encryption.WrongKey as exc:
            raise ServiceError(
                f"附件文件夹 {self.root} 是用另一个密码加密的，与数据库的密码不符。"
            ) from exc
        except (OSError, ValueError, KeyError) as exc:
            raise ServiceError(
                f"附件文件夹 {self.root} 中的加密设置文件（{attachment_cipher.ATTACHMENT_META}）无法读取。"
            ) from exc
        if cipher is None and secret is not None and create:
            cipher = AttachmentCipher.create(secret)
            cipher.save(self.root)
        self._cipher = cipher
        return cipher

    def read_bytes(self, sha256: str, suffix: str) -> bytes:
        """A stored file's plain content (decrypted in memory when the folder is encrypted)."""
        path = self.path_for(sha256, suffix)
        try:
            return attachment_cipher.read_attachment(path, self.cipher(create=False))
        except OSError as exc:
            raise ServiceError(f"无法读取附件：{exc.strerror}（{path.name}）。") from exc
        except encryption.WrongKey as exc:
            raise ServiceError(f"附件 {path.name} 无法解密：文件已损坏或被改动。") from exc

    def plain_copy(self, info: AttachmentInfo) -> Path:
        """A file another program can open: the stored file of a plain folder, a private
        temporary copy (removed when the program ends) of an encrypted one's, named as the
        user named the file."""
        cipher = self.cipher(create=False)
        if cipher is None:
            return info.path
        folder = Path(tempfile.mkdtemp(prefix="att-", dir=_private_temp()))
        target = folder / (Path(info.file_name).name or info.path.name)
        try:
            with open(info.path, "rb") as reader, open(target, "xb") as writer:
                os.chmod(target, 0o600)
                cipher.decrypt_stream(reader, writer)
        except OSError as exc:
            shutil.rmtree(folder, ignore_errors=True)
            raise ServiceError(f"无法打开附件「{info.file_name}」：{exc.strerror}。") from exc
        except encryption.WrongKey as exc:
            shutil.rmtree(folder, ignore_errors=True)
            raise ServiceError(f"附件「{info.file_name}」无法解密：文件已损坏或被改动。") from exc
        return target

    def path_for(self, sha256: str, suffix: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}{suffix}"

    def put(self, source: Path) -> tuple[str, int, str, bool]:
        """Copy ``source`` into the store; returns (sha256, size, suffix, whether the file is
        new in the store). Nothing is left behind when the file cannot be read or the disk
        is full."""
        source = Path(source)
        size = check_source(source)
        suffix = source.suffix.lower()[:16]
        self.root.mkdir(mode=_PRIVATE_DIR, parents=True, exist_ok=True)
        cipher = self.cipher()
        digest = hashlib.sha256()
        fd, temp_name = tempfile.mkstemp(dir=self.root, prefix=_INCOMING)
        try:
            with source.open("rb") as reader, os.fdopen(fd, "wb") as file:
                writer = cipher.encryptor(file) if cipher is not None else file
                while chunk := reader.read(_CHUNK):
                    digest.update(chunk)
                    writer.write(chunk)
                if cipher is not None:
                    writer.close()
            target = self.path_for(digest.hexdigest(), suffix)
            created = not target.exists()
            if not created:
                os.unlink(temp_name)
                _touch(target)  # young again, so a sweep leaves it while this save commits
            else:
                target.parent.mkdir(mode=_PRIVATE_DIR, exist_ok=True)
                os.replace(temp_name, target)
        except OSError as exc:
            Path(temp_name).unlink(missing_ok=True)
            raise ServiceError(
                f"无法保存附件「{source.name}」：{exc.strerror}。请检查磁盘空间后重试。"
            ) from exc
        return digest.hexdigest(), size, suffix, created

    def link_all(
        self,
        session: Session,
        sources: list[Path],
        *,
        meeting_id=None,
        talk_id=None,
        evaluation_id=None,
        member_id=None,
    ) -> None:
        """Store and link new files to a record (a member's: its photo). When one fails, the files this call copied
        in are removed again (the transaction's rollback forgets their rows)."""
        created: list[Path] = []
        try:
            for source in sources:
                sha256, size, suffix, new = self.put(source)
                if new:
                    created.append(self.path_for(sha256, suffix))
                attachment = session.scalar(select(Attachment).where(Attachment.sha256 == sha256))
                if attachment is None:
                    attachment = Attachment(sha256=sha256, size=size, suffix=suffix)
                    session.add(attachment)
                    session.flush()
                session.add(
                    AttachmentLink(
                        branch_id=writing_branch(session),
                        attachment_id=attachment.id,
                        meeting_id=meeting_id,
                        talk_id=talk_id,
                        evaluation_id=evaluation_id,
                        member_id=member_id,
                        file_name=Path(source).name,
                    )
                )
        except Exception:
            delete_files(created)
            raise

    def listed(
        self, session: Session, *, meeting_id=None, talk_id=None, evaluation_id=None
    ) -> list[AttachmentInfo]:
        query = (
            select(AttachmentLink, Attachment)
            .join(Attachment)
            .where(AttachmentLink.branch_id == branch_of(session))
            .order_by(AttachmentLink.id)
        )
        if meeting_id is not None:
            query = query.where(AttachmentLink.meeting_id == meeting_id)
        elif evaluation_id is not None:
            query = query.where(AttachmentLink.evaluation_id == evaluation_id)
        else:
            query = query.where(AttachmentLink.talk_id == talk_id)
        return [
            AttachmentInfo(
                link.id, link.file_name, att.size, self.path_for(att.sha256, att.suffix), att.sha256
            )
            for link, att in session.execute(query)
        ]

    def keep_only(self, session: Session, kept: list[AttachmentInfo], **owner) -> None:
        """Unlink a record's attachments that are no longer in ``kept`` (``owner``: the
        record's keyword, as ``listed`` takes it)."""
        kept_ids = {info.link_id for info in kept}
        for info in self.listed(session, **owner):
            if info.link_id not in kept_ids:
                session.execute(delete(AttachmentLink).where(AttachmentLink.id == info.link_id))

    def drop_orphans(self, session: Session) -> list[Path]:
        """Forget attachments no record links to any more; returns their files, which the
        caller deletes once the transaction has committed (never before)."""
        session.flush()
        orphans = session.scalars(
            select(Attachment).where(~exists().where(AttachmentLink.attachment_id == Attachment.id))
        ).all()
        paths = [self.path_for(a.sha256, a.suffix) for a in orphans]
        for attachment in orphans:
            session.delete(attachment)
        return paths


class AttachmentService:
    """Upkeep of one database's attachment folder."""

    def __init__(self, db) -> None:
        self.db = db
        # an in-memory database keeps its attachments in the user data folder's "attachments",
        # which others may share: it is not swept (a server's has a folder of its own)
        self.store = (
            AttachmentStore(db.attachments_root, getattr(db, "secret", None))
            if db.path is not None or getattr(db, "on_server", False)
            else None
        )

    def sweep_orphans(
        self, older_than: timedelta = timedelta(days=1), *, now: float | None = None
    ) -> list[Path]:
        """Remove the files in this database's attachment folder that no attachment row refers
        to and that were last written more than ``older_than`` ago; returns them.

        Such files are what a save killed between copying its files and committing leaves
        behind (and ``.incoming-`` copies cut short). A younger file is kept, as a save may be
        committing it right now, and so is anything in the folder the store did not name.
        Nothing is swept where the folder may hold another database's files: a database
        without a file (its folder is the user data folder's), or one beside another database
        of the same name before the extension (支部.sqlite3 and 支部.db share 支部-attachments).
        """
        if (
            self.store is None
            or not self.store.root.is_dir()
            or (self.db.path is not None and _shares_folder(self.db.path))
        ):
            return []
        root = self.store.root
        with self.db.session() as session:
            referenced = {
                self.store.path_for(sha256, suffix)
                for sha256, suffix in session.execute(select(Attachment.sha256, Attachment.suffix))
            }
        cutoff = (time.time() if now is None else now) - older_than.total_seconds()
        removed = []
        for candidate in _stored_files(root):
            if candidate in referenced:
                continue
            try:
                if candidate.lstat().st_mtime > cutoff:
                    continue
                candidate.unlink()
            except OSError as exc:  # in use (Windows), gone meanwhile, no permission: next time
                log.warning("could not remove unreferenced attachment %s: %s", candidate, exc)
                continue
            removed.append(candidate)
        if removed:
            log.info("removed %d unreferenced attachment files from %s", len(removed), root)
        return removed


def _stored_files(root: Path):
    """The files the store names: ``<2 hex>/<sha256><suffix>`` and its ``.incoming-`` copies."""
    with os.scandir(root) as entries:
        for entry in entries:
            if entry.name.startswith(_INCOMING) and entry.is_file(follow_symlinks=False):
                yield Path(entry.path)
            elif len(entry.name) == 2 and set(entry.name) <= _HEX and entry.is_dir():
                with os.scandir(entry.path) as files:
                    for file in files:
                        name = file.name
                        if (
                            name.startswith(entry.name)
                            and set(name[:64]) <= _HEX
                            and len(name) >= 64
                            and (len(name) == 64 or name[64] == ".")
                            and len(name) - 64 <= 16
                            and file.is_file(follow_symlinks=False)
                        ):
                            yield Path(file.path)


def _shares_folder(db_path: Path) -> bool:
    """Whether another SQLite database beside this one has the same name before its extension,
    and so the same attachment folder (paths.attachments_dir names it by the stem)."""
    try:
        siblings = [
            p
            for p in db_path.parent.iterdir()
            if p.stem == db_path.stem and p.name != db_path.name and p.is_file()
        ]
        for sibling in siblings:
            if encryption.is_database_file(sibling):
                return True
    except OSError:
        return True  # cannot tell: sweep nothing
    return False


_temp_lock = threading.Lock()
_temp_folder: Path | None = None


def _private_temp() -> Path:
    """This run's private folder (0700) for decrypted copies; removed when the program ends.
    A copy still open in another program (Windows) stays until the next cleanup of %TEMP%."""
    global _temp_folder
    with _temp_lock:
        if _temp_folder is None or not _temp_folder.is_dir():
            _temp_folder = Path(tempfile.mkdtemp(prefix="dualleader-plain-"))
            atexit.register(shutil.rmtree, _temp_folder, True)
        return _temp_folder


def _touch(path: Path) -> None:
    with contextlib.suppress(OSError):  # a read-only store, where no sweep removes it either
        os.utime(path)


def check_source(source: Path) -> int:
    """The size of a file that can be attached; a ServiceError says why one cannot. The
    editors call it when a file is picked, the store again when it copies the file."""
    try:
        size = source.stat().st_size
    except OSError as exc:
        raise ServiceError(
            f"无法读取附件「{source.name}」：{exc.strerror}。请确认文件存在且未被占用。"
        ) from exc
    if not source.is_file():
        raise ServiceError(f"「{source.name}」不是文件，不能作为附件。")
    if size > MAX_ATTACHMENT_BYTES:
        raise ServiceError(
            f"附件「{source.name}」有 {size / 1024 / 1024:.0f} MB，超过 200 MB 的上限。"
            "请压缩或拆分后再添加。"
        )
    return size


def delete_files(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)
