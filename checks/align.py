"""Passage alignment of two dossier bodies, in the spirit of the PAN text-alignment systems:

    seed    every run of SEED_N folded tokens of our own text that the other text also has
            (a run found more than MAX_REPEAT times in the other text is too common to say where)
    extend  seeds chain into a passage while both texts advance in step: gaps of at most GAP
            tokens, and neither text more than DRIFT tokens ahead of the other (an edited word
            breaks three seeds; a word inserted shifts one text by one)
    merge   passages that follow each other in both texts, within MERGE_GAP tokens and about
            as far in both, become one (a heading between two copied paragraphs; a paragraph
            left out of one text keeps the two apart)
    filter  a passage keeps when it has MIN_SEEDS seeds and MIN_TOKENS own tokens, and its
            texts agree (rapidfuzz ratio of the folded texts) at least MIN_SCORE

Paragraphs moved around stay found: each becomes its own passage. Every passage is labelled
``identical`` (the same words), ``ocr_noisy`` (one side was OCR'd and they differ only as OCR
differs) or ``minor_changes``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from checks.dup_text import Body
from checks.shingles import SEED_N, TOKEN, all_of, fold

MAX_REPEAT = 4
GAP = 30
DRIFT = 8  # how much further one text may advance than the other between two seeds
MERGE_GAP = 60
MIN_SEEDS = 4
MIN_CROWDED = 12  # seeds with a neighbour, below which no passage of MIN_TOKENS can agree
MIN_TOKENS = 15
MIN_SCORE = 60.0
OCR_NOISE = 90.0  # folded ratio at or above which an OCR'd pair counts as the same text


@dataclass(frozen=True)
class Passage:
    ours: tuple[int, int]  # first and last token, inclusive
    theirs: tuple[int, int]
    seeds: int
    score: float  # rapidfuzz ratio of the two texts, case and punctuation aside (0-100)
    folded_score: float  # the same without diacritics
    label: str  # identical | minor_changes | ocr_noisy


def seed_pairs(ours: Body, ours_own: np.ndarray, theirs: Body,
               theirs_own: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(i, j): our seed at token i equals theirs at token j; sorted by i, then j."""
    mine = np.flatnonzero(all_of(ours_own, SEED_N))
    other = np.flatnonzero(all_of(theirs_own, SEED_N))
    if not len(mine) or not len(other):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    oh, th = ours.seeds[mine], theirs.seeds[other]
    order = np.argsort(th, kind="stable")
    th_sorted, th_at = th[order], other[order]
    lo, hi = np.searchsorted(th_sorted, oh, "left"), np.searchsorted(th_sorted, oh, "right")
    n = hi - lo
    keep = (n >= 1) & (n <= MAX_REPEAT)
    mine, lo, n = mine[keep], lo[keep], n[keep]
    total = int(n.sum())
    if not total:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    i = np.repeat(mine, n)
    starts = np.repeat(lo - np.concatenate(([0], np.cumsum(n)[:-1])), n) + np.arange(total)
    return i, th_at[starts]


def crowded(i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Which seeds have another seed near them (within about GAP tokens along both texts and
    DRIFT of the same diagonal): the only ones that can chain. Random shared 3-grams of two
    texts on one topic are many and lonely; dropping them first keeps ``chain`` short."""
    if len(i) < 2:
        return np.zeros(len(i), dtype=bool)
    ci, cd = i // GAP, (j - i) // DRIFT
    key = ci * (1 << 32) + cd
    cells, counts = np.unique(key, return_counts=True)
    near = np.zeros(len(i), dtype=np.int64)
    for di in (-1, 0, 1):
        for dd in (-1, 0, 1):
            k = (ci + di) * (1 << 32) + (cd + dd)
            at = np.searchsorted(cells, k).clip(0, len(cells) - 1)
            near += np.where(cells[at] == k, counts[at], 0)
    return near > 1  # itself, and at least one more


def chain(i: np.ndarray, j: np.ndarray) -> list[list[int]]:
    """Seeds -> passages [i0, j0, i1, j1, seeds] (i1, j1: the last seed's start)."""
    active: list[list[int]] = []
    done: list[list[int]] = []
    for a, b in zip(i.tolist(), j.tolist()):
        still = []
        for p in active:
            (done if a - p[2] > GAP else still).append(p)
        active = still
        best, cost = None, None
        for p in active:
            di, dj = a - p[2], b - p[3]
            if 0 < di <= GAP and 0 < dj <= GAP and abs(dj - di) <= DRIFT:
                c = di + abs(dj - di)
                if cost is None or c < cost:
                    best, cost = p, c
        if best is None:
            active.append([a, b, a, b, 1])
        else:
            best[2], best[3] = a, max(b, best[3])
            best[4] += 1
    return done + active


def merge(passages: list[list[int]]) -> list[list[int]]:
    out: list[list[int]] = []
    for p in sorted(passages):
        q = out[-1] if out else None
        gi, gj = (p[0] - q[2], p[1] - q[3]) if q else (0, 0)
        if q and 0 < gi <= MERGE_GAP and 0 < gj <= MERGE_GAP and abs(gi - gj) <= 2 * DRIFT:
            q[2], q[3], q[4] = max(q[2], p[2]), max(q[3], p[3]), q[4] + p[4]
        elif q and p[0] <= q[2] + SEED_N - 1:  # overlaps in our text: the richer one stays
            if p[4] > q[4]:
                out[-1] = p
        else:
            out.append(list(p))
    return out


def align(ours: Body, theirs: Body, ours_own: np.ndarray | None = None,
          theirs_own: np.ndarray | None = None) -> list[Passage]:
    """Passages of our own text (``ours_own``, default ``ours.own``) found in their own text."""
    own = ours.own if ours_own is None else ours_own
    i, j = seed_pairs(ours, own, theirs, theirs.own if theirs_own is None else theirs_own)
    keep = crowded(i, j)
    i, j = i[keep], j[keep]
    if len(i) < MIN_CROWDED:  # not enough to make one passage worth reporting
        return []
    found = [p for p in chain(i, j) if p[4] >= 2]
    out = []
    for i0, j0, i1, j1, n in merge(found):
        last_i, last_j = i1 + SEED_N - 1, j1 + SEED_N - 1
        if n < MIN_SEEDS or int(own[i0:last_i + 1].sum()) < MIN_TOKENS:
            continue
        a, b = ours.span(i0, last_i), theirs.span(j0, last_j)
        plain_a, plain_b = _plain(a), _plain(b)
        folded = fuzz.ratio(fold(plain_a), fold(plain_b))
        if folded < MIN_SCORE:
            continue
        score = fuzz.ratio(plain_a, plain_b)
        ocr = _any_ocr(ours, i0, last_i) or _any_ocr(theirs, j0, last_j)
        label = ("identical" if plain_a == plain_b else
                 "ocr_noisy" if ocr and folded >= OCR_NOISE else "minor_changes")
        out.append(Passage((i0, last_i), (j0, last_j), n, round(score, 1), round(folded, 1),
                           label))
    return out


def _plain(text: str) -> str:
    return " ".join(TOKEN.findall(text.lower()))


def _any_ocr(body: Body, first: int, last: int) -> bool:
    lines = range(int(body.line_of[first]), int(body.line_of[last]) + 1)
    return any(body.lines[k].ocr for k in lines)
