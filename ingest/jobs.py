"""The orchestrator: runs pipeline steps and persists what they return.

Two jobs, both safe to run twice (a redelivered task, a restarted batch):

- ``register``: store originals by sha256 and create batch, dossier and document rows.
  A dossier whose files are byte-for-byte those of a dossier already registered is not
  created again: the existing one is returned and the result says so.
- ``process_document``: read one file into pages. A file already finished is left alone;
  one left "running" by a killed worker is simply read again (its old rows are replaced in
  the same transaction that writes the new ones).
- ``ocr_chunk`` / ``finish_document``: a file with more pages to OCR than one chunk holds
  is spread: ``process_document`` plans its chunks (``ingest.chunks``), each chunk is OCR'd
  by whichever worker takes it, the chunk that completes the set hands the file on, and
  ``finish_document`` reads it whole from the chunks' OCR and persists it the same way.

Persisting happens under a lock on the document's row, and a file found finished by then is
left as it is: of two workers that read the same file (a redelivered message, a restarted
worker), the second writes nothing, so no page, problem or split-off dossier is made twice.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ingest.assemble import (
    FINISHED,
    batch_finished,
    claim_grouping,
    group_batch,
    split_document,
    understand_dossier,
)
from ingest.chunks import Plan, chunk_ranges
from ingest.duplicates import check_duplicates
from ingest.intake import DossierInput, Intake
from ingest.ocr import OcrPart, lost_part
from ingest.pipeline import FileResult, process_file, split_file, survey_file
from ingest.pipeline import ocr_chunk as ocr_chunk_pages
from ingest.readers import ReadContext
from ingest.runtime import Runtime
from models.db import insert_ignoring_duplicate
from models.domain import Problem
from models.errors import (
    BadInput,
    HosoError,
    OcrFailed,
    OcrTimeout,
    ProcessingFailed,
    StepTimeout,
    WorkerLost,
)
from models.tables import Batch, Blob, Document, Dossier, ProblemRow, Upload

log = logging.getLogger(__name__)



@dataclass(frozen=True)
class Registered:
    batch_id: int
    dossier_id: int
    source: str
    new: bool  # False: the same files were registered before, as dossier_id
    files: int
    files_already_stored: int  # files whose bytes were already in the store


def register(rt: Runtime, intake: Intake, *, round: str | None = None,
             profile: str | None = None, prior: bool = False) -> list[Registered]:
    out: list[Registered] = []
    new_now: set[str] = set()  # blobs first stored by this call
    with rt.db.session() as s:
        batch = Batch(round=round, profile=profile, prior=prior)
        s.add(batch)
        s.flush()
        for original in intake.originals:
            sha, existed = _store(rt, s, original.data, new_now)
            s.add(Upload(batch_id=batch.id, name=original.name, sha256=sha, already_stored=existed))
        for dossier_in in intake.dossiers:
            out.append(_register_dossier(rt, s, batch, dossier_in, new_now))
    return out


def _store(rt: Runtime, s: Session, data: bytes, new_now: set[str]) -> tuple[str, bool]:
    """Store bytes once; True when they were in the store before this registration."""
    stored = rt.store.put_bytes(data)
    if s.get(Blob, stored.sha256) is None and insert_ignoring_duplicate(
            s, Blob, sha256=stored.sha256, size=stored.size):
        new_now.add(stored.sha256)  # two uploads of the same bytes at once: one row, no error
    return stored.sha256, stored.sha256 not in new_now


def _register_dossier(rt: Runtime, s: Session, batch: Batch, d: DossierInput,
                      new_now: set[str]) -> Registered:
    shas: list[str | None] = []
    existed = 0
    for f in d.files:
        if f.data or f.error is None:
            sha, known = _store(rt, s, f.data, new_now)
            shas.append(sha)
            existed += known
        else:
            shas.append(None)
    # same bytes = same dossier, whatever the files are called now
    fingerprint = hashlib.sha256(
        "\n".join(sorted(sha or f"unread:{f.path}" for f, sha in zip(d.files, shas))).encode()
    ).hexdigest()
    same = s.scalars(select(Dossier).where(Dossier.fingerprint == fingerprint,
                                           Dossier.prior == batch.prior)).first()
    if same is not None:
        return Registered(batch.id, same.id, same.source, False, len(d.files), existed)
    dossier = Dossier(batch_id=batch.id, source=d.source, fingerprint=fingerprint,
                      round=batch.round, profile=batch.profile, prior=batch.prior,
                      formed_by=d.formed_by, status="pending")
    s.add(dossier)
    s.flush()
    for position, (f, sha) in enumerate(zip(d.files, shas)):
        doc = Document(dossier_id=dossier.id, position=position, name=f.name, path=f.path,
                       sha256=sha, size=len(f.data), status="pending")
        s.add(doc)
        if f.error is not None:
            s.flush()
            doc.status = "failed"
            _add_problem(s, dossier.id, doc.id, _problem_of(f.error, "intake"))
    s.flush()
    _settle(s, dossier)
    return Registered(batch.id, dossier.id, dossier.source, True, len(d.files), existed)


def dossiers_formed(rt: Runtime, registered: list[Registered]) -> list[int]:
    """The dossiers an ingest ended with: those registered before (same files), and every
    dossier of the new batches as reading left them (stack scans split, loose files grouped)."""
    batches = {r.batch_id for r in registered}
    old = {r.dossier_id for r in registered if not r.new}
    with rt.db.session() as s:
        new = s.scalars(select(Dossier.id).where(Dossier.batch_id.in_(batches))) if batches else []
        return sorted(old | set(new))


def pending_documents(rt: Runtime, dossier_ids: list[int] | None = None) -> list[int]:
    """Documents not finished yet: new ones, and those a killed worker left running."""
    with rt.db.session() as s:
        q = select(Document.id).where(Document.status.not_in(FINISHED))
        if dossier_ids is not None:
            q = q.where(Document.dossier_id.in_(dossier_ids))
        return list(s.scalars(q.order_by(Document.id)))


@dataclass(frozen=True)
class Handoff:
    """How jobs hand on the work they make. The default does everything here, in one pass
    (tests, scripts); ``ingest.tasks`` sends messages instead, so that the chunks of a long
    scan are OCR'd by every worker process of every machine."""

    # send OCR tasks for (first, last) page ranges of a document; None: never spread a file
    fan_out: Callable[[int, list[tuple[int, int]]], None] | None = None
    # send the task that assembles a document whose chunks are all in; None: do it here
    finish: Callable[[int], None] | None = None
    chunk_pages: int = 4  # a file with more pages to OCR than this is spread
    # raised into a job from outside (a worker's time limit): never taken for the file's own
    # error, re-raised unless this is the final attempt
    interrupts: tuple[type[BaseException], ...] = ()


