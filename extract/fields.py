"""Field extraction: title, authors, dates, … of one dossier, with the page each came from.

The request (``don_yeu_cau``) is read first, the description (``mo_ta``) second; the
documents of one kind are read as one text (a request photographed page by page is several
files). ``sections`` are not needed: every value is found in the text itself.

- **Labelled items.** ``extract.nlp.find_labels`` (spaCy Matcher on folded tokens) says where
  each form label stands. A value runs from after the label (past a footnote digit,
  "(nếu có)" and the colon) to the start of the next item: a line that opens with "-", "+",
  a number, "a)", a Roman numeral, another label, a signing line or a heading in capitals.
  A quoted title ends at its closing quote. Wrapped lines are joined with one space.
- **Description title.** "Tên sáng kiến: …" / "Đề tài: …", else the lines under the
  document's title ("BẢN MÔ TẢ SÁNG KIẾN", "SÁNG KIẾN KINH NGHIỆM" …) on its cover.
- **Authors table.** Word tables arrive with cells joined by " | ". Drawn tables (PDF, OCR)
  arrive flattened: a row's first line holds the first line of every cell ("1 Hoàng Văn
  14/07/1980 Trạm Khuyến nông Trạm Kỹ sư Trồng 50"), and each following line holds the
  next line of the cells that wrapped ("Thắng huyện Cao Lộc trưởng trọt"). Row number, birth
  date and share anchor the first line; names are completed from the signer names under
  the form. The rest is dealt to the unit, position and qualification columns the way a
  word processor wraps them, which is a hard rule: a column's line is no wider than the
  column, and a word only starts the next line when it would not fit on the one above. The
  column widths are unknown but shared by all rows (and bounded by how the bold header
  wrapped); widths are measured in Times New Roman (the font of Vietnamese official papers,
  Nghị định 30/2020) with reportlab's metrics. Among the deals that keep the rule, the most
  plausible wins: a position or qualification that starts like the vocabulary ("Phó Giám
  đốc", "Thạc sĩ" …), column lines that join into word pairs found elsewhere in the dossier
  ("huyện Cao" + "Lộc") rather than cutting them apart, co-authors' cells that go on alike.
- **Dates** come from ``extract.dates``; the signing line is "<place>, ngày … tháng … năm …".
- **Signatures.** From a document's end upwards: signer names, "(Ký và ghi rõ họ tên)",
  roles ("Người nộp đơn", "HIỆU TRƯỞNG" …) and the place-and-date line just above them
  (for administrative papers, the dated line of their header).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from reportlab.pdfbase.pdfmetrics import stringWidth

from extract.dates import find_dates, parse_date
from extract.nlp import Label, find_labels, folded
from ingest.vietnamese import fold
from models.understanding import (
    AuthorInfo,
    Decision,
    DocView,
    Fields,
    Section,
    SignatureBlock,
    Where,
)

# ---------------------------------------------------------------------------- vocabulary

SURNAMES = frozenset("""
nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh quách bạch hà lò
lương nông lăng triệu chu la xa vi vì lộc mã vy cầm sầm lục hứa tô đàm mạc thái trịnh tạ kiều
khuất lại giáp đoàn lâm cao tăng mai trương từ văn âu ninh phùng tống khổng tôn lưu hầu kha
thạch quang nghiêm châu điêu tiêu hoa an bế lù lạc ông vương diệp cù thiều liêu sùng giang
đào doãn lã kim hoàng lành mông hoàng ma lầu hứa
""".split())
MIDDLE = frozenset({"van", "thi"})
DEGREES = tuple(p.split() for p in (
    "cu nhan", "thac si", "tien si", "ky su", "bac si", "duoc si", "cao dang", "trung cap",
    "dai hoc", "trung hoc", "so cap", "kien truc su", "ky thuat vien", "giao su", "pho giao su",
    "ths", "ts", "bsck", "y si", "dieu duong vien", "luat su"))
POSITIONS = tuple(p.split() for p in (
    "giao vien", "to truong", "to pho", "doi truong", "doi pho", "tram truong", "truong tram",
    "pho tram truong", "truong phong", "pho truong phong", "giam doc", "pho giam doc",
    "ke toan vien", "ke toan truong", "ke toan", "chuyen vien", "chuyen vien chinh", "cong nhan",
    "can bo", "vien chuc", "cong chuc", "nhan vien", "dieu duong", "dieu duong truong",
    "khuyen nong vien", "hieu truong", "pho hieu truong", "chu tich", "pho chu tich", "bac si",
    "ky su", "ky thuat vien", "thu ky", "chanh van phong", "pho chanh van phong", "truong khoa",
    "pho truong khoa", "truong ban", "pho truong ban", "giang vien", "nghien cuu vien",
    "van thu", "y si", "duoc si", "ho sinh", "thu y vien", "nong dan", "lai xe", "bao ve",
    "kiem soat vien", "thanh tra vien", "tong phu trach", "nhan vien", "tro ly", "thu quy",
    "chi huy truong", "doi vien", "quan doc", "pho quan doc", "truong thon", "bi thu", "pho bi thu",
    "thu truong", "truong doan", "phu trach"))

# common fields of study and work, whose word pairs help to rejoin wrapped table cells
SUBJECTS = tuple(p.split() for p in (
    "cong nghiep", "cong nghe thong tin", "he thong dien", "he thong thong tin", "xay dung dan dung",
    "kinh te xay dung", "tai chinh ngan hang", "ke toan", "nong nghiep", "nong hoc", "chan nuoi",
    "thu y", "trong trot", "lam nghiep", "thuy san", "su pham", "dieu duong", "y te cong cong",
    "khoa hoc moi truong", "khoa hoc may tinh", "quan ly nha nuoc", "quan ly giao duc",
    "quan ly van hoa", "hanh chinh", "luat kinh te", "co khi", "tu dong hoa", "dien tu vien thong",
    "giao duc tieu hoc", "giao duc mam non", "van hanh", "ky thuat", "chuyen khoa", "noi khoa",
    "ngoai khoa", "duoc hoc", "quan tri kinh doanh", "tieng anh", "ngu van", "lich su", "dia ly",
    "hoa hoc", "vat ly", "sinh hoc", "the duc", "am nhac", "my thuat", "tin hoc"))
ROLES = tuple(p.split() for p in (
    "nguoi nop don", "nguoi lam don", "nguoi de nghi", "nhom tac gia", "dong tac gia", "tac gia",
    "nguoi viet", "nguoi bao cao", "nguoi thuc hien", "thu truong don vi", "thu truong co quan",
    "hieu truong", "pho hieu truong", "giam doc", "pho giam doc", "chu tich hoi dong", "chu tich",
    "pho chu tich", "thu ky", "xac nhan cua don vi", "xac nhan cua co quan", "xac nhan cua",
    "truong phong", "truong ban", "tm", "kt", "nguoi xac nhan", "dai dien", "cac thanh vien"))
COVER_TITLES = ("ban mo ta sang kien", "bao cao mo ta sang kien", "bao cao sang kien",
                "thuyet minh sang kien", "sang kien kinh nghiem", "mo ta sang kien")

_ITEM = re.compile(r"^\s*(?:[-+•*]\s|\(?\d{1,2}[.)]\s|\(\d{1,2}\)|[a-zđ][.)]\s|[IVX]{1,4}\.\s)")
_AFTER_LABEL = re.compile(r"^(?:\s*\([^)\n]{0,60}\))*[\s\d]{0,3}[:：]\s*")
_PLACE_DATE = re.compile(r"([A-Z][^\d,|:;()]{1,40}),\s*(?:ngay\s+\d{1,2}\s+)?thang\s+\d{1,2}\s+nam\s+\d{4}"
                         r"|([A-Z][^\d,|:;()]{1,40}),\s*(?:ngay\s*)?\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}")
_DATE = r"\d{1,2}\s*[/\-.]\s*\d{1,2}\s*[/\-.]\s*(?:19|20)\d{2}"
_ROW = re.compile(r"^\s*(\d{1,2})[.)]?\s+(.*?)\s*(" + _DATE + r")\s*(.*?)\s*$")
_SHARE = re.compile(r"(?:^|\s)(\d{1,3}(?:[.,]\d{1,2})?)\s*%?\s*$")
_TABLE_END = re.compile(r"^[-+•]\s*(chu dau tu|linh vuc|ngay|mo ta|nhung|danh gia|danh sach|ten sang)")
_ONE_SENTENCE = ("title", "addressee", "field", "investor", "first_applied")  # end at a line ending "."
_QUOTES = "\"“”'‘’«»"
_WORDCH = re.compile(r"^[^\W\d_]+$")


# ---------------------------------------------------------------------------- the text


@dataclass(frozen=True)
class _Text:
    """Documents of one kind as one string, and where each page starts in it."""

    text: str
    anchors: tuple[tuple[int, str, int], ...]  # (offset, file, page number)

    def where(self, offset: int) -> Where:
        file, page = self.anchors[0][1:] if self.anchors else ("", 1)
        for start, f, p in self.anchors:
            if start > offset:
                break
            file, page = f, p
        return Where(file, page)

    def lines(self) -> list[tuple[int, str]]:
        out, pos = [], 0
        for line in self.text.split("\n"):
            out.append((pos, line))
            pos += len(line) + 1
        return out


def _join(docs: Sequence[DocView]) -> _Text:
    parts, anchors, pos = [], [], 0
    for d in docs:
        for p in d.pages:
            anchors.append((pos, d.file, p.number))
            parts.append(p.text)
            pos += len(p.text) + 1
    return _Text("\n".join(parts), tuple(anchors))


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _strip_title(text: str) -> str:
    text = _clean(text).rstrip(" .;,")
    text = text.strip(_QUOTES + " ")
    return text.rstrip(" .;,").strip(_QUOTES + " ")


# ---------------------------------------------------------------------------- items


@dataclass(frozen=True)
class _Item:
    label: str
    value: str  # as written, whitespace collapsed
    start: int  # offset of the label
    raw: str = ""  # the value with its line breaks


def _items(t: _Text) -> list[_Item]:
    """The value after every labelled item, in order."""
    labels = find_labels(t.text)
    starts = _item_starts(t, labels)
    out = []
    for lab in labels:
        m = _AFTER_LABEL.match(t.text[lab.end:])
        if m is None or not (lab.line_start or lab.name in ("title", "decision")):
            continue
        begin = lab.end + m.end()
        end = next((s for s in starts if s > begin), len(t.text))
        value = t.text[begin:end]
        if value.lstrip()[:1] in "“\"«":
            value = _quoted(value)
        elif lab.name in _ONE_SENTENCE:
            value = re.split(r"(?<=[.;])[ \t]*\n", value, maxsplit=1)[0]
        out.append(_Item(lab.name, _clean(value), lab.start, value.strip()))
    return out


def _item_starts(t: _Text, labels: list[Label]) -> list[int]:
    starts = {lab.start - (lab.start - t.text.rfind("\n", 0, lab.start) - 1)
              for lab in labels if lab.line_start}
    for pos, line in t.lines():
        f = fold(line)
        if (_ITEM.match(line) or _PLACE_DATE.search(f) or "|" in line
                or (line.isupper() and len(line.split()) >= 2) or _is_role_line(line)):
            starts.add(pos)
    return sorted(starts)


def _quoted(value: str) -> str:
    value = value.lstrip()
    close = re.search(r"[”\"»]", value[1:])
    return value[: close.start() + 2] if close else value


def _first(items: list[_Item], name: str) -> _Item | None:
    return next((i for i in items if i.label == name and i.value), None)


# ---------------------------------------------------------------------------- names


def _is_name(words: Sequence[str]) -> bool:
    if not 2 <= len(words) <= 5:
        return False
    if not all(_WORDCH.match(w) and w[0].isupper() and (len(w) == 1 or w[1:].islower()) for w in words):
        return False
    return words[0].lower() in SURNAMES or folded(words[1]) in MIDDLE


def _name_score(words: Sequence[str]) -> int:
    return 1 + (words[0].lower() in SURNAMES) + (folded(words[1]) in MIDDLE) if _is_name(words) else -99


def _incomplete(words: Sequence[str]) -> bool:
    """A name cut short by a line end: one word, or ending in the middle name Văn/Thị."""
    return len(words) < 2 or folded(words[-1]) in MIDDLE


def _names_in(text: str) -> list[str]:
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


# ---------------------------------------------------------------------------- titles


def _cover_title(t: _Text) -> tuple[str, int] | None:
    lines = t.lines()
    for i, (_, line) in enumerate(lines[:40]):
        if folded(line).strip(" .:") not in COVER_TITLES:
            continue
        got, start = [], None
        for p, ln in lines[i + 1:i + 6]:
            f = folded(ln)
            if not f:
                if got:
                    break
                continue
            if (_ITEM.match(ln) or ln.isupper() or _PLACE_DATE.search(fold(ln))
                    or re.match(r"(nhom )?tac gia|nguoi thuc hien|ho va ten|muc luc|phan [ivx1-9]", f)):
                break
            ln = re.sub(r"^\s*(?:Đề tài|Tên sáng kiến|Tên đề tài)\s*:\s*", "", ln, flags=re.I)
            got.append(ln)
            start = p if start is None else start
        if got and start is not None:
            return _strip_title(" ".join(got)), start
    return None


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
        unit, pos, qual = (_clean(" ".join(" ".join(ln) for ln in col)) or None for col in cols)
        return AuthorInfo(" ".join(self.name), self.birth, unit, pos, qual, self.share)


def _authors_table(t: _Text, known_names: Sequence[str], context: str) -> tuple[list[AuthorInfo], int | None]:
    """The request's authors and the offset of the first row. ``context``: the dossier's
    text, whose word pairs tell which words of a wrapped table belong together."""
    lines = t.lines()
    head = next((i for i, (_, ln) in enumerate(lines)
                 if "ho va ten" in folded(ln) and ("sinh" in folded(ln) or "so" in folded(ln)[:3])), None)
    if head is None:
        return [], None
    body: list[tuple[int, str]] = []
    for pos, ln in lines[head + 1:]:
        f = folded(ln)
        if f.startswith(("la tac gia", "la nhom tac gia", "la dong tac gia", "ten sang kien")) \
                or "de nghi" in f and "sang kien" in f or _TABLE_END.match(f):
            break
        body.append((pos, ln))
    if any("|" in ln for _, ln in body):
        return _piped(lines[head][1], body), body[0][0] if body else None
    rows = _glued_rows(body, known_names)
    if not rows:
        return [], None
    table = {ln for _, ln in body}
    seen = _pairs("\n".join(ln for ln in context.split("\n") if ln not in table))
    below = lines[head + 1][1] if head + 1 < len(lines) else ""
    cols = _deal(rows, seen, _header_widths(lines[head][1], below))
    return [r.author(c) for r, c in zip(rows, cols)], rows[0].offset


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
    m = _SHARE.search(text)
    return float(m.group(1).replace(",", ".")) if m else None


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
        m = _ROW.match(ln)
        if m and m.group(2) and m.group(2)[0].isupper():
            tail = m.group(4)
            share = _SHARE.search(tail)
            middle = tail[: share.start()].split() if share else tail.split()
            rows.append(_Row(int(m.group(1)), m.group(2).split(), parse_date(m.group(3)),
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
                (2.0 * _starts_with(qual, DEGREES) if qual else -1.0)
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
          header: tuple[tuple[float, ...], tuple[float, ...]]) -> list[_Cols]:
    """Every row's following lines dealt to its three columns (see the module docstring):
    each row's splits that obey the wrap rule, then one per row so that all rows agree on the
    column widths, the most plausible first. Rows whose column starts with the same line
    (co-authors of one unit) are rewarded for going on the same way too."""
    options = [_splits(r, seen, header) for r in rows]
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
            header: tuple[tuple[float, ...], tuple[float, ...]]) -> list[_Split]:
    """The row's ways to deal its lines that a word processor could have made, given the
    column widths the header allows."""
    found: list[_Split] = []

    def walk(k: int, prev: tuple[list[str], ...], cols: list[list[tuple[str, ...]]],
             low: tuple[float, ...], high: tuple[float, ...], score: float) -> None:
        if k == len(row.more):
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
                        sc += 1.0 * (_pair(prev[c][-1], seg[0]) in seen) - 0.05
                if not _agree(lo, hi):
                    continue
                filled = [seg for seg in segs if seg]
                sc -= sum(1.0 for x, y in zip(filled, filled[1:]) if _pair(x[-1], y[0]) in seen)
                walk(k + 1, segs, [c + [tuple(seg)] * bool(seg) for c, seg in zip(cols, segs)],
                     tuple(lo), tuple(hi), sc)

    for first, score in _first_splits(row.first):
        low0 = tuple(max(_width(" ".join(seg)), h - _TOLERANCE) for seg, h in zip(first, header[0]))
        high0 = tuple(h + _TOLERANCE for h in header[1])
        if _agree(low0, high0):
            walk(0, first, [[tuple(seg)] * bool(seg) for seg in first], low0, high0, score)
    found.sort(key=lambda sp: -sp.score)
    return found[:_MAX_SPLITS]


def _agree(low: Sequence[float], high: Sequence[float]) -> bool:
    """Some column widths fit: each column's least below its bound, and the unit column (the
    form's widest, "Nơi công tác (hoặc nơi thường trú)") not narrower than the other two."""
    return all(x <= y + _TOLERANCE for x, y in zip(low, high)) and \
        max(low[1], low[2]) <= high[0] + _TOLERANCE


