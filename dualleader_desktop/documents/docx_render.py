"""Render a Document to .docx with python-docx, laid out by a LayoutProfile.

Word picks the font of Chinese text from ``w:rFonts/@w:eastAsia``; ``font.name`` sets only the
Latin faces, and a ``*Theme`` attribute on the same element beats an explicit name. So every
style and run here gets ascii/hAnsi/eastAsia names, hint="eastAsia" (quotes and dashes would
otherwise take the Latin face) and no theme attributes; the defaults say zh-CN (GOTCHAS.md).
Latin letters and digits take Times New Roman, as GB/T 9704 documents set them (the PDF draws
them with its Chinese face; documents/text_lines.py measures lines wide enough for either).
The font table names, for each face, the one Word takes where it is missing
(``w:altName``): 仿宋_GB2312 else 仿宋, 方正小标宋简体 else 宋体, 楷体_GB2312 else 楷体.
"""

from __future__ import annotations

import io
from copy import deepcopy
from functools import cache
from pathlib import Path

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ALIGN_VERTICAL, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.image.image import Image
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Emu, Mm, Pt, RGBColor
from docx.text.run import Run
from lxml import etree

from dualleader_desktop.documents.layout import (
    CELL_LEADING,
    CELL_TOP_BOTTOM_PT,
    GBT_9704,
    HEADER_FILL,
    MM_TO_PT,
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
from dualleader_desktop.documents.text_lines import body_lines

STAMP_CELL_MM = (15, 8)  # DA/T 22: a 45 × 16 mm box of 2 × 3 cells
STAMP_LINE_EIGHTHS = 5  # the stamp's lines, in eighths of a point: 0.6 pt, as in the PDF
PHOTO_HINT_SIZE = 7.5  # "（一寸免冠照片）" on one line inside the 25 mm box
EMU_PER_TWIP = 635
# the schema's order of w:tblPr's children, from w:tblW on (python-docx keeps it private)
TBL_PR_ORDER = (
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
)


# the faces the documents name (layout.py), each with what Word takes where it is missing, and
# what Word's own font table says of it: GB2312 character set, family, pitch
WORD_FONTS = {
    "仿宋_GB2312": ("仿宋", "modern", "fixed"),
    "仿宋": ("FangSong", "modern", "fixed"),
    "方正小标宋简体": ("宋体", "script", "default"),
    "宋体": ("SimSun", "auto", "variable"),
    "黑体": ("SimHei", "modern", "fixed"),
    "楷体_GB2312": ("楷体", "modern", "fixed"),
    "楷体": ("KaiTi", "modern", "fixed"),
}
GB2312_CHARSET = "86"
# Latin letters and digits, as GB/T 9704 documents set them: every Word has it, LibreOffice
# takes Liberation Serif (the same widths) for it; text_lines measures lines with its widths
LATIN_FONT = "Times New Roman"

# styles the renderer uses; python-docx's default template carries ~350 KB of others
KEPT_STYLES = frozenset(
    {"Normal", "TableNormal", "TableGrid", "DefaultParagraphFont", "NoList", "Header", "Footer"}
)
UNUSED_PARTS = ("/webSettings", "/stylesWithEffects", "/customXml", "/theme")


@cache
def _template() -> bytes:
    """python-docx's default template without what these documents never use (latent and
    unused styles, theme, web settings): opening and saving a document drops from ~20 ms to
    ~3.5 ms. Built once per process; every font is named explicitly, so no theme is needed."""
    doc = new_docx()
    styles = doc.styles.element
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in KEPT_STYLES:
            styles.remove(style)
    for rel in list(doc.part.rels.values()):
        if rel.reltype.endswith(UNUSED_PARTS):
            doc.part.drop_rel(rel.rId)
    font_table = doc.part.part_related_by(RELATIONSHIP_TYPE.FONT_TABLE)
    font_table._blob = _font_table()
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def base_styles() -> list:
    """Copies of the w:style elements the renderer's own template defines (a school's template
    lacking one gets it: documents/school_template.py)."""
    styles = new_docx(io.BytesIO(_template())).styles.element
    return [deepcopy(style) for style in styles.findall(qn("w:style"))]


def _school_template(doc, profile: LayoutProfile) -> None:
    """In a school's template: its header's text on even pages too (the documents' odd and
    even footers make Word ask for an even header), and the font table naming the faces the
    documents use that it lacks, with what Word takes where one is missing."""
    section = doc.sections[0]
    if not section.header.is_linked_to_previous:
        lines = [p for p in section.header.paragraphs if p.text.strip()]
        even = section.even_page_header
        for number, source in enumerate(lines):
            paragraph = even.paragraphs[0] if number == 0 else even.add_paragraph()
            paragraph.style = source.style
            paragraph.alignment = source.alignment
            paragraph.add_run(source.text.strip()).font.size = Pt(profile.header_size)
    try:
        table = doc.part.part_related_by(RELATIONSHIP_TYPE.FONT_TABLE)
    except KeyError:
        return
    fonts = parse_xml(table.blob)
    named = {font.get(qn("w:name")) for font in fonts.findall(qn("w:font"))}
    for font in parse_xml(_font_table()).findall(qn("w:font")):
        if font.get(qn("w:name")) not in named:
            fonts.append(font)
    table._blob = etree.tostring(fonts, xml_declaration=True, encoding="UTF-8", standalone=True)


def _font_table() -> bytes:
    """word/fontTable.xml naming the faces of WORD_FONTS (python-docx's names Latin and
    Japanese fonts these documents never use)."""
    fonts = f'<w:font w:name="{LATIN_FONT}"><w:charset w:val="00"/><w:family w:val="roman"/>'
    fonts += '<w:pitch w:val="variable"/></w:font>'
    fonts += "".join(
        f'<w:font w:name="{name}"><w:altName w:val="{alternative}"/>'
        f'<w:charset w:val="{GB2312_CHARSET}"/><w:family w:val="{family}"/>'
        f'<w:pitch w:val="{pitch}"/></w:font>'
        for name, (alternative, family, pitch) in WORD_FONTS.items()
    )
    table = parse_xml(f"<w:fonts {nsdecls('w')}>{fonts}</w:fonts>")
    return etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


THEME_FONT_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def set_fonts(element, face: str) -> None:
    """Name the faces of a style's or run's rPr: ``face`` for East Asian text, LATIN_FONT for
    Latin letters and digits, themes removed."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in THEME_FONT_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi"):
        fonts.set(qn(attribute), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), face)
    fonts.set(qn("w:hint"), "eastAsia")


def _east_asian_language(doc) -> None:
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        for attribute in THEME_FONT_ATTRIBUTES:
            fonts.attrib.pop(qn(attribute), None)


def _setup(doc, profile: LayoutProfile, landscape: bool) -> None:
    section = doc.sections[0]
    width, height = Mm(profile.page_width_mm), Mm(profile.page_height_mm)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        width, height = height, width
    section.page_width, section.page_height = width, height
    section.top_margin, section.bottom_margin = Mm(profile.top_mm), Mm(profile.bottom_mm)
    section.left_margin, section.right_margin = Mm(profile.left_mm), Mm(profile.right_mm)
    # the page number's line (exactly its size high) ends where its baseline is in the PDF,
    # PAGE_NUMBER_BELOW_MM under the text block less the number's size, and a fifth of the
    # size more, which Word and LibreOffice leave under the baseline of an exact line
    size = profile.page_number_size
    baseline = Mm(profile.bottom_mm - PAGE_NUMBER_BELOW_MM) - Pt(size)
    section.footer_distance = baseline - Pt(size / 5)
    _east_asian_language(doc)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(profile.body_size)
    set_fonts(normal.element, profile.body_font)
    fmt = normal.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(profile.line_pitch_pt)
    fmt.space_before = fmt.space_after = Pt(0)


def _run(paragraph, text: str, font: str, size: float, spacing: float = 0):
    """A run with its face and size (and ``spacing``, points between characters), copied
    from a prepared ``w:r``: building the properties through python-docx's setters took half
    of the Word rendering time."""
    r = deepcopy(_run_template(font, round(size * 2), round(spacing * 20)))
    paragraph._p.append(r)
    run = Run(r, paragraph)
    run.text = text  # python-docx turns "\n" and "\t" into breaks and tabs
    return run


@cache
def _run_template(face: str, half_points: int, twentieths: int = 0):
    r = OxmlElement("w:r")
    set_fonts(r, face)
    rpr = r.get_or_add_rPr()
    if twentieths:
        spacing = OxmlElement("w:spacing")  # before w:sz, as the schema orders them
        spacing.set(qn("w:val"), str(twentieths))
        rpr.append(spacing)
    _append_size(rpr, half_points)
    return r


def _body_spacing(profile: LayoutProfile) -> float:
    """How much closer Word sets body characters than their size, so 28 fit a line."""
    return profile.char_pitch_pt - profile.body_size


def _append_size(rpr, half_points: int) -> None:
    """The type size of a run's (or a paragraph mark's) properties, Latin and East Asian."""
    for tag in ("w:sz", "w:szCs"):
        size = OxmlElement(tag)
        size.set(qn("w:val"), str(half_points))
        rpr.append(size)


def _page_number_footer(footer, profile: LayoutProfile, *, even: bool = False) -> None:
    """The page number as "— N —" at the outer edge, one character in: right on odd pages,
    left on even ones (GB/T 9704); a PAGE field, so Word counts the pages."""
    paragraph = footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if even else WD_ALIGN_PARAGRAPH.RIGHT
    fmt = paragraph.paragraph_format  # one line exactly its size high: see _setup
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(profile.page_number_size)
    fmt.space_before = fmt.space_after = Pt(0)
    indent = Pt(profile.page_number_size)
    if even:
        paragraph.paragraph_format.left_indent = indent
    else:
        paragraph.paragraph_format.right_indent = indent
    size, font = profile.page_number_size, profile.page_number_font
    _run(paragraph, "— ", font, size)
    run = _run(paragraph, "", font, size)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
    _run(paragraph, " —", font, size)


def _tiny(paragraph) -> None:
    """A paragraph 1 pt high (exact), its mark 1 pt too: where Word needs a paragraph that
    should take no room (after a header's table, at a page break)."""
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(1)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.first_line_indent = None
    ppr = paragraph._p.get_or_add_pPr()
    mark = ppr.find(qn("w:rPr"))
    if mark is None:
        mark = OxmlElement("w:rPr")
        ppr.append(mark)
    _append_size(mark, 2)  # half-points


def _stamp(section, stamp: ArchiveStamp, profile: LayoutProfile) -> None:
    """The 归档章 at the top right of the first page: the first page's own header, the table
    first and then a 1 pt paragraph (a header must end in a paragraph), so the header is the
    16 mm stamp and no more, inside the top margin."""
    section.different_first_page_header_footer = True
    header = section.first_page_header
    table = header.add_table(rows=2, cols=3, width=Mm(3 * STAMP_CELL_MM[0]))
    closing = header.paragraphs[0]  # python-docx's empty paragraph: moved after the table
    closing._p.addprevious(table._tbl)
    _tiny(closing)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.RIGHT
    _borders(table, stamp.colour)
    for row, values in zip(table.rows, stamp.cells(), strict=True):
        row.height = Mm(STAMP_CELL_MM[1])
        row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY
        for cell, value in zip(row.cells, values, strict=True):
            cell.width = Mm(STAMP_CELL_MM[0])
            cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
            paragraph = cell.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
            run = _run(paragraph, value, profile.page_number_font, 9)
            run.font.color.rgb = RGBColor.from_string(stamp.colour)
    # the first page keeps its page number too
    _page_number_footer(section.first_page_footer, profile)


def _borders(table, colour: str) -> None:
    """All the table's lines single, 0.6 pt, in ``colour`` (its own w:tblBorders, over the
    style's black ones)."""
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{side}")
        for attribute, value in (
            ("val", "single"),
            ("sz", str(STAMP_LINE_EIGHTHS)),
            ("space", "0"),
            ("color", colour),
        ):
            border.set(qn(f"w:{attribute}"), value)
        borders.append(border)
    after = TBL_PR_ORDER[TBL_PR_ORDER.index("w:tblBorders") + 1 :]
    table._tbl.tblPr.insert_element_before(borders, *after)


def render_docx(
    document: Document, target: Path | None = None, profile: LayoutProfile = GBT_9704
) -> bytes:
    """The .docx bytes of ``document``; also written to ``target`` when given."""
    document = document.writable()  # no control character of an old record
    doc = new_docx(io.BytesIO(profile.template or _template()))
    _setup(doc, profile, document.landscape)
    if profile.template is not None:
        _school_template(doc, profile)
    section = doc.sections[0]
    doc.settings.odd_and_even_pages_header_footer = True
    _page_number_footer(section.footer, profile)
    _page_number_footer(section.even_page_footer, profile, even=True)
    if document.stamp is not None:
        _stamp(section, document.stamp, profile)
    elif document.cover:  # the first page's own footer, left empty: no number on a cover
        section.different_first_page_header_footer = True
        section.first_page_footer.is_linked_to_previous = False
    title = doc.paragraphs[0] if doc.paragraphs else doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.line_spacing = Pt(max(profile.line_pitch_pt, profile.title_size * 1.5))
    width_pt = Emu(section.page_width - section.left_margin - section.right_margin).pt
    lines = document.title_lines(lambda text: _text_width(text, profile.title_size) <= width_pt)
    for index, line in enumerate(lines):
        run = _run(title, line, profile.title_font, profile.title_size)
        if index < len(lines) - 1:
            run.add_break()
    doc.add_paragraph()
    for block in document.blocks:
        _block(doc, block, profile, width_pt)
    signature_lines = document.signature_lines(width_pt / profile.body_size)
    if signature_lines:
        doc.add_paragraph()
        for index, text in enumerate(signature_lines):
            line = doc.add_paragraph()
            line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if index < len(signature_lines) - 1:  # a form's signatures stay on one page
                line.paragraph_format.keep_with_next = True
            _run(line, text, profile.body_font, profile.body_size)
    buffer = io.BytesIO()
    doc.save(buffer)
    data = buffer.getvalue()
    if target is not None:
        Path(target).write_bytes(data)
    return data


def _text_width(text: str, size: float) -> float:
    """Points ``text`` takes: a full em for Chinese, half for Latin letters and digits."""
    return sum(size if ord(c) >= 0x2E80 else size / 2 for c in text)


def _block(doc, block, profile: LayoutProfile, width_pt: float) -> None:
    if isinstance(block, Table):
        _table(doc, block, profile, width_pt)
        return
    if isinstance(block, Picture):
        _picture(doc, block, profile)
        return
    if isinstance(block, PageBreak):
        paragraph = doc.add_paragraph()
        _tiny(paragraph)  # the new page starts with what follows, not with an empty line
        paragraph.add_run().add_break(WD_BREAK.PAGE)
        return
    spacing = _body_spacing(profile)
    if isinstance(block, Field):
        # each line ends where the PDF's does (text_lines), with a w:br; names stay whole
        label = f"{block.label}："
        names = block.names if isinstance(block, NameList) else ()
        lines = body_lines(label + block.value, width_pt, profile, kept=names)
        paragraph = doc.add_paragraph()
        text = "\n".join(lines)
        head = len(label) + text[: len(label)].count("\n")  # a line narrower than the label
        _run(paragraph, text[:head], profile.heading1_font, profile.body_size, spacing)
        _run(paragraph, text[head:], profile.body_font, profile.body_size, spacing)
        return
    assert isinstance(block, Paragraph)
    font, size = {
        Style.HEADING1: (profile.heading1_font, profile.body_size),
        Style.HEADING2: (profile.heading2_font, profile.body_size),
        Style.NOTE: (profile.body_font, profile.table_size),
    }.get(block.style, (profile.body_font, profile.body_size))
    note = block.style == Style.NOTE
    indent = 2 * profile.char_pitch_pt if block.indent and block.style == Style.BODY else 0
    for segment in block.text.split("\n"):  # each its own paragraph, as in the PDF
        paragraph = doc.add_paragraph()
        if indent:
            paragraph.paragraph_format.first_line_indent = Pt(indent)
        if note:  # smaller type, closer lines: as the PDF's note style
            paragraph.paragraph_format.line_spacing = Pt(size * NOTE_LEADING)
        lines = body_lines(segment, width_pt, profile, indent=indent, size=size if note else None)
        _run(paragraph, "\n".join(lines), font, size, 0 if note else spacing)


def _table(doc, table: Table, profile: LayoutProfile, width_pt: float) -> None:
    header = [table.headers] if table.headers else []
    photo = table.photo
    photo_twips = round(PHOTO_MM[0] * MM_TO_PT * 20) if photo else 0
    grid = doc.add_table(rows=len(header) + len(table.rows), cols=table.columns + bool(photo))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    weights = table.widths or [1] * table.columns
    twips = [round((width_pt * 20 - photo_twips) * w / sum(weights)) for w in weights]
    twips += [photo_twips] if photo else []
    _fixed_grid(grid, twips, profile.cell_padding_pt)
    size = table.font_size or profile.table_size
    padding = profile.cell_padding_pt
    # row.cells once per row: table.cell(r, c) rebuilds the whole grid on every call
    for r, (row, values) in enumerate(zip(grid.rows, [*header, *table.rows], strict=True)):
        cells = row.cells
        for cell, width in zip(cells, twips, strict=True):
            cell.width = Emu(width * EMU_PER_TWIP)
        for cell, value, width in zip(cells[: table.columns], values, twips, strict=False):
            font = profile.heading1_font if r < len(header) else profile.body_font
            # the PDF's lines (text_lines), so each row is as tall as the PDF's
            lines = body_lines(value, width / 20 - 2 * padding, profile, size=size, hang=False)
            _run(_cell_paragraph(cell.paragraphs[0], size), "\n".join(lines), font, size)
        if r < len(header):
            _header_row(row, cells[: table.columns])
    if photo is not None:
        _photo(grid, photo, len(header), size, profile)
    # half a line between the table and what follows (Word needs a paragraph after a table)
    after = doc.add_paragraph()
    after.paragraph_format.line_spacing = Pt(profile.line_pitch_pt / 2)


def _picture(doc, picture: Picture, profile: LayoutProfile) -> None:
    """The picture centred on a line of its own (single spacing, so its height is its own),
    kept with its caption under it."""
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.first_line_indent = None
    fmt.keep_with_next = True
    paragraph.add_run().add_picture(io.BytesIO(picture.image), width=Mm(picture.width_mm))
    caption = doc.add_paragraph()
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.paragraph_format.first_line_indent = None
    _run(caption, picture.caption, profile.body_font, profile.table_size)


def _cell_paragraph(paragraph, size: float | None = None):
    """A paragraph of a table cell, no indent: its lines 1.4 × ``size`` apart (exactly, as
    the PDF's cells are), or single spaced without a size."""
    fmt = paragraph.paragraph_format
    if size is None:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    else:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(size * CELL_LEADING)
    fmt.first_line_indent = None
    return paragraph


def _header_row(row, cells) -> None:
    """A table's header row: repeated at the top of each page (w:tblHeader) and shaded as
    in the PDF."""
    tr_pr = row._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    tr_pr.append(repeat)
    for cell in cells:
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), HEADER_FILL)
        cell._tc.get_or_add_tcPr().append(shading)


