"""Reopen what the renderers wrote: python-docx for .docx, pypdf for .pdf."""

import io
import re
import string
import zipfile

import docx
import pypdf
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from lxml import etree

from dualleader_desktop.documents import cjk_lines, fonts
from dualleader_desktop.documents.docx_render import LATIN_FONT as LATIN
from dualleader_desktop.documents.docx_render import render_docx
from dualleader_desktop.documents.layout import GBT_9704
from dualleader_desktop.documents.model import (
    ArchiveStamp,
    Document,
    Field,
    PageBreak,
    Paragraph,
    Style,
    Table,
)
from dualleader_desktop.documents.pdf_render import render_pdf
from tests.font_factory import make_ttf

EXTRA_GLYPHS = string.ascii_letters + string.digits + "—：（）_ "
LONG = "传达学院党委会议精神，要求全体党员结合岗位实际抓好落实。" * 6


def sample(stamp=True) -> Document:
    return Document(
        "支部委员会会议记录",
        [
            Field("时间", "2026年10月9日 14:30—16:00"),
            Field("地点", "党员活动室"),
            Paragraph("一、会议议程", Style.HEADING1),
            *[Paragraph(LONG) for _ in range(12)],
            Table(["姓名", "出席情况"], [["王伟", "出席"], ["李娜", "请假（出差）"]]),
        ],
        signatures=["主持人", "记录人"],
        stamp=ArchiveStamp("Z001", "2026", "0001", "DZB", "D30") if stamp else None,
    )


def test_docx_page_margins_and_east_asian_fonts():
    doc = docx.Document(io.BytesIO(render_docx(sample())))
    section = doc.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    assert [round(m.mm) for m in margins] == [37, 35, 28, 26]
    normal = doc.styles["Normal"].element.rPr.rFonts
    assert normal.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert normal.get(qn("w:eastAsiaTheme")) is None
    title = doc.paragraphs[0]
    assert title.text == "支部委员会会议记录"
    assert faces(title.runs[0]) == {"方正小标宋简体", LATIN}
    assert title.runs[0].font.size.pt == GBT_9704.title_size
    body = next(p for p in doc.paragraphs if p.text.startswith("传达"))
    assert faces(body.runs[0]) == {"仿宋_GB2312", LATIN}  # digits and letters: Times
    heading = next(p for p in doc.paragraphs if p.text == "一、会议议程")
    assert faces(heading.runs[0]) == {"黑体", LATIN}
    assert abs(doc.styles["Normal"].paragraph_format.line_spacing.pt - 28.99) < 0.05
    lang = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert lang.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"


def faces(run) -> set[str]:
    """The faces a run names for Latin and East Asian text."""
    fonts = run._r.rPr.rFonts
    return {fonts.get(qn(f"w:{attribute}")) for attribute in ("ascii", "hAnsi", "eastAsia")}


def test_word_takes_the_next_face_where_the_first_is_missing():
    """Word on Windows shows 仿宋_GB2312 and 方正小标宋简体 where installed, else 仿宋 and
    宋体: the font table names each face's alternative (w:altName)."""
    with zipfile.ZipFile(io.BytesIO(render_docx(sample()))) as package:
        table = etree.fromstring(package.read("word/fontTable.xml"))
    alternatives = {
        font.get(qn("w:name")): font.find(qn("w:altName")).get(qn("w:val"))
        for font in table.iter(qn("w:font"))
        if font.get(qn("w:name")) != LATIN  # every Word has it
    }
    assert alternatives["仿宋_GB2312"] == "仿宋"
    assert alternatives["方正小标宋简体"] == "宋体"
    assert alternatives["楷体_GB2312"] == "楷体"
    for face in (GBT_9704.body_font, GBT_9704.title_font, GBT_9704.heading1_font):
        assert face in alternatives
    charsets = {
        font.get(qn("w:name")): font.find(qn("w:charset")).get(qn("w:val"))
        for font in table.iter(qn("w:font"))
    }
    assert set(charsets.pop(LATIN)) == {"0"} and set(charsets.values()) == {"86"}  # GB2312


def test_docx_archive_stamp_and_page_number():
    doc = docx.Document(io.BytesIO(render_docx(sample())))
    section = doc.sections[0]
    stamp = section.first_page_header.tables[0]
    assert [c.text for c in stamp.rows[0].cells] == ["Z001", "2026", "0001"]
    assert [c.text for c in stamp.rows[1].cells][:2] == ["DZB", "D30"]
    assert round(stamp.columns[0].cells[0].width.mm) == 15
    footer = section.footer.paragraphs[0]
    assert "PAGE" in footer._p.xml and footer.text.startswith("— ")
    assert footer.alignment == WD_ALIGN_PARAGRAPH.RIGHT  # odd pages: outer edge is the right
    assert section.even_page_footer.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert doc.settings.odd_and_even_pages_header_footer
    assert "王伟" in doc.tables[0].cell(1, 0).text


