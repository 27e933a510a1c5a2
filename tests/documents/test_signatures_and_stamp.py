"""Forms people sign (issue 11, item 6): signatures with a date line that fits the text block,
the roster's 制表人/审核人/日期, the 党员信息采集表's 填表日期 and photo box, the 归档章 in red.

The .docx files are reopened with python-docx (and, where LibreOffice is installed, laid out
by it); the PDFs are drawn with the machine's own Chinese fonts, as an export draws them, and
read back with pypdf: their text and what their content streams draw where."""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import replace
from datetime import date

import docx
import pypdf
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from PIL import Image
from pypdf.generic import ContentStream
from reportlab.lib.units import mm

from dualleader_desktop.demo import populate_demo
from dualleader_desktop.documents import evaluation_docs, fonts
from dualleader_desktop.documents.builders import (
    meeting_minutes,
    member_card,
    member_roster,
    talk_record,
)
from dualleader_desktop.documents.docx_render import render_docx
from dualleader_desktop.documents.layout import GBT_9704, MM_TO_PT
from dualleader_desktop.documents.model import (
    BLANK_DATE,
    PHOTO_HINT,
    PHOTO_LABEL,
    ArchiveStamp,
    Document,
    Paragraph,
    Photo,
    SignatureDates,
    Table,
)
from dualleader_desktop.documents.pdf_render import prepare_fonts, render_pdf
from dualleader_desktop.domain.evaluation import EvaluationDraft, EvaluationLine
from dualleader_desktop.domain.satisfaction import SurveyDraft
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.services.talks import TalkService
from dualleader_desktop.storage.database import Database
from tests.conftest import TODAY

BRANCH = "机电工程学院教师党支部"
DATED = f"日期：{BLANK_DATE}"
STAMP = ArchiveStamp("Z001", "2025", "0001", "DZB", "Y")
RED = (192 / 255, 0, 0)
PORTRAIT_EM = (210 - 28 - 26) * MM_TO_PT / GBT_9704.body_size  # the text block, in body ems
LANDSCAPE_EM = (297 - 28 - 26) * MM_TO_PT / GBT_9704.body_size

machine_fonts = pytest.mark.skipif(
    not fonts.candidate_sources(), reason="no Chinese font on this machine (fc-list :lang=zh)"
)


