"""Field extraction: title, authors, dates, … of one dossier, with the page each came from.

The request (``don_yeu_cau``) is read first, the description (``mo_ta``) second; the
documents of one kind are read as one text (a request photographed page by page is several
files). Every value is found in the text itself, not through the sections.

- **Labelled items.** ``extract.nlp.find_labels`` (spaCy Matcher on folded tokens) says where
  each form label stands. A value runs from after the label (past a footnote digit,
  "(nếu có)" and the colon) to the start of the next item: a line that opens with "-", "+",
  a number, "a)", a Roman numeral, another label, a signing line or a heading in capitals.
  A quoted title ends at its closing quote. Wrapped lines are joined with one space.
- **Description title.** "Tên sáng kiến: …" / "Đề tài: …", else the lines under the
  document's title ("BẢN MÔ TẢ SÁNG KIẾN", "SÁNG KIẾN KINH NGHIỆM" …) on its cover.
- **Authors table and names**: see ``extract.authors``.
- **Dates** come from ``extract.dates``; the signing line is "<place>, ngày … tháng … năm …".
- **Respelling.** A value read from a document with OCR'd pages (title, addressee, field,
  investor, confidential information, the authors' unit, position and qualification; never
  names) goes through ``extract.spelling.respell`` with the dossier's own text as evidence.
- **Signatures.** From a document's end upwards: signer names, "(Ký và ghi rõ họ tên)",
  roles ("Người nộp đơn", "HIỆU TRƯỞNG" …) and the place-and-date line just above them
  (for administrative papers, the dated line of their header).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from extract.authors import authors_table, names_in
from extract.dates import find_dates, parse_date
from extract.nlp import Label, en_dash, find_labels, folded, is_label
from extract.spelling import attested, respell
from extract.units import unit_candidates
from ingest.vietnamese import fold
from models.understanding import (
    AuthorInfo,
    Decision,
    DocView,
    Fields,
    SignatureBlock,
    Where,
)

# ---------------------------------------------------------------------------- vocabulary

ROLES = tuple(p.split() for p in (
    "nguoi nop don", "nguoi lam don", "nguoi de nghi", "nhom tac gia", "dong tac gia", "tac gia",
    "nguoi viet", "nguoi bao cao", "nguoi thuc hien", "thu truong don vi", "thu truong co quan",
    "hieu truong", "pho hieu truong", "giam doc", "pho giam doc", "chu tich hoi dong", "chu tich",
    "pho chu tich", "thu ky", "xac nhan cua don vi", "xac nhan cua co quan", "xac nhan cua",
    "truong phong", "truong ban", "tm", "kt", "nguoi xac nhan", "dai dien", "cac thanh vien"))
COVER_TITLES = ("ban mo ta sang kien", "bao cao mo ta sang kien", "bao cao sang kien",
                "thuyet minh sang kien", "sang kien kinh nghiem", "mo ta sang kien")

SAME_READING = 90.0  # rapidfuzz ratio (folded) above which two readings are one text
_ITEM = re.compile(r"^\s*(?:[-+•*]\s|\(?\d{1,2}[.)]\s|\(\d{1,2}\)|[a-zđ][.)]\s|[IVX]{1,4}\.\s)")
_AFTER_LABEL = re.compile(r"^(?:\s*\([^)\n]{0,60}\))*[\s\d]{0,3}[:：][ \t]*")
_PLACE_DATE = re.compile(r"([A-Z][^\d,|:;()]{1,40}),\s*(?:ngay\s+\d{1,2}\s+)?thang\s+\d{1,2}\s+nam\s+\d{4}"
                         r"|([A-Z][^\d,|:;()]{1,40}),\s*(?:ngay\s*)?\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}")
_ONE_SENTENCE = ("title", "addressee", "field", "investor", "first_applied")  # end at a line ending "."
_QUOTES = "\"“”'‘’«»"


# ---------------------------------------------------------------------------- the text


@dataclass(frozen=True)
class _Text:
    """Documents of one kind as one string, and where each page starts in it."""

    text: str
    anchors: tuple[tuple[int, str, int], ...]  # (offset, file, page number)
    ocr: bool = False  # every page was read by OCR
    scanned: bool = False  # some page was: its values are respelled (``extract.spelling``)

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
    pages = [p for d in docs for p in d.pages]
    return _Text("\n".join(parts), tuple(anchors), bool(pages) and all(p.ocr for p in pages),
                 any(p.ocr for p in pages))


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _strip_title(text: str) -> str:
    text = en_dash(_clean(text)).rstrip(" .;,")
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
        if is_label(value):  # left blank: the next item's label is no value
            value = ""
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


def _name_like(line: str) -> list[str]:
    """A signer line that names_in does not know (an OCR slip in the surname: "Vĩ Thanh
    Hoa"): two to five capitalised words of letters only, and not a role."""
    words = line.split()
    if 2 <= len(words) <= 5 and all(w[:1].isupper() and w.isalpha() for w in words) \
            and not line.isupper() and not _is_role_line(line):
        return [" ".join(words)]
    return []


def _signature(doc: DocView) -> SignatureBlock | None:
    t = _join([doc])
    lines = [(p, ln) for p, ln in t.lines() if ln.strip()]
    names: list[str] = []
    role = False
    i = len(lines) - 1
    while i >= 0:
        ln = lines[i][1]
        found = names_in(ln) or _name_like(ln)
        if found and not role and len(" ".join(found).split()) >= len(re.sub(r"[|]", " ", ln).split()) - 1:
            names = found + names
        elif _is_role_line(ln) or re.match(r"^\s*\(\s*k[yý]", ln, re.I):
            role = True
        else:
            break
        i -= 1
    when, at = None, None
    # the place-and-date line sits just above the roles, or above a unit's confirmation
    # block laid out beside them ("XÁC NHẬN CỦA ĐƠN VỊ" in the other column)
    above = next((j for j in range(i, max(-1, i - 4), -1) if _PLACE_DATE.search(fold(lines[j][1]))),
                 None) if role or names else (i if i >= 0 and _PLACE_DATE.search(fold(lines[i][1]))
                                              else None)
    if above is not None:
        when, at = parse_date(lines[above][1]), lines[above][0]
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


def _same(a: str, b: str) -> bool:
    return fuzz.ratio(folded(a), folded(b)) >= SAME_READING


def _clean_name(name: str, clean: Sequence[str]) -> str:
    """An OCR'd author name replaced by the same name from a document read without OCR."""
    best = max(clean, key=lambda c: fuzz.ratio(folded(name), folded(c)))
    return best if fuzz.ratio(folded(name), folded(best)) >= SAME_READING else name


def extract_fields(docs: Sequence[DocView]) -> Fields:
    """Title, authors, dates, … of one dossier's documents, with where each was read."""
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
    title_ocr, description_title_ocr = req.scanned, desc.scanned  # whether the reading kept is OCR's
    if title is None and description_title:
        title, title_ocr = description_title, desc.scanned
        where["title"] = where["description_title"]
    elif title and description_title and _same(title, description_title):
        # the same title read twice: keep the reading that did not go through OCR
        if req.ocr and not desc.ocr:
            title, title_ocr = description_title, False
        elif desc.ocr and not req.ocr:
            description_title, description_title_ocr = title, False

    # OCR's letter slips in what was read from scans, put right against the lexicon and
    # the words this dossier spells elsewhere (``extract.spelling``)
    pages = [p for d in docs for p in d.pages]
    seen = attested([p.text for p in pages if p.ocr], [p.text for p in pages if not p.ocr],
                    [w for p in pages if p.ocr for w in p.words]) \
        if req.scanned or desc.scanned else None
    if title and title_ocr:
        title = respell(title, seen)
    if description_title and description_title_ocr:
        description_title = respell(description_title, seen)
    # people
    d_authors_item = _first(d_items, "authors")
    description_authors = names_in(d_authors_item.raw) if d_authors_item else []
    desc_sig = next((s for s in signatures if s.document == "mo_ta" and s.signer), None)
    if not description_authors and desc_sig is not None and desc_sig.signer:
        description_authors = desc_sig.signer.split(", ")
    if description_authors:
        where["description_authors"] = (desc.where(d_authors_item.start) if d_authors_item
                                        else Where(desc_sig.file, desc_sig.page))  # type: ignore[union-attr]
    req_sig = next((s for s in signatures if s.document == "don_yeu_cau" and s.signer), None)
    known = (req_sig.signer.split(", ") if req_sig and req_sig.signer else []) + description_authors
    clean_first = sorted((p for d in docs for p in d.pages), key=lambda p: p.ocr)  # stable
    units = unit_candidates([p.text for p in clean_first])
    authors, at = authors_table(req.text, known, "\n".join(d.text for d in docs), units, next(
        (p.words for d in docs if d.kind == "don_yeu_cau" for p in d.pages if p.words), ()))
    if req.ocr and not desc.ocr and description_authors:
        authors = [replace(a, name=_clean_name(a.name, description_authors)) for a in authors]
    if req.scanned:
        authors = [replace(a, unit=a.unit and respell(a.unit, seen),
                           position=a.position and respell(a.position, seen),
                           qualification=a.qualification and respell(a.qualification, seen))
                   for a in authors]
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
        found = [(t, it) for t, items in sources if (it := _first(items, label)) is not None]
        if not found:
            return None
        t, it = found[0]
        if t.ocr:  # the same value read again without OCR (a Word description) is the better reading
            t, it = next(((u, j) for u, j in found[1:] if not u.ocr and j.value and it.value
                          and _same(j.value, it.value)), (t, it))
        value = respell(en_dash(it.value), seen) if t.scanned else en_dash(it.value)
        return take(name, t, it, value)  # type: ignore[return-value]

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
