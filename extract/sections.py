"""Section segmentation: which headings a description or a request has, on which page, and
how much content stands under each.

The document's pages are read as one text; every line is a candidate heading.

1. Match. The numbering is parsed off the line ("PHẦN I.", "Chương 1", "A.", "IV.", "2.",
   "1.1.", "a)", "(1)", "-"; OCR's "L" and "H." for "I." and "II." too), then the rest is
   compared with the heading cues of DOMAIN.md
   (plus a rule profile's own cues). Comparison is on a folded key: no diacritics, lower case,
   "y" read as "i" (Lí/Lý, kĩ/kỹ), "l" read as "i" (an OCR slip), footnote digits glued to a
   word dropped ("Kính gửi1:"), and words compared with rapidfuzz's Levenshtein distance, so
   a wrong or dropped letter still matches. The cue is matched over the line and the next two,
   for the request's labels that wrap ("… theo ý\\nkiến của tác giả7:"); the longest matching
   cue wins ("Hiệu quả kinh tế" is a benefit, "Hiệu quả" a result).
2. Judge. A cue at the start of a line is a heading only when the line looks like one:
   numbered, bold or in a heading style (Page.lines, when known), or a short line that the
   cue words mostly cover and whose next line starts with a capital, or a short label
   followed by ":" ("Tính mới của sáng kiến: lần đầu …", heading and content on one line).
   Body sentences ("Kết quả hai vụ cho thấy …"), table rows ("a | b"), the national header
   and table-of-contents lines (dot leaders and page numbers) are never headings. Numbered
   lines without a key ("4. Mô tả sáng kiến", "5. Hội đồng cơ sở đã xét …") and the
   "…, ngày … tháng … năm …" line are kept as boundaries: they end a section without
   starting one.
3. Outline. Each heading gets a level from its numbering (styles in order of appearance;
   "PHẦN"/"Chương"/"A." and un-numbered capitals on top; un-numbered sub-headings just below
   the last numbered one). Then three clean-ups, each a rule of how these documents are written:
   - a table of contents lists headings: after "Mục lục", headings without content are entries;
   - an un-numbered label repeating the heading just above it ("2. Mục tiêu, phạm vi …" /
     "Mục tiêu: …") belongs to it;
   - a part title with no content of its own whose key recurs below it ("PHẦN I. ĐẶT VẤN ĐỀ"
     over "1. Lý do chọn đề tài") is outline, not a section; and a sub-heading whose key its
     parent's title already covers ("4. Nội dung và những kết quả nghiên cứu" over
     "4.3. Kết quả: …") is part of the parent.
4. Measure. A section's content runs to the next heading with a key, or to a boundary at its
   level or above (a numbered boundary at the same level only when it is the next number, so a
   numbered list of references does not end "Tài liệu tham khảo"). ``empty`` marks content
   with no real words: fewer than 15 letters once dots, dashes and "(nếu có)" are removed;
   a request item only needs an answer ("Không có." is one).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType

from rapidfuzz.distance import Levenshtein

from extract.section_cues import (  # noqa: F401  (LABELS and the key sets are used by others)
    DESCRIPTION_CUES,
    DESCRIPTION_KEYS,
    FILLER,
    LABELS,
    REQUEST_CUES,
    REQUEST_KEYS,
    authors_table_header,
)
from ingest.vietnamese import fold
from models.domain import Line
from models.understanding import DocView, Section

NO_CUES: Mapping[str, Sequence[str]] = MappingProxyType({})

@dataclass(frozen=True)
class Cue:
    key: str
    words: tuple[str, ...]  # folded tokens
    whole: bool = False  # the label must be the cue and nothing more
    numbered: bool = False  # only under numbering or a heading style
    inline: bool = False  # the cue is the heading even when the sentence goes on
    covers: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return " ".join(self.words)


def _cues(table: Mapping[str, Iterable[str]]) -> tuple[Cue, ...]:
    out = []
    for key, texts in table.items():
        for raw in texts:
            text, _, flags = raw.partition("|")
            words = tuple(t for t, _, _ in _tokens(_strip_numbering(text)[1]))
            if not words:
                continue
            covers = tuple(f[2:] for f in flags.split(",") if f.startswith("c="))
            plain = flags if not flags.startswith("c=") else ""
            out.append(Cue(key, words, "w" in plain, "n" in plain, "i" in plain, covers))
    return tuple(out)


# ----------------------------------------------------------------------------- text helpers

_OCR = str.maketrans({"y": "i", "l": "i"})
_TOKEN = re.compile(r"[a-z0-9]+")
_FOOTNOTE = re.compile(r"(?<=[a-z])\d{1,2}$")
_NUMBERING = re.compile(
    r"^[\s\"'‘’“”.,;:|_~`»>]*"
    r"(?:(?P<part>(?i:phan|chuong)\s+(?:[IVXLivxl]+|\d{1,2}|thu\s+\w+)\b\s*[.:)\-–]?)"
    # multi-level "1.2.", "I.1."; OCR reads "1.1." as "L1."
    r"|(?P<multi>\d{1,2}(?:\s?\.\s?\d{1,2})+\s?\.?|[IVXlL|]{1,4}\.\s?\d{1,2}\s?\.?"
    r"|[IVXLHTJlL|a-h]{1,5}\.?\s?\d{1,2}\s?\.)(?=\s|$|[A-Z])"  # "a.1.", "VIIL2." (VIII.2.)
    r"|(?P<arabic>\d{1,2}\s?[.):])(?=\s|$|[^\d\s])"
    # OCR reads "I." as "L", "II." as "H."
    # ("VIII." as "VIH.", "III." as "LH." or "TI."): roman-like letters before a full stop
    r"|(?P<roman>(?=[IVXLHTJ|]{1,6}\s?[.),])[IVXLHTJ|]{1,6}\s?[.),](?=\s|$|[^\w\s]|[A-Z])"
    r"|[IlL|](?=\s+[A-Z])|[IVX][IVXLH|]{1,3}(?=\s+[A-Z])|[IVXLH|]{2,4}(?=\s+[A-Z][a-z]))"
    r"|(?P<upper>[A-G]\s?[.)])(?=\s)"
    r"|(?P<lower>[a-h]\s?[.)])(?=\s)"
    r"|(?P<paren>\(\s?(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})\s?\))"
    r"|(?P<bullet>[-–—+•·●○▪■◦*]+)"
    r")?\s*")
_ROMAN = {"I": 1, "V": 5, "X": 10}
_ROMAN_OCR = str.maketrans({"l": "I", "L": "I", "|": "I", "T": "I", "J": "I", "H": "II"})  # OCR
_TOC_ENTRY = re.compile(r"(?:\.{3,}|…+|_{3,}|\s[-–—]\s*)\s*\d{1,3}\s*$")
_DATE_LINE = re.compile(r"^[a-z][\w .'-]{1,40},\s*(?:ngay\b.{0,12})?thang\b.{0,8}nam\b\s*\d{4}", re.I)
_NATIONAL = re.compile(r"cong hoa xa hoi chu nghia|doc lap\W+tu do\W+hanh phuc")
_PLACEHOLDER = re.compile(r"\(\s*(?:neu co|ky\b[^)]*|ghi ro[^)]*|dong dau[^)]*)\s*\)")
_SENTENCE_END = (".", ",", ";", "!", "?")
_AUTHORS_TABLE = re.compile(r"\b(?:so\W*tt|stt|ho\s*va\s*ten)\b")


def _fold1(text: str) -> str:
    """Diacritics removed, case kept, one character for one (offsets stay valid)."""
    return "".join(fold(c)[:1] or c for c in text)


def _tokens(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """Folded comparison tokens with their offsets: "Kính gửl1:" -> [("kinh",…), ("gui",…)]."""
    key = _fold1(text).lower().translate(_OCR)
    out = []
    for m in _TOKEN.finditer(key):
        word = _FOOTNOTE.sub("", m.group())
        word = re.sub(r"(?<=[a-z])1(?=[a-z])", "i", re.sub(r"(?<=[a-z])0(?=[a-z])", "o", word))
        out.append((word, offset + m.start(), offset + m.end()))
    return out


def _strip_numbering(text: str) -> tuple[re.Match[str], str]:
    m = _NUMBERING.match(_fold1(text))
    assert m is not None  # every group is optional
    return m, text[m.end():]


def _ordinal(style: str | None, mark: str) -> int | None:
    """The number a numbering mark stands for ("IV." -> 4, "b)" -> 2, "1.3." -> 3)."""
    words = re.findall(r"[^\W_]+", mark)
    if not words or style in (None, "bullet"):
        return None
    last = words[-1]
    if last.isdigit():
        return int(last)
    if style in ("roman", "part"):
        roman = last.translate(_ROMAN_OCR).upper()
        if not all(c in _ROMAN for c in roman):
            return None
        values = [_ROMAN[c] for c in roman]
        return sum(-v if v < nxt else v for v, nxt in zip(values, [*values[1:], 0]))
    return ord(last.lower()) - ord("a") + 1 if len(last) == 1 else None


def _is_empty(text: str, key: str) -> bool:
    """No real content: placeholders, dots and dashes only, or too few words to say anything.
    A request item needs only an answer ("Không có.", a date)."""
    rest = _PLACEHOLDER.sub(" ", _fold1(text).lower())
    if key in REQUEST_KEYS:
        return sum(c.isalnum() for c in rest) < 2
    return sum(c.isalpha() for c in rest) < 15


# ----------------------------------------------------------------------------- the document


@dataclass(frozen=True)
class _Row:
    """One line of the document: its span in the flat text, its page, its Word/PDF cues."""

    start: int
    end: int
    page: int
    cue: Line | None


@dataclass(frozen=True)
class _Mark:
    """A heading (``key``) or a boundary without a key (``key`` None)."""

    row: int
    start: int
    label_end: int
    content_start: int
    page: int
    key: str | None
    style: str | None = None  # numbering style; None for un-numbered
    ordinal: int | None = None
    caps: bool = False
    hard: bool = False  # the place-and-date line: ends every section but cam_doan
    covers: tuple[str, ...] = ()
    level: float = 0.0


class _Doc:
    def __init__(self, doc: DocView) -> None:
        parts: list[str] = []
        self.rows: list[_Row] = []
        pos = 0
        for page in doc.pages:
            styled = {ln.text.strip(): ln for ln in page.lines if ln.text.strip()}
            for line in page.text.split("\n"):
                cue = styled.get(line.strip())
                if cue is not None and cue.part in ("header", "footer"):
                    line = ""  # a running header or footer belongs to no section
                self.rows.append(_Row(pos, pos + len(line), page.number, cue))
                parts.append(line)
                pos += len(line) + 1
        self.text = "\n".join(parts)

    def line(self, i: int) -> str:
        r = self.rows[i]
        return self.text[r.start:r.end]

    def row_at(self, offset: int, hint: int = 0) -> int:
        i = hint
        while i + 1 < len(self.rows) and self.rows[i + 1].start <= offset:
            i += 1
        return i

    def next_line(self, i: int) -> str | None:
        for j in range(i + 1, len(self.rows)):
            if self.line(j).strip():
                return self.line(j).strip()
        return None


def find_sections(doc: DocView, cues: Mapping[str, Sequence[str]] = NO_CUES) -> tuple[Section, ...]:
    """The sections of a description (``mo_ta``) or of a request (``don_yeu_cau``), in reading
    order; ``cues`` adds a rule profile's heading texts per key. Other documents: ()."""
    table = _table(doc.kind, cues)
    if not table.cues:
        return ()
    d = _Doc(doc)
    marks = [m for i in range(len(d.rows)) if (m := _mark(d, i, table)) is not None]
    if doc.kind == "don_yeu_cau":
        marks = _authors_table_mark(d, marks)
    marks = _levels(marks)
    marks = _drop_toc(d, marks)
    marks = _merge_repeats(d, marks)
    marks = _drop_part_titles(d, marks)
    marks = _drop_covered(marks)
    return tuple(_sections(doc, d, marks))


