"""Routes of batches and dossiers: upload, progress, list, report, text, pages, files, re-OCR.

An upload (many files and ZIPs in one multipart request) is streamed to disk file by file
under a size limit, stored byte for byte and registered before the answer (202, with the batch
id); workers read the files afterwards. What a reader gets of a dossier is decided by
``api.access``: a reviewer reads the dossiers assigned to them and the archive; confidential
text is withheld from whoever may not see it, and its original files with it. A page that
OCR read badly can be read again with other settings (``ingest.reocr``): the request is queued,
and the dossier's text says which pages are still being read again.
"""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from api import access
from api.audit import record
from api.auth import Principal
from api.deps import Id, Position, Who, client_ip, runtime
from api.supplements import link_resubmission, waiting_original
from ingest.archive import archive_list, record_for
from ingest.duplicates import confidential_lines
from ingest.intake import as_one_dossier, collect
from ingest.jobs import register
from ingest.page_image import page_png
from ingest.progress import document_progress
from ingest.reocr import PSM_MODES, ReocrSettings, pending_pages, plan_reocr
from ingest.runner import enqueue, enqueue_reocr
from ingest.runtime import Runtime
from models.blind import identifying_phrases, mask_all
from models.errors import Conflict, FileTooLarge, Forbidden, NotFound, ProfileError
from models.report import build_report, shown_title, supplement_json, withhold
from models.rounds import ensure_open
from models.search import terms
from models.tables import Assignment, Batch, Document, Dossier, DupMatch

