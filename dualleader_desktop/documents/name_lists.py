"""Lists of names in documents: a line breaks between two names, never inside one.

Chinese text may break between any two characters, and both the PDF (reportlab) and Word do so:
a long 实到人数 list broke 「吕文」 at the end of one line and 「博」 at the start of the next. A
``NameList`` is a ``Field`` that says which words of its value are names (or other listed
items: 三融合 tags, guests); ``break_lines`` breaks such a text into lines of a given width
with those words whole. Every paragraph of both renderers is broken with it
(text_lines.py), so neither Word nor reportlab chooses where a line ends.

The other rules are the usual ones: no line starts with a closing mark (，。、）…) or a space,
none ends with an opening one (（《“…), a number or Latin word is not cut ("35 人" stays
together: no break beside a space). A word longer than a whole line is broken where it must.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from dualleader_desktop.documents.model import Field

CANNOT_START = "，。、；：！？）》」』”’】〕…—～·,.;:!?)]}%"
CANNOT_END = "（《「『“‘【〔([{"
ITEM_SEPARATORS = "、，,；;"


@dataclass(frozen=True)
class NameList(Field):
    """A "标签：值" line whose value lists ``names``: no line breaks inside one of them."""

    names: tuple[str, ...] = ()


def listed_items(text: str, longest: int = 10) -> tuple[str, ...]:
    """The items of a list typed as free text ("学院党委副书记张明、组织员李华"), split at
    、，； and spaces; items longer than ``longest`` characters are prose, not kept whole."""
    for separator in ITEM_SEPARATORS:
        text = text.replace(separator, " ")
    return tuple(item for item in text.split() if len(item) <= longest)


def break_lines(
    text: str,
    widths: Sequence[float],
    char_width: Callable[[str], float] | Sequence[float],
    kept: Iterable[str] = (),
    overhang: float = 0.0,
    hanging: str = CANNOT_START,
) -> list[str]:
    """``text`` in lines no wider than ``widths`` (the first line's, the second's, …, the last
    one for the rest), breaking only where ``allowed_breaks`` allows, so no word of ``kept``
    is cut. ``char_width``: each character's width, or the widths of ``text``'s characters in
    order. Marks of ``hanging`` at a line's end may reach ``overhang`` past its width."""
    if not text:
        return [""]
    each = char_width if not callable(char_width) else [char_width(c) for c in text]
    advance = [0.0, *accumulate(each)]
    allowed = allowed_breaks(text, kept)

    def fits(start: int, stop: int, width: float) -> bool:
        body = stop
        while body > start and text[body - 1] in hanging:
            body -= 1  # marks that hang
        return (
            advance[body] - advance[start] <= width
            and advance[stop] - advance[start] <= width + overhang
        )

    lines, start = [], 0
    while start < len(text):
        width = widths[min(len(lines), len(widths) - 1)]
        if fits(start, len(text), width):
            lines.append(text[start:])
            break
        stop = _last_fitting(range(start + 1, len(text)), allowed, start, width, fits)
        if stop is None:  # a word wider than the line: cut it where it must be cut
            loose = [text[i] not in CANNOT_START for i in range(len(text))]
            stop = _last_fitting(range(start + 1, len(text)), loose, start, width, fits)
        if stop is None:
            stop = start + 1
        lines.append(text[start:stop])
        start = stop
    return lines


def _last_fitting(candidates: range, allowed, start: int, width: float, fits) -> int | None:
    found = None
    for stop in candidates:
        if not allowed[stop]:
            continue
        if not fits(start, stop, width):
            break
        found = stop
    return found


def allowed_breaks(text: str, kept: Iterable[str] = ()) -> list[bool]:
    """For each position i, whether a line may break before ``text[i]``."""
    allowed = [True] * (len(text) + 1)
    allowed[0] = False
    for i in range(1, len(text)):
        before, after = text[i - 1], text[i]
        word = before.isascii() and after.isascii() and before.isalnum() and after.isalnum()
        marks = after in CANNOT_START or before in CANNOT_END
        allowed[i] = not (marks or word or " " in (before, after))
    for word in {w for w in kept if len(w) > 1}:
        at = text.find(word)
        while at >= 0:
            for i in range(at + 1, at + len(word)):
                allowed[i] = False
            at = text.find(word, at + 1)
    return allowed
