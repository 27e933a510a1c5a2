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

import os
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QLineEdit, QMessageBox, QWidget

from dualleader_desktop import APP_ID, APP_NAME, DESKTOP_FILE, STARTED
from dualleader_desktop.paths import (
    PRIVATE_FOLDER,
    default_db_path,
    demo_db_path,
    lock_dir,
    server_url,
    url_file,
)
from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.storage.database_file import prepare_database_file
from dualleader_desktop.storage.errors import (
    DatabaseError,
    PasswordRequired,
    WrongPassword,
    os_error_message,
)
from dualleader_desktop.ui.messages import show_error

if TYPE_CHECKING:
    from dualleader_desktop.storage.database import Database

LOCK_STALE_MS = 60 * 60 * 1000  # a lock left by a crash is taken over after an hour...
EXIT_LOCKED, EXIT_DB = 1, 2
SMOKE_WAIT_S = 30  # --smoke: a window not shown by then is a failure (exit 3)
PAINT_WAIT_S = 5  # a window not exposed by then (a desktop that shows it minimised) goes on
PASSWORD_TRIES = 3
WRONG_PASSWORD = "密码不正确，请重新输入。"
DISK_FULL_BYTES = 1 << 20  # less free space than this beside the lock: call the disk full


class PasswordCancelled(Exception):
    """The user closed the password dialog: the program ends without a message."""