INLINE = Handoff()
MAX_ATTEMPTS = 8  # a file or chunk started this often without finishing kills its worker


def process_document(rt: Runtime, document_id: int, ctx: ReadContext, *,
                     final_attempt: bool = True, hand: Handoff = INLINE) -> str:
    """Read one file into pages and persist them. Returns the document's status.

    A file with more pages to OCR than ``hand.chunk_pages`` is not read here: its pages are
    planned into chunks and handed on (``hand.fan_out``); the document stays "running"
    until ``finish_document``. Called again for such a file (a redelivery, a restart), it
    hands on the chunks that have no result yet.

    A ``ProcessingFailed`` (tool crash, timeout) is re-raised for the caller to retry unless
    this is the final attempt, in which case it is recorded on the file like bad input.
    """
    with rt.db.session() as s:
        doc = s.get(Document, document_id)  # a finished file's extra message takes no lock
        if doc is not None and doc.status not in FINISHED:
            doc = _locked(s, document_id)
        if doc is None:
            return "missing"
        status, sha, path, batch_id = doc.status, doc.sha256, doc.path, doc.dossier.batch_id
        if status not in FINISHED:
            plan = _plan(rt, document_id, sha) if hand.fan_out else None
            if plan is None:  # a worker starts reading the file (a plan's chunks do not count)
                doc.attempts += 1
            doc.status, attempts = "running", doc.attempts
    if status in FINISHED:
        _group_when_batch_done(rt, batch_id)  # in case the worker that finished it died first
        return status
    if plan is not None:
        _hand_on(rt, plan, ctx, hand)
        return "running"
    if attempts > MAX_ATTEMPTS:
        return _save(rt, document_id, None, _problem_of(WorkerLost(
            f"started {attempts - 1} times without finishing"), "read"))
    data = rt.store.read(sha) if sha else b""
    outcome: FileResult | None = None
    failure: Problem | None = None
    try:
        found = survey_file(data, path, ctx)
        if hand.fan_out is not None and len(found.ocr) > hand.chunk_pages:
            plan = rt.chunks.put_plan(Plan(document_id, sha, found.file_type, found.pages,
                                           found.ocr, chunk_ranges(found.ocr, hand.chunk_pages)))
        else:
            outcome = process_file(data, path, ctx, found=found)
    except Exception as exc:
        failure = _failure(rt, document_id, exc, final_attempt, hand)
    if plan is not None:
        _hand_on(rt, plan, ctx, hand)
        return "running"
    return _save(rt, document_id, outcome, failure)


