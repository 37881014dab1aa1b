"""Grouping loose files into dossiers: files uploaded together, each already read,
classified, and with its title and author names extracted (either may be missing).

Files are joined (union-find) in three passes, strongest evidence first:

1. titles that match: folded, label words ("Tên sáng kiến:", "Đề tài:") and punctuation
   dropped, rapidfuzz ``token_set_ratio`` >= ``TITLE_SCORE``. Titles repeat by formula
   ("Một số biện pháp nâng cao …"), so the set ratio alone is not enough: the words one
   title has and the other lacks (a one-letter OCR slip counts as the same word) may sit on
   one side only and be few (``COVER``): "… lớp 6" and "… lớp 9" stay apart, and so do a
   bare formula and a full title that starts with it;
2. author sets that overlap strongly (half of the smaller set, by folded full name), when
   at least one of the two files has no title, or their titles are close; a join that would
   put two requests or two descriptions in one dossier is refused (the same teacher may
   file two initiatives in one batch);
3. a file with neither title nor authors (the second photo of a request, an appendix) joins
   the file whose name shares the longest common prefix with its own — folder included —
   if that prefix is long enough and no other group ties with it; otherwise it stays alone.

Groups come back as lists of indexes in input order, ordered by their first index.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from os.path import commonprefix

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ingest.vietnamese import fold

TITLE_SCORE = 88.0  # token_set_ratio of two folded titles
COVER = 0.85  # share of the longer title's words that both titles must have
CLOSE_TITLES = 70.0  # token_sort_ratio under which two titles are about different things
AUTHOR_SHARE = 0.5  # shared authors / authors of the smaller set
MIN_PREFIX = 5  # characters of a shared file-name prefix that mean something
ONE_PER_DOSSIER = ("don_yeu_cau", "mo_ta")
LABELS = re.compile(r"^(?:ten sang kien|ten de tai|de tai|sang kien|ten)\s*:?\s*")


@dataclass(frozen=True)
class LooseFile:
    name: str
    kind: str
    title: str | None
    authors: tuple[str, ...]


def group_loose(files: Sequence[LooseFile]) -> list[list[int]]:
    """Indexes of ``files`` grouped by dossier; every index appears exactly once."""
    groups = _Groups(files)
    titles = [_title_key(f.title) for f in files]
    authors = [frozenset(_name_key(a) for a in f.authors if _name_key(a)) for f in files]
    n = len(files)
    for i in range(n):
        for j in range(i + 1, n):
            if titles[i] and titles[j] and titles_match(titles[i], titles[j]) and (
                    not _authors_differ(authors[i], authors[j])
                    or ({files[i].kind, files[j].kind} == set(ONE_PER_DOSSIER)
                        and groups.complementary(i, j))):
                # other authors under the same title: another dossier, unless the two are a
                # request and a description that complete each other (authors mismatch)
                groups.join(i, j, strict=True)
    for i in range(n):
        for j in range(i + 1, n):
            if _authors_match(authors[i], authors[j]) and _titles_allow(titles[i], titles[j]):
                groups.join(i, j, strict=True)
    # the same authors, titles that disagree (the description retitled): only a request
    # half and a description half that complete each other
    for i in range(n):
        for j in range(i + 1, n):
            if _authors_match(authors[i], authors[j]) and groups.complementary(i, j):
                groups.join(i, j, strict=True)
    for i in range(n):
        if not titles[i] and not authors[i]:
            partner = _name_partner(i, files, groups)
            if partner is not None:
                groups.join(i, partner)
    return groups.listed()


def titles_match(a: str, b: str) -> bool:
    """Two folded title keys name the same initiative: close as word sets, and what one has
    that the other lacks is either nothing or a short tail, never a different word on
    each side ("… lớp 6" / "… lớp 9", "môn Toán" / "môn Tiếng Việt")."""
    if fuzz.token_set_ratio(a, b) < TITLE_SCORE:
        return False
    only_a, only_b = _unpaired(a.split(), b.split())
    if only_a and only_b and not _glued(only_a, only_b):
        return False  # a real difference on both sides
    longer = max(len(a.split()), len(b.split()))
    return max(len(only_a), len(only_b)) <= (1 - COVER) * longer


def _glued(a: list[str], b: list[str]) -> bool:
    """OCR glued or split words: "bophan" / "bo phan" (one slip allowed)."""
    return len(a) != len(b) and Levenshtein.distance("".join(a), "".join(b)) <= 1


def _unpaired(a: list[str], b: list[str]) -> tuple[list[str], list[str]]:
    """The words of each title that the other lacks, where a word that differs by one OCR
    slip ("kien"/"klen") from a word of the other title counts as present."""
    only_a = [w for w in a if w not in set(b)]
    only_b = [w for w in b if w not in set(a)]
    for w in list(only_a):
        twin = next((v for v in only_b if min(len(v), len(w)) >= 3
                     and Levenshtein.distance(v, w) <= 1), None)
        if twin is not None:
            only_a.remove(w)
            only_b.remove(twin)
    return only_a, only_b


def _titles_allow(a: str, b: str) -> bool:
    return not a or not b or fuzz.token_sort_ratio(a, b) >= CLOSE_TITLES


def _authors_differ(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both files name their authors and no name is shared: two dossiers with one title."""
    return bool(a) and bool(b) and not a & b