router = APIRouter()
STATUSES = ("pending", "processing", "done", "partial", "failed")
DECISIONS = ("accept", "supplement", "reject")
MEDIA = {"pdf": "application/pdf", "rtf": "application/rtf", "doc": "application/msword",
         "zip": "application/zip", "image": "application/octet-stream",
         "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


@router.post("/api/batches", status_code=202, tags=["batches"])
def upload(
    request: Request,
    who: Who,
    files: Annotated[list[UploadFile], File(description="tệp, ZIP; nhiều tệp một lần")],
    round: Annotated[str | None, Form(max_length=100)] = None,
    profile: Annotated[str | None, Form(max_length=50)] = None,
    prior: Annotated[bool, Form(description="hồ sơ đã được công nhận (nhập kho lưu trữ)")] = False,
    metadata: Annotated[UploadFile | None, File(description="với prior: danh sách CSV "
                                                "path,title,year,unit,status,decision")] = None,
    supplements: Annotated[int | None, Form(ge=1, le=2**31 - 1, description="mã hồ sơ đang chờ "
                                            "bổ sung mà các tệp này bổ sung")] = None,
) -> dict[str, Any]:
    """Take a batch: every file is stored byte for byte before the answer; reading them
    happens on the workers (``GET /api/batches/{id}`` says how far they are). With ``prior``
    the dossiers go to the archive, with the council's records from ``metadata``. With
    ``supplements``, the files are the resubmission of a dossier waiting for a supplement
    (``api.supplements``): one new dossier, by default in its round and on its profile."""
    rt = runtime(request)
    access.need(who, access.UPLOAD_PRIOR if prior else access.UPLOAD)
    records = archive_list(metadata.file.read(8 << 20), metadata.filename or "") if (
        metadata is not None and prior) else {}
    if supplements is not None:
        with rt.db.session() as s:
            original = waiting_original(s, who, supplements, prior=prior)
            round, profile = round or original.round, profile or original.profile
    if round is not None:
        with rt.db.session() as s:
            ensure_open(s, round)  # a closed round takes no more files
    if profile is not None and profile not in rt.profiles:
        raise ProfileError(f"unknown profile {profile!r}",
                           message=f"Không có mẫu hồ sơ “{profile}”.")
    if len(files) > rt.settings.max_upload_files:
        raise FileTooLarge(f"{len(files)} files", message="Quá nhiều tệp trong một lần tải lên "
                           f"(tối đa {rt.settings.max_upload_files}); hãy gửi thành ZIP.")
    incoming = rt.settings.home / "incoming" / uuid.uuid4().hex
    incoming.mkdir(parents=True)
    try:
        paths = [_save(f, incoming, rt.settings.max_file_bytes) for f in files]
        intake = collect(paths, rt.limits)
        if supplements is not None:  # a resubmission is one dossier, however its files came
            intake = as_one_dossier(intake)
        registered = register(rt, intake, round=round, profile=profile, prior=prior)
    finally:
        shutil.rmtree(incoming, ignore_errors=True)
    batch_id = registered[0].batch_id if registered else None
    if supplements is not None and not any(r.new for r in registered):
        raise Conflict("the resubmitted files are those of a dossier already received",
                       message="Các tệp gửi lại giống hệt hồ sơ đã nhận (mã "
                               f"{', '.join(str(r.dossier_id) for r in registered)}): không có gì mới.")
    with rt.db.session() as s:
        pending = [d.id for r in registered if r.new
                   for d in s.get(Dossier, r.dossier_id).documents if d.status == "pending"]
        for r in registered:  # before the workers understand them: the record is in the key
            if r.new and (meta := record_for(r.source, records)):
                s.get(Dossier, r.dossier_id).meta = meta
        if supplements is not None:
            link_resubmission(s, who, supplements, [r.dossier_id for r in registered if r.new],
                              batch_id=batch_id, ip=client_ip(request))
        record(s, who, "batch_uploaded", object_type="batch", object_id=batch_id,
               detail={"files": [Path(f.filename or "").name for f in files][:200],
                       "dossiers": [r.dossier_id for r in registered], "prior": prior,
                       "round": round, **({"supplements": supplements} if supplements else {})},
               ip=client_ip(request))
    enqueue(rt, pending)
    return {"batch": batch_id, "files": len(files),
            "dossiers": [{"id": r.dossier_id, "source": r.source, "new": r.new}
                         for r in registered]}


@router.get("/api/batches/{batch_id}", tags=["batches"])
def progress(batch_id: Id, who: Who, request: Request) -> dict[str, Any]:
    """Each file of the batch with its status (pending, running, done, failed) and pages read
    (a long scan spread over the workers counts its chunks as they come in)."""
    access.need(who, access.PROGRESS)
    rt = runtime(request)
    with rt.db.session() as s:
        batch = s.get(Batch, batch_id)
        if batch is None:
            raise NotFound(f"batch {batch_id}", message=f"Không có lô tải lên mã {batch_id}.")
        docs = s.execute(select(Document.id, Document.path, Document.status,
                                Document.dossier_id)
                         .join(Dossier).where(Dossier.batch_id == batch_id)
                         .order_by(Document.id)).all()
        pages = document_progress(s, rt.chunks, [d.id for d in docs])
    files = [{"path": p, "status": st, "dossier": d, "pages_done": pages[i][0],
              "pages": pages[i][1]} for i, p, st, d in docs]
    finished = sum(f["status"] in ("done", "failed") for f in files)
    return {"batch": batch_id, "total": len(files), "finished": finished,
            "complete": finished == len(files),
            "pages_done": sum(f["pages_done"] for f in files),
            "pages": sum(f["pages"] for f in files), "files": files}


@router.get("/api/dossiers", tags=["dossiers"])
def dossiers(
    who: Who,
    request: Request,
    status: Annotated[str | None, Query(pattern="^(" + "|".join(STATUSES) + ")$")] = None,
    prior: bool | None = None,
    round: Annotated[str | None, Query(max_length=100)] = None,
    profile: Annotated[str | None, Query(max_length=50)] = None,
    decision: Annotated[str | None, Query(pattern="^(" + "|".join(DECISIONS) + ")$")] = None,
    duplicates: Annotated[bool | None, Query(description="only those with (or without) "
                                                         "duplicate warnings")] = None,
    missing: Annotated[bool | None, Query(description="only those with (or without) "
                                                      "missing parts")] = None,
    assignee: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
    q: Annotated[str | None, Query(max_length=200, description="words of the title, authors, "
                                   "unit, field (with or without diacritics)")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=2**31 - 1)] = 0,
) -> dict[str, Any]:
    """Dossiers the caller may read, newest first, with status, title and warning counts."""
    query = access.scope(select(Dossier), who)
    for column, value in ((Dossier.status, status), (Dossier.round, round),
                          (Dossier.profile, profile), (Dossier.decision, decision)):
        if value is not None:
            query = query.where(column == value)
    if prior is not None:
        query = query.where(Dossier.prior.is_(prior))
    if duplicates is not None:
        query = query.where(Dossier.id.in_(WARNED) if duplicates else Dossier.id.not_in(WARNED))
    if missing is not None:
        query = query.where(Dossier.missing > 0 if missing else func.coalesce(Dossier.missing, 0) == 0)
    if assignee is not None:
        query = query.where(Dossier.id.in_(
            select(Assignment.dossier_id).where(Assignment.reviewer_id == assignee)))
    for term in terms(q or ""):
        query = query.where(Dossier.search_text.like(f"%{term}%", escape="\\"))
    with runtime(request).db.session() as s:
        total = s.scalar(select(func.count()).select_from(query.subquery())) or 0
        rows = s.scalars(query.order_by(Dossier.id.desc()).limit(limit).offset(offset)).all()
        warned = warning_counts(s, [d.id for d in rows])
        return {"total": total, "items": [summary(d, warned, blind=access.blind_for(s, who, d))
                                          for d in rows]}


