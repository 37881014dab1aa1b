"""Vietnamese dates in all the forms dossiers write them.

    ngày 03 tháng 8 năm 2020 · ngày 3/8/2020 · 03/8/2020 · 03-08-2020 · 03.08.2020 ·
    Hà Nội, ngày 26 tháng 02 năm 2024 · 3 tháng 8, 2020 · tháng 8/2020 · tháng 8 năm 2020

Day comes before month, always (Vietnamese order). A date that does not exist (31/02) is not
a date. Diacritics may be missing or damaged by OCR ("ngay 03 thang 8 nam 2020"), so the words
are matched on folded text. A month-only date ("tháng 8/2020") is returned with day 1 and
``precision="month"``, so that a rule that needs a full date can tell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ingest.vietnamese import fold

_SEP = r"\s*[/\-.]\s*"
_YEAR = r"((?:19|20)\d{2})"
PATTERNS = (
    # ngày 03 tháng 8 năm 2020 (also without "ngày", with commas)
    ("day", re.compile(r"(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})\s*,?\s*(?:nam\s+)?" + _YEAR,
                       re.IGNORECASE)),
    # 03/8/2020, 03-08-2020, 03.08.2020 (optionally after "ngày")
    ("day", re.compile(r"(?<![\d/])(\d{1,2})" + _SEP + r"(\d{1,2})" + _SEP + _YEAR + r"(?![\d/])")),
    # tháng 8/2020, tháng 8 năm 2020, tháng 08-2020
    ("month", re.compile(r"thang\s+(\d{1,2})\s*(?:[/\-.]|\s+nam\s+)\s*" + _YEAR, re.IGNORECASE)),
)


@dataclass(frozen=True)
class FoundDate:
    value: date
    start: int  # character offsets in the text given
    end: int
    precision: str  # "day" | "month"

    def iso(self) -> str:
        return self.value.isoformat()


def find_dates(text: str) -> list[FoundDate]:
    """Every date in the text, in order; overlapping readings keep the fullest one."""
    folded = _fold_same_length(text)
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for precision, pattern in PATTERNS:
        for m in pattern.finditer(folded):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            value = _make(m, precision)
            if value:
                found.append(FoundDate(value, m.start(), m.end(), precision))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def parse_date(text: str) -> date | None:
    """The first date in the text, or None."""
    dates = find_dates(text)
    return dates[0].value if dates else None


def _make(m: re.Match[str], precision: str) -> date | None:
    try:
        if precision == "day":
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return date(int(m.group(2)), int(m.group(1)), 1)
    except ValueError:  # 31/02, month 13
        return None


def _fold_same_length(text: str) -> str:
    """Diacritics removed character by character, so offsets still point into ``text``."""
    return "".join(f if len(f := fold(c)) == 1 else c for c in text)
