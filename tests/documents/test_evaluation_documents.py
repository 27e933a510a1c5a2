"""民主评议党员 and the 双带头人 survey: their documents, alone and in the year's package.

A branch of 35 members (two of them 预备党员) is evaluated in 2025: saved through the services,
exported, and the files reopened (python-docx, pypdf) to see the names, counts, grades and the
档号 on the 归档章; the catalogue lists each document with a D30 档号 and ``verify`` passes.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import docx
import pypdf
import pytest

from dualleader_desktop.cli import main
from dualleader_desktop.documents import evaluation_docs
from dualleader_desktop.documents.verify import verify_package
from dualleader_desktop.domain.archive import DEFAULT_RETENTION, RecordKind, Retention
from dualleader_desktop.domain.enums import CommitteeRole, Gender, MemberCategory
from dualleader_desktop.domain.evaluation import Ballots, FollowUp, Grade, Step
from dualleader_desktop.domain.meetings import MeetingKind
from dualleader_desktop.domain.satisfaction import Headline, SurveyItem
from dualleader_desktop.services.archive import ArchiveSettingsInfo
from dualleader_desktop.services.branch import BranchInfo
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.storage.database import Database
from tests.catalogues import package_rows
from tests.conftest import TODAY, make_draft

YEAR = 2025
BRANCH = "机电工程学院教师党支部"
PARENT = "中共某职业技术学院机电工程学院委员会"
SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹"
GIVEN = ("建国", "丽华", "明", "晓东", "海燕", "志强", "静")
MEMBERS = 35
CAST = 33
POLL, PROPOSE, DECIDE = date(2025, 12, 10), date(2025, 12, 12), date(2025, 12, 16)
NOTICE_ON, NOTICE_UNTIL = date(2025, 12, 17), date(2025, 12, 23)
SURVEY_ON = date(2025, 12, 10)
YEARLY = {
    RecordKind.EVALUATION_BALLOT,
    RecordKind.EVALUATION_TALLY,
    RecordKind.EVALUATION_REPORT,
    RecordKind.EVALUATION_NOTICE,
    RecordKind.SELF_REVIEW,
    RecordKind.SURVEY_BALLOT,
    RecordKind.SURVEY_TALLY,
}
# 优秀 for the first ten, 基本合格 and 不合格 for the last two, 合格 for the rest
EXCELLENT, BASIC, UNQUALIFIED = range(10), MEMBERS - 2, MEMBERS - 1
REASON = "全年无故不参加组织生活三次"


def name_of(n: int) -> str:
    return SURNAMES[n] + GIVEN[n % len(GIVEN)]


def ballots_of(n: int) -> Ballots:
    if n in EXCELLENT:
        return Ballots(20 + n % 5, CAST - 21 - n % 5, 1, 0)
    if n == BASIC:
        return Ballots(0, 8, 20, 5)
    if n == UNQUALIFIED:
        return Ballots(0, 2, 9, 22)
    return Ballots(3, 28, 2, 0)


def grade_of(n: int) -> Grade:
    if n in EXCELLENT:
        return Grade.EXCELLENT
    return {BASIC: Grade.BASIC, UNQUALIFIED: Grade.UNQUALIFIED}.get(n, Grade.QUALIFIED)


def add_members(services: BranchServices, count: int) -> list[int]:
    """``count`` members who joined long ago; the last two 预备党员 of 2025."""
    ids = []
    for n in range(count):
        probationary = n >= count - 2
        draft = make_draft(
            name_of(n),
            sequence=10 + 2 * n,
            gender=Gender.FEMALE if n % 2 else Gender.MALE,
            birth_date=date(1970 + n % 20, 1 + n % 12, 1 + n % 27),
            joined_date=date(2025, 3, 1) if probationary else date(2008, 6, 20),
            full_member_date=None if probationary else date(2009, 6, 20),
            category=MemberCategory.PROBATIONARY if probationary else MemberCategory.FULL,
            phone=f"138{n:08d}",
        )
        ids.append(services.members.add(draft, today=TODAY).id)
    return ids


def meeting(services: BranchServices, kind: MeetingKind, on: date, theme: str) -> int:
    draft = services.meetings.new_draft(kind, on)
    draft.theme = theme
    draft.minutes = f"{theme}。"
    return services.meetings.save(draft).id


def evaluate(services: BranchServices, ids: list[int]) -> int:
    """The year's evaluation through the service: steps, ballots, grades, self-reviews."""
    life = meeting(services, MeetingKind.LIFE_MEETING, POLL, "2025年度组织生活会和民主评议党员")
    assembly = meeting(services, MeetingKind.BRANCH_ASSEMBLY, DECIDE, "确定民主评议党员等次")
    draft = services.evaluations.new_draft(YEAR, today=POLL)
    assert sorted(line.member_id for line in draft.lines) == ids
    draft.ballots_cast = CAST
    draft.step(Step.MOBILIZE).on = date(2025, 11, 20)
    draft.step(Step.SELF_REVIEW).on = date(2025, 12, 1)
    poll = draft.step(Step.POLL)
    poll.on, poll.meeting_id = POLL, life
    draft.step(Step.PROPOSE).on = PROPOSE
    decide = draft.step(Step.DECIDE)
    decide.on, decide.meeting_id = DECIDE, assembly
    notice = draft.step(Step.NOTICE)
    notice.on, notice.until = NOTICE_ON, NOTICE_UNTIL
    for line in draft.lines:
        n = ids.index(line.member_id)
        line.ballots = ballots_of(n)
        line.proposed = line.final = grade_of(n)
        line.self_review = (
            f"{line.name}：一年来认真学习党的创新理论，按时参加组织生活。\n"
            f"联系电话 138{n:08d}。\n\n教学科研中发挥党员先锋模范作用。"
        )
        if line.final.needs_reason:
            line.reason = REASON
            line.follow_up = FollowUp.RECTIFY
            line.follow_up_date = date(2026, 3, 31)
    draft.line(ids[3]).self_review = ""  # one member handed in no summary
    return services.evaluations.save(draft).id