def ocr_chunk(rt: Runtime, document_id: int, first: int, last: int, ctx: ReadContext, *,
              final_attempt: bool = True, hand: Handoff = INLINE) -> str:
    """OCR one chunk of a spread file (pages ``first``..``last`` of its plan) and keep the
    result; the chunk that completes the set hands the file on to be finished. A chunk that
    cannot be read on its final attempt (or whose worker keeps dying) is kept as pages lost
    with their problem, as a page whose OCR failed: the file is finished all the same."""
    with rt.db.session() as s:
        doc = s.get(Document, document_id)
        if doc is None or doc.status in FINISHED:
            return doc.status if doc else "missing"
        sha, path = doc.sha256, doc.path
    plan = _plan(rt, document_id, sha)
    if plan is None or (first, last) not in plan.chunks:
        return "running"  # a message of a plan that is gone: the document was re-planned
    if not rt.chunks.has(document_id, first, last):
        rt.chunks.put_part(document_id, _read_chunk(rt, plan, first, last, path, ctx,
                                                    final_attempt, hand))
    if not rt.chunks.missing(plan):
        _hand_on(rt, plan, ctx, hand)
    return "running"


def _read_chunk(rt: Runtime, plan: Plan, first: int, last: int, path: str, ctx: ReadContext,
                final_attempt: bool, hand: Handoff) -> OcrPart:
    dpis = plan.dpis(first, last)
    tries = rt.chunks.tried(plan.document_id, first, last)
    if tries > MAX_ATTEMPTS:
        return lost_part(first, last, dpis, OcrFailed(
            f"pages {first}-{last}: started {tries - 1} times without finishing"))
    try:
        return ocr_chunk_pages(plan.file_type, rt.store.read(plan.sha256), path, dpis, ctx)
    except hand.interrupts:
        if not final_attempt:
            raise
        return lost_part(first, last, dpis, OcrTimeout(
            f"pages {first}-{last}: the chunk ran past its time limit on every try"))
    except Exception as exc:  # pdfium or a decoder on the whole chunk, the store …
        if not final_attempt:  # worth another try, as a tool's failure is
            raise ProcessingFailed(f"pages {first}-{last}: {type(exc).__name__}: {exc}") from exc
        log.exception("OCR of pages %d-%d of document %s failed", first, last, plan.document_id)
        return lost_part(first, last, dpis, OcrFailed(f"{type(exc).__name__}: {exc}"))


def give_up_chunk(rt: Runtime, document_id: int, first: int, last: int, error: HosoError,
                  ctx: ReadContext, hand: Handoff) -> str:
    """A chunk's last try failed outside its OCR (database, broker, time limit): its pages
    are recorded lost, unless its result is in, and the file goes on to be finished."""
    plan = rt.chunks.plan(document_id)
    if plan is None or (first, last) not in plan.chunks:
        return "running"
    if not rt.chunks.has(document_id, first, last):
        lost = OcrTimeout if isinstance(error, StepTimeout) else OcrFailed
        rt.chunks.put_part(document_id, lost_part(first, last, plan.dpis(first, last),
                                                  lost(f"pages {first}-{last}: {error}")))
    if not rt.chunks.missing(plan):
        _hand_on(rt, plan, ctx, hand)
    return "running"


