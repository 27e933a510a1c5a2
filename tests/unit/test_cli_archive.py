from dualleader_desktop.cli import main
from dualleader_desktop.services.archive import ArchiveService, ArchiveSettingsInfo
from dualleader_desktop.services.demo import populate_demo
from dualleader_desktop.storage.database import Database
from tests.conftest import TODAY


def test_export_then_verify_from_the_command_line(tmp_path, capsys):
    path = tmp_path / "demo.sqlite3"
    db = Database.open_file(path)
    populate_demo(db, 2025, today=TODAY)
    assert (
        main(["export", "--db", str(path), "--year", "2025", "--out", str(tmp_path / "out")]) == 1
    )
    assert "全宗号" in capsys.readouterr().err
    ArchiveService(db).save_settings(ArchiveSettingsInfo(fonds="Z001", organization_code="DZB"))
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
