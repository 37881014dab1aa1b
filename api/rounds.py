"""Routes of rounds (đợt xét): list them; an admin creates one and sets its score sheet.

A dossier belongs to a round by name (``Dossier.round``, given at upload). A round's score
sheet is what its reviewers fill in (``models.rounds``); a round nobody configured scores on
the default sheet.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field, field_validator
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from api import access
from api.audit import record
from api.deps import Id, Who, client_ip, runtime
from models.errors import Conflict, NotFound, ProfileError
from models.rounds import RULES, STATE_VI, STATES, next_state, round_config, sheet_of
from models.tables import Dossier, Round, ScoreSheet

router = APIRouter()
StatePattern = "^(" + "|".join(STATES) + ")$"


class CriterionIn(BaseModel):
    key: str | None = Field(None, max_length=40, pattern=r"^[a-z0-9_]+$")
    label: str = Field(min_length=1, max_length=200)
    max: float = Field(gt=0, le=1000)
    min_to_pass: float = Field(0, ge=0, le=1000)


class SheetIn(BaseModel):
    criteria: list[CriterionIn] = Field(min_length=1, max_length=20)
    pass_total: float = Field(ge=0, le=20_000)


class Rules(BaseModel):
    reviewers: int | None = Field(None, ge=1, le=9, description="independent reviewers a dossier")
    disagreement_points: float | None = Field(None, ge=0, le=1000, description="totals further "
                                              "apart than this call one more reviewer")
    same_unit_conflict: bool | None = Field(None, description="a reviewer of an author's unit "
                                            "may not score it")
    blind: bool | None = Field(None, description="reviewers see no author names or units")


class RoundIn(Rules):
    name: str = Field(min_length=1, max_length=100)

    @field_validator("profile", "year", mode="before", check_fields=False)
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:  # a form's empty field
        return None if value == "" else value
    year: int | None = Field(None, ge=1990, le=2100)
    profile: str | None = Field(None, max_length=50)
    opens_on: date | None = None
    closes_on: date | None = None
    sheet: SheetIn | None = None


class RoundChange(Rules):
    year: int | None = Field(None, ge=1990, le=2100)
    profile: str | None = Field(None, max_length=50)
    state: str | None = Field(None, pattern=StatePattern)
    opens_on: date | None = None
    closes_on: date | None = None
    sheet: SheetIn | None = None


def round_json(r: Round, dossiers: int = 0) -> dict[str, Any]:
    config = round_config(r.config)
    return {"id": r.id, "name": r.name, "year": r.year, "profile": r.profile, "state": r.state,
            "state_label": STATE_VI[r.state],
            "opens_on": r.opens_on.isoformat() if r.opens_on else None,
            "closes_on": r.closes_on.isoformat() if r.closes_on else None,
            **config.as_json(), "dossiers": dossiers}


@router.get("/api/rounds", tags=["rounds"])
def rounds(who: Who, request: Request) -> dict[str, Any]:
    """Every round, newest first, with its score sheet and number of dossiers."""
    with runtime(request).db.session() as s:
        counts = dict(s.execute(select(Dossier.round, func.count()).where(Dossier.prior.is_(False))
                                .group_by(Dossier.round)).all())
        rows = s.scalars(select(Round).order_by(Round.id.desc()))
        return {"items": [round_json(r, counts.get(r.name, 0)) for r in rows]}


@router.post("/api/rounds", status_code=201, tags=["rounds"])
def add_round(body: RoundIn, who: Who, request: Request) -> dict[str, Any]:
    access.need(who, access.ADMIN)
    rt = runtime(request)
    _known_profile(rt, body.profile)
    with rt.db.session() as s:
        row = Round(name=body.name.strip(), year=body.year, profile=body.profile,
                    opens_on=body.opens_on, closes_on=body.closes_on, state="open",
                    config=_config({}, body))
        s.add(row)
        try:
            s.flush()
        except IntegrityError as exc:
            raise Conflict(f"round {body.name!r} exists",
                           message=f"Đã có đợt xét “{body.name}”.") from exc
        record(s, who, "round_created", object_type="round", object_id=row.id,
               detail=body.model_dump(mode="json"), ip=client_ip(request))
        return round_json(row)


@router.patch("/api/rounds/{round_id}", tags=["rounds"])
def change_round(round_id: Id, body: RoundChange, who: Who, request: Request) -> dict[str, Any]:
    """Change a round. Its score sheet is fixed once a reviewer has scored one of its dossiers
    on it (scores on two sheets could not be compared)."""
    access.need(who, access.ADMIN)
    rt = runtime(request)
    _known_profile(rt, body.profile)
    with rt.db.session() as s:
        row = s.get(Round, round_id)
        if row is None:
            raise NotFound(f"round {round_id}", message=f"Không có đợt xét mã {round_id}.")
        changed = body.model_dump(mode="json", exclude_unset=True)
        if row.state == "closed" and set(changed) - {"state"}:
            raise Conflict(f"round {row.name} is closed",
                           message=f"Đợt xét “{row.name}” đã đóng; không sửa được nữa.")
        if body.state is not None:
            row.state = next_state(row.state, body.state)
        if body.sheet is not None:
            scored = s.scalar(select(func.count()).select_from(ScoreSheet).join(
                Dossier, Dossier.id == ScoreSheet.dossier_id).where(Dossier.round == row.name))
            if scored:
                raise Conflict(f"round {row.name} has {scored} score sheets",
                               message="Đợt xét đã có phiếu chấm; không đổi được phiếu chấm nữa.")
        row.config = _config(row.config or {}, body)
        for key in ("year", "profile", "opens_on", "closes_on"):
            if key in changed:
                setattr(row, key, getattr(body, key))
        record(s, who, "round_changed", object_type="round", object_id=row.id, detail=changed,
               ip=client_ip(request))
        return round_json(row)


def _config(stored: dict[str, Any], body: Rules) -> dict[str, Any] | None:
    """The round's stored configuration with what ``body`` sets (checked: ``models.rounds``)."""
    out = dict(stored)
    if getattr(body, "sheet", None) is not None:
        out["sheet"] = sheet_of(body.sheet.model_dump()).as_json()
    out.update(body.model_dump(include=set(RULES), exclude_none=True))
    round_config(out)  # refuses a broken sheet or rule now, not when someone scores
    return out or None


def _known_profile(rt, profile: str | None) -> None:
    if profile is not None and profile not in rt.profiles:
        raise ProfileError(f"unknown profile {profile!r}", message=f"Không có mẫu hồ sơ “{profile}”.")
