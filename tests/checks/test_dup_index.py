"""The print index: incremental updates, re-indexing, removal and merging keep answers exact."""

from __future__ import annotations

import numpy as np
import pytest

from checks import dup_index
from checks.dup_index import PrintIndex


def prints(*values: int) -> np.ndarray:
    return np.array(values, dtype=np.uint32)


def test_hits_count_shared_prints_per_dossier() -> None:
    idx = PrintIndex()
    idx.add(1, prints(10, 20, 30))
    idx.add(2, prints(20, 30, 40, 50))
    assert idx.hits(prints(20, 30, 50)) == {1: 2, 2: 3}
    assert idx.hits(prints(20, 30, 50), exclude=[2]) == {1: 2}
    assert list(idx.df(prints(10, 20, 99))) == [1, 2, 0]


def test_common_prints_are_skipped() -> None:
    idx = PrintIndex()
    for d in range(1, 6):
        idx.add(d, prints(7, 100 + d))
    assert idx.hits(prints(7, 101), max_df=3) == {1: 1}
    assert idx.hits(prints(7, 101)) == {1: 2, 2: 1, 3: 1, 4: 1, 5: 1}


def test_reindexing_replaces_before_and_after_a_merge() -> None:
    idx = PrintIndex()
    idx.add(1, prints(1, 2, 3))
    idx.compact()
    idx.add(1, prints(3, 4))  # re-read: the old prints 1, 2 are gone, 3 counts once
    assert idx.hits(prints(1, 2, 3, 4)) == {1: 2}
    idx.compact()
    assert idx.hits(prints(1, 2, 3, 4)) == {1: 2}
    assert idx.postings == 2 and len(idx) == 1


def test_removed_dossiers_are_never_returned() -> None:
    idx = PrintIndex()
    idx.add_many([(1, prints(5, 6)), (2, prints(5))])
    idx.remove(1)
    assert idx.hits(prints(5, 6)) == {2: 1} and 1 not in idx
    idx.compact()
    assert idx.hits(prints(5, 6)) == {2: 1} and len(idx) == 1


def test_delta_merges_by_itself_and_matches_a_fresh_build(monkeypatch) -> None:
    monkeypatch.setattr(dup_index, "COMPACT_AT", 50)
    rng = np.random.default_rng(1)
    entries = [(d, rng.integers(0, 500, 30).astype(np.uint32)) for d in range(40)]
    step = PrintIndex()
    for d, p in entries:
        step.add(d, p)
    bulk = PrintIndex()
    bulk.add_many(entries)
    q = rng.integers(0, 500, 80).astype(np.uint32)
    assert step.hits(q) == bulk.hits(q)
    assert step.postings == bulk.postings


def test_a_run_of_shared_prints_outweighs_as_many_scattered_ones() -> None:
    idx = PrintIndex()
    idx.add(1, prints(1, 2, 3, 4))  # shares a run: prints 1..4 follow each other in the text
    idx.add(2, prints(10, 20, 30, 40))  # shares four prints scattered through the text
    text = prints(1, 2, 3, 4, 50, 51, 10, 52, 53, 20, 54, 55, 30, 56, 57, 40)
    got = idx.scores(text)
    assert got[1].shared == got[2].shared == 4
    assert got[1].weight == pytest.approx(got[2].weight)
    assert got[1].clustered == pytest.approx(got[1].weight) and got[2].clustered == 0


def test_best_ranks_runs_first_and_applies_its_limits() -> None:
    idx = PrintIndex()
    idx.add(1, prints(1, 2, 3, 4, 5))  # a run of five
    idx.add(2, prints(10, 20, 30, 40, 50, 60))  # six, scattered
    idx.add(3, prints(1, 2))  # too few
    text = prints(1, 2, 3, 4, 5, 70, 71, 10, 72, 73, 20, 74, 75, 30, 76, 77, 40, 78, 79, 50, 80, 81, 60)
    got = idx.best(text, k=5, min_shared=3)
    assert [d for d, _ in got] == [1, 2]
    assert [d for d, _ in idx.best(text, k=5, min_shared=3, min_linked=4)] == [1]
    assert [d for d, _ in idx.best(text, k=1, min_shared=1)] == [1]
    assert [d for d, _ in idx.best(text, k=5, min_shared=3, exclude=[1])] == [2]
