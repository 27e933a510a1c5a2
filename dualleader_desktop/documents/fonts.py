"""Chinese fonts for the PDF: embed a TrueType face found on this machine, else fall back.

reportlab embeds TrueType (``glyf``) fonts and TrueType collections as subsets, but cannot
embed OpenType/CFF fonts such as Noto CJK ("postscript outlines are not supported"): those are
skipped. Where no usable face is found, the built-in CID font STSong-Light is used and the log
says so once; it is not embedded, so such a PDF needs the reader to supply a font (GOTCHAS.md).
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

log = logging.getLogger(__name__)
CID_FALLBACK = "STSong-Light"
# preferred faces by role, Windows file names first (what a Chinese office PC has)
WINDOWS_FACES = {
    "body": ("simfang.ttf", "simsun.ttc", "simkai.ttf"),
    "title": ("simsun.ttc", "simhei.ttf", "simfang.ttf"),
    "heading1": ("simhei.ttf", "simsun.ttc"),
    "heading2": ("simkai.ttf", "simfang.ttf", "simsun.ttc"),
}


@dataclass(frozen=True)
class FontFace:
    """A registered reportlab font: ``name`` to use in styles; ``path`` None for the built-in
    CID font (not embedded)."""

    name: str
    path: str | None


@cache  # asks fc-list once per process
def candidate_files() -> tuple[Path, ...]:
    """Chinese font files this machine offers, in order of preference."""
    found: list[Path] = []
    windir = os.environ.get("WINDIR")
    if windir:
        fonts = Path(windir) / "Fonts"
        found += [fonts / n for names in WINDOWS_FACES.values() for n in names]
    fc_list = shutil.which("fc-list")
    if fc_list:
        try:
            out = subprocess.run(
                [fc_list, ":lang=zh", "file"], capture_output=True, text=True, timeout=10
            ).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        found += sorted(Path(line.split(":")[0].strip()) for line in out.splitlines() if line)
    seen: set[Path] = set()
    return tuple(p for p in found if p.is_file() and not (p in seen or seen.add(p)))


def register_file(path: Path, name: str) -> FontFace | None:
    """Register a TrueType font or collection (subfont 0) under ``name``; None if unusable."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    if path.suffix.lower() not in (".ttf", ".ttc"):
        return None  # .otf is CFF: reportlab cannot embed it
    try:
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=0))
    except (TTFError, OSError, ValueError) as exc:
        log.info("skipping font %s: %s", path, exc)
        return None
    return FontFace(name, str(path))


@cache
def cid_fallback() -> FontFace:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    log.warning(
        "no embeddable Chinese TrueType font found; PDFs use the built-in %s, which is not "
        "embedded (install SimSun/SimFang, or fonts-wqy-zenhei / fonts-arphic-uming)",
        CID_FALLBACK,
    )
    pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
    return FontFace(CID_FALLBACK, None)


@cache
def pdf_font(role: str = "body", extra: tuple[str, ...] = ()) -> FontFace:
    """The face for a role (body, title, heading1, heading2), registered once per process.

    ``extra`` puts font files first (tests give a small TrueType font of their own).
    """
    preferred = WINDOWS_FACES.get(role, ())
    files = [*(Path(p) for p in extra), *candidate_files()]
    files.sort(key=lambda p: (str(p) not in extra, p.name.lower() not in preferred))
    for path in files:
        face = _face(str(path.resolve()))
        if face is not None:
            return face
    return cid_fallback()


@cache
def _face(path: str) -> FontFace | None:
    """Each file parsed and registered once per process, under a name of its own (a name
    registered again would rebind the fonts of documents already laid out)."""
    return register_file(Path(path), f"DL-{zlib.crc32(path.encode()):08x}")
