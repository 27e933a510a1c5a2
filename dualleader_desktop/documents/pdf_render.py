"""Render a Document to PDF with reportlab, laid out by the same LayoutProfile as the .docx.

Pages are held back until the document ends (a canvas that defers ``showPage``), so the page
numbers and the 归档章's 页数 on the first page are drawn knowing the real page count.

Every font is embedded (documents/fonts.py): each role's text (``role_texts``) is drawn with
the faces chosen for it, a character its face lacks with a fallback face (``_markup``). An
export first asks for the fonts of all its documents at once (``prepare_fonts``), so each font
is converted once for the whole package. Each PDF is made PDF/A-2b as it leaves
(documents/pdfa.py).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Image as PdfImage
from reportlab.platypus import PageBreak as PdfPageBreak
from reportlab.platypus import Paragraph as PdfParagraph
from reportlab.platypus import Table as PdfTable

from dualleader_desktop.documents import cjk_lines, fonts, pdfa
from dualleader_desktop.documents.fonts import RoleFaces
from dualleader_desktop.documents.layout import (
    CELL_LEADING,
    CELL_TOP_BOTTOM_PT,
    GBT_9704,
    HEADER_FILL,
    NOTE_LEADING,
    PAGE_NUMBER_BELOW_MM,
    LayoutProfile,
)
from dualleader_desktop.documents.model import (
    PHOTO_HINT,
    PHOTO_LABEL,
    PHOTO_MM,
    ArchiveStamp,
    Document,
    Field,
    PageBreak,
    Paragraph,
    Photo,
    Picture,
    Style,
    Table,
)
from dualleader_desktop.documents.name_lists import NameList
from dualleader_desktop.documents.pdf_lines import TextLines
from dualleader_desktop.documents.text_lines import MAX_OVERHANG_EM, body_lines

# streams zlib-compressed only: ASCII85 on top makes them a quarter larger and slower to write
rl_config.useA85 = 0

STAMP_CELL = (15 * mm, 8 * mm)
PHOTO_BOX = (PHOTO_MM[0] * mm, PHOTO_MM[1] * mm)
PHOTO_HINT_SIZE = 7.5  # "（一寸免冠照片）" on one line inside the 25 mm box
FAKE_BOLD_STROKE = 0.03  # of the font size: the outline drawn around a bold title's glyphs
# what the renderer draws besides the document's words: page numbers "— 1 —", signature lines,
# the spaces between signatures, empty lines (&nbsp;)
DECORATION = "— 0123456789：_　\u00a0"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def role_texts(document: Document) -> dict[str, str]:
    """Everything ``render_pdf`` draws, by the role whose faces draw it: the title; level-1
    headings, field labels and table headers (黑体, as in the .docx); level-2 headings; the
    rest in the body face, with the page numbers and the 归档章."""
    texts: dict[str, list[str]] = {role: [] for role in fonts.ROLES}
    texts["title"].append(document.title)
    texts["body"] += [DECORATION, *document.signature_lines()]
    if document.stamp is not None:
        texts["body"] += [value for row in document.stamp.cells() for value in row]
    for block in document.blocks:
        if isinstance(block, Field):
            texts["heading1"].append(f"{block.label}：")
            texts["body"].append(block.value)
        elif isinstance(block, Paragraph):
            role = {Style.HEADING1: "heading1", Style.HEADING2: "heading2"}.get(block.style, "body")
            texts[role].append(block.text)
        elif isinstance(block, Picture):
            texts["body"].append(block.caption)
        elif isinstance(block, Table):
            texts["heading1"] += block.headers
            texts["body"] += [cell for row in block.rows for cell in row]
            if block.photo is not None:
                texts["body"] += [PHOTO_LABEL, PHOTO_HINT]
    return {role: "".join(parts) for role, parts in texts.items()}


def named_faces(profile: LayoutProfile) -> dict[str, str]:
    """The face the profile names for each role (the PDF draws each with one of its kind)."""
    return {
        "body": profile.body_font,
        "title": profile.title_font,
        "heading1": profile.heading1_font,
        "heading2": profile.heading2_font,
    }


def prepare_fonts(
    documents: Iterable[Document],
    extra_fonts: tuple[str, ...] = (),
    profile: LayoutProfile = GBT_9704,
) -> None:
    """Make ready (convert, keep, register) the faces of all ``documents`` at once: rendering
    each of them then converts nothing, in this process or in a worker (font_subsets.py)."""
    union: dict[str, set[str]] = {role: set() for role in fonts.ROLES}
    union["body"].update(profile.header_text)
    for document in documents:
        for role, text in role_texts(document.writable()).items():
            union[role].update(text)
    texts = {role: "".join(chars) for role, chars in union.items()}
    fonts.faces(texts, extra_fonts, named_faces(profile))


def _markup(text: str, faces: RoleFaces, base: str) -> str:
    """``text`` escaped for a Paragraph whose style's font is ``base``, each run drawn with
    another face (the role's, or a fallback for a character the role's face lacks) in a
    <font> tag of its own."""
    return "".join(
        _escape(run) if face.name == base else f'<font face="{face.name}">{_escape(run)}</font>'
        for face, run in faces.runs(text)
    )


class CellParagraph(PdfParagraph):
    """A table cell's text: no mark is hung past the cell's border into the next column."""

    def breakLinesCJK(self, maxWidths):
        with cjk_lines.overhang(0):
            return super().breakLinesCJK(maxWidths)


class BoldParagraph(PdfParagraph):
    """A paragraph drawn bold with a regular face: the glyphs are filled and outlined (text
    render mode 2), as Word bolds 宋体. For a title where the machine's 宋体 comes without a
    bold face (SimSun, AR PL UMing; the CID fallback has none either)."""

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


def _styles(profile: LayoutProfile, faces: dict[str, RoleFaces]) -> dict[str, ParagraphStyle]:
    body, title = faces["body"].primary, faces["title"].primary
    heading1, heading2 = faces["heading1"].primary, faces["heading2"].primary
    pitch = profile.line_pitch_pt
    # the body drawn at its character pitch (28 a line, as Word sets 16 pt type 0.25 pt
    # closer); its lines are broken beforehand (text_lines), a closing mark may hang past
    # the line's end, so reportlab never breaks one again
    char_pitch = profile.char_pitch_pt
    base = ParagraphStyle(
        "body",
        fontName=body.name,
        fontSize=char_pitch,
        leading=pitch,
        wordWrap="CJK",
        firstLineIndent=2 * char_pitch,
        rightIndent=-MAX_OVERHANG_EM * char_pitch,
    )
    cell = ParagraphStyle(
        "cell",
        parent=base,
        fontSize=profile.table_size,
        leading=profile.table_size * CELL_LEADING,
        firstLineIndent=0,
        rightIndent=0,
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
            rightIndent=0,
            spaceAfter=pitch,
        ),
        "heading1": ParagraphStyle("h1", parent=base, fontName=heading1.name, firstLineIndent=0),
        "heading2": ParagraphStyle("h2", parent=base, fontName=heading2.name, firstLineIndent=0),
        "note": ParagraphStyle(
            "note",
            parent=base,
            fontSize=profile.table_size,
            leading=profile.table_size * NOTE_LEADING,
            firstLineIndent=0,  # as in the .docx
            rightIndent=-MAX_OVERHANG_EM * profile.table_size,
        ),
        "cell": cell,
        "header": ParagraphStyle("header", parent=cell, fontName=heading1.name),
        "signature": ParagraphStyle(
            "sig", parent=base, alignment=TA_RIGHT, firstLineIndent=0, rightIndent=0
        ),
    }


def _flowables(
    document: Document, styles, faces: dict[str, RoleFaces], width: float, profile: LayoutProfile
) -> list:
    title = styles["title"]
    lines = document.title_lines(
        lambda text: stringWidth(text, title.fontName, title.fontSize) <= width
    )
    # a bold face draws the title as it is; a regular one is made bold (BoldParagraph)
    kind = PdfParagraph if faces["title"].primary.bold else BoldParagraph
    story = [
        kind("<br/>".join(_markup(line, faces["title"], title.fontName) for line in lines), title)
    ]
    body = faces["body"]

    def runs(text: str, role: str) -> list[tuple[str, str]]:
        return [(face.name, run) for face, run in faces[role].runs(text)]

    def field(block: Field) -> TextLines:
        """ "标签：" in the heading face, the value in the body face, in text_lines' lines."""
        label = f"{block.label}："
        names = block.names if isinstance(block, NameList) else ()
        lines, done = [], 0
        for line in body_lines(label + block.value, width, profile, kept=names):
            head = label[done : done + len(line)]
            lines.append(runs(head, "heading1") + runs(line[len(head) :], "body"))
            done += len(head)
        return TextLines(lines, styles["plain"])

    for block in document.blocks:
        if isinstance(block, PageBreak):
            story.append(PdfPageBreak())
        elif isinstance(block, Picture):
            story.append(_picture(block, styles, body))
        elif isinstance(block, Field):
            story.append(field(block))
        elif isinstance(block, Paragraph):
            key = {Style.HEADING1: "heading1", Style.HEADING2: "heading2", Style.NOTE: "note"}.get(
                block.style, "body" if block.indent else "plain"
            )
            role = key if key in ("heading1", "heading2") else "body"
            style = styles[key]
            size = profile.table_size if key == "note" else None
            indent = style.firstLineIndent
            for segment in block.text.split("\n"):
                lines = body_lines(segment, width, profile, indent=indent, size=size)
                story.append(TextLines([runs(line, role) for line in lines], style, indent))
        else:
            story.append(
                _table(
                    block,
                    styles,
                    faces,
                    width,
                    space_after=styles["body"].leading / 2,
                    profile=profile,
                )
            )
    signature_lines = document.signature_lines(width / profile.body_size)
    if signature_lines:
        style = styles["signature"]
        story += [
            Spacer(1, styles["body"].leading),
            # the lines of a form's signatures stay on one page
            KeepTogether(
                [
                    PdfParagraph(_markup(line, body, style.fontName), style)
                    for line in signature_lines
                ]
            ),
        ]
    return story


