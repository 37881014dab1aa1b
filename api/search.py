"""Full-text search of the archive and of the dossiers the caller may read (``models.fulltext``).

Every role may search. A reviewer finds the archive and the dossiers assigned to them, as in
the dossier list (``api.access``). Confidential lines are not in the index at all, so no
snippet shows them, whoever asks. Snippets are (text, highlighted) pairs of the original
text: the page template escapes them.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from sqlalchemy.orm import Session

from api import access
from api.auth import Principal
from api.deps import Who, runtime
from api.dossiers import DECISIONS, STATUSES
from models.blind import identifying_phrases, mask_all
from models.fulltext import Filters, Results, search
from models.tables import Dossier

router = APIRouter()


@router.get("/api/search", tags=["search"])
def search_route(
    who: Who,
    request: Request,
    q: Annotated[str | None, Query(max_length=1000, description="words (with or without "
                                   "diacritics); \"a phrase\" in double quotes")] = None,
    year: Annotated[int | None, Query(ge=1800, le=2999)] = None,
    field: Annotated[str | None, Query(max_length=300, description="field of application "
                                       "(case and diacritics aside)")] = None,
    unit: Annotated[str | None, Query(max_length=300, description="unit (case and diacritics "
                                      "aside)")] = None,
    round: Annotated[str | None, Query(max_length=100)] = None,
    status: Annotated[str | None, Query(pattern="^(" + "|".join(STATUSES) + ")$")] = None,
    decision: Annotated[str | None, Query(pattern="^(" + "|".join(DECISIONS) + ")$")] = None,
    prior: Annotated[bool | None, Query(description="true: the archive; false: submissions")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> dict[str, Any]:
    """Dossiers matching the words and filters, best first (title matches first); without
    words, the filtered list, newest first. ``total`` stops counting at 10 000
    (``total_capped``)."""
    filters = Filters(year=year, field=field, unit=unit, round=round, status=status,
                      decision=decision, prior=prior)
    reviewer = None if who.role in access.READ_ALL else who.id
    with runtime(request).db.session() as s:
        found = search(s, q, filters, reviewer_id=reviewer, limit=limit, offset=offset)
        out = results_json(found)
        if reviewer is not None:
            out["items"] = [_blind(s, who, item) for item in out["items"]]
    return out


def _blind(s: Session, who: Principal, item: dict[str, Any]) -> dict[str, Any]:
    """A reviewer's hit on a dossier of a blind round, without author names or units: its
    snippets are left out, since one cut through a name ("…THPT Hoà Bình" of "Trường THPT Hoà
    Bình") could not be recognised to mask it."""
    dossier = s.get(Dossier, item["id"])
    if dossier is None or not access.blind_for(s, who, dossier):
        return item
    fields = (dossier.understanding or {}).get("fields", {})
    masked = mask_all(item, identifying_phrases(fields))
    return {**masked, "unit": None, "snippets": []}


def results_json(r: Results) -> dict[str, Any]:
    return {
        "total": r.total, "total_capped": r.total_capped,
        "items": [{"id": h.id, "title": h.title, "year": h.year, "unit": h.unit, "field": h.field,
                   "round": h.round, "status": h.status, "decision": h.decision, "prior": h.prior,
                   "snippets": [{"file": sn.file, "position": sn.position, "page": sn.page,
                                 "segments": [[t, lit] for t, lit in sn.segments]}
                                for sn in h.snippets]}
                  for h in r.hits],
    }
