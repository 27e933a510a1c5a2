"""A member's photo, printed in the 党员信息采集表's photo box.

Any common image the user picks (JPEG, PNG, BMP, GIF, TIFF, WebP) is turned upright (its EXIF
orientation), flattened onto white, scaled down (never up) to a 一寸 photo at print quality and
kept as a JPEG like an attachment: once under its content hash, encrypted with an encrypted
database, linked to the member by ``attachment_links.member_id`` (schema 0010). Pillow does the
image work: reportlab already depends on it.
"""

from __future__ import annotations

import shutil
import tempfile
import warnings
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from dualleader_desktop.services.attachments import AttachmentStore
from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.storage.records_models import Attachment, AttachmentLink

PHOTO_PIXELS = (600, 840)  # 25 × 35 mm at 600 dpi, rounded
PHOTO_NAME = "照片.jpg"
MAX_SOURCE_BYTES = 30 * 1024 * 1024
MAX_SOURCE_PIXELS = 50_000_000
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".tiff", ".webp")


class RemovePhoto:
    """Passed as the photo of a save: the member's photo is taken away."""


REMOVE_PHOTO = RemovePhoto()


def scaled_photo(source: Path, folder: Path) -> Path:
    """``source`` as an upright RGB JPEG of at most PHOTO_PIXELS, written to ``folder``;
    a file that is no image (or too big to be a photo) is refused and said in Chinese."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    source = Path(source)
    try:
        size = source.stat().st_size
    except OSError as exc:
        raise ServiceError(f"无法读取照片文件“{source.name}”：{exc.strerror or exc}。") from exc
    if size > MAX_SOURCE_BYTES:
        raise ServiceError(
            f"照片文件“{source.name}”有 {size / 1024 / 1024:.0f} MB，太大了（最多 30 MB）。"
            "请先用看图软件缩小或另存为 JPEG 再选择。"
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(source) as image:
                if image.width * image.height > MAX_SOURCE_PIXELS:
                    raise ServiceError(
                        f"照片“{source.name}”有 {image.width}×{image.height} 像素，太大了。"
                        "请先缩小到 5000 万像素以内再选择。"
                    )
                picture = ImageOps.exif_transpose(image)
                picture.thumbnail(PHOTO_PIXELS)
                if picture.mode in ("RGBA", "LA", "P", "PA"):
                    picture = picture.convert("RGBA")
                    flat = Image.new("RGB", picture.size, "white")
                    flat.paste(picture, mask=picture.getchannel("A"))
                    picture = flat
                else:
                    picture = picture.convert("RGB")
                picture.load()  # decoded here: a damaged file fails while it is read
    except ServiceError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise ServiceError(
            f"“{source.name}”不是能识别的图片。请选择 JPEG、PNG、BMP、GIF、TIFF 或 WebP 格式的照片。"
        ) from None
    except (OSError, ValueError, SyntaxError) as exc:
        raise ServiceError(
            f"照片“{source.name}”已损坏或不完整，无法读取（{exc}）。请换一张照片。"
        ) from exc
    target = folder / PHOTO_NAME
    try:
        picture.save(target, "JPEG", quality=90)
    except OSError as exc:
        raise ServiceError(
            f"无法保存照片：{exc.strerror or exc}。请检查磁盘空间后再试，档案没有改动。"
        ) from exc
    return target


def replace_photo(
    session: Session, store: AttachmentStore, member_id: int, photo: Path | RemovePhoto
) -> list[Path]:
    """In the caller's transaction: the member's photo is ``photo`` (scaled first) or none
    (REMOVE_PHOTO). Returns the stored files no record uses any more, to delete after the
    commit."""
    session.execute(delete(AttachmentLink).where(AttachmentLink.member_id == member_id))
    if not isinstance(photo, RemovePhoto):
        folder = Path(tempfile.mkdtemp(prefix="dualleader-photo-"))
        try:
            store.link_all(session, [scaled_photo(photo, folder)], member_id=member_id)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return store.drop_orphans(session)


def photo_hashes(session: Session, member_ids: list[int]) -> dict[int, str]:
    """The SHA-256 of each member's photo, for those who have one."""
    rows = session.execute(
        select(AttachmentLink.member_id, Attachment.sha256)
        .join(Attachment)
        .where(AttachmentLink.member_id.in_(member_ids))
    )
    return {member_id: sha256 for member_id, sha256 in rows}


def read_photo(session: Session, store: AttachmentStore, member_id: int) -> bytes | None:
    """The member's photo as JPEG bytes; None without one."""
    row = session.execute(
        select(Attachment.sha256, Attachment.suffix)
        .join(AttachmentLink)
        .where(AttachmentLink.member_id == member_id)
    ).first()
    return None if row is None else store.read_bytes(row.sha256, row.suffix)
