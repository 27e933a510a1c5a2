"""The year's assessment measured from the demo year's records, and its 考核自评表 reopened."""

import io
from dataclasses import replace
from datetime import date

import docx
import pypdf
import pytest

from dualleader_desktop.demo import populate_demo
from dualleader_desktop.documents.docx_render import render_docx
from dualleader_desktop.documents.pdf_render import render_pdf
from dualleader_desktop.domain.assessment import (
    DEFAULT_INDICATORS,
    AssessedItem,
    Figure,
    Indicator,
    Measure,
    measured_total,
)
from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.services.errors import ServiceError
from tests.conftest import TODAY

ON = date(2026, 1, 5)  # the year 2025 over


@pytest.fixture
def services(db):
    populate_demo(db, 2025, today=TODAY)
    return BranchServices(db)


def test_the_defaults_carry_the_seed_s_areas_and_100_points():
    areas = list(dict.fromkeys(i.area for i in DEFAULT_INDICATORS))
    assert areas == [
        "党支部班子建设",
        "党支部制度建设",
        "党员发展",
        "党员教育与管理",
        "档案管理",
        "宣传工作",
        "“双带头人”满意度",
    ]
    assert sum(i.points for i in DEFAULT_INDICATORS) == 100


def test_a_share_scores_in_proportion_and_the_secretary_s_items_are_left_to_them():
    half = AssessedItem(DEFAULT_INDICATORS[0], Figure(0.5, "一半", "记录"))
    over = AssessedItem(DEFAULT_INDICATORS[0], Figure(1.3, "超额", "记录"))
    own = AssessedItem(DEFAULT_INDICATORS[1], None)
    nothing = AssessedItem(DEFAULT_INDICATORS[-1], Figure(None, "无测评", "记录"))
    assert (half.score, over.score, own.score, nothing.score) == (5.0, 10.0, None, None)
    assert measured_total([half, own, nothing]) == (5.0, 10)


def test_the_demo_year_measured(services):
    items = {i.indicator.measure: i for i in services.assessment.assess(2025, ON)}
    assert items[Measure.COMMITTEE_MEETINGS].score == 10  # all twelve months
    assert items[Measure.RULE_MEETINGS].figure.said.startswith("应开 70 个期次，已按规定召开 70")
    assert items[Measure.EVALUATION].score == 5  # every step recorded
    stats = services.statistics.year(2025, ON)
    attendance = items[Measure.ATTENDANCE]
    assert attendance.figure.share == pytest.approx(stats.present / stats.expected)
    assert attendance.score == round(10 * stats.present / stats.expected, 1)
    coverage = services.talks.coverage(2025, today=ON)
    asked = len(coverage) * (stats.members - 1)
    missing = sum(len(line.missing) for line in coverage)
    assert items[Measure.TALKS].figure.share == pytest.approx((asked - missing) / asked)
    assert items[Measure.INTEGRATION].figure.share == pytest.approx(stats.tagged / stats.held)
    assert items[Measure.SATISFACTION].figure.share is not None
    # a missing month of committee meetings costs its share
    june = [
        m
        for m in services.meetings.list_meetings(year=2025, kind=MeetingKind.COMMITTEE)
        if m.meeting_date.month == 6
    ]
    for meeting in june:
        services.meetings.delete(meeting.id)
    again = {i.indicator.measure: i for i in services.assessment.assess(2025, ON)}
    assert again[Measure.COMMITTEE_MEETINGS].score == round(10 * 11 / 12, 1)


def test_the_self_assessment_reopens_in_both_formats(services):
    document = services.assessment.document(2025, "机电工程学院教师党支部", ON)
    assert document.title == "机电工程学院教师党支部2025年度党支部工作考核自评表"
    word = docx.Document(io.BytesIO(render_docx(document)))
    table = word.tables[0]

    def text(cell) -> str:  # lines are broken where the PDF breaks them (w:br)
        return cell.text.replace("\n", "")

    assert [text(c) for c in table.rows[0].cells] == [
        "考核项目",
        "考核内容",
        "分值",
        "完成情况及数据来源",
        "自评得分",
    ]
    rows = [[text(c) for c in row.cells] for row in table.rows[1:]]
    assert len(rows) == len(DEFAULT_INDICATORS) + 1
    committee = rows[0]
    assert committee[:3] == ["党支部班子建设", "支委会每月召开，研究支部重要事项", "10"]
    assert "来源：会议记录（支部委员会会议）" in committee[3] and committee[4] == "10"
    assert rows[1][3] == "由支部书记对照考核内容填写" and rows[1][4] == ""
    assert rows[-1][0] == "合计" and rows[-1][2] == "100"
    pdf = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(render_pdf(document))).pages)
    assert "考核自评表" in pdf and "支部书记（签字）" in pdf.replace(" ", "")


