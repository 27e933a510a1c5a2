"""The Windows installer script compiles with makensis (NSIS runs on Linux too) around a
stand-in payload, and says in its version details, in Chinese and English, what it installs."""

import importlib.util
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from platformdirs import user_data_path

from dualleader_desktop import APP_ID, APP_NAME, __version__

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "windows" / "dualleader.nsi"


def load_installer():
    """packaging/installer.py by its path (``packaging`` is also pip's package)."""
    spec = importlib.util.spec_from_file_location("installer", ROOT / "packaging" / "installer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def defined(name: str) -> str:
    return re.search(rf'^!define {name} "([^"]*)"', SCRIPT.read_text(encoding="utf-8"), re.M)[1]


@pytest.mark.parametrize(
    ("version", "quad"), [("0.1.0", "0.1.0.0"), ("1.2", "1.2.0.0"), ("2.0.1.5", "2.0.1.5")]
)
def test_windows_wants_four_version_numbers(version, quad):
    assert load_installer().version_quad(version) == quad


def test_the_installer_names_the_program_as_the_program_does():
    assert defined("APP_NAME") == APP_NAME  # the shortcuts' and the uninstall entry's name
    assert defined("APP_ID") == APP_ID


def test_the_program_folder_is_not_where_the_records_are():
    """The uninstaller removes its install folder's program files; the user's data folder
    (platformdirs, named APP_ID under %LOCALAPPDATA%) is another folder."""
    text = SCRIPT.read_text(encoding="utf-8")
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP_ID}"' in text
    assert user_data_path(APP_ID, appauthor=False).name == APP_ID  # …\Local\DualLeaderDesktop
    uninstall = text.split('Section "Uninstall"')[1]
    assert 'RMDir /r "$INSTDIR"' not in uninstall  # only what the installer put there
    assert "RequestExecutionLevel user" in text  # no administrator rights asked for


@pytest.mark.skipif(shutil.which("makensis") is None, reason="NSIS (makensis) is not installed")
def test_makensis_compiles_the_installer_around_a_payload(tmp_path):
    installer = load_installer()
    payload = tmp_path / "dualleader"
    (payload / "_internal").mkdir(parents=True)
    (payload / "dualleader.exe").write_bytes(b"MZ stand-in")
    (payload / "_internal" / "base_library.zip").write_bytes(b"stand-in")
    out = tmp_path / installer.setup_name(__version__)
    assert installer.main(["--payload", str(payload), "--out", str(out)]) == 0
    data = out.read_bytes()
    assert data[:2] == b"MZ"
    # the version details Windows shows under Properties › Details, in both languages
    for text in (APP_NAME, "DualLeader Desktop", f"{APP_NAME} 安装程序", __version__):
        assert text.encode("utf-16-le") in data, text


@pytest.mark.skipif(shutil.which("makensis") is None, reason="NSIS (makensis) is not installed")
def test_a_missing_payload_fails_the_compile_and_names_it(tmp_path):
    installer = load_installer()
    command = installer.command(
        shutil.which("makensis"), tmp_path / "absent", tmp_path / "x.exe", "0.1"
    )
    done = subprocess.run(command, capture_output=True, text=True)
    assert done.returncode != 0 and "absent" in done.stdout + done.stderr