def _authors_table_mark(d: _Doc, marks: list[_Mark]) -> list[_Mark]:
    """A request whose "Tôi (chúng tôi):" line OCR lost still has its authors table: the
    table's header row (three of its column titles) then stands for the item."""
    if any(m.key == "tac_gia" for m in marks):
        return marks
    for i, row in enumerate(d.rows):
        if authors_table_header(d.line(i)):
            mark = _Mark(row=i, start=row.start, label_end=row.end, content_start=row.end,
                         page=row.page, key="tac_gia")
            return sorted([*marks, mark], key=lambda m: m.start)
    return marks


_BASE = {"mo_ta": _cues(DESCRIPTION_CUES), "don_yeu_cau": _cues(REQUEST_CUES)}


@dataclass(frozen=True)
class _Table:
    cues: tuple[Cue, ...]
    vocab: frozenset[str]  # words a heading of this document may be made of


def _table(kind: str, extra: Mapping[str, Sequence[str]]) -> _Table:
    """Built-in cues of this kind of document, plus the profile's: request keys go to the
    request, every other key (DOMAIN.md's or the profile's own) to the description."""
    base = _BASE.get(kind, ())
    if not base:
        return _Table((), frozenset())
    if kind == "don_yeu_cau":
        wanted = {k: v for k, v in extra.items() if k in REQUEST_KEYS}
    else:
        wanted = {k: v for k, v in extra.items() if k not in REQUEST_KEYS or k in DESCRIPTION_KEYS}
    cues = base + tuple(_like_builtin(c, base) for c in _cues(wanted))
    return _Table(cues, frozenset(w for c in cues for w in c.words) | FILLER)


