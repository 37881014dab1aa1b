"""Routes of the review: the queue by risk, assignment, score sheets, decisions, excluding a
duplicate match, and a dossier's history.

- The queue: the submissions (not the archive) the caller works on, the riskiest first:
  duplicate warnings, then missing parts; a reviewer sees only their own.
- A score sheet belongs to one reviewer of one dossier; saved as a draft until submitted,
  then locked. Reviewers see each other's sheets only once their own is submitted.
- A decision (accept, request a supplement, reject) needs a reason; the latest stands and
  every one is kept. Every change here is written to the audit log with who and when.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field, field_validator
from sqlalchemy import case, func, select
from sqlalchemy.exc import IntegrityError

from api import access
from api.audit import entry_json, record
from api.deps import Id, Who, client_ip, runtime
from api.dossiers import STATUSES, WARNED, summary, warning_counts
from checks.conflicts import Reviewer, conflict
from models.dates import today_vn, working_days_after
from models.errors import BadInput, Conflict, NotFound
from models.rounds import RoundConfig, config_for, disagree, ensure_open, result_of, sheet_for
from models.tables import Assignment, AuditEntry, Decision, Dossier, DupMatch, ScoreSheet, User

router = APIRouter()


class NewAssignment(BaseModel):
    reviewer: int = Field(ge=1, le=2**31 - 1, description="the reviewer's user id")


class Scores(BaseModel):
    scores: dict[str, float] = Field(description="criterion key -> points")
    comment: str | None = Field(None, max_length=10_000)
    submit: bool = Field(False, description="submit and lock the sheet")


class NewDecision(BaseModel):
    decision: Literal["accept", "supplement", "reject"]
    reason: str = Field(min_length=3, max_length=10_000)
    deadline: date | None = Field(None, description="with supplement: the date the unit must "
                                  "resubmit by (after today); none: in supplement_days working days")

    @field_validator("deadline", mode="before")
    @classmethod
    def _empty_is_none(cls, value: Any) -> Any:
        return None if value == "" else value  # the web form's date left empty


class Exclusion(BaseModel):
    reason: str = Field(min_length=3, max_length=2000)


@router.get("/api/review/queue", tags=["review"])
def queue(
    who: Who,
    request: Request,
    round: Annotated[str | None, Query(max_length=100)] = None,
    status: Annotated[str | None, Query(pattern="^(" + "|".join(STATUSES) + ")$")] = None,
    assignee: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
    unassigned: bool | None = None,
    decided: bool | None = None,
    profile: Annotated[str | None, Query(max_length=50)] = None,
    missing: Annotated[bool | None, Query(description="only those with (or without) "
                                                      "missing parts")] = None,
    duplicates: Annotated[bool | None, Query(description="only those with (or without) "
                                                         "duplicate warnings")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=2**31 - 1)] = 0,
) -> dict[str, Any]:
    """Submissions to review, riskiest first (duplicate warnings, then missing parts)."""
    access.need(who, access.ASSIGN | access.DECIDE)
    warnings = (select(func.count()).select_from(DupMatch)
                .where(DupMatch.dossier_id == Dossier.id, DupMatch.excluded.is_(False))
                .scalar_subquery())
    q = select(Dossier).where(Dossier.prior.is_(False))
    if who.role == "reviewer":
        q = q.where(Dossier.id.in_(select(Assignment.dossier_id)
                                   .where(Assignment.reviewer_id == who.id)))
    if round is not None:
        q = q.where(Dossier.round == round)
    if status is not None:
        q = q.where(Dossier.status == status)
    if assignee is not None:
        q = q.where(Dossier.id.in_(select(Assignment.dossier_id)
                                   .where(Assignment.reviewer_id == assignee)))
    if unassigned is not None:
        anyone = select(Assignment.dossier_id)
        q = q.where(Dossier.id.not_in(anyone) if unassigned else Dossier.id.in_(anyone))
    if decided is not None:
        q = q.where(Dossier.decision.is_not(None) if decided else Dossier.decision.is_(None))
    if profile is not None:
        q = q.where(Dossier.profile == profile)
    if missing is not None:
        q = q.where(Dossier.missing > 0 if missing else func.coalesce(Dossier.missing, 0) == 0)
    if duplicates is not None:
        q = q.where(Dossier.id.in_(WARNED) if duplicates else Dossier.id.not_in(WARNED))
    order = (case((Dossier.id.in_(WARNED), 0), else_=1), func.coalesce(Dossier.missing, 0).desc(),
             warnings.desc(), Dossier.id)
    with runtime(request).db.session() as s:
        total = s.scalar(select(func.count()).select_from(q.subquery())) or 0
        rows = s.scalars(q.order_by(*order).limit(limit).offset(offset)).all()
        reviewers = reviewers_of(s, [d.id for d in rows])
        warned = warning_counts(s, [d.id for d in rows])
        items = [{**summary(d, warned, blind=access.blind_for(s, who, d)),
                  "reviewers": reviewers.get(d.id, [])} for d in rows]
        listed = q.subquery()
        counts = dict(s.execute(select(listed.c.status, func.count())
                                .group_by(listed.c.status)).all()) if total else {}
        risks = s.execute(select(
            func.count().filter(listed.c.id.in_(WARNED)),
            func.count().filter(listed.c.missing > 0),
            func.count().filter(listed.c.id.not_in(select(Assignment.dossier_id))),
            func.count().filter(listed.c.decision.is_(None)))).one() if total else (0, 0, 0, 0)
    return {"total": total, "counts": counts, "items": items,
            "risks": {"duplicates": risks[0], "missing": risks[1], "unassigned": risks[2],
                      "undecided": risks[3]}}


@router.post("/api/dossiers/{dossier_id}/assignments", status_code=201, tags=["review"])
def assign(dossier_id: Id, body: NewAssignment, who: Who, request: Request) -> dict[str, Any]:
    """Give the dossier to a reviewer (who then sees it in their queue)."""
    access.need(who, access.ASSIGN)
    with runtime(request).db.session() as s:
        dossier = access.readable(s, who, dossier_id)
        if dossier.prior:
            raise Conflict("archive dossiers are not reviewed",
                           message="Hồ sơ trong kho lưu trữ không giao chấm.")
        reviewer = s.get(User, body.reviewer)
        if reviewer is None or reviewer.role != "reviewer" or not reviewer.active:
            raise BadInput(f"user {body.reviewer} is not an active reviewer",
                           message="Người được giao phải là thành viên hội đồng đang hoạt động.")
        if access.assigned_to(s, reviewer.id, dossier_id):
            raise Conflict("already assigned", message=f"Hồ sơ đã giao cho {reviewer.name}.")
        ensure_open(s, dossier.round)
        rule = conflict(Reviewer(reviewer.name, reviewer.unit), _fields(dossier),
                        same_unit=config_for(s, dossier.round).same_unit_conflict)
        if rule is not None:
            raise Conflict(f"conflict of interest: {reviewer.login} on dossier {dossier_id}",
                           message=f"Không giao được cho {reviewer.name or reviewer.login}: {rule}.")
        s.add(Assignment(dossier_id=dossier_id, reviewer_id=reviewer.id, assigned_by=who.id))
        record(s, who, "assigned", object_type="dossier", object_id=dossier_id,
               detail={"reviewer": reviewer.id, "login": reviewer.login}, ip=client_ip(request))
        try:
            s.flush()
        except IntegrityError as exc:  # the same assignment made at the same moment
            raise Conflict("already assigned", message=f"Hồ sơ đã giao cho {reviewer.name}.") from exc
    return {"dossier": dossier_id, "reviewer": reviewer.id}


@router.delete("/api/dossiers/{dossier_id}/assignments/{reviewer_id}", tags=["review"])
def unassign(dossier_id: Id, reviewer_id: Id, who: Who, request: Request) -> dict[str, Any]:
    access.need(who, access.ASSIGN)
    with runtime(request).db.session() as s:
        ensure_open(s, access.readable(s, who, dossier_id).round)
        row = s.scalar(select(Assignment).where(Assignment.dossier_id == dossier_id,
                                                Assignment.reviewer_id == reviewer_id))
        if row is None:
            raise NotFound("no such assignment", message="Hồ sơ không giao cho người này.")
        sheet = _sheet(s, dossier_id, reviewer_id)
        if sheet is not None and sheet.submitted_at is not None:
            raise Conflict("the reviewer submitted a score sheet",
                           message="Người chấm đã nộp phiếu chấm; không thể huỷ giao.")
        s.delete(row)
        record(s, who, "unassigned", object_type="dossier", object_id=dossier_id,
               detail={"reviewer": reviewer_id}, ip=client_ip(request))
    return {"ok": True}


@router.get("/api/score-sheet", tags=["review"])
def score_sheet(who: Who, request: Request,
                round: Annotated[str | None, Query(max_length=100)] = None) -> dict[str, Any]:
    """The criteria, their maxima and the pass rule of a round's score sheet (the default
    sheet for a round with none of its own)."""
    with runtime(request).db.session() as s:
        return sheet_for(s, round).as_json()


@router.put("/api/dossiers/{dossier_id}/score", tags=["review"])
def score(dossier_id: Id, body: Scores, who: Who, request: Request) -> dict[str, Any]:
    """Save (or submit, and lock) your score sheet for a dossier assigned to you."""
    with runtime(request).db.session() as s:
        dossier = access.actionable(s, who, dossier_id, frozenset({"reviewer"}))
        ensure_open(s, dossier.round)
        config = config_for(s, dossier.round)
        total, passed = config.sheet.judge(body.scores)
        sheet = _sheet(s, dossier_id, who.id, lock=True)
        if sheet is not None and sheet.submitted_at is not None:
            raise Conflict("sheet submitted", message="Phiếu chấm đã nộp, không sửa được nữa.")
        if sheet is None:
            sheet = ScoreSheet(dossier_id=dossier_id, reviewer_id=who.id)
            s.add(sheet)
        sheet.scores, sheet.total, sheet.passed, sheet.comment = body.scores, total, passed, body.comment
        if body.submit:
            sheet.submitted_at = datetime.now(UTC)
        record(s, who, "score_submitted" if body.submit else "score_saved",
               object_type="dossier", object_id=dossier_id,
               detail={"scores": body.scores, "total": total, "passed": passed},
               ip=client_ip(request))
        s.flush()
        if body.submit:
            _call_another_reviewer(s, dossier, config, request)
        return _sheet_json(sheet)


@router.get("/api/dossiers/{dossier_id}/scores", tags=["review"])
def scores(dossier_id: Id, who: Who, request: Request) -> dict[str, Any]:
    """The dossier's score sheets and result by the round's rules: the mean of the submitted
    totals, final once the round's number of reviewers submitted (one more when they
    disagree). A reviewer sees the others' sheets, and whether they disagree, only after
    submitting their own."""
    with runtime(request).db.session() as s:
        dossier = access.readable(s, who, dossier_id)
        every = list(s.scalars(select(ScoreSheet).where(ScoreSheet.dossier_id == dossier.id)
                               .order_by(ScoreSheet.id)))
        sheets = every
        if who.role == "reviewer":
            mine = next((x for x in every if x.reviewer_id == who.id), None)
            if mine is None or mine.submitted_at is None:
                sheets = [mine] if mine else []
        config = config_for(s, dossier.round)
        submitted = [(x.total, x.passed) for x in every if x.submitted_at is not None]
        split = disagree(submitted, config)
        needed = config.reviewers + (1 if split else 0)
        shown = sheets is every
        mean, count, passed = result_of([(x.total, x.passed) for x in sheets
                                         if x.submitted_at is not None], config.sheet.pass_total)
        return {"sheet": config.sheet.as_json(), "sheets": [_sheet_json(x) for x in sheets],
                "rules": {"reviewers": config.reviewers,
                          "disagreement_points": config.disagreement_points,
                          "disagreement": split if shown else None,
                          "needed": needed if shown else config.reviewers, "blind": config.blind},
                "result": None if mean is None else {"mean": mean, "submitted": count,
                                                     "passed": passed, "final": count >= needed}}


@router.post("/api/dossiers/{dossier_id}/decision", status_code=201, tags=["review"])
def decide(dossier_id: Id, body: NewDecision, who: Who, request: Request) -> dict[str, Any]:
    """Accept, request a supplement (by ``deadline``, stored on the dossier: it then waits,
    "chờ bổ sung", until a resubmission comes in), or reject, with a reason."""
    with runtime(request).db.session() as s:
        dossier = access.actionable(s, who, dossier_id, access.DECIDE)
        ensure_open(s, dossier.round)
        if dossier.prior:
            raise Conflict("archive dossier", message="Hồ sơ trong kho lưu trữ đã có quyết định.")
        due = _supplement_due(body, runtime(request).settings.supplement_days)
        row = Decision(dossier_id=dossier_id, decided_by=who.id, decision=body.decision,
                       reason=body.reason.strip())
        s.add(row)
        dossier.decision = body.decision
        if due is not None:
            dossier.supplement_due = due
        detail = {"decision": body.decision, "reason": row.reason,
                  **({"deadline": due.isoformat()} if due else {})}
        record(s, who, "decision", object_type="dossier", object_id=dossier_id, detail=detail,
               ip=client_ip(request))
        s.flush()
        return {"id": row.id, "dossier": dossier_id, "decision": row.decision,
                "reason": row.reason, "by": who.login, "at": row.at.isoformat(),
                "deadline": due.isoformat() if due else None}


@router.post("/api/dossiers/{dossier_id}/matches/{other_id}/exclusion", tags=["review"])
def exclude_match(dossier_id: Id, other_id: Id, body: Exclusion, who: Who,
                  request: Request) -> dict[str, Any]:
    """Mark a duplicate warning as not a duplicate (a reason is required); it stays visible,
    marked, and is no longer counted."""
    return _set_exclusion(dossier_id, other_id, body.reason.strip(), who, request)


@router.delete("/api/dossiers/{dossier_id}/matches/{other_id}/exclusion", tags=["review"])
def include_match(dossier_id: Id, other_id: Id, who: Who, request: Request) -> dict[str, Any]:
    """Undo an exclusion: the warning counts again."""
    return _set_exclusion(dossier_id, other_id, None, who, request)


@router.get("/api/dossiers/{dossier_id}/history", tags=["review"])
def history(dossier_id: Id, who: Who, request: Request) -> dict[str, Any]:
    """Every recorded action on the dossier, oldest first; decisions with their reasons."""
    with runtime(request).db.session() as s:
        access.readable(s, who, dossier_id)
        q = select(AuditEntry).where(AuditEntry.object_type == "dossier",
                                     AuditEntry.object_id == dossier_id)
        if who.role == "reviewer":  # others' scores stay hidden until the sheets are in
            q = q.where(AuditEntry.action.not_in(("score_saved", "score_submitted"))
                        | (AuditEntry.user_id == who.id))
        rows = s.scalars(q.order_by(AuditEntry.id))
        decisions = s.scalars(select(Decision).where(Decision.dossier_id == dossier_id)
                              .order_by(Decision.id))
        return {"items": [entry_json(e) for e in rows],
                "decisions": [{"decision": d.decision, "reason": d.reason, "by": d.user.login,
                               "by_name": d.user.name, "at": d.at.isoformat()} for d in decisions]}


# ---------------------------------------------------------------------------- helpers


def _set_exclusion(dossier_id: int, other_id: int, reason: str | None, who, request) -> dict:
    with runtime(request).db.session() as s:
        ensure_open(s, access.actionable(s, who, dossier_id, access.EXCLUDE_MATCH).round)
        row = s.scalar(select(DupMatch).where(DupMatch.dossier_id == dossier_id,
                                              DupMatch.other_id == other_id))
        if row is None:
            raise NotFound(f"no match {dossier_id}->{other_id}",
                           message="Không có cảnh báo trùng lặp này.")
        row.excluded, row.excluded_reason = reason is not None, reason
        record(s, who, "match_excluded" if reason else "match_included", object_type="dossier",
               object_id=dossier_id, detail={"other": other_id, "reason": reason},
               ip=client_ip(request))
        return {"dossier": dossier_id, "other": other_id, "excluded": row.excluded,
                "reason": row.excluded_reason}


def _supplement_due(body: NewDecision, working_days: int) -> date | None:
    """The deadline of a supplement asked for: the one given, after today (Vietnam's date), or
    ``working_days`` working days from today; ``None`` for the other decisions."""
    if body.decision != "supplement":
        if body.deadline is not None:
            raise BadInput("deadline without a supplement",
                           message="Hạn bổ sung chỉ ghi khi yêu cầu bổ sung hồ sơ.")
        return None
    today = today_vn()
    if body.deadline is None:
        return working_days_after(today, working_days)
    if body.deadline <= today:
        raise BadInput(f"deadline {body.deadline} not after {today}",
                       message=f"Hạn bổ sung ({body.deadline:%d/%m/%Y}) phải sau ngày hôm nay.")
    return body.deadline


def _call_another_reviewer(s, dossier: Dossier, config: RoundConfig, request: Request) -> None:
    """When the submitted sheets disagree (the round's rule), give the dossier to one more
    reviewer, if it has no more than the round's number yet: the active reviewer with the
    fewest dossiers to score who is not conflicted (``checks.conflicts``). With nobody free,
    the queue shows the dossier as waiting for one (``scores``' ``rules.disagreement``)."""
    submitted = [(x.total, x.passed) for x in s.scalars(
        select(ScoreSheet).where(ScoreSheet.dossier_id == dossier.id,
                                 ScoreSheet.submitted_at.is_not(None)))]
    taken = set(s.scalars(select(Assignment.reviewer_id).where(Assignment.dossier_id == dossier.id)))
    if not disagree(submitted, config) or len(taken) > config.reviewers:
        return
    load = (select(func.count()).select_from(Assignment)
            .where(Assignment.reviewer_id == User.id).scalar_subquery())
    fields = _fields(dossier)
    for user in s.scalars(select(User).where(User.role == "reviewer", User.active.is_(True))
                          .order_by(load, User.id)):
        if user.id in taken or conflict(Reviewer(user.name, user.unit), fields,
                                        same_unit=config.same_unit_conflict):
            continue
        s.add(Assignment(dossier_id=dossier.id, reviewer_id=user.id, assigned_by=None))
        record(s, None, "assigned", object_type="dossier", object_id=dossier.id, login="(hoso)",
               detail={"reviewer": user.id, "login": user.login, "why": "disagreement"},
               ip=client_ip(request))
        return


def _fields(dossier: Dossier) -> dict[str, Any]:
    return (dossier.understanding or {}).get("fields", {})


def _sheet(s, dossier_id: int, reviewer_id: int, *, lock: bool = False) -> ScoreSheet | None:
    q = select(ScoreSheet).where(ScoreSheet.dossier_id == dossier_id,
                                 ScoreSheet.reviewer_id == reviewer_id)
    return s.scalar(q.with_for_update() if lock else q)


def _sheet_json(x: ScoreSheet) -> dict[str, Any]:
    return {"reviewer": x.reviewer_id, "login": x.reviewer.login if x.reviewer else None,
            "name": x.reviewer.name if x.reviewer else None,
            "scores": x.scores, "total": x.total, "passed": x.passed, "comment": x.comment,
            "submitted": x.submitted_at is not None,
            "submitted_at": x.submitted_at.isoformat() if x.submitted_at else None}


def reviewers_of(s, dossier_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {}
    if not dossier_ids:
        return out
    rows = s.execute(select(Assignment.dossier_id, User.id, User.login, User.name)
                     .join(User, User.id == Assignment.reviewer_id)
                     .where(Assignment.dossier_id.in_(dossier_ids)))
    for dossier_id, uid, login, name in rows:
        out.setdefault(dossier_id, []).append({"id": uid, "login": login, "name": name})
    return out
