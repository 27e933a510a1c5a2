"""A record that cannot be written stops the export with its name, and leaves nothing behind."""

import pytest

from dualleader_desktop.documents import parallel
from dualleader_desktop.documents.model import Document, Paragraph


@pytest.mark.parametrize("workers", [True, False], ids=["worker processes", "this process"])
def test_a_document_that_cannot_be_rendered_is_known_by_its_place(monkeypatch, workers):
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2 if workers else 100)
    docs = [
        Document("第一件", [Paragraph("内容")]),
        Document("第二件", [Paragraph(None)]),  # no text: fails in any process
        Document("第三件", [Paragraph("内容")]),
    ]
    with pytest.raises(parallel.RenderError) as caught:
        list(parallel.render_all(iter(docs), len(docs)))
    assert caught.value.index == 1
    assert caught.value.reason