def survey(services: BranchServices) -> int:
    draft = services.surveys.new_draft(YEAR, today=SURVEY_ON)
    draft.survey_date = SURVEY_ON
    draft.respondents = CAST
    draft.headline = Headline.WEIGHTED
    draft.items = [
        SurveyItem("政治引领", 30, 3, 0),
        SurveyItem("支部建设", 28, 4, 1),
        SurveyItem("教学科研引领", 25, 6, 2),
    ]
    return services.surveys.save(draft).id


@pytest.fixture(scope="module")
def branch(tmp_path_factory):
    db = Database.open_file(tmp_path_factory.mktemp("evaluation") / "branch.sqlite3")
    services = BranchServices(db)
    services.branch.save_branch(BranchInfo(BRANCH, PARENT), today=TODAY)
    ids = add_members(services, MEMBERS)
    services.branch.save_seat(ids[0], CommitteeRole.SECRETARY, date(2024, 1, 1), date(2027, 1, 1))
    services.archive.save_settings(
        ArchiveSettingsInfo(fonds="Z001", fonds_name="江西某职业技术学院", organization_code="DZB")
    )
    evaluation_id = evaluate(services, ids)
    survey_id = survey(services)
    return services, ids, evaluation_id, survey_id


@pytest.fixture(scope="module")
def package(branch, tmp_path_factory):
    services = branch[0]
    return services.archive.export(YEAR, tmp_path_factory.mktemp("out"), mask=True)


def words(text: str) -> str:
    return re.sub(r"\s", "", text)


def pdf_text(path) -> str:
    return words("".join(page.extract_text() for page in pypdf.PdfReader(path).pages))


def docx_text(path) -> str:
    document = docx.Document(path)
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return words("\n".join(parts))


def catalogue(package) -> list[dict[str, str]]:
    return package_rows(package.folder)


def row_titled(package, title: str) -> dict[str, str]:
    return next(row for row in catalogue(package) if row["题名"].endswith(title))


# ---- the plan and the catalogue -------------------------------------------------------------


