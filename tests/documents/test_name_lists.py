"""Lists of names break between names, never inside one («吕文/博»): the line breaking itself,
the PDF read back with pypdf, the .docx's breaks, and the minutes that use them."""

import io
import string
from itertools import pairwise

import docx
import pypdf
import pytest

from dualleader_desktop.documents.builders import meeting_minutes
from dualleader_desktop.documents.docx_render import render_docx
from dualleader_desktop.documents.layout import GBT_9704, MM_TO_PT
from dualleader_desktop.documents.model import Document, Field
from dualleader_desktop.documents.name_lists import (
    NameList,
    allowed_breaks,
    break_lines,
    listed_items,
)
from dualleader_desktop.documents.pdf_render import render_pdf
from dualleader_desktop.documents.text_lines import HANGING
from tests.font_factory import make_ttf

# two- and three-character names, as a branch has them
NAMES = [
    "何敏",
    "余伟",
    "余雅琴",
    "刘斌",
    "叶志远",
    "吕文博",
    "吕芳",
    "周娜",
    "周颖",
    "姚颖",
    "孙丽萍",
    "孙红霞",
    "宋文博",
    "彭芳",
    "曾永明",
    "朱玉兰",
    "李艳",
    "梁丽",
    "沈涛",
    "潘芳",
    "王家豪",
    "田永明",
    "肖勇",
    "胡家豪",
    "蒋秀英",
    "蔡敏",
    "蔡晓燕",
    "邓俊杰",
    "郭慧",
    "韩红霞",
    "马涛",
    "高俊杰",
    "高超",
    "欧阳晓明",
]
EXTRA_GLYPHS = string.ascii_letters + string.digits + "—：（）_ "


def broken_names(lines: list[str], names) -> list[str]:
    """Names cut by a line break: one line ends with their start, the next begins with
    their rest."""
    cut = []
    for before, after in pairwise(lines):
        for name in names:
            for i in range(1, len(name)):
                if before.endswith(name[:i]) and after.startswith(name[i:]):
                    cut.append(name)
    return cut


def one_em(char: str) -> float:
    return 0.5 if char.isascii() else 1.0


@pytest.mark.parametrize("width", [9, 10, 11, 12, 13, 17, 26])
def test_lines_break_between_names_only(width):
    text = "实到人数：34 人：" + "、".join(NAMES)
    lines = break_lines(text, [width], one_em, NAMES)
    assert "".join(lines) == text
    assert broken_names(lines, NAMES) == []
    assert [line for line in lines if line[0] in "、："] == []  # no mark starts a line
    for line in lines:  # a line is as wide as asked, its closing 、 aside
        assert sum(map(one_em, line.rstrip("、："))) <= width
    # without the names kept, the same widths do cut some: the test above has teeth
    assert any(broken_names(break_lines(text, [w], one_em), NAMES) for w in range(9, 27))


def test_a_name_longer_than_the_line_is_cut_where_it_must_be():
    assert break_lines("某某某某某某", [4], one_em, ["某某某某某某"]) == ["某某某某", "某某"]


def test_the_first_line_can_be_wider_and_numbers_stay_whole():
    text = "应到：35 人：王伟、李娜、张敏"
    lines = break_lines(text, [7, 6], one_em, ["王伟", "李娜", "张敏"])
    assert lines == ["应到：35 人：", "王伟、李娜、", "张敏"]
    allowed = allowed_breaks(text)
    # "35 人" whole (no break inside 35 nor beside the space), none before a mark
    assert [text[i] for i in range(len(text)) if allowed[i]] == list("到3王伟李娜张敏")


def test_guests_typed_as_free_text_are_listed_items():
    items = listed_items(
        "学院党委副书记张明、组织员李华，入党积极分子 赵强；上级党委组织部全体同志及列席代表"
    )
    assert items == ("学院党委副书记张明", "组织员李华", "入党积极分子", "赵强")


