"""The request's authors table, and person names.

OCR'd pages carry their words' boxes: the table is then read from its geometry
(``extract.table_geometry``), and from the text below only when that fails.

Word tables arrive with cells joined by " | ". Drawn tables (PDF, OCR) arrive flattened: a
row's first line holds the first line of every cell ("1 Hoàng Văn 14/07/1980 Trạm Khuyến
nông Trạm Kỹ sư Trồng 50"), each following line the next line of the cells that wrapped.

- **OCR repair** (``tidy``): punctuation-only tokens and border marks dropped, OCR's readings
  of the en dash ("—", "~-", "=") put back to "–", glued words cut at case changes
  ("TrầnThuHạnh") or between Vietnamese syllables ("Tổtrưởng": the fewest syllables that
  ``ingest.vietnamese.syllable_ok`` accepts).
- **Rows.** A birth date anchors a row's first line: before it a capitalised name, after it
  the cells and the share. Names cut by the column edge are completed from the next line
  and the signer names under the form.
- **Dealing.** The rest goes to the unit, position and qualification columns the way a word
  processor wraps them, a hard rule: a column's line is no wider than the column, a word
  only starts the next line when it would not fit on the one above (and rarely opens
  with a dash). Widths (Times New Roman, reportlab's metrics) are unknown but shared by all rows
  and bounded by how the bold header wrapped. Among the deals that keep the rule, the most
  plausible wins: a position or qualification that starts like the vocabulary, a position
  that is a whole vocabulary phrase ("Kế toán viên"), a degree that goes on with its field,
  column lines that join into word pairs found elsewhere in the dossier ("huyện Cao" +
  "Lộc"), a unit the dossier names elsewhere in full, co-authors' cells that go on alike.
- **Unit confirmed** (``extract.units.confirm_unit``): a unit cell that is a cut or glued
  version of a name the dossier writes elsewhere (its header, "tại …") becomes that name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from reportlab.pdfbase.pdfmetrics import stringWidth

from extract.dates import parse_date
from extract.nlp import folded
from extract.section_cues import authors_table_header
from extract.table_geometry import table_rows
from extract.units import DEGREES, MIDDLE, POSITIONS, SUBJECTS, SURNAMES, confirm_unit
from ingest.vietnamese import fold, has_diacritic, syllable_ok
from models.domain import Word
from models.understanding import AuthorInfo

_DATE = r"\d{1,2}\s*[/\-.]\s*\d{1,2}\s*[/\-.]\s*(?:19|20)\d{2}"
_ROW = re.compile(r"^\s*(?:(\d{1,2})\s*[.):;,]?\s+)?(.*?)\s*(" + _DATE + r")\s*(.*?)\s*$")
_SHARE = re.compile(r"(?:^|\s)(\d{1,3}(?:[.,]\d{1,2})?)\s*%?\s*$")
_TABLE_END = re.compile(r"^[-+•]\s*(chu dau tu|linh vuc|ngay|mo ta|nhung|danh gia|danh sach|ten sang)")
_WORDCH = re.compile(r"^[^\W\d_]+$")


# ---------------------------------------------------------------------------- OCR repair

_NOISE = re.compile(r"^[^\w%]+$")  # a token of punctuation only: ".", "[", "¡", "—"…
_EDGE_L = re.compile(r"^[\[\]“\"'!¡]+")  # "[Trường"
_EDGE_R = re.compile(r"(?<=\w)(?:\.+|[\]|:;!]+)$")  # "Đại.", "HĐND.", "Giám..."
_CASE = re.compile(r"(?<=[^\W\d_])(?=[^\W\d_][^\W\d_])")  # split points to test for a case change
_DASHLIKE = re.compile(r"[-–—~=]{1,3}[.,]{0,2}")
_GLUED_DASH = re.compile(r"(?<=[^\W\d_])[–—~=]+[.,]*(?=\s)")  # "chính—.. Kế"
_KEEP_ONE = set("yýỳỷỹỵàáảãạ")  # one-letter words; any other lone letter is noise


def _case_split(word: str) -> list[str]:
    """"TrầnThuHạnh" -> Trần Thu Hạnh, "THPTGio" -> THPT Gio: a capital after a small
    letter, or a capital followed by small letters after capitals, starts a word."""
    out, start = [], 0
    for i in range(1, len(word)):
        a, b = word[i - 1], word[i]
        nxt = word[i + 1] if i + 1 < len(word) else ""
        if b.isupper() and (a.islower() or (a.isupper() and nxt.islower())):
            out.append(word[start:i])
            start = i
    return out + [word[start:]]


@cache
def _syllables(word: str) -> tuple[str, ...]:
    """A word OCR glued from Vietnamese syllables ("Tổtrưởng", "bộkỹ", "Kĩsư") cut into the
    fewest possible syllables (ties: the cut whose syllables have onsets); unchanged when it
    is one syllable, carries no diacritic, or cannot be cut."""
    if len(word) < 4 or not has_diacritic(word) or syllable_ok(word) or not word.isalpha():
        return (word,)
    best: dict[int, tuple[int, int, tuple[str, ...]]] = {0: (0, 0, ())}
    for end in range(1, len(word) + 1):
        options = []
        for start in range(max(0, end - 7), end):
            piece = word[start:end]
            if start in best and syllable_ok(piece):
                n, vowel_first, cut = best[start]
                options.append((n + 1, vowel_first + (fold(piece[0]).lower() in "aeiouy"), cut + (piece,)))
        if options:
            best[end] = min(options)
    return best[len(word)][2] if len(word) in best else (word,)


def tidy(line: str) -> str:
    """A table line with OCR's slips undone: punctuation-only tokens and stray border marks
    dropped, glued words cut at case changes and between syllables, lone letters dropped."""
    out = []
    line = _GLUED_DASH.sub(" – ", re.sub(r"[|_]", " ", line))
    for token in line.split():
        if token.startswith("(") and ")" not in token:
            token = token[1:]
        if _DASHLIKE.fullmatch(token):  # the form's en dash, as OCR read it ("—", "~-", "=")
            token = "–"
        elif _NOISE.match(token):
            continue
        token = _EDGE_R.sub("", _EDGE_L.sub("", token))
        for part in _case_split(token):
            for word in _syllables(part):
                if len(word) == 1 and word.isalpha() and word.lower() not in _KEEP_ONE \
                        and not (word in "VŸ" or word == "I" and out and folded(out[-1]) == "cap"):
                    continue  # but "V" may be OCR's "Y" (``extract.spelling``), "cấp I" a grade
                out.append(word)
    return " ".join(out)

# ---------------------------------------------------------------------------- names


def _is_name(words: Sequence[str]) -> bool:
    if not 2 <= len(words) <= 5:
        return False
    if not all(_WORDCH.match(w) and w[0].isupper() and (len(w) == 1 or w[1:].islower()) for w in words):
        return False
    return words[0].lower() in SURNAMES or folded(words[1]) in MIDDLE


def _name_score(words: Sequence[str]) -> int:
    return 1 + (words[0].lower() in SURNAMES) + (folded(words[1]) in MIDDLE) if _is_name(words) else -99


def _incomplete(words: Sequence[str]) -> bool:  # cut short by a line end: one word, or "… Văn"
    return len(words) < 2 or folded(words[-1]) in MIDDLE


def names_in(text: str) -> list[str]:
    """Person names in a list like "A, chức danh, trình độ; B – …" or a signer line; names
    glued from two columns ("Đinh Thị Thoa Vì Văn Chiến") are cut where the score is best."""
    out = []
    for piece in re.split(r"[,;–\-|:()]| {2,}|\bvà\b", text):
        lines = [ln.split() for ln in piece.split("\n")]
        words = lines[0]
        for more in lines[1:]:
            if words and not _incomplete(words):
                break
            words = words + more
        if len(words) > 5 and all(_WORDCH.match(w) and w[0].isupper() for w in words):
            out += _partition(words)
            continue
        for n in range(min(5, len(words)), 1, -1):
            if _is_name(words[:n]):
                out.append(" ".join(words[:n]))
                break
    return out


def _partition(words: list[str]) -> list[str]:
    best: dict[int, tuple[int, list[str]]] = {0: (0, [])}
    for end in range(2, len(words) + 1):
        options = [(best[s][0] + _name_score(words[s:end]) - 2, best[s][1] + [" ".join(words[s:end])])
                   for s in range(max(0, end - 5), end - 1) if s in best]
        if options:
            best[end] = max(options, key=lambda o: o[0])
    return best[len(words)][1] if len(words) in best and best[len(words)][0] > -50 else []


# ---------------------------------------------------------------------------- authors table

_TIMES, _TIMES_BOLD = "Times-Roman", "Times-Bold"


@cache
def _width(text: str) -> float:
    """Printed width in Times New Roman, in ems."""
    return stringWidth(fold(text).encode("latin-1", "replace").decode("latin-1"), _TIMES, 1)


_SPACE_W = 0.25


def _starts_with(words: Sequence[str], vocab: tuple[list[str], ...]) -> bool:
    """The words begin with a vocabulary phrase, or are the beginning of one."""
    f = [folded(w) for w in words]
    return any(f[: len(phrase)] == phrase or phrase[: len(f)] == f for phrase in vocab)


@dataclass
class _Row:
    number: int
    name: list[str]
    birth: date | None
    share: float | None
    first: list[str]  # the first line of unit, position and qualification
    more: list[list[str]]  # the following lines, not yet dealt to the columns
    offset: int

    def author(self, cols: Sequence[Sequence[Sequence[str]]]) -> AuthorInfo:
        unit, pos, qual = (_clean(" ".join(" ".join(ln) for ln in col)).strip(" –") or None for col in cols)
        return AuthorInfo(" ".join(self.name), self.birth, unit, pos, qual, self.share)


def _lines(text: str) -> list[tuple[int, str]]:
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return list(zip(starts, text.split("\n")))


def _clean(text: str) -> str:
    return " ".join(text.split())


def authors_table(text: str, known_names: Sequence[str], context: str, units: Sequence[str] = (),
                  words: Sequence[Word] = ()) -> tuple[list[AuthorInfo], int | None]:
    """The request's authors and the offset of the first row. ``context``: the dossier's
    text, whose word pairs tell which words of a wrapped table belong together; ``units``:
    unit names written elsewhere (``extract.units.unit_candidates``), which confirm a cell;
    ``words``: the OCR'd boxes of the page with the table, read first when they make it
    (``extract.table_geometry``)."""
    lines = _lines(text)
    head = next((i for i, (_, ln) in enumerate(lines)  # "Họ vàtên": OCR glues header words
                 if authors_table_header(ln)), None)
    if words and (found := [a for r in table_rows(words) or [] if (a := _from_cells(r)).name]):
        at = next((pos for pos, ln in lines[head + 1:] if re.search(_DATE, ln)), lines[head][0]) \
            if head is not None else 0  # the first row's line
        return [_confirmed(a, units, [b.unit for b in found if b is not a]) for a in found], at
    if head is None:
        return [], None
    body: list[tuple[int, str]] = []
    for pos, ln in lines[head + 1:]:
        f = folded(ln)
        if f.startswith(("la tac gia", "la nhom tac gia", "la dong tac gia", "ten sang kien")) \
                or "de nghi" in f and "sang kien" in f or _TABLE_END.match(f):
            break
        body.append((pos, ln))
    if any(ln.count("|") >= 3 for _, ln in body):
        return _piped(lines[head][1], body), body[0][0] if body else None
    rows = _glued_rows(body, known_names)
    if not rows:
        return [], None
    table = {ln for _, ln in body}
    other = "\n".join(tidy(ln) for ln in context.split("\n") if ln not in table)
    prose = (ln for ln in other.split("\n") if not re.search(_DATE, ln))  # not another table's rows
    phrases = " " + " ".join(re.findall(r"\w+", fold(" ".join([*prose, *units])).lower())) + " "
    below = lines[head + 1][1] if head + 1 < len(lines) else ""
    cols = _deal(rows, _pairs(other), _header_widths(tidy(lines[head][1]), tidy(below)), phrases)
    found = [r.author(c) for r, c in zip(rows, cols)]
    return [_confirmed(a, units, [b.unit for b in found if b is not a]) for a in found], rows[0].offset


def _from_cells(cells: dict[str, str]) -> AuthorInfo:
    """One row read from the page's geometry: each cell tidied of OCR's slips."""
    name, unit, pos, qual = (_clean(tidy(cells[k])).strip(" –") or None
                             for k in ("name", "unit", "position", "qualification"))
    names = [w for w in (name or "").split() if _WORDCH.match(w)]
    born = parse_date(re.sub(r"\s", "", cells["birth_date"])) or parse_date(cells["birth_date"])
    return AuthorInfo(" ".join(names), born, unit, pos, qual,
                      _share(tidy(cells["share"]).replace(" ", "")))


def _confirmed(a: AuthorInfo, units: Sequence[str], others: Sequence[str | None]) -> AuthorInfo:
    """The unit confirmed by the names written elsewhere (a co-author's cell only when it is
    the shorter: words glued on); the glued words are the position column's next lines."""
    unit, rest = confirm_unit(a.unit, units)
    if unit == a.unit:
        shorter = [u for u in others if u and len(u.split()) < len((a.unit or "").split())]
        unit, rest = confirm_unit(a.unit, shorter)
    position = f"{a.position} {rest}" if rest and a.position else a.position
    return replace(a, unit=unit, position=position)