def finish_document(rt: Runtime, document_id: int, ctx: ReadContext, *,
                    final_attempt: bool = True, hand: Handoff = INLINE) -> str:
    """Read a spread file whole, taking its pages' OCR from its chunks, and persist it
    exactly as ``process_document`` persists a file it read itself."""
    with rt.db.session() as s:
        doc = s.get(Document, document_id)
        if doc is None:
            return "missing"
        status, sha, path, batch_id = doc.status, doc.sha256, doc.path, doc.dossier.batch_id
    if status in FINISHED:
        _group_when_batch_done(rt, batch_id)
        return status
    plan = _plan(rt, document_id, sha)
    parts = rt.chunks.parts(plan) if plan else None
    if parts is None:
        return "running"  # not every chunk is in: the last one to come hands it on again
    outcome: FileResult | None = None
    failure: Problem | None = None
    try:
        outcome = process_file(rt.store.read(sha), path, ctx, parts=parts)
    except Exception as exc:
        failure = _failure(rt, document_id, exc, final_attempt, hand)
    return _save(rt, document_id, outcome, failure)


def fail_document(rt: Runtime, document_id: int, error: HosoError, stage: str = "read") -> str:
    """Record a failure that ends a file's processing (its last retry failed)."""
    return _save(rt, document_id, None, _problem_of(error, stage))


def _failure(rt: Runtime, document_id: int, exc: Exception, final_attempt: bool,
             hand: Handoff) -> Problem:
    """What reading a file raised, as the problem to record on it; or the exception again
    when it is worth another try (a tool crash, a time limit) and this is not the last."""
    if isinstance(exc, BadInput):
        return _problem_of(exc, "read")
    if isinstance(exc, (ProcessingFailed, *hand.interrupts)):
        if not final_attempt:
            with rt.db.session() as s:
                s.get(Document, document_id).status = "pending"
            raise exc
        if isinstance(exc, ProcessingFailed):
            return _problem_of(exc, "read")
        return _problem_of(StepTimeout("reading the file ran past its time limit on every try"),
                           "read")
    log.exception("internal error reading document %s", document_id, exc_info=exc)
    return Problem("internal_error", "Lỗi hệ thống khi đọc tệp; đã ghi nhật ký để xử lý.",
                   stage="read", detail=f"{type(exc).__name__}: {exc}")


def _plan(rt: Runtime, document_id: int, sha: str | None) -> Plan | None:
    """The document's chunk plan, if one was made from these bytes."""
    plan = rt.chunks.plan(document_id)
    if plan is not None and plan.sha256 != sha:
        rt.chunks.drop(document_id)
        return None
    return plan


def _hand_on(rt: Runtime, plan: Plan, ctx: ReadContext, hand: Handoff) -> None:
    """Send the chunks that have no result yet; when none is left, the assembly."""
    missing = rt.chunks.missing(plan)
    if missing:
        if hand.fan_out is None:  # chunks made by a worker, resumed without one: read here
            for first, last in missing:
                ocr_chunk(rt, plan.document_id, first, last, ctx, hand=hand)
            return
        hand.fan_out(plan.document_id, missing)
    elif hand.finish is not None:
        hand.finish(plan.document_id)
    else:
        finish_document(rt, plan.document_id, ctx, hand=hand)


def _locked(s: Session, document_id: int) -> Document | None:
    """The document's row, read afresh and locked until the transaction ends, so that of
    two workers on the same file the second sees what the first wrote. An UPDATE takes the
    lock on PostgreSQL and SQLite alike (SQLite has no SELECT … FOR UPDATE; a transaction
    whose first statement writes waits for the write lock, then reads the latest data)."""
    s.execute(update(Document).where(Document.id == document_id)
              .values(attempts=Document.attempts, updated_at=Document.updated_at))
    return s.get(Document, document_id, populate_existing=True)


