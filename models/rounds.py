"""A round (đợt xét), its state and its configuration: the score sheet its reviewers fill in,
and the rules of its review (how many independent reviewers, when they disagree, conflicts of
interest, blind review). Provinces differ, so the sheet is the round's, not the code's: an admin
sets criteria, maxima, the minimum per criterion and the pass total for each round; a dossier
of no known round is scored on the default sheet (``models.scoresheet.DEFAULT_SHEET``).

The configuration is stored as JSON on the round (``Round.config``) and read through
``round_config``, which checks it: a broken sheet is refused when saved, never met when scoring.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from checks.shingles import fold
from models.errors import BadInput, Conflict
from models.scoresheet import DEFAULT_SHEET, Criterion, Sheet
from models.tables import Round

STATES = ("open", "reviewing", "closed")
STATE_VI = {"open": "Đang nhận hồ sơ", "reviewing": "Đang chấm", "closed": "Đã đóng"}
MAX_CRITERIA = 20


@dataclass(frozen=True)
class RoundConfig:
    """How a round reviews. ``reviewers``: independent sheets each dossier needs;
    ``disagreement_points``: two totals further apart than this (or one passing, one not) call
    a further reviewer; ``same_unit_conflict``: a reviewer of an author's unit may not score
    it; ``blind``: reviewers see no author names or units."""

    sheet: Sheet = DEFAULT_SHEET
    reviewers: int = 2
    disagreement_points: float = 20.0
    same_unit_conflict: bool = False
    blind: bool = False

    def as_json(self) -> dict[str, Any]:
        return {"sheet": self.sheet.as_json(), "reviewers": self.reviewers,
                "disagreement_points": self.disagreement_points,
                "same_unit_conflict": self.same_unit_conflict, "blind": self.blind}


DEFAULT_CONFIG = RoundConfig()
RULES = ("reviewers", "disagreement_points", "same_unit_conflict", "blind")


def round_config(data: dict[str, Any] | None) -> RoundConfig:
    """The configuration stored on a round (``None``: the defaults)."""
    data = data or {}
    rules = {k: data[k] for k in RULES if data.get(k) is not None}
    return RoundConfig(sheet=sheet_of(data["sheet"]) if data.get("sheet") else DEFAULT_SHEET, **rules)


def config_for(s: Session, round_name: str | None) -> RoundConfig:
    """The configuration of a dossier's round (the defaults for a round nobody configured)."""
    row = round_row(s, round_name)
    return round_config(row.config) if row is not None else DEFAULT_CONFIG


def round_row(s: Session, round_name: str | None) -> Round | None:
    return None if round_name is None else s.scalar(select(Round).where(Round.name == round_name))


def ensure_open(s: Session, round_name: str | None) -> None:
    """Refuse a change to a dossier of a closed round: closing freezes its scores, decisions,
    assignments and uploads."""
    row = round_row(s, round_name)
    if row is not None and row.state == "closed":
        raise Conflict(f"round {round_name} is closed",
                       message=f"Đợt xét “{round_name}” đã đóng: điểm, quyết định, phân công và "
                               "hồ sơ của đợt đã được khoá.")


def next_state(current: str, wanted: str) -> str:
    """A round moves forward only: open -> reviewing -> closed (a closed round stays closed)."""
    if STATES.index(wanted) < STATES.index(current):
        raise Conflict(f"round state {current} -> {wanted}",
                       message=f"Không chuyển được đợt xét từ “{STATE_VI[current]}” về "
                               f"“{STATE_VI[wanted]}”.")
    return wanted


def disagree(sheets: list[tuple[float, bool]], config: RoundConfig) -> bool:
    """Whether submitted sheets (total, passed) disagree under the round's rule: totals more
    than ``disagreement_points`` apart, or one passing and another not."""
    if len(sheets) < 2:
        return False
    totals = [total for total, _ in sheets]
    return max(totals) - min(totals) > config.disagreement_points or len({p for _, p in sheets}) > 1


def sheet_of(data: dict[str, Any]) -> Sheet:
    """A score sheet from its JSON (``Sheet.as_json``'s shape); ``BadInput`` saying what is wrong."""
    items = data.get("criteria")
    if not isinstance(items, list) or not 1 <= len(items) <= MAX_CRITERIA:
        raise BadInput("criteria: a list of 1..20", message="Phiếu chấm phải có từ 1 đến 20 tiêu chí.")
    criteria = []
    for i, c in enumerate(items, 1):
        label = str(c.get("label") or "").strip()
        key = str(c.get("key") or slug(label)).strip()
        top, low = _number(c.get("max"), f"tiêu chí {i}: điểm tối đa"), _number(
            c.get("min_to_pass", 0), f"tiêu chí {i}: điểm tối thiểu")
        if not label or not key:
            raise BadInput(f"criterion {i}: no label", message=f"Tiêu chí {i} chưa có tên.")
        if not 0 < top <= 1000 or not 0 <= low <= top:
            raise BadInput(f"criterion {i}: max {top}, min {low}",
                           message=f"Tiêu chí “{label}”: điểm tối đa phải dương và điểm tối thiểu "
                                   "từ 0 đến điểm tối đa.")
        criteria.append(Criterion(key, label, top, low))
    if len({c.key for c in criteria}) != len(criteria):
        raise BadInput("duplicate criterion keys", message="Hai tiêu chí trùng tên.")
    total = _number(data.get("pass_total"), "điểm đạt")
    if not 0 <= total <= sum(c.max for c in criteria):
        raise BadInput(f"pass_total {total}", message="Điểm đạt phải từ 0 đến tổng điểm tối đa.")
    return Sheet(tuple(criteria), pass_total=total)


def sheet_for(s: Session, round_name: str | None) -> Sheet:
    """The score sheet of a dossier of round ``round_name``."""
    return config_for(s, round_name).sheet


def result_of(sheets: list[tuple[float, bool]], pass_total: float
              ) -> tuple[float | None, int, bool | None]:
    """A dossier's result from its submitted sheets (total, passed): the mean of the totals,
    how many there are, and whether it passes (the mean reaches the round's pass total and
    every sheet passed); ``(None, 0, None)`` before any sheet is submitted."""
    if not sheets:
        return None, 0, None
    mean = sum(total for total, _ in sheets) / len(sheets)
    return round(mean, 2), len(sheets), mean >= pass_total and all(p for _, p in sheets)


def slug(label: str) -> str:
    return "_".join(re.findall(r"[a-z0-9]+", fold(label)))[:40]


def _number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise BadInput(f"{what}: {value!r}", message=f"{what.capitalize()} phải là số.")
    return float(value)
