"""A long scan spread over workers in chunks reads exactly as in one pass: the pure steps
(survey, OCR of some pages, the file read given those pages), the chunk store, the jobs that
tie them together (in this process, and through the embedded broker with real workers), and
what happens when a chunk or a step fails or runs out of time."""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import signal
import sqlite3
import time
from pathlib import Path

import pypdf
import pytest
from PIL import Image
from sqlalchemy import func, select

from ingest.chunks import ChunkStore, Plan, chunk_ranges
from ingest.images import ocr_image_pages, read_image
from ingest.intake import collect
from ingest.jobs import (
    Handoff,
    finish_document,
    ocr_chunk,
    pending_documents,
    process_document,
    register,
)
from ingest.ocr import OcrOptions, OcrPage, OcrPart, OcrResult, TesseractEngine, ocr_pages
from ingest.pdf import ocr_pdf_pages, read_pdf, read_text_layer
from ingest.progress import document_progress
from ingest.runner import resume, run_embedded
from ingest.runtime import Runtime
from ingest.tasks import time_limits
from ingest.vietnamese import drop_stacked_tones, nfc
from models.domain import FileType, Line, Page, PageMethod, Problem, Word
from models.errors import ProcessingFailed
from models.settings import Settings
from models.storage import FileStore
from models.tables import Document, Dossier, PageRow, ProblemRow
from samples.render import Block, draw, layout_pages
from tests.builders import image_pdf, text_pdf, write_tree

OPTS = OcrOptions(deskew=False, orientation=False, searchable_pdf=False)


class HashEngine:
    """Reads a page as a digest of its pixels: each page its own text, the same every time,
    so a page OCR'd by a chunk and in one pass must come out the same."""

    def __init__(self, fail: BaseException | None = None, delay_s: float = 0.0) -> None:
        self.fail, self.delay_s = fail, delay_s
        self.calls = 0

    def recognize(self, image: Image.Image, *, options: OcrOptions, want_pdf: bool) -> OcrResult:
        self.calls += 1
        time.sleep(self.delay_s)
        if self.fail is not None:
            raise self.fail
        digest = hashlib.sha256(image.tobytes()).hexdigest()
        return OcrResult(f"Trang quét {digest[:12]}\nDòng hai {digest[12:20]}",
                         70.0 + int(digest[:2], 16) % 30, None)


def _scans(n: int, dpi: int = 100) -> list[Image.Image]:
    return [draw(layout_pages([Block(f"Trang {i + 1}: sáng kiến cải tiến số {i * 7}.")],
                              dpi=dpi)[0]) for i in range(n)]


def _mixed_pdf() -> bytes:
    """Text page, four scanned pages, a page whose text layer is broken, two more scans."""
    scans = _scans(7)
    broken = drop_stacked_tones(nfc("Việc quản lý hồ sơ bệnh án bằng giấy gây chậm trễ.\n" * 3))
    out = pypdf.PdfWriter()
    for part in (text_pdf([["ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN", "Kính gửi: Hội đồng sáng kiến"]]),
                 image_pdf(scans[:4], 100), image_pdf([scans[4]], 100, hidden_text=[broken]),
                 image_pdf(scans[5:], 100)):
        out.append(pypdf.PdfReader(io.BytesIO(part)))
    buf = io.BytesIO()
    out.write(buf)
    return buf.getvalue()


def _broken_tiff(frames: int = 5, broken: int = 3) -> bytes:
    """A multi-page TIFF whose frame ``broken`` (1-based) cannot be decoded."""
    imgs = [draw(layout_pages([Block(f"Ảnh {i + 1}")], dpi=60)[0]) for i in range(frames)]
    buf = io.BytesIO()
    imgs[0].save(buf, "TIFF", save_all=True, append_images=imgs[1:],
                 compression="tiff_adobe_deflate", dpi=(200, 200))
    data = bytearray(buf.getvalue())
    im = Image.open(io.BytesIO(bytes(data)))
    im.seek(broken - 1)
    offset = im.tag_v2[273][0]  # StripOffsets: where the frame's compressed data starts
    data[offset:offset + 8] = b"\xff" * 8
    return bytes(data)


