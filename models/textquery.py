"""What a person typed into the search box, made safe; and the passages that show why a dossier
matched.

A query is folded like the index (``checks.shingles.fold``: lower case, no diacritics, "đ" as
"d") and cut into tokens (runs of letters and digits, as ``checks.shingles.TOKEN``). Nothing
the person typed reaches a search engine as syntax: each token is quoted by this module, so
``"``, ``*``, ``NEAR(``, ``OR``, ``-x``, ``:``, ``'`` and ``&|!`` are plain separators.

    sang ki             every word must occur; the last one also as a prefix ("sang ki" finds
                        "sáng kiến"), unless the query ends in a space or the word is a number
    "sáng kiến kinh"    a phrase: its words next to each other, in that order
    (empty)             no text condition: the caller lists by filters, newest first

Snippets are cut from the page text as stored (diacritics and case as written); the words
highlighted are those whose folded form is a query word (or starts with the prefix word), or
a run of words that spells a phrase.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from checks.shingles import TOKEN, fold, tokens

MAX_CHARS = 500  # of the query; the rest is ignored
MAX_TOKENS = 12  # words and phrase words together
MIN_PREFIX = 2  # a one-letter prefix would match most of the index
SNIPPETS = 3
BEFORE, AFTER = 60, 160  # characters of context before and after a snippet's first term
MAX_PAGES = 400  # pages looked at for snippets, per dossier
MAX_HITS = 300  # highlighted words of a page considered as the start of a snippet
_ENDS_IN_WORD = re.compile(r"[^\W_]\Z")
_SPACES = re.compile(r"\s+")
_SPACE = re.compile(r"\s")
_WORD_TAIL = r"[^\W_]*"  # the rest of a word whose start was typed
_BETWEEN = r"[\W_]+"  # between two words of a phrase: anything but letters and digits


@dataclass(frozen=True)
class Query:
    words: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    prefix: bool = False  # the last word matches as a prefix

    @property
    def empty(self) -> bool:
        return not self.words and not self.phrases

    def fts5(self) -> str:
        """An FTS5 MATCH expression: every token double-quoted (tokens hold no quote)."""
        parts = [f'"{w}"' for w in self.words]
        if self.prefix:
            parts[-1] += "*"
        parts += ['"' + " ".join(p) + '"' for p in self.phrases]
        return " ".join(parts)

    def tsquery(self, *, phrases: bool = True) -> str:
        """Text for PostgreSQL's ``to_tsquery('simple', …)``: every token single-quoted. Without
        ``phrases`` a phrase's words are only required, not in order (no recheck needed)."""
        parts = [_lexeme(w) for w in self.words]
        if self.prefix:
            parts[-1] += ":*"
        for p in self.phrases:
            if phrases:
                parts.append("(" + " <-> ".join(_lexeme(t) for t in p) + ")")
            else:
                parts.extend(_lexeme(t) for t in p)
        return " & ".join(parts)


