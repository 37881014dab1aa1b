"""Template text that every dossier shares, so that it never counts toward similarity.

Two kinds, both removed from a dossier's "own" text before it is compared:

- **registered text** (``Boilerplate``): the national header, form labels, the templates'
  headings and the laws dossiers quote (``checks/boilerplate/builtin.txt``), the section
  headings of every rule profile, and any template an admin registers. A token is template
  text when a run of ``SEED_N`` folded tokens through it occurs in that text; islands of one
  or two tokens between template runs (an OCR slip, a footnote digit) go with them.
- **common text** (``common_regions``): what many dossiers of the archive share although nobody
  registered it (a provincial decision every unit quotes, a new form). The retrieval index
  knows how many dossiers hold each print; a stretch of text where nearly every print is held
  by more than ``common_df`` dossiers counts as template text. Common phrases inside prose
  stay: they weigh little in retrieval (``checks.dup_index``) and cannot by themselves make a
  passage long enough to count (``checks.duplicates``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from checks.profiles import Profile
from checks.shingles import SEED_N, cover, grams, token_ids, tokens

BUILTIN = Path(__file__).resolve().parent / "boilerplate" / "builtin.txt"
ISLAND = 2  # tokens between two template runs that go with them
TEMPLATE_LINE = 0.6  # a line this much template text is template text
COMMON_GAP = 24  # tokens between two template prints that count as template too
COMMON_FLOOR = 25  # a print is common when more than max(floor, share * archive) dossiers hold it
COMMON_SHARE = 0.02
COMMON_WINDOW = 3  # prints on either side that say whether a common print is in template text
COMMON_DENSITY = 0.8


def builtin_texts() -> list[str]:
    lines = BUILTIN.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.lstrip().startswith("#")]


@dataclass(frozen=True)
class Boilerplate:
    texts: tuple[str, ...]

    @classmethod
    def standard(cls, extra: Iterable[str] = ()) -> Boilerplate:
        return cls(tuple(builtin_texts()) + tuple(t for t in extra if t.strip()))

    @classmethod
    def for_profiles(cls, profiles: Mapping[str, Profile], registered: Iterable[str] = ()
                     ) -> Boilerplate:
        """The built-in text, every profile's section headings, and an admin's templates."""
        headings = (h for p in profiles.values() for hs in p.cues.values() for h in hs)
        return cls.standard((*headings, *registered))

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

    def mask_lines(self, seed_hashes: np.ndarray, line_of: np.ndarray) -> np.ndarray:
        """``mask``, completed to every line that is mostly template text (a quoted article
        of which only the first sentences are registered)."""
        return whole_lines(self.mask(seed_hashes, len(line_of)), line_of, TEMPLATE_LINE)


def whole_lines(mask: np.ndarray, line_of: np.ndarray, share: float = 0.5,
                among: np.ndarray | None = None) -> np.ndarray:
    """Set every line (paragraph) that has at least ``share`` of its tokens (of those in
    ``among``) set: a template paragraph's first and last words go with it."""
    if not len(mask):
        return mask
    pool = np.ones(len(mask), dtype=bool) if among is None else among
    total = np.bincount(line_of, weights=pool.astype(float))
    marked = np.bincount(line_of, weights=(mask & pool).astype(float), minlength=len(total))
    full = (total > 0) & (marked >= share * total)
    return mask | full[line_of]


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
                   line_of: np.ndarray | None = None, own: np.ndarray | None = None) -> np.ndarray:
    """Token mask of shared template text: stretches where at least COMMON_DENSITY of the
    prints around each print (COMMON_WINDOW on either side) are common, completed to the whole
    line when they hold half of its own tokens (``line_of``, ``own``). A quoted law is common
    print after print; a paragraph of ordinary prose shares some phrases with many dossiers
    ("nâng cao chất lượng") but not most of them, and stays."""
    if not len(print_starts):
        return np.zeros(length, dtype=bool)
    order = np.argsort(print_starts, kind="stable")
    at, c = print_starts[order], common[order].astype(float)
    width = 2 * COMMON_WINDOW + 1
    padded = np.concatenate((np.zeros(COMMON_WINDOW), c, np.zeros(COMMON_WINDOW)))
    present = np.concatenate((np.zeros(COMMON_WINDOW), np.ones(len(c)), np.zeros(COMMON_WINDOW)))
    kernel = np.ones(width)
    share = np.convolve(padded, kernel, "valid") / np.convolve(present, kernel, "valid")
    template = (share >= COMMON_DENSITY) & (c > 0)
    mask = close_islands(cover(at[template], n, length), COMMON_GAP)
    if line_of is None:
        return mask
    # a short quoted line: the two or three prints inside it are all common
    inside = line_of[at] == line_of[np.minimum(at + n - 1, length - 1)]
    lines = line_of[at][inside]
    total = np.bincount(lines, minlength=int(line_of.max()) + 1)
    shared = np.bincount(lines, weights=c[inside], minlength=len(total))
    mask |= ((total >= 2) & (shared == total))[line_of]
    return whole_lines(mask, line_of, 0.5, own)
