"""OpenType/CFF fonts made embeddable: subsets converted to TrueType, kept in memory and on disk.

reportlab embeds only TrueType outlines; an OpenType/CFF font (Noto CJK, Source Han, Fandol)
fails with "postscript outlines are not supported". So a face of such a font is cut down to the
characters asked for and its outlines converted to TrueType (``convert``), and the result is
registered with reportlab from memory. documents/fonts.py decides which faces a document needs;
this module only makes them.

Converting costs ~0.3 s to open a font and ~1 ms a glyph, so a converted font is kept for the
characters it was asked for: in this process, and as a file in the user's cache folder
(``paths.font_cache_dir``) for other processes (spawned export workers, the next export). A
request is served by any kept font asked for a superset of its characters, so an export that
first asks for the union of all its documents' characters (pdf_render.prepare_fonts) converts
each font once.

On disk each converted font is two files, ``<source key>-<request digest>.ttf`` and a ``.json``
note of the characters requested and covered. The source key digests the font file's path, face
index, size and modification time, so a font updated in place never meets an old conversion.
The cache is pruned whenever a font is written: the ``KEEP_PER_FONT`` most recently used notes of
that source stay (a note's modification time is touched on each use), and any conversion unused
for ``STALE_DAYS`` (its font uninstalled or updated) goes.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import threading
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from dualleader_desktop import paths

log = logging.getLogger(__name__)
KEEP_PER_FONT = 8  # converted fonts kept on disk for each source font, the most recently used
STALE_DAYS = 90  # a converted font of a font no longer installed (or updated) goes after this
STATS: Counter[str] = Counter()  # "converted", "memory" and "disk" hits: for tests, benchmarks


@dataclass(frozen=True)
class Converted:
    """A converted font registered with reportlab: ``name`` to draw with, the characters it
    was ``requested`` for and those of them the source font ``covered``."""

    name: str
    requested: frozenset[str]
    covered: frozenset[str]


_lock = threading.Lock()  # the GUI renders a preview and an export in two threads
_converted: dict[tuple[str, int], list[Converted]] = {}  # by (font file, face index)


def subset(path: str, index: int, chars: frozenset[str]) -> Converted | None:
    """A registered TrueType font of face ``index`` of ``path`` with every one of ``chars``
    that face has: one kept in this process or in the cache folder that was asked for all of
    them, else one converted now and kept. None when the font cannot be read or converted."""
    with _lock:
        for kept in _converted.get((path, index), ()):
            if chars <= kept.requested:
                STATS["memory"] += 1
                return kept
        found = _from_disk(path, index, chars)
        if found is not None:
            STATS["disk"] += 1
        else:
            found = _convert_and_keep(path, index, chars)
            if found is None:
                return None
        _converted.setdefault((path, index), []).append(found)
        return found


def convert_ahead(requests: list[tuple[str, int, frozenset[str]]]) -> None:
    """Convert the fonts of ``requests`` (path, face index, characters) that are neither in
    this process nor on disk, side by side in forked processes where there are several and
    forking is safe (the command line; see documents/parallel.py): a year's first export
    converts its three or four faces on every core instead of one after another. Each is
    kept as ``subset`` keeps its own; a conversion that fails there is left for ``subset`` to
    try and report."""
    from dualleader_desktop.documents.parallel import can_fork, end_with_parent

    with _lock:
        missing = [
            (path, index, chars)
            for path, index, chars in requests
            if not any(chars <= kept.requested for kept in _converted.get((path, index), ()))
            and _disk_note(path, index, chars) is None
        ]
    workers = min(len(missing), os.cpu_count() or 1)
    if workers < 2 or not can_fork():
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=end_with_parent,  # a killed export leaves no worker behind
            initargs=(os.getpid(),),
        ) as pool:
            converted = list(pool.map(_convert_in_worker, *zip(*missing, strict=True)))
    except (BrokenProcessPool, OSError) as exc:  # no processes to be had: one after another
        log.info("cannot convert fonts side by side: %s", exc)
        return
    for (path, index, chars), done in zip(missing, converted, strict=True):
        if done is None:
            continue
        stem, covered = done
        try:
            data = (paths.font_cache_dir() / f"{stem}.ttf").read_bytes()
        except OSError:
            continue  # not kept: subset converts it here
        with _lock:
            STATS["converted"] += 1
            kept = Converted(_register(data, stem), chars, covered)
            _converted.setdefault((path, index), []).append(kept)


def _convert_in_worker(path: str, index: int, chars: frozenset[str]):
    """In a worker: the font converted into the cache folder; only its name and characters go
    back (a small message: see documents/parallel.py on large ones in the result pipe)."""
    done = _convert_and_store(path, index, chars)
    return None if done is None else (done[0], done[2])


def digest(text: str) -> str:
    """16 hex digits of SHA-256: short, stable names for fonts and cache files."""
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _source_key(path: str, index: int) -> str:
    """Names the font file as it is: a font updated in place gets a new key."""
    stat = os.stat(path)
    return digest(f"{path}|{index}|{stat.st_size}|{stat.st_mtime_ns}")


def _disk_note(path: str, index: int, chars: frozenset[str]) -> tuple[Path, dict] | None:
    """The cache folder's note (its path, what it says) of a conversion of the face that was
    asked for all of ``chars``."""
    try:
        folder, key = paths.font_cache_dir(), _source_key(path, index)
        notes = sorted(folder.glob(f"{key}-*.json"))
    except OSError:
        return None
    for note in notes:
        try:
            kept = json.loads(note.read_text(encoding="utf-8"))
            if chars <= set(kept["requested"]):
                return note, kept
        except (OSError, ValueError, KeyError) as exc:
            log.info("ignoring cached font %s: %s", note, exc)
    return None


def _from_disk(path: str, index: int, chars: frozenset[str]) -> Converted | None:
    """A converted font in the cache folder that was asked for all of ``chars``."""
    found = _disk_note(path, index, chars)
    if found is None:
        return None
    note, kept = found
    try:
        name = _register(note.with_suffix(".ttf").read_bytes(), note.stem)
        os.utime(note)  # used: kept longest
    except (OSError, ValueError) as exc:
        log.info("ignoring cached font %s: %s", note, exc)
        return None
    return Converted(name, frozenset(kept["requested"]), frozenset(kept["covered"]))


def _convert_and_keep(path: str, index: int, chars: frozenset[str]) -> Converted | None:
    done = _convert_and_store(path, index, chars)
    if done is None:
        return None
    STATS["converted"] += 1
    stem, data, covered = done
    return Converted(_register(data, stem), chars, covered)


def _convert_and_store(
    path: str, index: int, chars: frozenset[str]
) -> tuple[str, bytes, frozenset[str]] | None:
    """The font converted (its file stem, bytes and the characters it has) and stored in the
    cache folder; None when it cannot be read or converted."""
    key = _source_key(path, index)
    stem = f"{key}-{digest(key + ''.join(sorted(chars)))}"
    started = time.perf_counter()
    try:
        data, covered = convert(path, index, chars, postscript_suffix=stem[-8:])
    except Exception as exc:  # fontTools raises many kinds on a damaged font
        log.info("cannot convert font %s: %s", path, exc)
        return None
    log.info(
        "converted %s (%d) to TrueType: %d glyphs in %.2f s",
        path,
        index,
        len(covered),
        time.perf_counter() - started,
    )
    _store(stem, data, chars, covered)
    return stem, data, covered


def _store(stem: str, data: bytes, requested: frozenset[str], covered: frozenset[str]) -> None:
    """Into the cache folder, each file whole or not at all (written beside and renamed; the
    note last, so a reader never finds a note without its font). A folder that cannot be
    written leaves the font to this process."""
    folder = paths.font_cache_dir()
    note = {"requested": "".join(sorted(requested)), "covered": "".join(sorted(covered))}
    try:
        folder.mkdir(mode=paths.PRIVATE_FOLDER, parents=True, exist_ok=True)
        for suffix, content in ((".ttf", data), (".json", json.dumps(note).encode())):
            temp = folder / f".{stem}{suffix}.{os.getpid()}.{threading.get_ident()}"
            temp.write_bytes(content)
            os.replace(temp, folder / f"{stem}{suffix}")
        _prune(folder, stem.split("-")[0])
    except OSError as exc:
        log.info("cannot keep the converted font in %s: %s", folder, exc)


def _prune(folder: Path, key: str) -> None:
    """Keep the KEEP_PER_FONT most recently used fonts of a source, and nothing of a source
    unused for STALE_DAYS (a font uninstalled or updated)."""
    notes = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    ours = [n for n in notes if n.name.startswith(f"{key}-")]
    stale = time.time() - STALE_DAYS * 86400
    for note in ours[KEEP_PER_FONT:] + [n for n in notes if n.stat().st_mtime < stale]:
        for path in (note, note.with_suffix(".ttf")):
            path.unlink(missing_ok=True)


def _register(data: bytes, stem: str) -> str:
    """The converted font registered with reportlab (once per process), by its name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    name = f"DL-{stem}"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, io.BytesIO(data)))
    return name


