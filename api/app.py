"""The JSON API (FastAPI); OpenAPI at ``/api/openapi.json``, interactive docs at ``/api/docs``.

First slices of the service issue: health; uploading a batch (many files and ZIPs in one
multipart request, each streamed to disk under a size limit, answered 202 with the batch id at
once while workers read the files) and its progress per file; the dossier list with filters; a
dossier's report (DESIGN.md's contract, the same object ``hoso show --json`` prints).
Accounts and roles come next; until then the API binds to 127.0.0.1 only (``hoso serve``).

Every error has one shape, ``{"error": {"code": …, "message": …, "detail": …}}``: ``code``
is stable (``models.errors``), ``message`` is Vietnamese for the people who read it.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, File, Form, Query, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from sqlalchemy import func, select
from starlette.exceptions import HTTPException

from ingest.intake import collect
from ingest.jobs import register
from ingest.runner import enqueue
from ingest.runtime import Runtime
from models.errors import FileTooLarge, HosoError, NotFound, ProfileError
from models.report import build_report, shown_title
from models.settings import Settings
from models.tables import Batch, Document, Dossier, DupMatch

STATUSES = ("pending", "processing", "done", "partial", "failed")
Id = Annotated[int, PathParam(ge=1, le=2**31 - 1)]  # row ids: what the databases can hold
Position = Annotated[int, PathParam(ge=0, le=100_000)]


def error_body(code: str, message: str, detail: Any = None) -> dict[str, Any]:
    out: dict[str, Any] = {"code": code, "message": message}
    if detail is not None:
        out["detail"] = detail
    return {"error": out}


HTTP_CODES = {404: ("not_found", "Không tìm thấy."),
              405: ("method_not_allowed", "Phương thức không được hỗ trợ cho địa chỉ này.")}


def create_app(settings: Settings | None = None, *,
               on_shutdown: Sequence[Callable[[], None]] = ()) -> FastAPI:
    """The app; ``on_shutdown`` runs when the server stops (``hoso serve`` stops its worker:
    uvicorn re-raises SIGTERM after shutting down, so code after ``uvicorn.run`` never runs)."""
    rt = Runtime(settings or Settings())

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            for stop in on_shutdown:
                stop()

    app = FastAPI(title="hoso", version="0.1.0", openapi_url="/api/openapi.json",
                  docs_url="/api/docs", redoc_url=None, lifespan=lifespan,
                  description="Hồ sơ đề nghị công nhận sáng kiến: báo cáo, kiểm tra, so trùng.")
    app.state.rt = rt

    @app.exception_handler(HosoError)
    async def _hoso(_: Request, exc: HosoError) -> JSONResponse:
        return JSONResponse(error_body(exc.code, exc.message, exc.detail), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        detail = [{"where": ".".join(str(x) for x in e.get("loc", ())), "problem": e.get("msg")}
                  for e in exc.errors()]
        return JSONResponse(error_body("invalid_request", "Yêu cầu không hợp lệ.", detail),
                            status_code=422)

    @app.exception_handler(HTTPException)
    async def _http(_: Request, exc: HTTPException) -> JSONResponse:
        code, message = HTTP_CODES.get(exc.status_code, ("http_error", "Yêu cầu không thực hiện được."))
        return JSONResponse(error_body(code, message), status_code=exc.status_code)

    @app.exception_handler(Exception)
    async def _internal(_: Request, exc: Exception) -> JSONResponse:
        return JSONResponse(error_body("internal_error", "Lỗi hệ thống; đã ghi nhật ký để xử lý."),
                            status_code=500)

    @app.get("/api/health", tags=["system"])
    def health() -> dict[str, Any]:
        with rt.db.session() as s:
            s.execute(select(1))
        return {"status": "ok"}

    @app.post("/api/batches", status_code=202, tags=["batches"])
    def upload(
        files: Annotated[list[UploadFile], File(description="tệp, ZIP; nhiều tệp một lần")],
        round: Annotated[str | None, Form(max_length=100)] = None,
        profile: Annotated[str | None, Form(max_length=50)] = None,
        prior: Annotated[bool, Form()] = False,
    ) -> dict[str, Any]:
        """Take a batch: every file is stored byte for byte before the answer; reading them
        happens on the workers (``GET /api/batches/{id}`` says how far they are)."""
        if profile is not None and profile not in rt.profiles:
            raise ProfileError(f"unknown profile {profile!r}",
                               message=f"Không có mẫu hồ sơ “{profile}”.")
        incoming = rt.settings.home / "incoming" / uuid.uuid4().hex
        incoming.mkdir(parents=True)
        try:
            paths = [_save(f, incoming, rt.settings.max_file_bytes) for f in files]
            registered = register(rt, collect(paths, rt.limits), round=round, profile=profile,
                                  prior=prior)
        finally:
            shutil.rmtree(incoming, ignore_errors=True)
        batch_id = registered[0].batch_id if registered else None
        with rt.db.session() as s:
            pending = [d.id for r in registered if r.new
                       for d in s.get(Dossier, r.dossier_id).documents if d.status == "pending"]
        enqueue(rt, pending)
        return {"batch": batch_id, "files": len(files),
                "dossiers": [{"id": r.dossier_id, "source": r.source, "new": r.new}
                             for r in registered]}

    @app.get("/api/batches/{batch_id}", tags=["batches"])
    def progress(batch_id: Id) -> dict[str, Any]:
        """Each file of the batch with its status (pending, running, done, failed)."""
        with rt.db.session() as s:
            batch = s.get(Batch, batch_id)
            if batch is None:
                raise NotFound(f"batch {batch_id}", message=f"Không có lô tải lên mã {batch_id}.")
            docs = s.execute(select(Document.path, Document.status, Document.dossier_id)
                             .join(Dossier).where(Dossier.batch_id == batch_id)
                             .order_by(Document.id)).all()
        files = [{"path": p, "status": st, "dossier": d} for p, st, d in docs]
        finished = sum(f["status"] in ("done", "failed") for f in files)
        return {"batch": batch_id, "total": len(files), "finished": finished,
                "complete": finished == len(files), "files": files}

    @app.get("/api/dossiers", tags=["dossiers"])
    def dossiers(
        status: Annotated[str | None, Query(pattern="^(" + "|".join(STATUSES) + ")$")] = None,
        prior: bool | None = None,
        round: Annotated[str | None, Query(max_length=100)] = None,
        duplicates: Annotated[bool | None, Query(description="only those with (or without) "
                                                             "duplicate warnings")] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        offset: Annotated[int, Query(ge=0, le=2**31 - 1)] = 0,
    ) -> dict[str, Any]:
        """Dossiers, newest first, with their status, title and warning counts."""
        q = select(Dossier)
        if status is not None:
            q = q.where(Dossier.status == status)
        if prior is not None:
            q = q.where(Dossier.prior.is_(prior))
        if round is not None:
            q = q.where(Dossier.round == round)
        if duplicates is not None:
            warned = select(DupMatch.dossier_id).where(DupMatch.excluded.is_(False))
            q = q.where(Dossier.id.in_(warned) if duplicates else Dossier.id.not_in(warned))
        with rt.db.session() as s:
            total = s.scalar(select(func.count()).select_from(q.subquery())) or 0
            rows = s.scalars(q.order_by(Dossier.id.desc()).limit(limit).offset(offset)).all()
            items = [_summary(d) for d in rows]
        return {"total": total, "items": items}

    @app.get("/api/dossiers/{dossier_id}/report", tags=["dossiers"])
    def report(dossier_id: Id) -> dict[str, Any]:
        """The dossier report (DESIGN.md's contract)."""
        with rt.db.session() as s:
            return build_report(_dossier(s, dossier_id))

    @app.get("/api/dossiers/{dossier_id}/text", tags=["dossiers"])
    def text(dossier_id: Id) -> dict[str, Any]:
        """Every file's pages with their text, method and OCR confidence."""
        with rt.db.session() as s:
            report = build_report(_dossier(s, dossier_id), with_text=True)
        return {"id": dossier_id, "files": [{"path": f["path"], "pages": f["pages"]}
                                            for f in report["files"]]}

    @app.get("/api/dossiers/{dossier_id}/files/{position}/original", tags=["dossiers"],
             response_class=FileResponse)
    def original(dossier_id: Id, position: Position) -> FileResponse:
        """The file as it was received, byte for byte."""
        with rt.db.session() as s:
            doc = _document(s, dossier_id, position)
            sha, name, kind = doc.sha256, doc.name, doc.file_type
        if sha is None:
            raise NotFound(f"dossier {dossier_id} file {position} not stored",
                           message="Tệp này không được lưu (không đọc được khi nhận).")
        return FileResponse(rt.store.path(sha), filename=name,
                            media_type=MEDIA.get(kind or "", "application/octet-stream"))

    @app.get("/api/dossiers/{dossier_id}/files/{position}/searchable.pdf", tags=["dossiers"],
             response_class=FileResponse)
    def searchable(dossier_id: Id, position: Position) -> FileResponse:
        """The scanned file as a PDF with its OCR text layer."""
        with rt.db.session() as s:
            doc = _document(s, dossier_id, position)
            sha, name = doc.searchable_sha256, doc.name
        if sha is None:
            raise NotFound(f"dossier {dossier_id} file {position} has no searchable PDF",
                           message="Tệp này không có bản PDF tìm kiếm được (không phải bản quét).")
        return FileResponse(rt.store.path(sha), filename=f"{Path(name).stem}-ocr.pdf",
                            media_type="application/pdf")

    return app


MEDIA = {"pdf": "application/pdf", "rtf": "application/rtf", "doc": "application/msword",
         "zip": "application/zip",
         "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def _dossier(s, dossier_id: int) -> Dossier:
    dossier = s.get(Dossier, dossier_id)
    if dossier is None:
        raise NotFound(f"dossier {dossier_id}", message=f"Không có hồ sơ mã {dossier_id}.")
    return dossier


def _document(s, dossier_id: int, position: int) -> Document:
    doc = s.scalar(select(Document).where(Document.dossier_id == _dossier(s, dossier_id).id,
                                          Document.position == position))
    if doc is None:
        raise NotFound(f"dossier {dossier_id} file {position}",
                       message=f"Hồ sơ mã {dossier_id} không có tệp số {position}.")
    return doc


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


def _summary(d: Dossier) -> dict[str, Any]:
    completeness = (d.understanding or {}).get("completeness", {})
    return {
        "id": d.id, "source": d.source, "status": d.status, "round": d.round,
        "profile": d.profile, "prior": d.prior,
        "title": shown_title(d),
        "missing": len(completeness.get("missing", [])),
        "duplicates": sum(1 for m in d.matches if not m.excluded),
    }