def _authors_match(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return False
    return len(a & b) >= AUTHOR_SHARE * min(len(a), len(b))


def _name_partner(i: int, files: Sequence[LooseFile], groups: _Groups) -> int | None:
    """The file whose name shares the longest prefix with file i's, when that is unique."""
    stem = _name_key(files[i].name)
    best, best_len, tied = None, 0, False
    for j, other in enumerate(files):
        if j == i:
            continue
        length = len(commonprefix([stem, _name_key(other.name)]))
        if length > best_len:
            best, best_len, tied = j, length, False
        elif length == best_len and best is not None and groups.find(j) != groups.find(best):
            tied = True
    return best if best_len >= MIN_PREFIX and not tied else None


def _title_key(title: str | None) -> str:
    if not title:
        return ""
    key = " ".join(re.sub(r"[\W_]+", " ", fold(title).lower()).split())
    return LABELS.sub("", key)


def _name_key(text: str) -> str:
    """Folded, lower-case, separators made single spaces; a file's extension dropped."""
    text = re.sub(r"\.[A-Za-z0-9]{2,4}$", "", text)
    return " ".join(re.sub(r"[\W_]+", " ", fold(text).lower()).split())


class _Groups:
    """Union-find over file indexes that knows how many requests and descriptions each
    group holds, to refuse joins that would give a dossier two of either."""

    def __init__(self, files: Sequence[LooseFile]) -> None:
        self.parent = list(range(len(files)))
        self.kinds = [{k: int(f.kind == k) for k in ONE_PER_DOSSIER} for f in files]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int, *, strict: bool = False) -> None:
        a, b = self.find(i), self.find(j)
        if a == b:
            return
        if strict and any(self.kinds[a][k] + self.kinds[b][k] > 1 for k in ONE_PER_DOSSIER):
            return
        lo, hi = sorted((a, b))
        self.parent[hi] = lo
        self.kinds[lo] = {k: self.kinds[lo][k] + self.kinds[hi][k] for k in ONE_PER_DOSSIER}

    def complementary(self, i: int, j: int) -> bool:
        """One group has the request and no description, the other the reverse."""
        a, b = self.kinds[self.find(i)], self.kinds[self.find(j)]
        return {(a["don_yeu_cau"], a["mo_ta"]), (b["don_yeu_cau"], b["mo_ta"])} == {(1, 0), (0, 1)}

    def listed(self) -> list[list[int]]:
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.find(i), []).append(i)
        return sorted(out.values(), key=lambda g: g[0])


# ---------------------------------------------------------------------------- other documents

QUOTED = re.compile(r"sáng kiến[^“\"\n]{0,40}[“\"]([^”\"]{12,400})[”\"]", re.IGNORECASE)
NAMED = re.compile(r"(?:nhóm tác giả|tác giả)\s*:?\s*([^\n.]{3,200})", re.IGNORECASE)


def mentioned(text: str) -> tuple[str | None, tuple[str, ...]]:
    """The initiative's title and authors as another document names them: a proof of
    application or council minutes write 'Sáng kiến: “…”' and 'Nhóm tác giả: A, B'."""
    flat = " ".join(text.split())
    title = QUOTED.search(flat)
    authors = NAMED.search(text)
    names = ()
    if authors:
        names = tuple(n.strip(" ;,") for n in re.split(r"[,;]| và ", authors.group(1))
                      if 1 < len(n.split()) <= 5)
    return (" ".join(title.group(1).split()) if title else None), names