def convert(
    path: str, index: int, chars: Iterable[str], postscript_suffix: str
) -> tuple[bytes, frozenset[str]]:
    """A TrueType font of the glyphs for ``chars`` of face ``index`` of ``path``, and the
    characters it has.

    The outlines are drawn through Cu2QuPen into TTGlyphPen (cubic to quadratic curves, 1 unit
    of 1000 off at most) into a new font with glyf/loca, maxp 1.0 and post format 2; metrics
    and names come from the source. Its PostScript name gets ``postscript_suffix``: reportlab
    takes two fonts of one PostScript name for one and would draw one's glyphs with the other.
    """
    from fontTools.ttLib import TTFont

    with TTFont(path, fontNumber=index, lazy=True) as font:  # lazy: the file stays open
        return _truetype_subset(font, chars, postscript_suffix)


def _truetype_subset(font, chars: Iterable[str], postscript_suffix: str):
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    cmap = font.getBestCmap()
    wanted = {c: cmap[ord(c)] for c in chars if ord(c) in cmap}
    order = [".notdef", *sorted(set(wanted.values()) - {".notdef"}, key=font.getGlyphID)]
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    builder = FontBuilder(font["head"].unitsPerEm, isTTF=True)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap({ord(c): name for c, name in wanted.items()})
    builder.setupGlyf(glyphs)
    advances = font["hmtx"]
    builder.setupHorizontalMetrics({n: (advances[n][0], glyphs[n].xMin) for n in order})
    hhea, os2 = font["hhea"], font["OS/2"]
    builder.setupHorizontalHeader(ascent=hhea.ascent, descent=hhea.descent, lineGap=hhea.lineGap)
    names = font["name"]
    family = names.getDebugName(16) or names.getDebugName(1) or "Chinese"
    style = names.getDebugName(17) or names.getDebugName(2) or "Regular"
    postscript = (names.getDebugName(6) or "ChineseFont").replace(" ", "")
    builder.setupNameTable(
        {
            "familyName": family,
            "styleName": style,
            "psName": f"{postscript}-{postscript_suffix}"[:63],
        }
    )
    builder.setupOS2(
        usWeightClass=os2.usWeightClass,
        fsType=os2.fsType,  # the font's embedding licence, which reportlab respects
        sTypoAscender=os2.sTypoAscender,
        sTypoDescender=os2.sTypoDescender,
        sTypoLineGap=os2.sTypoLineGap,
        usWinAscent=os2.usWinAscent,
        usWinDescent=os2.usWinDescent,
        ulCodePageRange1=os2.ulCodePageRange1,
        ulCodePageRange2=os2.ulCodePageRange2,
    )
    builder.setupPost()  # format 2 with glyph names for a TrueType font
    buffer = io.BytesIO()
    builder.save(buffer)
    return buffer.getvalue(), frozenset(wanted)
