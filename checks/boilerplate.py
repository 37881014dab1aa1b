"""Template text that every dossier shares, so that it never counts toward similarity.

Two kinds, both removed from a dossier's "own" text before it is compared:

- **registered text** (``Boilerplate``): the national header, form labels, the templates'
  headings and the laws dossiers quote (``checks/boilerplate/builtin.txt``), the section
  headings of every rule profile, and any template an admin registers. A token is template
  text when a run of ``SEED_N`` folded tokens through it occurs in that text; islands of one
  or two tokens between template runs (an OCR slip, a footnote digit) go with them.
- **common text** (``common_regions``): what many dossiers of the archive share although nobody
  registered it (a provincial decision every unit quotes, a new form). The retrieval index
  knows how many dossiers hold each print; a stretch of text between prints held by more than
  ``common_df`` dossiers counts as common.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from checks.shingles import SEED_N, cover, grams, token_ids, tokens

BUILTIN = Path(__file__).resolve().parent / "boilerplate" / "builtin.txt"
ISLAND = 2  # tokens between two template runs that go with them
COMMON_GAP = 24  # tokens between two common prints that count as common too
COMMON_FLOOR = 25  # a print is common when more than max(floor, share * archive) dossiers hold it
COMMON_SHARE = 0.01


def builtin_texts() -> list[str]:
    lines = BUILTIN.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.lstrip().startswith("#")]


@dataclass(frozen=True)
class Boilerplate:
    texts: tuple[str, ...]

    @classmethod
    def standard(cls, extra: Iterable[str] = ()) -> Boilerplate:
        return cls(tuple(builtin_texts()) + tuple(t for t in extra if t.strip()))

    @cached_property
    def seeds(self) -> np.ndarray:
        """Sorted hashes of every SEED_N-gram of the template texts."""
        out = [grams(token_ids(tokens(t)[2]), SEED_N) for t in self.texts]
        return np.unique(np.concatenate(out)) if out else np.zeros(0, dtype=np.uint64)

    def mask(self, seed_hashes: np.ndarray, length: int) -> np.ndarray:
        """Token mask of a text (given its SEED_N-gram hashes) that is template text."""
        if not len(self.seeds) or not len(seed_hashes):
            return np.zeros(length, dtype=bool)
        pos = np.searchsorted(self.seeds, seed_hashes).clip(0, len(self.seeds) - 1)
        hit = self.seeds[pos] == seed_hashes
        return close_islands(cover(np.flatnonzero(hit), SEED_N, length), ISLAND)


def close_islands(mask: np.ndarray, gap: int) -> np.ndarray:
    """Set runs of at most ``gap`` unset tokens that lie between two set tokens."""
    on = np.flatnonzero(mask)
    if len(on) < 2:
        return mask
    out = mask.copy()
    jumps = np.diff(on)
    for left, width in zip(on[:-1][(jumps > 1) & (jumps <= gap + 1)],
                           jumps[(jumps > 1) & (jumps <= gap + 1)]):
        out[left + 1:left + width] = True
    return out


def common_df(archive_size: int) -> int:
    return max(COMMON_FLOOR, int(COMMON_SHARE * archive_size))


def common_regions(print_starts: np.ndarray, common: np.ndarray, n: int, length: int,
                   line_of: np.ndarray | None = None) -> np.ndarray:
    """Token mask of common text: the tokens of prints (n-grams starting at ``print_starts``)
    marked ``common``, stretches of at most COMMON_GAP tokens between two of them (the
    unsampled n-grams of the same shared text), and whole lines (paragraphs) at least half of
    whose prints are common (a quoted law's first and last words)."""
    mask = close_islands(cover(print_starts[common], n, length), COMMON_GAP)
    if line_of is not None and len(print_starts):
        lines = line_of[print_starts]
        total = np.bincount(lines)
        shared = np.bincount(lines, weights=common.astype(float), minlength=len(total))
        mostly = np.flatnonzero((total > 0) & (shared * 2 >= total) & (shared > 0))
        mask |= np.isin(line_of, mostly)
    return mask
