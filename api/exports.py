"""Exports: the dossier list as CSV (UTF-8 with BOM, so Excel opens Vietnamese correctly) and
as the council's XLSX (scores, decisions, duplicate warnings, the round's summary), and a
dossier's supplement letter (DOCX). The documents themselves are made by ``api.letters`` and
``api.round_list``; here the data is gathered (a fixed number of grouped queries, whatever the
number of dossiers) and audited."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased, load_only

from api import access
from api.audit import record
from api.auth import Principal
from api.deps import Id, Who, client_ip, runtime
from api.dossiers import warning_counts
from api.letters import (
    VN_TZ,
    SupplementLetter,
    letter_items,
    supplement_letter,
)
from api.round_list import ListRow, WarningRow, round_list_xlsx, summarize
from models.errors import BadInput, Conflict
from models.report import build_report, shown_title
from models.rounds import result_of, round_config
from models.scoresheet import DEFAULT_SHEET, Sheet
from models.settings import Settings
from models.tables import Assignment, Decision, Dossier, DupMatch, Round, ScoreSheet

router = APIRouter()
COLUMNS = ("id", "source", "round", "prior", "status", "decision", "title", "unit", "year",
           "missing", "duplicates", "score_mean", "sheets")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
RoundQuery = Annotated[str | None, Query(max_length=100)]
ASSIGNED = select(Assignment.id).where(Assignment.dossier_id == Dossier.id).exists()  # given out
PRINTABLE = r"^[^\x00-\x1f\x7f]*$"  # what goes into the letter: no control characters


@router.get("/api/exports/dossiers.csv", tags=["exports"], response_class=Response,
            responses={200: {"content": {"text/csv": {}}}})
def dossiers_csv(who: Who, request: Request, round: RoundQuery = None,
                 prior: bool | None = None) -> Response:
    access.need(who, access.EXPORT)
    q = _listed(round, prior)
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    with runtime(request).db.session() as s:
        sheets = _sheets(s, q)
        warned = warning_counts(s)
        n = 0
        for d in s.scalars(q):
            fields = (d.understanding or {}).get("fields", {})
            meta = d.meta or {}
            got = [total for total, _ in sheets.get(d.id, [])]
            writer.writerow([d.id, d.source, d.round or "", int(d.prior), d.status, d.decision or "",
                             shown_title(d) or "", meta.get("unit") or fields.get("unit") or "",
                             meta.get("year") or fields.get("year") or "", d.missing or 0,
                             warned.get(d.id, 0),
                             f"{sum(got) / len(got):.2f}" if got else "", len(got)])
            n += 1
        _audit_export(s, who, request, "dossiers.csv", n, round)
    return Response(out.getvalue().encode(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="ho-so.csv"'})


@router.get("/api/exports/dossiers.xlsx", tags=["exports"], response_class=Response,
            responses={200: {"content": {XLSX: {}}}})
def dossiers_xlsx(who: Who, request: Request, round: RoundQuery = None,
                  prior: bool | None = None) -> Response:
    """The council's list: one row per dossier (scores, latest decision and its reason), a
    sheet of the duplicate warnings and, unless only the archive is asked for, the summary of
    the submissions listed (``api.summary``); filters as for the CSV."""
    access.need(who, access.EXPORT)
    with runtime(request).db.session() as s:
        sheets = round_sheets(s)
        rows = list_rows(s, _listed(round, prior), sheets)
        _audit_export(s, who, request, "dossiers.xlsx", len(rows), round)
    title = "DANH SÁCH HỒ SƠ ĐỀ NGHỊ CÔNG NHẬN SÁNG KIẾN" + (f" – ĐỢT {round}" if round else "")
    body = round_list_xlsx(rows, title=title, generated_at=datetime.now(VN_TZ),
                           summary=None if prior else summarize(rows, sheets, round))
    return Response(body, media_type=XLSX,
                    headers={"Content-Disposition": 'attachment; filename="danh-sach-ho-so.xlsx"'})


@router.get("/api/dossiers/{dossier_id}/letter.docx", tags=["exports"], response_class=Response,
            responses={200: {"content": {DOCX: {}}}})
def letter_docx(dossier_id: Id, who: Who, request: Request,
                number: Annotated[str, Query(max_length=30, pattern=PRINTABLE, description="số "
                                             "phiếu; trống: để trống cho văn thư ghi")] = "",
                deadline: Annotated[str, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$", description="hạn "
                                               "bổ sung (YYYY-MM-DD); trống: hạn của quyết định yêu "
                                               "cầu bổ sung, nếu có, hoặc trong N ngày làm việc")] = "",
                signer: Annotated[str, Query(max_length=200, pattern=PRINTABLE,
                                             description="họ tên người ký")] = "") -> Response:
    """The supplement letter (Phiếu kiểm tra hồ sơ và đề nghị bổ sung) of one submission."""
    access.need(who, access.LETTERS)
    rt = runtime(request)
    issued = datetime.now(VN_TZ).date()
    until = _deadline(deadline, issued)
    with rt.db.session() as s:
        dossier = access.readable(s, who, dossier_id)
        if dossier.prior:
            raise Conflict("archive dossier", message="Hồ sơ trong kho lưu trữ không cần phiếu bổ sung.")
        if until is None and dossier.decision == "supplement":  # the deadline the decision gave
            until = dossier.supplement_due
        data = letter_of(dossier, rt.settings, issued=issued, number=number.strip(),
                         deadline=until, signer=signer.strip())
        record(s, who, "letter_issued", object_type="dossier", object_id=dossier_id,
               detail={"number": data.number or None, "deadline": until.isoformat() if until else None,
                       "items": len(data.items)}, ip=client_ip(request))
    return Response(supplement_letter(data), media_type=DOCX, headers={
        "Content-Disposition": f'attachment; filename="phieu-bo-sung-{dossier_id}.docx"'})


# ---------------------------------------------------------------------------- gathering


def letter_of(dossier: Dossier, settings: Settings, *, issued: date, number: str = "",
              deadline: date | None = None, signer: str = "") -> SupplementLetter:
    """The letter's data from the dossier's report and the organisation's settings."""
    report = build_report(dossier)
    fields, meta = report["fields"], dossier.meta or {}
    authors = tuple(a["name"] for a in fields.get("authors") or [] if a.get("name"))
    return SupplementLetter(
        code=str(dossier.id), title=shown_title(dossier), authors=authors,
        unit=meta.get("unit") or fields.get("unit"), round=dossier.round,
        received=_local(dossier.created_at).date(), issued=issued,
        items=letter_items(report["completeness"]), number=number, deadline=deadline,
        days=settings.supplement_days, signer=signer, org_parent=settings.org_parent,
        org_name=settings.org_name, place=settings.org_place, made_at=datetime.now(UTC))


