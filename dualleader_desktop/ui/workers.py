"""Long work off the GUI thread: a QRunnable whose signals arrive on the GUI thread.

The function runs with keyword arguments ``progress`` (a callable taking done, total) and
``is_cancelled`` when its signature asks for them, so services stay free of Qt.
"""

from __future__ import annotations

import inspect
import logging
import traceback

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.storage.errors import DatabaseError

log = logging.getLogger(__name__)
_running: set[Task] = set()


class TaskSignals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)


class Task(QRunnable):
    def __init__(self, fn, *args, **kwargs) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = TaskSignals()
        self._fn, self._args, self._kwargs = fn, args, kwargs
        self._cancelled = False
        accepted = inspect.signature(fn).parameters
        if "progress" in accepted:
            self._kwargs["progress"] = self.signals.progress.emit
        if "is_cancelled" in accepted:
            self._kwargs["is_cancelled"] = self.is_cancelled

    def cancel(self) -> None:
        self._cancelled = True

    def is_cancelled(self) -> bool:
        return self._cancelled

    def run(self) -> None:
        try:
            result = self._fn(*self._args, **self._kwargs)
        except (ServiceError, DatabaseError) as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # shown to the user rather than lost in a thread
            log.error("background task failed:\n%s", traceback.format_exc())
            self.signals.failed.emit(f"内部错误：{exc}。请把此信息告诉维护人员。")
        else:
            self.signals.finished.emit(result)


def run_task(fn, *args, **kwargs) -> Task:
    """Run ``fn`` on the global thread pool; the task is kept alive until it ends."""
    task = Task(fn, *args, **kwargs)
    _running.add(task)
    # released on the GUI thread, once its signals have been delivered there
    task.signals.finished.connect(lambda _result: _running.discard(task))
    task.signals.failed.connect(lambda _message: _running.discard(task))
    # started from the event loop, so the caller's connections exist before it can finish
    QTimer.singleShot(0, lambda: QThreadPool.globalInstance().start(task))
    return task