def test_each_document_is_an_item_of_its_own_filed_30_years(branch, package):
    services, ids, _evaluation, _survey = branch
    items = [i for i in services.archive.plan(YEAR) if i.kind in YEARLY]
    by_kind = {kind: [i for i in items if i.kind == kind] for kind in YEARLY}
    assert {kind: len(found) for kind, found in by_kind.items()} == {
        **dict.fromkeys(YEARLY - {RecordKind.SELF_REVIEW}, 1),
        RecordKind.SELF_REVIEW: MEMBERS - 1,  # one member wrote none
    }
    assert all(i.retention == Retention.YEARS_30 for i in items)
    assert {DEFAULT_RETENTION[kind] for kind in YEARLY} == {Retention.YEARS_30}
    # each on the day of its step: the poll, the decision, the first day of the notice
    assert by_kind[RecordKind.EVALUATION_TALLY][0].on == POLL
    assert by_kind[RecordKind.EVALUATION_REPORT][0].on == DECIDE
    assert by_kind[RecordKind.EVALUATION_NOTICE][0].on == NOTICE_ON
    assert by_kind[RecordKind.SURVEY_TALLY][0].on == SURVEY_ON
    assert {i.record_id for i in by_kind[RecordKind.SELF_REVIEW]} == set(ids) - {ids[3]}
    # the 件号 of the D30 class run without a gap, the evaluation's among the minutes
    d30 = sorted(i.item for i in services.archive.plan(YEAR) if i.retention == Retention.YEARS_30)
    assert d30 == list(range(1, len(d30) + 1))
    rows = catalogue(package)
    assert len(rows) == package.items == len(services.archive.plan(YEAR))
    for title in (
        "2025年度民主评议党员测评表",
        "2025年度民主评议党员测评汇总表",
        "关于2025年度民主评议党员工作情况的报告",
        "2025年度民主评议党员结果公示",
        f"{name_of(0)}同志2025年度个人总结",
        "2025年度“双带头人”书记满意度测评汇总表",
    ):
        assert re.fullmatch(r"Z001-WS·2025-D30-DZB-\d{4}", row_titled(package, title)["档号"])
    assert row_titled(package, "2025年度民主评议党员测评汇总表")["日期"] == "20251210"


def test_the_package_verifies(package):
    assert verify_package(package.folder) == []


def test_a_year_without_an_evaluation_or_a_survey_files_neither(branch):
    services = branch[0]
    assert not [i for i in services.archive.plan(YEAR - 1) if i.kind in YEARLY]
    with pytest.raises(ServiceError, match="2024 年还没有民主评议记录"):
        services.archive.export_year_document(RecordKind.EVALUATION_TALLY, YEAR - 1, "/nowhere")


def test_an_evaluation_just_begun_files_its_blank_ballot_only(db):
    services = BranchServices(db)
    services.branch.save_branch(BranchInfo(BRANCH), today=TODAY)
    add_members(services, 4)
    services.evaluations.save(services.evaluations.new_draft(YEAR, today=POLL))
    [ballot] = [i for i in services.archive.plan(YEAR) if i.kind in YEARLY]
    assert ballot.kind == RecordKind.EVALUATION_BALLOT  # nothing tallied, decided or noticed
    assert ballot.on == date(2025, 12, 31) and ballot.retention == Retention.YEARS_30
    # the retention of each kind is the branch's to set, as for minutes
    settings = services.archive.settings()
    retention = {**settings.retention, RecordKind.EVALUATION_BALLOT: Retention.PERMANENT}
    services.archive.save_settings(replace(settings, fonds="Z001", retention=retention))
    [ballot] = [i for i in services.archive.plan(YEAR) if i.kind in YEARLY]
    assert ballot.retention == Retention.PERMANENT and ballot.item == 1


# ---- the files ------------------------------------------------------------------------------


def files_of(package, title: str):
    code = row_titled(package, title)["档号"]
    return package.folder / "文件" / f"{code}.pdf", package.folder / "文件" / f"{code}.docx"


def test_tally_says_the_counts_shares_and_grades(package):
    pdf, word = files_of(package, "2025年度民主评议党员测评汇总表")
    for text in (pdf_text(pdf), docx_text(word)):
        assert "参评党员：35人（其中预备党员2人），投票人数33人" in text
        # the first member: 20 优秀 of 33, 12 合格; 优秀 + 合格 97.0 %
        assert f"{name_of(0)}20(60.6%)12(36.4%)1(3.0%)0(0.0%)97.0%优秀优秀" in text
        assert f"{name_of(UNQUALIFIED)}（预备）0(0.0%)2(6.1%)9(27.3%)22(66.7%)" in text
        assert "优秀1028.6%合格2365.7%基本合格12.9%不合格12.9%" in text  # the distribution
    assert len(pypdf.PdfReader(pdf).pages) == 2


def excellent_names(branch) -> str:
    """The 优秀 as the documents list them: in the order of the evaluation's lines."""
    services, _ids, evaluation_id, _survey = branch
    lines = services.evaluations.get(evaluation_id).draft.lines
    return "、".join(line.name for line in lines if line.final == Grade.EXCELLENT)