def _photo(grid, photo: Photo, first: int, size: float, profile: LayoutProfile) -> None:
    """The photo box in the grid's last column: its cells in the ``photo.rows`` rows from
    ``first`` on merged into one, 25 mm wide, each of those rows at least a share of its
    35 mm; the photo in it, or its label. Below it, each row's last cell runs across the
    column."""
    rows = list(grid.rows)
    beside = rows[first : first + photo.rows]
    for row in beside:
        row.height = Mm(PHOTO_MM[1] / photo.rows)
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    for row in rows[first + photo.rows :]:
        cells = row.cells
        cells[-2].merge(cells[-1])
    box = beside[0].cells[-1].merge(beside[-1].cells[-1])
    box.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    paragraph = _cell_paragraph(box.paragraphs[0])
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if photo.image is None:
        _run(paragraph, PHOTO_LABEL, profile.body_font, size)
        hint = _cell_paragraph(box.add_paragraph())
        hint.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(hint, PHOTO_HINT, profile.body_font, PHOTO_HINT_SIZE)
        return
    _no_cell_margins(box)
    image = Image.from_blob(photo.image)
    scale = min(PHOTO_MM[0] / image.px_width, PHOTO_MM[1] / image.px_height)
    paragraph.add_run().add_picture(
        io.BytesIO(photo.image),
        width=Mm(image.px_width * scale),
        height=Mm(image.px_height * scale),
    )


