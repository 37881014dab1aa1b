"""The request's authors table read from the boxes of OCR'd words, not from flattened text.

Flattened OCR text glues a row's cells into one line and leaves the wrapped lines of every
cell on the next ones; which word belongs to which column is then a guess. The words' boxes
(``models.domain.Word``, thousandths of the page) say it directly:

1. **Header.** The first line that opens a band (a few physical lines high) holding 3+ of
   the column titles ("Họ và tên", "Ngày tháng năm sinh", "Nơi công tác", "Chức danh",
   "Trình độ chuyên môn", "Tỷ lệ"). Its words are told to their column by vocabulary;
   the words of one column's title stack vertically, and their x-extent marks the column.
2. **End.** The first line below that starts "Là (nhóm) tác giả …", "- Chủ đầu tư …",
   "- Lĩnh vực …" (as ``extract.authors`` ends the text table).
3. **Anchors.** A row starts where a row number stands in the number column or a date in
   the birth column (cells are top-aligned). Title words are then only those above the
   first row, so a cell word such as "Sinh học" never moves a column.
4. **Columns.** Between two neighbouring titles (centred in their cells) lies a rule that
   no body word crosses: the boundary is the middle of the widest x-run, between the two
   titles' centres, that the fewest body words cross (a glued title's box may overlap
   its neighbour's, so not between their edges).
5. **Cells.** Each body word goes to the column holding its x-centre (a date: to the birth
   date's, the only dates in the table) and to the row whose band holds its y-centre; a
   cell's words are read by line (y), then x.

``table_rows`` returns None when the words do not make this table (no header, a title
column missing, no row anchor): the caller falls back to the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from statistics import median

from extract.section_cues import letters
from ingest.vietnamese import fold
from models.domain import Word

COLUMNS = ("number", "name", "birth_date", "unit", "position", "qualification", "share")
# folded title words of each column; "vaten", "chucdanh": words OCR glued
_TITLE_WORDS: dict[str, frozenset[str]] = {
    "number": frozenset({"so", "tt", "stt", "sott"}),
    "name": frozenset({"ho", "va", "ten", "vaten", "hova", "hovaten"}),
    "birth_date": frozenset({"ngay", "thang", "nam", "sinh", "ngaythang", "namsinh"}),
    "unit": frozenset({"noi", "cong", "tac", "hoac", "thuong", "tru", "congtac", "noicong"}),
    "position": frozenset({"chuc", "danh", "chucdanh"}),
    "qualification": frozenset({"trinh", "do", "chuyen", "mon", "trinhdo", "chuyenmon"}),
    "share": frozenset({"ty", "le", "tyle", "dong", "gop", "vao", "viec", "tao", "ra", "sang", "kien"}),
}
_TITLES = ("hovaten", "ngay", "congtac", "chucdanh", "trinhdo", "tyle")  # as extract.section_cues
_NEEDED = ("name", "birth_date", "unit", "position", "qualification", "share")
_HEADER_SPAN = 110  # thousandths of the page height a header may span (2–5 lines)
_END = re.compile(r"^[-+•–\s]*(la (nhom |dong )?tac gia|chu dau tu|linh vuc|ten sang kien)")
_NUMBER = re.compile(r"^\d{1,2}[._).,:]?$")
_DATE = re.compile(r"\d{1,2}\s*[/\-.]\s*\d{1,2}\s*[/\-.]\s*(?:19|20)\d{2}")


def _lines(words: Sequence[Word]) -> list[list[Word]]:
    """The page's lines (Tesseract's line ids), top first, each left to right."""
    groups: dict[int, list[Word]] = {}
    for w in words:
        groups.setdefault(w.line, []).append(w)
    return sorted((sorted(g, key=lambda w: w.x0) for g in groups.values()),
                  key=lambda g: min(w.y0 for w in g))


# pieces that tell a title word OCR glued to its neighbours or misread in part ("Hgvàtên")
_GLUED: dict[str, tuple[str, ...]] = {
    "name": ("vaten", "hova"), "birth_date": ("ngaythang", "namsinh"), "unit": ("congtac", "thuongtru"),
    "position": ("chucdanh",), "qualification": ("trinhdo", "chuyenmon"), "share": ("tyle", "donggop"),
}


def _column_of(word: Word) -> str | None:
    c = letters(word.text)
    if not c:
        return None
    return next((col for col, vocab in _TITLE_WORDS.items() if c in vocab), None) or \
        next((col for col, keys in _GLUED.items() if any(k in c for k in keys)), None)


def _centre(w: Word) -> tuple[float, float]:
    return (w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2


def _header_top(lines: list[list[Word]]) -> int | None:
    """Index of the line that opens the header band."""
    for i, line in enumerate(lines):
        own = letters(" ".join(w.text for w in line))
        if not any(t in own for t in _TITLES):
            continue
        top = min(w.y0 for w in line)
        band = [ln for ln in lines[i:] if min(w.y0 for w in ln) <= top + _HEADER_SPAN]
        text = "".join(letters(" ".join(w.text for w in ln)) for ln in band)
        if sum(t in text for t in _TITLES) >= 3:
            return i
    return None


def _extents(words: Sequence[Word]) -> dict[str, tuple[int, int]]:
    """Each column's x-extent from its title words; the number column from "Số TT", else
    nothing (its rows are then anchored by their dates)."""
    found: dict[str, list[Word]] = {}
    titled = [(col, w) for w in words if (col := _column_of(w)) is not None]
    if not titled:
        return {}
    per_char = median((w.x1 - w.x0) / len(w.text) for _, w in titled)
    for col, w in titled:  # a box far wider than its letters (OCR glued a rule in): cut to them
        if w.x1 - w.x0 > 2 * per_char * len(w.text):
            w = Word(w.text, w.x0, w.y0, w.x0 + round(per_char * len(w.text)), w.y1, w.line)
        found.setdefault(col, []).append(w)
    return {c: (min(w.x0 for w in ws), max(w.x1 for w in ws)) for c, ws in found.items()}


def _ordered(ext: dict[str, tuple[int, int]]) -> bool:
    cols = [c for c in COLUMNS if c in ext]
    return all(ext[a][0] < ext[b][0] for a, b in zip(cols, cols[1:]))


def _boundaries(ext: dict[str, tuple[int, int]], body: Sequence[Word]) -> list[tuple[str, float]]:
    """Columns left to right with the x where each ends (the last: the page's edge). The
    birth-date column ends at the first gap after its dates: the dates say how wide it is,
    and the widest gap could lie inside a unit cell of short glued words."""
    cols = [c for c in COLUMNS if c in ext]
    dates = [w.x1 for w in body if _DATE.search(w.text)]
    out = []
    for a, b in zip(cols, cols[1:]):
        lo, hi = round(sum(ext[a]) / 2), round(sum(ext[b]) / 2)  # between the titles' centres
        first = a == "birth_date" and dates and lo < min(dates) < hi
        if first:  # the column is as wide as its narrowest-ending date (one may lean over)
            lo = min(dates)
        if hi <= lo:  # a title so wide its centre passes the next one's: no gap to look in
            out.append((a, (lo + hi) / 2))
            continue
        crossing = [sum(w.x0 < x < w.x1 for w in body) for x in range(lo, hi + 1)]
        least = min(crossing)
        runs, start = [], None
        for k, n in enumerate(crossing + [least + 1]):
            if n == least and start is None:
                start = k
            elif n != least and start is not None:
                runs.append((k - start, start, k - 1))
                start = None
        _, s, e = min(runs, key=lambda r: r[1]) if first else max(runs)
        out.append((a, lo + (s + e) / 2))
    out.append((cols[-1], 1e9))
    return out


def _column(x: float, bounds: list[tuple[str, float]]) -> str:
    return next(c for c, end in bounds if x < end)


def _cell(words: list[Word], height: float) -> str:
    """Words in reading order: lines by y-centre, each left to right."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: _centre(w)[1]):
        if lines and _centre(w)[1] - _centre(lines[-1][0])[1] < 0.5 * height:
            lines[-1].append(w)
        else:
            lines.append([w])
    return " ".join(w.text for ln in lines for w in sorted(ln, key=lambda w: w.x0))


def table_rows(words: Sequence[Word]) -> list[dict[str, str]] | None:
    """The authors table's rows (keys: ``COLUMNS``) read from one page's word boxes, or
    None when the words do not make that table; see the module docstring."""
    lines = _lines(words)
    head = _header_top(lines)
    if head is None:
        return None
    top = min(w.y0 for w in lines[head])
    end = next((min(w.y0 for w in ln) for ln in lines[head + 1:]
                if _END.match(fold(" ".join(w.text for w in ln)).lower())), 1001)
    region = [w for ln in lines[head:] for w in ln if top <= w.y0 and _centre(w)[1] < end]
    height = median(w.y1 - w.y0 for w in region) if region else 10.0
    # first pass: the titles on the header's first lines give rough columns for the anchors
    rough = _extents([w for w in region if w.y0 <= top + 2 * height])
    if "name" not in rough or "birth_date" not in rough:
        return None
    name_x0 = rough["name"][0]
    birth_x1 = rough.get("unit", (rough["birth_date"][1] + 30, 0))[0]
    anchors = sorted(_centre(w)[1] for w in region if w.y0 > top + height and (
        _NUMBER.match(w.text.strip("([|_-")) and w.x1 <= name_x0
        or _DATE.search(w.text) and name_x0 < w.x0 < birth_x1))
    if not anchors:
        return None
    starts = [anchors[0]]
    for y in anchors[1:]:
        if y - starts[-1] > 0.8 * height:
            starts.append(y)
    first = starts[0] - 0.7 * height
    ext = _extents([w for w in region if _centre(w)[1] < first])
    if any(c not in ext for c in _NEEDED) or not _ordered(ext):
        return None
    body = [w for w in region if _centre(w)[1] >= first]
    bounds = _boundaries(ext, body)
    cuts = [y - 0.7 * height for y in starts[1:]] + [1e9]
    cells: list[dict[str, list[Word]]] = [{} for _ in starts]
    for w in body:
        x, y = _centre(w)
        row = next(k for k, cut in enumerate(cuts) if y < cut)
        # a date is only ever a birth date in this table, wherever a leaning row put it
        column = "birth_date" if _DATE.search(w.text) else _column(x, bounds)
        cells[row].setdefault(column, []).append(w)
    return [{c: _cell(row.get(c, []), height) for c in COLUMNS} for row in cells]
