"""The page viewer (a page's image beside its text, its OCR confidence, re-OCR) and the
comparison of two dossiers' matching passages side by side."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, PlainTextResponse
from sqlalchemy import select

from api import access, dossiers
from api.deps import Id, Position, Who, runtime
from api.web.highlight import shared_runs
from api.web.render import LOW_CONFIDENCE, page
from ingest.reocr import PSM_MODES
from models.errors import NotFound
from models.report import shown_title
from models.tables import Document, Dossier

router = APIRouter()
REOCR_ROLES = frozenset({"secretariat", "admin", "reviewer"})
PENDING = "cho"  # the stamp of a page waiting to be read again


@router.get("/ho-so/{dossier_id}/tep/{position}/trang/{number}", response_class=HTMLResponse)
def page_viewer(dossier_id: Id, position: Position, number: Id, who: Who,
                request: Request) -> HTMLResponse:
    doc, pages, withheld, may_reocr, pending = _pages(dossier_id, position, who, request)
    numbers = [p["number"] for p in pages]
    if number not in numbers:
        raise NotFound(f"dossier {dossier_id} file {position} page {number}",
                       message=f"Tệp này không có trang {number}.")
    at = numbers.index(number)
    shown = pages[at]
    return page(request, "viewer.html", who, dossier_id=dossier_id, doc=doc, p=shown,
                previous=numbers[at - 1] if at else None,
                following=numbers[at + 1] if at + 1 < len(numbers) else None,
                pages=pages, withheld=withheld, may_reocr=may_reocr and shown["ocr"],
                image=doc["file_type"] in ("pdf", "image") and not withheld,
                stamp=PENDING if number in pending else _stamp(shown), psm=PSM_MODES,
                pending=number in pending, low=LOW_CONFIDENCE)


@router.get("/ho-so/{dossier_id}/tep/{position}/trang/{number}/dau", response_class=PlainTextResponse)
def page_stamp(dossier_id: Id, position: Position, number: Id, who: Who, request: Request) -> str:
    """A short stamp of the page's text and confidence, or "cho" while the page waits to be
    read again: the viewer polls it after asking for a re-OCR."""
    _, pages, _, _, pending = _pages(dossier_id, position, who, request)
    shown = next((p for p in pages if p["number"] == number), None)
    if shown is None:
        raise NotFound(f"page {number}", message=f"Tệp này không có trang {number}.")
    return PENDING if number in pending else _stamp(shown)


@router.get("/ho-so/{dossier_id}/so-sanh/{other_id}", response_class=HTMLResponse)
def compare(dossier_id: Id, other_id: Id, who: Who, request: Request) -> HTMLResponse:
    """The passages a dossier shares with another, side by side, shared words marked."""
    report = dossiers.report(dossier_id, who, request)
    match = next((m for m in report["duplicates"] if m["dossier"] == other_id), None)
    if match is None:
        raise NotFound(f"no match {dossier_id}->{other_id}",
                       message="Không có cảnh báo trùng lặp giữa hai hồ sơ này.")
    with runtime(request).db.session() as s:
        dossier = s.get(Dossier, dossier_id)
        other = s.get(Dossier, other_id)
        may_open = other is not None and access.may_read(s, who, other)
        may_exclude = access.may_act(s, who, dossier, access.EXCLUDE_MATCH)
    pairs = []
    for passage in match["passages"]:
        ours, theirs = passage["ours"], passage["theirs"]
        if ours.get("withheld") or theirs.get("withheld"):  # "[…]" is no evidence to align
            marked = ([(ours.get("text") or "", False)], [(theirs.get("text") or "", False)])
        else:
            marked = shared_runs(ours.get("text") or "", theirs.get("text") or "")
        pairs.append({**passage, "ours_marked": marked[0], "theirs_marked": marked[1]})
    return page(request, "compare.html", who, d=report, m=match, pairs=pairs, may_open=may_open,
                may_exclude=may_exclude)


def _pages(dossier_id: int, position: int, who, request: Request
           ) -> tuple[dict[str, Any], list[dict[str, Any]], bool, bool, list[int]]:
    with runtime(request).db.session() as s:
        dossier = access.readable(s, who, dossier_id)
        doc = s.scalar(select(Document).where(Document.dossier_id == dossier_id,
                                              Document.position == position))
        if doc is None or doc.sha256 is None:
            raise NotFound(f"dossier {dossier_id} file {position}",
                           message=f"Hồ sơ mã {dossier_id} không có tệp số {position}.")
        info = {"position": position, "path": doc.path, "name": doc.name,
                "file_type": doc.file_type, "kind": doc.kind,
                "mean_confidence": doc.mean_confidence, "status": doc.status,
                "title": shown_title(dossier) or dossier.source}
        may_reocr = access.may_act(s, who, dossier, REOCR_ROLES)
    text = dossiers.text(dossier_id, who, request)
    shown = next((f for f in text["files"] if f["position"] == position), {})
    if text["blind"]:  # the path and title as the reviewer may see them
        info.update(path=shown.get("path", ""), name=Path(shown.get("path", "")).name,
                    title=text["title"] or f"Hồ sơ {dossier_id}")
    return (info, shown.get("pages", []), bool(text["withheld"] or text["blind"]), may_reocr,
            shown.get("reocr_pending", []))


def _stamp(p: dict[str, Any]) -> str:
    return hashlib.sha1(f"{p.get('confidence')}|{p['text']}".encode()).hexdigest()[:16]
