"""A school's own Word template (.docx or .dotx) as a layout profile.

The Word files are written into the template itself (its styles, header, page set-up, with
its body emptied), and every number the renderers use is read off it: page size and margins,
the Normal style's face, size and line pitch (an exact line spacing, else the document grid),
the characters per line (the grid's character pitch where it sets one), the faces and sizes
of the Title and Heading 1/2 styles where it defines them, and the header's text, which the
PDF prints where Word does. What the template leaves unsaid stays as GB/T 9704 has it.

``clean`` checks and trims an uploaded file once (it is then stored as it returns);
``profile_of`` reads a stored one, cheaply, every time documents are made.
"""

from __future__ import annotations

import io
import math
import zipfile
from dataclasses import replace

from docx import Document as open_docx
from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Length

from dualleader_desktop.documents.layout import GBT_9704, MM_TO_PT, LayoutProfile

MAX_BYTES = 10 * 1024 * 1024  # a template with pictures in its header is a few hundred KB
MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # what its parts may unpack to: no zip bomb is opened
CONTENT_TYPES = "[Content_Types].xml"
TEMPLATE_TYPE = b"wordprocessingml.template.main+xml"
DOCUMENT_TYPE = b"wordprocessingml.document.main+xml"
MACRO_TYPES = (b"ms-word.document.macroEnabled", b"ms-word.template.macroEnabled")
# the smallest text block the documents' tables and signature lines still fit in
MIN_TEXT_MM = (100, 120)
# the styles the renderer sets text in: taken from its own template where a school's lacks one
NEEDED_STYLES = ("Normal", "TableNormal", "TableGrid", "Header", "Footer")
TITLE_STYLES = ("Title", "标题")
HEADING_STYLES = {1: ("Heading 1", "heading 1", "标题 1"), 2: ("Heading 2", "heading 2", "标题 2")}
TWIPS_PER_PT = 20


class TemplateError(ValueError):
    """The file cannot be used as a template; the message (Chinese) says why and what to do."""