def test_pdf_with_a_font_the_test_provides_is_embedded(tmp_path):
    font = make_ttf(tmp_path / "dl-test.ttf", sample().text() + EXTRA_GLYPHS)
    data = render_pdf(sample(), extra_fonts=(str(font),))
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 2
    assert [round(v) for v in reader.pages[0].mediabox[2:]] == [595, 842]
    first = reader.pages[0].extract_text()
    for text in ("支部委员会会议记录", "Z001", "DZB", "D30", str(len(reader.pages))):
        assert text in first
    embedded = {
        f.get_object()["/BaseFont"]: f.get_object()
        for f in reader.pages[0]["/Resources"]["/Font"].values()
    }
    subset = [name for name in embedded if "+" in name and "DLTest" in name]
    assert subset, embedded.keys()


@pytest.mark.parametrize("landscape", [False, True])
def test_both_renderers_say_the_same_thing(landscape, tmp_path):
    document = sample()
    document.landscape = landscape
    font = make_ttf(tmp_path / "dl-test.ttf", document.text() + EXTRA_GLYPHS)
    pdf = pypdf.PdfReader(io.BytesIO(render_pdf(document, extra_fonts=(str(font),))))
    pdf_text = "".join(page.extract_text() for page in pdf.pages).replace("\n", "")
    word = docx.Document(io.BytesIO(render_docx(document)))
    word_text = "".join(p.text for p in word.paragraphs)
    for phrase in ("支部委员会会议记录", "时间：2026年10月9日", "一、会议议程", "主持人："):
        assert phrase in pdf_text and phrase in word_text
    width, height = (float(v) for v in pdf.pages[0].mediabox[2:])
    assert (width > height) == landscape


def test_docx_header_is_the_stamp_then_a_one_point_paragraph():
    """No empty 29 pt paragraph above the stamp, and a closing paragraph after it (Word needs
    one and would add a full-height one itself): the header stays inside the top margin."""
    doc = docx.Document(io.BytesIO(render_docx(sample())))
    header = doc.sections[0].first_page_header._element
    children = [child.tag for child in header]
    assert children == [qn("w:tbl"), qn("w:p")]
    closing = header[-1]
    spacing = closing.find(qn("w:pPr")).find(qn("w:spacing"))
    assert spacing.get(qn("w:lineRule")) == "exact" and spacing.get(qn("w:line")) == "20"
    assert closing.find(qn("w:r")) is None  # no text
    section = doc.sections[0]
    stamp_mm = 2 * 8
    assert section.header_distance.mm + stamp_mm + 1 < section.top_margin.mm


def test_docx_tables_have_a_fixed_grid_from_the_widths():
    document = Document(
        "表", [Table(["项目", "内容"], [["谈话时间", "2025年1月6日"]], widths=[1, 4])]
    )
    table = docx.Document(io.BytesIO(render_docx(document))).tables[0]._tbl
    grid = [int(c.get(qn("w:w"))) for c in table.tblGrid.findall(qn("w:gridCol"))]
    text_twips = round(156 / 25.4 * 1440)
    assert abs(sum(grid) - text_twips) <= 2 and abs(grid[1] - 4 * grid[0]) <= 4
    assert table.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    assert table.tblPr.find(qn("w:tblW")).get(qn("w:type")) == "dxa"
    assert [int(tc.tcPr.tcW.get(qn("w:w"))) for tc in table.tr_lst[1].tc_lst] == grid


def test_pdf_title_is_bold(tmp_path):
    font = make_ttf(tmp_path / "dl-test.ttf", sample().text() + EXTRA_GLYPHS)
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(sample(), extra_fonts=(str(font),))))
    content = reader.pages[0].get_contents().get_data()
    # fill and stroke (render mode 2) around the title's text object, then back to normal
    title_at = content.index(f" {GBT_9704.title_size:g} Tf".encode())
    assert b"2 Tr" in content[:title_at] and content.count(b"2 Tr") == 1
    body = f" {GBT_9704.char_pitch_pt:g} Tf".encode()
    assert content.index(b"Q", title_at) < content.index(body)  # restored before the body