HEADINGS = ("noi cong tac (hoac noi thuong tru)", "chuc danh", "trinh do chuyen mon")


def _header_widths(line: str, below: str) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Widths the unit, position and qualification columns must have for their printed
    headings (bold) to wrap as the header shows: (least, less than). A heading's first line
    bounds the width from below; when the next header line goes on with the heading's next
    word, that word did not fit, which bounds it from above."""
    have, after = folded(line).split(), folded(below).split()
    low, high = [0.0] * 3, [1e9] * 3
    for c, heading in enumerate(HEADINGS):
        words = heading.split()
        for k in range(len(words), 0, -1):
            if any(have[i:i + k] == words[:k] for i in range(len(have))):
                low[c] = stringWidth(" ".join(words[:k]), _TIMES_BOLD, 1)
                if k < len(words) and words[k] in after:
                    high[c] = stringWidth(" ".join(words[:k + 1]), _TIMES_BOLD, 1)
                break
    return tuple(low), tuple(high)


def _share(text: str) -> float | None:
    """The share in a cell ("40%", "33,3 %"). A share above 100 whose last digit is a 9
    is OCR's reading of "%" as "9" in a ruled cell ("109" for "10%"): the 9 is dropped."""
    if (m := _SHARE.search(text)) is None:
        return None
    digits = m.group(1).replace(",", ".")
    value = float(digits)
    if value > 100 and digits.endswith("9") and "." not in digits and 0 < float(digits[:-1]) <= 100:
        return float(digits[:-1])
    return value


