"""``verify`` and hostile packages: names that leave the package, symbolic links, special files
(FIFOs, sockets, devices), zip bombs and lying headers are refused with a Chinese message naming the entry, quickly and in bounded
memory, and never by a traceback."""

import hashlib
import json
import os
import socket
import stat
import struct
import threading
import time
import tracemalloc
import zipfile

import pytest

from dualleader_desktop.cli import main
from dualleader_desktop.documents import package_reader
from dualleader_desktop.documents.package import (
    CATALOGUE,
    CatalogueEntry,
    write_catalogue_xlsx,
    write_manifest,
    zip_folder,
)
from dualleader_desktop.documents.verify import verify_package

CODE = "Z001-WS·2025-Y-0001"
# two pages, as reportlab writes them (the page tree, /Pages, is not a page)
PDF = (
    b"%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n2 0 obj << /Type /Page >> endobj\n"
    b"3 0 obj << /Type /Pages /Count 2 >> endobj\n%%EOF\n"
)
BOMB_SIZE = 200 * 1024 * 1024  # zeros: about 200 KB once deflated


def make_package(parent, name="Z001-WS·2025-归档包"):
    """A small package that verifies clean: one two-page PDF under 文件/ and its catalogue."""
    folder = parent / name
    (folder / "文件").mkdir(parents=True)
    (folder / "文件" / f"{CODE}.pdf").write_bytes(PDF)
    entry = CatalogueEntry(1, CODE, "某支部", "[支部委员会会议记录]", "20250301", 2)
    write_catalogue_xlsx(folder / f"{CATALOGUE}.xlsx", [entry], {"全宗号": "Z001"})
    for fmt in ("docx", "pdf"):
        (folder / f"{CATALOGUE}.{fmt}").write_bytes(f"目录 {fmt}".encode())
    write_manifest(folder, {"formats": ["pdf"]})
    return folder


def listed(path, data=None, *, size=None, digest=None):
    return {
        "path": path,
        "size": len(data) if size is None else size,
        "sha256": digest or hashlib.sha256(data).hexdigest(),
    }


def add_to_manifest(folder, *entries):
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    manifest["files"] += entries
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), "utf-8")


def zip_with(folder, *extra):
    """The package zipped as the program zips it, with ``extra`` (ZipInfo or name, data)
    appended after."""
    target = zip_folder(folder, folder.parent / f"{folder.name}.zip")
    with zipfile.ZipFile(target, "a", zipfile.ZIP_DEFLATED) as archive:
        for name, data in extra:
            archive.writestr(name, data)
    return target


def symlink_info(name):
    info = zipfile.ZipInfo(name)
    info.create_system = 3  # Unix: the upper 16 bits are the file's mode
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


def zeros_digest(size):
    digest, chunk = hashlib.sha256(), bytes(1 << 20)
    for _ in range(size >> 20):
        digest.update(chunk)
    return digest.hexdigest()


def write_zeros(archive, name, size):
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    with archive.open(info, "w") as stream:
        chunk = bytes(1 << 20)
        for _ in range(size >> 20):
            stream.write(chunk)


@pytest.fixture(scope="module")
def bomb(tmp_path_factory):
    """A 200 KB zip whose one listed entry unpacks to 200 MB, its hash right in the manifest."""
    folder = make_package(tmp_path_factory.mktemp("bomb"))
    add_to_manifest(folder, listed("bomb.bin", size=BOMB_SIZE, digest=zeros_digest(BOMB_SIZE)))
    target = zip_folder(folder, folder.parent / "bomb.zip")
    with zipfile.ZipFile(target, "a") as archive:
        write_zeros(archive, f"{folder.name}/bomb.bin", BOMB_SIZE)
    return target


def patch_central_sizes(target, name, *, compressed=None, size=None):
    """Rewrite what the central directory says of ``name`` (the local header is left)."""
    data = bytearray(target.read_bytes())
    at = 0
    while True:
        at = data.index(b"PK\x01\x02", at)
        length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + length].decode() == name:
            break
        at += 46
    if compressed is not None:
        struct.pack_into("<I", data, at + 20, compressed)
    if size is not None:
        struct.pack_into("<I", data, at + 24, size)
    target.write_bytes(bytes(data))


# ---- a package the program wrote still verifies, nested folders and all ----


