"""A school's Word template as an office makes one: own margins, a 宋体 Normal style with an
exact line spacing, a header with the school's name, a style of its own, and a sample
paragraph the program must not carry into documents; saved as .dotx or .docx."""

import io
import zipfile

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

HEADER = "江西某职业技术学院党委组织部"
SAMPLE = "模板正文示例：此段不应出现在导出的文件中。"
OWN_STYLE = "学校正文"
DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOTM_TYPE = b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml"


def school_template(*, dotx: bool = True, margins_mm=(25, 25, 30, 25), macros=False) -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    top, bottom, left, right = (Mm(m) for m in margins_mm)
    section.top_margin, section.bottom_margin = top, bottom
    section.left_margin, section.right_margin = left, right
    section.header_distance = Mm(12)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(14)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), "宋体")
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    normal.paragraph_format.line_spacing = Pt(26)
    header = section.header.paragraphs[0]
    header.text = HEADER
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.styles.add_style(OWN_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    doc.add_paragraph(SAMPLE)
    buffer = io.BytesIO()
    doc.save(buffer)
    kind = DOCUMENT_TYPE.replace(b".document.", b".template.") if dotx else DOCUMENT_TYPE
    if macros:
        kind = DOTM_TYPE
    return _with_main_type(buffer.getvalue(), kind)


def _with_main_type(data: bytes, kind: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as copy:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "[Content_Types].xml":
                content = content.replace(DOCUMENT_TYPE, kind)
            copy.writestr(item, content)
    return out.getvalue()