@pytest.fixture(scope="module")
def forms(tmp_path_factory) -> dict[str, Document]:
    """The demo year's forms with signatures, each with the 归档章: minutes, a talk record,
    the roster, a member card, and the evaluation's signed documents."""
    db = Database.open_file(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    populate_demo(db, 2025, today=TODAY)
    meetings, talks = MeetingService(db), TalkService(db)
    members = MemberService(db).list_members()
    line = EvaluationLine(1, "王伟", self_review="一年来认真学习。")
    evaluation = EvaluationDraft(2025, lines=[line])
    documents = {
        "minutes": meeting_minutes(meetings.get(meetings.list_meetings(year=2025)[0].id), BRANCH),
        "talk": talk_record(talks.get(talks.list_talks(year=2025)[0].id), BRANCH),
        "roster": member_roster(members, BRANCH, as_of=date(2025, 12, 31)),
        "card": member_card(members[0], BRANCH),
        "tally": evaluation_docs.evaluation_tally(evaluation, BRANCH),
        "report": evaluation_docs.evaluation_report(evaluation, BRANCH),
        "self_review": evaluation_docs.self_review(line, 2025),
        "survey": evaluation_docs.survey_tally(SurveyDraft(2025), BRANCH),
    }
    return {name: replace(document, stamp=STAMP) for name, document in documents.items()}


@pytest.fixture(scope="module")
def pdfs(forms) -> dict[str, pypdf.PdfReader]:
    if not fonts.candidate_sources():
        pytest.skip("no Chinese font on this machine (fc-list :lang=zh)")
    prepare_fonts(forms.values())  # one conversion of each face for all of them
    return {name: pypdf.PdfReader(io.BytesIO(render_pdf(doc))) for name, doc in forms.items()}


def lines_of(reader: pypdf.PdfReader) -> list[str]:
    return [line for page in reader.pages for line in page.extract_text().splitlines()]


def test_every_signer_signs_on_a_line_of_its_own_with_a_date(forms):
    signers = {
        "minutes": ["主持人（签字）", "记录人（签字）"],
        "talk": ["谈话人（签字）", "谈话对象（签字）"],
        "card": ["本人签字", "支部书记签字"],
        "tally": ["计票人（签字）", "监票人（签字）"],
        "report": ["党支部书记（签字）"],
        "self_review": ["本人（签字）"],
        "survey": ["计票人（签字）", "监票人（签字）"],
    }
    for name, expected in signers.items():
        lines = forms[name].signature_lines(PORTRAIT_EM)
        assert [line.split("：")[0] for line in lines] == expected, name
        tails = {line[len(signer) :] for line, signer in zip(lines, expected, strict=True)}
        assert len(tails) == 1, name  # the same blank and date: set flush right, in columns
        blank, date_part = tails.pop()[1:].split("　")
        assert date_part == DATED and set(blank) == {"_"} and len(blank) >= 6, name
        # at most 0.6 em an underscore and a full em for the rest: one em of the line free
        widest = max(len(line) - line.count("_") + 0.6 * line.count("_") for line in lines)
        assert widest <= PORTRAIT_EM - 1, name


def test_roster_ends_with_maker_checker_and_date_on_one_line(forms):
    roster = forms["roster"]
    assert roster.signature_dates == SignatureDates.SHARED
    [line] = roster.signature_lines(LANDSCAPE_EM)
    maker, checker, dated = line.split("　　")
    assert maker.startswith("制表人：__") and checker.startswith("审核人：__")
    assert dated == DATED
    word = docx.Document(io.BytesIO(render_docx(roster)))
    last = word.paragraphs[-1]
    assert last.text == line and last.alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_docx_signature_paragraphs_hold_the_date_flush_right(forms):
    word = docx.Document(io.BytesIO(render_docx(forms["minutes"])))
    signed = [p for p in word.paragraphs if "（签字）：" in p.text]
    assert [p.text for p in signed] == forms["minutes"].signature_lines(PORTRAIT_EM)
    assert all(p.text.endswith(DATED) for p in signed)
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.RIGHT for p in signed)
    # the two lines stay on one page together
    assert [p.paragraph_format.keep_with_next for p in signed] == [True, None]
    assert [p.runs[0].font.size.pt for p in signed] == [GBT_9704.body_size] * 2


def test_docx_stamp_is_red_lines_and_text(forms):
    word = docx.Document(io.BytesIO(render_docx(forms["minutes"])))
    stamp = word.sections[0].first_page_header.tables[0]
    borders = stamp._tbl.tblPr.find(qn("w:tblBorders"))
    sides = {border.tag.split("}")[1]: border for border in borders}
    assert set(sides) == {"top", "left", "bottom", "right", "insideH", "insideV"}
    for border in sides.values():
        assert border.get(qn("w:val")) == "single" and border.get(qn("w:color")) == "C00000"
    runs = [
        run for row in stamp.rows for cell in row.cells for p in cell.paragraphs for run in p.runs
    ]
    assert len(runs) == 6
    assert {str(run.font.color.rgb) for run in runs} == {"C00000"}
    # the page number below stays black
    footer_runs = word.sections[0].first_page_footer.paragraphs[0].runs
    assert all(run.font.color.rgb is None for run in footer_runs)


def test_docx_member_card_has_a_fill_in_date_and_a_photo_box(forms):
    word = docx.Document(io.BytesIO(render_docx(forms["card"])))
    assert f"填表日期：{BLANK_DATE}" in [p.text for p in word.paragraphs]
    table = word.tables[0]
    assert table.rows[0].cells[0].text == "姓名"  # a form: no "项目 | 内容" header row
    grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert len(grid) == 3 and grid[-1] == round(25 * MM_TO_PT * 20)  # 25 mm wide
    rows = table._tbl.tr_lst
    beside, below = rows[:4], rows[4:]
    merges = [row.tc_lst[-1].tcPr.find(qn("w:vMerge")) for row in beside]
    assert merges[0].get(qn("w:val")) == "restart"
    assert all(m is not None and m.get(qn("w:val")) in (None, "continue") for m in merges[1:])
    for row in beside:  # four rows share the box's 35 mm at least
        height = row.trPr.find(qn("w:trHeight"))
        assert height.get(qn("w:hRule")) == "atLeast"
        assert abs(int(height.get(qn("w:val"))) - 35 / 4 * MM_TO_PT * 20) <= 1
    box = table.rows[0].cells[-1]
    assert [p.text for p in box.paragraphs] == [PHOTO_LABEL, PHOTO_HINT]
    for row in below:  # the rows below run their value across the photo's column
        assert row.tc_lst[-1].tcPr.find(qn("w:gridSpan")).get(qn("w:val")) == "2"
        assert len(row.tc_lst) == 2