WARNED = select(DupMatch.dossier_id).where(DupMatch.excluded.is_(False))


@router.get("/api/dossiers/{dossier_id}/report", tags=["dossiers"])
def report(dossier_id: Id, who: Who, request: Request) -> dict[str, Any]:
    """The dossier report (DESIGN.md's contract)."""
    rt = runtime(request)
    with rt.db.session() as s:
        return _report(rt, s, who, access.readable(s, who, dossier_id), with_text=False)


@router.get("/api/dossiers/{dossier_id}/text", tags=["dossiers"])
def text(dossier_id: Id, who: Who, request: Request) -> dict[str, Any]:
    """Every file's pages with their text, method and OCR confidence; ``reocr_pending``: the
    pages of the file still being read again (``POST …/files/{position}/reocr``)."""
    rt = runtime(request)
    with rt.db.session() as s:
        dossier = access.readable(s, who, dossier_id)
        out = _report(rt, s, who, dossier, with_text=True)
        stored = [d for d in dossier.documents if d.sha256]  # the report's files, in its order
        pending = pending_pages(s, dossier_id)
    files = [{"path": f["path"], "position": d.position, "pages": f["pages"],
              "reocr_pending": pending.get(d.id, [])} for f, d in zip(out["files"], stored)]
    return {"id": dossier_id, "withheld": out.get("withheld", False),
            "blind": out.get("blind", False), "title": out["fields"].get("title"), "files": files}


@router.get("/api/dossiers/{dossier_id}/files/{position}/original", tags=["dossiers"],
            response_class=FileResponse)
def original(dossier_id: Id, position: Position, who: Who, request: Request) -> FileResponse:
    """The file as it was received, byte for byte."""
    rt = runtime(request)
    with rt.db.session() as s:
        doc = _file(rt, s, who, dossier_id, position)
        sha, name, kind = _original_of(doc), doc.name, doc.file_type
        record(s, who, "download_original", object_type="dossier", object_id=dossier_id,
               detail={"file": position, "sha256": sha}, ip=client_ip(request))
    return FileResponse(rt.store.path(sha), filename=name,
                        media_type=MEDIA.get(kind or "", "application/octet-stream"))


@router.get("/api/dossiers/{dossier_id}/files/{position}/searchable.pdf", tags=["dossiers"],
            response_class=FileResponse)