def test_a_package_with_nested_folders_verifies_as_a_folder_and_as_a_zip(tmp_path):
    folder = make_package(tmp_path)
    assert verify_package(folder) == []
    assert verify_package(zip_with(folder)) == []


def test_pages_are_counted_across_chunk_boundaries(tmp_path, monkeypatch):
    monkeypatch.setattr(package_reader, "CHUNK", 7)  # every "/Type /Page" split somewhere
    folder = make_package(tmp_path)
    assert verify_package(folder) == []
    assert verify_package(zip_with(folder)) == []


# ---- names that leave the package ----


def test_a_parent_entry_listed_in_the_manifest_is_refused(tmp_path):
    folder = make_package(tmp_path)
    add_to_manifest(folder, listed("../../x", b"outside"))
    problems = verify_package(zip_with(folder, (f"{folder.name}/../../x", b"outside")))
    assert any("上级目录" in p and "../../x" in p for p in problems), problems


def test_a_parent_name_in_a_folders_manifest_is_refused_though_the_file_exists(tmp_path):
    folder = make_package(tmp_path / "deep")
    (tmp_path / "x").write_bytes(b"outside")  # what folder/../../x names
    add_to_manifest(folder, listed("../../x", b"outside"))
    problems = verify_package(folder)
    assert any("上级目录" in p and "../../x" in p for p in problems), problems
    assert not any("缺少文件" in p for p in problems)


def test_absolute_entries_are_refused_not_taken_for_a_missing_manifest(tmp_path):
    folder = make_package(tmp_path)
    target = tmp_path / "absolute.zip"
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            archive.writestr(f"/{folder.name}/{path.relative_to(folder).as_posix()}", b"x")
    problems = verify_package(target)
    assert any("绝对路径" in p and f"/{folder.name}/manifest.json" in p for p in problems)
    assert not any("缺少 manifest.json" in p for p in problems), problems


@pytest.mark.parametrize(
    ("name", "reason"),
    [("C:x", "盘符"), ("C:\\x", "盘符"), ("d:/x", "盘符"), ("pkg\\..\\..\\x", "反斜杠")],
)
def test_drive_and_backslash_entries_are_refused(tmp_path, name, reason):
    folder = make_package(tmp_path)
    problems = verify_package(zip_with(folder, (name, b"outside")))
    assert any(reason in p and name in p for p in problems), problems


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../../x", "上级目录"),
        ("文件/../../x", "上级目录"),
        ("/etc/hostname", "绝对路径"),
        ("C:x", "盘符"),
        ("C:\\Windows\\x", "盘符"),
        ("文件\\x.pdf", "反斜杠"),
    ],
)
def test_unsafe_names_in_the_manifest_are_refused(tmp_path, name, reason):
    folder = make_package(tmp_path / "deep")
    add_to_manifest(folder, listed(name, b"outside"))
    problems = verify_package(folder)
    assert any(reason in p and name in p and "清单" in p for p in problems), problems


# ---- symbolic links ----


def test_a_symbolic_link_entry_in_a_zip_is_refused(tmp_path):
    folder = make_package(tmp_path)
    add_to_manifest(folder, listed("说明.txt", b"/etc/passwd"))
    target = zip_with(folder, (symlink_info(f"{folder.name}/说明.txt"), b"/etc/passwd"))
    problems = verify_package(target)
    assert any("符号链接" in p and "说明.txt" in p for p in problems), problems


def test_a_symbolic_link_in_a_folder_pointing_outside_is_refused(tmp_path):
    folder = make_package(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"not the package's")
    try:
        (folder / "说明.txt").symlink_to(secret)
    except OSError:
        pytest.skip("this system cannot make symbolic links")
    add_to_manifest(folder, listed("说明.txt", b"not the package's"))
    problems = verify_package(folder)
    assert any("符号链接" in p and "说明.txt" in p for p in problems), problems


def test_a_listed_file_linked_to_another_file_inside_the_package_is_refused(tmp_path):
    folder = make_package(tmp_path)
    original = folder / "文件" / f"{CODE}.pdf"
    original.rename(folder / "原件.pdf")
    try:
        original.symlink_to("../原件.pdf")  # the same bytes: followed, the hash would agree
    except OSError:
        pytest.skip("this system cannot make symbolic links")
    problems = verify_package(folder)
    assert any(
        "符号链接" in p and f"文件/{CODE}.pdf" in p and "../原件.pdf" in p for p in problems
    ), problems