def clean(data: bytes, file_name: str) -> bytes:
    """The template as it is kept: a .docx (a .dotx's content type changed), its body empty
    but for the page set-up, headers kept and footers dropped (the documents number their
    pages themselves), the styles the renderer needs added where missing. Raises
    TemplateError when it is not a Word document this program can lay documents out in."""
    if len(data) > MAX_BYTES:
        raise TemplateError(
            f"“{file_name}”有 {len(data) // (1024 * 1024)} MB，超过模板的上限 10 MB："
            "请删去模板页眉中的大图片后重新选择。"
        )
    data = _as_document(data, file_name)
    try:
        doc = open_docx(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds for a damaged package
        raise TemplateError(
            f"“{file_name}”无法作为 Word 文档打开（{exc.__class__.__name__}）："
            "请在 Word 或 WPS 中打开它，另存为 .docx 后重新选择。"
        ) from exc
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    section = body.find(qn("w:sectPr"))
    if section is None:
        raise TemplateError(f"“{file_name}”没有页面设置：请在 Word 中设置好纸张和页边距后另存。")
    for reference in section.findall(qn("w:footerReference")):
        section.remove(reference)
    for reference in section.findall(qn("w:headerReference")):
        if reference.get(qn("w:type")) != "default":
            section.remove(reference)
    for extra in section.findall(qn("w:titlePg")):
        section.remove(extra)
    _add_missing_styles(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    cleaned = buffer.getvalue()
    profile_of(cleaned, file_name)  # its numbers must make a text block documents fit in
    return cleaned


def _as_document(data: bytes, file_name: str) -> bytes:
    """``data`` with a .dotx's main part typed as a document's, which python-docx opens."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            if sum(item.file_size for item in package.infolist()) > MAX_UNPACKED_BYTES:
                raise TemplateError(
                    f"“{file_name}”解压后超过 {MAX_UNPACKED_BYTES // (1024 * 1024)} MB，"
                    "不像是一个 Word 模板：请确认选择的文件无误。"
                )
            types = package.read(CONTENT_TYPES)
            if any(kind in types for kind in MACRO_TYPES):
                raise TemplateError(
                    f"“{file_name}”含有宏（.docm/.dotm），不能作为模板："
                    "请在 Word 中另存为“Word 模板 (*.dotx)”或“Word 文档 (*.docx)”后重新选择。"
                )
            if TEMPLATE_TYPE not in types:
                return data
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
                for item in package.infolist():
                    content = package.read(item)
                    if item.filename == CONTENT_TYPES:
                        content = content.replace(TEMPLATE_TYPE, DOCUMENT_TYPE)
                    copy.writestr(item, content)
            return out.getvalue()
    except (zipfile.BadZipFile, KeyError, OSError, EOFError) as exc:
        raise TemplateError(
            f"“{file_name}”不是 Word 文档（.docx 或 .dotx）：旧的 .doc 文件请先在 Word 或 WPS 中"
            "另存为 .docx 或 .dotx。"
        ) from exc


def _add_missing_styles(doc) -> None:
    from dualleader_desktop.documents.docx_render import base_styles

    styles = doc.styles.element
    present = {style.get(qn("w:styleId")) for style in styles.findall(qn("w:style"))}
    for style in base_styles():
        if (
            style.get(qn("w:styleId")) in NEEDED_STYLES
            and style.get(qn("w:styleId")) not in present
        ):
            styles.append(style)


def profile_of(data: bytes, file_name: str) -> LayoutProfile:
    """The layout profile a cleaned template gives."""
    doc = open_docx(io.BytesIO(data))
    section = doc.sections[0]
    width, height = _mm(section.page_width), _mm(section.page_height)
    if width > height:  # the documents turn the page themselves where they are landscape
        width, height = height, width
    margins = [_mm(section.top_margin), _mm(section.bottom_margin)]
    margins += [_mm(section.left_margin), _mm(section.right_margin)]
    text_width, text_height = width - margins[2] - margins[3], height - margins[0] - margins[1]
    if text_width < MIN_TEXT_MM[0] or text_height < MIN_TEXT_MM[1]:
        raise TemplateError(
            f"“{file_name}”的版心只有 {text_width:.0f} × {text_height:.0f} 毫米，"
            f"至少要 {MIN_TEXT_MM[0]} × {MIN_TEXT_MM[1]} 毫米才放得下表格和签名行："
            "请在 Word 中调小页边距后重新选择。"
        )
    normal = _style(doc, ("Normal",))
    body_font, body_size = _face(normal, *_defaults(doc))
    pitch = _line_pitch(normal, section) or body_size * GBT_9704.line_pitch_pt / 16
    grid_pitch = _char_pitch(section, body_size)
    title_font, title_size = _face(
        _style(doc, TITLE_STYLES), GBT_9704.title_font, GBT_9704.title_size
    )
    # headings are set in the body's size (GB/T 9704): only their faces are taken
    heading1_font = _face(_style(doc, HEADING_STYLES[1]), GBT_9704.heading1_font, 0)[0]
    heading2_font = _face(_style(doc, HEADING_STYLES[2]), GBT_9704.heading2_font, 0)[0]
    header = section.header
    header_text = "" if header.is_linked_to_previous else _header_text(header)
    header_size = _header_size(header, body_size) if header_text else body_size
    return replace(
        GBT_9704,
        name=f"学校模板：{file_name}",
        page_width_mm=width,
        page_height_mm=height,
        top_mm=margins[0],
        bottom_mm=margins[1],
        left_mm=margins[2],
        right_mm=margins[3],
        lines_per_page=max(1, math.floor(text_height * MM_TO_PT / pitch + 1e-6)),
        chars_per_line=max(1, math.floor(text_width * MM_TO_PT / (grid_pitch or body_size))),
        body_size=body_size,
        title_size=title_size,
        body_font=body_font,
        title_font=title_font,
        heading1_font=heading1_font,
        heading2_font=heading2_font,
        header_text=header_text,
        header_size=header_size,
        header_mm=_mm(section.header_distance) if section.header_distance is not None else 15,
        template=data,
    )


def _mm(length: Length | None) -> float:
    return round(length.mm, 1) if length is not None else 0.0


def _style(doc, names: tuple[str, ...]):
    styles = doc.styles
    return next((styles[name] for name in names if name in styles), None)


def _face(style, font: str, size: float) -> tuple[str, float]:
    """The East Asian face and the size the style itself sets, each else the one given: a
    Title or Heading style that only inherits (as Word's own do, from their theme) leaves
    GB/T 9704's 小标宋 and 黑体 in place."""
    if style is None:
        return font, size
    fonts = style.element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    face = fonts.get(qn("w:eastAsia")) if fonts is not None else None
    return face or font, style.font.size.pt if style.font.size is not None else size


def _defaults(doc) -> tuple[str, float]:
    """The document defaults' East Asian face and size, else GB/T 9704's body ones."""
    rpr = doc.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    size = rpr.find(qn("w:sz")) if rpr is not None else None
    face = fonts.get(qn("w:eastAsia")) if fonts is not None else None
    value = size.get(qn("w:val")) if size is not None else None
    half_points = int(value) if value and value.isdigit() and int(value) > 0 else None
    return face or GBT_9704.body_font, half_points / 2 if half_points else GBT_9704.body_size


def _line_pitch(normal, section) -> float | None:
    """The body's line pitch in points: the Normal style's exact line spacing, else the
    document grid's."""
    fmt = normal.paragraph_format if normal is not None else None
    if fmt is not None and fmt.line_spacing_rule in (
        WD_LINE_SPACING.EXACTLY,
        WD_LINE_SPACING.AT_LEAST,
    ):
        return fmt.line_spacing.pt
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is not None and grid.get(qn("w:type")) in ("lines", "linesAndChars"):
        pitch = grid.get(qn("w:linePitch"))
        if pitch and pitch.isdigit() and int(pitch) > 0:
            return int(pitch) / TWIPS_PER_PT
    return None


def _char_pitch(section, body_size: float) -> float | None:
    """The character pitch a "lines and characters" grid sets (Word stores it as what it
    adds to the body size, in 4096ths of a point), None without one."""
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None or grid.get(qn("w:type")) not in ("linesAndChars", "snapToChars"):
        return None
    try:
        space = int(grid.get(qn("w:charSpace"), "0"))
    except ValueError:
        return None
    pitch = body_size + space / 4096
    return pitch if pitch > 0 else None


def _header_text(header) -> str:
    return " ".join(p.text.strip() for p in header.paragraphs if p.text.strip())


def _header_size(header, body_size: float) -> float:
    """The size of the header's text: its first run's own, else its paragraph style's or the
    style that one is based on (Word's Header is based on Normal), else the body's."""
    for paragraph in header.paragraphs:
        for run in paragraph.runs:
            if run.text.strip():
                if run.font.size is not None:
                    return run.font.size.pt
                style = paragraph.style
                while style is not None:
                    if style.font.size is not None:
                        return style.font.size.pt
                    style = style.base_style
                return body_size
    return body_size