def _picture(picture: Picture, styles, faces: RoleFaces) -> KeepTogether:
    """The picture centred at its width (its height in proportion), its caption under it."""
    reader = ImageReader(io.BytesIO(picture.image))
    pixels_wide, pixels_high = reader.getSize()
    width = picture.width_mm * mm
    image = PdfImage(
        io.BytesIO(picture.image), width=width, height=width * pixels_high / pixels_wide
    )
    caption = ParagraphStyle("caption", parent=styles["note"], alignment=TA_CENTER)
    return KeepTogether(
        [image, PdfParagraph(_markup(picture.caption, faces, caption.fontName), caption)]
    )


def _table(
    table: Table,
    styles,
    faces: dict[str, RoleFaces],
    width: float,
    space_after: float,
    profile: LayoutProfile,
) -> PdfTable:
    weights = table.widths or [1] * table.columns
    total = sum(weights)
    padding = profile.cell_padding_pt
    style, header = styles["cell"], styles["header"]
    if table.font_size:
        size = table.font_size
        style = ParagraphStyle(
            "cell-sized", parent=style, fontSize=size, leading=size * CELL_LEADING
        )
        header = ParagraphStyle("header-sized", parent=style, fontName=header.fontName)
    photo = table.photo
    text_width = width - (PHOTO_BOX[0] if photo else 0)
    widths = [text_width * w / total for w in weights]

    def cell(value: str, column: int, role: str, cell_style) -> CellParagraph:
        """A cell's text in the lines the .docx has too (text_lines)."""
        room = widths[column] - 2 * padding
        lines = body_lines(value, room, profile, size=cell_style.fontSize, hang=False)
        markup = (_markup(line, faces[role], cell_style.fontName) for line in lines)
        return CellParagraph("<br/>".join(markup), cell_style)

    headers = [table.headers] if table.headers else []
    cells = [
        *([cell(value, c, "heading1", header) for c, value in enumerate(row)] for row in headers),
        *([cell(value, c, "body", style) for c, value in enumerate(row)] for row in table.rows),
    ]
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        # the cells are Paragraphs, but the table sets its own font (Helvetica, not
        # embedded) before drawing each one
        ("FONTNAME", (0, 0), (-1, -1), style.fontName),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_TOP_BOTTOM_PT),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_TOP_BOTTOM_PT),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
    ]
    if headers:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(f"#{HEADER_FILL}")))
    if photo is not None:
        commands += _photo_column(cells, photo, len(headers), style, faces["body"])
    grid = PdfTable(
        cells,
        colWidths=widths + ([PHOTO_BOX[0]] if photo else []),
        repeatRows=len(headers),
        spaceAfter=space_after,  # what follows a table does not touch its bottom line
    )
    grid.setStyle(TableStyle(commands))
    return grid


