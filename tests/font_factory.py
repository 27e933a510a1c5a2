"""A small TrueType font made in the test, so PDF embedding is tested on no machine's fonts."""

from __future__ import annotations

import zlib
from pathlib import Path

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.ttGlyphPen import TTGlyphPen


def _box(width: int = 1000):
    pen = TTGlyphPen(None)
    pen.moveTo((100, -100))
    pen.lineTo((100, 800))
    pen.lineTo((width - 100, 800))
    pen.lineTo((width - 100, -100))
    pen.closePath()
    return pen.glyph()


def make_ttf(path: Path, characters: str) -> Path:
    """A TrueType font with a square glyph for each of ``characters``.

    Its family name is unique to the file: reportlab shares one typeface between fonts of the
    same internal name, so two test fonts named alike would swap glyphs.
    """
    family = f"DLTest{zlib.crc32(str(path.resolve()).encode()):08x}"
    chars = sorted(set(characters) - {" "})
    names = [".notdef", "space", *(f"uni{ord(c):04X}" for c in chars)]
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({32: "space", **{ord(c): f"uni{ord(c):04X}" for c in chars}})
    glyphs = {name: _box() for name in names}
    glyphs["space"] = TTGlyphPen(None).glyph()
    builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics({name: (1000 if name != "space" else 500, 0) for name in names})
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": family, "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120)
    builder.setupPost()
    builder.save(str(path))
    return path


def make_otf(path: Path, characters: str, family: str = "DLTest Serif SC") -> Path:
    """An OpenType/CFF font (what Noto CJK is) with a square glyph for each of ``characters``:
    reportlab cannot embed it; documents/font_subsets.py converts it."""
    chars = sorted(set(characters) - {" "})
    names = [".notdef", "space", *(f"uni{ord(c):04X}" for c in chars)]
    charstrings = {}
    for name in names:
        pen = T2CharStringPen(500 if name == "space" else 1000, None)
        if name != "space":
            pen.moveTo((100, -100))
            pen.lineTo((100, 800))
            pen.curveTo((300, 900), (700, 900), (900, 800))
            pen.lineTo((900, -100))
            pen.closePath()
        charstrings[name] = pen.getCharString()
    postscript = f"DLTestOTF{zlib.crc32(str(path.resolve()).encode()):08x}"
    builder = FontBuilder(1000, isTTF=False)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({32: "space", **{ord(c): f"uni{ord(c):04X}" for c in chars}})
    builder.setupCFF(postscript, {"FullName": postscript}, charstrings, {})
    builder.setupHorizontalMetrics(
        {name: (500 if name == "space" else 1000, 100) for name in names}
    )
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": family, "styleName": "Regular", "psName": postscript})
    builder.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120)
    builder.setupPost()
    builder.save(str(path))
    return path
