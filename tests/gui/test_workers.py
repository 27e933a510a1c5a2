import time

from dualleader_desktop.services.errors import ServiceError
from dualleader_desktop.ui.workers import run_task


def test_result_arrives_through_finished(qtbot):
    task = run_task(lambda a, b: a + b, 2, 3)
    with qtbot.waitSignal(task.signals.finished, timeout=3000) as blocker:
        pass
    assert blocker.args == [5]


def test_service_error_arrives_through_failed(qtbot):
    def refuse():
        raise ServiceError("磁盘空间已满")

    task = run_task(refuse)
    with qtbot.waitSignal(task.signals.failed, timeout=3000) as blocker:
        pass
    assert blocker.args == ["磁盘空间已满"]


def test_progress_and_cancel(qtbot):
    def work(progress, is_cancelled):
        for done in range(1, 200):
            if is_cancelled():
                raise ServiceError("已取消")
            progress(done, 200)
            time.sleep(0.005)
        return "finished"

    task = run_task(work)
    with qtbot.waitSignal(task.signals.progress, timeout=3000):
        pass
    task.cancel()
    with qtbot.waitSignal(task.signals.failed, timeout=3000) as blocker:
        pass
    assert blocker.args == ["已取消"]
