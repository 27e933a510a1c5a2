"""Renders the application icon (resources/icons/dualleader.svg, our own drawing) at the sizes
Windows and Linux ask for: ``dualleader-<n>.png`` for the window and the freedesktop icon theme
(hicolor 16 … 256), and ``dualleader.ico`` holding each size as its own bitmap for the Windows
executable, installer and shortcuts. Run after editing the SVG; the outputs are committed, so a
build needs neither Qt's SVG renderer nor this script.

Run: python tools/make_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

FOLDER = Path(__file__).resolve().parent.parent / "resources" / "icons"
SOURCE = FOLDER / "dualleader.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(size: int):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SOURCE)).render(painter)
    painter.end()
    return image


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    pngs = []
    for size in SIZES:
        path = FOLDER / f"dualleader-{size}.png"
        if not render(size).save(str(path)):
            print(f"could not write {path}", file=sys.stderr)
            return 1
        pngs.append(path)
    images = [Image.open(path) for path in reversed(pngs)]  # the largest first
    images[0].save(
        FOLDER / "dualleader.ico",
        sizes=[image.size for image in images],
        append_images=images[1:],
    )
    print(f"icons written to {FOLDER}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
