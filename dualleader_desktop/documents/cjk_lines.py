"""Chinese line-start rules for reportlab's line breaking.

reportlab's "may not start a line" list is made for Japanese and lacks ：，；！？”》 and the like
(GOTCHAS.md), so they are added. And where it breaks a line it lets one such character hang in
the margin, but the next one then starts the new line: the "，" after "《中国共产党章程》" or
the "、" after "（病假）" often does. After the split, such characters are moved up to hang at
the end of the line before, as Word does.

Running text comes already broken into lines (text_lines.py); these rules still break table
headers' and titles' text where it must wrap.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, wraps
from itertools import pairwise

from reportlab.lib import textsplit
from reportlab.lib.rl_accel import sameFrag
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph

CHINESE_CANNOT_START = "，。、；：！？）》」』”’】〕…—～·"
MAX_OVERHANG = 2  # em: how far hanging marks may reach into the margin (one is reportlab's)
# a table cell has only its padding beside the grid line: nothing more hangs there
_overhang_em: ContextVar[float] = ContextVar("overhang_em", default=MAX_OVERHANG)


@cache
def install() -> None:
    """Extend reportlab's rules once per process (every PDF goes through it)."""
    for module in (textsplit, paragraph):
        extra = "".join(c for c in CHINESE_CANNOT_START if c not in module.ALL_CANNOT_START)
        module.ALL_CANNOT_START += extra
    # a paragraph of one style is split by wordSplit, one of several styles by cjkFragSplit
    paragraph.wordSplit = _hang_in_text_lines(paragraph.wordSplit)
    paragraph.cjkFragSplit = _hang_in_frag_lines(paragraph.cjkFragSplit)


@contextmanager
def overhang(em: float) -> Iterator[None]:
    """Lines broken inside this block let marks hang at most ``em`` past their width."""
    token = _overhang_em.set(em)
    try:
        yield
    finally:
        _overhang_em.reset(token)


def _cannot_start(text: str) -> bool:
    return bool(text) and text[0] in paragraph.ALL_CANNOT_START


def _hang_in_text_lines(split):
    @wraps(split)
    def wrapped(word, maxWidths, fontName, fontSize, encoding="utf8"):
        lines = split(word, maxWidths, fontName, fontSize, encoding)
        limit = -_overhang_em.get() * fontSize
        emptied = []
        for before, line in pairwise(lines):
            while _cannot_start(line[1]):
                width = stringWidth(line[1][0], fontName, fontSize)
                if before[0] - width < limit:
                    break
                before[1] += line[1][0]
                before[0] -= width
                line[1] = line[1][1:]
                line[0] += width
            if not line[1]:  # a last line of only "。" moved up
                emptied.append(line)
        return [line for line in lines if not any(line is gone for gone in emptied)]

    return wrapped


def _hang_in_frag_lines(split):
    @wraps(split)
    def wrapped(frags, maxWidths, calcBounds, encoding="utf8"):
        result = split(frags, maxWidths, calcBounds, encoding)
        lines = result.lines
        limit = _overhang_em.get()
        emptied = []
        for before, line in pairwise(lines):
            if before.lineBreak:  # a break the text asked for: nothing hangs across it
                continue
            moved = False
            while line.words and _cannot_start(line.words[0].text):
                first = line.words[0]
                width = stringWidth(first.text[0], first.fontName, first.fontSize)
                if before.extraSpace - width < -limit * first.fontSize:
                    break
                _move_first_char_up(before, line, width)
                moved = True
            if moved and not any(word.text for word in line.words):
                before.lineBreak = line.lineBreak  # the emptied line's own end, if any
                emptied.append(line)
        result.lines = [line for line in lines if not any(line is gone for gone in emptied)]
        return result

    return wrapped


def _move_first_char_up(before, line, width: float) -> None:
    first = line.words[0]
    char = first.text[0]
    last = before.words[-1] if before.words else None
    if last is not None and sameFrag(last, first):
        last.text += char
    else:
        moved = first.clone()
        moved.text = char
        before.words.append(moved)
    first.text = first.text[1:]
    if not first.text:
        del line.words[0]
    before.currentWidth += width
    before.extraSpace -= width
    line.currentWidth -= width
    line.extraSpace += width