class PhotoBox(Flowable):
    """What a form's photo box holds, 25 × 35 mm: the photo fitted in and centred, or the
    label 照片 over "（一寸免冠照片）"."""

    def __init__(self, photo: Photo, label: CellParagraph, hint: CellParagraph) -> None:
        super().__init__()
        self.photo, self.label, self.hint = photo, label, hint

    def wrap(self, availWidth, availHeight):
        return PHOTO_BOX

    def draw(self) -> None:
        box_w, box_h = PHOTO_BOX
        if self.photo.image is not None:
            image = ImageReader(io.BytesIO(self.photo.image))
            image_w, image_h = image.getSize()
            scale = min(box_w / image_w, box_h / image_h)
            w, h = image_w * scale, image_h * scale
            self.canv.drawImage(image, (box_w - w) / 2, (box_h - h) / 2, w, h)
            return
        label_h = self.label.wrap(box_w, box_h)[1]
        hint_h = self.hint.wrap(box_w, box_h)[1]
        bottom = (box_h - label_h - hint_h) / 2
        self.hint.drawOn(self.canv, 0, bottom)
        self.label.drawOn(self.canv, 0, bottom + hint_h)


def _photo_column(
    cells: list[list], photo: Photo, first: int, style: ParagraphStyle, faces: RoleFaces
) -> list[tuple]:
    """Add the photo's column to ``cells``: the box in the rows beside it (one cell over
    them, which grow to its 35 mm), and below it each row's last cell running across the
    column; the table style's commands for it."""
    centred = ParagraphStyle("photo", parent=style, alignment=TA_CENTER)
    hint = ParagraphStyle(
        "photo-hint", parent=centred, fontSize=PHOTO_HINT_SIZE, leading=PHOTO_HINT_SIZE * 1.4
    )
    box = PhotoBox(
        photo,
        CellParagraph(_markup(PHOTO_LABEL, faces, style.fontName), centred),
        CellParagraph(_markup(PHOTO_HINT, faces, style.fontName), hint),
    )
    for r, row in enumerate(cells):
        row.append(box if r == first else "")
    last, end = len(cells[0]) - 1, first + photo.rows - 1
    return [
        ("SPAN", (last, first), (last, end)),
        ("LEFTPADDING", (last, first), (last, end), 0),
        ("RIGHTPADDING", (last, first), (last, end), 0),
        ("TOPPADDING", (last, first), (last, end), 0),
        ("BOTTOMPADDING", (last, first), (last, end), 0),
        *(("SPAN", (last - 1, r), (last, r)) for r in range(end + 1, len(cells))),
    ]


