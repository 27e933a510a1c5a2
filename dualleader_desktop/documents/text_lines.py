"""Where each line of running text ends, decided once for the PDF and the .docx.

Word, LibreOffice and reportlab each break Chinese text into lines their own way, with the
widths of the fonts they find: LibreOffice on a machine without 仿宋_GB2312 draws Latin text in
DejaVu Sans and sets 0.2 em beside each run of it, so a paragraph took a line more there than in
the PDF, and the page count differed from the 归档章's 页数. So every paragraph, field and list
of names is broken into lines here, by one rule (name_lists.break_lines: no line starts with a
closing mark, names and numbers stay whole) and measured on the safe side: a Chinese character
takes the profile's character pitch (GB/T 9704's 28 a line), a Latin one as much as the widest
face gives it, and AUTOSPACE_EM is kept beside every run of Latin letters or digits. The PDF
draws exactly these lines; the .docx ends each with a line break (w:br), so no engine chooses
where a line ends, and a line that fits here fits in each of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from dualleader_desktop.documents.layout import LayoutProfile
from dualleader_desktop.documents.name_lists import break_lines

# Latin widths in ems: the widest of Times New Roman (Liberation Serif, which LibreOffice takes
# for it, has the same widths) that the .docx names for Latin text, and the Latin of the Noto
# CJK faces the PDF draws it with (measured with fontTools), plus LATIN_MARGIN_EM
_MEASURED = {
    0.26: " ",
    0.28: "'",
    0.33: "j|,.:;i!l",
    0.36: "[]-()",
    0.39: "tf/\\",
    0.41: "I",
    0.48: 'rs"?{}',
    0.5: "z*",
    0.56: "Jcvye147$0325689a_x",
    0.58: "g#+<=>^~",
    0.62: "So`kZqL",
    0.66: "dFbpPEuTnh",
    0.69: "BC",
    0.74: "RAVXYKG",
    0.8: "OQD&NU",
    0.85: "wH",
    0.97: "%@mM",
    1.05: "W",
}
LATIN_MARGIN_EM = 0.02
LATIN_EM = {c: em + LATIN_MARGIN_EM for em, chars in _MEASURED.items() for c in chars}
AUTOSPACE_EM = 0.2  # LibreOffice's gap between Chinese and Latin (Word's is smaller)

# the marks that may hang past a line's end, one at most: those Word ("允许标点溢出边界") and
# LibreOffice (hanging punctuation) both hang; a 》 or ” is carried to the next line instead
HANGING = "，。、．"
MAX_OVERHANG_EM = 1
# left free at the end of a body line, whose characters are set closer than their size,
# against rounding: LibreOffice stepped 15.80 pt, not 15.75, in a line of two runs (its own
# units); 28 characters still take only 441 of the 442.2 pt
ROUNDING_PT = 1.0


def advances(text: str, size: float, pitch: float) -> list[float]:
    """The width each character of ``text`` may take at ``size``, Chinese ones at ``pitch``,
    with the gap word processors set between Chinese and Latin letters or digits counted in
    (on the second of the two)."""
    gap = size * AUTOSPACE_EM
    widths = []
    before = ""
    for char in text:
        # Chinese, full-width marks and "·" (full width in 仿宋_GB2312) step by the pitch
        if char.isascii():
            width, kind = size * LATIN_EM.get(char, 1.0), "latin" if char.isalnum() else "ascii"
        else:
            width, kind = pitch, "wide"
        if (before == "latin" and kind == "wide") or (before == "wide" and kind == "latin"):
            width += gap
        widths.append(width)
        before = kind
    return widths


def body_lines(
    text: str,
    width: float,
    profile: LayoutProfile,
    *,
    indent: float = 0.0,
    size: float | None = None,
    kept: Iterable[str] = (),
    hang: bool = True,
) -> list[str]:
    """``text`` (one paragraph, no line breaks in it) in lines ``width`` points wide, the
    first ``indent`` narrower, at body size (and pitch) unless ``size`` is given; a table
    cell's (``hang`` False) keeps every mark inside its borders."""
    return list(_lines(text, width, profile, indent, size, tuple(kept), hang))


@lru_cache(maxsize=4096)  # the PDF and the .docx of a document ask for the same lines
def _lines(
    text: str,
    width: float,
    profile: LayoutProfile,
    indent: float,
    size: float | None,
    kept: tuple[str, ...],
    hang: bool,
) -> tuple[str, ...]:
    closer = size is None  # body text, set closer than its size (char_pitch_pt)
    pitch = profile.char_pitch_pt if closer else size
    size = profile.body_size if closer else size
    rounding = ROUNDING_PT if closer else 0
    return tuple(
        break_lines(
            text,
            [width - rounding - indent, width - rounding],
            advances(text, size, pitch),
            kept,
            overhang=MAX_OVERHANG_EM * pitch if hang else 0,
            hanging=HANGING,
        )
    )