def _save(rt: Runtime, document_id: int, outcome: FileResult | None,
          failure: Problem | None) -> str:
    """Persist a file's reading (or its failure), then what finishing it sets off: its
    dossier settled and understood, split-off dossiers, the duplicate check, the grouping of
    its batch. A file another worker finished meanwhile is left as that worker wrote it."""
    result = outcome.text if outcome else None
    with rt.db.session() as s:
        doc = _locked(s, document_id)
        if doc is None or doc.status in FINISHED:
            return doc.status if doc else "missing"
        dossier_id = doc.dossier_id
        searchable = (rt.store.put_bytes(result.searchable_pdf)
                      if result and result.searchable_pdf else None)
        for old in list(doc.pages):
            s.delete(old)
        for old in s.scalars(select(ProblemRow).where(ProblemRow.document_id == document_id)):
            s.delete(old)
        s.flush()
        if result is not None:
            doc.file_type = result.file_type.value
            doc.page_count = len(result.pages)
            doc.ocr_pages = result.ocr_pages
            doc.mean_confidence = result.mean_confidence
            doc.legacy_encoding = result.legacy_encoding
            doc.kind = outcome.classification.kind
            if searchable:
                if s.get(Blob, searchable.sha256) is None:
                    s.add(Blob(sha256=searchable.sha256, size=searchable.size))
                doc.searchable_sha256 = searchable.sha256
            for problem in result.problems:
                _add_problem(s, dossier_id, doc.id, problem)
            doc.status = "done"
            made = split_document(s, doc, split_file(doc.path, result.pages), result.pages)
        else:
            made = []
            _add_problem(s, dossier_id, doc.id, failure)
            doc.status = "failed"
        s.flush()
        _settle(s, doc.dossier)
        s.flush()
        s.expire_all()  # page rows were added by id: load the collections afresh
        for dossier in (doc.dossier, *made):
            understand_dossier(rt, s, dossier)
        batch_id = doc.dossier.batch_id
        status = doc.status
        # a loose file may yet be grouped with others: it is compared once its batch is
        finished = [d.id for d in (doc.dossier, *made)
                    if d.status in ("done", "partial") and d.formed_by != "file"]
    rt.chunks.drop(document_id)
    for dossier_id in finished:
        check_duplicates(rt, dossier_id)
    _group_when_batch_done(rt, batch_id)
    return status


def _group_when_batch_done(rt: Runtime, batch_id: int) -> None:
    """The last file of an upload to finish groups its loose files (once per batch)."""
    with rt.db.session() as s:
        if not batch_finished(s, batch_id) or not claim_grouping(s, batch_id):
            return
        for dossier in group_batch(s, batch_id):
            understand_dossier(rt, s, dossier)
        loose = list(s.scalars(select(Dossier.id).where(
            Dossier.batch_id == batch_id, Dossier.formed_by.in_(("file", "group")),
            Dossier.status.in_(("done", "partial")))))
    for dossier_id in loose:
        check_duplicates(rt, dossier_id)


def _settle(s: Session, dossier: Dossier) -> None:
    """Dossier status from its files: done, partial (some files failed or pages lost),
    failed (nothing readable); pending while any file is still being read.

    Two workers finishing the last two files of one dossier at once must not each see the
    other's file still running (PostgreSQL, read committed: the dossier stayed "processing"):
    the dossier row is locked first, so the second waits for the first to commit, and the
    statuses are read from the database, not from objects this session loaded earlier."""
    s.refresh(dossier, with_for_update=True)
    statuses = list(s.scalars(select(Document.status).where(Document.dossier_id == dossier.id)))
    if not statuses:
        dossier.status = "failed"
    elif any(st not in FINISHED for st in statuses):
        dossier.status = "processing" if any(st != "pending" for st in statuses) else "pending"
    elif all(st == "failed" for st in statuses):
        dossier.status = "failed"
    else:
        lost_pages = s.scalars(select(ProblemRow.id).where(
            ProblemRow.dossier_id == dossier.id,
            ProblemRow.code.in_(("ocr_timeout", "ocr_failed")))).first()
        dossier.status = "partial" if ("failed" in statuses or lost_pages) else "done"


def _problem_of(exc: HosoError, stage: str) -> Problem:
    return Problem(exc.code, exc.message, stage=stage, detail=exc.detail)


def _add_problem(s: Session, dossier_id: int, document_id: int | None, p: Problem) -> None:
    s.add(ProblemRow(dossier_id=dossier_id, document_id=document_id, stage=p.stage, page=p.page,
                     code=p.code, message=p.message, detail=p.detail))

