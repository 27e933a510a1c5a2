import os
import re

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from dualleader_desktop import paths
from dualleader_desktop.cli import main
from dualleader_desktop.demo import populate_demo
from dualleader_desktop.services.archive import ArchiveSettingsInfo
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.services.errors import RecordValidationError
from dualleader_desktop.storage.database import Database
from tests.catalogues import catalogue_files
from tests.conftest import TODAY


def test_export_then_verify_from_the_command_line(tmp_path, capsys):
    path = tmp_path / "demo.sqlite3"
    db = Database.open_file(path)
    populate_demo(db, 2025, today=TODAY)
    with db.engine.begin() as conn:  # as a database without the demo's archive settings
        conn.execute(text("DELETE FROM archive_settings"))
    assert (
        main(["export", "--db", str(path), "--year", "2025", "--out", str(tmp_path / "out")]) == 1
    )
    assert "全宗号" in capsys.readouterr().err
    # a command-line user sets the 全宗号 without the window
    assert (
        main(["archive-settings", "--db", str(path), "--fonds", "Z001", "--org-code", "DZB"]) == 0
    )
    assert "全宗号：Z001" in capsys.readouterr().out
    args = ["export", "--db", str(path), "--year", "2025", "--out", str(tmp_path / "out")]
    assert main([*args, "--kinds", "committee,roster", "--formats", "pdf", "--zip"]) == 0
    out = capsys.readouterr().out
    assert "已导出 13 件" in out
    package = next((tmp_path / "out").glob("*-归档包"))
    assert not list((package / "文件").glob("*.docx"))
    assert main(["verify", str(package)]) == 0
    assert main(["verify", str(package.with_suffix(".zip"))]) == 0
    (package / "文件" / "多余.pdf").write_bytes(b"%PDF")
    assert main(["verify", str(package)]) == 1
    assert "多余" in capsys.readouterr().out
    assert main([*args, "--kinds", "nonsense"]) == 2


def test_the_demo_comes_with_archive_settings_shown_by_the_command(tmp_path, capsys):
    path = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(path), "--year", "2025"]) == 0
    capsys.readouterr()
    assert main(["archive-settings", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    for line in ("全宗号：Z001", "全宗名称：江西某职业技术学院", "机构（问题）代码：DZB"):
        assert line in out
    assert "支部党员大会 永久" in out
    assert main(["archive-settings", "--db", str(path), "--fonds-name", "某学院档案馆"]) == 0
    out = capsys.readouterr().out
    assert "已保存" in out and "全宗名称：某学院档案馆" in out and "全宗号：Z001" in out


@pytest.mark.parametrize(
    ("option", "value"),
    [("--fonds", "Z.01"), ("--fonds", "全宗1"), ("--org-code", "党委"), ("--org-code", "D.Z")],
)
def test_codes_with_dots_or_chinese_are_refused(tmp_path, capsys, option, value):
    path = tmp_path / "x.sqlite3"
    Database.open_file(path).dispose()
    assert main(["archive-settings", "--db", str(path), "--fonds", "Z001"]) == 0
    capsys.readouterr()
    assert main(["archive-settings", "--db", str(path), option, value]) == 1
    assert "只能使用字母和数字" in capsys.readouterr().err
    assert BranchServices(Database.open_file(path)).archive.settings().fonds == "Z001"  # unchanged


def test_full_width_and_middle_dot_codes_are_refused(db):
    service = BranchServices(db).archive
    with pytest.raises(RecordValidationError) as caught:
        service.save_settings(ArchiveSettingsInfo(fonds="Ｚ001", organization_code="D·Z"))
    assert set(caught.value.errors) == {"fonds", "organization_code"}
    assert service.settings().fonds == ""


@pytest.mark.parametrize("command", [["archive-settings"], ["export", "--year", "2025"]])
def test_a_missing_database_is_named_not_created(tmp_path, capsys, command):
    path = tmp_path / "typo.sqlite3"
    extra = ["--out", str(tmp_path / "out")] if "export" in command else []
    assert main([*command, "--db", str(path), *extra]) == 1
    assert "找不到数据库" in capsys.readouterr().err and not path.exists()


def test_a_signed_export_prints_its_fingerprint_on_the_cover_and_verifies_by_it(
    tmp_path, capsys, monkeypatch
):
    monkeypatch.setattr(paths, "user_data_dir", lambda: tmp_path / "data")  # not the user's
    (tmp_path / "data").mkdir()
    path = tmp_path / "demo.sqlite3"
    populate_demo(Database.open_file(path), 2025, today=TODAY)
    args = ["export", "--db", str(path), "--year", "2025", "--kinds", "roster", "--formats", "pdf"]
    assert main([*args, "--out", str(tmp_path / "one"), "--sign", "--zip"]) == 0
    printed = re.search(r"公钥指纹：((?:[0-9a-f]{4} ){7}[0-9a-f]{4})", capsys.readouterr().out)
    assert printed, "the export prints the fingerprint"
    shown = printed[1]
    package = next((tmp_path / "one").glob("*-归档包"))
    [catalogue] = catalogue_files(package, "xlsx")  # the roster's 保管期限 alone
    cover = load_workbook(catalogue).active["A2"].value
    assert f"签名公钥指纹：{shown}" in cover
    assert {"manifest.sig", "manifest.pub"} <= {p.name for p in package.iterdir()}
    assert not any(b"PRIVATE" in p.read_bytes() for p in package.rglob("*") if p.is_file())
    for target in (package, package.with_suffix(".zip")):
        assert main(["verify", str(target), "--key", shown]) == 0
        assert "签名有效" in capsys.readouterr().out
    # the key was made once: the next export is signed by the same one
    keys = list((tmp_path / "data" / "keys").iterdir())
    assert len(keys) == 1 and (os.name == "nt" or keys[0].stat().st_mode & 0o777 == 0o600)
    assert main([*args, "--out", str(tmp_path / "two"), "--sign"]) == 0
    assert f"公钥指纹：{shown}" in capsys.readouterr().out
    assert list((tmp_path / "data" / "keys").iterdir()) == keys
    # unsigned, the same export has no signature and fails the key
    assert main([*args, "--out", str(tmp_path / "three")]) == 0
    unsigned = next((tmp_path / "three").glob("*-归档包"))
    assert not (unsigned / "manifest.sig").exists()
    [catalogue] = catalogue_files(unsigned, "xlsx")
    assert "签名公钥指纹" not in load_workbook(catalogue).active["A2"].value
    assert main(["verify", str(unsigned), "--key", shown]) == 1
    assert "未签名" in capsys.readouterr().out