def _lexeme(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def parse(text: str | None) -> Query:
    """The words and phrases of ``text``: double quotes open and close phrases (an unclosed one
    runs to the end); a phrase of one word is a word."""
    text = (text or "")[:MAX_CHARS]
    parts = text.split('"')
    words: list[str] = []
    phrases: list[tuple[str, ...]] = []
    budget = MAX_TOKENS
    for i, part in enumerate(parts):
        found = TOKEN.findall(fold(part))[:budget]
        budget -= len(found)
        if i % 2 and len(found) > 1:
            phrases.append(tuple(found))
        else:
            words.extend(found)
    last = words[-1] if words else ""
    unique = tuple(dict.fromkeys(words))
    prefix = (len(parts) % 2 == 1 and bool(_ENDS_IN_WORD.search(parts[-1])) and bool(last)
              and unique[-1] == last and len(last) >= MIN_PREFIX and not last.isdigit()
              and TOKEN.findall(fold(parts[-1]))[-1:] == [last])
    return Query(unique, tuple(dict.fromkeys(phrases)), prefix)


def index_text(text: str) -> str:
    """``text`` as the index holds it: its folded tokens, one space apart."""
    return " ".join(TOKEN.findall(fold(text)))


# ---------------------------------------------------------------------------- snippets


@dataclass(frozen=True)
class PageText:
    file: str  # the document's path in the dossier
    position: int  # the document's position (the API's /files/{position}/…)
    page: int
    text: str


@dataclass(frozen=True)
class Snippet:
    file: str
    position: int
    page: int
    segments: tuple[tuple[str, bool], ...]  # (original text, highlighted)


def snippets(pages: Sequence[PageText], query: Query, n: int = SNIPPETS) -> tuple[Snippet, ...]:
    """Up to ``n`` passages, best first (most query terms), at most one per page; pages are read
    in order until ``n`` passages hold every term."""
    if query.empty:
        return ()
    wanted = len(query.words) + len(query.phrases)
    found: list[tuple[int, int, Snippet]] = []
    for order, page in enumerate(pages[:MAX_PAGES]):
        best = _best_window(page, query)
        if best is not None:
            found.append((-best[0], order, best[1]))
            if sum(score == -wanted for score, _, _ in found) >= n:
                break
    return tuple(s for _, _, s in sorted(found, key=lambda x: x[:2])[:n])


Match = tuple[int, int, int]  # start, end (offsets in the page text), which term


def _best_window(page: PageText, query: Query) -> tuple[int, Snippet] | None:
    matches = _matches(page.text, query)
    if not matches:
        return None
    best_score, anchor = 0, matches[0][0]
    seen: Counter[int] = Counter()  # terms of the matches from i to j - 1
    j = 0
    for start, _, term in matches:  # the window opening at each match in turn
        while j < len(matches) and matches[j][0] <= start + AFTER:
            seen[matches[j][2]] += 1
            j += 1
        if len(seen) > best_score:
            best_score, anchor = len(seen), start
        seen[term] -= 1
        if not seen[term]:
            del seen[term]
    text = page.text
    a = 0 if anchor <= BEFORE else _word_start(text, anchor - BEFORE, anchor)
    b = anchor + AFTER
    inside = [m for m in matches if a <= m[0] < b]
    b = max(b, *(e for _, e, _ in inside))
    space = _SPACE.search(text, b)
    b = space.start() if space else len(text)
    return best_score, Snippet(page.file, page.position, page.page, _segments(text, a, b, inside))


def _word_start(text: str, at: int, limit: int) -> int:
    space = _SPACE.search(text, at, limit)
    return space.end() if space else at


def _matches(text: str, query: Query) -> list[Match]:
    """Where the query's terms occur in ``text`` (folded, token for token)."""
    folded = fold(text)
    if not any(w in folded for w in query.words) and not any(
            all(t in folded for t in p) for p in query.phrases):
        return []
    if len(folded) != len(text):  # decomposed marks: fold token by token, keeping offsets
        return _matches_by_token(text, query)
    pattern = _pattern(query)
    return [(m.start(), m.end(), int(m.lastgroup[1:])) for m in pattern.finditer(folded)][:MAX_HITS]


@lru_cache(maxsize=256)
def _pattern(query: Query) -> re.Pattern[str]:
    """One alternative per term (group ``tN``), each a whole token or run of tokens."""
    terms = [re.escape(w) + (_WORD_TAIL if query.prefix and i == len(query.words) - 1 else "")
             for i, w in enumerate(query.words)]
    terms += [_BETWEEN.join(map(re.escape, p)) for p in query.phrases]
    alternatives = "|".join(f"(?P<t{i}>{t})" for i, t in enumerate(terms))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")


def _matches_by_token(text: str, query: Query) -> list[Match]:
    starts, ends, forms = tokens(text)
    out: list[Match] = []
    last = len(query.words) - 1
    for k, f in enumerate(forms):
        for t, w in enumerate(query.words):
            if f == w or (query.prefix and t == last and f.startswith(w)):
                out.append((starts[k], ends[k], t))
                break
    for p, phrase in enumerate(query.phrases, len(query.words)):
        size = len(phrase)
        out += [(starts[k], ends[k + size - 1], p) for k in range(len(forms) - size + 1)
                if tuple(forms[k:k + size]) == phrase]
    return sorted(out)[:MAX_HITS]


def _segments(text: str, a: int, b: int, inside: list[Match]) -> tuple[tuple[str, bool], ...]:
    """``text[a:b]`` as (piece, highlighted); matches apart only by spaces are one piece."""
    lit: list[list[int]] = []
    for start, end, _ in sorted(inside):
        if lit and (start <= lit[-1][1] or not text[lit[-1][1]:start].strip()):
            lit[-1][1] = max(lit[-1][1], end)
        else:
            lit.append([start, end])
    out: list[tuple[str, bool]] = []
    pos = a
    for start, end in lit:
        if start > pos:
            out.append((_SPACES.sub(" ", text[pos:start]), False))
        out.append((_SPACES.sub(" ", text[start:end]), True))
        pos = end
    if b > pos:
        out.append((_SPACES.sub(" ", text[pos:b]), False))
    return tuple(out)
