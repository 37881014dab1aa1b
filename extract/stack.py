"""Stack splitting: one scanned file -> the dossiers it holds -> the documents of each.

Every page gets a few cues from its top lines (``page_cues``):

- a separator sheet (``extract.separator``): it ends the dossier before it and belongs to none;
- a document title among the first ``TOP_LINES`` lines: ``extract.classify.title_kind`` on the
  line, and the line must look like a title (mostly capitals, or short), so that a body line
  which starts with "đơn yêu cầu …" does not count; a line repeated from the previous page's
  top (a running header such as "Sáng kiến kinh nghiệm năm học 2023 – 2024") is no title,
  unless the page carries the national header (a new official document begins there) or
  it is a request title (no request repeats its title on its second page); a title that
  OCR broke over two capitalised lines ("BIÊN BẢN" / "HỌP XÉT …") is read joined;
- the national header "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc"
  among the top lines (fuzzy, on folded text: two-column headers glue the agency name to it).

``split_stack``: a new dossier starts after each separator sheet (how="separator", with its
code), and at the first page of a request form (how="request"): any request title once the
dossier begun so far already has a request; a request title under the national header once
it has a description — unless the file uses separator sheets, where a dossier may begin with
its description. A request right after the file start or a sheet, maybe behind a cover
letter, opens that same dossier.

``segments``: a new document starts at each page with a title; pages without one continue
the document before (page 2 of a request has no title); pages before any title take the kind
the file name gives (``classify.name_kind``), else ``khac``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from extract.classify import name_kind, title_kind
from extract.separator import separator_code
from ingest.vietnamese import fold
from models.domain import Page
from models.understanding import Segment, StackPart

TOP_LINES = 8  # non-empty lines looked at; a two-column header takes up to five
NATIONAL = ("CONG HOA XA HOI CHU NGHIA VIET NAM", "DOC LAP TU DO HANH PHUC")
NATIONAL_SCORE = 85.0  # rapidfuzz partial_ratio of a cue inside a top line
SHORT_TITLE = 60  # a title line in mixed case must be at most this long (folded key)
UPPER_SHARE = 0.7  # ... or have at least this share of capital letters
RUNNING_SCORE = 92.0  # a top line this similar to one of the previous page's is repeated
OPENS_DOSSIER = frozenset({"don_yeu_cau", "mo_ta"})


@dataclass(frozen=True)
class PageCue:
    number: int
    separator: str | None  # the separator code when the page is a separator sheet
    kind: str | None  # the kind whose title is near the top, else None
    title: str  # that title line as written
    national: bool  # the national header is near the top
    top: tuple[str, ...]  # folded keys of the top lines


def split_stack(pages: Sequence[Page], name: str = "") -> tuple[StackPart, ...]:
    """The dossiers of one file, in page order; an ordinary file is one part (how="start")."""
    cues = page_cues(pages)
    sheets = any(c.separator is not None for c in cues)
    groups: list[tuple[str, str | None, list[int]]] = []  # how, code, indexes into pages
    pending: str | None = None  # the code of the separator just passed
    for i, cue in enumerate(cues):
        if cue.separator is not None:
            pending = cue.separator
            continue
        if not groups or pending is not None:
            groups.append(("separator" if pending is not None else "start", pending, []))
            pending = None
        elif _opens_dossier(cue, [cues[j] for j in groups[-1][2]], sheets):
            groups.append(("request", None, []))
        groups[-1][2].append(i)
    return tuple(
        StackPart(pages[idx[0]].number, pages[idx[-1]].number, how,
                  _segments([cues[i] for i in idx], name), code)
        for how, code, idx in groups
    )


def segments(pages: Sequence[Page], name: str = "") -> tuple[Segment, ...]:
    """The documents of one dossier's pages (separator pages, if any, belong to none)."""
    return _segments([c for c in page_cues(pages) if c.separator is None], name)


def page_cues(pages: Sequence[Page]) -> list[PageCue]:
    """The cues of every page; each page is read knowing the previous page's top lines."""
    out: list[PageCue] = []
    previous: tuple[str, ...] = ()
    for page in pages:
        cue = page_cue(page, previous)
        out.append(cue)
        previous = () if cue.separator is not None else cue.top
    return out


def page_cue(page: Page, previous_top: Sequence[str] = ()) -> PageCue:
    code = separator_code(page)
    lines = [line.strip() for line in page.text.split("\n") if _wordy(line)][:TOP_LINES]
    keys = tuple(_key(line) for line in lines)
    national = any(fuzz.partial_ratio(cue, key) >= NATIONAL_SCORE
                   for key in keys if len(key) >= 12 for cue in NATIONAL)
    if code is not None:
        return PageCue(page.number, code, None, "", national, keys)
    for i, line in enumerate(lines):
        kind = title_kind(line, lines[i + 1:i + 4])
        if kind != "don_yeu_cau" and not national and _repeated(keys[i], previous_top):
            continue  # a running header
        if kind and _title_shaped(line, keys[i]):
            return PageCue(page.number, None, kind, line, national, keys)
        if i + 1 < len(lines) and _caps(line) and len(keys[i]) <= SHORT_TITLE:
            joined = f"{line} {lines[i + 1]}"  # a title broken over two lines
            kind = title_kind(joined, lines[i + 2:i + 5])
            if kind and _caps(lines[i + 1]):
                return PageCue(page.number, None, kind, joined, national, keys)
    return PageCue(page.number, None, None, "", national, keys)


def _segments(cues: Sequence[PageCue], name: str) -> tuple[Segment, ...]:
    out: list[Segment] = []
    for cue in cues:
        if cue.kind is not None:
            out.append(Segment(cue.number, cue.number, cue.kind, cue.title))
        elif not out:
            out.append(Segment(cue.number, cue.number, name_kind(name) or "khac"))
        else:
            last = out[-1]
            out[-1] = Segment(last.first, cue.number, last.kind, last.evidence)
    return tuple(out)


def _opens_dossier(cue: PageCue, so_far: Sequence[PageCue], sheets: bool) -> bool:
    """A request's first page begins a new dossier, unless the one begun so far has no
    request nor description yet. Where the file uses separator sheets, a dossier may begin
    with its description, so only a second request means a forgotten sheet."""
    if cue.kind != "don_yeu_cau":
        return False
    kinds = {c.kind for c in so_far}
    if "don_yeu_cau" in kinds:
        return True
    return not sheets and cue.national and bool(kinds & OPENS_DOSSIER)


def _title_shaped(line: str, key: str) -> bool:
    return _caps(line) or len(key) <= SHORT_TITLE


def _caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= UPPER_SHARE * len(letters)


def _repeated(key: str, previous_top: Sequence[str]) -> bool:
    return len(key) >= 8 and any(fuzz.ratio(key, other) >= RUNNING_SCORE for other in previous_top)


def _wordy(line: str) -> bool:
    """Lines with at least three letters: OCR specks, rules and page numbers are skipped."""
    return sum(c.isalpha() for c in line) >= 3


def _key(line: str) -> str:
    return " ".join(re.sub(r"[^A-Z0-9 ]+", " ", fold(line).upper()).split())
