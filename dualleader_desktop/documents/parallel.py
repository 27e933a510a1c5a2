"""Render many documents on every core: the PDF first (its page count goes into the 归档章 of
the .docx), then the .docx, in worker processes.

Workers are forked where that is safe and spawned otherwise (see ``_start_method``); a spawned
worker needs ~0.5 s to import reportlab and python-docx and read its fonts, so small batches
render in this process. The caller makes the fonts of all the documents ready first
(``pdf_render.prepare_fonts``): a forked worker inherits them, a spawned one reads them from
the cache folder, and neither converts a font again (documents/font_subsets.py). A worker ends when the process that started it dies (see
``end_with_parent``): a killed export leaves no workers behind.

A worker hands its documents back as files, not through the pool's result pipe (see
``_render_into``): a worker killed while it wrote a large result into the pipe left half a
message there, and CPython's executor then waited for the rest for ever (seen in the fault
round: an export with a killed worker hung, its stack in ``wait_result_broken_or_wakeup``).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace

from dualleader_desktop import staging
from dualleader_desktop.documents.layout import GBT_9704, LayoutProfile
from dualleader_desktop.documents.model import Document
from dualleader_desktop.documents.pdfa import Provenance

log = logging.getLogger(__name__)
PARALLEL_FROM = 24  # documents; below this the workers' start-up costs more than it saves
PARENT_POLL_S = 0.5  # how often a worker on POSIX looks whether its parent still lives


def end_with_parent(parent_pid: int) -> None:
    """Pool initializer: the worker ends as soon as the process that started it dies.

    A killed export (kill -9, the task manager, a crash) would otherwise leave every worker
    waiting for work forever, ~80 MB each and the files it inherited still open: nothing
    tells a worker blocked on the pool's queue that nobody will ever write to it. A daemon
    thread watches the parent and ends the worker with ``os._exit``."""
    threading.Thread(
        target=_watch_parent, args=(parent_pid,), name="parent-watch", daemon=True
    ).start()


def _watch_parent(parent_pid: int) -> None:
    if os.name == "nt":
        # Windows gives an orphan no new parent (its os.getppid() stays the same), but a
        # spawned worker holds a handle of its parent, opened by multiprocessing at start-up,
        # which becomes signalled when the parent ends: wait on it, no polling.
        from multiprocessing.connection import wait

        parent = multiprocessing.parent_process()
        if parent is None or parent.sentinel is None:
            return
        wait([parent.sentinel])
    else:
        # POSIX hands an orphan to init (or a subreaper): the parent's pid is gone from getppid
        while os.getppid() == parent_pid:
            time.sleep(PARENT_POLL_S)
    os._exit(1)


def can_fork() -> bool:
    """Whether this process may be forked: on the command line (no Qt, main thread, no other
    Python thread). The GUI exports from a Qt pool thread, and Qt's own threads are invisible
    to ``threading``, so a process with Qt loaded is never forked."""
    single_threaded = (
        "PySide6" not in sys.modules
        and threading.current_thread() is threading.main_thread()
        and threading.active_count() == 1
    )
    return single_threaded and "fork" in multiprocessing.get_all_start_methods()


def _start_method() -> str:
    """fork where it is safe (``can_fork``): the workers inherit the loaded modules and
    registered fonts. Otherwise spawn."""
    return "fork" if can_fork() else "spawn"


class RenderError(Exception):
    """The document at ``index`` (in the order given to ``render_all``) could not be rendered;
    ``reason`` is what went wrong (the original exception is chained as the cause), so the
    caller can name the record even when a worker process failed."""

    def __init__(self, index: int, reason: str) -> None:
        super().__init__(f"document {index}: {reason}")
        self.index = index
        self.reason = reason


def _render_numbered(
    index: int,
    document: Document,
    want_docx: bool,
    provenance: Provenance,
    profile: LayoutProfile = GBT_9704,
):
    try:
        return render_both(document, want_docx, provenance, profile)
    except Exception as exc:
        raise RenderError(index, str(exc) or type(exc).__name__) from exc


def render_both(
    document: Document,
    want_docx: bool = True,
    provenance: Provenance | None = None,
    profile: LayoutProfile = GBT_9704,
) -> tuple[bytes, bytes | None, int]:
    """(pdf, docx or None, page count) of one document; the .docx stamp carries the count.
    ``provenance``: the branch and time the PDF's metadata name (pdf_render.render_pdf);
    ``profile``: the layout both follow."""
    from dualleader_desktop.documents.docx_render import render_docx
    from dualleader_desktop.documents.package import pdf_page_count
    from dualleader_desktop.documents.pdf_render import render_pdf

    pdf = render_pdf(document, profile=profile, provenance=provenance)
    pages = pdf_page_count(pdf)
    docx = None
    if want_docx:
        if document.stamp is not None:
            document = replace(document, stamp=replace(document.stamp, pages=str(pages)))
        docx = render_docx(document, profile=profile)
    return pdf, docx, pages


def _render_into(
    folder: str,
    document: Document,
    want_docx: bool,
    provenance: Provenance | None = None,
    profile: LayoutProfile = GBT_9704,
) -> tuple[str, str | None, int]:
    """In a worker: render, write the bytes into files in ``folder``, return their names.

    The result message stays a few hundred bytes, which a pipe takes in one write (POSIX
    makes writes up to PIPE_BUF, at least 512 bytes and 4 KiB on Linux, atomic), so a worker
    killed at any moment leaves either its whole message or none."""
    pdf, docx, pages = render_both(document, want_docx, provenance, profile)
    names = []
    for data, suffix in ((pdf, ".pdf"), (docx, ".docx")):
        if data is None:
            names.append(None)
            continue
        handle, name = tempfile.mkstemp(dir=folder, suffix=suffix)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        names.append(name)
    return names[0], names[1], pages


def _collect(result: tuple[str, str | None, int]) -> tuple[bytes, bytes | None, int]:
    """The rendered bytes of a worker's files, which go once read."""
    pdf_name, docx_name, pages = result
    found = []
    for name in (pdf_name, docx_name):
        if name is None:
            found.append(None)
            continue
        with open(name, "rb") as fh:
            found.append(fh.read())
        os.unlink(name)
    return found[0], found[1], pages