# ---------------------------------------------------------------------------- pure steps


def test_chunk_ranges() -> None:
    assert chunk_ranges(range(1, 8), 2) == ((1, 2), (3, 4), (5, 6), (7, 7))
    assert chunk_ranges([10, 2, 3, 5, 9], 2) == ((2, 3), (5, 9), (10, 10))
    assert chunk_ranges([1, 2, 3], 4) == ((1, 3),)
    assert chunk_ranges([], 4) == ()


def test_pdf_read_from_chunks_equals_one_pass() -> None:
    data = _mixed_pdf()
    layer = read_text_layer(data, name="quet.pdf")
    assert layer.count == 8 and sorted(layer.ocr) == [2, 3, 4, 5, 6, 7, 8]
    assert layer.ocr[2] == 200  # the scan's own resolution, at least 200 DPI
    assert [p.code for p in layer.problems] == ["broken_text_layer"]
    one = read_pdf(data, name="quet.pdf", engine=HashEngine(), options=OPTS)
    done: dict[int, OcrPage] = {}
    for first, last in reversed(chunk_ranges(layer.ocr, 3)):  # any order
        part = {n: dpi for n, dpi in layer.ocr.items() if first <= n <= last}
        done.update({r.page.number: r for r in ocr_pdf_pages(data, part, engine=HashEngine(),
                                                            options=OPTS)})
    engine = HashEngine()
    spread = read_pdf(data, name="quet.pdf", engine=engine, options=OPTS, layer=layer, done=done)
    assert engine.calls == 0  # nothing OCR'd twice
    assert spread == one
    assert [p.method for p in one.pages] == [PageMethod.TEXT_LAYER] + [PageMethod.OCR] * 7
    # a page missing from the chunks is OCR'd there and then
    del done[5]
    again = read_pdf(data, name="quet.pdf", engine=engine, options=OPTS, done=done)
    assert engine.calls == 1 and again == one


def test_image_read_from_chunks_equals_one_pass_even_past_a_broken_frame() -> None:
    data = _broken_tiff()
    options = OcrOptions(deskew=False, orientation=False)  # with the searchable PDF
    one = read_image(data, name="quet.tif", engine=HashEngine(), options=options)
    assert len(one.pages) == 2 and [(p.code, p.page) for p in one.problems] == [("corrupt_file", 3)]
    for ranges in ([(1, 2), (3, 4), (5, 5)], [(1, 3), (4, 5)], [(4, 5), (1, 1)]):
        parts = [ocr_image_pages(data, a, b, name="quet.tif", engine=HashEngine(),
                                 options=options) for a, b in ranges]
        spread = read_image(data, name="quet.tif", engine=HashEngine(), options=options,
                            done=parts)
        assert spread.pages == one.pages and spread.problems == one.problems, ranges
        assert len(pypdf.PdfReader(io.BytesIO(spread.searchable_pdf)).pages) == 2
    whole = Image.new("L", (80, 80), 255)
    frames = io.BytesIO()
    whole.save(frames, "TIFF", save_all=True, append_images=[whole] * 5, dpi=(200, 200))
    tif = frames.getvalue()
    one = read_image(tif, engine=HashEngine(), options=OPTS)
    parts = [ocr_image_pages(tif, a, b, engine=HashEngine(), options=OPTS) for a, b in [(1, 4), (5, 6)]]
    assert read_image(tif, engine=HashEngine(), options=OPTS, done=parts) == one


