"""The summary page of a round (``/tong-hop``): its submissions counted by status, decision,
field and unit, the score distribution as bars, the dossiers with duplicate warnings and the
council's XLSX list to download — the numbers of ``api.summary``, for the secretariat, the
archivists and the admins."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from api import access
from api.deps import Who, runtime
from api.summary import round_summary
from api.web.queue import text_param
from api.web.render import page
from models.tables import Dossier, Round

router = APIRouter()


@router.get("/tong-hop", response_class=HTMLResponse)
def summary_page(who: Who, request: Request) -> HTMLResponse:
    access.need(who, access.SUMMARY)
    chosen = text_param(request, "round")
    with runtime(request).db.session() as s:
        summary = round_summary(s, chosen)
        rounds = round_names(s)
    return page(request, "summary.html", who, summary=summary, rounds=rounds, chosen=chosen,
                widest=max((b.count for b in summary.bands), default=0))


def round_names(s: Session) -> list[str]:
    """Every round: those created by an admin and those named at upload."""
    named = set(s.scalars(select(Round.name)))
    named |= {r for r in s.scalars(select(Dossier.round).distinct().where(Dossier.prior.is_(False))) if r}
    return sorted(named)