def _pair(a: str, b: str) -> tuple[str, str]:
    return fold(a).lower(), fold(b).lower()


# ---------------------------------------------------------------------------- signatures


def _is_role_line(line: str) -> bool:
    f = re.sub(r"\([^)]*\)", " ", folded(line))
    f = re.sub(r"[^a-z ]", " ", f).split()
    if not f:
        return bool(re.match(r"^\s*\(\s*(ky|Ký|ký)", line))
    i = 0
    while i < len(f):
        hit = next((r for r in ROLES if f[i:i + len(r)] == r), None)
        if hit is None:
            return False
        i += len(hit)
    return True


def _signature(doc: DocView) -> SignatureBlock | None:
    t = _join([doc])
    lines = [(p, ln) for p, ln in t.lines() if ln.strip()]
    names: list[str] = []
    role = False
    i = len(lines) - 1
    while i >= 0:
        ln = lines[i][1]
        found = _names_in(ln)
        if found and not role and len(" ".join(found).split()) >= len(re.sub(r"[|]", " ", ln).split()) - 1:
            names = found + names
        elif _is_role_line(ln) or re.match(r"^\s*\(\s*k[yý]", ln, re.I):
            role = True
        else:
            break
        i -= 1
    when, at = None, None
    if i >= 0 and _PLACE_DATE.search(fold(lines[i][1])):
        when, at = parse_date(lines[i][1]), lines[i][0]
    elif role or names:
        for p, ln in lines[:8]:
            m = _PLACE_DATE.search(fold(ln))
            if m:
                when, at = parse_date(ln[m.start():]), p
    if not role and when is None:
        return None
    if at is None:
        at = lines[i + 1][0] if i + 1 < len(lines) else 0
    return SignatureBlock(doc.kind, t.where(at).file, t.where(at).page, when,
                          ", ".join(names) or None)