def test_chunk_store_round_trip_and_first_plan_wins(tmp_path: Path) -> None:
    store = ChunkStore(tmp_path / "chunks")
    plan = Plan(7, "ab" * 32, FileType.PDF, 9, {2: 300, 3: 300, 5: 200, 9: 300},
                chunk_ranges([2, 3, 5, 9], 2))
    assert store.put_plan(plan) == plan
    other = Plan(7, "ab" * 32, FileType.PDF, 9, {2: 300}, ((2, 2),))
    assert store.put_plan(other) == plan  # a second planner gets the first plan
    assert store.plan(7) == plan and store.plan(8) is None
    page = OcrPage(Page(2, "Dòng một\nDòng hai", PageMethod.OCR, 91.5,
                        (Line("Dòng một", size=13.1), Line("Dòng hai", bold=True)), ("HOSO-SEP-0001",),
                        (Word("Dòng", 10, 20, 30, 40, 0, 88), Word("hai", 35, 20, 50, 40, 1))),
                   b"%PDF-1.4 \x00\xff", (Problem("low_confidence", "Thấp", page=2, stage="ocr",
                                                  detail="x"),), 90, -1.25)
    part = OcrPart(2, 3, (page,), Problem("corrupt_file", "Hỏng", page=3, stage="read"))
    assert store.missing(plan) == [(2, 3), (5, 9)] and store.parts(plan) is None
    store.put_part(7, part)
    assert store.part(7, 2, 3) == part
    assert store.missing(plan) == [(5, 9)] and store.pages_done(plan) == 2
    store.put_part(7, OcrPart(5, 9, ()))
    assert [p.first for p in store.parts(plan)] == [2, 5]
    assert [store.tried(7, 5, 9) for _ in range(3)] == [1, 2, 3]
    assert not list((tmp_path / "chunks" / "7").glob(".in-*"))  # no temporary file left
    assert store.documents() == [7]
    store.drop(7)
    assert store.documents() == [] and store.plan(7) is None


def test_a_time_limit_while_waiting_for_pages_is_not_a_lost_page() -> None:
    """Celery's soft time limit is raised in the task's thread, which waits for OCR threads:
    it must go up at once, not become an ``ocr_failed`` page and let the file go on."""

    class TimeLimit(Exception):
        pass

    def interrupt(*_: object) -> None:
        raise TimeLimit()

    images = [(n, Image.new("L", (50, 50), 255)) for n in range(1, 6)]
    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, 0.3)
    started = time.monotonic()
    try:
        with pytest.raises(TimeLimit):
            ocr_pages(images, engine=HashEngine(delay_s=1.0), options=OPTS)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert time.monotonic() - started < 1.5  # it did not wait for the pages in flight


# ---------------------------------------------------------------------------- jobs


def _runtime(tmp_path: Path, name: str, engine=None, **settings) -> Runtime:
    return Runtime(Settings(home=tmp_path / name, _env_file=None, **settings),
                   engine=engine or HashEngine())


def _rows(rt: Runtime) -> dict:
    """Everything a reading persisted, without row ids."""
    with rt.db.session() as s:
        doc = s.scalars(select(Document).where(Document.position == 0)).first()
        return {
            "doc": (doc.status, doc.file_type, doc.page_count, doc.ocr_pages,
                    doc.mean_confidence, doc.kind, doc.segments),
            "pages": [(p.number, p.text, p.method, p.confidence, p.lines, p.words)
                      for p in doc.pages],
            "problems": sorted((p.stage, p.page or 0, p.code, p.detail or "") for p in
                               s.scalars(select(ProblemRow))),
            "dossiers": [(d.status, d.formed_by, json.dumps(d.understanding, sort_keys=True))
                         for d in s.scalars(select(Dossier).order_by(Dossier.id))],
        }


class Spread:
    """A Handoff that keeps what jobs send, to run it later in any order."""

    def __init__(self, chunk_pages: int = 2, interrupts: tuple = ()) -> None:
        self.chunks: list[tuple[int, int, int]] = []
        self.finishes: list[int] = []
        self.hand = Handoff(fan_out=lambda d, r: self.chunks.extend((d, a, b) for a, b in r),
                            finish=self.finishes.append, chunk_pages=chunk_pages,
                            interrupts=interrupts)


