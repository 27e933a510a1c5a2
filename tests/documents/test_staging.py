"""Staging folders: private while written, readable at the rename."""

import os
import stat
import zipfile
from pathlib import Path

import pytest

from dualleader_desktop.documents import package as package_module
from dualleader_desktop.documents.package import staged_folder, zip_folder

TARGET = "Z001-WS·2025-归档包"
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def ordinary_modes(tmp_path) -> tuple[int, int]:
    folder = tmp_path / "ordinary"
    folder.mkdir()
    (folder / "f").write_bytes(b"")
    return mode(folder), mode(folder / "f")


@posix_only
def test_a_staging_folder_is_private_until_renamed(tmp_path):
    folder_mode, _file_mode = ordinary_modes(tmp_path)
    target = tmp_path / "out" / TARGET
    with staged_folder(target) as folder:
        (folder / "花名册.pdf").write_bytes(b"%PDF")
        assert mode(folder) == 0o700
    assert mode(target) == folder_mode
    assert [p.name for p in target.iterdir()] == ["花名册.pdf"]


@posix_only
def test_a_temporary_zip_is_private_until_renamed(tmp_path, monkeypatch):
    _folder_mode, file_mode = ordinary_modes(tmp_path)
    package = tmp_path / TARGET
    package.mkdir()
    (package / "a.txt").write_text("a")
    seen = []

    class Watching(zipfile.ZipFile):
        def write(self, *args, **kwargs):
            seen.append(stat.S_IMODE(os.fstat(self.fp.fileno()).st_mode))
            super().write(*args, **kwargs)

    monkeypatch.setattr(package_module.zipfile, "ZipFile", Watching)
    zipped = zip_folder(package, tmp_path / f"{TARGET}.zip")
    assert seen == [0o600]
    assert mode(zipped) == file_mode