def test_a_linked_folder_is_refused_though_the_files_in_it_agree(tmp_path):
    folder = make_package(tmp_path / "package")
    outside = tmp_path / "elsewhere"
    (folder / "文件").rename(outside)  # every listed file, unchanged, outside the package
    try:
        (folder / "文件").symlink_to(outside, target_is_directory=True)
    except OSError:
        pytest.skip("this system cannot make symbolic links")
    problems = verify_package(folder)
    assert any("符号链接" in p and "文件" in p and str(outside) in p for p in problems), problems
    assert not any("缺少文件" in p for p in problems)


def verify_in_time(package, seconds=10):
    """verify_package in a thread, failing the test (not hanging it) if it has not answered
    within ``seconds``: a FIFO opened for reading waits for a writer."""
    answer = []
    worker = threading.Thread(target=lambda: answer.append(verify_package(package)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "verify is waiting on a special file"
    return answer[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="this system has no named pipes (FIFOs)")
def test_a_listed_file_replaced_by_a_fifo_is_refused_without_waiting(tmp_path):
    folder = make_package(tmp_path)
    listed_pdf = folder / "文件" / f"{CODE}.pdf"
    listed_pdf.unlink()
    os.mkfifo(listed_pdf)
    problems = verify_in_time(folder)
    assert any("命名管道" in p and f"文件/{CODE}.pdf" in p for p in problems), problems
    assert not any("缺少文件" in p for p in problems)


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="this system has no Unix sockets")
def test_a_socket_in_a_package_is_refused(tmp_path, monkeypatch):
    folder = make_package(tmp_path)
    monkeypatch.chdir(folder)  # a socket's path must be short: bound by a relative one
    with socket.socket(socket.AF_UNIX) as server:
        server.bind("说明.sock")
        problems = verify_in_time(folder)
    assert any("套接字" in p and "说明.sock" in p for p in problems), problems


def test_a_device_file_in_a_package_is_refused(tmp_path):
    folder = make_package(tmp_path)
    try:  # /dev/zero's numbers: endless, if it were read
        os.mknod(folder / "文件" / "zero.pdf", stat.S_IFCHR | 0o600, os.makedev(1, 5))
    except (AttributeError, OSError):
        pytest.skip("only an administrator can make device files here")
    problems = verify_in_time(folder)
    assert any("设备文件" in p and "文件/zero.pdf" in p for p in problems), problems


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="this system has no named pipes (FIFOs)")
def test_a_file_swapped_for_a_fifo_after_the_scan_is_refused_when_opened(tmp_path):
    folder = make_package(tmp_path)
    reader = package_reader.Reader(folder, package_reader.LIMITS)
    listed_pdf = folder / "文件" / f"{CODE}.pdf"
    listed_pdf.unlink()
    os.mkfifo(listed_pdf)  # after the scan saw a regular file there
    answer = []

    def read():
        try:
            list(
                reader.chunks(
                    f"文件/{CODE}.pdf", package_reader.Budget(package_reader.LIMITS.total_bytes)
                )
            )
        except package_reader.Refused as refused:
            answer.append(str(refused))

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), "the open waited for a writer"
    assert answer and "特殊文件" in answer[0] and f"文件/{CODE}.pdf" in answer[0], answer


# ---- zip bombs, size caps and lying headers ----