def test_spread_document_ends_as_read_in_one_pass(tmp_path: Path) -> None:
    folder = write_tree(tmp_path / "hs", {"quet.pdf": _mixed_pdf()})
    one = _runtime(tmp_path, "one")
    register(one, collect([folder], one.limits))
    (doc_id,) = pending_documents(one)
    assert process_document(one, doc_id, one.read_context()) == "done"

    rt = _runtime(tmp_path, "spread")
    register(rt, collect([folder], rt.limits))
    ctx = rt.read_context()
    with rt.db.session() as s:
        assert document_progress(s, rt.chunks, [doc_id]) == {doc_id: (0, 0)}  # not surveyed
    spread = Spread(chunk_pages=2)
    assert process_document(rt, doc_id, ctx, hand=spread.hand) == "running"
    assert [c[1:] for c in spread.chunks] == [(2, 3), (4, 5), (6, 7), (8, 8)]
    with rt.db.session() as s:
        assert document_progress(s, rt.chunks, [doc_id]) == {doc_id: (1, 8)}  # the text page
    random.Random(4).shuffle(spread.chunks)
    for i, (d, first, last) in enumerate(spread.chunks):
        assert ocr_chunk(rt, d, first, last, ctx, hand=spread.hand) == "running"
        ocr_chunk(rt, d, first, last, ctx, hand=spread.hand)  # delivered twice: no harm
        assert spread.finishes == ([doc_id] * 2 if i == 3 else [])  # once all are in
    with rt.db.session() as s:
        assert document_progress(s, rt.chunks, [doc_id]) == {doc_id: (8, 8)}
        assert s.get(Document, doc_id).status == "running"
    assert finish_document(rt, doc_id, ctx, hand=spread.hand) == "done"
    assert finish_document(rt, doc_id, ctx, hand=spread.hand) == "done"  # the second: nothing
    assert _rows(rt) == _rows(one)
    assert rt.chunks.documents() == []  # the chunks went with the finish
    with rt.db.session() as s:
        assert s.scalar(select(func.count()).select_from(PageRow)) == 8
        assert s.get(Document, doc_id).attempts == 1
        assert document_progress(s, rt.chunks, [doc_id]) == {doc_id: (8, 8)}


def test_a_restarted_spread_sends_only_the_chunks_left(tmp_path: Path) -> None:
    folder = write_tree(tmp_path / "hs", {"quet.pdf": image_pdf(_scans(5), 100)})
    rt = _runtime(tmp_path, "var")
    register(rt, collect([folder], rt.limits))
    (doc_id,) = pending_documents(rt)
    ctx = rt.read_context()
    first = Spread()
    process_document(rt, doc_id, ctx, hand=first.hand)
    ocr_chunk(rt, doc_id, 3, 4, ctx, hand=first.hand)  # then the worker died
    assert pending_documents(rt) == [doc_id]
    again = Spread()
    assert process_document(rt, doc_id, ctx, hand=again.hand) == "running"
    assert [c[1:] for c in again.chunks] == [(1, 2), (5, 5)]
    for d, a, b in again.chunks:
        ocr_chunk(rt, d, a, b, ctx, hand=again.hand)
    assert again.finishes == [doc_id]
    # a finish message lost with its worker: the document's own message hands it on again
    third = Spread()
    assert process_document(rt, doc_id, ctx, hand=third.hand) == "running"
    assert third.chunks == [] and third.finishes == [doc_id]
    assert finish_document(rt, doc_id, ctx) == "done"
    with rt.db.session() as s:
        assert [p.number for p in s.get(Document, doc_id).pages] == [1, 2, 3, 4, 5]
        assert s.get(Document, doc_id).attempts == 1  # planned once; chunks do not count