def test_report_says_the_decision_and_the_follow_up(branch, package):
    pdf, word = files_of(package, "关于2025年度民主评议党员工作情况的报告")
    for text in (pdf_text(pdf), docx_text(word)):
        assert f"{BRANCH}关于2025年度民主评议党员工作情况的报告" in text
        assert "经2025年12月16日召开的支部党员大会（确定民主评议党员等次）研究决定" in text
        assert "优秀10人，合格23人，基本合格1人，不合格1人" in text
        assert "支部党员大会决定2025年12月16日" in text  # the steps with their dates
        assert "公示2025年12月17日至2025年12月23日" in text
        assert f"{name_of(BASIC)}（预备）基本合格{REASON}限期改正（2026年3月31日）" in text
        assert f"优秀（10人，占28.6%）：{excellent_names(branch)}" in text
        assert f"不合格（1人，占2.9%）：{name_of(UNQUALIFIED)}（预备）" in text


def test_notice_names_the_grades_period_and_where_to_turn(branch, package):
    pdf, word = files_of(package, "2025年度民主评议党员结果公示")
    assert len(pypdf.PdfReader(pdf).pages) == 1  # to be put up: 35 names and all on one sheet
    for text in (pdf_text(pdf), docx_text(word)):
        assert f"优秀（10人）：{excellent_names(branch)}" in text
        assert f"不合格（1人）：{name_of(UNQUALIFIED)}（预备）" in text
        assert "公示时间：2025年12月17日至2025年12月23日（共7天）" in text
        assert f"向{BRANCH}委员会或{PARENT}反映" in text
        assert "2025年12月16日召开的支部党员大会决定了2025年度民主评议党员的等次" in text
        assert f"公示单位：{BRANCH}2025年12月17日" in text


def test_self_review_is_the_members_text_masked_in_a_masked_package(package):
    pdf, word = files_of(package, f"{name_of(1)}同志2025年度个人总结")
    for text in (pdf_text(pdf), docx_text(word)):
        assert f"{name_of(1)}同志2025年度个人总结" in text
        assert "教学科研中发挥党员先锋模范作用" in text
        assert "联系电话138****0001" in text and "13800000001" not in text


def test_a_page_long_self_review_and_its_signature_fit_one_page():
    from dualleader_desktop.documents.pdf_render import render_pdf
    from dualleader_desktop.domain.evaluation import EvaluationLine

    # 17 lines of 28 characters: four paragraphs of four lines (the first indented by two),
    # then one line
    text = "\n".join(["认真学习，" * 20] * 4 + ["特此总结。"])
    document = evaluation_docs.self_review(EvaluationLine(1, "张三", self_review=text), YEAR)
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(document)))
    assert len(reader.pages) == 1 and "本人（签字）" in reader.pages[0].extract_text()


def test_survey_tally_gives_both_rates_and_names_the_headline(package):
    pdf, word = files_of(package, "2025年度“双带头人”书记满意度测评汇总表")
    for text in (pdf_text(pdf), docx_text(word)):
        assert f"被测评人：{name_of(0)}（党支部书记）" in text
        assert "政治引领3030100.0%95.5%" in text
        assert "合计83133" in text
        # 83 + 6.5 of 99 answers weighted; 96 of 99 simply
        assert "以“加权满意度（基本满意计半）”为主要指标，总体为90.4%" in text
        assert "满意率（满意+基本满意）为97.0%" in text


def test_first_pages_carry_the_archive_stamp(package):
    for row in catalogue(package):
        if row["题名"].startswith(("2025年度", "关于2025年度")):
            pdf = package.folder / "文件" / f"{row['档号']}.pdf"
            first = words(pypdf.PdfReader(pdf).pages[0].extract_text())
            number = row["档号"].rsplit("-", 1)[1]
            assert f"Z0012025{number}DZBD30{row['页数']}" in first, row["题名"]
            stamp = docx.Document(pdf.with_suffix(".docx")).sections[0].first_page_header.tables[0]
            assert [c.text for c in stamp.rows[0].cells] == ["Z001", "2025", number]
            assert [c.text for c in stamp.rows[1].cells] == ["DZB", "D30", row["页数"]]


def test_blank_ballot_of_35_members_is_one_page(package):
    pdf, word = files_of(package, "2025年度民主评议党员测评表")
    assert len(pypdf.PdfReader(pdf).pages) == 1
    for text in (pdf_text(pdf), docx_text(word)):
        assert "评为“优秀”的不超过11人（参评党员35人的1/3）" in text
        assert "姓名后注“（预备）”的为预备党员" in text
        assert all(name_of(n) in text for n in range(MEMBERS))
        assert f"{name_of(MEMBERS - 1)}（预备）□□□□" in text
        assert "测评时间：2025年12月10日" in text
    assert row_titled(package, "2025年度民主评议党员测评表")["页数"] == "1"


