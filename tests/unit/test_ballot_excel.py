"""民主评议's ballot sheet both ways (issue 10): exported for the group leaders, imported back
filled in, all or nothing, with every wrong row named as Excel numbers it."""

from __future__ import annotations

import re
import zipfile
from dataclasses import replace
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook

from dualleader_desktop.domain.enums import MemberCategory
from dualleader_desktop.domain.evaluation import (
    Ballots,
    EvaluationDraft,
    EvaluationLine,
    Grade,
)
from dualleader_desktop.importers.ballot_excel import (
    BallotSheetError,
    read_ballot_sheet,
    write_ballot_sheet,
)
from dualleader_desktop.importers.roster_excel import WorkbookError
from dualleader_desktop.services.branch import BranchInfo, BranchService
from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.services.evaluations import EvaluationService
from dualleader_desktop.services.members import MemberService
from tests.conftest import TODAY, make_draft
from tests.xlsx_raw import raw_cells

FIRST_ROW = 4  # the first member's row: under the title, the note and the header
COUNT_COLUMNS = "CDEF"  # 优秀 合格 基本合格 不合格


def draft(*names: str, cast: int = 10) -> EvaluationDraft:
    """A draft evaluating ``names`` (member ids 1, 2, …); the second member is 预备党员."""
    lines = [
        EvaluationLine(member_id, name, probationary=member_id == 2)
        for member_id, name in enumerate(names, start=1)
    ]
    return EvaluationDraft(2025, ballots_cast=cast, lines=lines)


def exported(tmp_path, evaluation: EvaluationDraft):
    path = tmp_path / "测评票统计.xlsx"
    write_ballot_sheet(
        evaluation, path, title="机电工程学院教工党支部2025年度民主评议党员测评票统计表"
    )
    return path


def fill(path, counts: dict[int, list[object]], **cells: object) -> None:
    """Type counts into the sheet: ``counts`` maps an Excel row to its four grade cells;
    ``cells`` sets any other cell by coordinate (``B5="赵六"``)."""
    workbook = load_workbook(path)
    sheet = workbook.active
    for row, values in counts.items():
        for column, value in zip(COUNT_COLUMNS, values, strict=True):
            sheet[f"{column}{row}"] = value
    for coordinate, value in cells.items():
        sheet[coordinate] = value
    workbook.save(path)


def refusal(path, evaluation: EvaluationDraft) -> BallotSheetError:
    with pytest.raises(BallotSheetError) as caught:
        read_ballot_sheet(path, evaluation)
    return caught.value


# ---- the sheet as written ----------------------------------------------------------------
def test_the_exported_sheet_is_a_form_to_print_and_fill_in(tmp_path):
    evaluation = draft("张三", "李四", "王伟", cast=12)
    evaluation.lines[0].ballots = Ballots(3, 8, 1, 0)
    sheet = load_workbook(exported(tmp_path, evaluation)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == "机电工程学院教工党支部2025年度民主评议党员测评票统计表"
    assert "投票人数：12 人" in rows[1][0] and "参评党员：3 人（其中预备党员 1 人）" in rows[1][0]
    assert rows[2] == ["序号", "姓名", "优秀", "合格", "基本合格", "不合格", "备注"]
    # counts entered so far are kept; a 0 is a blank for the group leader to fill in
    assert rows[3:] == [
        [1, "张三", 3, 8, 1, None, None],
        [2, "李四", None, None, None, None, "预备党员"],
        [3, "王伟", None, None, None, None, None],
    ]
    assert sheet.print_title_rows == "$3:$3" and sheet.freeze_panes == "A4"
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    (validation,) = sheet.data_validations.dataValidation
    assert validation.type == "whole" and str(validation.sqref) == "C4:F6"


def test_a_failed_write_leaves_the_old_file_and_no_stray_file(tmp_path, monkeypatch):
    path = tmp_path / "测评票统计.xlsx"
    path.write_bytes(b"the sheet exported yesterday")

    def full_disk(self, filename):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workbook, "save", full_disk)
    with pytest.raises(OSError):
        write_ballot_sheet(draft("张三"), path, title="t")
    assert path.read_bytes() == b"the sheet exported yesterday"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