def minutes_like() -> Document:
    """A header block with long lists, at every offset a list can start at."""
    blocks = []
    for n in range(8):
        names = NAMES[n:] + NAMES[:n]
        value = f"{len(names)} 人：" + "、".join(names)
        blocks.append(NameList("实到人数" if n % 2 else "应到人数", value, tuple(names)))
    return Document("支部党员大会记录", blocks)


def test_the_pdf_read_back_has_every_name_whole(tmp_path):
    document = minutes_like()
    font = make_ttf(tmp_path / "names.ttf", document.text() + EXTRA_GLYPHS)

    def pdf_lines(doc) -> list[str]:
        data = render_pdf(doc, extra_fonts=(str(font),))
        reader = pypdf.PdfReader(io.BytesIO(data))
        return [line for page in reader.pages for line in page.extract_text().splitlines()]

    lines = pdf_lines(document)
    assert len(lines) > 3 * len(document.blocks)  # the lists do wrap
    assert broken_names(lines, NAMES) == []
    assert [line for line in lines if line[:1] in "、："] == []
    # the same text as plain fields is cut inside names (what the secretary saw)
    plain = Document(document.title, [Field(b.label, b.value) for b in document.blocks])
    assert broken_names(pdf_lines(plain), NAMES)


def test_the_docx_breaks_its_lists_between_names_within_the_line():
    document = minutes_like()
    word = docx.Document(io.BytesIO(render_docx(document)))
    width = (GBT_9704.page_width_mm - GBT_9704.left_mm - GBT_9704.right_mm) * MM_TO_PT
    listed = [p for p in word.paragraphs if p.text.startswith(("应到人数", "实到人数"))]
    assert len(listed) == len(document.blocks)
    for paragraph in listed:
        lines = paragraph.text.split("\n")  # python-docx reads each w:br as "\n"
        assert len(lines) > 3
        assert broken_names(lines, NAMES) == []
        for line in lines:  # 28 characters at most, and a "、" that may hang past the end
            body = line[:-1] if line.endswith(tuple(HANGING)) else line
            assert sum(map(one_em, body)) * GBT_9704.char_pitch_pt <= width
    assert "\n" not in "".join(p.text for p in word.paragraphs if p.text.startswith("支部"))


def test_minutes_list_their_people_as_name_lists(tmp_path):
    from datetime import date

    from dualleader_desktop.domain.meeting_records import MeetingDraft, MeetingRecord
    from dualleader_desktop.domain.meetings import (
        AttendanceLine,
        AttendanceStatus,
        IntegrationTag,
        MeetingKind,
    )

    lines = [
        AttendanceLine(
            member_id=n,
            name=name,
            status=AttendanceStatus.LEAVE if n == 3 else AttendanceStatus.PRESENT,
            has_vote=n != 5,
            reason="病假" if n == 3 else "",
        )
        for n, name in enumerate(NAMES)
    ]
    draft = MeetingDraft(
        kind=MeetingKind.BRANCH_ASSEMBLY,
        meeting_date=date(2025, 12, 10),
        theme="第4季度支部党员大会",
        attendance=lines,
        sitting_in="学院党委副书记张明、组织员李华",
        tags={IntegrationTag.RESEARCH},
    )
    record = MeetingRecord(id=1, version=1, draft=draft, party_group_name="")
    document = meeting_minutes(record, "机电工程学院教师党支部")
    lists = {b.label: b for b in document.blocks if isinstance(b, NameList)}
    assert set(lists) == {"应到人数", "实到人数", "请假人员", "缺席人员", "列席人员", "“三融合”"}
    assert set(NAMES) <= set(lists["实到人数"].names)
    assert "无表决权" in lists["应到人数"].names  # the label inside the list stays whole too
    assert lists["列席人员"].names == ("学院党委副书记张明", "组织员李华")
    document.blocks = [b for b in document.blocks if isinstance(b, Field)]
    font = make_ttf(tmp_path / "m.ttf", document.text() + EXTRA_GLYPHS)
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(document, extra_fonts=(str(font),))))
    pdf = [line for page in reader.pages for line in page.extract_text().splitlines()]
    assert broken_names(pdf, [*NAMES, "无表决权"]) == []