def test_the_branch_s_indicators_and_the_secretary_s_scores_are_kept(services):
    assessment = services.assessment
    assert assessment.indicators() == DEFAULT_INDICATORS
    mine = [replace(DEFAULT_INDICATORS[0], points=12), *DEFAULT_INDICATORS[1:]]
    mine.append(Indicator("特色工作", "“双带头人”工作室建设", 5))
    team = DEFAULT_INDICATORS[1].item  # scored by the secretary
    assessment.save(2025, mine, {team: (4.5, "新增组织委员一名"), mine[-1].item: (None, "")})
    assert assessment.indicators() == tuple(mine)
    items = {i.indicator.item: i for i in assessment.assess(2025, ON)}
    assert (items[team].score, items[team].note) == (4.5, "新增组织委员一名")
    assert items[mine[0].item].score == 12  # measured: all twelve months, of its new points
    assert items[mine[-1].item].score is None
    rows = document_rows(assessment.document(2025, "机电工程学院教师党支部", ON))
    assert rows[2][3:] == ["新增组织委员一名", "4.5"]  # after the header and the first
    assert rows[-1][3].endswith("尚有 4 项待支部书记自评")  # 4 of the defaults, 1 new, 1 scored
    # refused, and nothing changed
    for indicators, scores, says in (
        (mine, {team: (6, "")}, "得分应在 0 到 5 分之间"),
        (mine, {mine[0].item: (3, "")}, "按记录测得，不能自评打分"),
        ([*mine, mine[1]], {}, "考核内容重复"),
        ([], {}, "至少要保留一项考核指标"),
    ):
        with pytest.raises(ServiceError, match=says):
            assessment.save(2025, indicators, scores)
    assert assessment.indicators() == tuple(mine)
    assert assessment.scores(2025)[team] == (4.5, "新增组织委员一名")
    assessment.save(2025, list(DEFAULT_INDICATORS), {})  # back to the defaults: none kept
    with services.db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM assessment_indicators").scalar() == 0


def document_rows(document) -> list[list[str]]:
    return document_rows_of(docx.Document(io.BytesIO(render_docx(document))))


def test_a_scored_year_files_its_self_assessment_in_the_package(services, tmp_path):
    from dualleader_desktop.documents.verify import verify_package
    from dualleader_desktop.domain.archive import RecordKind
    from dualleader_desktop.services.archive import ArchiveSettingsInfo
    from tests.catalogues import package_rows

    archive = services.archive
    archive.save_settings(ArchiveSettingsInfo(fonds="Z001", organization_code="DZB"))
    assert not [i for i in archive.plan(2025) if i.kind == RecordKind.ASSESSMENT]  # unscored
    team = DEFAULT_INDICATORS[1].item
    services.assessment.save(2025, list(DEFAULT_INDICATORS), {team: (5, "")})
    result = archive.export(2025, tmp_path, kinds={RecordKind.ASSESSMENT})
    assert result.items == 1 and verify_package(result.folder) == []
    [row] = package_rows(result.folder)
    assert row["档号"] == "Z001-WS·2025-D30-DZB-0001" and row["日期"] == "20251231"
    assert row["题名"].endswith("2025年度党支部工作考核自评表")
    [word] = (result.folder / "文件").glob("*.docx")
    rows = document_rows_of(docx.Document(word))
    assert rows[2][4] == "5"  # the secretary's score, as saved
    pdf = pypdf.PdfReader(next((result.folder / "文件").glob("*.pdf")))
    assert int(row["页数"]) == len(pdf.pages)


def document_rows_of(word) -> list[list[str]]:
    return [[c.text.replace("\n", "") for c in row.cells] for row in word.tables[-1].rows]