def _piped(header: str, body: list[tuple[int, str]]) -> list[AuthorInfo]:
    keys = [folded(c) for c in header.split("|")]

    def col(word: str, default: int) -> int:
        return next((i for i, k in enumerate(keys) if word in k), default)

    idx = (col("ho va ten", 1), col("sinh", 2), col("noi cong tac", 3), col("chuc danh", 4),
           col("trinh do", 5), col("ty le", 6))
    out = []
    for _, ln in body:
        cells = [c.strip() for c in ln.split("|")]
        if len(cells) < 3 or not re.match(r"^\d{1,2}\.?$", cells[0]):
            continue
        get = [cells[i] if i < len(cells) and cells[i] else None for i in idx]
        out.append(AuthorInfo(get[0] or "", parse_date(get[1] or ""), get[2], get[3], get[4],
                              _share(get[5] or "")))
    return out


def _glued_rows(body: list[tuple[int, str]], known_names: Sequence[str]) -> list[_Row]:
    rows: list[_Row] = []
    for pos, ln in body:
        ln = tidy(ln)
        m = _ROW.match(ln)
        name = m.group(2).split() if m else []
        if m and name and all(w[0].isupper() for w in name) and len(name) <= 5:
            tail = m.group(4)
            share = _SHARE.search(tail)
            middle = tail[: share.start()].split() if share else tail.split()
            number = int(m.group(1)) if m.group(1) else len(rows) + 1
            rows.append(_Row(number, name, parse_date(m.group(3)),
                             _share(tail), middle, [], pos))
        elif rows and ln.strip():
            rows[-1].more.append(ln.split())
    for r in rows:
        _complete_name(r, known_names)
    return rows