def searchable(dossier_id: Id, position: Position, who: Who, request: Request) -> FileResponse:
    """The scanned file as a PDF with its OCR text layer."""
    rt = runtime(request)
    with rt.db.session() as s:
        doc = _file(rt, s, who, dossier_id, position)
        sha, name = doc.searchable_sha256, doc.name
        if sha is None:
            raise NotFound(f"dossier {dossier_id} file {position} has no searchable PDF",
                           message="Tệp này không có bản PDF tìm kiếm được (không phải bản quét).")
        record(s, who, "download_searchable", object_type="dossier", object_id=dossier_id,
               detail={"file": position}, ip=client_ip(request))
    return FileResponse(rt.store.path(sha), filename=f"{Path(name).stem}-ocr.pdf",
                        media_type="application/pdf")


@router.get("/api/dossiers/{dossier_id}/files/{position}/pages/{number}.png", tags=["dossiers"],
            response_class=Response, responses={200: {"content": {"image/png": {}}}})
def page_image(dossier_id: Id, position: Position, number: Annotated[int, PathParam(ge=1, le=100_000)],
               who: Who, request: Request,
               width: Annotated[int, Query(ge=100, le=2400)] = 1200) -> Response:
    """One page of a scanned or PDF file as an image (the page viewer)."""
    rt = runtime(request)
    with rt.db.session() as s:
        doc = _file(rt, s, who, dossier_id, position)
        sha, path = _original_of(doc), doc.path
    png = page_png(rt.store.read(sha), path, number, width=width)
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})


class Reocr(BaseModel):
    page: int | None = Field(None, ge=1, le=100_000, description="the page (as the page viewer "
                             "numbers it); null: every page of the file that was OCR'd")
    dpi: int | None = Field(None, description="resolution to read at, 150-600; null: the scan's own")
    psm: int = Field(3, description="Tesseract page segmentation mode: " + "; ".join(
        f"{k} {v}" for k, v in PSM_MODES.items()))
    deskew: bool = True
    orientation: bool = True
    despeckle: bool = True


@router.post("/api/dossiers/{dossier_id}/files/{position}/reocr", status_code=202,
             tags=["dossiers"])
def reocr(dossier_id: Id, position: Position, body: Reocr, who: Who,
          request: Request) -> dict[str, Any]:
    """Read a page (or every OCR'd page) of a scanned file again with other settings. Queued:
    the dossier's text shows the pages in ``reocr_pending`` until they are read; then their
    new text and confidence, and the dossier's understanding and duplicate check are redone."""
    rt = runtime(request)
    settings = ReocrSettings(dpi=body.dpi, psm=body.psm, deskew=body.deskew,
                             orientation=body.orientation, despeckle=body.despeckle)
    with rt.db.session() as s:
        access.actionable(s, who, dossier_id, access.REOCR)
        doc = _file(rt, s, who, dossier_id, position)
        chunks = plan_reocr(doc, body.page, rt.settings.ocr_chunk_pages)
        entry = record(s, who, "reocr_requested", object_type="dossier", object_id=dossier_id,
                       detail={"document": doc.id, "file": position, "page": body.page,
                               "chunks": chunks, "settings": settings.as_json()},
                       ip=client_ip(request))
        s.flush()
        document_id, request_id = doc.id, entry.id
    enqueue_reocr(rt, document_id, chunks, settings, request_id)
    return {"queued": True, "request": request_id, "document": document_id, "file": position,
            "pages": [n for chunk in chunks for n in chunk], "settings": settings.as_json()}


# ---------------------------------------------------------------------------- helpers


def _report(rt: Runtime, s: Session, who: Principal, dossier: Dossier, *,
            with_text: bool) -> dict[str, Any]:
    out = build_report(dossier, with_text=with_text, may_see=access.confidential_judge(s, who))
    if not access.may_see_confidential(s, who, dossier):
        out = withhold(out, confidential_lines(rt, s, dossier))
    if access.blind_for(s, who, dossier):  # a blind round: no author names or units
        out = {**mask_all(out, identifying_phrases(out["fields"])), "blind": True}
    return out