@machine_fonts
def test_pdf_signature_lines_say_the_date_and_do_not_wrap(forms, pdfs):
    for name, document in forms.items():
        if name == "roster":
            continue
        lines = lines_of(pdfs[name])
        for signer in document.signatures:
            [line] = [line for line in lines if line.strip().startswith(f"{signer}：")]
            assert line.replace(" ", "").endswith(DATED), (name, line)


@machine_fonts
def test_pdf_roster_ends_with_maker_checker_and_date(pdfs):
    last_page = pdfs["roster"].pages[-1].extract_text().splitlines()
    [line] = [line for line in last_page if "制表人" in line]
    assert "审核人：" in line and line.replace(" ", "").endswith(DATED)


def drawing(page) -> list[tuple]:
    """What a page's content stream draws, on the page's coordinates: ("line", x0, y0, x1,
    y1, stroke colour), ("rect", x, y, w, h, stroke colour), ("text", size, fill colour)."""
    found = []
    state = {"origin": (0.0, 0.0), "stroke": (0, 0, 0), "fill": (0, 0, 0)}
    stack, size, start = [], 0.0, (0.0, 0.0)
    for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
        ox, oy = state["origin"]
        if operator == b"q":
            stack.append(dict(state))
        elif operator == b"Q":
            state = stack.pop()
        elif operator == b"cm":  # reportlab moves the origin only (1 0 0 1 x y)
            state["origin"] = (ox + float(operands[4]), oy + float(operands[5]))
        elif operator in (b"RG", b"rg"):
            key = "stroke" if operator == b"RG" else "fill"
            state[key] = tuple(round(float(v), 3) for v in operands)
        elif operator == b"m":
            start = (ox + float(operands[0]), oy + float(operands[1]))
        elif operator == b"l":
            found.append(
                ("line", *start, ox + float(operands[0]), oy + float(operands[1]), state["stroke"])
            )
        elif operator == b"re":
            x, y, w, h = (float(v) for v in operands)
            found.append(("rect", ox + x, oy + y, w, h, state["stroke"]))
        elif operator == b"Tf":
            size = float(operands[1])
        elif operator in (b"Tj", b"TJ"):
            found.append(("text", size, state["fill"]))
    return found


def red(colour) -> bool:
    return all(abs(a - b) < 0.01 for a, b in zip(colour, RED, strict=True))


@machine_fonts
@pytest.mark.parametrize("name", ["minutes", "roster", "card"])
def test_pdf_stamp_is_drawn_in_red_and_nothing_else_is(name, pdfs):
    drawn = drawing(pdfs[name].pages[0])
    cells = [
        d for d in drawn if d[0] == "rect" and round(d[3] / mm) == 15 and round(d[4] / mm) == 8
    ]
    assert len(cells) == 6 and all(red(cell[5]) for cell in cells)
    # the stamp is drawn last, over the page: its six values, then nothing
    first = drawn.index(cells[0])
    stamp_texts = [d for d in drawn[first:] if d[0] == "text"]
    assert len(stamp_texts) == 6 and all(red(t[2]) for t in stamp_texts)  # 页数 too
    others = [d for d in drawn[:first] if d[0] == "text"]  # title, body, page number
    assert others and not any(red(t[2]) for t in others)
    assert not any(red(d[5]) for d in drawn if d[0] == "line")  # the tables' lines