def _deferred_canvas(
    profile: LayoutProfile, stamp: ArchiveStamp | None, font: RoleFaces, *, cover: bool = False
):
    """A canvas that draws each page's number (none on a ``cover``) and the first page's
    归档章 once the page count is known."""

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
                first = self._pageNumber == 1
                if not (cover and first):
                    _page_number(self, profile, font)
                if stamp is not None and first:
                    _draw_stamp(self, profile, stamp, str(total), font)
                elif profile.header_text and not (cover and first):  # where Word prints it
                    _header(self, profile, font)
                super().showPage()
            super().save()

    return DeferredCanvas


def _page_number(canv, profile: LayoutProfile, font: RoleFaces) -> None:
    """ "— N —" 7 mm under the text block: odd pages at the right, even at the left, one
    character in from the edge of the text block (GB/T 9704)."""
    width, _height = canv._pagesize
    number = canv._pageNumber
    text = f"— {number} —"
    size = profile.page_number_size
    y = (profile.bottom_mm - PAGE_NUMBER_BELOW_MM) * mm - size
    if number % 2:
        _draw(canv, font, size, width - profile.right_mm * mm - size, y, text, anchor=1)
    else:
        _draw(canv, font, size, profile.left_mm * mm + size, y, text)


def _header(canv, profile: LayoutProfile, font: RoleFaces) -> None:
    """A school template's header text, centred, its top ``header_mm`` under the page's top
    edge, as Word sets it."""
    width, height = canv._pagesize
    size = profile.header_size
    y = height - profile.header_mm * mm - size
    _draw(canv, font, size, width / 2, y, profile.header_text, anchor=0.5)


