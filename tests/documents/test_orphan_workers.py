"""A killed export leaves no worker processes behind (Linux: read from /proc)."""

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")

EXPORT = textwrap.dedent(
    """
    import os, sys, time

    from dualleader_desktop.documents import parallel
    from dualleader_desktop.documents.model import Document, Paragraph

    if __name__ == "__main__":
        os.cpu_count = lambda: 2  # two workers, however many cores the machine has
        parallel._start_method = lambda: sys.argv[1]
        documents = (Document(f"第{i}号", [Paragraph("内容" * 200)]) for i in range(40))
        results = parallel.render_all(documents, 40, want_docx=False)
        next(results)
        print("rendering", flush=True)
        time.sleep(120)  # killed here, its workers alive and waiting for the next document
    """
)


def stat(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of a process, None once it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2 :].split()
    return fields[0], int(fields[1])


def children_of(parent: int) -> list[int]:
    pids = (int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit())
    return [pid for pid in pids if (found := stat(pid)) is not None and found[1] == parent]


def running(pid: int) -> bool:
    found = stat(pid)
    return found is not None and found[0] not in "ZX"  # a zombie has ended


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_workers_end_when_the_export_is_killed(tmp_path, method):
    script = tmp_path / "export.py"
    script.write_text(EXPORT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    export = subprocess.Popen(
        [sys.executable, str(script), method], stdout=subprocess.PIPE, text=True, env=env
    )
    workers: list[int] = []
    try:
        assert export.stdout.readline().strip() == "rendering"
        workers = children_of(export.pid)
        assert workers, "the export started no worker processes"
        export.send_signal(signal.SIGKILL)
        export.wait()
        deadline = time.monotonic() + 5
        while any(running(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in workers if running(pid)], "workers outlived the export"
    finally:
        if export.poll() is None:
            export.kill()
            export.wait()
        for pid in workers:  # only what this test started, by pid
            if running(pid):
                os.kill(pid, signal.SIGKILL)
        export.stdout.close()
