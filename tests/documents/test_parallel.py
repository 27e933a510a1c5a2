import io
import zipfile

import pypdf

from dualleader_desktop.documents import parallel
from dualleader_desktop.documents.model import ArchiveStamp, Document, Paragraph


def documents(n):
    """n documents titled 第1号, 第2号, …; their lengths go up and down (0, 2, 1, 3, 0, …
    long paragraphs), so results given back out of order show in titles and page counts."""
    return [
        Document(
            f"第{i}号",
            [Paragraph("内容" * 300)] * (0, 2, 1, 3)[(i - 1) % 4],
            stamp=ArchiveStamp("Z001", "2025", f"{i:04d}", "", "Y"),
        )
        for i in range(1, n + 1)
    ]


def test_worker_processes_return_results_in_order(monkeypatch):
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    docs = documents(4)
    results = list(parallel.render_all(iter(docs), len(docs)))
    titles, page_counts = [], []
    for pdf, docx, pages in results:
        reader = pypdf.PdfReader(io.BytesIO(pdf))
        assert len(reader.pages) == pages
        titles.append(reader.pages[0].extract_text().split()[0])
        page_counts.append(pages)
        with zipfile.ZipFile(io.BytesIO(docx)) as package:
            assert titles[-1] in package.read("word/document.xml").decode()
    assert titles == ["第1号", "第2号", "第3号", "第4号"]
    # not ascending (about 1, 3, 2, 4 pages): results given back as they finish would differ
    assert page_counts[0] < page_counts[2] < page_counts[1] < page_counts[3]


def test_cancel_stops_the_pool(monkeypatch):
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    seen = []
    results = parallel.render_all(
        documents(6), 6, want_docx=False, is_cancelled=lambda: len(seen) >= 2
    )
    for result in results:
        seen.append(result)
    assert len(seen) == 2
    assert seen[0][1] is None  # no .docx asked for


def test_a_broken_pool_finishes_in_this_process(monkeypatch):
    from concurrent.futures.process import BrokenProcessPool

    class BrokenFuture:
        def result(self):
            raise BrokenProcessPool("workers could not start")

    class BrokenPool:
        def __init__(self, **_kwargs):
            pass

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def submit(self, *_args):
            return BrokenFuture()

        def shutdown(self, **_kwargs):
            pass

    class PoolBrokenAtSecondSubmit(BrokenPool):
        submitted = 0

        def submit(self, *_args):
            self.submitted += 1
            if self.submitted > 1:
                raise BrokenProcessPool("a worker died")
            return BrokenFuture()

    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    for pool in (BrokenPool, PoolBrokenAtSecondSubmit):
        monkeypatch.setattr(parallel, "ProcessPoolExecutor", pool)
        results = list(parallel.render_all(iter(documents(3)), 3, want_docx=False))
        assert len(results) == 3 and all(pdf.startswith(b"%PDF") for pdf, _, _ in results)


def test_a_process_with_qt_is_never_forked(monkeypatch):
    import sys
    import types

    monkeypatch.setitem(sys.modules, "PySide6", types.ModuleType("PySide6"))
    assert parallel._start_method() == "spawn"


def test_workers_hand_back_files_so_a_result_message_is_one_pipe_write(tmp_path):
    """A worker killed while writing a large result into the pool's pipe left half a message
    that CPython's executor waited on for ever; the message is now a few hundred bytes."""
    import pickle

    [document] = documents(4)[3:]  # the longest: about four pages
    result = parallel._render_into(str(tmp_path), document, True)
    assert len(pickle.dumps(result)) < 512  # POSIX guarantees atomic pipe writes this small
    pdf, docx, pages = parallel._collect(result)
    assert pages == len(pypdf.PdfReader(io.BytesIO(pdf)).pages) >= 3
    assert docx.startswith(b"PK") and list(tmp_path.iterdir()) == []


def test_the_render_folder_goes_with_the_run(monkeypatch):
    made = []
    real = parallel.staging.temp_dir

    def recorded(prefix):
        made.append(real(prefix))
        return made[-1]

    monkeypatch.setattr(parallel.staging, "temp_dir", recorded)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    assert len(list(parallel.render_all(iter(documents(3)), 3, want_docx=False))) == 3
    [folder] = made
    assert folder.name.startswith("dl-render-") and not folder.exists()