def list_rows(s: Session, q: Select, by_round: Mapping[str | None, Sheet]) -> list[ListRow]:
    """A row per dossier of ``q``, in its order: four queries in all. ``by_round``: the rounds'
    score sheets (``round_sheets``), whose pass totals judge the dossiers' results."""
    listed = s.execute(q.add_columns(ASSIGNED)).all()
    ids = q.with_only_columns(Dossier.id).order_by(None)
    sheets, decisions, warnings = _sheets(s, q), _latest_decisions(s, ids), _warnings(s, ids)
    return [_list_row(d, assigned, result_of(sheets.get(d.id, []),
                                             by_round.get(d.round, DEFAULT_SHEET).pass_total),
                      decisions.get(d.id), warnings.get(d.id, ())) for d, assigned in listed]


def round_sheets(s: Session) -> dict[str | None, Sheet]:
    """The score sheet of every round that has one (``models.rounds``): rounds are few, so all
    of them, in one query; a round not listed scores on the default sheet."""
    return {name: round_config(config).sheet for name, config in s.execute(select(Round.name, Round.config))}


def _list_row(d: Dossier, assigned: bool, result: tuple[float | None, int, bool | None],
              decided: tuple[str, str] | None, warnings: tuple[WarningRow, ...]) -> ListRow:
    fields, meta = (d.understanding or {}).get("fields", {}), d.meta or {}
    mean, count, passed = result
    return ListRow(
        dossier_id=d.id, title=shown_title(d), authors=_authors(fields, meta),
        unit=meta.get("unit") or fields.get("unit"), field=meta.get("field") or fields.get("field"),
        round=d.round, status=d.status, missing=d.missing or 0, score_mean=mean,
        sheets=count, passed=passed, decision=decided[0] if decided else d.decision,
        reason=decided[1] if decided else None, warnings=warnings, assigned=bool(assigned),
        prior=d.prior)


