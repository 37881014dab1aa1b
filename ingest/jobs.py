"""The orchestrator: runs pipeline steps and persists what they return.

Two jobs, both safe to run twice (a redelivered task, a restarted batch):

- ``register``: store originals by sha256 and create batch, dossier and document rows.
  A dossier whose files are byte-for-byte those of a dossier already registered is not
  created again: the existing one is returned and the result says so.
- ``process_document``: read one file into pages. A file already finished is left alone;
  one left "running" by a killed worker is simply read again (its old rows are replaced in
  the same transaction that writes the new ones).
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ingest.assemble import (
    FINISHED,
    batch_finished,
    claim_grouping,
    group_batch,
    split_document,
    understand_dossier,
)
from ingest.duplicates import check_duplicates
from ingest.intake import DossierInput, Intake
from ingest.pipeline import FileResult, process_file, split_file
from ingest.readers import ReadContext
from ingest.runtime import Runtime
from models.domain import Problem
from models.errors import BadInput, HosoError, ProcessingFailed
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
    if s.get(Blob, stored.sha256) is None:
        s.add(Blob(sha256=stored.sha256, size=stored.size))
        s.flush()
        new_now.add(stored.sha256)
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


def process_document(rt: Runtime, document_id: int, ctx: ReadContext, *,
                     final_attempt: bool = True) -> str:
    """Read one file into pages and persist them. Returns the document's status.

    A ``ProcessingFailed`` (tool crash, timeout) is re-raised for the caller to retry unless
    this is the final attempt, in which case it is recorded on the file like bad input.
    """
    with rt.db.session() as s:
        doc = s.get(Document, document_id)
        if doc is None or doc.status in FINISHED:
            return doc.status if doc else "missing"
        doc.status, doc.attempts = "running", doc.attempts + 1
        sha, name, path, dossier_id = doc.sha256, doc.name, doc.path, doc.dossier_id
    data = rt.store.read(sha) if sha else b""
    outcome: FileResult | None = None
    failure: Problem | None = None
    try:
        outcome = process_file(data, path, ctx)
    except BadInput as exc:
        failure = _problem_of(exc, "read")
    except ProcessingFailed as exc:
        if not final_attempt:
            with rt.db.session() as s:
                s.get(Document, document_id).status = "pending"
            raise
        failure = _problem_of(exc, "read")
    except Exception as exc:
        log.exception("internal error reading document %s (%s)", document_id, name)
        failure = Problem("internal_error", "Lỗi hệ thống khi đọc tệp; đã ghi nhật ký để xử lý.",
                          stage="read", detail=f"{type(exc).__name__}: {exc}")
    result = outcome.text if outcome else None
    searchable = rt.store.put_bytes(result.searchable_pdf) if result and result.searchable_pdf else None
    with rt.db.session() as s:
        doc = s.get(Document, document_id)
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
            made = split_document(s, doc, split_file(path, result.pages), result.pages)
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

