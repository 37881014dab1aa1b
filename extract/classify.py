"""Which document of a dossier a file is: request, description, proof of application, …

The strongest cue is the document's title in capitals under the national header (DOMAIN.md):
"ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN", "BÁO CÁO MÔ TẢ SÁNG KIẾN", "GIẤY XÁC NHẬN ÁP DỤNG SÁNG KIẾN"…
The first lines of the first pages are compared, diacritics folded and case ignored, with the
title cues of every kind; a line counts only when it *starts* with the cue, so a sentence that
mentions "bản mô tả sáng kiến" in passing is not a title. Matching is fuzzy (rapidfuzz) so
that an OCR slip in the title ("DON YEU CAU CONG NHAN SANG KlEN") still counts. When no
title is found (the second photo of a request, an appendix), the file name decides if it
names a kind ("don-yeu-cau-trang-2.jpg"); otherwise the document is ``khac``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from ingest.vietnamese import fold
from models.domain import Page

# kind -> title cues, folded and upper-cased; the first cue that starts a line wins
TITLE_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("don_yeu_cau", ("DON YEU CAU CONG NHAN SANG KIEN", "DON DE NGHI CONG NHAN SANG KIEN",
                     "DON DANG KY SANG KIEN", "DON DE NGHI XET CONG NHAN SANG KIEN",
                     "PHIEU YEU CAU CONG NHAN SANG KIEN", "DON YEU CAU CONG NHAN")),
    ("xac_nhan", ("GIAY XAC NHAN HIEU QUA AP DUNG SANG KIEN", "GIAY XAC NHAN AP DUNG SANG KIEN",
                  "GIAY XAC NHAN")),
    ("bien_ban", ("BIEN BAN HOP XET CONG NHAN SANG KIEN", "BIEN BAN HOP XET SANG KIEN",
                  "BIEN BAN HOP HOI DONG SANG KIEN", "BIEN BAN")),
    ("to_trinh", ("TO TRINH", "CONG VAN DE NGHI CONG NHAN SANG KIEN")),
    ("mo_ta", ("BAN MO TA SANG KIEN", "BAO CAO MO TA SANG KIEN", "BAO CAO SANG KIEN",
               "THUYET MINH SANG KIEN", "SANG KIEN KINH NGHIEM", "BAN MO TA", "BAO CAO MO TA")),
    ("quyet_dinh", ("QUYET DINH",)),
)
NAME_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("don_yeu_cau", ("don yeu cau", "don de nghi", "phieu yeu cau", "don dang ky")),
    ("mo_ta", ("mo ta", "bao cao sang kien", "skkn", "sang kien kinh nghiem", "thuyet minh")),
    ("xac_nhan", ("xac nhan",)),
    ("bien_ban", ("bien ban",)),
    ("to_trinh", ("to trinh",)),
    ("quyet_dinh", ("quyet dinh",)),
)
LINES_PER_PAGE = 25
PAGES_LOOKED_AT = 2
MIN_SCORE = 88.0  # rapidfuzz ratio between a line's start and a cue
FIRST_WORD = 66.0  # rapidfuzz ratio the line's first letters need with the cue's first word
LEADING = re.compile(r"^[\W\d_]*(?:PHU LUC [IVX\d]+\W*)?")  # numbering, bullets, "Phụ lục I"


@dataclass(frozen=True)
class Classification:
    kind: str
    page: int | None  # where the title was found
    evidence: str  # the title line as written, or "file name: …", or ""


def classify_document(pages: Sequence[Page], name: str = "") -> Classification:
    for page in pages[:PAGES_LOOKED_AT]:
        lines = [line for line in page.text.split("\n") if line.strip()][:LINES_PER_PAGE]
        for i, line in enumerate(lines):
            kind = title_kind(line, lines[i + 1:i + 4])
            if kind:
                return Classification(kind, page.number, line.strip())
    kind = name_kind(name)
    if kind:
        return Classification(kind, None, f"file name: {name}")
    return Classification("khac", None, "")


def title_kind(line: str, following: Sequence[str] = ()) -> str | None:
    """The kind whose title this line is, or None. ``following`` lines back up titles that
    are too generic alone ("QUYẾT ĐỊNH" must be about recognising an initiative).

    A fuzzy match must also start with the cue's first word (fuzzily): the tail of a unit's
    name wrapped in the header can end on the title's line ("LƯƠNG ĐƠN ĐỀ NGHỊ CÔNG NHẬN
    SÁNG KIẾN"), and that is no "CÔNG VĂN ĐỀ NGHỊ CÔNG NHẬN SÁNG KIẾN"."""
    key = _key(line)
    if len(key) < 6:
        return None
    for kind, cues in TITLE_CUES:
        for cue in cues:
            head = key[:len(cue)]
            if head == cue or (len(cue) >= 12 and fuzz.ratio(head, cue) >= MIN_SCORE
                               and _starts_alike(head, cue)):
                if kind == "quyet_dinh" and not _about_initiative(key, following):
                    continue  # a decision about something else
                if len(cue) <= 10 and not _title_like(line, key, cue):
                    continue
                return kind
    return None


def _starts_alike(head: str, cue: str) -> bool:
    """The line begins with the cue's first word, give or take an OCR slip (and whatever OCR
    glued to it: "DONYEU CAU")."""
    first = cue.split(" ")[0]
    return fuzz.ratio(head[:len(first)], first) >= FIRST_WORD


def name_kind(name: str) -> str | None:
    stem = re.sub(r"[\W_]+", " ", fold(name.rsplit("/", 1)[-1].rsplit(".", 1)[0]).lower())
    for kind, cues in NAME_CUES:
        if any(cue in f" {stem} " for cue in cues):
            return kind
    return None


def _key(line: str) -> str:
    text = fold(line).upper()
    text = re.sub(r"[^A-Z0-9 ]+", " ", text)
    text = LEADING.sub("", " ".join(text.split()))
    return text


def _title_like(line: str, key: str, cue: str) -> bool:
    """A short cue ("TỜ TRÌNH", "BIÊN BẢN") is a title only in capitals and nearly alone."""
    letters = [c for c in line if c.isalpha()]
    upper = sum(c.isupper() for c in letters) >= 0.8 * len(letters) if letters else False
    return upper and len(key) <= len(cue) + 60


def _about_initiative(key: str, following: Sequence[str]) -> bool:
    return "SANG KIEN" in " ".join([key, *(_key(f) for f in following)])
