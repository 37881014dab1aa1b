"""The review queue page: the submissions to review, riskiest first, with filters, counts and
bulk assignment (the secretariat) — the same list, rules and order as ``GET /api/review/queue``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from api import access, review
from api.accounts import reviewers as active_reviewers
from api.deps import Who, runtime
from api.dossiers import STATUSES
from api.web.render import page
from models.errors import BadInput
from models.tables import Dossier

router = APIRouter()
PAGE_SIZE = 50


def text_param(request: Request, name: str, choices: tuple[str, ...] | None = None,
               max_length: int = 100) -> str | None:
    """A filter from the query string; an empty field (a form sent as is) means no filter."""
    value = (request.query_params.get(name) or "").strip()
    if not value:
        return None
    if len(value) > max_length or (choices is not None and value not in choices):
        raise BadInput(f"{name}={value!r}", message=f"Giá trị lọc “{name}” không hợp lệ.")
    return value


def flag_param(request: Request, name: str) -> bool | None:
    value = request.query_params.get(name) or ""
    return {"1": True, "0": False, "": None}.get(value, None)


def int_param(request: Request, name: str, default: int | None = None) -> int | None:
    value = request.query_params.get(name) or ""
    if not value:
        return default
    if not value.isdigit() or len(value) > 9:
        raise BadInput(f"{name}={value!r}", message=f"Giá trị “{name}” phải là số.")
    return int(value)


@router.get("/hang-doi", response_class=HTMLResponse)
def queue_page(who: Who, request: Request) -> HTMLResponse:
    access.need(who, access.ASSIGN | access.DECIDE)
    filters: dict[str, Any] = {
        "round": text_param(request, "round"),
        "status": text_param(request, "status", STATUSES),
        "profile": text_param(request, "profile", max_length=50),
        "assignee": int_param(request, "assignee"),
        "missing": flag_param(request, "missing"),
        "duplicates": flag_param(request, "duplicates"),
        "unassigned": flag_param(request, "unassigned"),
        "decided": flag_param(request, "decided"),
    }
    number = max(1, int_param(request, "trang", 1) or 1)
    body = review.queue(who, request, limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE, **filters)
    rt = runtime(request)
    with rt.db.session() as s:
        rounds = [r for r in s.scalars(select(Dossier.round).distinct()
                                       .where(Dossier.prior.is_(False))) if r]
    people = active_reviewers(who, request)["items"] if who.role in access.ASSIGN else []
    return page(request, "queue.html", who, body=body, filters=filters, rounds=sorted(rounds),
                profiles=sorted(rt.profiles), statuses=STATUSES, reviewers=people,
                number=number, pages=max(1, -(-body["total"] // PAGE_SIZE)))
