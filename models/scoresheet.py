"""The score sheet a reviewer fills in: criteria, their maxima, and when a dossier passes.

The default is the common provincial sheet: novelty 40, applicability 30, benefit 30; a
dossier passes with a total of at least 50 and every criterion at least 10. Rounds with
another sheet bring their own ``Sheet`` (the council rules issue configures it per round).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from models.errors import BadInput


@dataclass(frozen=True)
class Criterion:
    key: str
    label: str
    max: float
    min_to_pass: float = 0.0


@dataclass(frozen=True)
class Sheet:
    criteria: tuple[Criterion, ...]
    pass_total: float

    def judge(self, scores: dict[str, Any]) -> tuple[float, bool]:
        """The total and whether it passes; ``BadInput`` naming what is wrong."""
        known = {c.key for c in self.criteria}
        extra = sorted(set(scores) - known)
        if extra:
            raise BadInput(f"unknown criteria {extra}",
                           message=f"Phiếu chấm không có tiêu chí: {', '.join(extra)}.")
        total, passed = 0.0, True
        for c in self.criteria:
            value = scores.get(c.key)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise BadInput(f"{c.key}: missing or not a number",
                               message=f"Chưa chấm tiêu chí “{c.label}”.")
            if not 0 <= value <= c.max:
                raise BadInput(f"{c.key}: {value} outside 0..{c.max}",
                               message=f"Điểm “{c.label}” phải từ 0 đến {c.max:g}.")
            total += value
            passed &= value >= c.min_to_pass
        return total, passed and total >= self.pass_total

    def as_json(self) -> dict[str, Any]:
        return {"criteria": [{"key": c.key, "label": c.label, "max": c.max,
                              "min_to_pass": c.min_to_pass} for c in self.criteria],
                "pass_total": self.pass_total}


DEFAULT_SHEET = Sheet((
    Criterion("novelty", "Tính mới", 40, 10),
    Criterion("applicability", "Khả năng áp dụng", 30, 10),
    Criterion("benefit", "Hiệu quả, lợi ích", 30, 10),
), pass_total=50)
