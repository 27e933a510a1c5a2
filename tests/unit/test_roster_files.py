"""Files that cannot be imported are refused with a message that says what to do; nothing is written."""

import zipfile

import pytest
from openpyxl import Workbook

from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.services.roster import MAX_ROWS, RosterFileError
from tests.conftest import TODAY, make_draft
from tests.roster_workbooks import (
    draft_row,
    encrypt_workbook,
    write_big_roster,
    write_roster,
)


def refusal(db, path) -> str:
    with pytest.raises(RosterFileError) as caught:
        BranchServices(db).roster.plan_import(path, today=TODAY)
    assert isinstance(caught.value, ServiceError)
    assert db.is_empty()
    return str(caught.value)


def test_text_and_pdf_files_renamed_xlsx(db, tmp_path):
    text = tmp_path / "名单.xlsx"
    text.write_text("姓名,身份证号\n王伟,360102198507030118\n", encoding="utf-8")
    assert "不是 Excel 工作簿" in refusal(db, text) and "另存为" in refusal(db, text)
    pdf = tmp_path / "花名册.xlsx"
    pdf.write_bytes(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n")
    assert "PDF" in refusal(db, pdf)


def test_a_zip_that_is_not_a_workbook(db, tmp_path):
    path = tmp_path / "花名册.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    assert "不是有效的 Excel 工作簿" in refusal(db, path)


def test_old_xls_file_asks_to_save_as_xlsx(db, tmp_path):
    path = tmp_path / "花名册.xls"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504 + b"Workbook" * 64)
    message = refusal(db, path)
    assert ".xls" in message and "另存为" in message and ".xlsx" in message


def test_password_protected_workbook(db, tmp_path):
    plain = write_roster(tmp_path / "plain.xlsx", [draft_row(make_draft())])
    encrypted = encrypt_workbook(plain, tmp_path / "加密.xlsx")
    message = refusal(db, encrypted)
    assert "密码" in message and "删除密码" in message


def test_empty_workbook_and_missing_header_name_the_expected_headers(db, tmp_path):
    empty = tmp_path / "empty.xlsx"
    Workbook().save(empty)
    assert "空的" in refusal(db, empty) and "身份证号" in refusal(db, empty)
    other = tmp_path / "other.xlsx"
    workbook = Workbook()
    workbook.active.append(["会议名称", "日期", "地点"])
    workbook.active.append(["支部党员大会", "2026-11-01", "301 会议室"])
    workbook.save(other)
    message = refusal(db, other)
    assert "没有找到表头" in message and "“姓名”" in message and "“入党时间”" in message


def test_header_without_id_number_column(db, tmp_path):
    path = write_roster(
        tmp_path / "r.xlsx", [["王伟", "男", "2008-06"]], header=["姓名", "性别", "入党时间"]
    )
    assert "没有“身份证号”列" in refusal(db, path)


def test_header_without_data_rows_is_refused(db, tmp_path):
    path = write_roster(tmp_path / "r.xlsx", [[None] * 3, [" "]])  # blank rows only
    message = refusal(db, path)
    assert "表头下面没有党员数据" in message and "第 3 行" in message


def test_wps_et_file_asks_to_save_as_xlsx(db, tmp_path):
    path = tmp_path / "花名册.et"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504)
    message = refusal(db, path)
    assert "WPS" in message and "另存为" in message and ".xlsx" in message


def test_missing_file_and_folder(db, tmp_path):
    assert "找不到文件" in refusal(db, tmp_path / "没有这个文件.xlsx")
    assert "文件夹" in refusal(db, tmp_path)
    empty = tmp_path / "zero.xlsx"
    empty.write_bytes(b"")
    assert "空文件" in refusal(db, empty)


def test_header_on_a_later_sheet_is_found(db, tmp_path):
    workbook = Workbook()
    workbook.active.title = "统计"  # a table of names without ID numbers: not the roster
    workbook.active.append(["姓名", "性别", "入党时间"])
    roster = workbook.create_sheet("名册")
    roster.append(["姓名", "身份证号", "入党时间", "党员类别"])
    draft = make_draft()
    roster.append(["王伟", draft.id_number, "2008-06-20", "正式"])
    workbook.save(tmp_path / "r.xlsx")
    plan = BranchServices(db).roster.plan_import(tmp_path / "r.xlsx", today=TODAY)
    assert (plan.sheet_name, plan.header_row, len(plan.rows)) == ("名册", 1, 1)


def test_huge_sheet_is_refused_once_its_limit_is_read(db, tmp_path):
    """Refused without reading the other 90 000 rows: counted in rows read, not in seconds
    (a timed assertion fails on a busy machine; the time is bench material)."""
    path = write_big_roster(tmp_path / "big.xlsx", 100_000)
    checks = []  # is_cancelled is asked every 500 rows read: it shows where reading stopped
    with pytest.raises(RosterFileError, match=f"超过 {MAX_ROWS} 行"):
        BranchServices(db).roster.plan_import(path, is_cancelled=lambda: checks.append(1) and False)
    assert MAX_ROWS // 500 <= len(checks) <= MAX_ROWS // 500 + 1
    assert db.is_empty()


def test_damaged_sheet_inside_a_valid_package(db, tmp_path):
    good = write_roster(tmp_path / "good.xlsx", [draft_row(make_draft())])
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)
    assert "已损坏" in refusal(db, damaged)
