"""Chinese fonts for the PDF, always embedded: a face for each role from what the machine has.

Roles (GB/T 9704): body 仿宋, title 小标宋 (else a bold 宋体), heading1 黑体, heading2 楷体. Each
role takes the best font the machine offers for it (``chain``). TrueType files and collections
(Windows simfang/simsun/simhei/simkai, WenQuanYi, AR PL) are embedded as they are. OpenType/CFF
fonts (Noto CJK, Source Han, Fandol), which reportlab cannot embed, are drawn with TrueType
subsets converted for the characters asked for and kept (documents/font_subsets.py). A
character a face lacks is drawn with the next font of the chain that has it
(``RoleFaces.runs``): no character becomes a box while any font here has it. Only a machine
without any Chinese font gets the built-in STSong-Light, which is never embedded:
``embedding_available`` says so beforehand, the log when it happens.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import struct
import subprocess
import threading
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from itertools import groupby
from pathlib import Path

from dualleader_desktop.documents import font_subsets

log = logging.getLogger(__name__)
CID_FALLBACK = "STSong-Light"
ROLES = ("body", "title", "heading1", "heading2")
# kinds of Chinese face by words in their family names (any language), the most specific first
KIND_WORDS = (
    ("xiaobiaosong", ("xiaobiaosong", "小标宋")),
    ("fangsong", ("fangsong", "仿宋", "fandolfang")),
    ("kai", ("kai", "楷")),
    ("hei", ("hei", "黑", "sans", "gothic")),
    ("song", ("song", "宋", "simsun", "serif", "ming", "明")),
)
# for each role the kinds in order of preference; a font of no known kind comes last
ROLE_KINDS = {
    "body": ("fangsong", "song", "kai", "hei"),
    "title": ("xiaobiaosong", "song", "fangsong", "hei", "kai"),
    "heading1": ("hei", "song", "fangsong", "kai"),
    "heading2": ("kai", "fangsong", "song", "hei"),
}
# the Chinese fonts of Windows (and 方正小标宋简体 where an office installed it), in its font
# folder or the user's own
WINDOWS_FILES = ("simfang.ttf", "simsun.ttc", "simhei.ttf", "simkai.ttf", "FZXBSJW.TTF")
SIMPLIFIED = {"sc", "cn", "gb", "gb2312", "prc"}  # family name words of a simplified-Chinese face
# every request includes printable ASCII: page numbers, 档号 and dates differ from document to
# document, and a converted font kept for one then serves them all
ALWAYS = frozenset(chr(c) for c in range(0x20, 0x7F))


def kind_of(family: str) -> str | None:
    """The kind of Chinese face a family name says (仿宋, 楷体, …), None when it says none."""
    name = family.lower().replace(" ", "")
    return next((k for k, words in KIND_WORDS if any(w in name for w in words)), None)


@dataclass(frozen=True)
class FontFace:
    """A registered reportlab font: ``name`` to use in styles; ``path`` the font file it
    comes from (None for the built-in CID font, which is never embedded); ``bold`` when the
    face itself is bold."""

    name: str
    path: str | None
    bold: bool = False


@dataclass(frozen=True)
class Source:
    """A font on this machine: a file, the face in it (collections hold several), what kind of
    face its family name says, and whether its outlines are CFF (to be converted)."""

    path: str
    index: int
    family: str
    bold: bool
    cff: bool

    @property
    def kind(self) -> str | None:
        return kind_of(self.family)

    @property
    def simplified(self) -> bool:
        words = set(re.split(r"[\s,_\-]+", self.family.lower()))
        return bool(words & SIMPLIFIED) or "简" in self.family


@dataclass(frozen=True)
class RoleFaces:
    """The faces one role draws with: ``primary`` for everything it has, ``fallback`` for the
    characters it lacks, each from the first font of the role's chain that has it."""

    primary: FontFace
    fallback: Mapping[str, FontFace] = field(default_factory=dict)

    def runs(self, text: str) -> list[tuple[FontFace, str]]:
        """``text`` cut where the face changes: (face, characters) in order."""
        if not self.fallback or self.fallback.keys().isdisjoint(text):
            return [(self.primary, text)] if text else []
        face_of = self.fallback.get
        return [
            (face, "".join(chars))
            for face, chars in groupby(text, key=lambda char: face_of(char, self.primary))
        ]


