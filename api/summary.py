"""The council's summary of a round (đợt xét): its submissions counted by processing status,
by decision, by field and by unit; those with missing parts, with duplicate warnings, given to
a reviewer or not; the score distribution (10-point bands up to the round's sheet maximum),
passed / not passed / not yet scored; and the dossiers with duplicate warnings, the closest
match first.

``round_summary`` gathers the rows the way the council's XLSX list does
(``api.exports.list_rows``: a fixed number of grouped queries, whatever the number of
dossiers) and counts them with ``api.round_list.summarize``, so the page
(``api.web.summary``), ``GET /api/rounds/summary`` and the XLSX sheet "Tổng hợp" agree.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Request
from sqlalchemy import select
from sqlalchemy.orm import Session

from api import access
from api.deps import Who, runtime
from api.exports import RoundQuery, list_rows, round_sheets
from api.round_list import RoundSummary, summarize
from models.tables import Dossier

router = APIRouter()


def round_summary(s: Session, round_name: str | None) -> RoundSummary:
    """The summary of the submissions of round ``round_name`` (None: of every submission)."""
    q = select(Dossier).where(Dossier.prior.is_(False))
    if round_name is not None:
        q = q.where(Dossier.round == round_name)
    sheets = round_sheets(s)
    return summarize(list_rows(s, q.order_by(Dossier.id), sheets), sheets, round_name)


@router.get("/api/rounds/summary", tags=["rounds"])
def summary_of_round(who: Who, request: Request, round: RoundQuery = None) -> dict[str, Any]:
    """A round's submissions counted (by status, decision, field, unit; missing parts,
    duplicate warnings, assignment), their score distribution and the warned dossiers; every
    submission without ``round``."""
    access.need(who, access.SUMMARY)
    with runtime(request).db.session() as s:
        return asdict(round_summary(s, round or None))