def render_all(
    documents: Iterable[Document],
    count: int,
    *,
    want_docx: bool = True,
    is_cancelled: Callable[[], bool] | None = None,
    provenance: Provenance | None = None,
    profile: LayoutProfile = GBT_9704,
) -> Iterator[tuple[bytes, bytes | None, int]]:
    """Results in the order of ``documents`` (``count`` of them); stops (and drops queued
    work) when cancelled. ``documents`` may be a generator: each is sent to the workers as
    soon as it is built, so reading the records overlaps rendering the first ones. A document
    that cannot be rendered raises RenderError with its index. Every PDF names ``provenance``
    (by default none and the time rendering began)."""
    provenance = provenance or Provenance()
    workers = os.cpu_count() or 1
    if count < PARALLEL_FROM or workers < 2:
        for index, document in enumerate(documents):
            if is_cancelled and is_cancelled():
                return
            yield _render_numbered(index, document, want_docx, provenance, profile)
        return
    context = multiprocessing.get_context(_start_method())
    done = 0
    built: list[Document] = []
    folder = staging.temp_dir("dl-render-")  # private; a killed export's is swept next time
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=end_with_parent,
        initargs=(os.getpid(),),
    ) as pool:
        futures = []
        try:
            # workers that cannot start (e.g. the main module cannot be re-imported) break the
            # pool, at a submit or a result: this process then finishes rather than fail
            broken = False
            for document in documents:
                if is_cancelled and is_cancelled():
                    return
                built.append(document)
                if not broken:
                    try:
                        futures.append(
                            pool.submit(
                                _render_into, str(folder), document, want_docx, provenance, profile
                            )
                        )
                    except BrokenProcessPool:
                        broken = True
            for future in futures:
                if is_cancelled and is_cancelled():
                    return
                try:
                    result = _collect(future.result())
                except BrokenProcessPool:
                    broken = True
                    break
                except Exception as exc:  # raised in the worker: which document is known here
                    raise RenderError(done, str(exc) or type(exc).__name__) from exc
                done += 1
                yield result
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            shutil.rmtree(folder, ignore_errors=True)
    if broken:
        log.warning("worker processes unavailable; rendering in this process")
    for index, document in enumerate(built[done:], start=done):
        if is_cancelled and is_cancelled():
            return
        yield _render_numbered(index, document, want_docx, provenance, profile)