def test_a_zip_bomb_is_refused_quickly_and_in_bounded_memory(bomb):
    tracemalloc.start()
    started = time.monotonic()
    try:
        problems = verify_package(bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 5
    assert peak < 64 * 1024 * 1024  # far below the 200 MB the entry unpacks to
    assert any("压缩比" in p and "bomb.bin" in p for p in problems), problems


def test_the_ratio_cap_spares_small_entries_and_catches_big_ones(tmp_path):
    folder = make_package(tmp_path)
    add_to_manifest(folder, listed("空白.bin", bytes(512 * 1024)))
    assert verify_package(zip_with(folder, (f"{folder.name}/空白.bin", bytes(512 * 1024)))) == []
    strict = package_reader.Limits(ratio=2, ratio_exempt_bytes=1024)
    problems = verify_package(folder.parent / f"{folder.name}.zip", limits=strict)
    assert any("压缩比" in p and "空白.bin" in p for p in problems), problems


def test_the_total_size_cap_refuses_a_package_too_big_to_be_one(tmp_path):
    folder = make_package(tmp_path)
    small = package_reader.Limits(total_bytes=4096)
    for package in (folder, zip_with(folder)):
        problems = verify_package(package, limits=small)
        assert any("总大小" in p and "上限" in p for p in problems), problems


def test_the_manifest_and_catalogue_are_parsed_only_below_their_caps(tmp_path):
    folder = make_package(tmp_path)
    problems = verify_package(folder, limits=package_reader.Limits(manifest_bytes=64))
    assert any("manifest.json" in p and "上限" in p for p in problems), problems
    problems = verify_package(folder, limits=package_reader.Limits(catalogue_bytes=1024))
    assert any(f"{CATALOGUE}.xlsx" in p and "上限" in p for p in problems), problems


def test_a_header_claiming_more_compressed_data_than_the_zip_holds_is_refused(bomb, tmp_path):
    lying = tmp_path / "lying.zip"
    lying.write_bytes(bomb.read_bytes())
    name = next(n for n in zipfile.ZipFile(lying).namelist() if n.endswith("bomb.bin"))
    patch_central_sizes(lying, name, compressed=BOMB_SIZE // 100)  # ratio 100: looks fine
    started = time.monotonic()
    problems = verify_package(lying)
    assert time.monotonic() - started < 5
    assert any("bomb.bin" in p and "不实" in p for p in problems), problems


def test_a_header_claiming_less_than_the_entry_holds_stops_at_the_claim(bomb, tmp_path):
    lying = tmp_path / "lying.zip"
    lying.write_bytes(bomb.read_bytes())
    name = next(n for n in zipfile.ZipFile(lying).namelist() if n.endswith("bomb.bin"))
    patch_central_sizes(lying, name, size=BOMB_SIZE // 1000)  # under the ratio cap
    tracemalloc.start()
    try:
        problems = verify_package(lying)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 64 * 1024 * 1024
    assert any("bomb.bin" in p and ("损坏" in p or "不符" in p) for p in problems), problems


def test_two_entries_of_one_name_are_refused(tmp_path):
    folder = make_package(tmp_path)
    with pytest.warns(UserWarning, match="Duplicate"):
        target = zip_with(folder, (f"{folder.name}/文件/{CODE}.pdf", PDF))
    problems = verify_package(target)
    assert any("重名" in p and f"{CODE}.pdf" in p for p in problems), problems


# ---- the command line ----


def parent_listed(tmp_path):
    folder = make_package(tmp_path)
    add_to_manifest(folder, listed("../../x", b"outside"))
    return zip_with(folder, (f"{folder.name}/../../x", b"outside")), "上级目录"


def absolute(tmp_path):
    target = tmp_path / "absolute.zip"
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("/pkg/manifest.json", b"{}")
    return target, "绝对路径"


def drive(tmp_path):
    return zip_with(make_package(tmp_path), ("C:\\x", b"outside")), "盘符"


def symlink_entry(tmp_path):
    folder = make_package(tmp_path)
    add_to_manifest(folder, listed("说明.txt", b"/etc/passwd"))
    return zip_with(folder, (symlink_info(f"{folder.name}/说明.txt"), b"/etc/passwd")), "符号链接"


def symlink_in_folder(tmp_path):
    folder = make_package(tmp_path)
    (tmp_path / "secret.txt").write_bytes(b"secret")
    try:
        (folder / "说明.txt").symlink_to(tmp_path / "secret.txt")
    except OSError:
        pytest.skip("this system cannot make symbolic links")
    add_to_manifest(folder, listed("说明.txt", b"secret"))
    return folder, "符号链接"


def fifo_in_folder(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("this system has no named pipes (FIFOs)")
    folder = make_package(tmp_path)
    os.mkfifo(folder / "说明.txt")
    add_to_manifest(folder, listed("说明.txt", b"secret"))
    return folder, "命名管道"


@pytest.mark.parametrize(
    "build",
    [parent_listed, absolute, drive, symlink_entry, symlink_in_folder, fifo_in_folder, "bomb"],
)
def test_the_command_refuses_in_chinese_without_a_traceback(tmp_path, capsys, request, build):
    if build == "bomb":
        package, reason = request.getfixturevalue("bomb"), "压缩比"
    else:
        package, reason = build(tmp_path)
    assert main(["verify", str(package)]) == 1
    out, err = capsys.readouterr()
    assert reason in out and "已拒绝" in out
    assert "共发现" in err
    assert "Traceback" not in out + err and "Error" not in out + err