LONG_BRANCH = "江西某职业技术学院机电工程党支部"  # 16 characters: the title is 21 with the kind


def test_a_long_title_breaks_before_the_kind_label_not_before_its_last_character(tmp_path):
    document = Document(f"{LONG_BRANCH}党员大会记录", [Paragraph("正文")], title_break=16)
    font = make_ttf(tmp_path / "dl-test.ttf", document.text() + EXTRA_GLYPHS)
    pdf = pypdf.PdfReader(io.BytesIO(render_pdf(document, extra_fonts=(str(font),))))
    lines = pdf.pages[0].extract_text().splitlines()
    assert LONG_BRANCH in lines[0] and lines[1].strip() == "党员大会记录"
    title = docx.Document(io.BytesIO(render_docx(document))).paragraphs[0]
    assert title.text == f"{LONG_BRANCH}\n党员大会记录"  # a line break (w:br) between
    short = Document("党员大会记录", [], title_break=2)  # fits: never broken
    assert short.title_lines(lambda text: True) == ["党员大会记录"]


def _baselines(data: bytes) -> dict[str, float]:
    found: dict[str, float] = {}

    def visit(text, cm, tm, _font, _size):
        if text.strip():  # the baseline on the page: the text matrix moved by the cm
            found.setdefault(text.strip(), tm[5] * cm[3] + tm[4] * cm[1] + cm[5])

    pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text(visitor_text=visit)
    return found


def test_pdf_leaves_room_between_a_table_and_what_follows(tmp_path):
    document = Document(
        "表",
        [Table(["项目", "内容"], [["末行", "内容"]]), Paragraph("谈话内容", Style.HEADING1)],
    )
    font = make_ttf(tmp_path / "dl-test.ttf", document.text() + EXTRA_GLYPHS)
    ys = _baselines(render_pdf(document, extra_fonts=(str(font),)))
    last_row, heading = ys["末行"], ys["谈话内容"]
    # a 12 pt row with 3 pt padding ends ~6 pt under its baseline; the 16 pt heading's glyphs
    # reach ~14 pt above its own: a gap of at least 10 pt between the line and the heading
    assert last_row - heading >= 6 + 14 + 10


def test_page_break_starts_a_new_page_in_both_formats(tmp_path):
    document = Document("目录", [Field("全宗号", "Z001"), PageBreak(), Paragraph("第二页")])
    font = make_ttf(tmp_path / "dl-test.ttf", document.text() + EXTRA_GLYPHS)
    pdf = pypdf.PdfReader(io.BytesIO(render_pdf(document, extra_fonts=(str(font),))))
    assert len(pdf.pages) == 2 and "第二页" in pdf.pages[1].extract_text()
    assert "第二页" not in pdf.pages[0].extract_text()
    body = docx.Document(io.BytesIO(render_docx(document))).element.body.xml
    assert re.search(r'w:br w:type="page"', body)


def test_no_pdf_line_starts_with_a_closing_mark(tmp_path):
    """Wherever the break falls, "》，" and "）、" hang together at the end of the line."""
    blocks = []
    for n in range(12, 30):
        blocks.append(Paragraph("学" * n + "《中国共产党章程》，" + "学" * 30))
        blocks.append(Field("请假人员", "某" * n + "（病假）、" + "某" * 30))
    document = Document("标题", blocks)
    font = make_ttf(tmp_path / "f.ttf", document.text() + EXTRA_GLYPHS)
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(document, extra_fonts=(str(font),))))
    lines = [line for page in reader.pages for line in page.extract_text().splitlines()]
    assert len(lines) > 4 * len(blocks) // 2
    assert [line for line in lines if line[:1] in set("，、》）")] == []


def test_a_closing_mark_at_a_paragraphs_end_does_not_stand_alone(tmp_path):
    blocks = [Paragraph("学" * n + "《中国共产党章程》。") for n in range(10, 40)]
    document = Document("标题", blocks)
    font = make_ttf(tmp_path / "f.ttf", document.text() + EXTRA_GLYPHS)
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(document, extra_fonts=(str(font),))))
    lines = [line for page in reader.pages for line in page.extract_text().splitlines()]
    assert [line for line in lines if line[:1] in set("。》")] == []