# ---- round trip ----------------------------------------------------------------------------
def test_counts_typed_into_the_exported_sheet_come_back(tmp_path):
    evaluation = draft("张三", "李四", "王伟")
    path = exported(tmp_path, evaluation)
    fill(path, {4: [6, 4, None, None], 5: [1, 7, 2, None], 6: [None, 8, 1, 1]})
    assert read_ballot_sheet(path, evaluation) == {
        1: Ballots(6, 4, 0, 0),
        2: Ballots(1, 7, 2, 0),
        3: Ballots(0, 8, 1, 1),
    }


def test_rows_sorted_otherwise_and_a_member_without_ballots_left_blank(tmp_path):
    evaluation = draft("张三", "李四", "王伟")
    path = exported(tmp_path, evaluation)
    # the group leader sorted the rows by name: names decide, not the order or the 序号
    fill(path, {4: [None, 9, None, None], 6: [2, 8, None, None]}, B4="王伟", B6="张三")
    assert read_ballot_sheet(path, evaluation) == {
        1: Ballots(2, 8, 0, 0),
        2: Ballots(),
        3: Ballots(0, 9, 0, 0),
    }


def test_numbers_as_text_full_width_digits_and_saved_formula_results(tmp_path):
    evaluation = draft("张三", "李四")
    path = exported(tmp_path, evaluation)
    fill(path, {4: ["12", "１", " ３ ", "0"], 5: ["=1+2", 4.0, "", None]})
    save_number_result(path, "C5", 3)
    # stored as text, not as numbers
    assert {t for t, text, _f in raw_cells(path) if text in ("12", "１")} <= {"s", "inlineStr"}
    assert read_ballot_sheet(path, replace(evaluation, ballots_cast=20)) == {
        1: Ballots(12, 1, 3, 0),
        2: Ballots(3, 4, 0, 0),
    }


def test_a_formula_without_a_saved_result_is_refused_not_read_as_zero(tmp_path):
    evaluation = draft("张三", "李四")
    path = exported(tmp_path, evaluation)
    fill(path, {5: ["=1+2", 4, None, None]})
    with pytest.raises(WorkbookError) as caught:
        read_ballot_sheet(path, evaluation)
    assert "C5" in str(caught.value) and "保存一次" in str(caught.value)


def save_number_result(path, coordinate: str, result: int) -> None:
    """Give a formula cell a saved numeric result, as Excel stores one on saving."""
    with zipfile.ZipFile(path) as source:
        parts = {info: source.read(info.filename) for info in source.infolist()}
    for info, data in parts.items():
        if info.filename == "xl/worksheets/sheet1.xml":
            xml, count = re.subn(
                rf'(<c r="{coordinate}"[^>]*>)(<f>.*?</f>)<v\s*/?>(?:</v>)?',
                rf"\1\2<v>{result}</v>",
                data.decode("utf-8"),
            )
            assert count == 1
            parts[info] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts.items():
            target.writestr(info, data)


# ---- wrong rows: every one named, nothing imported ------------------------------------------
@pytest.mark.parametrize(
    ("row5", "cells", "expected"),
    [
        ([1, 2, None, None], {"B5": "赵六"}, ["第 5 行", "姓名「赵六」不在 2025 年度的参评党员"]),
        ([4, 5, 1, 1], {}, ["第 5 行", "李四的四个等次票数合计 11 张，多于投票人数 10 人"]),
        (["abc", 3, None, None], {}, ["第 5 行", "“优秀”列的「abc」不是票数"]),
        ([2.5, 3, None, None], {}, ["第 5 行", "“优秀”列的「2.5」不是票数"]),
        ([1, "-2", None, None], {}, ["第 5 行", "“合格”列的票数「-2」是负数"]),
        ([1, 2, None, None], {"B5": None}, ["第 5 行", "没有填写姓名"]),
        ([1, 2, None, None], {"B5": "张三"}, ["第 5 行", "张三在第 4 行已经有一行", "李四"]),
    ],
    ids=["unknown name", "over the cast", "text", "fraction", "negative", "no name", "twice"],
)
def test_one_bad_row_is_named_and_nothing_is_imported(tmp_path, row5, cells, expected):
    evaluation = draft("张三", "李四", "王伟")
    path = exported(tmp_path, evaluation)
    fill(path, {4: [1, 9, None, None], 5: row5, 6: [None, 10, None, None]}, **cells)
    error = refusal(path, evaluation)
    message = str(error)
    assert message.startswith("测评统计表中有") and "没有导入任何票数" in message
    for words in expected:
        assert words in message
    assert "第 4 行" not in message.replace("在第 4 行已经有一行", "")
    assert "第 6 行" not in message