def _first_splits(words: list[str]) -> list[tuple[tuple[list[str], ...], float]]:
    """The ways to cut a row's first line into unit | position | qualification, with a
    reward where the position and the qualification begin like the vocabulary's."""
    out = []
    for p in range(1, len(words) + 1):
        for q in range(p, len(words) + 1):
            pos, qual = words[p:q], words[q:]
            score = (2.0 * _starts_with(pos, POSITIONS) if pos else -1.0) + \
                (2.0 * _starts_with(qual, DEGREES) if qual else -1.0) - _DASHED * _opens_dashed((pos, qual))
            out.append(((words[:p], pos, qual), score))
    return out


def _complete_name(row: _Row, known_names: Sequence[str]) -> None:
    """A name cut by the column edge goes on in the following lines."""
    if not row.more:
        return
    have = folded(" ".join(row.name))
    full = next((n for n in known_names if folded(n).startswith(have + " ")), None)
    missing = len(full.split()) - len(row.name) if full else 0
    if not full and row.more[0] and row.more[0][0][:1].isupper() and _WORDCH.match(row.more[0][0]) \
            and (len(row.name) < 3 or folded(row.name[-1]) in MIDDLE):
        missing = 1
    for line in row.more:
        take = min(missing, len(line))
        row.name += line[:take]
        del line[:take]
        missing -= take
        if not missing:
            break
    row.more = [ln for ln in row.more if ln]