def test_marks_in_a_table_cell_stay_inside_it():
    from reportlab.platypus import Table as PdfTable

    from dualleader_desktop.documents.pdf_render import CellParagraph, _styles

    cjk_lines.install()
    style = _styles(GBT_9704, fonts.faces(dict.fromkeys(fonts.ROLES, "某（病假）、")))["cell"]
    for n in range(8):  # every position of the break
        cell = CellParagraph("某" * n + "（病假）、某某某某某某", style)
        PdfTable([[cell]], colWidths=[60]).wrap(60, 1000)
        lines = cell.blPara.lines  # (space left, [text]) for a cell of one style
        assert len(lines) > 1
        for space_left, _text in lines:
            assert space_left >= -0.01 - style.fontSize  # reportlab's own one mark at most


def test_word_and_the_pdf_fit_the_same_22_lines_in_the_text_block(tmp_path):
    """Word keeps an exact line spacing in twentieths of a point: the pitch is a whole number
    of them, rounded down, so 22 lines fit the 225 mm text block in Word too (28.99 pt was
    stored as 29.0 and Word fitted 21), and the PDF steps its lines by the same pitch."""
    word = docx.Document(io.BytesIO(render_docx(sample())))
    twips = word.styles["Normal"].paragraph_format.line_spacing.pt * 20
    assert twips == round(twips) == GBT_9704.line_pitch_pt * 20
    section = word.sections[0]
    block = (section.page_height - section.top_margin - section.bottom_margin) / 635  # twips
    assert 22 * twips <= block < 23 * twips
    document = Document("行", [Paragraph(f"第{n}行") for n in range(1, 60)])
    font = make_ttf(tmp_path / "dl-test.ttf", document.text() + EXTRA_GLYPHS)
    ys = _baselines(render_pdf(document, extra_fonts=(str(font),)))
    steps = {round(ys[f"第{n}行"] - ys[f"第{n + 1}行"], 3) for n in range(1, 15)}
    assert steps == {GBT_9704.line_pitch_pt}
    second = pypdf.PdfReader(io.BytesIO(render_pdf(document, extra_fonts=(str(font),)))).pages[1]
    assert len(re.findall(r"第\d+行", second.extract_text())) == 22


def test_a_docx_table_repeats_its_shaded_header_row_on_every_page():
    rows = [[str(n), f"第{n}项"] for n in range(1, 80)]
    word = docx.Document(io.BytesIO(render_docx(Document("表", [Table(["序号", "内容"], rows)]))))
    header, first = word.tables[0].rows[0], word.tables[0].rows[1]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert first._tr.trPr is None or first._tr.trPr.find(qn("w:tblHeader")) is None
    fills = {c._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) for c in header.cells}
    assert fills == {"F0F0F0"}
    assert all(c._tc.tcPr.find(qn("w:shd")) is None for c in first.cells)


def test_a_cover_page_has_no_page_number_in_either_format(tmp_path):
    document = Document("归档文件目录", [Field("全宗号", "Z001"), PageBreak(), Paragraph("目录")])
    document.cover = True
    font = make_ttf(tmp_path / "dl-test.ttf", document.text() + EXTRA_GLYPHS)
    pages = pypdf.PdfReader(io.BytesIO(render_pdf(document, extra_fonts=(str(font),)))).pages
    assert "— 1 —" not in pages[0].extract_text() and "— 2 —" in pages[1].extract_text()
    section = docx.Document(io.BytesIO(render_docx(document))).sections[0]
    assert section.different_first_page_header_footer
    assert not section.first_page_footer.is_linked_to_previous
    assert "".join(p.text for p in section.first_page_footer.paragraphs) == ""
    assert "PAGE" in section.footer._element.xml and "PAGE" in section.even_page_footer._element.xml
    document.cover = False  # a document without a cover numbers its first page
    first = pypdf.PdfReader(io.BytesIO(render_pdf(document, extra_fonts=(str(font),)))).pages[0]
    assert "— 1 —" in first.extract_text()


def test_broken_lines_split_between_pages_as_a_paragraph_does():
    """A paragraph's lines (pdf_lines.TextLines) move on whole rather than leave their
    first line alone at a page's foot; otherwise they split where the page ends."""
    from reportlab.lib.styles import ParagraphStyle

    from dualleader_desktop.documents.pdf_lines import TextLines

    style = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=12)
    lines = TextLines([[("Helvetica", f"line {n}")] for n in range(5)], style, first_indent=20)
    assert lines.wrap(400, 1000) == (400, 60)
    assert lines.split(400, 23) == []  # one line would be left alone
    first, rest = lines.split(400, 40)  # three lines fit
    assert [len(part.lines) for part in (first, rest)] == [3, 2]
    assert (first.first_indent, rest.first_indent) == (20, 0)  # only the first line indents
    assert lines.split(400, 60) == [lines]