def _no_cell_margins(cell) -> None:
    """A cell whose content touches its borders (a photo fills its box)."""
    margins = OxmlElement("w:tcMar")
    for side in ("top", "left", "bottom", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), "0")
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    tc_pr = cell._tc.get_or_add_tcPr()
    tc_pr.insert_element_before(margins, "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")


def _fixed_grid(grid, twips: list[int], padding_pt: float) -> None:
    """Column widths from ``Table.widths``: the grid, the table's width and a fixed layout
    (Word otherwise fits columns to their contents and wraps 档号 and ID numbers), and the
    cell margins of the PDF."""
    grid.autofit = False  # w:tblLayout w:type="fixed"
    tbl_pr = grid._tbl.tblPr
    for tag in ("w:tblW", "w:tblCellMar"):
        for old in tbl_pr.findall(qn(tag)):
            tbl_pr.remove(old)
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(sum(twips)))
    width.set(qn("w:type"), "dxa")
    tbl_pr.insert_element_before(width, *TBL_PR_ORDER[TBL_PR_ORDER.index("w:tblW") + 1 :])
    margins = OxmlElement("w:tblCellMar")
    for side, points in (
        ("top", CELL_TOP_BOTTOM_PT),
        ("left", padding_pt),
        ("bottom", CELL_TOP_BOTTOM_PT),
        ("right", padding_pt),
    ):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(round(points * 20)))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    tbl_pr.insert_element_before(margins, *TBL_PR_ORDER[TBL_PR_ORDER.index("w:tblCellMar") + 1 :])
    for col, value in zip(grid._tbl.tblGrid.findall(qn("w:gridCol")), twips, strict=True):
        col.set(qn("w:w"), str(value))
