"""Reopen what the renderers wrote: python-docx for .docx, pypdf for .pdf."""

import io
import string

import docx
import pypdf
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from dualleader_desktop.documents import fonts
from dualleader_desktop.documents.docx_render import render_docx
from dualleader_desktop.documents.layout import GBT_9704
from dualleader_desktop.documents.model import (
    ArchiveStamp,
    Document,
    Field,
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
    assert normal.get(qn("w:eastAsia")) == "仿宋"
    assert normal.get(qn("w:eastAsiaTheme")) is None
    title = doc.paragraphs[0]
    assert title.text == "支部委员会会议记录"
    assert title.runs[0]._r.rPr.rFonts.get(qn("w:eastAsia")) == "宋体"
    assert title.runs[0].font.size.pt == GBT_9704.title_size
    body = next(p for p in doc.paragraphs if p.text.startswith("传达"))
    assert body.runs[0]._r.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋"
    assert abs(doc.styles["Normal"].paragraph_format.line_spacing.pt - 28.99) < 0.05
    lang = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert lang.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"


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


def test_pdf_falls_back_to_the_cid_font_when_no_truetype_font_exists(monkeypatch, caplog):
    monkeypatch.setattr(fonts, "candidate_files", lambda: [])
    fonts.pdf_font.cache_clear()
    try:
        data = render_pdf(sample(stamp=False))
    finally:
        fonts.pdf_font.cache_clear()
    reader = pypdf.PdfReader(io.BytesIO(data))
    names = {f.get_object()["/BaseFont"] for f in reader.pages[0]["/Resources"]["/Font"].values()}
    assert any("STSong-Light" in n for n in names)


def test_cff_fonts_are_skipped_not_crashed_on(tmp_path):
    fake_otf = tmp_path / "NotoSansCJK-Regular.otf"
    fake_otf.write_bytes(b"OTTO" + b"\0" * 64)
    assert fonts.register_file(fake_otf, "x") is None
    broken_ttc = tmp_path / "broken.ttc"
    broken_ttc.write_bytes(b"ttcf" + b"\0" * 64)
    assert fonts.register_file(broken_ttc, "y") is None


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
