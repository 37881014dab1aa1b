"""Uploading: the drop zone (files, ZIPs of folders, stack scans; round and profile), then a
batch's page with each file's progress and problems, refreshed until every file is read, and a
button to send a fixed file again. The upload itself is ``POST /api/batches``."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from api import access, dossiers
from api.deps import Id, Who, runtime
from api.web.render import page, templates
from models.report import shown_title
from models.tables import Batch, Document, Dossier, ProblemRow

router = APIRouter()


@router.get("/tai-len", response_class=HTMLResponse)
def upload_page(who: Who, request: Request) -> HTMLResponse:
    access.need(who, access.UPLOAD_PRIOR)
    rt = runtime(request)
    with rt.db.session() as s:
        rounds = sorted(r for r in s.scalars(select(Dossier.round).distinct()) if r)
        recent = s.execute(select(Batch.id, Batch.created_at, Batch.round, Batch.prior)
                           .order_by(Batch.id.desc()).limit(10)).all()
    return page(request, "upload.html", who, rounds=rounds, profiles=sorted(rt.profiles),
                default_profile=rt.settings.default_profile, recent=recent,
                only_prior=who.role not in access.UPLOAD,
                limit_mb=rt.settings.max_file_bytes // 2**20)


@router.get("/tai-len/lo/{batch_id}", response_class=HTMLResponse)
def batch_page(batch_id: Id, who: Who, request: Request) -> HTMLResponse:
    return page(request, "batch.html", who, **_batch(batch_id, who, request),
                replaces=request.query_params.get("thay", ""))


@router.get("/tai-len/lo/{batch_id}/bang", response_class=HTMLResponse)
def batch_table(batch_id: Id, who: Who, request: Request) -> HTMLResponse:
    """The batch's table alone: what the batch page fetches to refresh itself."""
    return templates.TemplateResponse(request, "batch_table.html",
                                      {"who": who, **_batch(batch_id, who, request)},
                                      headers={"Cache-Control": "no-store"})


def _batch(batch_id: int, who, request: Request) -> dict[str, Any]:
    progress = dossiers.progress(batch_id, who, request)  # roles checked there; 404 if none
    with runtime(request).db.session() as s:
        batch = s.get(Batch, batch_id)
        rows = list(s.scalars(select(Dossier).where(Dossier.batch_id == batch_id).order_by(Dossier.id)))
        problems: dict[tuple[int, int | None], list[dict[str, Any]]] = defaultdict(list)
        for p in s.scalars(select(ProblemRow).where(ProblemRow.dossier_id.in_([d.id for d in rows]))
                           .order_by(ProblemRow.id)):
            problems[p.dossier_id, p.document_id].append(
                {"code": p.code, "message": p.message, "page": p.page})
        doc_ids = {(dossier_id, path): doc_id for doc_id, dossier_id, path in s.execute(
            select(Document.id, Document.dossier_id, Document.path)
            .where(Document.dossier_id.in_([d.id for d in rows])))}  # one query, not one a dossier
        formed = [{"id": d.id, "source": d.source, "status": d.status, "title": shown_title(d),
                   "missing": d.missing or 0, "problems": problems.get((d.id, None), []),
                   "supplement_of": d.supplement_of} for d in rows]
        batch_info = {"id": batch.id, "round": batch.round, "profile": batch.profile,
                      "prior": batch.prior, "created_at": batch.created_at}
    files = [{**f, "problems": problems.get((f["dossier"], doc_ids.get((f["dossier"], f["path"]))), [])}
             for f in progress["files"]]
    return {"batch": batch_info, "progress": {**progress, "files": files}, "formed": formed}
