"""Near-duplicates of one dossier: retrieve candidates, align passages, decide, explain.

    retrieve   the dossier's prints against the index (``checks.dup_index``), each weighted by
               how rare it is, and more when its neighbours are shared too; stretches of
               prints that many dossiers hold are template text and neither retrieve nor align
               (``checks.boilerplate.common_regions``); the CANDIDATES dossiers sharing the
               most weight go on
    align      passages of each candidate (``checks.align``)
    decide     a candidate is a near-duplicate when its passages that count hold at least
               MIN_MATCHED tokens of our own text, one of them at least MIN_PASSAGE: a paragraph
               or more copied, whatever the titles say. A passage counts when its texts agree
               at CLOSE_AGREEMENT, or at MIN_AGREEMENT when it is LONG_PASSAGE tokens or more
    explain    similarity, coverage (the share of our own text found in theirs, and of theirs
               in ours), and the passages with file, page and section on both sides

Titles are not part of the own text (``checks.dup_text``), so a formulaic title shared by two
independent dossiers finds nothing, and the same body under a new title finds everything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from checks.align import Passage, align
from checks.boilerplate import common_df, common_regions
from checks.dup_index import PrintIndex
from checks.dup_text import Body
from checks.shingles import PRINT_N

CANDIDATES = 10  # the source of a copy ranks first in every benchmark case; room for several
MIN_HITS = 3
SCATTERED = 0.25  # how much a shared print outside any run counts in the ranking
MIN_RUN = 4  # shared prints in runs: a candidate shares at least two sentences or so
MIN_PASSAGE = 50  # own tokens of our text in the longest passage: two or three sentences
MIN_MATCHED = 80  # own tokens of our text in all passages together
MIN_AGREEMENT = 75.0  # folded ratio of a long passage that counts (an edited copy)
LONG_PASSAGE = 100  # own tokens from which MIN_AGREEMENT suffices
CLOSE_AGREEMENT = 85.0  # folded ratio of a shorter passage that counts (copied nearly as is)


@dataclass(frozen=True)
class Side:
    file: str
    page: int
    last_page: int
    section: str | None  # where the passage starts
    sections: tuple[str, ...]  # every section it runs through
    text: str
    confidential: bool
    public_text: str | None = None  # the text with its confidential lines left out


@dataclass(frozen=True)
class MatchPassage:
    ours: Side
    theirs: Side
    score: float
    label: str
    tokens: int  # own tokens of ours in it
    agreement: float  # folded ratio


@dataclass(frozen=True)
class Match:
    other: int
    similarity: float
    coverage: float  # share of our own text found in theirs
    their_coverage: float  # share of their own text found in ours
    passages: tuple[MatchPassage, ...]

    @property
    def duplicate(self) -> bool:
        sizes = [p.tokens for p in self.passages]
        return bool(sizes) and max(sizes) >= MIN_PASSAGE and sum(sizes) >= MIN_MATCHED


def counts(tokens: int, agreement: float) -> bool:
    """Whether a passage is evidence of copying (and is reported): long and similar, or
    shorter and nearly equal. Two independent texts share formulaic sentences of 20-50 words
    that agree at 70-80 ("… cao hơn nhóm đối chứng … điểm phần trăm …")."""
    return agreement >= CLOSE_AGREEMENT or (tokens >= LONG_PASSAGE and agreement >= MIN_AGREEMENT)


def own_text(body: Body, index: PrintIndex, *, indexed: bool = False) -> np.ndarray:
    """Our own-text mask less the text many archived dossiers share (``indexed``: this
    dossier is itself in the index, so every print counts one holder too many)."""
    at, values = body.prints()
    if not len(at):
        return body.own
    df = index.df(values) - (1 if indexed else 0)
    common = df > common_df(len(index))
    return body.own & ~common_regions(at, common, PRINT_N, len(body), body.line_of, body.own)


def candidates(body: Body, own: np.ndarray, index: PrintIndex, *,
               exclude: Iterable[int] = ()) -> list[tuple[int, int]]:
    """(dossier, shared prints) of the best CANDIDATES: by the weight of the prints they share
    in runs (a copied passage), then of all they share."""
    _, values = body.prints(own)
    best = index.best(values, k=CANDIDATES, max_df=common_df(len(index)), exclude=exclude,
                      min_shared=MIN_HITS, min_linked=MIN_RUN, scattered=SCATTERED)
    return [(d, h.shared) for d, h in best]


def compare(ours: Body, own: np.ndarray, theirs: Body, other: int,
            theirs_own: np.ndarray | None = None) -> Match | None:
    """Our own text (``own``) against theirs (``theirs_own``, default all of their own text:
    pass ``own_text(theirs, …)`` so that their template text cannot seed either; our copy of a
    quoted law may be an OCR'd scan whose prints no longer look common)."""
    their_own = theirs.own if theirs_own is None else theirs_own
    passages = [p for p in align(ours, theirs, own, their_own)
                if counts(int(own[p.ours[0]:p.ours[1] + 1].sum()), p.folded_score)]
    if not passages:
        return None
    ours_hit = np.zeros(len(ours), dtype=bool)
    theirs_hit = np.zeros(len(theirs), dtype=bool)
    shown = []
    for p in passages:
        ours_hit[p.ours[0]:p.ours[1] + 1] = True
        theirs_hit[p.theirs[0]:p.theirs[1] + 1] = True
        shown.append(MatchPassage(_side(ours, *p.ours), _side(theirs, *p.theirs), p.score,
                                  p.label, int(own[p.ours[0]:p.ours[1] + 1].sum()), p.folded_score))
    own_ours, own_theirs = int(own.sum()), int(their_own.sum())
    got_ours, got_theirs = int((ours_hit & own).sum()), int((theirs_hit & their_own).sum())
    agreement = _weighted_score(passages)
    coverage = got_ours / own_ours if own_ours else 0.0
    their_coverage = got_theirs / own_theirs if own_theirs else 0.0
    similarity = (got_ours + got_theirs) / (own_ours + own_theirs) * agreement / 100 \
        if own_ours + own_theirs else 0.0
    return Match(other, round(min(1.0, similarity), 3), round(min(1.0, coverage), 3),
                 round(min(1.0, their_coverage), 3), tuple(shown))


def find_duplicates(body: Body, index: PrintIndex, load: Callable[[int], Body | None], *,
                    exclude: Iterable[int] = (), indexed: bool = False) -> list[Match]:
    """Near-duplicates of ``body`` among the indexed dossiers, most similar first.
    ``load`` gives an indexed dossier's body (None when it is gone)."""
    own = own_text(body, index, indexed=indexed)
    found = []
    for other, _ in candidates(body, own, index, exclude=exclude):
        theirs = load(other)
        if theirs is None:
            continue
        match = compare(body, own, theirs, other, own_text(theirs, index, indexed=True))
        if match is not None and match.duplicate:
            found.append(match)
    return sorted(found, key=lambda m: (-m.similarity, m.other))


def _side(body: Body, first: int, last: int) -> Side:
    a, b = body.line(first), body.line(last)
    secret = bool(body.confidential[first:last + 1].any())
    lines = body.lines[int(body.line_of[first]):int(body.line_of[last]) + 1]
    sections = tuple(dict.fromkeys(ln.section for ln in lines if ln.section))
    return Side(a.file, a.page, b.page if b.file == a.file else a.page, a.section, sections,
                body.span(first, last), secret, _public(body, first, last) if secret else None)


WITHHELD = "[…]"


def _public(body: Body, first: int, last: int) -> str:
    """The passage as someone who may not see the dossier's confidential text sees it."""
    out: list[str] = []
    for t in range(first, last + 1):
        if body.confidential[t]:
            if not out or out[-1] != WITHHELD:
                out.append(WITHHELD)
        else:
            out.append(body.span(t, t))
    return " ".join(out)


def _weighted_score(passages: list[Passage]) -> float:
    weights = [p.ours[1] - p.ours[0] + 1 for p in passages]
    return sum(p.folded_score * w for p, w in zip(passages, weights)) / sum(weights)
