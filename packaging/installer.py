"""The Windows installer: ``python packaging/installer.py`` compiles packaging/windows/
dualleader.nsi with NSIS's ``makensis`` around the frozen build (packaging/build.py) into
``dist/DualLeaderDesktop-<version>-setup.exe``. makensis runs on Linux too, so the script is
compiled here against a stand-in payload in the tests (tests/unit/test_installer.py).

On Windows, after ``packaging\\build.py``, with NSIS installed (https://nsis.sourceforge.io,
or ``winget install NSIS.NSIS``): ``py -3.11 packaging\\installer.py``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "packaging" / "windows" / "dualleader.nsi"
ICON = ROOT / "resources" / "icons" / "dualleader.ico"
PAYLOAD = ROOT / "dist" / "dualleader"
# where NSIS's own installer puts makensis on Windows (it does not add it to PATH)
NSIS_DEFAULTS = (
    Path(r"C:\Program Files (x86)\NSIS\makensis.exe"),
    Path(r"C:\Program Files\NSIS\makensis.exe"),
)


def version_quad(version: str) -> str:
    """``0.1.0`` → ``0.1.0.0``: the four numbers Windows' version information holds."""
    numbers = [int(part) for part in re.findall(r"\d+", version)[:4]]
    return ".".join(str(number) for number in numbers + [0] * (4 - len(numbers)))


def setup_name(version: str) -> str:
    return f"DualLeaderDesktop-{version}-setup.exe"


def command(makensis: str, payload: Path, out: Path, version: str) -> list[str]:
    defines = {
        "VERSION": version,
        "VERSION_QUAD": version_quad(version),
        "PAYLOAD": str(payload),
        "ICON": str(ICON),
        "OUTFILE": str(out),
    }
    # "-" options: makensis on Windows takes them as well as "/", on Linux only them; -WX: a
    # warning (an unused string, a missing language entry) fails the build
    return [
        makensis,
        "-V2",
        "-WX",
        *(f"-D{key}={value}" for key, value in defines.items()),
        str(SCRIPT),
    ]


def main(argv: list[str] | None = None) -> int:
    from dualleader_desktop import __version__

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--payload", type=Path, default=PAYLOAD, help="the frozen build folder")
    parser.add_argument("--out", type=Path, help="the installer to write")
    args = parser.parse_args(argv)
    makensis = shutil.which("makensis") or next(
        (str(path) for path in NSIS_DEFAULTS if path.is_file()), None
    )
    if makensis is None:
        print(
            "没有找到 NSIS 的 makensis：请先安装 NSIS（https://nsis.sourceforge.io）。",
            file=sys.stderr,
        )
        return 1
    if not (args.payload / "_internal").is_dir():
        print(f"没有找到构建结果 {args.payload}：请先运行 packaging/build.py。", file=sys.stderr)
        return 1
    out = args.out or ROOT / "dist" / setup_name(__version__)
    done = subprocess.run(
        command(makensis, args.payload, out, __version__), capture_output=True, text=True
    )
    if done.returncode != 0:
        print(done.stdout[-4000:], done.stderr[-4000:], sep="\n", file=sys.stderr)
        print(f"安装程序编译失败（makensis 退出码 {done.returncode}）。", file=sys.stderr)
        return 1
    print(f"installer: {out}, {out.stat().st_size / 2**20:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