def _pairs(text: str) -> frozenset[tuple[str, str]]:
    """Adjacent word pairs of the text and of the position and degree vocabulary (folded)."""
    pairs = set()
    for line in fold(text).lower().split("\n"):
        words = re.findall(r"\w+", line)
        pairs.update(zip(words, words[1:]))
    for phrase in POSITIONS + DEGREES + SUBJECTS:
        pairs.update(zip(phrase, phrase[1:]))
    return frozenset(pairs)


_TOLERANCE = 0.05  # ems: rounding to pixels, glyphs that differ from Times New Roman
_MAX_SPLITS = 60  # kept per row, best first
_QUOTED = 0.5  # reward per word for a unit the dossier names elsewhere (its header, the title)
_SAME = 1.0  # reward for a column that goes on like the same column of another row


@dataclass(frozen=True)
class _Split:
    """One way to deal a row's following lines: the column lines, the widths they allow
    (each column: at least ``low``, less than ``high``) and how plausible the words are."""

    cols: tuple[tuple[tuple[str, ...], ...], ...]
    low: tuple[float, float, float]
    high: tuple[float, float, float]
    score: float


_Cols = tuple[tuple[tuple[str, ...], ...], ...]  # unit, position, qualification: their lines' words


def _deal(rows: list[_Row], seen: frozenset[tuple[str, str]],
          header: tuple[tuple[float, ...], tuple[float, ...]], phrases: str) -> list[_Cols]:
    """Every row's following lines dealt to its three columns (see the module docstring):
    each row's splits that obey the wrap rule, then one per row so that all rows agree on the
    column widths, the most plausible first. Rows whose column starts with the same line
    (co-authors of one unit) are rewarded for going on the same way too."""
    options = [_splits(r, seen, header, phrases) for r in rows]
    best: tuple[float, list[_Split]] = (-1e9, [])
    bound = [sum((o[0].score if o else 0.0) + _SAME * 3 * j for j, o in enumerate(options) if j >= i)
             for i in range(len(rows) + 1)]

    def alike(sp: _Split, chosen: list[_Split]) -> float:
        return _SAME * sum(bool(sp.cols[c]) and other.cols[c] == sp.cols[c]
                           for other in chosen for c in range(3))

    def search(i: int, low: list[float], high: list[float], score: float, chosen: list[_Split]) -> None:
        nonlocal best
        if score + bound[i] <= best[0]:
            return
        if i == len(rows):
            best = (score, list(chosen))
            return
        for sp in options[i]:
            lo = [max(x, y) for x, y in zip(low, sp.low)]
            hi = [min(x, y) for x, y in zip(high, sp.high)]
            if _agree(lo, hi):
                search(i + 1, lo, hi, score + sp.score + alike(sp, chosen), chosen + [sp])

    if all(options):
        search(0, [x - _TOLERANCE for x in header[0]], [x + _TOLERANCE for x in header[1]], 0.0, [])
    if len(best[1]) != len(rows):  # no agreement: each row on its own
        best = (0.0, [o[0] if o else _Split(((tuple(r.first),), (), ()), (0, 0, 0), (0, 0, 0), 0)
                      for r, o in zip(rows, options)])
    return [sp.cols for sp in best[1]]