def _file(rt: Runtime, s: Session, who: Principal, dossier_id: int, position: int) -> Document:
    """A file of a dossier the caller may read; refused when its dossier holds confidential
    text the caller may not see (an original cannot be redacted)."""
    dossier = access.readable(s, who, dossier_id)
    doc = s.scalar(select(Document).where(and_(Document.dossier_id == dossier.id,
                                               Document.position == position)))
    if doc is None:
        raise NotFound(f"dossier {dossier_id} file {position}",
                       message=f"Hồ sơ mã {dossier_id} không có tệp số {position}.")
    if access.blind_for(s, who, dossier):
        raise Forbidden(f"dossier {dossier_id}: blind review",
                        message="Đợt xét chấm kín: người chấm không xem tệp gốc và ảnh trang, vì có "
                                "tên tác giả và đơn vị; hãy xem văn bản của hồ sơ.")
    if not access.may_see_confidential(s, who, dossier) and _has_confidential(rt, s, dossier):
        raise Forbidden(f"dossier {dossier_id} holds confidential text",
                        message="Hồ sơ có thông tin cần bảo mật; tệp gốc chỉ dành cho thư ký "
                                "hội đồng và người chấm được giao hồ sơ này.")
    return doc


def _original_of(doc: Document) -> str:
    """The sha256 of the file as received; 404 for a file refused at intake (never stored)."""
    if doc.sha256 is None:
        raise NotFound(f"dossier {doc.dossier_id} file {doc.position} not stored",
                       message="Tệp này không được lưu (không đọc được khi nhận).")
    return doc.sha256


def _has_confidential(rt: Runtime, s: Session, dossier: Dossier) -> bool:
    fields = (dossier.understanding or {}).get("fields", {})
    return bool(fields.get("confidential")) or bool(confidential_lines(rt, s, dossier))


def _save(upload: UploadFile, folder: Path, limit: int) -> Path:
    """Copy one uploaded file to ``folder`` in chunks, refusing it past ``limit`` bytes."""
    name = Path(upload.filename or "tep").name or "tep"
    target = folder / name
    n = 1
    while target.exists():  # two files of the same name in one upload
        n += 1
        target = folder / f"{Path(name).stem}-{n}{Path(name).suffix}"
    size = 0
    with target.open("wb") as out:
        while chunk := upload.file.read(1 << 20):
            size += len(chunk)
            if size > limit:
                raise FileTooLarge(f"{name}: more than {limit} bytes",
                                   message=f"Tệp “{name}” vượt quá giới hạn {limit // 2**20} MB.")
            out.write(chunk)
    return target  # an empty or broken file is taken and reported on, like any other


def warning_counts(s: Session, dossier_ids: list[int] | None = None) -> dict[int, int]:
    """Duplicate warnings (matches not excluded) per dossier, in one query: counting through
    ``Dossier.matches`` loaded every match with its passages, one query per dossier."""
    q = select(DupMatch.dossier_id, func.count()).where(DupMatch.excluded.is_(False))
    if dossier_ids is not None:
        q = q.where(DupMatch.dossier_id.in_(dossier_ids))
    return dict(s.execute(q.group_by(DupMatch.dossier_id)).all())


def summary(d: Dossier, warned: dict[int, int], *, blind: bool = False) -> dict[str, Any]:
    """A dossier in a list; ``warned`` from ``warning_counts``; ``blind``: for a reviewer of a
    blind round, without author names and units (``models.blind``)."""
    if blind:
        fields = (d.understanding or {}).get("fields", {})
        return mask_all(summary(d, warned), identifying_phrases(fields))
    return {
        "id": d.id, "source": d.source, "status": d.status, "round": d.round,
        "profile": d.profile, "prior": d.prior, "decision": d.decision,
        "title": shown_title(d),
        "missing": d.missing or 0,
        "duplicates": warned.get(d.id, 0),
        **({"supplement": waiting} if (waiting := supplement_json(d)) else {}),
        **({"supplement_of": d.supplement_of} if d.supplement_of else {}),
    }