def _like_builtin(cue: Cue, base: Sequence[Cue]) -> Cue:
    """A profile's heading that repeats or extends a built-in cue of its key keeps that cue's
    rules ("Nhóm tác giả" still needs its ":"; "Nội dung và những kết quả nghiên cứu của sáng
    kiến" still covers the results)."""
    parents = [b for b in base if b.key == cue.key and cue.words[:len(b.words)] == b.words]
    if not parents:
        return cue
    parent = max(parents, key=lambda b: len(b.words))
    return replace(parent, words=cue.words)


# ----------------------------------------------------------------------------- 1-2 match, judge


def _mark(d: _Doc, i: int, table: _Table) -> _Mark | None:
    row, line = d.rows[i], d.line(i)
    folded = _fold1(line).lower()
    if not line.strip() or " | " in line or _NATIONAL.search(folded) or _TOC_ENTRY.search(line):
        return None
    if _DATE_LINE.match(_fold1(line.strip())):
        return _Mark(i, row.start, row.end, row.end, row.page, None, hard=True)
    numbering, rest = _strip_numbering(line)
    style = next((g for g, v in numbering.groupdict().items() if v), None)
    if style is None and row.cue is not None and row.cue.numbering:
        style = "word-list-" + row.cue.numbering.split()[0]
    label_start = row.start + (len(line) - len(rest))
    if not rest.strip():
        return None
    strong = row.cue is not None and (row.cue.bold or bool(
        row.cue.style and re.search(r"heading|title|tieu de", _fold1(row.cue.style).lower())))
    # a label may wrap onto the next lines only from a long (full) line
    last = d.rows[min(i + 2, len(d.rows) - 1)].end if len(rest) >= 50 else row.end
    tokens = _tokens(d.text[label_start:last], label_start)
    colon = d.text.find(":", label_start, last)
    if colon >= 0:
        tokens = [t for t in tokens if t[1] < colon] or tokens
    letters = [c for c in rest if c.isalpha()]
    caps = bool(letters) and all(c.isupper() for c in letters)
    base = dict(row=i, start=row.start, page=row.page, style=style,
                ordinal=_ordinal(style, numbering.group().strip()), caps=caps)
    found = _best_cue(tokens, table.cues)
    if found is not None:
        cue, k = found
        label_end, content_start, has_colon = _label(d, i, tokens[k - 1][2], cue.inline)
        if _is_heading(d, i, cue, k, (label_start, label_end), has_colon, style, strong, rest,
                       table.vocab):
            return _Mark(label_end=label_end, content_start=content_start, key=cue.key,
                         covers=cue.covers, **base)
    return _boundary(d, i, label_start, style, strong, rest, base)