def test_a_chunk_that_keeps_failing_is_pages_lost_not_a_lost_file(tmp_path: Path) -> None:
    folder = write_tree(tmp_path / "hs", {"quet.pdf": image_pdf(_scans(5), 100)})
    rt = _runtime(tmp_path, "var")
    register(rt, collect([folder], rt.limits))
    (doc_id,) = pending_documents(rt)
    ctx = rt.read_context()
    spread = Spread()
    process_document(rt, doc_id, ctx, hand=spread.hand)
    for d, a, b in spread.chunks[1:]:
        ocr_chunk(rt, d, a, b, ctx, hand=spread.hand)
    # the chunk fails as a whole, not page by page: its file cannot be rasterised
    rt_bad = Runtime(rt.settings, engine=HashEngine())
    rt_bad.store = BrokenStore(rt.settings.store_dir)
    with pytest.raises(ProcessingFailed):  # not the last try: raised for the task to retry
        ocr_chunk(rt_bad, doc_id, 1, 2, ctx, final_attempt=False, hand=spread.hand)
    assert not rt.chunks.has(doc_id, 1, 2) and spread.finishes == []
    ocr_chunk(rt_bad, doc_id, 1, 2, ctx, final_attempt=True, hand=spread.hand)
    assert spread.finishes == [doc_id]
    assert finish_document(rt, doc_id, ctx) == "done"
    with rt.db.session() as s:
        doc = s.get(Document, doc_id)
        assert [(p.number, p.text) for p in doc.pages][:2] == [(1, ""), (2, "")]
        assert [(p.page, p.code) for p in s.scalars(select(ProblemRow).order_by(ProblemRow.page))
                if p.stage == "ocr"] == [(1, "ocr_failed"), (2, "ocr_failed")]
        assert doc.dossier.status == "partial"


class BrokenStore(FileStore):
    """A store that gives back bytes pdfium cannot open."""

    def read(self, sha256: str) -> bytes:
        return b"%PDF-1.4 not really a PDF"


def test_a_worker_dying_on_a_chunk_again_and_again_is_pages_lost(tmp_path: Path) -> None:
    from ingest.jobs import MAX_ATTEMPTS

    folder = write_tree(tmp_path / "hs", {"quet.pdf": image_pdf(_scans(3), 100)})
    rt = _runtime(tmp_path, "var")
    register(rt, collect([folder], rt.limits))
    (doc_id,) = pending_documents(rt)
    ctx = rt.read_context()
    spread = Spread()
    process_document(rt, doc_id, ctx, hand=spread.hand)
    for _ in range(MAX_ATTEMPTS):  # each try killed before it wrote its result
        rt.chunks.tried(doc_id, 1, 2)
    ocr_chunk(rt, doc_id, 1, 2, ctx, hand=spread.hand)
    ocr_chunk(rt, doc_id, 3, 3, ctx, hand=spread.hand)
    assert finish_document(rt, doc_id, ctx) == "done"
    with rt.db.session() as s:
        details = [p.detail for p in s.scalars(select(ProblemRow)) if p.code == "ocr_failed"]
        assert len(details) == 2 and "started 8 times" in details[0]


def test_a_time_limit_is_retried_then_recorded_on_the_file(tmp_path: Path) -> None:
    class TimeLimit(Exception):
        pass

    def interrupt(*_: object) -> None:
        raise TimeLimit()

    folder = write_tree(tmp_path / "hs", {"anh.png": _png()})
    rt = _runtime(tmp_path, "var", engine=HashEngine(delay_s=2.0))
    register(rt, collect([folder], rt.limits))
    (doc_id,) = pending_documents(rt)
    ctx = rt.read_context()
    hand = Handoff(interrupts=(TimeLimit,))
    previous = signal.signal(signal.SIGALRM, interrupt)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        with pytest.raises(TimeLimit):
            process_document(rt, doc_id, ctx, final_attempt=False, hand=hand)
        with rt.db.session() as s:
            assert s.get(Document, doc_id).status == "pending"  # for the retry
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        assert process_document(rt, doc_id, ctx, final_attempt=True, hand=hand) == "failed"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    with rt.db.session() as s:
        doc = s.get(Document, doc_id)
        assert [p.code for p in s.scalars(select(ProblemRow))] == ["step_timeout"]
        assert doc.attempts == 2 and doc.dossier.status == "failed"