def _splits(row: _Row, seen: frozenset[tuple[str, str]],
            header: tuple[tuple[float, ...], tuple[float, ...]], phrases: str) -> list[_Split]:
    """The row's ways to deal its lines that a word processor could have made, given the
    column widths the header allows."""
    found: list[_Split] = []

    def walk(k: int, prev: tuple[list[str], ...], cols: list[list[tuple[str, ...]]],
             low: tuple[float, ...], high: tuple[float, ...], score: float) -> None:
        if k == len(row.more):
            unit = sum(cols[0], ())
            if len(unit) >= 2 and f" {' '.join(map(_key, unit))} " in phrases:
                score += _QUOTED * len(unit)
            score += _whole(sum(cols[1], ()), sum(cols[2], ()))
            found.append(_Split(tuple(tuple(c) for c in cols), low, high, score))  # type: ignore[arg-type]
            return
        words = row.more[k]
        n = len(words)
        for a in range(n + 1):
            for b in range(a, n + 1):
                segs = (words[:a], words[a:b], words[b:])
                if any(seg and not p for seg, p in zip(segs, prev)):
                    continue  # a column that has ended does not start again
                lo, hi, sc = list(low), list(high), score
                for c, seg in enumerate(segs):
                    if seg:
                        lo[c] = max(lo[c], _width(" ".join(seg)))
                        hi[c] = min(hi[c], _width(" ".join(prev[c])) + _SPACE_W + _width(seg[0]))
                        sc += 1.0 * (_pair(_last(prev[c]), seg[0]) in seen) - 0.05
                if not _agree(lo, hi):
                    continue
                filled = [seg for seg in segs if seg]
                sc -= sum(1.0 for x, y in zip(filled, filled[1:]) if _pair(x[-1], y[0]) in seen)
                sc -= _DASHED * _opens_dashed(segs)
                walk(k + 1, segs, [c + [tuple(seg)] * bool(seg) for c, seg in zip(cols, segs)],
                     tuple(lo), tuple(hi), sc)

    for first, score in _first_splits(row.first):
        low0 = tuple(max(_width(" ".join(seg)), h - _TOLERANCE) for seg, h in zip(first, header[0]))
        high0 = tuple(h + _TOLERANCE for h in header[1])
        if _agree(low0, high0):
            walk(0, first, [[tuple(seg)] * bool(seg) for seg in first], low0, high0, score)
    found.sort(key=lambda sp: -sp.score)
    return found[:_MAX_SPLITS]


_WHOLE = 1.5  # reward for a position that is a whole vocabulary phrase; penalty for a bare degree
# degrees that name a field of study after them ("Cử nhân Luật", "Kỹ sư Cầu đường")
NEED_FIELD = tuple(p.split() for p in ("cu nhan", "thac si", "tien si", "ky su", "cao dang", "trung cap",
                                       "dai hoc", "ths", "ts"))


_DASHED = 2.0  # penalty for a column line that opens with a dash: lines wrap after one, not before


def _opens_dashed(segs: Sequence[Sequence[str]]) -> bool:
    return any(seg and seg[0] == "–" for seg in segs)


def _last(words: Sequence[str]) -> str:  # a column line's last word, past a dash at its end
    return words[-2] if len(words) > 1 and words[-1] == "–" else words[-1]


def _whole(pos: Sequence[str], qual: Sequence[str]) -> float:
    """How complete the position and qualification columns read: a position that is a whole
    phrase of the vocabulary ("Kế toán viên", not "Kế toán" with "viên" left to the next
    column), a qualification that goes on past a degree that names a field of study."""
    p = [folded(w) for w in pos if w != "–"]
    q = [folded(w) for w in qual if w != "–"]
    return _WHOLE * (p in POSITIONS) - _WHOLE * (q in NEED_FIELD)


def _agree(low: Sequence[float], high: Sequence[float]) -> bool:
    """Some column widths fit: each column's least below its bound, and the unit column (the
    form's widest, "Nơi công tác (hoặc nơi thường trú)") not narrower than the other two."""
    return all(x <= y + _TOLERANCE for x, y in zip(low, high)) and \
        max(low[1], low[2]) <= high[0] + _TOLERANCE


def _pair(a: str, b: str) -> tuple[str, str]:
    return _key(a), _key(b)


def _key(word: str) -> str:
    return " ".join(re.findall(r"\w+", fold(word).lower()))
