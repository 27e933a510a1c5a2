"""Guard against a PySide6 build that mis-counts references to None and True/False.

PySide6 6.12.0 on Python 3.11 decrements them on every slot call and disconnect; after some
thousands of calls the interpreter aborts ("deallocating None"). pyproject.toml excludes it;
this test fails if such a build is installed anyway.
"""

import sys

from PySide6.QtCore import QObject, QTimer, Signal


class Emitter(QObject):
    fired = Signal(object)


def test_slot_calls_keep_none_and_bools_counted(qapp):
    emitter = Emitter()
    received = []
    before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(200):
        emitter.fired.connect(received.append)
        emitter.fired.emit(1)
        emitter.fired.disconnect(received.append)
        QTimer.singleShot(0, lambda: None)
    qapp.processEvents()
    after = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    assert len(received) == 200
    # allow for unrelated churn; the bad build loses hundreds here
    assert all(abs(a - b) < 50 for a, b in zip(after, before, strict=True)), (before, after)
