"""The archive's search page: full-text search of every dossier the reader may read, past and
present, with or without diacritics ("sang kien" finds "sáng kiến", "d" finds "đ"); filters by
year, field, unit, round, status, decision and archive/submission; snippets with the words
found marked; the original and the searchable PDF of each file at hand.

The search is ``GET /api/search``'s (``api.search``, ``models.fulltext``); the files offered
are those the reader may download (none of a dossier with confidential text the reader may
not see: ``api.access``).
"""

from __future__ import annotations

import time
from collections import defaultdict
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from api import access
from api.deps import Who, runtime
from api.dossiers import DECISIONS, STATUSES
from api.search import search_route
from api.web.queue import flag_param, int_param, text_param
from api.web.render import page
from ingest.duplicates import confidential_lines
from models.tables import Document, Dossier, SearchEntry

router = APIRouter()
PAGE_SIZE = 20
FACET_LIMIT = 300
FACET_TTL_S = 300.0
_FACETS: dict[str, tuple[float, dict[str, list]]] = {}  # database -> (when, facets)


@router.get("/luu-tru", response_class=HTMLResponse)
def archive_page(who: Who, request: Request) -> HTMLResponse:
    q = text_param(request, "q", max_length=200) or ""
    year = int_param(request, "year")
    filters: dict[str, Any] = {
        "year": year if year is None or 1800 <= year <= 2999 else None,
        "field": text_param(request, "field", max_length=300),
        "unit": text_param(request, "unit", max_length=300),
        "round": text_param(request, "round"),
        "status": text_param(request, "status", STATUSES),
        "decision": text_param(request, "decision", DECISIONS),
        "prior": flag_param(request, "prior"),
    }
    number = max(1, min(int_param(request, "trang", 1) or 1, 100_000 // PAGE_SIZE))
    started = time.perf_counter()
    result = search_route(who, request, q=q or None, limit=PAGE_SIZE,
                          offset=(number - 1) * PAGE_SIZE, **filters)
    took_ms = round((time.perf_counter() - started) * 1000)
    rt = runtime(request)
    with rt.db.session() as s:
        files = _files(rt, s, who, [d["id"] for d in result["items"]])
        facets = _cached_facets(s, rt.settings.db_url)
    return page(request, "archive.html", who, q=q, filters=filters, result=result, files=files,
                facets=facets, statuses=STATUSES, took_ms=took_ms, number=number,
                pages=max(1, -(-result["total"] // PAGE_SIZE)))


def _files(rt, s, who, dossier_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """The stored files of the listed dossiers that the reader may download (none of a dossier
    with confidential text the reader may not see, nor of a blind round's, for its reviewers)."""
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if not dossier_ids:
        return out
    dossiers = {d.id: d for d in s.scalars(select(Dossier).where(Dossier.id.in_(dossier_ids)))}
    docs = s.scalars(select(Document).where(Document.dossier_id.in_(dossier_ids),
                                            Document.sha256.is_not(None))
                     .order_by(Document.dossier_id, Document.position))
    allowed: dict[int, bool] = {}
    for doc in docs:
        if doc.dossier_id not in allowed:
            dossier = dossiers[doc.dossier_id]
            allowed[doc.dossier_id] = not access.blind_for(s, who, dossier) and (
                access.may_see_confidential(s, who, dossier) or not (
                    (dossier.understanding or {}).get("fields", {}).get("confidential")
                    or confidential_lines(rt, s, dossier)))
        if allowed[doc.dossier_id]:
            out[doc.dossier_id].append({"position": doc.position, "name": doc.name,
                                        "searchable": doc.searchable_sha256 is not None})
    return out


def _cached_facets(s, key: str) -> dict[str, list]:
    """``_facets``, worked out at most every ``FACET_TTL_S`` per process: at 100 000 dossiers
    they cost ~110 ms, as much as the search itself, and only help typing a filter."""
    at, facets = _FACETS.get(key, (0.0, None))
    if facets is None or time.monotonic() - at > FACET_TTL_S:
        facets = _facets(s)
        _FACETS[key] = (time.monotonic(), facets)
    return facets


def _facets(s) -> dict[str, list]:
    """Values to choose from in the filters: years, rounds, fields and units (the first few
    hundred of each, in order; the fields and units are typed, the list only helps)."""
    def distinct(column) -> list:
        return [v for v in s.scalars(select(column).where(column.is_not(None)).distinct()
                                     .order_by(column).limit(FACET_LIMIT)) if v not in ("", None)]
    return {"years": sorted(distinct(SearchEntry.year), reverse=True),
            "rounds": distinct(Dossier.round), "fields": distinct(SearchEntry.field),
            "units": distinct(SearchEntry.unit)}
