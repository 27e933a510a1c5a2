"""Records of the demo year become documents that say what the records say."""

import io
import re
import string
from dataclasses import replace
from datetime import date

import docx
import pypdf
import pytest

from dualleader_desktop.demo import populate_demo
from dualleader_desktop.documents.builders import (
    meeting_minutes,
    member_card,
    member_roster,
    talk_record,
)
from dualleader_desktop.documents.docx_render import render_docx
from dualleader_desktop.documents.model import Document, Field, Paragraph, Table
from dualleader_desktop.documents.pdf_render import render_pdf
from dualleader_desktop.domain.meetings import AttendanceStatus, MeetingKind
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.services.talks import TalkService
from dualleader_desktop.storage.database import Database
from tests.conftest import TODAY
from tests.font_factory import make_ttf

BRANCH = "机电工程学院教师党支部"
ID_RE = re.compile(r"\d{17}[\dX]")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = Database.open_file(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    populate_demo(db, 2025, today=TODAY)
    return db


def pdf_text(document, tmp_path) -> str:
    glyphs = document.text() + string.ascii_letters + string.digits + "—：（）_ "
    font = make_ttf(tmp_path / "f.ttf", glyphs)
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(document, extra_fonts=(str(font),))))
    return "".join(page.extract_text() for page in reader.pages).replace("\n", "").replace(" ", "")


@pytest.mark.parametrize("kind", list(MeetingKind))
def test_minutes_of_every_kind(demo, kind, tmp_path):
    service = MeetingService(demo)
    summary = next(m for m in service.list_meetings(year=2025, kind=kind))
    record = service.get(summary.id)
    document = meeting_minutes(record, BRANCH)
    assert document.title.startswith(BRANCH) and document.title.endswith("记录")
    assert "支部支部" not in document.title
    assert document.title_break == len(BRANCH)
    text = document.text()
    fields = {b.label: b.value for b in document.blocks if isinstance(b, Field)}
    on_leave = [a for a in record.draft.attendance if a.status == AttendanceStatus.LEAVE]
    for line in on_leave:
        assert f"{line.name}（{line.reason}）" in fields["请假人员"]
    absent = [a for a in record.draft.attendance if a.status == AttendanceStatus.ABSENT]
    for line in absent:
        assert f"{line.name}（" in fields["缺席人员"]
    assert f"应到人数：{record.draft.counts.expected} 人" in text
    for line in record.draft.attendance:  # who should attend, by name
        assert line.name in fields["应到人数"]
    non_voters = [a.name for a in record.draft.attendance if not a.has_vote]
    if non_voters:  # named once at the end, no "（无表决权）、" for a line to start with
        assert fields["应到人数"].endswith("无表决权：" + "、".join(non_voters))
    assert fields["列席人员"] == (record.draft.sitting_in.strip() or "无")
    word = docx.Document(io.BytesIO(render_docx(document)))
    word_text = "".join(p.text for p in word.paragraphs).replace("\n", "")  # lines: w:br
    pdf = pdf_text(document, tmp_path)
    for phrase in (record.draft.theme, "主持人：", record.draft.minutes.splitlines()[0][:20]):
        compact = phrase.replace(" ", "")
        assert compact in word_text.replace(" ", "") and compact in pdf


def test_titles_name_the_branch_and_kind_without_a_second_zhibu(demo):
    service = MeetingService(demo)

    def first(kind):  # the year's first meeting of ``kind``
        listed = service.list_meetings(year=2025, kind=kind)
        return service.get(min(listed, key=lambda m: m.meeting_date).id)

    titles = {
        kind: meeting_minutes(first(kind), BRANCH).title
        for kind in (MeetingKind.BRANCH_ASSEMBLY, MeetingKind.COMMITTEE)
    }
    # the period the meeting is held for, by the rule that counts it
    assert titles[MeetingKind.BRANCH_ASSEMBLY] == f"{BRANCH}2025年第1季度支部党员大会记录"
    assert titles[MeetingKind.COMMITTEE] == f"{BRANCH}2025年1月支部委员会会议记录"
    assert all("支部支部" not in title for title in titles.values())
    group = first(MeetingKind.GROUP)
    title = meeting_minutes(group, BRANCH).title
    assert title == f"{BRANCH}{group.party_group_name}2025年1月会议记录"
    life = first(MeetingKind.LIFE_MEETING)
    assert meeting_minutes(life, BRANCH).title == f"{BRANCH}2025年度组织生活会记录"