def _listed(round: str | None, prior: bool | None) -> Select:
    """The dossiers an export lists, by id."""
    q = select(Dossier)
    if round is not None:
        q = q.where(Dossier.round == round)
    if prior is not None:
        q = q.where(Dossier.prior.is_(prior))
    return q.order_by(Dossier.id)


def _sheets(s: Session, q: Select) -> dict[int, list[tuple[float, bool]]]:
    """(total, passed) of every submitted score sheet of the dossiers of ``q``."""
    ids = q.with_only_columns(Dossier.id).order_by(None)
    out: dict[int, list[tuple[float, bool]]] = {}
    for dossier_id, total, passed in s.execute(
            select(ScoreSheet.dossier_id, ScoreSheet.total, ScoreSheet.passed)
            .where(ScoreSheet.submitted_at.is_not(None), ScoreSheet.dossier_id.in_(ids))):
        out.setdefault(dossier_id, []).append((total, bool(passed)))
    return out


def _latest_decisions(s: Session, ids: Select) -> dict[int, tuple[str, str]]:
    """The latest decision and its reason per dossier."""
    latest = (select(func.max(Decision.id)).where(Decision.dossier_id.in_(ids))
              .group_by(Decision.dossier_id))
    rows = s.execute(select(Decision.dossier_id, Decision.decision, Decision.reason)
                     .where(Decision.id.in_(latest)))
    return {dossier_id: (decision, reason) for dossier_id, decision, reason in rows}


def _warnings(s: Session, ids: Select) -> dict[int, tuple[WarningRow, ...]]:
    """The duplicate warnings (matches not excluded) per dossier, the closest first."""
    other = aliased(Dossier)
    rows = s.execute(select(DupMatch.dossier_id, DupMatch.similarity, DupMatch.coverage, other)
                     .join(other, other.id == DupMatch.other_id)
                     .options(load_only(other.id, other.meta, other.understanding))
                     .where(DupMatch.excluded.is_(False), DupMatch.dossier_id.in_(ids))
                     .order_by(DupMatch.dossier_id, DupMatch.similarity.desc(), DupMatch.other_id))
    out: dict[int, list[WarningRow]] = {}
    for dossier_id, similarity, coverage, o in rows:
        out.setdefault(dossier_id, []).append(WarningRow(o.id, shown_title(o), similarity, coverage))
    return {k: tuple(v) for k, v in out.items()}


def _deadline(text: str, issued: date) -> date | None:
    """The letter's deadline: none for an empty field (the web form's cleared date); after the
    issue date."""
    if not text:
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError as exc:
        raise BadInput(f"deadline {text!r}", message=f"Hạn bổ sung “{text}” không phải ngày hợp lệ.") from exc
    if day <= issued:
        raise BadInput(f"deadline {day} not after {issued}", message="Hạn bổ sung phải sau ngày lập phiếu.")
    return day


def _authors(fields: dict, meta: dict) -> tuple[str, ...]:
    if meta.get("authors"):  # an archive record: one text
        return (str(meta["authors"]),)
    return tuple(a["name"] for a in fields.get("authors") or [] if a.get("name"))


def _local(at: datetime) -> datetime:
    """``at`` in Vietnam's time (SQLite gives back naive UTC)."""
    return (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone(VN_TZ)


def _audit_export(s: Session, who: Principal, request: Request, what: str, rows: int,
                  round: str | None) -> None:
    record(s, who, "export", detail={"what": what, "rows": rows, "round": round},
           ip=client_ip(request))