# ---------------------------------------------------------------------------- decisions


def _decisions(t: _Text, kind: str) -> list[tuple[Decision, int]]:
    out = []
    for m in re.finditer(r"quyet\s+dinh\s+so\s*:?\s*(\d+[^\s,;)]*)", fold(t.text), re.I):
        line_start = t.text.rfind("\n", 0, m.start()) + 1
        context = folded(t.text[line_start:m.end() + 200])
        if "cong nhan" not in context or "thanh lap" in folded(t.text[m.end():m.end() + 80]):
            continue
        number = t.text[m.start(1):m.end(1)].rstrip(".")
        after = t.text[m.end():m.end() + 60]
        dates = [d for d in find_dates(after) if d.start < 25]
        out.append((Decision(number, dates[0].value if dates else None), m.start()))
    if kind == "quyet_dinh":
        for pos, ln in t.lines()[:10]:
            m = re.search(r"S[ốo]\s*:\s*(\d+[^\s,;|]*)", ln)
            if m:
                out.append((Decision(m.group(1), parse_date(ln[m.end():])), pos))
                break
    return out


# ---------------------------------------------------------------------------- the stage


def extract_fields(docs: Sequence[DocView], sections: Sequence[Section]) -> Fields:
    """Title, authors, dates, … of one dossier's documents, with where each was read."""
    del sections  # every field is found in the text; sections are not needed
    req = _join([d for d in docs if d.kind == "don_yeu_cau"])
    desc = _join([d for d in docs if d.kind == "mo_ta"])
    r_items, d_items = _items(req), _items(desc)
    where: dict[str, Where] = {}
    signatures = tuple(s for d in docs if (s := _signature(d)) is not None)

    def take(name: str, t: _Text, item: _Item | None, value: object) -> object:
        if item is not None and value:
            where[name] = t.where(item.start)
            return value
        return None

    # titles
    title = None
    if (it := _first([i for i in r_items if i.label == "title"], "title")) is not None:
        title = take("title", req, it, _strip_title(it.value))
    description_title = None
    d_title = next((i for i in d_items if i.label == "title" and i.value), None)
    if d_title is not None:
        description_title = take("description_title", desc, d_title, _strip_title(d_title.value))
    elif (cover := _cover_title(desc)) is not None:
        description_title = cover[0]
        where["description_title"] = desc.where(cover[1])
    if title is None and description_title:
        title = description_title
        where["title"] = where["description_title"]

    # people
    d_authors_item = _first(d_items, "authors")
    description_authors = _names_in(d_authors_item.raw) if d_authors_item else []
    desc_sig = next((s for s in signatures if s.document == "mo_ta" and s.signer), None)
    if not description_authors and desc_sig is not None and desc_sig.signer:
        description_authors = desc_sig.signer.split(", ")
    if description_authors:
        where["description_authors"] = (desc.where(d_authors_item.start) if d_authors_item
                                        else Where(desc_sig.file, desc_sig.page))  # type: ignore[union-attr]
    req_sig = next((s for s in signatures if s.document == "don_yeu_cau" and s.signer), None)
    known = (req_sig.signer.split(", ") if req_sig and req_sig.signer else []) + description_authors
    authors, at = _authors_table(req, known, "\n".join(d.text for d in docs))
    if authors and at is not None:
        where["authors"] = req.where(at)
    elif description_authors:
        authors = [AuthorInfo(n) for n in description_authors]
        where["authors"] = where["description_authors"]
    unit = authors[0].unit if authors else None
    if unit:
        where["unit"] = where["authors"]

    # labelled values: the request first, the description second
    def labelled(name: str, label: str, sources: tuple[tuple[_Text, list[_Item]], ...]) -> str | None:
        for t, items in sources:
            it = _first(items, label)
            if it is not None:
                return take(name, t, it, it.value)  # type: ignore[return-value]
        return None

    both = ((req, r_items), (desc, d_items))
    addressee = labelled("addressee", "addressee", ((req, r_items),))
    field_ = labelled("field", "field", both)
    investor = labelled("investor", "investor", ((req, r_items),))
    confidential = labelled("confidential", "confidential", ((req, r_items),))
    if confidential and re.fullmatch(r"khong( co)?\.?", folded(confidential)):
        confidential = None
        where.pop("confidential", None)
    first_applied = None
    for t, items in both:
        it = _first(items, "first_applied")
        if it is not None and (d := parse_date(it.value)) is not None:
            first_applied = take("first_applied", t, it, d)
            break

    # dates
    submitted = None
    req_dates = [s for s in signatures if s.document == "don_yeu_cau" and s.date]
    if req_dates:
        submitted = req_dates[-1].date
        where["submitted"] = Where(req_dates[-1].file, req_dates[-1].page)
    decisions: list[Decision] = []
    for d in docs:
        t = _join([d])
        for dec, pos in _decisions(t, d.kind):
            if all(x.number != dec.number for x in decisions):
                decisions.append(dec)
                where.setdefault("decisions", t.where(pos))
    # no signed request: the latest date the dossier states for itself (not a birth date)
    dated = [s.date for s in signatures if s.date] + [d.date for d in decisions if d.date] + \
        ([first_applied] if first_applied else [])
    year = submitted.year if submitted else max(dated).year if dated else None

    return Fields(
        title=title, authors=tuple(authors), addressee=addressee, unit=unit, field=field_,
        first_applied=first_applied, investor=investor, confidential=confidential,
        decisions=tuple(decisions), year=year, submitted=submitted,
        description_title=description_title, description_authors=tuple(description_authors),
        signatures=signatures, where=where)
