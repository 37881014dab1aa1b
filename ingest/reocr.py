"""Re-OCR: pages of a finished file read again, with other settings, on request.

A reviewer or the secretariat sees a page whose OCR confidence is low in the page viewer and
asks for it, or for every OCR'd page of the file, to be read again: at another resolution,
with another Tesseract page segmentation mode, with straightening or the speckle filter off.

    plan_reocr      the pages to read (page rows read by OCR), in chunks of the OCR chunk
                    size; refuses a file not read yet (Conflict), a text-layer or Word page
                    (BadInput), a page the file does not hold (NotFound)
    reocr_pages     one chunk: its pages OCR'd again from the stored original, rasterised as
                    the first reading did (``ingest.pdf``, ``ingest.images``) at ``dpi``;
                    then, under the document's row lock (``ingest.jobs``), each page row gets
                    the new text, confidence, lines and words (its id stays), the page its
                    new OCR problems, the file its mean confidence and the new page in its
                    searchable PDF; the request's last chunk has the dossier understood again
                    and its duplicate check run again (``compare``: here, or on the "hoso"
                    queue, where the archive index lives)
    reocr_document  all of it at once, in this process (tests, scripts)

State lives in the audit log, not in a column: the API writes "reocr_requested" (the pages
and their chunks), every chunk ends with a "reocr_done" or "reocr_failed" entry naming the
request and the chunk. A page is pending while the latest request holding it has not heard
from that page's chunk (``pending_pages``); the page viewer polls the dossier's text for it.
The document's status is never touched: the pipeline (``resume``, grouping, progress) sees a
finished file throughout, and a chunk delivered twice finds its entry and does nothing.

A page whose new reading fails (Tesseract timed out or crashed) keeps its old reading, and
the result says why. A new reading that is worse is kept all the same: it is what was asked
for, and the default settings read the page as the first reading did.

Page numbers are those of the file, as the page viewer shows them: a dossier split off a
stack scan holds pages ``first_page``..``last_page`` of the scan, numbered as in the scan.
The stack is not split again: its parts stay as the first reading made them.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from PIL import Image
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ingest import preprocess
from ingest.assemble import page_columns, understand_dossier
from ingest.duplicates import CHECKABLE, check_duplicates
from ingest.images import decode_frame, survey_image
from ingest.jobs import _locked, _settle
from ingest.ocr import DEFAULT_DPI, OcrEngine, OcrOptions, OcrPage, ocr_pages, page_dpi
from ingest.pdf import ocr_pdf_pages, read_text_layer
from ingest.readers import ReadContext
from ingest.runtime import Runtime
from ingest.searchable import page_count, replace_pages
from ingest.triage import triage
from ingest.vietnamese import nfc
from models.db import insert_ignoring_duplicate
from models.domain import FileType
from models.errors import BadInput, Conflict, HosoError, ImageTooLarge, NotFound, ProcessingFailed
from models.tables import AuditEntry, Blob, Document, Dossier, PageRow, ProblemRow

log = logging.getLogger(__name__)

REQUESTED, DONE, FAILED = "reocr_requested", "reocr_done", "reocr_failed"
ENDED = (DONE, FAILED)
LOST = ("ocr_timeout", "ocr_failed")  # a new reading that failed: the old one is kept
DPI_RANGE = (150, 600)
# Tesseract's page segmentation modes worth a second try on a scanned page; 3 is its default
# (and the first reading's). 1 and 12 would run orientation detection (osd.traineddata, which
# a model folder may lack, and which ``ingest.preprocess`` does instead).
PSM_MODES: dict[int, str] = {
    3: "tự động phân đoạn trang (mặc định)",
    4: "một cột chữ, cỡ chữ khác nhau",
    6: "một khối chữ đồng đều",
    11: "chữ rời rạc, không theo thứ tự",
}

Compare = Callable[[int], object]  # runs (or sends) the duplicate check of a dossier


@dataclass(frozen=True)
class ReocrSettings:
    """How to read the pages again. ``dpi``: the resolution a PDF page is rasterised at, or
    an image resampled to; None: as the first reading did (a PDF page at its scan's own
    resolution within 200–400, an image as it is)."""

    dpi: int | None = None
    psm: int = 3
    deskew: bool = True
    orientation: bool = True
    despeckle: bool = True

    def __post_init__(self) -> None:
        lo, hi = DPI_RANGE
        if self.dpi is not None and (not _is_int(self.dpi) or not lo <= self.dpi <= hi):
            raise BadInput(f"dpi {self.dpi!r} outside {lo}-{hi}",
                           message=f"Độ phân giải phải từ {lo} đến {hi} DPI (nhận được {self.dpi}).")
        if not _is_int(self.psm) or self.psm not in PSM_MODES:
            modes = ", ".join(str(m) for m in PSM_MODES)
            raise BadInput(f"psm {self.psm!r} not one of {modes}",
                           message=f"Chế độ phân đoạn trang (psm) phải là một trong {modes} "
                                   f"(nhận được {self.psm}).")
        for name in ("deskew", "orientation", "despeckle"):
            if not isinstance(getattr(self, name), bool):
                raise BadInput(f"{name} {getattr(self, name)!r} is not a boolean",
                               message=f"Tùy chọn “{name}” phải là true hoặc false.")

    def options(self, base: OcrOptions, *, searchable_pdf: bool) -> OcrOptions:
        return replace(base, psm=self.psm, deskew=self.deskew, orientation=self.orientation,
                       despeckle=self.despeckle, searchable_pdf=searchable_pdf)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ReocrSettings:
        unknown = set(data) - {f.name for f in fields(cls)}
        if unknown:
            raise BadInput(f"unknown settings {sorted(unknown)}",
                           message=f"Tùy chọn không có: {', '.join(sorted(unknown))}.")
        return cls(**data)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True)
class PageChange:
    number: int
    old_confidence: float | None
    new_confidence: float | None  # the old one when the new reading failed
    error: str | None = None  # the code of why the new reading failed (the old text stays)
    message: str | None = None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"number": self.number, "old": self.old_confidence,
                               "new": self.new_confidence}
        if self.error:
            out.update(error=self.error, message=self.message)
        return out


@dataclass(frozen=True)
class ReocrResult:
    document_id: int
    dossier_id: int
    pages: tuple[PageChange, ...]
    mean_confidence: tuple[float | None, float | None]  # the file's, before and after
    searchable: str  # "rebuilt" | "kept" (no new page image, or pages not in step) | "none"
    finished: bool  # the request is complete: the dossier was understood again


# ---------------------------------------------------------------------------- what to read


def plan_reocr(doc: Document, page: int | None, chunk_pages: int) -> list[list[int]]:
    """The pages to read again (``page``, or every OCR'd page of the file), in chunks."""
    _check_finished(doc)
    rows = {row.number: row for row in doc.pages}
    if page is not None:
        _check_pages(doc, [page], rows)
        numbers = [page]
    else:
        numbers = sorted(n for n, row in rows.items() if row.method == "ocr")
        if not numbers:
            raise BadInput(f"document {doc.id} has no OCR'd page",
                           message="Tệp này không có trang nào được nhận dạng bằng OCR (có lớp "
                                   "chữ, hoặc là tệp Word), không cần nhận dạng lại.")
    size = max(1, chunk_pages)
    return [numbers[i:i + size] for i in range(0, len(numbers), size)]


def _check_finished(doc: Document) -> None:
    if doc.status == "failed":
        raise Conflict(f"document {doc.id} failed",
                       message="Tệp không đọc được nên không có trang nào để nhận dạng lại.")
    if doc.status != "done":
        raise Conflict(f"document {doc.id} is {doc.status}",
                       message="Tệp chưa được đọc xong; hãy nhận dạng lại sau khi đọc xong.")


def _check_pages(doc: Document, pages: Sequence[int], rows: Mapping[int, PageRow]) -> None:
    for n in pages:
        row = rows.get(n)
        if row is None:
            held = (f" (phần này của tệp gồm trang {doc.first_page}–{doc.last_page})"
                    if doc.first_page is not None else "")
            raise NotFound(f"document {doc.id} has no page {n}",
                           message=f"Tệp không có trang {n}{held}.")
        if row.method == "text":
            raise BadInput(f"document {doc.id} page {n} has a text layer",
                           message=f"Trang {n} có lớp chữ, không cần nhận dạng lại.")
        if row.method != "ocr":
            raise BadInput(f"document {doc.id} page {n} is read from {row.method}",
                           message=f"Trang {n} lấy từ tệp Word, không có ảnh để nhận dạng lại.")


# ---------------------------------------------------------------------------- jobs


def reocr_document(rt: Runtime, document_id: int, settings: ReocrSettings, *,
                   page: int | None = None, engine: OcrEngine | None = None) -> ReocrResult:
    """Read ``page`` (None: every OCR'd page) of a finished file again, here and now, and
    persist it; the dossier is understood again and its duplicate check run again."""
    ctx = rt.read_context()
    if engine is not None:
        ctx = replace(ctx, engine=engine)
    with rt.db.session() as s:
        doc = _document(s, document_id)
        pages = [n for chunk in plan_reocr(doc, page, 1 << 30) for n in chunk]
    return reocr_pages(rt, document_id, pages, settings, ctx=ctx)


def reocr_pages(rt: Runtime, document_id: int, pages: Sequence[int], settings: ReocrSettings, *,
                ctx: ReadContext | None = None, request: int | None = None,
                compare: Compare | None = None) -> ReocrResult:
    """Read ``pages`` of a finished file again (one chunk of ``request``, or all there is)
    and persist them; see the module's docstring. Raises Conflict, NotFound or BadInput for a
    request the file cannot take, ProcessingFailed (worth another try) when reading broke."""
    ctx = ctx or rt.read_context()
    with rt.db.session() as s:
        doc = _document(s, document_id)
        _check_finished(doc)
        _check_pages(doc, pages, {row.number: row for row in doc.pages})
        sha, path, searchable = doc.sha256, doc.path, doc.searchable_sha256 is not None
    if sha is None:  # a file refused at intake has no pages either
        raise Conflict(f"document {document_id} not stored", message="Tệp này không được lưu.")
    options = settings.options(ctx.ocr, searchable_pdf=searchable)
    try:
        results, frames = _read_again(rt.store.read(sha), path, pages, settings, options, ctx)
    except HosoError:
        raise
    except Exception as exc:  # pdfium or a decoder on the file, the store …: worth another try
        raise ProcessingFailed(f"reading pages {list(pages)} again: {type(exc).__name__}: {exc}"
                               ) from exc
    return _save(rt, document_id, pages, results, frames, settings, request, compare)


def run_request(rt: Runtime, document_id: int, pages: Sequence[int], settings: Mapping[str, Any],
                request: int | None, *, ctx: ReadContext | None = None,
                compare: Compare | None = None) -> str:
    """What the ``hoso.reocr`` task runs: one chunk of a request. A request the file cannot
    take (any more) ends as "reocr_failed" with the reason; a chunk already ended is left."""
    if request is not None and _ended(rt, request, pages[0]):
        return "done"
    try:
        reocr_pages(rt, document_id, pages, ReocrSettings.from_json(settings), ctx=ctx,
                    request=request, compare=compare)
    except (BadInput, NotFound, Conflict) as exc:
        give_up_reocr(rt, document_id, pages, request, exc, compare=compare)
        return "failed"
    return "done"


def give_up_reocr(rt: Runtime, document_id: int, pages: Sequence[int], request: int | None,
                  error: HosoError, *, compare: Compare | None = None) -> str:
    """A chunk that cannot be read again (its last try failed, or the file cannot take it):
    its pages keep their reading; the entry saying so ends the chunk, and maybe the request."""
    check = None
    with rt.db.session() as s:
        doc = _locked(s, document_id)
        dossier_id = doc.dossier_id if doc is not None else None
        if request is not None and _chunk_ended(s, request, pages[0]):
            return "failed"
        target = _audit_target(s, request, dossier_id)
        s.add(AuditEntry(action=FAILED, object_type="dossier", object_id=target, detail={
            "document": document_id, "request": request, "chunk": pages[0], "pages": list(pages),
            "code": error.code, "message": error.message}))
        s.flush()
        if doc is not None and _completes(s, request, pages[0]):
            check = _understand_again(rt, s, doc.dossier)
    if check is not None:
        _compare(rt, check, compare)
    return "failed"


# ---------------------------------------------------------------------------- reading


def _read_again(data: bytes, name: str, pages: Sequence[int], settings: ReocrSettings,
                options: OcrOptions, ctx: ReadContext) -> tuple[dict[int, OcrPage], int | None]:
    """The pages OCR'd again, by number; and how many pages the searchable PDF must have for
    its page n to be the file's page n (None: by construction, as for every PDF)."""
    kind = triage(data, name)
    if kind is FileType.PDF:
        if settings.dpi is None:
            chosen = read_text_layer(data, name=name, max_pages=ctx.max_pages).ocr
            dpis = {n: chosen.get(n, DEFAULT_DPI) for n in pages}
        else:
            dpis = dict.fromkeys(pages, settings.dpi)
        got = ocr_pdf_pages(data, dpis, engine=ctx.engine, options=options)
        return {r.page.number: r for r in got}, None
    if kind is FileType.IMAGE:
        info = survey_image(data, name=name, max_pixels=ctx.max_image_pixels,
                            max_pages=ctx.max_pages)
        frames = _frames(data, pages, settings.dpi, ctx.max_image_pixels)
        got = ocr_pages(frames, engine=ctx.engine, options=options)
        return {r.page.number: r for r in got}, info.pages
    raise BadInput(f"{name}: {kind.value} pages are not OCR'd",
                   message="Tệp này không phải bản quét, không có trang để nhận dạng lại.")


def _frames(data: bytes, pages: Sequence[int], dpi: int | None,
            max_pixels: int) -> Iterator[tuple[int, Image.Image]]:
    image = Image.open(io.BytesIO(data))
    for n in pages:
        frame = decode_frame(image, n - 1)
        yield n, frame if dpi is None else _at_dpi(frame, dpi, max_pixels)


def _at_dpi(frame: Image.Image, dpi: int, max_pixels: int) -> Image.Image:
    """An image page resampled to ``dpi`` (from the resolution ``page_dpi`` gives it)."""
    own = page_dpi(frame)
    if own == dpi:
        return frame
    size = (max(1, round(frame.width * dpi / own)), max(1, round(frame.height * dpi / own)))
    if size[0] * size[1] > max_pixels:
        raise ImageTooLarge(f"{size[0]}×{size[1]} pixels at {dpi} DPI > {max_pixels}",
                            message=f"Ở {dpi} DPI trang ảnh quá lớn; hãy chọn độ phân giải thấp hơn.")
    page = preprocess.to_display(frame)
    if page.mode == "1":  # a bilevel page resampled as grey: NEAREST would be all Pillow does
        page = page.convert("L")
    out = page.resize(size, Image.Resampling.LANCZOS)
    out.info["dpi"] = (dpi, dpi)
    return out


# ---------------------------------------------------------------------------- persisting


def _save(rt: Runtime, document_id: int, pages: Sequence[int], results: Mapping[int, OcrPage],
          frames: int | None, settings: ReocrSettings, request: int | None,
          compare: Compare | None) -> ReocrResult:
    check = None
    with rt.db.session() as s:
        doc = _locked(s, document_id)
        if doc is None:
            raise NotFound(f"document {document_id}", message="Không có tệp này.")
        _check_finished(doc)
        rows = {row.number: row for row in doc.pages}
        _check_pages(doc, pages, rows)
        before = doc.mean_confidence
        if request is not None and _chunk_ended(s, request, pages[0]):  # delivered twice
            return ReocrResult(doc.id, doc.dossier_id, (), (before, before), "kept", False)
        changes, pdfs = [], {}
        for n in pages:
            row, got = rows[n], results[n]
            lost = next((p for p in got.problems if p.code in LOST), None)
            if lost is not None:
                changes.append(PageChange(n, row.confidence, row.confidence, lost.code, lost.message))
                continue
            old = row.confidence
            page = replace(got.page, text=nfc(got.page.text))
            for key, value in page_columns(page).items():
                setattr(row, key, value)
            s.execute(delete(ProblemRow).where(ProblemRow.document_id == doc.id,
                                               ProblemRow.page == n, ProblemRow.stage == "ocr"))
            for p in got.problems:
                s.add(ProblemRow(dossier_id=doc.dossier_id, document_id=doc.id, stage=p.stage,
                                 page=p.page, code=p.code, message=p.message, detail=p.detail))
            if got.pdf:
                pdfs[n] = got.pdf
            changes.append(PageChange(n, old, row.confidence))
        confs = [r.confidence for r in rows.values() if r.method == "ocr" and r.confidence is not None]
        doc.mean_confidence = round(sum(confs) / len(confs), 1) if confs else None
        searchable = _searchable_again(rt, s, doc, pdfs, frames)
        s.flush()
        _settle(s, doc.dossier)  # a page lost at the first reading may be read now
        result = ReocrResult(doc.id, doc.dossier_id, tuple(changes),
                             (before, doc.mean_confidence), searchable, False)
        s.add(AuditEntry(action=DONE, object_type="dossier",
                         object_id=_audit_target(s, request, doc.dossier_id), detail={
                             "document": doc.id, "request": request, "chunk": pages[0],
                             "settings": settings.as_json(), "searchable": searchable,
                             "mean_confidence": list(result.mean_confidence),
                             "pages": [c.as_json() for c in changes]}))
        s.flush()
        if _completes(s, request, pages[0]):
            result = replace(result, finished=True)
            check = _understand_again(rt, s, doc.dossier)
    if check is not None:
        _compare(rt, check, compare)
    return result


def _compare(rt: Runtime, dossier_id: int, compare: Compare | None) -> None:
    if compare is not None:
        compare(dossier_id)
    else:
        check_duplicates(rt, dossier_id)


def _searchable_again(rt: Runtime, s: Session, doc: Document, pdfs: Mapping[int, bytes],
                      frames: int | None) -> str:
    """The file's searchable PDF with the pages read again in place of the old ones. Kept
    as it is when no new page came with an image (a fake engine), or when its pages are not
    the file's one for one (an image file whose broken frame cut it short)."""
    if doc.searchable_sha256 is None:
        return "none"
    if not pdfs:
        return "kept"
    old = rt.store.read(doc.searchable_sha256)
    count = page_count(old)
    if (frames is not None and count != frames) or max(pdfs) > count:
        log.warning("searchable PDF of document %s: %d pages, file %s; kept", doc.id, count, frames)
        return "kept"
    stored = rt.store.put_bytes(replace_pages(old, pdfs))
    if s.get(Blob, stored.sha256) is None:
        insert_ignoring_duplicate(s, Blob, sha256=stored.sha256, size=stored.size)
    doc.searchable_sha256 = stored.sha256
    return "rebuilt"


def _understand_again(rt: Runtime, s: Session, dossier: Dossier) -> int | None:
    """The dossier understood from its pages as they are now; the id to check for duplicates
    when it is checked at all (a loose file is compared once its batch is grouped)."""
    s.execute(delete(ProblemRow).where(ProblemRow.dossier_id == dossier.id,
                                       ProblemRow.stage == "understand"))
    s.flush()
    understand_dossier(rt, s, dossier)
    if dossier.status in CHECKABLE and (dossier.formed_by != "file" or dossier.batch.grouped):
        return dossier.id
    return None


# ---------------------------------------------------------------------------- state


def _document(s: Session, document_id: int) -> Document:
    doc = s.get(Document, document_id)
    if doc is None:
        raise NotFound(f"document {document_id}", message="Không có tệp này.")
    return doc


def _audit_target(s: Session, request: int | None, dossier_id: int | None) -> int | None:
    """The dossier the request was made on: its entries stay together in its history."""
    asked = s.get(AuditEntry, request) if request is not None else None
    return asked.object_id if asked is not None else dossier_id


def _entries(s: Session, request: int) -> tuple[AuditEntry | None, list[AuditEntry]]:
    asked = s.get(AuditEntry, request)
    if asked is None or asked.action != REQUESTED:
        return None, []
    ended = [e for e in s.scalars(select(AuditEntry).where(
        AuditEntry.action.in_(ENDED), AuditEntry.object_type == asked.object_type,
        AuditEntry.object_id == asked.object_id)) if (e.detail or {}).get("request") == request]
    return asked, ended


def _chunk_ended(s: Session, request: int, chunk: int) -> bool:
    return any(e.detail.get("chunk") == chunk for e in _entries(s, request)[1])


def _ended(rt: Runtime, request: int, chunk: int) -> bool:
    with rt.db.session() as s:
        return _chunk_ended(s, request, chunk)


def _completes(s: Session, request: int | None, chunk: int) -> bool:
    """Every chunk of the request has ended (this one's entry is written and flushed)."""
    if request is None:
        return True
    asked, ended = _entries(s, request)
    if asked is None:  # no such request: the chunk stands alone
        return True
    wanted = {c[0] for c in (asked.detail or {}).get("chunks", [[chunk]])}
    return wanted <= {e.detail.get("chunk") for e in ended}


def pending_pages(s: Session, dossier_id: int) -> dict[int, list[int]]:
    """Document id -> its pages with a re-OCR requested and not ended, in the dossier's
    audit entries. The latest request for a page decides (one whose message was lost stops
    counting once the page is asked for again)."""
    entries = s.scalars(select(AuditEntry).where(
        AuditEntry.action.in_((REQUESTED, *ENDED)), AuditEntry.object_type == "dossier",
        AuditEntry.object_id == dossier_id).order_by(AuditEntry.id))
    latest: dict[tuple[int, int], tuple[int, int]] = {}  # (document, page) -> (request, chunk)
    ended: set[tuple[int, int]] = set()
    for e in entries:
        d = e.detail or {}
        if e.action == REQUESTED:
            for chunk in d.get("chunks", []):
                for n in chunk:
                    latest[(d["document"], n)] = (e.id, chunk[0])
        elif d.get("request") is not None:
            ended.add((d["request"], d["chunk"]))
    out: dict[int, list[int]] = {}
    for (doc_id, n), key in sorted(latest.items()):
        if key not in ended:
            out.setdefault(doc_id, []).append(n)
    return out
