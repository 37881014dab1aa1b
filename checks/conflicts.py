"""Conflicts of interest: who may not score a dossier.

Council rules: an author never scores their own initiative; where the round says so, nor does
a colleague of the same unit. Names and units are compared the way they are typed and read
(case, diacritics, "đ"/"d" and spacing aside); a unit matches when one name holds the other as
whole words ("THPT Hòa Bình" and "Trường THPT Hòa Bình"), since forms write units long and short.
The refusal names the rule, in Vietnamese, for the secretariat who tried.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from checks.shingles import fold

AUTHOR_RULE = "người chấm là tác giả của sáng kiến (tác giả không chấm sáng kiến của mình)"
UNIT_RULE = ("người chấm cùng đơn vị với tác giả “{unit}” (quy định của đợt xét: không chấm hồ sơ "
             "của đơn vị mình)")


@dataclass(frozen=True)
class Reviewer:
    name: str
    unit: str | None = None


def conflict(reviewer: Reviewer, fields: dict[str, Any], *, same_unit: bool) -> str | None:
    """The rule ``reviewer`` would break by scoring a dossier with these ``fields``
    (``understanding["fields"]``: ``authors`` with ``name`` and ``unit``, the dossier's ``unit``),
    or None."""
    me = _words(reviewer.name)
    names = [a.get("name") for a in fields.get("authors") or []] + list(
        fields.get("description_authors") or [])
    if me and any(_words(n) == me for n in names if n):
        return AUTHOR_RULE
    if same_unit and reviewer.unit:
        for unit in _units(fields):
            if _same_unit(reviewer.unit, unit):
                return UNIT_RULE.format(unit=unit)
    return None


def _units(fields: dict[str, Any]) -> Iterable[str]:
    seen = [fields.get("unit")] + [a.get("unit") for a in fields.get("authors") or []]
    return [u for u in dict.fromkeys(seen) if u]


def _same_unit(a: str, b: str) -> bool:
    x, y = _words(a), _words(b)
    if not x or not y:
        return False
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    if len(short) < 2:  # one word ("Trường") says nothing
        return short == long
    return any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _words(text: str | None) -> tuple[str, ...]:
    return tuple("".join(c for c in w if c.isalnum()) for w in fold(text or "").split()
                 if any(c.isalnum() for c in w))