_lock = threading.RLock()  # the GUI renders a preview and an export in two threads
_warned: set[str] = set()
_unusable: set[Source] = set()  # fonts that could not be read or converted in this process


def embedding_available() -> bool:
    """Whether PDFs made here embed their fonts: False where the machine has no Chinese font
    at all, and the built-in STSong-Light (never embedded) has to be used."""
    return bool(candidate_sources())


@cache  # asks fc-list once per process
def candidate_sources() -> tuple[Source, ...]:
    """The Chinese fonts this machine offers: one face per file (its simplified-Chinese face
    where a collection holds several), monospaced ones left out."""
    found: list[Source] = []
    windir = os.environ.get("WINDIR")
    if windir:
        folders = [Path(windir) / "Fonts"]
        if os.environ.get("LOCALAPPDATA"):
            folders.append(Path(os.environ["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts")
        for folder in folders:
            for name in WINDOWS_FILES:
                found += _read_sources(folder / name)
    found += _fc_list_sources()
    best: dict[str, Source] = {}
    for source in sorted(found, key=lambda s: (not s.simplified, s.index)):
        best.setdefault(source.path, source)
    return tuple(best.values())


def _fc_list_sources() -> list[Source]:
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return []
    fmt = r"%{file}\t%{index}\t%{family}\t%{weight}\t%{spacing}\t%{fontformat}\n"
    try:
        out = subprocess.run(
            [fc_list, "-f", fmt, ":lang=zh"], capture_output=True, text=True, timeout=10
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    found = []
    for line in sorted(out.splitlines()):
        parts = line.split("\t")
        if len(parts) != 6 or not Path(parts[0]).is_file():
            continue
        path, index, family, weight, spacing, fmt_name = parts
        if spacing == "100" or "mono" in family.lower():  # FC_MONO: not for running text
            continue
        found.append(
            Source(
                path,
                int(index or 0),
                family,
                bold=float(weight or 80) >= 150,  # fontconfig: 80 regular, 200 bold
                cff=fmt_name == "CFF",
            )
        )
    return found


def _read_sources(path: Path) -> list[Source]:
    """Every face of a font file, named as the file itself names it (all languages)."""
    if not path.is_file():
        return []
    from fontTools.ttLib import TTCollection, TTFont, TTLibError

    try:  # lazy reads keep the file open: closed on leaving
        if path.suffix.lower() == ".ttc":
            with TTCollection(str(path), lazy=True) as collection:
                return _faces(path, collection.fonts)
        with TTFont(str(path), lazy=True) as font:
            return _faces(path, [font])
    except (TTLibError, OSError, KeyError, struct.error, UnicodeDecodeError) as exc:
        log.info("skipping font %s: %s", path, exc)
        return []


def _faces(path: Path, fonts) -> list[Source]:
    found = []
    for index, font in enumerate(fonts):
        names = {r.toUnicode() for r in font["name"].names if r.nameID in (1, 16)}
        found.append(
            Source(
                str(path),
                index,
                ",".join(sorted(names)),
                bold=font["OS/2"].usWeightClass >= 600,
                cff="CFF " in font,
            )
        )
    return found


def chain(role: str, extra: tuple[str, ...] = (), named: str = "") -> list[Source]:
    """The fonts a role draws with, best first: ``extra`` files (tests give a small font of
    their own), then the machine's by kind (ROLE_KINDS, led by the kind of the face ``named``
    for the role where a school's template names another: 宋体 for the body), weight (a
    title wants a bold 宋体, the rest regular faces), simplified Chinese, TrueType before
    CFF."""
    kinds = ROLE_KINDS.get(role, ROLE_KINDS["body"])
    if (wanted := kind_of(named)) is not None:
        kinds = (wanted, *(kind for kind in kinds if kind != wanted))

    def rank(source: Source) -> tuple:
        kind = source.kind
        wants_bold = role == "title" and kind != "xiaobiaosong"
        return (
            kinds.index(kind) if kind in kinds else len(kinds),
            source.bold != wants_bold,
            not source.simplified,
            source.cff,
            source.path,
        )

    given = [s for path in extra for s in _read_sources(Path(path))[:1]]
    return [s for s in (*given, *sorted(candidate_sources(), key=rank)) if s not in _unusable]


def faces(
    texts: Mapping[str, str], extra: tuple[str, ...] = (), named: Mapping[str, str] = {}
) -> dict[str, RoleFaces]:
    """For each role, the faces that draw its text (``texts``: role → all it draws; ``named``:
    role → the face the layout names, see ``chain``). Roles
    whose first font is the same (body and 楷体 headings where no 楷体 exists) ask it once for
    all their characters: one converted font serves them both. A font that turns out unusable
    (damaged) is left out and the roles ask the next one."""
    with _lock:
        wanted = {role: _drawn(text) for role, text in texts.items()}
        while True:
            chains = {role: chain(role, extra, named.get(role, "")) for role in texts}
            first: dict[Source, frozenset[str]] = {}
            for role, sources in chains.items():
                if sources:
                    first[sources[0]] = first.get(sources[0], frozenset()) | wanted[role]
            font_subsets.convert_ahead([(s.path, s.index, c) for s, c in first.items() if s.cff])
            if all(_face_for(source, chars)[0] is not None for source, chars in first.items()):
                break
        return {role: _resolve(sources, wanted[role]) for role, sources in chains.items()}


def _drawn(text: str) -> frozenset[str]:
    """The characters of ``text`` a font must have a glyph for (control characters draw
    nothing; spaces do need one, or the font's box glyph is drawn)."""
    return frozenset(c for c in set(text) if unicodedata.category(c) != "Cc") | ALWAYS


def _resolve(sources: list[Source], chars: frozenset[str]) -> RoleFaces:
    """The primary face (of the first font) and, for what it lacks, the next fonts'."""
    if not sources:
        return RoleFaces(cid_fallback())
    primary, covered = _face_for(sources[0], chars)
    assert primary is not None  # faces() left out a first font that cannot be used
    fallback: dict[str, FontFace] = {}
    remaining = chars - covered
    for source in sources[1:]:
        if not remaining:
            break
        face, covered = _face_for(source, remaining)
        if face is not None:
            fallback.update(dict.fromkeys(covered, face))
            remaining -= covered
    missing = "".join(sorted(remaining - _warned))
    if missing:
        _warned.update(missing)
        log.warning("no font on this machine has these characters: %s", missing)
    return RoleFaces(primary, fallback)


def _face_for(source: Source, chars: frozenset[str]) -> tuple[FontFace | None, frozenset[str]]:
    """A registered face of ``source`` with every one of ``chars`` it has, and those."""
    if not source.cff:
        face = _truetype(source)
        if face is None:
            _unusable.add(source)
            return None, frozenset()
        return face, chars & _truetype_chars(face.name)
    converted = font_subsets.subset(source.path, source.index, chars)
    if converted is None:
        _unusable.add(source)
        return None, frozenset()
    return FontFace(converted.name, source.path, source.bold), chars & converted.covered


# ---- TrueType fonts: embedded as they are ------------------------------------------------------
@cache
def _truetype(source: Source) -> FontFace | None:
    """Each file parsed and registered once per process, under a name of its own (a name
    registered again would rebind the fonts of documents already laid out)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    name = f"DL-{font_subsets.digest(f'{source.path}|{source.index}')}"
    try:
        pdfmetrics.registerFont(TTFont(name, source.path, subfontIndex=source.index))
    except (TTFError, OSError, ValueError) as exc:
        log.info("skipping font %s: %s", source.path, exc)
        return None
    return FontFace(name, source.path, source.bold)


@cache
def _truetype_chars(name: str) -> frozenset[str]:
    from reportlab.pdfbase import pdfmetrics

    return frozenset(chr(c) for c in pdfmetrics.getFont(name).face.charToGlyph)


@cache
def cid_fallback() -> FontFace:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    log.warning(
        "no Chinese font found on this machine; PDFs use the built-in %s, which is not "
        "embedded (install SimSun/SimFang, or fonts-noto-cjk / fonts-wqy-zenhei)",
        CID_FALLBACK,
    )
    pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
    return FontFace(CID_FALLBACK, None)
