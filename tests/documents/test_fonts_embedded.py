"""Every PDF embeds every font it draws with (documents/fonts.py, documents/font_subsets.py),
read back with pypdf.

The first tests use the machine's own Chinese fonts (here Noto CJK: OpenType/CFF collections,
which reportlab cannot embed as they are) and are skipped, saying so, on a machine without any.
The rest build fonts of their own (tests/font_factory.py), so they run anywhere."""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pypdf
import pytest

from dualleader_desktop import paths
from dualleader_desktop.demo import populate_demo
from dualleader_desktop.documents import builders, font_subsets, fonts
from dualleader_desktop.documents.model import ArchiveStamp, Document, Field, Paragraph, Style
from dualleader_desktop.documents.package import CatalogueEntry
from dualleader_desktop.documents.pdf_render import prepare_fonts, render_pdf, role_texts
from dualleader_desktop.services.archive import ArchiveSettingsInfo
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.storage.database import Database
from tests.conftest import TODAY
from tests.font_factory import make_otf, make_ttf

machine_fonts = pytest.mark.skipif(
    not fonts.candidate_sources(), reason="no Chinese font on this machine (fc-list :lang=zh)"
)


def pdf_fonts(data: bytes) -> dict[str, pypdf.generic.DictionaryObject]:
    """Every font resource of every page (descendants of composite fonts included), by name."""
    found = {}
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            for item in [font, *(d.get_object() for d in font.get("/DescendantFonts", []))]:
                found[item["/BaseFont"]] = item
    return found


def embedded(font) -> bool:
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and "/FontFile2" in descriptor.get_object()


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "".join(page.extract_text() for page in reader.pages).replace("\n", "")


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """An empty cache folder, nothing converted in this process, the counts at zero: as in a
    program started for the first time."""
    folder = tmp_path / "font-cache"
    monkeypatch.setenv(paths.FONT_CACHE_ENV_VAR, str(folder))
    monkeypatch.setattr(font_subsets, "_converted", {})
    monkeypatch.setattr(font_subsets, "STATS", Counter())
    return folder


