"""``dualleader import-members`` / ``export-members``: reports, exit codes, what lands in the DB."""

import openpyxl
import pytest

from dualleader_desktop.cli import main
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.storage.database import Database
from tests.conftest import make_draft
from tests.roster_workbooks import HEADER, draft_row, excel_row, write_roster


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "branch.sqlite3"


def names_in(db_path) -> set[str]:
    db = Database.open_file(db_path)
    try:
        return {m.name for m in MemberService(db).list_members()}
    finally:
        db.dispose()


def roster(tmp_path, *, bad_row: bool = False):
    rows = [draft_row(make_draft("王伟"), 1), draft_row(make_draft("李娜", sequence=22), 2)]
    if bad_row:
        rows[1][HEADER.index("公民身份号码")] = rows[1][5][:-1] + (
            "1" if rows[1][5][-1] != "1" else "2"
        )
    return write_roster(tmp_path / "花名册.xlsx", rows)


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_import_all_rows_then_again_unchanged(tmp_path, db_path, capsys):
    path = roster(tmp_path)
    code, out, _err = run(capsys, "import-members", path, "--db", db_path)
    assert code == 0
    assert "工作表“党员名册”，表头在第 3 行" in out
    assert "已导入：新增 2 人，更新 0 人，无变化 0 人。" in out
    assert names_in(db_path) == {"王伟", "李娜"}
    code, out, _err = run(capsys, "import-members", path, "--db", db_path)
    assert code == 0 and "无变化 2 人" in out


def test_a_bad_row_refuses_the_whole_file(tmp_path, db_path, capsys):
    code, out, _err = run(capsys, "import-members", roster(tmp_path, bad_row=True), "--db", db_path)
    assert code == 1
    assert f"第 {excel_row(1)} 行 [公民身份号码] 身份证号校验位不符" in out
    assert "没有导入任何数据" in out
    assert names_in(db_path) == set()


def test_skip_invalid_imports_the_rest_and_still_exits_1(tmp_path, db_path, capsys):
    path = roster(tmp_path, bad_row=True)
    code, out, _err = run(capsys, "import-members", path, "--db", db_path, "--skip-invalid")
    assert code == 1
    assert "跳过有错误的 1 行" in out
    assert names_in(db_path) == {"王伟"}


def test_dry_run_writes_nothing(tmp_path, db_path, capsys):
    code, out, _err = run(capsys, "import-members", roster(tmp_path), "--db", db_path, "--dry-run")
    assert code == 0 and "试运行" in out and "新增 2 行" in out
    assert names_in(db_path) == set()
    bad = roster(tmp_path, bad_row=True)
    code, _out, _err = run(capsys, "import-members", bad, "--db", db_path, "--dry-run")
    assert code == 1
    assert names_in(db_path) == set()


def test_unreadable_file_exits_2_with_the_reason_on_stderr(tmp_path, db_path, capsys):
    fake = tmp_path / "花名册.xlsx"
    fake.write_text("姓名,身份证号\n", encoding="utf-8")
    code, out, err = run(capsys, "import-members", fake, "--db", db_path)
    assert code == 2 and out == ""
    assert "不是 Excel 工作簿" in err
    assert not db_path.exists()  # the file is checked before any database is made


def test_header_without_data_exits_2(tmp_path, db_path, capsys):
    empty = write_roster(tmp_path / "空表.xlsx", [])
    code, out, err = run(capsys, "import-members", empty, "--db", db_path)
    assert code == 2 and out == ""
    assert "表头下面没有党员数据，请检查工作表" in err
    assert not db_path.exists()


def test_dry_run_without_a_database_does_not_create_one(tmp_path, capsys):
    db_path = tmp_path / "新文件夹" / "branch.sqlite3"
    code, out, _err = run(capsys, "import-members", roster(tmp_path), "--db", db_path, "--dry-run")
    assert code == 0 and "新增 2 行" in out and "没有创建" in out
    assert not db_path.parent.exists()


def test_export_members_and_all(tmp_path, db_path, capsys):
    run(capsys, "import-members", roster(tmp_path), "--db", db_path)
    target = tmp_path / "导出.xlsx"
    code, out, _err = run(capsys, "export-members", target, "--db", db_path)
    assert code == 0 and "已导出 2 名党员" in out
    sheet = openpyxl.load_workbook(target).active
    assert [row[1] for row in sheet.iter_rows(min_row=4, values_only=True)] == ["李娜", "王伟"]
    code, _out, _err = run(capsys, "--db", db_path, "export-members", target, "--all")
    assert code == 0
    assert openpyxl.load_workbook(target).active.cell(3, 19).value == "状态"


def test_export_from_a_missing_database_exits_2(tmp_path, capsys):
    code, _out, err = run(
        capsys, "export-members", tmp_path / "x.xlsx", "--db", tmp_path / "none.sqlite3"
    )
    assert code == 2 and "找不到数据库" in err
    assert not (tmp_path / "none.sqlite3").exists()