@machine_fonts
def test_pdf_member_card_has_a_fill_in_date_and_a_25_by_35_mm_photo_box(pdfs):
    page = pdfs["card"].pages[0]
    text = page.extract_text().replace(" ", "")
    assert f"填表日期：{BLANK_DATE}" in text and PHOTO_LABEL in text and PHOTO_HINT in text
    right = (210 - 26) * mm
    verticals = [
        d for d in drawing(page) if d[0] == "line" and abs(d[1] - d[3]) < 0.01 and d[2] != d[4]
    ]
    [photo_left] = [d for d in verticals if abs(d[1] - (right - 25 * mm)) < 0.1]
    assert abs(abs(photo_left[4] - photo_left[2]) - 35 * mm) < 0.1
    # the box's top is the table's: the right border runs from the same top down
    top = max(photo_left[2], photo_left[4])
    assert any(abs(d[1] - right) < 0.1 and abs(max(d[2], d[4]) - top) < 0.1 for d in verticals)


def photo_png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (90, 120, 200)).save(buffer, format="PNG")
    return buffer.getvalue()


def with_photo(document: Document, image: bytes) -> Document:
    blocks = [
        replace(block, photo=Photo(block.photo.rows, image))
        if isinstance(block, Table) and block.photo
        else block
        for block in document.blocks
    ]
    return replace(document, blocks=blocks)


def test_a_stored_photo_fills_the_box_keeping_its_shape_in_word(forms):
    card = with_photo(forms["card"], photo_png(300, 300))  # square: 25 × 25 mm
    assert PHOTO_LABEL not in card.text()
    word = docx.Document(io.BytesIO(render_docx(card)))
    box = word.tables[0].rows[0].cells[-1]
    [extent] = box._tc.xpath(".//wp:extent")
    assert abs(int(extent.get("cx")) / 36000 - 25) < 0.1
    assert abs(int(extent.get("cy")) / 36000 - 25) < 0.1
    assert PHOTO_LABEL not in box.text
    margins = box._tc.tcPr.find(qn("w:tcMar"))
    assert {m.get(qn("w:w")) for m in margins} == {"0"}


@machine_fonts
def test_a_stored_photo_fills_the_box_keeping_its_shape_in_the_pdf(forms):
    card = with_photo(forms["card"], photo_png(250, 400))  # tall: 21.9 × 35 mm
    page = pypdf.PdfReader(io.BytesIO(render_pdf(card))).pages[0]
    [image] = [
        x.get_object()
        for x in page["/Resources"]["/XObject"].values()
        if x.get_object()["/Subtype"] == "/Image"
    ]
    assert (image["/Width"], image["/Height"]) == (250, 400)
    placed = [
        operands
        for operands, operator in ContentStream(page.get_contents(), page.pdf).operations
        if operator == b"cm" and float(operands[0]) > 1
    ]
    [(w, _b, _c, h, _x, _y)] = placed
    assert abs(float(h) - 35 * mm) < 0.1 and abs(float(w) - 35 * mm * 250 / 400) < 0.1
    assert PHOTO_LABEL not in page.extract_text()


def test_a_document_without_signatures_has_no_signature_lines():
    document = Document("公示", [Paragraph("特此公示。")])
    assert document.signature_lines(PORTRAIT_EM) == []
    word = docx.Document(io.BytesIO(render_docx(document)))
    assert not any("日期" in p.text for p in word.paragraphs)


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
def test_libreoffice_lays_each_signature_line_out_on_one_line(forms, tmp_path):
    """python-docx has no layout engine: LibreOffice lays the .docx out (one batch call)."""
    names = ["minutes", "talk", "roster", "card", "report"]
    for name in names:
        render_docx(forms[name], tmp_path / f"{name}.docx")
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            *(str(tmp_path / f"{name}.docx") for name in names),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    for name in names:
        lines = lines_of(pypdf.PdfReader(tmp_path / "pdf" / f"{name}.pdf"))
        signers = forms[name].signatures
        signed = [line for line in lines if any(f"{s}：" in line for s in signers)]
        expected = 1 if name == "roster" else len(signers)
        assert len(signed) == expected, (name, signed)
        assert all(line.replace(" ", "").endswith(DATED) for line in signed), (name, signed)
