"""What of a dossier is compared with other dossiers: its ``Body``.

A body is the text of the dossier's request and description (and any unclassified document),
line by line, with for each token: the file, page and section it is in, whether it is the
dossier's *own* text, and whether it is confidential. Not own: template text (``Boilerplate``),
the section headings, the title (titles repeat by formula and are shown, never compared:
DOMAIN.md), and the record: addressee, authors, title, field, dates (``RECORD_KEYS`` sections
and "label: value" lines), which differ in a copy filed under new names and agree by chance.
Proofs of application, minutes and decisions are written by others about the initiative and
are left out.

Confidential: the request's "information to be kept confidential" item (section ``bao_mat``),
that text wherever else it appears, and any section whose heading marks it confidential
("(bảo mật)", "(mật)", "không công khai").

A body is stored with the dossier's index entry (``pack``/``unpack``), so comparing with an
archived dossier never reads its pages again.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from checks.boilerplate import Boilerplate
from checks.shingles import (
    PRINT_N,
    SEED_N,
    all_of,
    cover,
    fold,
    grams,
    print_value,
    sampled,
    token_ids,
    tokens,
)
from models.understanding import DocView, Section

COMPARED_KINDS = ("don_yeu_cau", "mo_ta", "khac")
# who, what it is called, where and when: the record, not the initiative (DOMAIN.md keys)
RECORD_KEYS = ("co_so", "tac_gia", "ten_sang_kien", "linh_vuc", "ngay_ap_dung", "chu_dau_tu",
               "cam_doan")
# a line of the record written as "label: value; label: value" (authors, title, field, date)
RECORD_LINE = re.compile(
    r"^\W*(?:\d{1,2}[.)]\s*)?(?:ho (?:va )?ten|(?:dong )?tac gia|ten sang kien|linh vuc ap dung|"
    r"ngay (?:sang kien duoc )?ap dung|chu dau tu|noi cong tac|chuc (?:danh|vu)|trinh do|ngay sinh|"
    r"ty le)\b[^:]{0,40}:")
MARKED = re.compile(r"\b(?:bao mat|khong cong khai|tai lieu mat)\b|\(\s*mat\s*\)")
NUMBERED = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4}|[a-z])[.)]\s")
HEADING_WORDS = 16  # a line this short that says "(bảo mật)" marks what follows
CONFIDENTIAL_KEYS = ("bao_mat",)
NO_CONFIDENTIAL = re.compile(r"^\W*khong(?: co)?\W*$")


@dataclass(frozen=True)
class Line:
    start: int  # offset of the line in Body.text
    file: str
    page: int
    section: str | None
    heading: bool  # a section heading (not own text)
    confidential: bool
    ocr: bool


@dataclass(frozen=True)
class Body:
    text: str  # the compared lines joined by "\n"
    lines: tuple[Line, ...]
    own_mask: bytes = b""  # packed bits, one per token: counts toward similarity

    # ------------------------------------------------------------------ tokens
    @cached_property
    def _tokens(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        starts, ends, forms = tokens(self.text)
        return (np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64),
                token_ids(forms))

    @property
    def starts(self) -> np.ndarray:
        return self._tokens[0]

    @property
    def ends(self) -> np.ndarray:
        return self._tokens[1]

    @property
    def ids(self) -> np.ndarray:
        return self._tokens[2]

    def __len__(self) -> int:
        return len(self.starts)

    @cached_property
    def own(self) -> np.ndarray:
        bits = np.unpackbits(np.frombuffer(self.own_mask, dtype=np.uint8), count=len(self))
        return bits.astype(bool)

    @cached_property
    def line_of(self) -> np.ndarray:
        """Index into ``lines`` of each token."""
        return np.searchsorted([ln.start for ln in self.lines], self.starts, side="right") - 1

    @cached_property
    def confidential(self) -> np.ndarray:
        flags = np.array([ln.confidential for ln in self.lines], dtype=bool)
        return flags[self.line_of] if len(self) else np.zeros(0, dtype=bool)

    @cached_property
    def seeds(self) -> np.ndarray:
        return grams(self.ids, SEED_N)

    @cached_property
    def print_grams(self) -> np.ndarray:
        return grams(self.ids, PRINT_N)

    @property
    def own_count(self) -> int:
        return int(self.own.sum())

    def prints(self, own: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Prints of the own text: (n-gram start of each, its value), values unique."""
        mask = all_of(self.own if own is None else own, PRINT_N) & sampled(self.print_grams)
        at = np.flatnonzero(mask)
        return at, print_value(self.print_grams[at])

    def span(self, first: int, last: int) -> str:
        """The text of tokens first..last (inclusive), as written."""
        return self.text[self.starts[first]:self.ends[last]]

    def line(self, token: int) -> Line:
        return self.lines[int(self.line_of[token])]


# ---------------------------------------------------------------------------- building


