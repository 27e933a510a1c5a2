"""Staging folders: private while written, readable at the rename, and removed at the next
export once no live process owns them; the same for the previews' temporary folders."""

import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import textwrap
import time
import zipfile
from pathlib import Path

import pytest

from dualleader_desktop import staging
from dualleader_desktop.documents import package as package_module
from dualleader_desktop.documents.package import staged_folder, sweep_stale, zip_folder

ROOT = Path(__file__).resolve().parents[2]
TARGET = "Z001-WS·2025-归档包"
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
linux_only = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def dead_pid() -> int:
    """The pid of a process that has ended (and been reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


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
        assert folder.name.startswith(f".{TARGET}.partial-{staging.owner_tag()}")
    assert mode(target) == folder_mode
    assert [p.name for p in target.iterdir()] == ["花名册.pdf"]  # no owner file in the package


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


def test_sweep_removes_what_no_live_process_owns(tmp_path):
    prefix = f".{TARGET}.partial-"
    own = staging.owner_tag()
    pid = os.getpid()
    machine = staging._machine()
    dead = f"p{dead_pid()}-s-h{machine}-"
    names = {
        "mine": own + "aaaa",
        "dead": dead + "bbbb",
        "other machine, young": f"p{pid}-s-h00000000-cccc",
        "other machine, old": f"p{pid}-s-h00000000-dddd",
        "no owner, young": "eeee",
        "no owner, old": "ffff",
        "dead zip": dead + "gggg",
    }
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep").write_text("x")
    old = time.time() - 3 * 24 * 3600
    for label, name in names.items():
        path = tmp_path / (prefix + name)
        if label == "dead zip":
            path.write_bytes(b"PK")
        else:
            path.mkdir()
            (path / "花名册.pdf").write_bytes(b"%PDF")
        if label.endswith("old"):
            os.utime(path, (old, old))
    link = tmp_path / (prefix + dead + "link")
    link.symlink_to(outside, target_is_directory=True)
    sweep_stale(tmp_path / TARGET)
    left = {p.name.removeprefix(prefix) for p in tmp_path.iterdir() if p.name.startswith(prefix)}
    kept = {"mine", "other machine, young", "no owner, young"}
    assert left == {names[label] for label in kept}
    assert (outside / "keep").exists()  # a link is removed, never what it points to


@linux_only
def test_a_reused_pid_is_not_the_owner():
    pid, start = os.getpid(), staging._start_time(os.getpid())
    machine = staging._machine()
    assert staging.owner_alive(f"p{pid}-s{start}-h{machine}-x") is True
    assert staging.owner_alive(f"p{pid}-s{int(start) + 1}-h{machine}-x") is False
    assert staging.owner_alive("p1x-whatever") is None


HOLD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path

    from dualleader_desktop.documents.package import staged_folder

    with staged_folder(Path(sys.argv[1])) as folder:
        (folder / "花名册.pdf").write_bytes(b"%PDF")
        print(folder, flush=True)
        time.sleep(120)
    """
)


def holding(target: Path) -> tuple[subprocess.Popen, Path]:
    """An export in another process, stopped while its staging folder is written."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(target)], stdout=subprocess.PIPE, text=True, env=env
    )
    return process, Path(process.stdout.readline().strip())


def test_a_killed_exports_folder_goes_at_the_next_export(tmp_path):
    target = tmp_path / TARGET
    killed, left_behind = holding(target)
    running, in_use = holding(tmp_path / "另一个归档包")
    try:
        killed.send_signal(signal.SIGKILL)
        killed.wait()
        assert left_behind.is_dir()
        if os.name == "posix":
            assert mode(left_behind) == 0o700  # the roster in it: not for other accounts
        with staged_folder(target):
            pass
        assert not left_behind.exists()
        sweep_stale(tmp_path / "另一个归档包")
        assert in_use.is_dir()  # its export is still at work
    finally:
        for process in (killed, running):
            if process.poll() is None:
                process.kill()
            process.wait()
            process.stdout.close()


def test_previews_of_dead_runs_are_removed(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    machine = staging._machine()
    dead = tmp_path / f"dl-preview-p{dead_pid()}-s-h{machine}-abcd"
    alive = tmp_path / f"dl-preview-{staging.owner_tag()}efgh"
    unrelated = tmp_path / "dl-other-thing"
    for folder in (dead, alive, unrelated):
        folder.mkdir()
        (folder / "预览_1_1.pdf").write_bytes(b"%PDF")
    made = staging.temp_dir("dl-preview-")
    try:
        assert made.parent == tmp_path and made.is_dir()
        assert made.name.startswith(f"dl-preview-{staging.owner_tag()}")
        if os.name == "posix":
            assert mode(made) == 0o700
        assert not dead.exists()
        assert alive.is_dir() and unrelated.is_dir()
    finally:
        shutil.rmtree(made)
