"""Re-OCR of pages of a finished file with other settings: the page rows, their problems, the
file's confidence and searchable PDF, the dossier's understanding and duplicates follow the
new reading; a stack scan's page is found in the dossier split off it; a request spread in
chunks ends once; the API queues it on the "ocr" queue and the text says what is pending.

The first reading comes from a fake engine at the OCR seam that reads badly (garbage, low
confidence); the reading again from the real Tesseract where the text must come out right
(compared by CER against the text the page was drawn from), or from a recording fake where
only what reaches the engine matters.
"""

from __future__ import annotations

import base64
import io
import json
import sqlite3
import time
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest
from fastapi.testclient import TestClient
from PIL import Image, ImageOps
from sqlalchemy import select

from api.app import create_app
from ingest.intake import collect
from ingest.jobs import register
from ingest.ocr import OcrOptions, OcrResult, TesseractEngine, page_dpi
from ingest.reocr import (
    PageChange,
    ReocrSettings,
    give_up_reocr,
    pending_pages,
    reocr_document,
    run_request,
)
from ingest.runtime import Runtime
from ingest.searchable import page_pdf
from models.errors import BadInput, Conflict, NotFound, OcrTimeout
from models.settings import Settings
from models.tables import AuditEntry, Document, Dossier, DupMatch, PageRow, ProblemRow
from samples.layout import layout_items, render_page
from samples.render import Block, Degradation, degrade, draw, layout_pages
from samples.texts import all_dossiers
from samples.truth import cer
from tests.api.people import accounts
from tests.builders import docx_bytes, image_pdf, run_all, text_pdf, write_tree
from tests.checks.dup_inputs import HEADER, LAW, SCHOOL, TITLE
from tests.fakes import FakeEngine
from tests.ingest.test_duplicates import description

DPI = 200
NEW_TITLE = "Thẻ sơ đồ đoạn thẳng trong dạy toán"
DESCRIPTION = [*HEADER, NEW_TITLE, "Tác giả: Nguyễn Thị Mẫu – giáo viên", LAW,
               "1. Lý do chọn sáng kiến", *SCHOOL[:2], "2. Nội dung sáng kiến", *SCHOOL[2:-2],
               "4. Hiệu quả của sáng kiến", *SCHOOL[-2:]]
A4_WIDTH_INCHES = 8.27


class PoorEngine:
    """Reads every page as garbage with low confidence, and gives the page's image as its
    searchable page (no text layer), as a scan read badly would."""

    def __init__(self, text: str = "Xq vv kp rrt", confidence: float = 22.0) -> None:
        self.text, self.confidence = text, confidence

    def recognize(self, image: Image.Image, *, options: OcrOptions, want_pdf: bool) -> OcrResult:
        pdf = page_pdf(image, page_dpi(image)) if want_pdf else None
        return OcrResult(self.text, self.confidence, pdf)