@pytest.mark.parametrize("count", [1, 2, 36, 44, 45, 50])
def test_blank_ballot_is_one_page_up_to_50_members(branch, count):
    """Fifty members, the most a branch normally has, under a title of two lines, every
    one a 预备党员 with a name of four characters (the widest lines there are)."""
    from dualleader_desktop.documents.docx_render import render_docx
    from dualleader_desktop.documents.pdf_render import render_pdf

    services, _ids, evaluation_id, _survey = branch
    draft = services.evaluations.get(evaluation_id).draft
    line = replace(draft.lines[0], name="欧阳明月", probationary=True)
    draft.lines = [replace(line, member_id=n) for n in range(count)]
    document = evaluation_docs.evaluation_ballot(draft, "某某职业技术学院机电工程学院教师党支部")
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(document)))
    assert len(reader.pages) == 1
    assert words(reader.pages[0].extract_text()).count("欧阳明月（预备）□□□□") == count
    assert (
        len(docx.Document(io.BytesIO(render_docx(document))).tables[0].rows) == 1 + (count + 1) // 2
    )


def test_survey_ballot_lists_the_items_with_three_boxes(package):
    pdf, word = files_of(package, "2025年度“双带头人”书记满意度测评表")
    for text in (pdf_text(pdf), docx_text(word)):
        assert f"被测评人：{name_of(0)}（党支部书记）" in text
        assert "满意基本满意不满意" in text
        assert "1政治引领□□□2支部建设□□□3教学科研引领□□□" in text


# ---- one document from the page's buttons ---------------------------------------------------


def test_export_year_document_writes_both_files(branch, tmp_path):
    services = branch[0]
    paths = services.archive.export_year_document(RecordKind.EVALUATION_TALLY, YEAR, tmp_path)
    assert sorted(p.name for p in paths) == [
        f"{BRANCH}2025年度民主评议党员测评汇总表.docx",
        f"{BRANCH}2025年度民主评议党员测评汇总表.pdf",
    ]
    assert f"{name_of(0)}20(60.6%)" in pdf_text(paths[1])
    reviews = services.archive.export_year_document(RecordKind.SELF_REVIEW, YEAR, tmp_path)
    assert len(reviews) == 2 * (MEMBERS - 1) and len(list(tmp_path.iterdir())) == 2 + len(reviews)
    mine = tmp_path / f"{name_of(1)}同志2025年度个人总结.docx"
    assert mine in reviews and "13800000001" in docx_text(mine)  # the member's own paper


def test_export_year_document_writes_all_self_reviews_or_none(branch, tmp_path, monkeypatch):
    from dualleader_desktop.documents import pdf_render

    services = branch[0]
    rendered = []
    real = pdf_render.render_pdf

    def failing(document, *args, **kwargs):
        rendered.append(document.title)
        if len(rendered) == 5:
            raise OSError(28, "No space left on device")
        return real(document, *args, **kwargs)

    monkeypatch.setattr(pdf_render, "render_pdf", failing)
    with pytest.raises(ServiceError, match="没有写入任何文件"):
        services.archive.export_year_document(RecordKind.SELF_REVIEW, YEAR, tmp_path)
    assert len(rendered) == 5 and list(tmp_path.iterdir()) == []


def test_export_year_document_of_a_survey_and_of_a_meeting_kind(branch, tmp_path):
    services = branch[0]
    paths = services.archive.export_year_document(RecordKind.SURVEY_BALLOT, YEAR, tmp_path)
    assert [p.suffix for p in paths] == [".docx", ".pdf"] and all(p.exists() for p in paths)
    with pytest.raises(ValueError):
        services.archive.export_year_document(RecordKind.COMMITTEE, YEAR, tmp_path)


# ---- the command line -----------------------------------------------------------------------


def test_command_line_exports_only_the_evaluation_and_verifies(branch, tmp_path, capsys):
    services = branch[0]
    database = str(services.db.engine.url.database)
    out = tmp_path / "out"
    kinds = "evaluation_tally,self_review,survey_tally"
    args = ["export", "--db", database, "--year", "2025", "--out", str(out), "--kinds", kinds]
    assert main(args) == 0
    assert f"已导出 {2 + MEMBERS - 1} 件" in capsys.readouterr().out
    package = next(out.glob("*-归档包"))
    assert main(["verify", str(package)]) == 0
    capsys.readouterr()
    assert main([*args[:-1], "self_review,ballot"]) == 2  # a kind misspelt: the choices said
    said = capsys.readouterr().err
    assert "未知的记录类型：ballot" in said and "evaluation_ballot" in said
