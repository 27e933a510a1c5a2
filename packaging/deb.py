"""The Debian package for 统信UOS, 麒麟 and other Debian/Ubuntu-family systems:
``python packaging/deb.py`` puts the frozen build (packaging/build.py) under /opt/dualleader and
builds ``dist/dualleader-desktop_<version>_<arch>.deb`` with dpkg-deb, holding:
- ``/usr/bin/dualleader``, a two-line launcher (the frozen program finds its ``_internal``
  folder beside its real path);
- a .desktop entry with the Chinese name (``dualleader.desktop``: the name the window reports,
  app.py's DESKTOP_FILE) and the icon at each hicolor size;
- Depends on what the build does not carry and Qt's xcb and wayland platforms load (read from
  the build machine: PyInstaller leaves out the C library, OpenGL/EGL and libxcb itself, and
  keeps what it found installed) and on a Chinese font, without which the window shows boxes.
packaging/deb_smoke.py installs it with dpkg -i, runs it, and removes it.
"""

from __future__ import annotations

import argparse
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAYLOAD = ROOT / "dist" / "dualleader"
ICONS = ROOT / "resources" / "icons"
PACKAGE = "dualleader-desktop"
PREFIX = "opt/dualleader"
# What the build leaves to the system (see the docstring), as Debian names them
DEPENDS = (
    "libc6",
    "libgl1",
    "libegl1",
    "libxcb1",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libwayland-client0",
    "libwayland-cursor0",
    "fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei",
)
LAUNCHER = f"""#!/bin/sh
exec /{PREFIX}/dualleader "$@"
"""
DESKTOP_ENTRY = """[Desktop Entry]
Type=Application
Name=双带头人支部工作台
Name[zh_CN]=双带头人支部工作台
Name[en]=DualLeader Desktop
GenericName=党支部工作记录
GenericName[zh_CN]=党支部工作记录
Comment=党员档案、三会一课、谈心谈话、民主评议的记录与归档
Comment[en]=A Party branch's records, meetings and archive packages, kept offline
Exec=dualleader
Icon=dualleader
Terminal=false
Categories=Office;
Keywords=党支部;党员;三会一课;归档;
StartupWMClass=dualleader
"""


def architecture() -> str:
    done = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True)
    return done.stdout.strip() or "amd64"


def control(version: str, arch: str, installed_kib: int) -> str:
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        "Maintainer: DualLeader Desktop <dualleader@localhost>\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(DEPENDS)}\n"
        "Section: office\n"
        "Priority: optional\n"
        "Description: 双带头人支部工作台 (DualLeader Desktop)\n"
        " 高校、职业院校教师党支部书记的离线桌面程序：党员档案、三会一课、主题党日、\n"
        " 组织生活会、谈心谈话、民主评议党员的记录，按 GB/T 9704 生成 Word 和 PDF 文书，\n"
        " 按 DA/T 22 导出归档包。\n"
        " .\n"
        " Keeps a teacher Party branch's records offline and exports archive-ready\n"
        " Word and PDF documents and packages.\n"
    )


def stage(root: Path, payload: Path) -> int:
    """Lays the package's files out under ``root``; returns their size in KiB."""
    shutil.copytree(payload, root / PREFIX, symlinks=True)
    launcher = root / "usr" / "bin" / "dualleader"
    launcher.parent.mkdir(parents=True)
    launcher.write_text(LAUNCHER, encoding="utf-8")
    entry = root / "usr" / "share" / "applications" / "dualleader.desktop"
    entry.parent.mkdir(parents=True)
    entry.write_text(DESKTOP_ENTRY, encoding="utf-8")
    hicolor = root / "usr" / "share" / "icons" / "hicolor"
    for png in ICONS.glob("dualleader-*.png"):
        size = png.stem.split("-")[1]
        target = hicolor / f"{size}x{size}" / "apps" / "dualleader.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(png, target)
    (hicolor / "scalable" / "apps").mkdir(parents=True)
    shutil.copyfile(ICONS / "dualleader.svg", hicolor / "scalable" / "apps" / "dualleader.svg")
    total = 0
    for path in root.rglob("*"):  # readable by all; executables and folders runnable by all
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
            continue
        runnable = path == launcher or path.stat().st_mode & stat.S_IXUSR
        path.chmod(0o755 if runnable else 0o644)
        total += path.stat().st_size
    return (total + 1023) // 1024


def build(payload: Path, out_dir: Path, version: str) -> Path:
    """Builds the package from the frozen folder ``payload``; returns its path."""
    arch = architecture()
    out = out_dir / f"{PACKAGE}_{version}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="dl-deb-") as folder:
        root = Path(folder) / "root"
        root.mkdir()
        kib = stage(root, payload)
        (root / "DEBIAN").mkdir(mode=0o755)
        (root / "DEBIAN" / "control").write_text(control(version, arch, kib), encoding="utf-8")
        # xz (every dpkg reads it; zstd needs dpkg 1.21, newer than 统信UOS 20's) at level 3:
        # here 36 s for 93 MiB against level 6's 78 s for 86 MiB
        done = subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zxz", "-z3", "--build", str(root), str(out)],
            capture_output=True,
            text=True,
        )
    if done.returncode != 0:
        raise RuntimeError(f"dpkg-deb 打包失败：{done.stderr.strip() or done.stdout.strip()}")
    return out


def main(argv: list[str] | None = None) -> int:
    from dualleader_desktop import __version__

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--payload", type=Path, default=PAYLOAD, help="the frozen build folder")
    parser.add_argument("--out-dir", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    if shutil.which("dpkg-deb") is None:
        print("没有找到 dpkg-deb：请在 Debian、统信UOS 或麒麟系统上打包。", file=sys.stderr)
        return 1
    if not (args.payload / "_internal").is_dir():
        print(f"没有找到构建结果 {args.payload}：请先运行 packaging/build.py。", file=sys.stderr)
        return 1
    try:
        out = build(args.payload, args.out_dir, __version__)
    except RuntimeError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"debian package: {out}, {out.stat().st_size / 2**20:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
