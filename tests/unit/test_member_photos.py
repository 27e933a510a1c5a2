"""A member's photo: scaled, upright, kept once by content hash, refused in words when it is
no photo, and printed in the 党员信息采集表 (schema 0010)."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import docx
import pypdf
import pytest
from PIL import Image
from sqlalchemy import func, select

from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.services.errors import ServiceError, StaleRecordError
from dualleader_desktop.services.history import EntityKind
from dualleader_desktop.services.history_service import HistoryService
from dualleader_desktop.services.member_photos import PHOTO_PIXELS, REMOVE_PHOTO
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.storage.records_models import Attachment, AttachmentLink
from tests.conftest import TODAY, make_draft

EXIF_ORIENTATION = 0x0112
ROTATED_90_CW = 6  # the camera was held upright: the pixels lie on their side


def image_file(path: Path, size: tuple[int, int], *, fmt="JPEG", orientation=None, mode="RGB"):
    image = Image.new(mode, size, "white" if mode == "RGB" else (0, 0, 0, 0))
    image.paste((200, 30, 30) if mode == "RGB" else (200, 30, 30, 255), (0, 0, size[0] // 2, 10))
    exif = Image.Exif()
    if orientation:
        exif[EXIF_ORIENTATION] = orientation
    image.save(path, fmt, exif=exif) if fmt == "JPEG" else image.save(path, fmt)
    return path


@pytest.fixture
def members(db):
    return MemberService(db)


@pytest.fixture
def member(members):
    return members.add(make_draft(), today=TODAY)


def stored_files(db) -> list[Path]:
    root = Path(db.attachments_root)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def photo_size(members, member_id) -> tuple[int, int]:
    with Image.open(io.BytesIO(members.photo(member_id))) as image:
        assert image.format == "JPEG" and image.mode == "RGB"
        return image.size


def test_a_photo_on_its_side_is_turned_upright_and_never_enlarged(members, member, tmp_path):
    source = image_file(tmp_path / "手机照片.jpg", (400, 200), orientation=ROTATED_90_CW)
    saved = members.update(member.id, member.to_draft(), expected_version=1, photo=source)
    assert saved.version == 2  # a photo is an edit of the file
    assert photo_size(members, member.id) == (200, 400)


def test_a_big_picture_is_scaled_to_a_one_inch_photo(members, member, tmp_path):
    source = image_file(tmp_path / "大照片.png", (3000, 4000), fmt="PNG", mode="RGBA")
    members.update(member.id, member.to_draft(), expected_version=1, photo=source)
    width, height = photo_size(members, member.id)
    assert (width, height) == (600, 800) and width <= PHOTO_PIXELS[0]


def test_one_picture_for_two_members_is_stored_once_and_removed_when_unused(db, members, tmp_path):
    source = image_file(tmp_path / "合影.jpg", (300, 420))
    first = members.add(make_draft("王伟", sequence=11), today=TODAY, photo=source)
    second = members.add(make_draft("李娜", sequence=12), today=TODAY, photo=source)
    assert members.photo(first.id) == members.photo(second.id)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Attachment)) == 1
        assert session.scalar(select(func.count()).select_from(AttachmentLink)) == 2
    assert len(stored_files(db)) == 1
    members.update(first.id, first.to_draft(), expected_version=first.version, photo=REMOVE_PHOTO)
    assert members.photo(first.id) is None and len(stored_files(db)) == 1  # the other's
    members.update(
        second.id, second.to_draft(), expected_version=second.version, photo=REMOVE_PHOTO
    )
    assert stored_files(db) == []


@pytest.mark.parametrize(
    ("content", "said"),
    [(b"not a picture at all", "不是能识别的图片"), (b"\xff\xd8\xff\xe0" + b"\0" * 40, "图片")],
)
def test_a_file_that_is_no_photo_is_refused_and_changes_nothing(
    db, members, member, tmp_path, content, said
):
    bad = tmp_path / "照片.jpg"
    bad.write_bytes(content)
    with pytest.raises(ServiceError, match=said):
        members.update(member.id, member.to_draft(), expected_version=1, photo=bad)
    assert members.get(member.id).version == 1 and members.photo(member.id) is None
    assert stored_files(db) == []


def test_a_stale_copy_cannot_change_the_photo(members, member, tmp_path):
    edited = replace(member.to_draft(), remarks="另一个窗口先保存了")
    assert members.update(member.id, edited, expected_version=1).version == 2
    source = image_file(tmp_path / "照片.jpg", (300, 420))
    with pytest.raises(StaleRecordError):
        members.update(member.id, member.to_draft(), expected_version=1, photo=source)
    assert members.photo(member.id) is None


def test_the_change_log_says_the_photo_changed(db, members, member, tmp_path):
    source = image_file(tmp_path / "照片.jpg", (300, 420))
    members.update(member.id, member.to_draft(), expected_version=1, photo=source)
    [entry, _created] = HistoryService(db).history(EntityKind.MEMBER, member.id)
    assert [line for line in entry.changes if line.startswith("照片")] == [
        f"照片：（空） → 有（{_sha(db)[:8]}）"
    ]


def _sha(db) -> str:
    with db.session() as session:
        return session.scalar(select(Attachment.sha256))


def test_the_information_form_prints_the_photo(db, members, member, tmp_path):
    source = image_file(tmp_path / "照片.jpg", (300, 420))
    members.update(member.id, member.to_draft(), expected_version=1, photo=source)
    out = tmp_path / "out"
    out.mkdir()
    paths = BranchServices(db).archive.export_member_card(member.id, out)
    pdf = next(p for p in paths if p.suffix == ".pdf")
    page = pypdf.PdfReader(pdf).pages[0]
    [picture] = page.images
    assert picture.image.size[1] > picture.image.size[0]  # the portrait photo, not a box
    word = docx.Document(next(p for p in paths if p.suffix == ".docx"))
    assert len(word.inline_shapes) == 1
    masked = tmp_path / "masked"
    masked.mkdir()
    pdf = next(
        p
        for p in BranchServices(db).archive.export_member_card(member.id, masked, mask=True)
        if p.suffix == ".pdf"
    )
    assert len(pypdf.PdfReader(pdf).pages[0].images) == 0  # a copy to pass on has no photo


def test_a_full_disk_while_the_photo_is_scaled_is_said_and_changes_nothing(
    db, members, member, tmp_path, monkeypatch
):
    import errno

    source = image_file(tmp_path / "照片.jpg", (300, 420))

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Image.Image, "save", full)
    with pytest.raises(ServiceError, match=r"无法保存照片.*磁盘空间"):
        members.update(member.id, member.to_draft(), expected_version=1, photo=source)
    assert members.get(member.id).version == 1 and members.photo(member.id) is None
    assert stored_files(db) == []