def _png() -> bytes:
    buf = io.BytesIO()
    _scans(1)[0].save(buf, "PNG", dpi=(100, 100))
    return buf.getvalue()


def test_resume_clears_left_chunks_queues_unfinished_and_checks_unchecked(tmp_path: Path) -> None:
    folder = write_tree(tmp_path / "dot", {
        "hs-1/don.pdf": text_pdf([["ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN", "Tên sáng kiến: Sổ tay"]]),
        "hs-2/quet.pdf": image_pdf(_scans(3), 100)})
    rt = _runtime(tmp_path, "var")
    register(rt, collect([folder], rt.limits))
    first, second = pending_documents(rt)
    process_document(rt, first, rt.read_context())
    rt.chunks.put_plan(Plan(first, "0" * 64, FileType.PDF, 1, {1: 300}, ((1, 1),)))  # left over
    with rt.db.session() as s:  # the worker died before its duplicate check
        s.get(Document, first).dossier.duplicates_checked_at = None
    done = resume(rt)
    assert (done.queued, done.compared, done.cleared) == (1, 1, 1)
    assert rt.chunks.documents() == []
    with rt.db.session() as s:
        assert s.get(Document, first).dossier.duplicates_checked_at is not None
    queue = sqlite3.connect(rt.settings.home / "queue.sqlite")
    (payload,) = [json.loads(p) for (p,) in queue.execute("SELECT payload FROM kombu_message")]
    assert payload["headers"]["task"] == "hoso.process_document"


def test_time_limits_per_task_type() -> None:
    limits = time_limits(Settings(_env_file=None, ocr_timeout_s=100, ocr_chunk_pages=4))
    assert limits["hoso.ocr_pages"] == (860, 920)  # 4 pages read twice at 100 s, and a minute
    assert limits["hoso.finish_document"][0] < limits["hoso.process_document"][0]
    assert all(hard > soft for soft, hard in limits.values())


# ---------------------------------------------------------------------------- real workers


@pytest.mark.slow
def test_spread_over_embedded_workers_reads_as_one_pass(tmp_path: Path) -> None:
    """``hoso ingest``'s own worker, on the embedded SQLite broker, with real Tesseract: a
    six-page scan goes out as three chunks on the 'ocr' queue and ends as the one-pass read."""
    scans = _scans(6, dpi=150)
    data = image_pdf(scans, 150)
    folder = write_tree(tmp_path / "hs", {"quet.pdf": data})
    rt = Runtime(Settings(home=tmp_path / "var", _env_file=None, workers=2, ocr_chunk_pages=2))
    registered = register(rt, collect([folder], rt.limits))
    (doc_id,) = pending_documents(rt)
    run_embedded(rt, [doc_id])
    queue = sqlite3.connect(rt.settings.home / "queue.sqlite")
    sent = dict(queue.execute("SELECT q.name, count(*) FROM kombu_message m "
                              "JOIN kombu_queue q ON q.id = m.queue_id GROUP BY q.name"))
    assert sent == {"hoso": 2, "ocr": 3}  # the file, its 3 chunks, its assembly
    from ingest.pipeline import process_file

    one = process_file(data, "hs/quet.pdf", Runtime(rt.settings, engine=TesseractEngine())
                       .read_context()).text
    with rt.db.session() as s:
        doc = s.get(Document, doc_id)
        assert doc.status == "done" and registered[0].new
        assert [(p.number, p.text, p.confidence) for p in doc.pages] == [
            (p.number, p.text, p.confidence) for p in one.pages]
        assert "Trang 6" in doc.pages[5].text
        searchable = pypdf.PdfReader(rt.store.path(doc.searchable_sha256))
        assert len(searchable.pages) == 6
    assert rt.chunks.documents() == []
    assert not os.path.exists(rt.settings.home / "chunks" / str(doc_id))