def body_of(docs: Sequence[DocView], sections: Sequence[Section], boilerplate: Boilerplate, *,
            title: str | None = None, confidential: str | None = None) -> Body:
    """The compared text of one dossier, its own-text mask and confidential lines."""
    by_page: dict[tuple[str, int], list[Section]] = {}
    for sec in sections:
        by_page.setdefault((sec.file, sec.page), []).append(sec)
    parts: list[str] = []
    lines: list[Line] = []
    offset = 0
    for doc in docs:
        if doc.kind not in COMPARED_KINDS:
            continue
        section: str | None = None
        secret = False
        for page in doc.pages:
            heads = list(by_page.get((doc.file, page.number), ()))
            for raw in page.text.split("\n"):
                if not raw.strip():
                    continue
                heading = False
                folded = fold(raw)
                if heads and _starts_heading(raw, heads[0].heading):
                    sec = heads.pop(0)
                    section, heading = sec.key, True
                    secret = sec.key in CONFIDENTIAL_KEYS or bool(MARKED.search(fold(sec.heading)))
                elif len(raw.split()) <= HEADING_WORDS and (MARKED.search(folded) or NUMBERED.match(folded)):
                    # a heading the outline does not know: "3. Giải pháp kỹ thuật (bảo mật)"
                    secret = bool(MARKED.search(folded))
                lines.append(Line(offset, doc.file, page.number, section, heading, secret,
                                  page.ocr))
                parts.append(raw)
                offset += len(raw) + 1
    text = "\n".join(parts)
    body = Body(text, tuple(lines))
    own = ~boilerplate.mask_lines(body.seeds, body.line_of)
    if len(body):
        heads = np.array([ln.heading for ln in body.lines], dtype=bool)[body.line_of]
        own &= ~_heading_tokens(body, heads)
        record = np.array([ln.section in RECORD_KEYS or bool(RECORD_LINE.match(
            fold(text[ln.start:ln.start + 80]))) for ln in body.lines], dtype=bool)
        own &= ~record[body.line_of]
        if title:
            own &= ~_covered_by(body, title, whole_lines=True)
    out = Body(text, _confidential_lines(body, confidential), np.packbits(own).tobytes())
    out.__dict__["_tokens"] = body._tokens  # already computed: the text is the same
    return out


def _starts_heading(line: str, heading: str) -> bool:
    a, b = fold(" ".join(line.split())), fold(" ".join(heading.split()))
    return bool(b) and (a.startswith(b[: max(8, len(b) // 2)]) or b.startswith(a[:20]) and len(a) >= 8)


def _heading_tokens(body: Body, heading_lines: np.ndarray) -> np.ndarray:
    """Tokens of a heading line up to its colon (content on the same line stays own)."""
    out = heading_lines.copy()
    for i, ln in enumerate(body.lines):
        if not ln.heading:
            continue
        end = body.lines[i + 1].start if i + 1 < len(body.lines) else len(body.text)
        colon = body.text.find(":", ln.start, end)
        if colon >= 0 and end - colon > 25:  # "1. Lĩnh vực áp dụng: Giáo dục …"
            tok = (body.starts >= colon) & (body.starts < end)
            out[tok] = False
    return out


def _covered_by(body: Body, text: str, *, whole_lines: bool = False) -> np.ndarray:
    """Tokens of ``body`` covered by a SEED_N-gram of ``text`` (case and diacritics aside)."""
    wanted = np.unique(grams(token_ids(tokens(text)[2]), SEED_N))
    if not len(wanted) or not len(body):
        return np.zeros(len(body), dtype=bool)
    hit = np.isin(body.seeds, wanted)
    mask = cover(np.flatnonzero(hit), SEED_N, len(body))
    if whole_lines:  # a title line wrapped over two lines: its short tail goes with it
        for i in np.unique(body.line_of[mask]):
            on_line = body.line_of == i
            if mask[on_line].mean() >= 0.6:
                mask[on_line] = True
    return mask


def _confidential_lines(body: Body, confidential: str | None) -> tuple[Line, ...]:
    if not confidential or NO_CONFIDENTIAL.match(fold(confidential)) or len(tokens(confidential)[0]) < 4:
        return body.lines
    hit = _covered_by(body, confidential)
    lines = set(np.unique(body.line_of[hit]).tolist()) if hit.any() else set()
    return tuple(ln if ln.confidential or i not in lines else
                 Line(ln.start, ln.file, ln.page, ln.section, ln.heading, True, ln.ocr)
                 for i, ln in enumerate(body.lines))


# ---------------------------------------------------------------------------- storage


def pack(body: Body) -> bytes:
    files = sorted({ln.file for ln in body.lines})
    at = {f: i for i, f in enumerate(files)}
    lines = [[ln.start, at[ln.file], ln.page, ln.section,
              ln.heading | ln.confidential << 1 | ln.ocr << 2] for ln in body.lines]
    head = json.dumps({"text": body.text, "files": files, "lines": lines},
                      ensure_ascii=False, separators=(",", ":")).encode()
    return zlib.compress(len(head).to_bytes(4, "little") + head + body.own_mask, 6)


def unpack(data: bytes) -> Body:
    raw = zlib.decompress(data)
    n = int.from_bytes(raw[:4], "little")
    doc = json.loads(raw[4:4 + n])
    files = doc["files"]
    lines = tuple(Line(s, files[f], p, sec, bool(fl & 1), bool(fl & 2), bool(fl & 4))
                  for s, f, p, sec, fl in doc["lines"])
    return Body(doc["text"], lines, raw[4 + n:])
