"""The retrieval index: which dossiers share prints with a new one.

A print is a sampled, hashed run of PRINT_N folded tokens of a dossier's own text
(``checks.shingles``). The index is an inverted file held in two numpy arrays sorted by print
(4 + 4 bytes a posting), plus a small *delta* of dossiers added since the last merge; a merge
(``compact``) inserts the delta into the sorted base in linear time. A dossier indexed again
(re-read, re-understood) replaces its earlier entry; the old postings are skipped until the
next merge.

Why an inverted file of prints and not MinHash LSH over whole dossiers: a section lifted into
an otherwise new dossier shares a tenth of its text, a Jaccard similarity LSH cannot find
without drowning in candidates; shared prints find it (every shared passage of a few dozen
words shares some), and the number of dossiers holding a print says directly which text is
template text (``checks.boilerplate.common_regions``). This is the fingerprinting of Manber
(1994) and MOSS, and the candidate retrieval step of the PAN text-alignment systems.

Pure data structure: persisting entries is the orchestrator's job (``ingest.duplicates``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

COMPACT_AT = 250_000  # postings in the delta before it is merged into the base
CLUSTER = 2  # shared prints at most this far apart in the text (in prints) form a run
PRESELECT = 20  # dossiers ranked by runs: this many times those asked for, by total weight


@dataclass(frozen=True)
class Hits:
    shared: int  # prints shared
    weight: float  # their idf weight
    clustered: float  # the weight of those in runs
    runs: int = 0  # how many of them are in runs


class PrintIndex:
    def __init__(self) -> None:
        self._h = np.zeros(0, dtype=np.uint32)  # base: prints, sorted
        self._d = np.zeros(0, dtype=np.uint32)  # base: dossier of each posting
        self._in_base: set[int] = set()
        self._stale: set[int] = set()  # in the base, but replaced or removed since
        self._delta: dict[int, np.ndarray] = {}
        self._delta_sorted: tuple[np.ndarray, np.ndarray] | None = None

    # ------------------------------------------------------------------ updates
    def add(self, dossier: int, prints: np.ndarray) -> None:
        """Index (or re-index) one dossier's prints."""
        if dossier in self._in_base:
            self._stale.add(dossier)
        self._delta[dossier] = np.unique(np.asarray(prints, dtype=np.uint32))
        self._delta_sorted = None
        if sum(len(p) for p in self._delta.values()) >= COMPACT_AT:
            self.compact()

    def add_many(self, entries: Iterable[tuple[int, np.ndarray]]) -> None:
        """Bulk load (start-up, archive import): one sort at the end."""
        for dossier, prints in entries:
            if dossier in self._in_base:
                self._stale.add(dossier)
            self._delta[dossier] = np.unique(np.asarray(prints, dtype=np.uint32))
        self._delta_sorted = None
        self.compact()

    def remove(self, dossier: int) -> None:
        self._delta.pop(dossier, None)
        self._delta_sorted = None
        if dossier in self._in_base:
            self._stale.add(dossier)

    def compact(self) -> None:
        """Merge the delta into the sorted base, dropping stale postings."""
        if self._stale:
            keep = ~np.isin(self._d, np.fromiter(self._stale, dtype=np.uint32))
            self._h, self._d = self._h[keep], self._d[keep]
            self._in_base -= self._stale
            self._stale.clear()
        if self._delta:
            h, d = self._delta_arrays()
            at = np.searchsorted(self._h, h)
            self._h = np.insert(self._h, at, h)
            self._d = np.insert(self._d, at, d)
            self._in_base |= set(self._delta)
            self._delta.clear()
            self._delta_sorted = None

    def _delta_arrays(self) -> tuple[np.ndarray, np.ndarray]:
        if self._delta_sorted is None:
            if self._delta:
                h = np.concatenate(list(self._delta.values()))
                d = np.concatenate([np.full(len(p), k, dtype=np.uint32)
                                    for k, p in self._delta.items()])
                order = np.argsort(h, kind="stable")
                self._delta_sorted = (h[order], d[order])
            else:
                self._delta_sorted = (np.zeros(0, np.uint32), np.zeros(0, np.uint32))
        return self._delta_sorted

    # ------------------------------------------------------------------ queries
    def __len__(self) -> int:
        return len((self._in_base - self._stale) | set(self._delta))

    def __contains__(self, dossier: int) -> bool:
        return dossier in self._delta or (dossier in self._in_base and dossier not in self._stale)

    @property
    def postings(self) -> int:
        return len(self._h) + sum(len(p) for p in self._delta.values())

    @property
    def nbytes(self) -> int:
        return self._h.nbytes + self._d.nbytes + sum(p.nbytes for p in self._delta.values())

    def df(self, prints: np.ndarray) -> np.ndarray:
        """How many dossiers hold each print (stale postings included until a merge)."""
        q = np.asarray(prints, dtype=np.uint32)
        out = np.searchsorted(self._h, q, "right") - np.searchsorted(self._h, q, "left")
        dh, _ = self._delta_arrays()
        return out + np.searchsorted(dh, q, "right") - np.searchsorted(dh, q, "left")

    def hits(self, prints: np.ndarray, *, max_df: int | None = None,
             exclude: Iterable[int] = ()) -> dict[int, int]:
        """Dossier -> how many of ``prints`` it holds, skipping prints held by more than
        ``max_df`` dossiers and the dossiers in ``exclude``."""
        return {k: h.shared for k, h in self.scores(prints, max_df=max_df, exclude=exclude).items()}

    def scores(self, prints: np.ndarray, *, max_df: int | None = None,
               exclude: Iterable[int] = ()) -> dict[int, Hits]:
        """Dossier -> what it shares of ``prints`` (given in text order), for every dossier
        sharing any (``best`` ranks without building this for the whole archive)."""
        return dict(self.best(prints, max_df=max_df, exclude=exclude, k=None))

    def best(self, prints: np.ndarray, *, k: int | None, max_df: int | None = None,
             exclude: Iterable[int] = (), min_shared: int = 1, min_linked: int = 0,
             scattered: float = 1.0) -> list[tuple[int, Hits]]:
        """The ``k`` dossiers (all when None) sharing the most of ``prints`` (in text order),
        best first. A print held by few dossiers weighs more (log(1 + N / df), the idf of
        retrieval); ``clustered`` is the weight of shared prints whose neighbour in the text
        (within CLUSTER prints) is shared too: a copied passage shares a run of prints,
        formulaic phrases share scattered ones. Rank: clustered + ``scattered`` × weight."""
        who, k_of, weight, first = self._postings(prints, max_df)
        if not len(who):
            return []
        ids, inverse, counts = np.unique(who, return_inverse=True, return_counts=True)
        total = np.bincount(inverse, weights=weight[k_of])
        ok = counts >= min_shared
        if exclude:
            ok &= ~np.isin(ids, np.fromiter(exclude, dtype=np.int64))
        chosen = np.flatnonzero(ok)
        if k is not None and len(chosen) > PRESELECT * k:  # runs only matter among the best
            chosen = chosen[np.argpartition(-total[chosen], PRESELECT * k)[:PRESELECT * k]]
        keep = np.zeros(len(ids), dtype=bool)
        keep[chosen] = True
        mine = keep[inverse]
        who, k_of = who[mine], k_of[mine]
        pos = first[k_of]
        order = np.lexsort((pos, who))
        who, k_of, pos = who[order], k_of[order], pos[order]
        near = (who[1:] == who[:-1]) & (pos[1:] - pos[:-1] <= CLUSTER)
        linked = np.zeros(len(who), dtype=bool)
        linked[1:] |= near
        linked[:-1] |= near
        owners, start, shared = np.unique(who, return_index=True, return_counts=True)
        w = weight[k_of]
        sums = np.add.reduceat(w, start)
        clustered = np.add.reduceat(np.where(linked, w, 0.0), start)
        runs = np.add.reduceat(linked.astype(np.int64), start)
        good = runs >= min_linked
        rank = np.where(good, clustered + scattered * sums, -1.0)
        order = np.argsort(-rank, kind="stable")
        order = order[good[order]][:k]
        return [(int(owners[i]), Hits(int(shared[i]), float(sums[i]), float(clustered[i]),
                                      int(runs[i]))) for i in order]

    def _postings(self, prints: np.ndarray, max_df: int | None
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Every posting of ``prints``: (dossier, index of the print, weight of each print,
        position of each print in the text)."""
        seq = np.asarray(prints, dtype=np.uint32)
        q, first = np.unique(seq, return_index=True)
        df = self.df(q)
        keep = df > 0 if max_df is None else (df > 0) & (df <= max_df)
        q, df, first = q[keep], df[keep], first[keep]
        weight = np.log1p(max(len(self), 1) / np.maximum(df, 1))
        owners: list[np.ndarray] = []
        which: list[np.ndarray] = []
        for h, d, base in ((self._h, self._d, True), (*self._delta_arrays(), False)):
            lo, hi = np.searchsorted(h, q, "left"), np.searchsorted(h, q, "right")
            lens = hi - lo
            total = int(lens.sum())
            if not total:
                continue
            offsets = np.repeat(lo - np.concatenate(([0], np.cumsum(lens)[:-1])), lens)
            who, k = d[offsets + np.arange(total)], np.repeat(np.arange(len(q)), lens)
            if base and self._stale:  # replaced since: their new postings are in the delta
                live = ~np.isin(who, np.fromiter(self._stale, dtype=np.uint32))
                who, k = who[live], k[live]
            owners.append(who)
            which.append(k)
        if not owners:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, weight, first
        return np.concatenate(owners).astype(np.int64), np.concatenate(which), weight, first