def _best_cue(tokens: Sequence[tuple[str, int, int]], table: Sequence[Cue]) -> tuple[Cue, int] | None:
    """The longest cue that the first words match, allowing about one slip in eight letters."""
    best: tuple[int, int, Cue, int] | None = None
    first = tokens[0][0] if tokens else ""
    for cue in table:
        head = cue.words[0]
        slips = 1 if len(head) > 3 or (len(head) == 3 and len(cue.words) > 1) else 0
        if not first.startswith(head) and Levenshtein.distance(head, first) > slips:
            continue  # the cue must start the line
        n = len(cue.words)
        target = cue.text
        allowed = 0 if len(target) < 5 else 1 if len(target) < 10 else 2 if len(target) < 20 \
            else len(target) // 8
        for k in (n, n - 1, n + 1):
            if k < 1 or k > len(tokens):
                continue
            dist = Levenshtein.distance(target, " ".join(t for t, _, _ in tokens[:k]),
                                        score_cutoff=allowed)
            if dist <= allowed:
                score = (len(target), -dist)
                if best is None or score > best[:2]:
                    best = (*score, cue, k)
                break
    return (best[2], best[3]) if best else None


def _label(d: _Doc, i: int, cue_end: int, inline: bool) -> tuple[int, int, bool]:
    """Where the heading's text ends and its content starts: at the ":" after the cue (on the
    cue's line, or early on the next: "(nếu có)8:"), else at the line's end."""
    j = d.row_at(cue_end, i)
    end = d.rows[j].end
    colon = d.text.find(":", cue_end, end)
    if colon < 0 and j + 1 < len(d.rows) and not inline:
        nxt = d.rows[j + 1]
        early = d.text.find(":", nxt.start, min(nxt.end, nxt.start + 14))
        fragment = d.text[nxt.start:early].strip()
        if early >= 0 and fragment[:1] in "(" + "abcdefghijklmnopqrstuvwxyzđ" \
                and len(_tokens(fragment)) <= 3:
            colon = early
    if colon >= 0:
        return colon, colon + 1, True
    if inline:
        return cue_end, cue_end, False
    return end, end, False