def test_mask_text_finds_numbers_in_free_text():
    from dualleader_desktop.documents.privacy import mask_document, mask_text

    said = "身份证号36010219850315123X，手机13912345678，另一部 139-1234-5678，+86 13912345678。"
    assert mask_text(said) == (
        "身份证号360102********123X，手机139****5678，另一部 139-****-5678，+86 139****5678。"
    )
    # other numbers stay: an amount, a 19-digit account, a landline, a date
    for kept in ("1234567890123456789", "0791-88123456", "20250310", "金额 12345678901 元"):
        assert mask_text(kept) == kept
    document = mask_document(
        Document(
            f"记录{said}",
            [Paragraph(said), Field("电话", said), Table(["号码"], [[said]])],
            signatures=[said],
            title_break=2,
        )
    )
    assert not ID_RE.search(document.text()) and "13912345678" not in document.text()
    assert document.title_break == 2 and len(document.title) == len(f"记录{said}")


def test_admission_vote_is_in_the_minutes(demo):
    service = MeetingService(demo)
    summary = next(m for m in service.list_meetings(year=2025) if "接收" in m.theme)
    document = meeting_minutes(service.get(summary.id), BRANCH)
    [votes] = [
        b
        for b in document.blocks
        if getattr(b, "headers", None) == ["表决事项", "赞成", "反对", "弃权"]
    ]
    assert "预备党员" in votes.rows[0][0] and int(votes.rows[0][1]) > 0


def test_talk_record(demo, tmp_path):
    talks = TalkService(demo)
    record = talks.get(talks.list_talks(year=2025)[0].id)
    document = talk_record(record, BRANCH)
    assert record.talker_names[0] in document.text()
    assert record.draft.topic in pdf_text(document, tmp_path)


def test_masking_leaves_no_full_id_number_or_phone(demo, tmp_path):
    members = MemberService(demo).list_members()
    for document in (
        member_roster(members, BRANCH, mask=True),
        member_card(members[0], BRANCH, mask=True),
    ):
        assert not ID_RE.search(document.text())
        assert members[0].phone not in document.text()
        word = docx.Document(io.BytesIO(render_docx(document)))
        cells = " ".join(c.text for t in word.tables for row in t.rows for c in row.cells)
        assert not ID_RE.search(cells)
        assert not ID_RE.search(pdf_text(document, tmp_path))
    unmasked = member_roster(members, BRANCH)
    assert ID_RE.search(unmasked.text())
    assert unmasked.landscape


def test_member_card_writes_a_month_only_date_without_a_day(demo):
    member = replace(
        MemberService(demo).list_members()[0],
        joined_date=date(2008, 6, 1),
        joined_date_month_only=True,
    )
    text = member_card(member, BRANCH).text()
    assert "2008年6月" in text and "2008年6月1日" not in text


def test_titles_alike_get_their_day_and_then_a_number():
    from dualleader_desktop.documents.builders import distinct_titles

    titles = [
        "甲与乙谈心谈话记录",
        "甲与乙谈心谈话记录",
        "甲与乙谈心谈话记录",
        "丙与丁谈心谈话记录",
    ]
    days = [date(2025, 3, 1), date(2025, 5, 9), date(2025, 5, 9), date(2025, 3, 1)]
    assert distinct_titles(titles, days) == [
        "甲与乙谈心谈话记录（3月1日）",
        "甲与乙谈心谈话记录（5月9日）（1）",
        "甲与乙谈心谈话记录（5月9日）（2）",
        "丙与丁谈心谈话记录",
    ]