class RecordingEngine(FakeEngine):
    """A fake that keeps the options each page was read with (image sizes: ``calls``)."""

    def __init__(self, *args, with_pdf: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.options: list[OcrOptions] = []
        self.with_pdf = with_pdf

    def recognize(self, image: Image.Image, *, options: OcrOptions, want_pdf: bool) -> OcrResult:
        self.options.append(options)
        result = super().recognize(image, options=options, want_pdf=want_pdf)
        if self.with_pdf and want_pdf:
            return OcrResult(result.text, result.confidence, page_pdf(image, page_dpi(image)))
        return result


def _scan(lines: list[str], dpi: int = DPI) -> list[Image.Image]:
    return [draw(layout) for layout in layout_pages([Block(t) for t in lines], dpi=dpi)]


def _only_document(rt: Runtime, name: str) -> int:
    with rt.db.session() as s:
        return s.scalars(select(Document.id).where(Document.name == name)).one()


def _rows(rt: Runtime, doc_id: int) -> dict[int, tuple[int, str, str, float | None]]:
    with rt.db.session() as s:
        return {p.number: (p.id, p.text, p.method, p.confidence)
                for p in s.scalars(select(PageRow).where(PageRow.document_id == doc_id))}


def _problems(rt: Runtime, doc_id: int) -> list[tuple[int | None, str]]:
    with rt.db.session() as s:
        return sorted((p.page, p.code) for p in
                      s.scalars(select(ProblemRow).where(ProblemRow.document_id == doc_id)))


# ---------------------------------------------------------------------------- settings


def test_settings_out_of_range_are_refused_in_vietnamese() -> None:
    assert ReocrSettings().as_json() == {"dpi": None, "psm": 3, "deskew": True,
                                         "orientation": True, "despeckle": True}
    given = ReocrSettings(dpi=400, psm=6, deskew=False, orientation=False, despeckle=False)
    assert ReocrSettings.from_json(given.as_json()) == given
    for bad, word in (({"dpi": 1000}, "DPI"), ({"dpi": 149}, "DPI"), ({"dpi": True}, "DPI"),
                      ({"psm": 7}, "psm"), ({"psm": 12}, "psm"), ({"deskew": "yes"}, "deskew"),
                      ({"colour": True}, "colour")):
        with pytest.raises(BadInput) as caught:
            ReocrSettings.from_json(bad)
        assert word in caught.value.message and caught.value.status == 422, bad


def test_the_page_segmentation_mode_reaches_tesseract() -> None:
    image = _scan(["Kính gửi: Hội đồng sáng kiến Sở Nông nghiệp và Phát triển nông thôn tỉnh "
                   "Hòa Bình, nơi xét công nhận các sáng kiến cải tiến kỹ thuật của năm nay."],
                  dpi=150)[0]
    image = image.crop((0, 0, image.width, image.height // 4))
    image.info["dpi"] = (150, 150)
    engine = TesseractEngine()
    auto = engine.recognize(image, options=OcrOptions(psm=3), want_pdf=False)
    sparse = engine.recognize(image, options=OcrOptions(psm=11), want_pdf=False)
    lines = [ln for ln in auto.text.split("\n") if ln]
    assert len(lines) >= 2 and "\n\n" not in auto.text  # one paragraph of wrapped lines
    assert sparse.text.count("\n\n") >= len(lines) - 1  # sparse text: every line a block


def test_the_speckle_filter_can_be_left_off() -> None:
    from ingest import preprocess
    from ingest.ocr import ocr_page

    page = degrade(_scan(SCHOOL[:2], dpi=100)[0], Degradation(noise=0.01), src_dpi=100)
    page.info["dpi"] = (100, 100)
    seen: list[Image.Image] = []

    class Keeping(FakeEngine):
        def recognize(self, image: Image.Image, *, options: OcrOptions, want_pdf: bool) -> OcrResult:
            seen.append(image)
            return super().recognize(image, options=options, want_pdf=want_pdf)

    for despeckle in (True, False):
        ocr_page(page, 1, engine=Keeping(), options=OcrOptions(
            despeckle=despeckle, deskew=False, orientation=False, searchable_pdf=False))
    cleaned, left = (preprocess.speckle(img) for img in seen)
    assert cleaned < preprocess.SPECKLE_LIMIT < left


# ---------------------------------------------------------------------------- a scanned page


def test_a_badly_read_page_read_again_brings_title_sections_and_the_copy_it_is(
        settings, tmp_path: Path) -> None:
    rt = Runtime(settings, engine=PoorEngine())
    register(rt, collect([write_tree(tmp_path / "kho", {
        "2021-a/mo-ta.docx": description(TITLE, SCHOOL)})], rt.limits), prior=True)
    register(rt, collect([write_tree(tmp_path / "moi", {
        "hs/mo-ta.pdf": image_pdf(_scan(DESCRIPTION), DPI)})], rt.limits))
    run_all(rt)
    doc_id = _only_document(rt, "mo-ta.pdf")
    with rt.db.session() as s:
        doc = s.get(Document, doc_id)
        dossier_id, old_pdf, checked = doc.dossier_id, doc.searchable_sha256, \
            doc.dossier.duplicates_checked_at
        assert doc.dossier.understanding["fields"]["title"] is None
        assert s.scalars(select(DupMatch).where(DupMatch.dossier_id == dossier_id)).all() == []
    before = _rows(rt, doc_id)
    assert before[1][3] == 22.0 and _problems(rt, doc_id) == [(1, "low_confidence")]
    assert old_pdf is not None

    result = reocr_document(rt, doc_id, ReocrSettings(), page=1, engine=TesseractEngine())

    after = _rows(rt, doc_id)
    assert after[1][0] == before[1][0]  # the same row, read again
    truth = "\n".join(DESCRIPTION)
    assert cer(truth, after[1][1]) < 0.03 < cer(truth, before[1][1])
    assert after[1][3] is not None and after[1][3] > 85
    assert result.pages == (PageChange(1, 22.0, after[1][3]),)
    assert result.mean_confidence == (22.0, after[1][3]) and result.finished
    assert _problems(rt, doc_id) == []
    with rt.db.session() as s:
        doc = s.get(Document, doc_id)
        assert doc.mean_confidence == after[1][3] and doc.ocr_pages == 1
        understood = doc.dossier.understanding
        assert understood["fields"]["title"] == NEW_TITLE
        assert {x["key"] for x in understood["sections"]} >= {"ly_do", "noi_dung"}
        [match] = s.scalars(select(DupMatch).where(DupMatch.dossier_id == dossier_id)).all()
        assert match.other.source == "kho/2021-a" and match.coverage > 0.8
        assert doc.dossier.duplicates_checked_at > checked
        assert result.searchable == "rebuilt" and doc.searchable_sha256 != old_pdf
        layer = pypdf.PdfReader(rt.store.path(doc.searchable_sha256)).pages[0].extract_text()
        assert "Lý do chọn sáng kiến" in layer
        [entry] = s.scalars(select(AuditEntry).where(AuditEntry.action == "reocr_done")).all()
        assert (entry.object_type, entry.object_id) == ("dossier", dossier_id)
        assert entry.detail["pages"] == [{"number": 1, "old": 22.0, "new": after[1][3]}]


def test_a_whole_file_reads_its_ocr_pages_only_at_the_settings_asked(settings, tmp_path: Path) -> None:
    typed = pypdf.PdfReader(io.BytesIO(text_pdf([["ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN",
                                                  "Kính gửi: Hội đồng sáng kiến huyện Tân Lạc"]])))
    scanned = pypdf.PdfReader(io.BytesIO(image_pdf(_scan(SCHOOL[:2], dpi=100), 100)))
    mixed = pypdf.PdfWriter()
    mixed.add_page(typed.pages[0])
    mixed.add_page(scanned.pages[0])
    buf = io.BytesIO()
    mixed.write(buf)
    rt = Runtime(settings, engine=FakeEngine("Văn bản đọc lần đầu.", confidence=40.0))
    register(rt, collect([write_tree(tmp_path / "hs", {"don.pdf": buf.getvalue(),
                                                       "mo-ta.docx": docx_bytes(SCHOOL[:2])})],
                         rt.limits))
    run_all(rt)
    doc_id = _only_document(rt, "don.pdf")
    before = _rows(rt, doc_id)
    assert [before[n][2] for n in (1, 2)] == ["text", "ocr"]
    assert _problems(rt, doc_id) == [(2, "low_confidence")]

    engine = RecordingEngine("Văn bản đọc lại.", confidence=91.0)
    asked = ReocrSettings(dpi=150, psm=6, deskew=False, orientation=False, despeckle=False)
    result = reocr_document(rt, doc_id, asked, engine=engine)
    assert [c.number for c in result.pages] == [2]
    [options] = engine.options
    assert (options.psm, options.deskew, options.orientation, options.despeckle) == (6, False, False, False)
    [(width, _)] = engine.calls
    assert abs(width - A4_WIDTH_INCHES * 150) < 8  # rasterised at 150 DPI, not the scan's 200
    reocr_document(rt, doc_id, ReocrSettings(dpi=300), page=2, engine=engine)
    assert abs(engine.calls[-1][0] - A4_WIDTH_INCHES * 300) < 8

    after = _rows(rt, doc_id)
    assert after[1] == before[1]  # the text-layer page is not touched
    assert after[2][1:] == ("Văn bản đọc lại.", "ocr", 91.0) and after[2][0] == before[2][0]
    assert _problems(rt, doc_id) == []
    assert result.searchable == "none"  # the first reading gave no page image to keep
    with rt.db.session() as s:
        assert s.get(Document, doc_id).mean_confidence == 91.0

    with pytest.raises(BadInput) as typed_page:
        reocr_document(rt, doc_id, ReocrSettings(), page=1, engine=engine)
    assert "lớp chữ" in typed_page.value.message
    with pytest.raises(NotFound):
        reocr_document(rt, doc_id, ReocrSettings(), page=3, engine=engine)
    word = _only_document(rt, "mo-ta.docx")
    with pytest.raises(BadInput) as word_page:
        reocr_document(rt, word, ReocrSettings(), engine=engine)
    assert "OCR" in word_page.value.message
    with pytest.raises(NotFound):
        reocr_document(rt, 999, ReocrSettings(), engine=engine)
    with rt.db.session() as s:
        s.get(Document, doc_id).status = "running"
    with pytest.raises(Conflict):
        reocr_document(rt, doc_id, ReocrSettings(), page=2, engine=engine)
    assert len(engine.calls) == 2  # nothing refused reached the engine


def test_a_failed_new_reading_keeps_the_old_one(settings, tmp_path: Path) -> None:
    rt = Runtime(settings, engine=FakeEngine("Văn bản cũ còn đọc được.", confidence=60.0))
    register(rt, collect([write_tree(tmp_path / "hs", {
        "quet.pdf": image_pdf(_scan(SCHOOL[:1], dpi=100), 100)})], rt.limits))
    run_all(rt)
    doc_id = _only_document(rt, "quet.pdf")
    before, problems = _rows(rt, doc_id), _problems(rt, doc_id)
    result = reocr_document(rt, doc_id, ReocrSettings(orientation=False),
                            engine=FakeEngine(timeout_on_call=1))
    assert [(c.error, c.old_confidence, c.new_confidence) for c in result.pages] == \
        [("ocr_timeout", 60.0, 60.0)]
    assert _rows(rt, doc_id) == before and _problems(rt, doc_id) == problems


def test_a_page_lost_at_the_first_reading_is_read_now_and_the_dossier_is_whole(
        settings, tmp_path: Path) -> None:
    rt = Runtime(settings, engine=FakeEngine(timeout_on_call=1))
    register(rt, collect([write_tree(tmp_path / "hs", {
        "quet.pdf": image_pdf(_scan(SCHOOL[:1], dpi=100), 100)})], rt.limits))
    run_all(rt)
    doc_id = _only_document(rt, "quet.pdf")
    assert _problems(rt, doc_id) == [(1, "ocr_timeout")]
    with rt.db.session() as s:
        dossier_id = s.get(Document, doc_id).dossier_id
        assert s.get(Dossier, dossier_id).status == "partial"
    reocr_document(rt, doc_id, ReocrSettings(), engine=FakeEngine("Trang đọc được rồi.", 90.0))
    assert _problems(rt, doc_id) == [] and _rows(rt, doc_id)[1][1] == "Trang đọc được rồi."
    with rt.db.session() as s:
        assert s.get(Dossier, dossier_id).status == "done"


def test_an_image_page_is_resampled_and_replaced_in_the_searchable_pdf(settings, tmp_path: Path) -> None:
    frames = _scan(SCHOOL[:1], dpi=100) + _scan(SCHOOL[1:2], dpi=100)
    tiff = io.BytesIO()
    frames[0].save(tiff, "TIFF", save_all=True, append_images=frames[1:], dpi=(100, 100))
    rt = Runtime(settings, engine=PoorEngine())
    register(rt, collect([write_tree(tmp_path / "hs", {"quet.tif": tiff.getvalue()})], rt.limits))
    run_all(rt)
    doc_id = _only_document(rt, "quet.tif")
    with rt.db.session() as s:
        old = s.get(Document, doc_id).searchable_sha256
    engine = RecordingEngine("Trang hai đọc lại.", confidence=88.0, with_pdf=True)
    result = reocr_document(rt, doc_id, ReocrSettings(dpi=300), page=2, engine=engine)
    assert engine.calls == [(frames[1].width * 3, frames[1].height * 3)]
    assert result.searchable == "rebuilt"
    with rt.db.session() as s:
        new = s.get(Document, doc_id).searchable_sha256
    assert new != old

    def scan_widths(sha: str) -> list[int]:
        pages = pypdf.PdfReader(rt.store.path(sha)).pages
        return [p["/Resources"]["/XObject"]["/HosoScan"]["/Width"] for p in pages]

    assert scan_widths(old) == [frames[0].width, frames[1].width]
    assert scan_widths(new) == [frames[0].width, frames[1].width * 3]  # page 2 only
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
             for p in pypdf.PdfReader(rt.store.path(new)).pages]
    assert sizes[0] == sizes[1]  # the same paper: more pixels, not a bigger page
    assert _rows(rt, doc_id)[2][1:] == ("Trang hai đọc lại.", "ocr", 88.0)


# ---------------------------------------------------------------------------- stack scans


class ByWidthEngine:
    """Reads a page as the text of the page of that width (every page of the test's stack
    is 8 pixels wider than the one before), the same on every look."""

    def __init__(self, texts: dict[int, tuple[str, float]]) -> None:
        self.texts = texts

    def recognize(self, image: Image.Image, *, options: OcrOptions, want_pdf: bool) -> OcrResult:
        nearest = min(self.texts, key=lambda width: abs(width - image.width))  # pdfium rounds
        text, confidence = self.texts[nearest]
        return OcrResult(text, confidence, None)


def test_a_page_of_a_dossier_split_off_a_stack_scan(settings, tmp_path: Path) -> None:
    dpi = 200  # what a PDF scan is rasterised at, at least (``ingest.pdf``): widths stay
    samples = {d.name: d for d in all_dossiers()}
    pages = [page for name in ("lac-son-coppha-nhua", "khuyen-nong-cao-loc-ca-chua")
             for kind in ("don_yeu_cau", "mo_ta")
             for page in layout_items(samples[name].document(kind).items, dpi=dpi).pages]
    images = [ImageOps.expand(render_page(p), border=(0, 0, 8 * n, 0), fill=255)
              for n, p in enumerate(pages)]
    last = len(pages)
    texts = {img.width: (p.text, 93.0) for img, p in zip(images, pages)}
    texts[images[-1].width] = ("Xq vv kp rrt", 61.0)  # the last page read badly
    rt = Runtime(settings, engine=ByWidthEngine(texts))
    register(rt, collect([write_tree(tmp_path / "dot", {"chong.pdf": image_pdf(images, dpi)})],
                         rt.limits))
    run_all(rt)
    with rt.db.session() as s:
        docs = {d.id: (d.first_page, d.last_page, d.dossier_id)
                for d in s.scalars(select(Document).order_by(Document.id))}
    assert len(docs) == 2, docs  # split in two dossiers
    (first_id, first), (second_id, second) = sorted(docs.items())
    assert second[1] == last and second[0] > 1
    rows_first = _rows(rt, first_id)
    with pytest.raises(NotFound) as elsewhere:  # page 1 is the other dossier's
        reocr_document(rt, second_id, ReocrSettings(), page=1, engine=TesseractEngine())
    assert f"{second[0]}–{last}" in elsewhere.value.message

    result = reocr_document(rt, second_id, ReocrSettings(), page=last, engine=TesseractEngine())
    assert [c.number for c in result.pages] == [last]
    rows = _rows(rt, second_id)
    assert cer(pages[-1].text, rows[last][1]) < 0.05 and rows[last][3] > 85
    assert sorted(rows) == list(range(second[0], last + 1))  # the scan's page numbers
    assert _rows(rt, first_id) == rows_first
    with rt.db.session() as s:
        assert s.get(Document, second_id).mean_confidence > 90
        assert s.get(Dossier, second[2]).status == "done"


# ---------------------------------------------------------------------------- chunks, state


def _request(rt: Runtime, doc_id: int, chunks: list[list[int]]) -> int:
    with rt.db.session() as s:
        doc = s.get(Document, doc_id)
        entry = AuditEntry(action="reocr_requested", object_type="dossier", object_id=doc.dossier_id,
                           detail={"document": doc_id, "file": 0, "page": None, "chunks": chunks,
                                   "settings": ReocrSettings().as_json()})
        s.add(entry)
        s.flush()
        return entry.id


def test_a_request_in_chunks_ends_once_and_its_pages_stop_being_pending(settings, tmp_path: Path) -> None:
    rt = Runtime(settings, engine=FakeEngine("Văn bản đọc lần đầu.", confidence=50.0))
    register(rt, collect([write_tree(tmp_path / "hs", {
        "quet.pdf": image_pdf([_scan([f"Trang quét số {n} của hồ sơ."], dpi=100)[0]
                               for n in (1, 2, 3)], 100)})], rt.limits))
    run_all(rt)
    doc_id = _only_document(rt, "quet.pdf")
    with rt.db.session() as s:
        dossier_id = s.get(Document, doc_id).dossier_id
    request = _request(rt, doc_id, [[1, 2], [3]])

    def pending() -> list[int]:
        with rt.db.session() as s:
            return pending_pages(s, dossier_id).get(doc_id, [])

    def understood() -> dict | None:
        with rt.db.session() as s:
            return s.get(Dossier, dossier_id).understanding

    engine = RecordingEngine("ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN", confidence=95.0)
    ctx = replace(rt.read_context(), engine=engine)
    compared: list[int] = []
    with rt.db.session() as s:  # a mark that only understanding the dossier again replaces
        s.get(Dossier, dossier_id).understanding = {"mark": True}
    assert pending() == [1, 2, 3]
    settings_json = ReocrSettings(orientation=False).as_json()
    assert run_request(rt, doc_id, [3], settings_json, request, ctx=ctx,
                       compare=compared.append) == "done"
    assert pending() == [1, 2] and compared == [] and understood() == {"mark": True}
    assert run_request(rt, doc_id, [3], settings_json, request, ctx=ctx,
                       compare=compared.append) == "done"  # delivered twice: left alone
    assert len(engine.calls) == 1
    give_up_reocr(rt, doc_id, [1, 2], request, OcrTimeout("every try ran out of time"),
                  compare=compared.append)
    assert pending() == [] and compared == [dossier_id]  # the last chunk ends the request
    assert "completeness" in understood()
    assert [r[1] for r in _rows(rt, doc_id).values()] == [
        "Văn bản đọc lần đầu.", "Văn bản đọc lần đầu.", "ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN"]
    with rt.db.session() as s:
        ended = s.scalars(select(AuditEntry).where(AuditEntry.action.in_(
            ("reocr_done", "reocr_failed"))).order_by(AuditEntry.id)).all()
        assert [(e.action, e.detail["chunk"]) for e in ended] == [("reocr_done", 3),
                                                                  ("reocr_failed", 1)]
        assert ended[1].detail["code"] == "ocr_timeout"

    lost = _request(rt, doc_id, [[2]])  # its message never arrives
    assert pending() == [2]
    again = _request(rt, doc_id, [[2]])
    assert run_request(rt, doc_id, [2], {"dpi": 5}, again, ctx=ctx) == "failed"  # bad settings
    assert pending() == []  # the latest request for page 2 has ended
    with rt.db.session() as s:
        failed = s.scalars(select(AuditEntry).where(AuditEntry.action == "reocr_failed")
                           .order_by(AuditEntry.id.desc())).first()
        assert failed.detail["request"] == again != lost and failed.detail["code"] == "bad_input"


# ---------------------------------------------------------------------------- the API


def _queued(home: Path) -> list[tuple[str, str, list]]:
    """(queue, task, args) of every message waiting on the embedded broker."""
    queue = sqlite3.connect(home / "queue.sqlite")
    out = []
    for name, payload in queue.execute("SELECT q.name, m.payload FROM kombu_message m "
                                       "JOIN kombu_queue q ON q.id = m.queue_id ORDER BY m.id"):
        message = json.loads(payload)
        args, _, _ = json.loads(base64.b64decode(message["body"]))
        out.append((name, message["headers"]["task"], args))
    return out


def _scanned_dossier(settings: Settings, tmp_path: Path) -> tuple[Runtime, int, int]:
    rt = Runtime(settings, engine=PoorEngine())
    register(rt, collect([write_tree(tmp_path / "moi", {
        "hs/mo-ta.pdf": image_pdf(_scan(DESCRIPTION), DPI)})], rt.limits))
    run_all(rt)
    doc_id = _only_document(rt, "mo-ta.pdf")
    with rt.db.session() as s:
        return rt, s.get(Document, doc_id).dossier_id, doc_id


def test_the_route_queues_on_the_ocr_queue_and_the_text_shows_it_until_read(
        settings, tmp_path: Path) -> None:
    rt, dossier_id, doc_id = _scanned_dossier(settings, tmp_path)
    client = TestClient(create_app(settings))
    people = accounts(rt)
    admin = people["admin"]["headers"]
    url = f"/api/dossiers/{dossier_id}/files/0/reocr"
    bad = client.post(url, json={"page": 1, "dpi": 1000}, headers=admin)
    assert bad.status_code == 422 and "DPI" in bad.json()["error"]["message"]
    assert client.post(url, json={"page": 9}, headers=admin).status_code == 404

    r = client.post(url, json={"page": 1, "dpi": 300, "psm": 6, "deskew": False},
                    headers=people["secretariat"]["headers"])
    assert r.status_code == 202, r.text
    body = r.json()
    assert (body["queued"], body["document"], body["pages"]) == (True, doc_id, [1])
    [(queue, task, args)] = _queued(settings.home)
    assert (queue, task) == ("ocr", "hoso.reocr")
    assert args == [doc_id, [1], {"dpi": 300, "psm": 6, "deskew": False, "orientation": True,
                                  "despeckle": True}, body["request"]]
    [f] = client.get(f"/api/dossiers/{dossier_id}/text", headers=admin).json()["files"]
    assert (f["position"], f["reocr_pending"]) == (0, [1])
    assert f["pages"][0]["confidence"] == 22.0
    log = client.get("/api/audit?action=reocr_requested", headers=admin).json()["items"]
    assert [(e["login"], e["object_id"], e["detail"]["chunks"]) for e in log] == \
        [("secretariat", dossier_id, [[1]])]

    worker = Runtime(settings, engine=FakeEngine("Bản mô tả đọc lại rõ ràng.", confidence=94.0))
    assert run_request(worker, *args, ctx=worker.read_context()) == "done"  # as the worker does
    [f] = client.get(f"/api/dossiers/{dossier_id}/text", headers=admin).json()["files"]
    assert f["reocr_pending"] == []
    assert (f["pages"][0]["text"], f["pages"][0]["confidence"]) == ("Bản mô tả đọc lại rõ ràng.", 94.0)
    history = client.get(f"/api/dossiers/{dossier_id}/history", headers=admin).json()["items"]
    assert [e["action"] for e in history][-2:] == ["reocr_requested", "reocr_done"]

    with rt.db.session() as s:
        s.get(Document, doc_id).status = "running"
    busy = client.post(url, json={"page": 1}, headers=admin)
    assert busy.status_code == 409 and busy.json()["error"]["code"] == "conflict"
    assert len(_queued(settings.home)) == 1  # nothing more was sent


@pytest.mark.slow
def test_the_embedded_worker_reads_the_page_again(tmp_path: Path) -> None:
    """``hoso serve``'s own worker (both queues, real Tesseract) takes the request, and the
    duplicate check it hands to the "hoso" queue runs too."""
    from ingest.runner import plan, start_worker, stop_worker

    settings = Settings(home=tmp_path / "var", workers=1, _env_file=None)
    rt, dossier_id, doc_id = _scanned_dossier(settings, tmp_path)
    with rt.db.session() as s:
        checked = s.get(Dossier, dossier_id).duplicates_checked_at
    client = TestClient(create_app(settings))
    admin = accounts(rt)["admin"]["headers"]
    r = client.post(f"/api/dossiers/{dossier_id}/files/0/reocr", json={"page": 1}, headers=admin)
    assert r.status_code == 202, r.text
    proc = start_worker(rt, plan(1, 1))
    try:
        deadline = time.monotonic() + 120
        while True:
            with rt.db.session() as s:
                again = s.get(Dossier, dossier_id).duplicates_checked_at
                pending = pending_pages(s, dossier_id)
            if not pending and again != checked:
                break
            assert time.monotonic() < deadline and proc.poll() is None, \
                (settings.home / "worker.log").read_text()[-2000:]
            time.sleep(0.3)
    finally:
        stop_worker(proc)
    text = _rows(rt, doc_id)[1][1]
    assert cer("\n".join(DESCRIPTION), text) < 0.03
    with rt.db.session() as s:
        assert s.get(Dossier, dossier_id).understanding["fields"]["title"] == NEW_TITLE
