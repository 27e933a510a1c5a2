"""Signed archive packages: an Ed25519 signature over manifest.json (``export --sign``).

manifest.json holds the SHA-256 of every other file, so a signature over its exact bytes
covers the whole package. A signed package carries two more files beside it, not listed in it:

- ``manifest.sig``: the signature, its 64 bytes as they are (no encoding);
- ``manifest.pub``: the public key, PEM (SubjectPublicKeyInfo), which OpenSSL reads as well, so
  an archivist can check a package without this program::

      openssl pkeyutl -verify -pubin -inkey manifest.pub -rawin -in manifest.json -sigfile manifest.sig

A key's fingerprint is the SHA-256 of its 32 raw bytes, the first 16 bytes shown in hex in
groups of four (``3f2a 9c01 …``, 8 groups): what the catalogue's cover prints (签名公钥指纹) and
``verify --key`` takes, with or without the spaces (the whole 64-digit SHA-256 too).

Each branch has one key pair, made on its first signed export and kept in a file of its own
(PKCS#8 PEM, readable by its owner only: 0600) in the folder ``paths.signing_keys_dir`` names;
the private key is never written anywhere else, least of all into a package. ``cryptography``
is imported only when a key is used, so starting the program does not pay for it.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from dualleader_desktop.documents.package import MANIFEST, PUBLIC_KEY, SIGNATURE

SIGNATURE_BYTES = 64
RAW_KEY_BYTES = 32
PUBLIC_KEY_MAX_BYTES = 4096  # a PEM public key is 113 bytes; anything much larger is not one
FINGERPRINT_BYTES = 16  # of the SHA-256, shown and compared
_HEX = re.compile(r"[0-9a-f]+")


class SigningKeyError(Exception):
    """The branch's key cannot be made or read; the message says where and what to do."""


def fingerprint(raw_public: bytes) -> str:
    """``3f2a 9c01 …``: the first 16 bytes of the SHA-256 of the raw public key."""
    digest = hashlib.sha256(raw_public).hexdigest()[: FINGERPRINT_BYTES * 2]
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def key_file(folder: Path, branch: str) -> Path:
    """The file of ``branch``'s private key in ``folder``: named by a hash of the branch's
    name, which may hold any character a file name cannot."""
    return Path(folder) / f"branch-{hashlib.sha256(branch.encode()).hexdigest()[:16]}.pem"


def branch_key(folder: Path, branch: str):
    """``branch``'s private key (an Ed25519PrivateKey), made and saved on first use."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    path = key_file(folder, branch)
    if not path.exists():
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        try:
            _write_new(path, pem)
        except FileExistsError:
            pass  # another export made it a moment ago: that one is the branch's key
        except OSError as exc:
            raise SigningKeyError(
                f"无法保存签名密钥“{path}”：{exc.strerror or exc}。请检查用户数据文件夹的权限和磁盘空间。"
            ) from exc
        else:
            return key
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as exc:
        raise SigningKeyError(
            f"签名密钥“{path}”无法读取或已损坏。请从备份中恢复这个文件；"
            "若确已丢失，移走它后再导出会生成新密钥，公钥指纹随之改变，需告知档案室。"
        ) from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyError(f"签名密钥“{path}”不是 Ed25519 密钥。请从备份中恢复这个文件。")
    return key


def _write_new(path: Path, data: bytes) -> None:
    """``data`` as a new file readable by its owner only (0600), whole or not at all: written
    under a temporary name, then linked to ``path``, which fails if ``path`` exists."""
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")  # 0600
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.link(temp, path)
    finally:
        os.unlink(temp)


def sign_manifest(folder: Path, key) -> str:
    """Sign ``folder``'s manifest.json as written, add manifest.sig and manifest.pub beside it,
    and give back the key's fingerprint."""
    from cryptography.hazmat.primitives import serialization

    folder = Path(folder)
    (folder / SIGNATURE).write_bytes(key.sign((folder / MANIFEST).read_bytes()))
    (folder / PUBLIC_KEY).write_bytes(
        key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    return fingerprint(raw_public_of(key.public_key()))


def load_public(data: bytes) -> bytes:
    """The 32 raw bytes of an Ed25519 public key given as PEM, DER or raw bytes; ValueError
    when ``data`` is none of these."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    if len(data) == RAW_KEY_BYTES:
        return data
    loader = (
        serialization.load_pem_public_key
        if data.lstrip().startswith(b"-----")
        else serialization.load_der_public_key
    )
    try:
        key = loader(data)
    except (ValueError, TypeError) as exc:
        raise ValueError("not a public key") from exc
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("not an Ed25519 public key")
    return raw_public_of(key)


def raw_public_of(public_key) -> bytes:
    """The 32 raw bytes of an Ed25519 public key."""
    from cryptography.hazmat.primitives import serialization

    return public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def signature_valid(raw_public_key: bytes, signature: bytes, manifest: bytes) -> bool:
    """Whether ``signature`` is the key's signature of exactly these manifest bytes."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    if len(signature) != SIGNATURE_BYTES:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(raw_public_key).verify(signature, manifest)
    except InvalidSignature:
        return False
    return True


@dataclass(frozen=True)
class WantedKey:
    """The key ``verify --key`` asks about: a public key's raw bytes (given as a file), or a
    fingerprint's hex digits (32, as printed, or the whole 64 of the SHA-256)."""

    hex_digits: str
    raw: bytes | None = None

    @property
    def shown(self) -> str:
        return fingerprint(self.raw) if self.raw is not None else _grouped(self.hex_digits)

    def matches(self, raw_public_key: bytes) -> bool:
        if self.raw is not None:
            return raw_public_key == self.raw
        return hashlib.sha256(raw_public_key).hexdigest().startswith(self.hex_digits)


def _grouped(digits: str) -> str:
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def wanted_key(text: str) -> WantedKey:
    """What ``--key`` names: a public key file (PEM, as manifest.pub, DER or 32 raw bytes) or a
    fingerprint; ValueError with a Chinese message saying what to give when it is neither."""
    path = Path(text).expanduser()
    if path.is_file():
        try:
            if path.stat().st_size > PUBLIC_KEY_MAX_BYTES:
                raise ValueError("too large")
            raw = load_public(path.read_bytes())
        except (OSError, ValueError) as exc:
            raise ValueError(
                f"“{text}”不是 Ed25519 公钥文件。请给出归档包的公钥文件（manifest.pub），"
                "或它的公钥指纹（如目录封面上印的“签名公钥指纹”）。"
            ) from exc
        return WantedKey(hashlib.sha256(raw).hexdigest(), raw)
    digits = re.sub(r"[\s:：]", "", text).lower()
    if len(digits) not in (FINGERPRINT_BYTES * 2, 64) or not _HEX.fullmatch(digits):
        raise ValueError(
            f"“{text}”既不是存在的公钥文件，也不是公钥指纹。指纹是 32 位十六进制数字"
            "（目录封面上的“签名公钥指纹”，空格可有可无），或给出公钥文件（manifest.pub）的路径。"
        )
    return WantedKey(digits)
