"""A dossier's page: its fields, documents and their pages, the section outline, missing parts
and findings with links to the pages they cite, duplicate warnings, assignment, the score
sheet, the decision (and, once a supplement is asked, the wait for it and the button that
receives it), the letter, what changed since the version sent back, and the history.

Everything shown comes from the JSON routes' own functions (``api.dossiers.report``,
``api.review.scores`` …), so the page shows exactly what the API would give this reader,
confidential text withheld included; the page adds only what the reader may do.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from api import access, dossiers, review
from api.accounts import reviewers as active_reviewers
from api.deps import Id, Who, runtime
from api.web.render import LOW_CONFIDENCE, page
from models.dates import today_vn, working_days_after
from models.tables import Document, Dossier, PageRow

router = APIRouter()


@router.get("/ho-so/{dossier_id}", response_class=HTMLResponse)
def dossier_page(dossier_id: Id, who: Who, request: Request) -> HTMLResponse:
    report = dossiers.report(dossier_id, who, request)  # 404 for a reviewer's non-assigned one
    rt = runtime(request)
    with rt.db.session() as s:
        dossier = access.readable(s, who, dossier_id)
        may = {
            "assign": who.role in access.ASSIGN and not dossier.prior,
            "score": who.role == "reviewer" and access.assigned(s, who, dossier_id)
            and not dossier.prior,
            "decide": access.may_act(s, who, dossier, access.DECIDE) and not dossier.prior,
            "exclude": access.may_act(s, who, dossier, access.EXCLUDE_MATCH),
            "letter": who.role in {"secretariat", "admin"},
            "reocr": access.may_act(s, who, dossier, frozenset({"secretariat", "admin", "reviewer"})),
            "files": not report.get("withheld") and not report.get("blind"),
            "resubmit": who.role in access.UPLOAD and (report.get("supplement") or {}).get("waiting"),
        }
        files = _files(s, dossier_id, report)
        others = {d["dossier"]: _may_read(s, who, d["dossier"]) for d in report["duplicates"]}
        versions = {v: _may_read(s, who, v) for v in _versions(report)}
        assigned = review.reviewers_of(s, [dossier_id]).get(dossier_id, [])
    scores = review.scores(dossier_id, who, request)
    mine = next((x for x in scores["sheets"] if x["reviewer"] == who.id), None)
    people = active_reviewers(who, request)["items"] if may["assign"] else []
    # a supplement's deadline unless another is given: working days, weekends skipped
    # (holidays are the secretariat's to adjust)
    default_due = working_days_after(today_vn(), rt.settings.supplement_days).isoformat()
    return page(request, "dossier.html", who, d=report, may=may, files=files, others=others,
                assigned=assigned, scores=scores, mine=mine, reviewers=people,
                history=review.history(dossier_id, who, request),
                outline=_outline(report, files), findings=_findings(report, files),
                versions=versions, default_due=default_due, deadline=_deadline(report, default_due))


def _deadline(report: dict[str, Any], default: str) -> str:
    """The deadline offered on the letter form: the one the decision asking for a supplement
    gave, unless it has passed; else ``default``."""
    given = (report.get("supplement") or {}).get("due")
    return given if given and given > today_vn().isoformat() else default


def _versions(report: dict[str, Any]) -> list[int]:
    """The other versions of the dossier the page links to: the one it resubmits, the one
    that resubmitted it."""
    found = [(report.get("revision") or {}).get("of"),
             (report.get("supplement") or {}).get("resubmitted_as")]
    return [v for v in found if v is not None]


def _may_read(s, who, dossier_id: int) -> bool:
    other = s.get(Dossier, dossier_id)
    return other is not None and access.may_read(s, who, other)


def _files(s, dossier_id: int, report: dict[str, Any]) -> list[dict[str, Any]]:
    """The report's files with their position (for links) and each page's OCR confidence."""
    docs = {d.path: d for d in s.scalars(select(Document).where(Document.dossier_id == dossier_id))}
    pages: dict[int, list[dict[str, Any]]] = defaultdict(list)
    rows = s.execute(select(PageRow.document_id, PageRow.number, PageRow.method, PageRow.confidence)
                     .where(PageRow.document_id.in_([d.id for d in docs.values()]))
                     .order_by(PageRow.document_id, PageRow.number))
    for doc_id, number, method, confidence in rows:
        pages[doc_id].append({"number": number, "ocr": method == "ocr", "confidence": confidence,
                              "low": method == "ocr" and (confidence or 0) < LOW_CONFIDENCE})
    out = []
    for f in report["files"]:
        doc = docs.get(f["path"])
        if doc is None:
            continue
        out.append({**f, "position": doc.position, "page_list": pages.get(doc.id, []),
                    "low_pages": sum(p["low"] for p in pages.get(doc.id, []))})
    return out


def page_link(dossier_id: int, files: list[dict[str, Any]], path: str | None,
              number: int | None) -> str | None:
    """The viewer's address for page ``number`` of file ``path`` (the first file with that page
    when the path is not given)."""
    if number is None:
        return None
    for f in files:
        if (path is None or f["path"] == path) and any(p["number"] == number for p in f["page_list"]):
            return f"/ho-so/{dossier_id}/tep/{f['position']}/trang/{number}"
    return None


def _outline(report: dict[str, Any], files: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**x, "link": page_link(report["id"], files, x.get("file"), x.get("page"))}
            for x in report["sections"]]


def _findings(report: dict[str, Any], files: list[dict[str, Any]]) -> list[dict[str, Any]]:
    order = {"error": 0, "warning": 1, "info": 2}
    found = sorted(report["completeness"]["findings"], key=lambda x: order.get(x["severity"], 3))
    return [{**x, "link": page_link(report["id"], files, x.get("file"), x.get("page"))}
            for x in found]