def password_dialog(path: Path, problem: str = "", parent: QWidget | None = None) -> QInputDialog:
    """The dialog asking an encrypted database's password (shown by ``ask_password``)."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle("输入数据库密码")
    lines = [f"数据库已加密：\n{path}", "", "请输入密码："]
    if problem:
        lines.insert(0, problem + "\n")
    dialog.setLabelText("\n".join(lines))
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    dialog.setOkButtonText("打开")
    dialog.setCancelButtonText("退出")
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    hint = dialog.sizeHint()  # wide enough for the whole path: it is not wrapped
    dialog.resize(max(420, hint.width()), hint.height())
    return dialog


def ask_password(path: Path, problem: str = "") -> str | None:
    """The password typed, or None when the user cancelled. Tests replace this function."""
    dialog = password_dialog(path, problem)
    accepted = dialog.exec() == QInputDialog.DialogCode.Accepted
    text = dialog.textValue()
    dialog.deleteLater()
    return text if accepted else None


def open_database(path: Path, *, smoke: bool = False) -> Database:
    """``Database.open_file``, asking the password of an encrypted database. Raises
    ``PasswordCancelled`` when the user gave up, ``DatabaseError`` for anything else (three
    wrong passwords included)."""
    from dualleader_desktop.storage.database import Database
    from dualleader_desktop.storage.encryption import PASSWORD_ENV_VAR

    try:
        return Database.open_file(path)
    except PasswordRequired:
        pass
    given = os.environ.get(PASSWORD_ENV_VAR) if smoke else None
    if given:
        return Database.open_file(path, password=given)
    problem = ""
    for _attempt in range(PASSWORD_TRIES):
        password = ask_password(path, problem)
        if password is None:
            raise PasswordCancelled
        try:
            return Database.open_file(path, password=password)
        except WrongPassword:
            problem = WRONG_PASSWORD
    raise DatabaseError(
        f"密码连续 {PASSWORD_TRIES} 次不正确，程序退出。\n{path}\n\n"
        "请确认密码后重新启动本程序。忘记密码时，加密的数据库和备份都无法打开。"
    )


class StartupRefused(Exception):
    """The program cannot start on this database; ``text`` says why and what to do."""

    def __init__(self, title: str, text: str, code: int) -> None:
        super().__init__(text)
        self.title, self.text, self.code = title, text, code


class DatabaseLock:
    """At most one window per database file; the command-line tools take no lock and may run
    beside the window (SQLite's own locking and busy timeout keep their writes apart).

    Two ``QLockFile``s are taken before the database is opened:

    - ``<database>.lock`` beside the file, by its path. Every user and every machine that opens
      the file under that path (a shared folder) sees it, and it still stands when the file is
      replaced under the same name (a restore writes a new file).
    - ``<lock_dir>/<st_dev>-<st_ino>.lock`` in the user's cache folder, by the file's identity.
      The same file under another name (a hard link, a second drive letter made with subst, a
      bind mount) has the same device and inode numbers; on Windows ``os.stat`` gives the
      volume serial number and the file index (Python 3.11 and later). Where the file system
      gives no inode number (0) or the cache folder cannot be written, only the first lock
      stands: the program still starts.

    Why not an OS lock on the database file itself: a POSIX ``fcntl`` lock belongs to the
    process and the inode, and the kernel drops all of them when *any* descriptor of the file
    is closed — SQLite closes its descriptors whenever the connection pool closes a connection,
    so the lock would vanish unnoticed (SQLite's "How To Corrupt An SQLite Database File",
    2.2); ``flock`` is emulated with ``fcntl`` on NFS, with the same result and a whole-file
    lock that would block the tools' reads; on Windows byte-range locks are mandatory, so the
    locked bytes would have to be ones SQLite never reads. ``QLockFile`` behaves the same on
    every system, records the PID and host so that a lock left by a crash is taken over, and
    tells a lock held by another process (``LockFailedError``) from a folder that cannot be
    written (``PermissionError``) or a write that failed (``UnknownError``, e.g. a full disk).

    Lock files are created 0600 (the umask is narrowed around the creation, on the GUI thread
    before any worker runs), the lock folder 0700.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path  # None: a database on a server, which takes no lock
        self._locks: list[QLockFile] = []

    def acquire(self) -> None:
        """Take both locks, or raise ``StartupRefused`` having taken none."""
        if self.path is None:
            return
        try:
            by_path = self._take(Path(str(self.path) + ".lock"))
            if by_path is not None:
                raise StartupRefused(*self._refusal(by_path, Path(str(self.path) + ".lock")))
            identity = self._identity_lock_path()
            if identity is not None:
                by_identity = self._take(identity)
                if by_identity == QLockFile.LockError.LockFailedError:
                    raise StartupRefused(
                        "数据库已被打开",
                        f"此数据库已在另一个程序窗口中打开（那个窗口用另一个路径或链接打开了同一个"
                        f"文件）：\n{self.path}\n\n请切换到已打开的窗口；如需同时查看其他数据，"
                        "请用 --db 打开另一个数据库文件。",
                        EXIT_LOCKED,
                    )
                # the cache folder is not writable or full: the lock beside the file still stands
        except StartupRefused:
            self.release()
            raise

    def release(self) -> None:
        while self._locks:
            self._locks.pop().unlock()

    def _take(self, lock_path: Path) -> QLockFile.LockError | None:
        """None when taken, else why not."""
        lock = QLockFile(str(lock_path))
        lock.setStaleLockTime(LOCK_STALE_MS)
        if not _try_lock_private(lock):
            if lock.error() != QLockFile.LockError.LockFailedError:
                return lock.error()
            # ...or at once when the process that held it is gone (QLockFile checks the PID)
            lock.removeStaleLockFile()
            if not _try_lock_private(lock):
                return lock.error()
        self._locks.append(lock)
        return None

    def _identity_lock_path(self) -> Path | None:
        try:
            info = os.stat(self.path)
            if not info.st_ino:
                return None
            folder = lock_dir()
            folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
        except OSError:
            return None
        return folder / f"{info.st_dev:x}-{info.st_ino:x}.lock"

    def _refusal(self, error: QLockFile.LockError, lock_path: Path) -> tuple[str, str, int]:
        folder = lock_path.parent
        if error == QLockFile.LockError.LockFailedError:
            return (
                "数据库已被打开",
                f"此数据库已在另一个程序窗口中打开：\n{self.path}\n\n"
                "请切换到已打开的窗口；如需同时查看其他数据，请用 --db 打开另一个数据库文件。",
                EXIT_LOCKED,
            )
        if error == QLockFile.LockError.PermissionError:
            return (
                "无法打开数据库",
                f"数据库所在的文件夹是只读的，或您没有在其中写入的权限：\n{folder}\n\n"
                f"本程序要在数据库旁边写入锁文件（{lock_path.name}）和 -wal、-shm 文件。"
                "请把数据库复制到您有写入权限的文件夹（例如“文档”）后用 --db 打开。",
                EXIT_DB,
            )
        if _free_bytes(folder) < DISK_FULL_BYTES:
            return (
                "磁盘已满",
                f"数据库所在的磁盘已满，无法写入锁文件：\n{lock_path}\n\n"
                "请清理磁盘空间后重新启动本程序。",
                EXIT_DB,
            )
        return (
            "无法打开数据库",
            f"无法在数据库旁边写入锁文件（原因不明，可能是网络盘已断开或磁盘出错）：\n{lock_path}"
            "\n\n请检查该文件夹和磁盘后重新启动本程序。",
            EXIT_DB,
        )


def _try_lock_private(lock: QLockFile) -> bool:
    if os.name == "nt":
        return lock.tryLock(0)
    old = os.umask(0o077)
    try:
        return lock.tryLock(0)
    finally:
        os.umask(old)


def _free_bytes(folder: Path) -> int:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return DISK_FULL_BYTES  # cannot tell: not called full


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
        from dualleader_desktop.ui.main_window import MainWindow, remembered_branch, roster_sorted

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