@pytest.fixture(scope="module")
def demo_archive(tmp_path_factory):
    db = Database.open_file(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    populate_demo(db, 2025, today=TODAY)
    archive = BranchServices(db).archive
    archive.save_settings(ArchiveSettingsInfo(fonds="Z001", organization_code="DZB"))
    return archive


@machine_fonts
def test_minutes_and_catalogue_embed_every_font_they_use(demo_archive):
    items = demo_archive.plan(2025)
    item = items[0]  # a meeting: the plan lists meetings first
    minutes = demo_archive.document(item.kind, item.record_id, "机电工程学院教师党支部")
    minutes.stamp = ArchiveStamp("Z001", "2025", "0001", "DZB", item.retention.value)
    entries = [
        CatalogueEntry(n, i.archival_code("Z001", 2025), "党支部", i.title, f"{i.on:%Y%m%d}", 2)
        for n, i in enumerate(items, start=1)
    ]
    catalogue = builders.catalogue_document(
        "归档文件目录（永久）", entries, {"全宗号": "Z001", "年度": "2025"}
    )
    for document in (minutes, catalogue):
        data = render_pdf(document)
        used = pdf_fonts(data)
        assert used and all(embedded(font) for font in used.values()), list(used)
        assert not any("STSong" in name or "Helvetica" in name for name in used)
        text = pdf_text(data)
        assert document.title in text
    chair = next(b for b in minutes.blocks if isinstance(b, Field) and b.label == "主持人")
    assert chair.value in pdf_text(render_pdf(minutes))
    catalogue_text = pdf_text(render_pdf(catalogue))
    assert "Z001-WS·2025-" in catalogue_text  # the middle dot of every 档号, not a box
    assert entries[-1].code in catalogue_text


@machine_fonts
def test_the_machine_faces_are_chosen_by_role():
    chosen = {role: fonts.chain(role)[0] for role in fonts.ROLES}
    if any(s.kind == "hei" for s in fonts.candidate_sources()):
        assert chosen["heading1"].kind == "hei"  # 黑体: a sans face
    if any(s.kind in ("song", "fangsong") for s in fonts.candidate_sources()):
        assert chosen["body"].kind in ("fangsong", "song")  # 仿宋, else a serif (宋体) face
    if any(s.kind == "song" and s.bold for s in fonts.candidate_sources()):
        assert chosen["title"].bold  # 宋体 bold where no 小标宋 exists


def test_an_opentype_cff_font_is_converted_and_embedded(tmp_path, monkeypatch, fresh_cache):
    otf = make_otf(tmp_path / "serif.otf", ALL_TEXT + "王伟")
    source = fonts._read_sources(otf)[0]
    assert source.cff
    monkeypatch.setattr(fonts, "candidate_sources", lambda: (source,))
    data = render_pdf(sample(stamp=True))
    used = pdf_fonts(data)
    assert len(used) == 1
    ((name, font),) = used.items()
    assert "+DLTestOTF" in name and embedded(font)  # a subset, in the PDF
    assert "会议记录" in pdf_text(data) and "王伟传达精神。" in pdf_text(data)


def test_a_character_the_face_lacks_comes_from_the_next_font(tmp_path, monkeypatch, fresh_cache):
    document = sample()
    document.blocks.append(Field("档号", "Z001-WS·2025-D30-DZB-0001"))
    first = make_ttf(tmp_path / "first.ttf", document.text().replace("·", "") + ASCII + "—：_　")
    second = make_otf(tmp_path / "second.otf", "·")
    monkeypatch.setattr(fonts, "candidate_sources", lambda: tuple(fonts._read_sources(second)))
    faces = fonts.faces(role_texts(document), extra=(str(first),))
    assert faces["body"].primary.path == str(first)
    assert faces["body"].fallback["·"].path == str(second)
    assert [run for _face, run in faces["body"].runs("Z001-WS·2025")] == ["Z001-WS", "·", "2025"]
    data = render_pdf(document, extra_fonts=(str(first),))
    used = pdf_fonts(data)
    assert any("DLTestOTF" in name for name in used)  # the fallback, for "·" only
    assert any("DLTest" in name and "DLTestOTF" not in name for name in used)
    assert all(map(embedded, used.values()))
    assert "Z001-WS·2025-D30-DZB-0001" in pdf_text(data)


def test_a_package_converts_each_font_once(tmp_path, monkeypatch, fresh_cache):
    """prepare_fonts asks for all documents' characters at once: rendering them converts
    nothing more, in this process or (from the cache folder) in another one."""
    words = ["马涛", "蔡敏", "王伟", "李娜", "张静", "刘洋", "陈晨", "杨帆", "赵磊", "黄丽"]
    glyphs = "".join(words) + ALL_TEXT + "欧阳"
    serif = make_otf(tmp_path / "serif.otf", glyphs, family="Serif SC")
    sans = make_otf(tmp_path / "sans.otf", glyphs, family="Sans SC")
    sources = (*fonts._read_sources(serif), *fonts._read_sources(sans))
    monkeypatch.setattr(fonts, "candidate_sources", lambda: sources)
    documents = [sample(name) for name in words]
    prepare_fonts(documents)
    # body and title: the serif face; headings: the sans one (黑体); one conversion each
    stats = font_subsets.STATS
    assert stats["converted"] == 2
    for document in documents:
        assert "一、会议议程" in pdf_text(render_pdf(document))
    assert stats["converted"] == 2 and stats["memory"] >= len(documents)
    assert len(list(fresh_cache.glob("*.ttf"))) == 2
    # another process: only the folder is shared
    monkeypatch.setattr(font_subsets, "_converted", {})
    render_pdf(documents[3])
    assert stats["converted"] == 2 and stats["disk"] == 2
    render_pdf(sample("欧阳"))  # characters never asked for: converted anew
    assert stats["converted"] > 2


def test_without_any_chinese_font_the_cid_font_is_used_and_said(monkeypatch, caplog):
    monkeypatch.setattr(fonts, "candidate_sources", lambda: ())
    fonts.cid_fallback.cache_clear()  # another test may have fallen back already
    assert not fonts.embedding_available()
    with caplog.at_level(logging.WARNING, logger=fonts.__name__):
        data = render_pdf(sample())
        render_pdf(sample("王伟"))  # a second document: no second warning
    used = pdf_fonts(data)
    assert any("STSong-Light" in name for name in used)
    warnings = [r for r in caplog.records if "STSong-Light" in r.message]
    assert len(warnings) == 1 and "not embedded" in warnings[0].message


def test_a_damaged_font_is_passed_over(tmp_path, monkeypatch, fresh_cache):
    broken = tmp_path / "broken.otf"
    broken.write_bytes(b"OTTO" + b"\0" * 64)
    assert fonts._read_sources(broken) == []
    good = make_otf(tmp_path / "good.otf", ALL_TEXT + "王伟")
    damaged = fonts.Source(str(broken), 0, "Broken Serif SC", bold=False, cff=True)
    monkeypatch.setattr(fonts, "candidate_sources", lambda: (damaged, *fonts._read_sources(good)))
    used = pdf_fonts(render_pdf(sample("王伟")))
    assert len(used) == 1 and all(map(embedded, used.values()))


def test_processes_the_tests_start_keep_fonts_in_the_session_folder(font_cache_dir):
    """The CLI and spawned render workers convert fonts too: the folder is in the environment
    they inherit, so none of them writes into the user's cache folder."""
    code = "from dualleader_desktop import paths; print(paths.font_cache_dir())"
    child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert child.stdout.strip() == str(font_cache_dir.resolve())


ASCII = "".join(chr(c) for c in range(0x20, 0x7F))
ALL_TEXT = "会议记录时间一、程主持人：传达精神年月日期。" + ASCII + "—_　\u00a0·"


def sample(name: str = "王伟", stamp: bool = True) -> Document:
    return Document(
        "会议记录",
        [
            Field("时间", "2025年10月9日 14:30—16:00"),
            Field("主持人", name),
            Paragraph("一、会议议程", Style.HEADING1),
            Paragraph(f"{name}传达精神。"),
        ],
        signatures=["主持人"],
        stamp=ArchiveStamp("Z001", "2025", "0001", "DZB", "D30") if stamp else None,
    )


SIDE_BY_SIDE = """
import os, sys
from pathlib import Path
from dualleader_desktop.documents import font_subsets
from tests.font_factory import make_otf

folder, text = Path(sys.argv[1]), sys.argv[2]
convert = font_subsets.convert
def recorded(*args, **kwargs):  # which process converts
    (folder / f"converted-by-{os.getpid()}").touch()
    return convert(*args, **kwargs)
font_subsets.convert = recorded
requests = [
    (str(make_otf(folder / f"{name}.otf", text, family=f"{name} SC")), 0, frozenset(text))
    for name in ("Serif", "Sans")
]
font_subsets.convert_ahead(requests)
print(os.getpid(), font_subsets.STATS["converted"])
for path, index, chars in requests:  # both ready in this process: nothing converted again
    font_subsets.subset(path, index, chars)
print(font_subsets.STATS["converted"], font_subsets.STATS["memory"])
"""


def test_a_first_export_converts_its_fonts_side_by_side(tmp_path):
    """On the command line (forking is safe) the faces a package needs are converted in
    processes of their own at once, and kept here as if converted here."""
    env = {**os.environ, paths.FONT_CACHE_ENV_VAR: str(tmp_path / "cache")}
    child = subprocess.run(
        [sys.executable, "-c", SIDE_BY_SIDE, str(tmp_path), ALL_TEXT + "王伟"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    (parent, converted), (after, memory) = (line.split() for line in child.stdout.splitlines())
    workers = {p.name.removeprefix("converted-by-") for p in tmp_path.glob("converted-by-*")}
    assert len(workers) == 2 and parent not in workers  # two other processes, one font each
    assert (converted, after, memory) == ("2", "2", "2")
    assert len(list((tmp_path / "cache").glob("*.ttf"))) == 2
