"""Render a Document to PDF with reportlab, laid out by the same LayoutProfile as the .docx.

Pages are held back until the document ends (a canvas that defers ``showPage``), so the page
numbers and the 归档章's 页数 on the first page are drawn knowing the real page count.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Spacer, TableStyle
from reportlab.platypus import PageBreak as PdfPageBreak
from reportlab.platypus import Paragraph as PdfParagraph
from reportlab.platypus import Table as PdfTable

from dualleader_desktop.documents import cjk_lines
from dualleader_desktop.documents.fonts import pdf_font
from dualleader_desktop.documents.layout import GBT_9704, LayoutProfile
from dualleader_desktop.documents.model import (
    ArchiveStamp,
    Document,
    Field,
    PageBreak,
    Paragraph,
    Style,
    Table,
)
from dualleader_desktop.documents.name_lists import NameList

# streams zlib-compressed only: ASCII85 on top makes them a quarter larger and slower to write
rl_config.useA85 = 0

STAMP_CELL = (15 * mm, 8 * mm)
FAKE_BOLD_STROKE = 0.03  # of the font size: the outline drawn around a bold title's glyphs


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class CellParagraph(PdfParagraph):
    """A table cell's text: no mark is hung past the cell's border into the next column."""

    def breakLinesCJK(self, maxWidths):
        with cjk_lines.overhang(0):
            return super().breakLinesCJK(maxWidths)


class NamesParagraph(PdfParagraph):
    """A list of names: its lines break between names only (documents/name_lists.py)."""

    def __init__(self, text, style, *args, names: tuple[str, ...] = (), **kwargs) -> None:
        super().__init__(text, style, *args, **kwargs)  # reportlab's split makes its parts so
        self.names = names

    def breakLinesCJK(self, maxWidths):
        with cjk_lines.keeping(self.names):
            return super().breakLinesCJK(maxWidths)

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        for part in parts:  # the part on the next page keeps the names whole too
            part.names = self.names
        return parts


class BoldParagraph(PdfParagraph):
    """A paragraph drawn bold with a regular face: the glyphs are filled and outlined (text
    render mode 2), as Word bolds 宋体. Chinese TrueType fonts come without a bold face (and
    the CID fallback has none), so registering a "bold" font would only repeat the regular one."""

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()  # the render mode is graphics state: restored with it
        canv.setLineWidth(self.style.fontSize * FAKE_BOLD_STROKE)
        canv.setStrokeColor(self.style.textColor)
        canv.setLineJoin(1)
        canv.addLiteral("2 Tr")
        try:
            super().draw()
        finally:
            canv.restoreState()


def _styles(profile: LayoutProfile, extra_fonts: tuple[str, ...]) -> dict[str, ParagraphStyle]:
    body, title = pdf_font("body", extra_fonts), pdf_font("title", extra_fonts)
    heading1, heading2 = pdf_font("heading1", extra_fonts), pdf_font("heading2", extra_fonts)
    pitch = profile.line_pitch_pt
    base = ParagraphStyle(
        "body",
        fontName=body.name,
        fontSize=profile.body_size,
        leading=pitch,
        wordWrap="CJK",
        firstLineIndent=2 * profile.body_size,
    )
    return {
        "body": base,
        "plain": ParagraphStyle("plain", parent=base, firstLineIndent=0),
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName=title.name,
            fontSize=profile.title_size,
            leading=max(pitch, profile.title_size * 1.5),
            alignment=TA_CENTER,
            firstLineIndent=0,
            spaceAfter=pitch,
        ),
        "heading1": ParagraphStyle("h1", parent=base, fontName=heading1.name, firstLineIndent=0),
        "heading2": ParagraphStyle("h2", parent=base, fontName=heading2.name, firstLineIndent=0),
        "note": ParagraphStyle(
            "note", parent=base, fontSize=profile.table_size, leading=profile.table_size * 1.5
        ),
        "cell": ParagraphStyle(
            "cell",
            parent=base,
            fontSize=profile.table_size,
            leading=profile.table_size * 1.4,
            firstLineIndent=0,
        ),
        "signature": ParagraphStyle("sig", parent=base, alignment=TA_RIGHT, firstLineIndent=0),
    }


def _flowables(document: Document, styles, width: float, profile: LayoutProfile) -> list:
    title = styles["title"]
    lines = document.title_lines(
        lambda text: stringWidth(text, title.fontName, title.fontSize) <= width
    )
    story = [BoldParagraph("<br/>".join(_escape(line) for line in lines), title)]
    for block in document.blocks:
        if isinstance(block, PageBreak):
            story.append(PdfPageBreak())
        elif isinstance(block, NameList):
            text = f"{_escape(block.label)}：{_escape(block.value)}"
            story.append(NamesParagraph(text, styles["plain"], names=block.names))
        elif isinstance(block, Field):
            story.append(
                PdfParagraph(f"{_escape(block.label)}：{_escape(block.value)}", styles["plain"])
            )
        elif isinstance(block, Paragraph):
            key = {Style.HEADING1: "heading1", Style.HEADING2: "heading2", Style.NOTE: "note"}.get(
                block.style, "body" if block.indent else "plain"
            )
            for line in block.text.split("\n"):
                story.append(PdfParagraph(_escape(line) or "&nbsp;", styles[key]))
        else:
            story.append(
                _table(
                    block,
                    styles,
                    width,
                    space_after=styles["body"].leading / 2,
                    padding=profile.cell_padding_pt,
                )
            )
    if document.signatures:
        signed = "　　".join(f"{_escape(s)}：__________" for s in document.signatures)
        story += [Spacer(1, styles["body"].leading), PdfParagraph(signed, styles["signature"])]
    return story


def _table(table: Table, styles, width: float, space_after: float, padding: float) -> PdfTable:
    weights = table.widths or [1] * len(table.headers)
    total = sum(weights)
    style = styles["cell"]
    if table.font_size:
        size = table.font_size
        style = ParagraphStyle("cell-sized", parent=style, fontSize=size, leading=size * 1.4)
    cells = [
        [CellParagraph(_escape(value), style) for value in row]
        for row in [table.headers, *table.rows]
    ]
    grid = PdfTable(
        cells,
        colWidths=[width * w / total for w in weights],
        repeatRows=1,
        spaceAfter=space_after,  # what follows a table does not touch its bottom line
    )
    grid.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), padding),
                ("RIGHTPADDING", (0, 0), (-1, -1), padding),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f0f0f0")),
            ]
        )
    )
    return grid


def _deferred_canvas(profile: LayoutProfile, stamp: ArchiveStamp | None, font: str):
    class DeferredCanvas(pdf_canvas.Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                _page_number(self, profile, font)
                if stamp is not None and self._pageNumber == 1:
                    _draw_stamp(self, profile, stamp, str(total), font)
                super().showPage()
            super().save()

    return DeferredCanvas


def _page_number(canv, profile: LayoutProfile, font: str) -> None:
    """ "— N —" 7 mm under the text block: odd pages at the right, even at the left, one
    character in from the edge of the text block (GB/T 9704)."""
    width, _height = canv._pagesize
    number = canv._pageNumber
    text = f"— {number} —"
    size = profile.page_number_size
    y = profile.bottom_mm * mm - 7 * mm - size
    canv.setFont(font, size)
    if number % 2:
        canv.drawRightString(width - profile.right_mm * mm - size, y, text)
    else:
        canv.drawString(profile.left_mm * mm + size, y, text)


def _draw_stamp(canv, profile: LayoutProfile, stamp: ArchiveStamp, pages: str, font: str) -> None:
    width, height = canv._pagesize
    cell_w, cell_h = STAMP_CELL
    left = width - profile.right_mm * mm - 3 * cell_w
    top = height - 12 * mm
    canv.setLineWidth(0.6)
    rows = (stamp.cells()[0], (*stamp.cells()[1][:2], stamp.pages or pages))
    canv.setFont(font, 9)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            x, y = left + c * cell_w, top - (r + 1) * cell_h
            canv.rect(x, y, cell_w, cell_h)
            canv.drawCentredString(x + cell_w / 2, y + cell_h / 2 - 3, value)


def render_pdf(
    document: Document,
    target: Path | None = None,
    profile: LayoutProfile = GBT_9704,
    *,
    extra_fonts: tuple[str, ...] = (),
) -> bytes:
    """The PDF bytes of ``document``; also written to ``target`` when given."""
    document = document.writable()  # no control character of an old record
    cjk_lines.install()
    styles = _styles(profile, extra_fonts)
    page = (profile.page_width_mm * mm, profile.page_height_mm * mm)
    if document.landscape:
        page = (page[1], page[0])
    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer,
        pagesize=page,
        topMargin=profile.top_mm * mm,
        bottomMargin=profile.bottom_mm * mm,
        leftMargin=profile.left_mm * mm,
        rightMargin=profile.right_mm * mm,
        title=document.title,
        creator="双带头人支部工作台",
    )
    # the text block is the margins' box exactly (156 × 225 mm, 22 lines of 28.99 pt): no
    # 6 pt frame padding, which cost a line a page and two characters a line
    text_block = Frame(
        template.leftMargin,
        template.bottomMargin,
        template.width,
        template.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="text",
    )
    template.addPageTemplates([PageTemplate(id="page", frames=[text_block])])
    number_font = styles["plain"].fontName
    template.build(
        _flowables(document, styles, template.width, profile),
        canvasmaker=_deferred_canvas(profile, document.stamp, number_font),
    )
    data = buffer.getvalue()
    if target is not None:
        Path(target).write_bytes(data)
    return data
