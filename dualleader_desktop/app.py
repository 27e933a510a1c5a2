"""Start the program: one copy per database, the database opened and upgraded, the window shown.

The window comes first: where the database file needs nothing done to it (plain SQLite, ours,
at the current schema) the roster's first rows are read with sqlite3 (storage/first_screen.py)
and the window shown with them; then the database is opened in full (SQLAlchemy, its checks)
and given to the window before any event reaches it. A refusal then closes the window and says
why, as before.

``--smoke`` does the same up to the first shown window (with the roster in it), prints the
start-up time (``startup-ms``: the first paint; ``ready-ms``: the database open behind it) and
whether Qt's Chinese texts were found (``qt-chinese: yes``), and exits; the packaging checks
and benchmarks/bench_startup.py use it.

Every start-up failure ends in a Chinese message (a message box, or stderr with ``--smoke``)
and an exit code, never a traceback: ``EXIT_LOCKED`` when another window has the database open,
``EXIT_DB`` when the database or its folder cannot be used (the message says why).

``--demo`` opens the demo database (``paths.demo_db_path``, beside the default one), filled
with the demo branch while it is empty; the branch's own database is never touched, and
文件 › 离开演示数据… opens it in the demo's place (``Program.leave_demo``).

An encrypted database (``dualleader encrypt``) asks for its password in a small dialog; a wrong
one is said and asked again, three times at most (then ``EXIT_DB`` with a message); cancelling
ends the program quietly. ``--smoke`` takes the password from ``DUALLEADER_PASSWORD`` when set.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from dualleader_desktop import APP_ID, APP_NAME, DESKTOP_FILE, STARTED
from dualleader_desktop.paths import (
    default_db_path,
    demo_db_path,
    server_url,
    url_file,
)
from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.storage.database_file import prepare_database_file
from dualleader_desktop.storage.errors import (
    DatabaseError,
    os_error_message,
)
from dualleader_desktop.ui.database_lock import DatabaseLock
from dualleader_desktop.ui.messages import show_error
from dualleader_desktop.ui.password import PasswordCancelled, open_database
from dualleader_desktop.ui.startup_refusal import EXIT_DB, StartupRefused

if TYPE_CHECKING:
    from dualleader_desktop.storage.database import Database

SMOKE_WAIT_S = 30  # --smoke: a window not shown by then is a failure (exit 3)
PAINT_WAIT_S = 5  # a window not exposed by then (a desktop that shows it minimised) goes on


@dataclass(frozen=True)
class Target:
    """The database a window opens: a file (``path``) or a server (``url``, its attachment
    files in ``attachments``). ``demo``: the demo database of ``--demo``, filled with the demo
    branch while empty, and the window says it is the demo."""

    path: Path | None = None
    url: str | None = None
    attachments: str | None = None
    demo: bool = False


def own_target() -> Target:
    """The branch's own database, as ``dualleader`` without options opens it:
    ``DUALLEADER_DATABASE_URL``, else ``DUALLEADER_DB``, else the default file."""
    url = server_url()
    if url is not None:
        file = url_file(url)
        return Target(path=file) if file is not None else Target(url=url)
    return Target(path=default_db_path())


class Session:
    """One database open in one window: its lock, the database, the window on it. A window
    built from the first screen has no database yet: ``finish_opening`` opens it."""

    def __init__(
        self, window, database: Database | None, lock: DatabaseLock, path: Path | None = None
    ) -> None:
        self.window, self.database, self.lock, self.path = window, database, lock, path

    def finish_opening(self, *, smoke: bool = False) -> None:
        """Open the database file in full (its checks, its upgrade) and give it to the
        window. Raises ``StartupRefused`` saying why it cannot; the window is left to close."""
        try:
            database = open_database(self.path, smoke=smoke)
        except (DatabaseError, ServiceError) as exc:
            raise StartupRefused("无法打开数据库", str(exc), EXIT_DB) from exc
        try:
            self.window.attach(database)
        except (DatabaseError, ServiceError) as exc:
            database.dispose()
            raise StartupRefused("无法打开数据库", str(exc), EXIT_DB) from exc
        self.database = database
        _show_encrypted(self.window, database)

    def close(self) -> None:
        if self.database is not None:
            self.database.dispose()
        self.lock.release()


def _show_encrypted(window, database: Database) -> None:
    if database.encrypted:
        badge = QLabel("已加密")
        badge.setToolTip("数据库、备份和附件都以加密形式保存在磁盘上（SQLCipher、AES-256-GCM）。")
        window.statusBar().addPermanentWidget(badge)


def open_session(target: Target, *, smoke: bool = False, first_screen: bool = True) -> Session:
    """Lock the database of ``target`` and build its window (not shown yet): from the first
    screen where the file allows it (``first_screen``; the session's database is then opened
    by ``Session.finish_opening`` once the window is up), else on the database opened in full.
    Raises ``StartupRefused`` saying why it cannot, or ``PasswordCancelled``; holds nothing
    then."""
    if target.url is not None:
        lock = DatabaseLock(None)
    else:
        try:
            prepare_database_file(target.path)
        except OSError as exc:
            raise StartupRefused(
                "无法打开数据库", os_error_message("准备数据文件夹时", exc), EXIT_DB
            ) from exc
        except DatabaseError as exc:
            raise StartupRefused("无法打开数据库", str(exc), EXIT_DB) from exc
        lock = DatabaseLock(target.path)
    lock.acquire()
    if first_screen and target.path is not None:
        from dualleader_desktop.storage.first_screen import EVERY_ROW, read_first_screen
        from dualleader_desktop.ui.main_window import MainWindow, remembered_branch
        from dualleader_desktop.ui.window_layout import roster_sorted

        rows = {"rows": EVERY_ROW} if roster_sorted() else {}
        first = read_first_screen(target.path, remembered_branch(target.path), **rows)
        if first is not None:
            window = MainWindow(None, demo=target.demo, first=first, where=target.path)
            return Session(window, None, lock, target.path)
    from dualleader_desktop.storage.database import Database

    try:
        if target.url is not None:
            database = Database.open_url(target.url, attachments=target.attachments)
        else:
            database = open_database(target.path, smoke=smoke)
    except PasswordCancelled:
        lock.release()
        raise
    except (DatabaseError, ServiceError) as exc:
        lock.release()
        raise StartupRefused("无法打开数据库", str(exc), EXIT_DB) from exc
    try:
        if target.demo and database.is_empty():
            from dualleader_desktop.demo import populate_demo

            populate_demo(database)
        from dualleader_desktop.ui.main_window import MainWindow

        # reads the roster: a damaged page may show only here
        window = MainWindow(database, demo=target.demo)
    except (DatabaseError, ServiceError) as exc:
        database.dispose()
        lock.release()
        raise StartupRefused("无法打开数据库", str(exc), EXIT_DB) from exc
    _show_encrypted(window, database)
    return Session(window, database, lock, target.path)


class Program:
    """The session on screen. 文件 › 离开演示数据… puts a window on the branch's own database
    in the demo's place, in the same process; when that database cannot be opened, the
    message says why and the demo stays."""

    def __init__(self, session: Session) -> None:
        self.session = session
        session.window.leave_demo_requested.connect(self.leave_demo)

    def leave_demo(self) -> bool:
        old = self.session
        try:
            new = open_session(own_target(), first_screen=False)
        except PasswordCancelled:
            return False
        except StartupRefused as refused:
            show_error(old.window, refused.title, refused.text)
            return False
        except OSError as exc:  # the user data folder could not be made
            show_error(old.window, "无法打开数据库", os_error_message("准备数据文件夹时", exc))
            return False
        new.window.restoreGeometry(old.window.saveGeometry())
        new.window.show()
        self.session = new
        old.window.close()
        old.window.deleteLater()
        old.close()
        return True


def run(
    db: str | None = None,
    smoke: bool = False,
    demo: bool = False,
    database_url: str | None = None,
    attachments_dir: str | None = None,
) -> int:
    """``database_url`` (a server, settled by cli.py) takes the place of the file ``db``: no
    file checks and no single-instance lock there (many windows share a server's database);
    its attachment files are in ``attachments_dir`` (by default one in the user data folder).
    ``demo`` opens the demo database (``paths.demo_db_path``) instead, never ``db``."""
    if demo and (db or database_url):
        raise ValueError("--demo opens the demo database: no --db or --database-url with it")
    from dualleader_desktop.ui.input_method import use_an_input_method_qt_has

    use_an_input_method_qt_has()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("DualLeader")
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(DESKTOP_FILE)
    from dualleader_desktop.ui.style import apply_style

    qt_chinese = apply_style(app)
    try:
        if demo:
            target = Target(path=demo_db_path(), demo=True)
        elif database_url is not None:
            target = Target(url=database_url, attachments=attachments_dir)
        else:
            target = Target(path=default_db_path(db))
    except OSError as exc:  # the user data folder could not be made
        return _refuse(smoke, "无法打开数据库", os_error_message("准备数据文件夹时", exc), EXIT_DB)
    try:
        program = Program(open_session(target, smoke=smoke))
    except PasswordCancelled:
        return 0
    except StartupRefused as refused:
        return _refuse(smoke, refused.title, refused.text, refused.code)
    session = program.session
    session.window.show()
    painted = _paint(app, session.window, SMOKE_WAIT_S if smoke else PAINT_WAIT_S)
    if smoke and not painted:
        print(f"smoke: the window was not shown within {SMOKE_WAIT_S} s", file=sys.stderr)
        session.window.close()
        session.close()
        return 3
    if smoke:  # at once: bench_startup.py times the line's arrival
        print(f"startup-ms: {_elapsed_ms()}", flush=True)
    if session.database is None:
        try:
            session.finish_opening(smoke=smoke)
        except StartupRefused as refused:
            session.window.close()
            session.close()
            return _refuse(smoke, refused.title, refused.text, refused.code)
    if smoke:
        print(f"ready-ms: {_elapsed_ms()}", flush=True)
        print(f"qt-chinese: {'yes' if qt_chinese else 'no'}", flush=True)
        session.window.close()
        session.close()
        return 0
    code = app.exec()
    program.session.close()
    return code


def _paint(app: QApplication, window, wait_s: float) -> bool:
    """Let the shown window be painted once: True when it was within ``wait_s``."""
    deadline = time.perf_counter() + wait_s
    while not window.windowHandle() or not window.windowHandle().isExposed():
        app.processEvents()
        if time.perf_counter() > deadline:
            return False
    app.processEvents()
    return True


def _elapsed_ms() -> int:
    return round((time.perf_counter() - STARTED) * 1000)


def _refuse(smoke: bool, title: str, text: str, code: int) -> int:
    if smoke:
        print(text, file=sys.stderr)
    else:
        QMessageBox.critical(None, title, text)
    return code
