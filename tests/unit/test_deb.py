"""The Debian package built from a stand-in frozen folder: what dpkg sees (its fields) and what
it puts where (a launcher on PATH that runs the program, a .desktop entry in Chinese naming the
icon and the window, the icon at each hicolor size)."""

import configparser
import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

from dualleader_desktop import APP_NAME, DESKTOP_FILE, __version__

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(
    shutil.which("dpkg-deb") is None, reason="dpkg-deb is not installed (not a Debian system)"
)


def load_deb():
    """packaging/deb.py by its path (``packaging`` is also pip's package)."""
    spec = importlib.util.spec_from_file_location("deb", ROOT / "packaging" / "deb.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    deb = load_deb()
    folder = tmp_path_factory.mktemp("deb")
    payload = folder / "dualleader"
    (payload / "_internal").mkdir(parents=True)
    program = payload / "dualleader"
    program.write_bytes(b"\x7fELF stand-in")
    program.chmod(0o700)  # as a build may leave it: the package makes it runnable by all
    (payload / "_internal" / "base_library.zip").write_bytes(b"stand-in")
    out = deb.build(payload, folder, __version__)
    tree = folder / "tree"
    subprocess.run(["dpkg-deb", "-x", str(out), str(tree)], check=True)
    return out, tree


def field(out: Path, name: str) -> str:
    done = subprocess.run(["dpkg-deb", "-f", str(out), name], capture_output=True, text=True)
    return done.stdout.strip()


def test_dpkg_reads_the_package_name_version_and_dependencies(package):
    out, _ = package
    assert out.name == f"dualleader-desktop_{__version__}_{field(out, 'Architecture')}.deb"
    assert field(out, "Package") == "dualleader-desktop"
    assert field(out, "Version") == __version__
    depends = [item.strip() for item in field(out, "Depends").split(",")]
    assert "libxcb1" in depends and "libxcb-icccm4" in depends
    fonts = next(item for item in depends if "fonts-noto-cjk" in item)
    assert "fonts-wqy-microhei" in fonts  # any one Chinese font will do
    assert APP_NAME in field(out, "Description")


def test_the_launcher_on_path_runs_the_program_the_package_holds(package):
    _, tree = package
    launcher = tree / "usr" / "bin" / "dualleader"
    assert launcher.stat().st_mode & 0o777 == 0o755
    target = launcher.read_text(encoding="utf-8").split("exec ")[1].split()[0]
    program = tree / target.lstrip("/")
    assert program.is_file() and program.stat().st_mode & 0o777 == 0o755
    assert (program.parent / "_internal" / "base_library.zip").stat().st_mode & 0o777 == 0o644


def test_the_menu_entry_is_in_chinese_and_names_the_icon_and_the_window(package):
    _, tree = package
    path = tree / "usr" / "share" / "applications" / f"{DESKTOP_FILE}.desktop"
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(path, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Name"] == desktop["Name[zh_CN]"] == APP_NAME
    assert desktop["Exec"].split()[0] == "dualleader"
    assert desktop["StartupWMClass"] == DESKTOP_FILE
    icons = tree / "usr" / "share" / "icons" / "hicolor"
    sizes = sorted(int(p.parent.parent.name.split("x")[0]) for p in icons.glob("*x*/apps/*.png"))
    assert sizes == [16, 24, 32, 48, 64, 128, 256]
    assert {p.stem for p in icons.rglob("dualleader.*")} == {desktop["Icon"]}
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr


def test_without_a_build_it_says_what_to_run_first(tmp_path, capsys):
    assert load_deb().main(["--payload", str(tmp_path / "absent")]) == 1
    assert "packaging/build.py" in capsys.readouterr().err