def test_every_problem_of_the_sheet_is_listed_at_once(tmp_path):
    evaluation = draft("张三", "李四", "王伟")
    path = exported(tmp_path, evaluation)
    fill(path, {4: ["abc", -1, None, None], 6: [None, 11, None, None]}, B5="李 思")
    error = refusal(path, evaluation)
    expected = [
        (4, "“优秀”列的「abc」不是票数"),
        (4, "“合格”列的票数「-1」是负数"),
        (5, "姓名「李思」不在 2025 年度的参评党员名单中"),
        (6, "王伟的四个等次票数合计 11 张"),
        (None, "表中没有参评党员李四的行"),
    ]
    assert len(error.errors) == len(expected)
    for found, (row, start) in zip(error.errors, expected, strict=True):
        assert found.row == row and found.message.startswith(start)


def test_a_member_left_out_of_the_sheet_is_refused(tmp_path):
    evaluation = draft("张三", "李四", "王伟")
    path = exported(tmp_path, evaluation)
    workbook = load_workbook(path)
    workbook.active.delete_rows(5)
    workbook.save(path)
    error = refusal(path, evaluation)
    assert [str(e) for e in error.errors] == [
        "表中没有参评党员李四的行：每名参评党员都要有一行（没有票的留空票数），请补上后重新导入"
    ]


# ---- two members of one name ----------------------------------------------------------------
def test_two_members_of_one_name_are_told_apart_by_their_number(tmp_path):
    evaluation = draft("张三", "王伟", "王伟")
    path = exported(tmp_path, evaluation)
    # the rows of the two 王伟 swapped, each keeping its 序号
    fill(
        path,
        {4: [1, 9, None, None], 5: [None, 7, 3, None], 6: [5, 5, None, None]},
        A5=3,
        A6="２",
    )
    assert read_ballot_sheet(path, evaluation) == {
        1: Ballots(1, 9, 0, 0),
        2: Ballots(5, 5, 0, 0),
        3: Ballots(0, 7, 3, 0),
    }


@pytest.mark.parametrize(("number", "said"), [(None, "该行没有填写序号"), (1, "序号「1」")])
def test_a_shared_name_without_its_number_is_refused(tmp_path, number, said):
    evaluation = draft("张三", "王伟", "王伟")
    path = exported(tmp_path, evaluation)
    fill(path, {6: [None, 9, None, None]}, A6=number)
    error = refusal(path, evaluation)
    assert [e.row for e in error.errors] == [6, None]
    message = error.errors[0].message
    assert "参评党员中有 2 名「王伟」（导出表中的序号为 2、3）" in message and said in message
    assert "请在“序号”列填写导出表中此人的序号" in message
    assert error.errors[1].message.startswith("表中没有参评党员王伟（序号 3）的行")


# ---- files that are not the sheet ----------------------------------------------------------
def file_refusal(path) -> str:
    with pytest.raises(WorkbookError) as caught:
        read_ballot_sheet(path, draft("张三"))
    assert not isinstance(caught.value, BallotSheetError)
    return str(caught.value)


def test_files_that_are_not_a_workbook(tmp_path):
    text = tmp_path / "票数.xlsx"
    text.write_text("姓名,优秀\n张三,3\n", encoding="utf-8")
    assert "不是 Excel 工作簿（.xlsx）" in file_refusal(text)
    empty = tmp_path / "空.xlsx"
    empty.write_bytes(b"")
    assert "空文件" in file_refusal(empty)
    assert "找不到文件" in file_refusal(tmp_path / "没有.xlsx")


def test_an_old_xls_file_asks_to_save_as_xlsx(tmp_path):
    path = tmp_path / "票数.xls"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504 + b"Workbook" * 64)
    message = file_refusal(path)
    assert ".xls" in message and "另存为" in message


def test_a_damaged_workbook(tmp_path):
    good = exported(tmp_path, draft("张三"))
    cut = tmp_path / "损坏.xlsx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert "不是有效的 Excel 工作簿" in file_refusal(cut)
    broken = tmp_path / "坏表.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            target.writestr(info, data)
    assert "已损坏" in file_refusal(broken)


