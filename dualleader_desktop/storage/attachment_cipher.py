"""The attachment files of an encrypted database (storage/encryption.py has the database
files and which password goes with which file).

They are ``MAGIC + nonce(12) + ciphertext + tag(16)`` (AES-256-GCM), still named by the SHA-256
of their plain content. The key comes from the same password through scrypt (n=2**15, r=8, p=1:
32 MiB, about 0.1 s) with a random salt kept, with a key check value, in ``.encryption.json`` in
the attachment folder. Copies of a store (the backups folder's) get the same file, so their
files can be hard links of the live ones.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import io
import json
import os
import tempfile
from pathlib import Path
from typing import BinaryIO

from dualleader_desktop import staging
from dualleader_desktop.storage.encryption import (
    EncryptionUnavailable,
    NeedsPassword,
    Secret,
    WrongKey,
    header,
    secret_for,
)

ATTACHMENT_META = ".encryption.json"
FILE_MAGIC = b"DLE1"
NONCE_BYTES, TAG_BYTES = 12, 16
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
_CHECK_TEXT = b"DualLeader attachment key check v1"
_CHUNK = 1024 * 1024


def _aes():
    try:
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise EncryptionUnavailable("本机的安装不含附件加密组件（cryptography）。") from exc
    return Cipher, algorithms, modes


class AttachmentCipher:
    """The key of one attachment folder (and of the copies that share its files)."""

    def __init__(self, key: bytes, meta: dict) -> None:
        self._key, self.meta = key, meta

    @classmethod
    def create(cls, secret: Secret, like: AttachmentCipher | None = None) -> AttachmentCipher:
        if like is not None:
            return cls(like._key, dict(like.meta))
        salt = os.urandom(16)
        key = secret.attachment_key(salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        meta = {
            "format": "DualLeader attachments, AES-256-GCM: magic DLE1, nonce, ciphertext, tag",
            "kdf": "scrypt",
            "salt": salt.hex(),
            "n": SCRYPT_N,
            "r": SCRYPT_R,
            "p": SCRYPT_P,
            "check": _check_value(key),
        }
        return cls(key, meta)

    @classmethod
    def load(cls, folder: Path, secret: Secret) -> AttachmentCipher:
        """The folder's key from ``secret``; ``WrongKey`` when the password is not the one the
        folder was encrypted with."""
        meta = json.loads((Path(folder) / ATTACHMENT_META).read_text("utf-8"))
        if meta.get("kdf") != "scrypt":
            raise WrongKey(f"unknown kdf {meta.get('kdf')!r}")
        key = secret.attachment_key(
            bytes.fromhex(meta["salt"]), int(meta["n"]), int(meta["r"]), int(meta["p"])
        )
        if not hmac.compare_digest(_check_value(key), str(meta.get("check", ""))):
            raise WrongKey("attachment key check failed")
        return cls(key, meta)

    def same_key(self, other: AttachmentCipher | None) -> bool:
        return other is not None and hmac.compare_digest(self._key, other._key)

    def save(self, folder: Path) -> None:
        """Write ``.encryption.json`` into ``folder`` (atomically, private)."""
        folder = Path(folder)
        _private_folder(folder)
        fd, temp = tempfile.mkstemp(dir=folder, prefix=".encryption-")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(self.meta, fh, ensure_ascii=False, indent=1)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(temp, folder / ATTACHMENT_META)
        finally:
            Path(temp).unlink(missing_ok=True)

    def encryptor(self, writer: BinaryIO) -> _StreamEncryptor:
        """A writer that encrypts what is written into ``writer``; ``close()`` adds the tag."""
        return _StreamEncryptor(self._key, writer)

    def decrypt_stream(self, reader: BinaryIO, writer: BinaryIO) -> None:
        """Decrypt a stored file into ``writer``. The tag is checked at the end: a caller
        writes to a temporary file and publishes it only when this returns."""
        Cipher, algorithms, modes = _aes()
        reader.seek(0, os.SEEK_END)
        size = reader.tell()
        if size < len(FILE_MAGIC) + NONCE_BYTES + TAG_BYTES:
            raise WrongKey("attachment too short")
        reader.seek(size - TAG_BYTES)
        tag = reader.read(TAG_BYTES)
        reader.seek(0)
        if reader.read(len(FILE_MAGIC)) != FILE_MAGIC:
            raise WrongKey("not an encrypted attachment")
        nonce = reader.read(NONCE_BYTES)
        decryptor = Cipher(algorithms.AES(self._key), modes.GCM(nonce, tag)).decryptor()
        left = size - len(FILE_MAGIC) - NONCE_BYTES - TAG_BYTES
        while left > 0:
            chunk = reader.read(min(_CHUNK, left))
            if not chunk:
                break
            left -= len(chunk)
            writer.write(decryptor.update(chunk))
        try:
            writer.write(decryptor.finalize())
        except Exception as exc:  # cryptography's InvalidTag: another key, or changed bytes
            raise WrongKey("attachment tag check failed") from exc


class _StreamEncryptor:
    def __init__(self, key: bytes, writer: BinaryIO) -> None:
        Cipher, algorithms, modes = _aes()
        nonce = os.urandom(NONCE_BYTES)
        self._encryptor = Cipher(algorithms.AES(key), modes.GCM(nonce)).encryptor()
        self._writer = writer
        writer.write(FILE_MAGIC + nonce)

    def write(self, data: bytes) -> None:
        self._writer.write(self._encryptor.update(data))

    def close(self) -> None:
        self._writer.write(self._encryptor.finalize() + self._encryptor.tag)


def is_encrypted_attachment(path: Path) -> bool:
    try:
        return header(path, len(FILE_MAGIC)) == FILE_MAGIC
    except OSError:
        return False


def folder_cipher(folder: Path, secret: Secret | None = None) -> AttachmentCipher | None:
    """The cipher of an attachment folder: None when it has no ``.encryption.json``;
    ``NeedsPassword`` when it has one and no password is known for it."""
    folder = Path(folder)
    if not (folder / ATTACHMENT_META).is_file():
        return None
    secret = secret or secret_for(folder)
    if secret is None:
        raise NeedsPassword(str(folder))
    return AttachmentCipher.load(folder, secret)


def _check_value(key: bytes) -> str:
    return hmac.new(key, _CHECK_TEXT, hashlib.sha256).hexdigest()[:32]


def _private_folder(folder: Path) -> None:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)


def copy_attachment(
    source: Path,
    source_cipher: AttachmentCipher | None,
    target: Path,
    target_cipher: AttachmentCipher | None,
    *,
    link: bool = True,
) -> None:
    """Put the stored file ``source`` at ``target`` as the target's folder keeps files:
    a hard link (or copy) when both are kept alike, else decrypted and/or encrypted through
    a private temporary file renamed into place when complete."""
    alike = (source_cipher is None and target_cipher is None) or (
        source_cipher is not None and source_cipher.same_key(target_cipher)
    )
    _private_folder(target.parent)
    fd, partial = staging.make_file(target.parent, staging.PARTIAL)
    try:
        if alike and link:
            os.close(fd)
            os.unlink(partial)
            try:
                os.link(source, partial)
            except OSError:
                _plain_copy(source, partial)
        else:
            with os.fdopen(fd, "wb") as writer, open(source, "rb") as reader:
                if alike:
                    _copy_stream(reader, writer)
                elif target_cipher is None:
                    _decrypt_any(reader, writer, source_cipher)
                else:
                    encryptor = target_cipher.encryptor(writer)
                    _decrypt_any(reader, encryptor, source_cipher)
                    encryptor.close()
                writer.flush()
                os.fsync(writer.fileno())
        os.replace(partial, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(partial)


def _decrypt_any(reader: BinaryIO, writer, cipher: AttachmentCipher | None) -> None:
    """A stored file's plain content: decrypted when it is encrypted (a folder may still hold
    a plain file that an interrupted run of ``encrypt`` did not reach)."""
    start = reader.read(len(FILE_MAGIC))
    reader.seek(0)
    if start == FILE_MAGIC and cipher is not None:
        cipher.decrypt_stream(reader, writer)
    else:
        _copy_stream(reader, writer)


def _copy_stream(reader: BinaryIO, writer) -> None:
    while chunk := reader.read(_CHUNK):
        writer.write(chunk)


def _plain_copy(source: Path, target: str) -> None:
    with open(source, "rb") as reader, open(target, "wb") as writer:
        _copy_stream(reader, writer)
    os.chmod(target, 0o600)


def read_attachment(path: Path, cipher: AttachmentCipher | None) -> bytes:
    """The plain content of a stored file (decrypted in memory; checked by its tag)."""
    buffer = io.BytesIO()
    with open(path, "rb") as reader:
        _decrypt_any(reader, buffer, cipher)
    return buffer.getvalue()
