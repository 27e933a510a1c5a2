"""--database-url and DUALLEADER_DATABASE_URL: a server instead of a file, said in words when
it cannot be used; tools that work on files only refuse a server."""

import pytest

from dualleader_desktop import cli
from dualleader_desktop.paths import DATABASE_URL_ENV_VAR, server_url, url_file
from dualleader_desktop.storage.database import Database
from dualleader_desktop.storage.errors import DatabaseError

NOBODY_LISTENS = "postgresql://postgres@127.0.0.1:1/test"


def test_the_command_line_comes_before_the_environment(monkeypatch):
    monkeypatch.setenv(DATABASE_URL_ENV_VAR, "postgresql://env/db")
    assert server_url("branch.sqlite3", None) is None
    assert server_url(None, "postgresql://cli/db") == "postgresql://cli/db"
    assert server_url(None, None) == "postgresql://env/db"
    monkeypatch.delenv(DATABASE_URL_ENV_VAR)
    assert server_url(None, None) is None


def test_an_sqlite_url_names_a_file(tmp_path):
    assert url_file(f"sqlite:///{tmp_path}/b.sqlite3") == tmp_path / "b.sqlite3"
    assert url_file("sqlite://") is None
    assert url_file("postgresql://host/db") is None


def test_db_and_database_url_together_are_refused(capsys):
    with pytest.raises(SystemExit):
        cli.main(["archive-settings", "--db", "x.sqlite3", "--database-url", NOBODY_LISTENS])
    assert "只能给出一个" in capsys.readouterr().err


def test_a_server_that_does_not_answer_is_said_so(capsys):
    code = cli.main(["archive-settings", "--database-url", NOBODY_LISTENS])
    assert code != 0
    err = capsys.readouterr().err
    assert "无法连接数据库服务器 127.0.0.1:1" in err
    assert "Traceback" not in err


def test_a_database_url_of_an_unknown_kind_is_refused():
    with pytest.raises(DatabaseError, match="不支持"):
        Database.open_url("mysql://user@host/db")


@pytest.mark.parametrize("command", [["backup"], ["restore", "copy.bak"], ["encrypt"]])
def test_file_tools_refuse_a_server(command, capsys):
    assert cli.main([*command, "--database-url", NOBODY_LISTENS]) == 2
    assert "只用于数据库文件" in capsys.readouterr().err


def test_an_sqlite_url_opens_the_file_with_its_checks(tmp_path):
    db = Database.open_url(f"sqlite:///{tmp_path}/branch.sqlite3")
    try:
        assert db.path == tmp_path / "branch.sqlite3"
        assert not db.on_server
    finally:
        db.dispose()