def test_a_missing_grade_column_is_named(tmp_path):
    path = exported(tmp_path, draft("张三"))
    fill(path, {}, F3="备用")
    assert "第 3 行是表头，但缺少“不合格”列" in file_refusal(path)
    other = tmp_path / "名单.xlsx"
    workbook = Workbook()
    workbook.active.append(["序号", "姓名", "职务"])
    workbook.save(other)
    assert "没有找到测评统计表的表头" in file_refusal(other)


def test_a_header_two_rows_high(tmp_path):
    path = tmp_path / "组长填报.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["序号", "姓名", "测评等次（票）", None, None, None])
    sheet.append([None, None, "优秀", "合格", "基本合格", "不合格票数"])
    sheet.merge_cells("A1:A2")
    sheet.merge_cells("B1:B2")
    sheet.merge_cells("C1:F1")
    sheet.append([1, "张 三", 2, 8])
    workbook.save(path)
    assert read_ballot_sheet(path, draft("张三")) == {1: Ballots(2, 8, 0, 0)}


# ---- through the service -------------------------------------------------------------------
@pytest.fixture
def evaluations(db) -> EvaluationService:
    BranchService(db).save_branch(BranchInfo("机电工程学院教工党支部"), today=TODAY)
    members = MemberService(db)
    members.add(make_draft("张三", sequence=11), today=TODAY)
    members.add(
        make_draft(
            "李四",
            sequence=22,
            joined_date=date(2026, 3, 1),
            full_member_date=None,
            category=MemberCategory.PROBATIONARY,
        ),
        today=TODAY,
    )
    return EvaluationService(db)


def test_the_service_exports_and_imports_a_draft(evaluations, tmp_path):
    evaluation = evaluations.new_draft(2026, today=TODAY)
    evaluation.ballots_cast = 2
    zhang, li = (line.member_id for line in evaluation.lines)
    evaluation.papers = [{zhang: Grade.EXCELLENT, li: Grade.QUALIFIED}]
    path = evaluations.export_sheet(evaluation, tmp_path / "测评票")
    assert path == tmp_path / "测评票.xlsx"
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0][0] == "机电工程学院教工党支部2026年度民主评议党员测评票统计表"
    assert rows[4][1:] == ("李四", None, None, None, None, "预备党员")
    fill(path, {4: [2, None, None, None], 5: [None, 1, 1, None]})

    imported = evaluations.import_sheet(evaluation, path)
    assert [line.ballots for line in imported.lines] == [Ballots(2, 0, 0, 0), Ballots(0, 1, 1, 0)]
    assert imported.papers == []  # the counts replace the papers typed one by one
    assert [line.ballots for line in evaluation.lines] == [Ballots(), Ballots()]
    assert evaluation.papers == [{zhang: Grade.EXCELLENT, li: Grade.QUALIFIED}]
    saved = evaluations.save(imported)
    assert [line.ballots for line in saved.draft.lines] == [
        Ballots(2, 0, 0, 0),
        Ballots(0, 1, 1, 0),
    ]


def test_the_service_refuses_a_bad_sheet_in_chinese_leaving_the_draft(evaluations, tmp_path):
    evaluation = evaluations.new_draft(2026, today=TODAY)
    evaluation.ballots_cast = 2
    evaluation.lines[0].ballots = Ballots(1, 1, 0, 0)
    path = evaluations.export_sheet(evaluation, tmp_path / "测评票.xlsx")
    fill(path, {4: [2, None, None, None], 5: [3, None, None, None]})
    with pytest.raises(ServiceError) as caught:
        evaluations.import_sheet(evaluation, path)
    assert "第 5 行：李四的四个等次票数合计 3 张，多于投票人数 2 人" in str(caught.value)
    assert [line.ballots for line in evaluation.lines] == [Ballots(1, 1, 0, 0), Ballots()]
    path.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(ServiceError, match="不是 Excel 工作簿"):
        evaluations.import_sheet(evaluation, path)


def test_the_service_says_when_the_sheet_cannot_be_written(evaluations, tmp_path):
    evaluation = evaluations.new_draft(2026, today=TODAY)
    with pytest.raises(ServiceError, match=r"无法写入.*另选保存位置"):
        evaluations.export_sheet(evaluation, tmp_path / "没有的文件夹" / "测评票.xlsx")