def _draw(canv, faces: RoleFaces, size: float, x: float, y: float, text: str, anchor=0.0) -> None:
    """``text`` on the canvas, each run with its face; ``anchor`` 0 puts its start at ``x``,
    0.5 its middle, 1 its end."""
    runs = faces.runs(text)
    x -= anchor * sum(stringWidth(run, face.name, size) for face, run in runs)
    for face, run in runs:
        canv.setFont(face.name, size)
        canv.drawString(x, y, run)
        x += stringWidth(run, face.name, size)


def _draw_stamp(
    canv, profile: LayoutProfile, stamp: ArchiveStamp, pages: str, font: RoleFaces
) -> None:
    width, height = canv._pagesize
    cell_w, cell_h = STAMP_CELL
    left = width - profile.right_mm * mm - 3 * cell_w
    top = height - 12 * mm
    canv.saveState()  # the stamp's red is graphics state: the page's black comes back with it
    red = colors.HexColor(f"#{stamp.colour}")
    canv.setStrokeColor(red)
    canv.setFillColor(red)
    canv.setLineWidth(0.6)
    rows = (stamp.cells()[0], (*stamp.cells()[1][:2], stamp.pages or pages))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            x, y = left + c * cell_w, top - (r + 1) * cell_h
            canv.rect(x, y, cell_w, cell_h)
            _draw(canv, font, 9, x + cell_w / 2, y + cell_h / 2 - 3, value, anchor=0.5)
    canv.restoreState()


def render_pdf(
    document: Document,
    target: Path | None = None,
    profile: LayoutProfile = GBT_9704,
    *,
    extra_fonts: tuple[str, ...] = (),
    provenance: pdfa.Provenance | None = None,
) -> bytes:
    """The PDF/A-2b bytes of ``document``, its metadata naming ``provenance``'s branch and
    time (by default none and now); also written to ``target`` when given."""
    document = document.writable()  # no control character of an old record
    cjk_lines.install()
    texts = role_texts(document)
    texts["body"] += profile.header_text
    faces = fonts.faces(texts, extra_fonts, named_faces(profile))
    styles = _styles(profile, faces)
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
        # the canvas starts in this font, not Helvetica (which would be listed, not embedded)
        initialFontName=styles["body"].fontName,
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
    template.build(
        _flowables(document, styles, faces, template.width, profile),
        canvasmaker=_deferred_canvas(profile, document.stamp, faces["body"], cover=document.cover),
    )
    data = pdfa.archival(buffer.getvalue(), document.title, provenance or pdfa.Provenance())
    if target is not None:
        Path(target).write_bytes(data)
    return data
