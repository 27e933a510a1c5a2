"""The main window sweeps unreferenced attachment files once after start, off the GUI thread."""

from __future__ import annotations

import os
import threading
import time

from PySide6.QtCore import QThreadPool

from dualleader_desktop.services import attachments
from dualleader_desktop.services.meetings import MeetingService
from dualleader_desktop.ui import main_window
from dualleader_desktop.ui.main_window import MainWindow


def test_the_window_sweeps_old_orphans_after_start(qtbot, db, tmp_path, monkeypatch):
    source = tmp_path / "照片.jpg"
    source.write_bytes(b"copied in by a save that was killed")
    store = MeetingService(db).attachments
    sha256, _size, suffix, _new = store.put(source)
    orphan = store.path_for(sha256, suffix)
    then = time.time() - 3 * 24 * 60 * 60
    os.utime(orphan, (then, then))
    threads = []
    sweep = attachments.AttachmentService.sweep_orphans

    def recorded(self, *args, **kwargs):
        threads.append(threading.current_thread())
        return sweep(self, *args, **kwargs)

    monkeypatch.setattr(attachments.AttachmentService, "sweep_orphans", recorded)
    monkeypatch.setattr(main_window, "HOUSEKEEPING_DELAY_MS", 0)
    window = MainWindow(db)
    qtbot.addWidget(window)

    qtbot.waitUntil(lambda: not orphan.exists(), timeout=5000)
    assert threads and threads[0] is not threading.main_thread()
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0)
