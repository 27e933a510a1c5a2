"""Running text in the PDF as the lines text_lines.py broke it into, drawn as they are.

Given such lines joined by "<br/>", reportlab's Paragraph lays them out again, and each break
makes the paragraph one of several fragments, its slowest path (a third of a year's export).
The lines are final, so here they are only drawn, one run of one face after another, and
split between pages as reportlab splits a paragraph: never leaving a paragraph's first line
alone at the foot of a page (reportlab's and Word's orphan rule), at the style's leading.
"""

from __future__ import annotations

from reportlab.lib.enums import TA_RIGHT
from reportlab.pdfbase.pdfmetrics import getAscent, stringWidth
from reportlab.platypus import Flowable

Run = tuple[str, str]  # (registered font name, text)
TAB = "\u3000"  # a tab kept in old minutes: one full-width space, as text_lines measures it


class TextLines(Flowable):
    """``lines`` (each a list of runs) in ``style``'s size and leading, the first indented
    by ``first_indent``."""

    def __init__(self, lines: list[list[Run]], style, first_indent: float = 0.0) -> None:
        super().__init__()
        self.lines, self.style, self.first_indent = lines, style, first_indent

    def wrap(self, availWidth, availHeight):
        self.width, self.height = availWidth, len(self.lines) * self.style.leading
        return self.width, self.height

    def split(self, availWidth, availHeight):
        fits = int(availHeight / self.style.leading)
        if fits >= len(self.lines):
            return [self]
        if fits <= 1:  # one line alone at the foot of the page: the paragraph moves on whole
            return []
        return [
            TextLines(self.lines[:fits], self.style, self.first_indent),
            TextLines(self.lines[fits:], self.style),
        ]

    def draw(self) -> None:
        canv, style = self.canv, self.style
        size = style.fontSize
        canv.setFillColor(style.textColor)
        y = self.height - getAscent(style.fontName, size)
        for index, runs in enumerate(self.lines):
            x = style.leftIndent + (self.first_indent if index == 0 else 0)
            if style.alignment == TA_RIGHT:
                x = self.width - style.rightIndent - _width(runs, size)
            line = canv.beginText(x, y)  # one text object a line: it is copied as one line
            for font, text in runs:
                line.setFont(font, size)
                line.textOut(text.replace("\t", TAB))
            canv.drawText(line)
            y -= style.leading


def _width(runs: list[Run], size: float) -> float:
    return sum(stringWidth(text, font, size) for font, text in runs)
