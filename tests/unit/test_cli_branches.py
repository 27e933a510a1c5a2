"""``dualleader branches`` and ``--branch``: an organization department's database of several
branches, worked on from the command line (on SQLite and on PostgreSQL, as the services)."""

import openpyxl

from dualleader_desktop.cli import main
from dualleader_desktop.services.branch import BranchInfo, BranchService, list_branches
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.storage.database import Database
from tests.conftest import TODAY, make_draft


def roster_names(path) -> set[str]:
    rows = iter(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
    column = next(row for row in rows if "姓名" in row).index("姓名")  # below the title rows
    return {row[column] for row in rows if row[column]}


def test_a_second_branch_is_added_and_commands_name_the_one_they_work_on(
    database_url, tmp_path, capsys
):
    db = Database.open_url(database_url, attachments=tmp_path / "files")
    first = BranchService(db)
    first.save_branch(BranchInfo("机电工程学院教师党支部"), today=TODAY)
    MemberService(db, first.branch_id).add(make_draft("王伟"), today=TODAY)
    where = ["--database-url", database_url, "--attachments-dir", str(tmp_path / "files")]

    assert main(["branches", *where, "--add", " 信息工程学院教师党支部 "]) == 0
    assert "已添加支部：信息工程学院教师党支部" in capsys.readouterr().out
    second = {e.name: e.id for e in list_branches(db)}["信息工程学院教师党支部"]
    MemberService(db, second).add(make_draft("李娜", sequence=22), today=TODAY)

    assert main(["branches", *where, "--add", "信息工程学院教师党支部"]) == 1
    assert "已有名为“信息工程学院教师党支部”的支部" in capsys.readouterr().err
    assert len(list_branches(db)) == 2

    out = tmp_path / "roster.xlsx"
    assert main(["export-members", str(out), *where]) == 2
    said = capsys.readouterr().err
    assert "有 2 个支部" in said and "--branch" in said
    assert not out.exists()

    assert main(["export-members", str(out), *where, "--branch", "信息工程学院教师党支部"]) == 0
    assert roster_names(out) == {"李娜"}
    assert main(["export-members", str(out), *where, "--branch", "机电工程学院教师党支部"]) == 0
    assert roster_names(out) == {"王伟"}

    assert main(["export-members", str(out), *where, "--branch", "不存在的支部"]) == 2
    said = capsys.readouterr().err
    assert "没有名为“不存在的支部”的支部" in said and "机电工程学院教师党支部" in said
    db.dispose()


def test_branches_lists_the_one_branch_of_a_secretarys_database(tmp_path, capsys):
    path = tmp_path / "branch.sqlite3"
    db = Database.open_file(path)
    BranchService(db).save_branch(BranchInfo("机电工程学院教师党支部"), today=TODAY)
    db.dispose()
    assert main(["branches", "--db", str(path)]) == 0
    assert capsys.readouterr().out.split() == ["1", "机电工程学院教师党支部"]