def _is_heading(d: _Doc, i: int, cue: Cue, k: int, span: tuple[int, int], has_colon: bool,
                style: str | None, strong: bool, rest: str, vocab: frozenset[str]) -> bool:
    label_end = span[1]
    label = d.text[span[0]:label_end]
    words = [t for t, _, _ in _tokens(label)]
    numbered = style is not None and style != "bullet"
    marked = style is not None or strong
    if cue.numbered and not (numbered or strong):
        return False
    if cue.whole and not has_colon and len(words) == k and label_end == d.rows[i].end \
            and cue.key == "tac_gia" and _AUTHORS_TABLE.search(_fold1(d.next_line(i) or "").lower()):
        return True  # "Chúng tôi" whose ":" OCR lost, over the authors table's header
    if cue.whole and (len(words) > k or not has_colon and (label_end != d.rows[i].end
                                                            or not numbered)):
        return False  # "Tác giả:" names the authors; "Tác giả" alone signs the document
    if cue.inline:
        return True
    covered = (k + sum(w in vocab for w in words[k:])) / max(1, len(words))
    if has_colon:
        slack = max(8 if marked else 5, k // 2)
        return len(words) <= k + slack and covered >= (0.5 if marked else 0.67) \
            and _starts_upper(rest)
    limit = max(16 if strong else 12 if marked else 10, k + 3)
    if len(words) > limit or covered < (0.5 if strong else 0.6):
        return False
    if marked:
        return True
    nxt = d.next_line(d.row_at(label_end, i))
    return (_starts_upper(rest) and not label.rstrip().endswith(_SENTENCE_END)
            and not (nxt and nxt[0].islower()))  # a wrapped sentence goes on in lower case


def _boundary(d: _Doc, i: int, label_start: int, style: str | None, strong: bool, rest: str,
              base: dict) -> _Mark | None:
    """A numbered (or styled) heading without a key: it ends sections, starts none."""
    if not (style not in (None, "bullet") or strong) or not _starts_upper(rest):
        return None
    end = d.rows[i].end
    colon = d.text.find(":", label_start, end)
    if colon >= 0 and len(_tokens(d.text[label_start:colon])) <= 8:
        return _Mark(label_end=colon, content_start=colon + 1, key=None, **base)
    if len(_tokens(rest)) <= 12 and not rest.rstrip().endswith(_SENTENCE_END):
        return _Mark(label_end=end, content_start=end, key=None, **base)
    return None


def _starts_upper(text: str) -> bool:
    first = next((c for c in text if c.isalnum()), "")
    return first.isupper() or first.isdigit()



# ----------------------------------------------------------------------------- 3 outline


def _levels(marks: list[_Mark]) -> list[_Mark]:
    """Levels from numbering styles in order of appearance. Parts ("PHẦN", "Chương", "A.") and
    un-numbered capitals are on top; other un-numbered headings sit under the last numbered."""
    stack: list[str] = []
    last = 0.0
    out = []
    for m in marks:
        if m.hard:
            out.append(replace(m, level=last + 0.5))
            continue
        if m.style in ("part", "upper"):
            stack.clear()
            level = last = 0.0
        elif m.style is None and m.caps:
            level = last = 0.0
        elif m.style is None:
            level = last + 0.5
        else:
            if m.style in stack:
                del stack[stack.index(m.style) + 1:]
            else:
                stack.append(m.style)
            level = last = float(len(stack))
        out.append(replace(m, level=level))
    return out


def _own_content(d: _Doc, marks: Sequence[_Mark], n: int) -> str:
    """The text between mark n and the next mark, table-of-contents entries left out."""
    end = marks[n + 1].start if n + 1 < len(marks) else len(d.text)
    lines = d.text[marks[n].content_start:end].split("\n")
    return " ".join(ln for ln in lines if not _TOC_ENTRY.search(ln))


def _drop_toc(d: _Doc, marks: list[_Mark]) -> list[_Mark]:
    """After "Mục lục", headings without content are its entries, until one has content —
    except the real, empty heading that ends the list: its key is not listed again, and the
    heading after it has content ("Tóm tắt sáng kiến" left blank right after the contents)."""
    out: list[_Mark] = []
    in_toc = False
    for n, m in enumerate(marks):
        if in_toc and not m.hard and _is_empty(_own_content(d, marks, n), "muc_luc"):
            last_entry = (m.key is not None and all(x.key != m.key for x in marks[n + 1:])
                          and n + 1 < len(marks)
                          and not _is_empty(_own_content(d, marks, n + 1), "muc_luc"))
            if not last_entry:
                continue
        in_toc = m.key == "muc_luc" or (in_toc and m.hard)
        out.append(m)
    return out


def _merge_repeats(d: _Doc, marks: list[_Mark]) -> list[_Mark]:
    """An un-numbered label right under a heading of the same key belongs to that heading."""
    out: list[_Mark] = []
    for m in marks:
        prev = out[-1] if out else None
        if (prev is not None and m.key is not None and m.key == prev.key and m.style is None
                and _is_empty(d.text[prev.content_start:m.start], m.key)):
            continue
        out.append(m)
    return out


def _descendants(marks: Sequence[_Mark], n: int) -> Iterable[_Mark]:
    for m in marks[n + 1:]:
        if m.level <= marks[n].level:
            return
        yield m


def _drop_part_titles(d: _Doc, marks: list[_Mark]) -> list[_Mark]:
    """A heading with no content of its own whose key recurs below it is a part title: it
    still ends the section before it, but starts none."""
    return [m if m.key is None or not _is_empty(_own_content(d, marks, n), m.key)
            or all(c.key != m.key for c in _descendants(marks, n)) else replace(m, key=None)
            for n, m in enumerate(marks)]


def _drop_covered(marks: list[_Mark]) -> list[_Mark]:
    """A sub-heading whose key an ancestor's title already covers is part of that ancestor."""
    out: list[_Mark] = []
    for n, m in enumerate(marks):
        level, covered = m.level, False
        for prev in reversed(marks[:n]):
            if prev.level < level:
                covered = covered or m.key in prev.covers
                level = prev.level
        if not (covered and m.key is not None):
            out.append(m)
    return out


# ----------------------------------------------------------------------------- 4 measure


def _closes(m: _Mark, by: _Mark) -> bool:
    if by.key is not None:
        return True
    if by.hard:
        return m.key != "cam_doan"
    if by.level < m.level:
        return True
    return (by.level == m.level and by.style == m.style and by.ordinal is not None
            and m.ordinal is not None and by.ordinal == m.ordinal + 1)


def _sections(doc: DocView, d: _Doc, marks: Sequence[_Mark]) -> Iterable[Section]:
    for n, m in enumerate(marks):
        if m.key is None:
            continue
        end = next((b.start for b in marks[n + 1:] if _closes(m, b)), len(d.text))
        text = " ".join(d.text[m.content_start:end].split())
        heading = " ".join(d.text[m.start:m.label_end].split())
        yield Section(key=m.key, heading=heading, file=doc.file, page=m.page, chars=len(text),
                      document=doc.kind, empty=_is_empty(text, m.key), text=text)
