"""Exports: the dossier list as CSV (UTF-8 with BOM, so Excel opens Vietnamese correctly).
The round's XLSX with scores and letters come with the web app."""

from __future__ import annotations

import csv
import io
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from sqlalchemy import select

from api import access
from api.audit import record
from api.deps import Who, client_ip, runtime
from api.dossiers import warning_counts
from models.report import shown_title
from models.tables import Dossier, ScoreSheet

router = APIRouter()
COLUMNS = ("id", "source", "round", "prior", "status", "decision", "title", "unit", "year",
           "missing", "duplicates", "score_mean", "sheets")


@router.get("/api/exports/dossiers.csv", tags=["exports"], response_class=Response,
            responses={200: {"content": {"text/csv": {}}}})
def dossiers_csv(who: Who, request: Request,
                 round: Annotated[str | None, Query(max_length=100)] = None,
                 prior: bool | None = None) -> Response:
    access.need(who, access.EXPORT)
    q = select(Dossier)
    if round is not None:
        q = q.where(Dossier.round == round)
    if prior is not None:
        q = q.where(Dossier.prior.is_(prior))
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    with runtime(request).db.session() as s:
        totals: dict[int, list[float]] = {}
        for dossier_id, total in s.execute(select(ScoreSheet.dossier_id, ScoreSheet.total)
                                           .where(ScoreSheet.submitted_at.is_not(None))):
            totals.setdefault(dossier_id, []).append(total)
        warned = warning_counts(s)
        n = 0
        for d in s.scalars(q.order_by(Dossier.id)):
            fields = (d.understanding or {}).get("fields", {})
            meta = d.meta or {}
            got = totals.get(d.id, [])
            writer.writerow([d.id, d.source, d.round or "", int(d.prior), d.status, d.decision or "",
                             shown_title(d) or "", meta.get("unit") or fields.get("unit") or "",
                             meta.get("year") or fields.get("year") or "", d.missing or 0,
                             warned.get(d.id, 0),
                             f"{sum(got) / len(got):.2f}" if got else "", len(got)])
            n += 1
        record(s, who, "export", detail={"what": "dossiers.csv", "rows": n, "round": round},
               ip=client_ip(request))
    return Response(out.getvalue().encode(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="ho-so.csv"'})
