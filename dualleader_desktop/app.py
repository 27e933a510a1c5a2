"""Start the program: one copy per database, the database opened and upgraded, the window shown.

``--smoke`` does the same up to the first shown window (with the roster in it), prints the
start-up time and exits; the packaging checks and benchmarks/bench_startup.py use it.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QApplication, QMessageBox

from dualleader_desktop import APP_ID, APP_NAME, STARTED
from dualleader_desktop.paths import default_db_path
from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.storage.database import Database, DatabaseError

LOCK_STALE_MS = 60 * 60 * 1000  # a lock left by a crash is taken over after an hour...
EXIT_LOCKED, EXIT_DB = 1, 2


def run(db: str | None = None, smoke: bool = False, demo: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("DualLeader")
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    from dualleader_desktop.ui.style import apply_style

    apply_style(app)
    path = default_db_path(db)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(path) + ".lock")
    lock.setStaleLockTime(LOCK_STALE_MS)
    if not lock.tryLock(0):
        # ...or at once when the process that held it is gone (QLockFile checks the PID)
        lock.removeStaleLockFile()
        if not lock.tryLock(0):
            return _refuse(
                smoke,
                "数据库已被打开",
                f"此数据库已在另一个程序窗口中打开：\n{path}\n\n"
                "请切换到已打开的窗口；如需同时查看其他数据，请用 --db 打开另一个数据库文件。",
                EXIT_LOCKED,
            )
    try:
        database = Database.open_file(path)
        if demo and database.is_empty():
            from dualleader_desktop.services.demo import populate_demo

            populate_demo(database)
    except (DatabaseError, ServiceError) as exc:
        return _refuse(smoke, "无法打开数据库", str(exc), EXIT_DB)
    from dualleader_desktop.ui.main_window import MainWindow

    window = MainWindow(database)
    window.show()
    if smoke:
        return _smoke(app, window, database, lock)
    code = app.exec()
    database.dispose()
    lock.unlock()
    return code


def _smoke(app: QApplication, window, database: Database, lock: QLockFile) -> int:
    """Wait until the window is really shown, print the start-up time, close everything."""
    deadline = time.perf_counter() + 30
    while not window.windowHandle() or not window.windowHandle().isExposed():
        app.processEvents()
        if time.perf_counter() > deadline:
            print("smoke: the window was not shown within 30 s", file=sys.stderr)
            return 3
    app.processEvents()
    print(f"startup-ms: {round((time.perf_counter() - STARTED) * 1000)}", flush=True)
    window.close()
    database.dispose()
    lock.unlock()
    return 0


def _refuse(smoke: bool, title: str, text: str, code: int) -> int:
    if smoke:
        print(text, file=sys.stderr)
    else:
        QMessageBox.critical(None, title, text)
    return code
