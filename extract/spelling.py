"""OCR's letter slips in a field value put right against a Vietnamese lexicon and the dossier.

Tesseract misreads a mark or a letter here and there even on a clean scan: "dư án" for
"dự án", "nhân dần" for "nhân dân", "Cao đằng", "V tế" for "Y tế", glued syllables
("Tàichính"), a rule read as a letter ("Isư", "Trạmn"). Most slips are real syllables, so a
syllable checker lets them through; what gives them away is that the words around them no
longer make a Vietnamese word.

**Lexicon.** underthesea's (Apache-2.0): its 74 000-entry word list ``Viet74K`` and the names
of the country's provinces, districts and communes from its address data (units carry a
place name: "xã Quyết Thắng"). Entries of 2–4 syllables are the words; every syllable of
every entry is a known syllable. Spellings compare by ``key``: letters and marks, wherever
the tone sits ("Ủy" = "uỷ").

**Reading.** ``respell`` reads a value as tokens and, by dynamic programming, picks the
reading that covers the most syllables with lexicon words, where each syllable changed
costs ``CHANGE`` (more than the one syllable it makes a word of). A token may be read as
written, with another tone or vowel mark, with a first capital OCR confuses (V/Ÿ -> Y,
I -> T, G -> C), and, when it is no syllable, with a stray letter at either end dropped or
as two or three glued syllables (such a token may also be read on its own, ``_alone``).
Two words equally close leave the text as it is.

**Evidence.** What may change on the lexicon alone is only what cannot be right as it is: a
token that is no syllable, and a syllable OCR itself was unsure of (word confidence under
``UNSURE`` wherever the dossier has it, and never typed in an exact text). A syllable that
is right as far as anyone can tell ("chuyển khoa", "năm sinh" — the word list has neither)
changes only when the dossier spells the corrected word, with the words either side of
it, at least as often as it spells what was read (``Evidence``: OCR'd text counts once,
born-digital text twice).

Only values read by OCR are respelled; on the 13 samples' exact texts, every line comes
back unchanged (``tests/extract/test_spelling.py``).
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from ingest.vietnamese import fold, has_diacritic, syllable_ok
from models.domain import Word

CHANGE = 1.2  # cost of one changed syllable; a word covering n syllables earns n
MAX_WORD = 4  # syllables in the longest lexicon word looked for
ALONE = 1.5  # what a token that is no syllable earns read as known syllables on its own
UNSURE = 90  # OCR's word confidence under which a syllable it never read surer is a guess
CONFUSED = {"V": "Y", "Ÿ": "Y", "I": "T", "G": "C"}  # first capitals OCR reads for others
PLACE_KINDS = ("thành phố", "thị trấn", "thị xã", "phường", "huyện", "quận", "tỉnh", "xã")
_TOKEN = re.compile(r"^([^\w]*)(.*?)([^\w]*)$")
_LETTERS = re.compile(r"^[^\W\d_]+$")
# dashes as OCR leaves them: "—-", "~-", glued to a word ("chính—Kế", "pháp- Hộ")
_ETH = str.maketrans("Ðð", "Đđ")
_DASHES = re.compile(r"\s*[-–—~]{2,}\s*|(?<=\w)[–—](?=\w)|(?<=\w)[-–—](?=\s)")


def key(syllables: Iterable[str]) -> str:
    """Syllables compared as Vietnamese spells them: lower case, each syllable's letters and
    marks, wherever the tone sits ("Ủy ban" and "uỷ ban" have one key)."""
    return " ".join(map(_syllable_key, syllables))


@lru_cache(maxsize=1 << 16)
def _syllable_key(s: str) -> str:
    d = unicodedata.normalize("NFD", s.lower())
    return fold(s.lower()) + "".join(sorted(c for c in d if unicodedata.category(c) == "Mn" or c == "đ"))


@dataclass(frozen=True)
class Lexicon:
    words: dict[str, str]  # key -> the word (lower case, syllables separated by a space)
    by_fold: dict[str, tuple[str, ...]]  # folded word -> the keys of its spellings
    syllables: frozenset[str]  # keys of every syllable the word list knows


def _package_file(*parts: str) -> Path:
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("underthesea is not installed (pip install -e .)")
    return Path(list(spec.submodule_search_locations)[0], *parts)


def _place_names(path: Path) -> set[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for row in data.get("ward_mapping", []):
        names.update(row[k] for k in ("old_ward", "new_ward", "old_district") if row.get(k))
    for table in ("province_names", "old_province_names"):
        names.update(v["name"] for v in data.get(table, {}).values())
    out = set()
    for name in names:
        low = name.lower()
        kind = next((k for k in PLACE_KINDS if low.startswith(k + " ")), None)
        out.add(low[len(kind) + 1:] if kind else low)
    return out


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """underthesea's word list and place names, loaded once per process (~0.3 s)."""
    text = _package_file("corpus", "data", "Viet74K.txt").read_text(encoding="utf-8")
    entries = {unicodedata.normalize("NFC", ln.strip().lower()) for ln in text.splitlines()}
    entries |= _place_names(_package_file("address", "data", "mapping.json"))
    entries = {e for e in entries if e and all(_LETTERS.match(s) for s in e.split())}
    words = {key(w.split()): w for w in entries if 2 <= len(w.split()) <= MAX_WORD}
    by_fold: dict[str, list[str]] = {}
    for k, w in words.items():
        by_fold.setdefault(fold(w), []).append(k)
    syllables = frozenset(key([s]) for e in entries for s in e.split())
    return Lexicon(words, {f: tuple(sorted(v)) for f, v in by_fold.items()}, syllables)


@dataclass(frozen=True)
class Evidence:
    """A dossier's own spelling: every syllable's key in reading order (None between lines),
    with the weight of the text it is in, and where each key stands; ``unsure``: syllables
    OCR never read with confidence (``UNSURE``) and no exact text spells; ``unsure_pairs``:
    a syllable OCR was unsure of once, with the word read before or after it."""

    keys: tuple[str | None, ...] = ()
    weights: tuple[int, ...] = ()
    caps: tuple[bool, ...] = ()  # the syllable is written in capitals ("THCS")
    at: dict[str, tuple[int, ...]] = field(default_factory=dict)
    unsure: frozenset[str] = frozenset()
    unsure_pairs: frozenset[tuple[str, str]] = frozenset()  # (word, next word), one a guess

    def guessed(self, before: str | None, word: str, after: str | None) -> bool:
        """Whether OCR was unsure of ``word`` here: never sure of it anywhere, or unsure of
        it beside the same word before or after."""
        k = key([word])
        return k in self.unsure or before is not None and (key([before]), k) in self.unsure_pairs \
            or after is not None and (k, key([after])) in self.unsure_pairs

    def count(self, syllables: Sequence[str]) -> int:
        """Weighted times the dossier spells these syllables in a row."""
        want = [key([s]) for s in syllables]
        n = len(want)
        return sum(self.weights[i] for i in self.at.get(want[0], ())
                   if list(self.keys[i:i + n]) == want)


def attested(read: Iterable[str], exact: Iterable[str] = (), words: Iterable[Word] = ()) -> Evidence:
    """``Evidence`` of a dossier's texts: those read by OCR weigh 1, ``exact`` (born-digital)
    ones 2; ``words``: the OCR'd words with their confidences."""
    keys: list[str | None] = []
    weights: list[int] = []
    caps: list[bool] = []
    for texts, weight in ((read, 1), (exact, 2)):
        for text in texts:
            for line in text.splitlines():
                for m in re.finditer(r"[^\W\d_]+|[^\w\s]+|\d+", line):
                    keys.append(key([m.group()]) if _LETTERS.match(m.group()) else None)
                    weights.append(weight)
                    caps.append(len(m.group()) > 1 and m.group().isupper())
                keys.append(None)
                weights.append(weight)
                caps.append(False)
    at: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        if k is not None:
            at.setdefault(k, []).append(i)
    words = list(words)
    cores = [_TOKEN.match(w.text).group(2) for w in words]  # type: ignore[union-attr]
    wkeys = [key([c]) if _LETTERS.match(c) else None for c in cores]
    best: dict[str, int] = {}
    pairs: set[tuple[str, str]] = set()
    for i, (w, k) in enumerate(zip(words, wkeys)):
        if k is None or w.confidence is None:
            continue
        best[k] = max(best.get(k, 0), w.confidence)
        if w.confidence < UNSURE:  # this reading, beside these words, was a guess
            pairs.update((a, b) for a, b in ((wkeys[i - 1] if i else None, k),
                                             (k, wkeys[i + 1] if i + 1 < len(wkeys) else None))
                         if a and b)
    sure = {k for k, w in zip(keys, weights) if k is not None and w == 2}
    unsure = frozenset(k for k, c in best.items() if c < UNSURE and k not in sure)
    return Evidence(tuple(keys), tuple(weights), tuple(caps), {k: tuple(v) for k, v in at.items()},
                    unsure, frozenset(pairs))


@dataclass(frozen=True)
class _Reading:
    syllables: tuple[str, ...]  # lower case
    cost: float
    known: bool  # the token as written is changed only on the dossier's evidence (``_protected``)
    parts: tuple[str, ...] = ()  # the letters each syllable stands for, whose case it takes
    guess: bool = False  # OCR was unsure of the token here (``_guess``)

    @property
    def written(self) -> tuple[str, ...]:
        return tuple(p.lower() for p in self.parts)


@dataclass(frozen=True)
class _Token:
    lead: str
    core: str
    trail: str
    readings: tuple[_Reading, ...]  # the first: the token as written (none: not a word)


def _readings(core: str, lex: Lexicon, guess: bool = False) -> tuple[_Reading, ...]:
    """The ways to read one token: as written; with its first capital taken for the one OCR
    confuses it with; and, when it is no syllable the lexicon knows, with a stray letter
    at either end dropped ("Trạmn", "Isư") or as two or three syllables glued ("Tàichính",
    "Vtếxã"). Every reading but the first costs ``CHANGE``."""
    if not _LETTERS.match(core):
        return ()
    low = core.lower()
    syllable = _protected(low, lex)
    known = syllable and not guess
    out = [_Reading((low,), 0.0, known, (core,), guess)]
    swapped = CONFUSED[core[0]].lower() + low[1:] if core[0] in CONFUSED else None
    if swapped:
        out.append(_Reading((swapped,), CHANGE, known, (core,), guess))
    if syllable or len(low) < 2 or core.isupper():  # capitals only: an acronym or a Roman numeral
        return tuple(out)
    out += [_Reading((low[a:b],), CHANGE, False, (core[a:b],))
            for a, b in ((1, len(low)), (0, len(low) - 1)) if _known(low[a:b], lex)]
    for text in filter(None, (low, swapped)):
        for k in range(1, len(text)):
            head, tail = text[:k], text[k:]
            if not _known(head, lex):
                continue
            if _known(tail, lex):
                out.append(_Reading((head, tail), CHANGE, False, (core[:k], core[k:])))
            out += [_Reading((head, tail[:m], tail[m:]), CHANGE, False,
                             (core[:k], core[k:k + m], core[k + m:]))
                    for m in range(1, len(tail)) if _known(tail[:m], lex) and _known(tail[m:], lex)]
    return tuple(out)


def _known(syllable: str, lex: Lexicon) -> bool:
    """A syllable the word list holds and the syllable rules allow (the list holds single
    letters too: "v" is no syllable)."""
    return key([syllable]) in lex.syllables and syllable_ok(syllable)


def _protected(token: str, lex: Lexicon) -> bool:
    """A token changed only on the dossier's evidence: a known syllable, one the syllable
    rules allow, or a loanword written without marks ("nilon", "module"); a lone letter
    other than a syllable ("V", "G") and a marked token that is no syllable ("Tàichính",
    "Trạmn", "Isư") are OCR's slips."""
    if _known(token, lex) or len(token) > 1 and syllable_ok(token):
        return True
    return len(token) > 1 and not has_diacritic(token)


def _best_word(lex: Lexicon, syllables: tuple[str, ...]) -> tuple[tuple[str, ...], int] | None:
    """The lexicon word these syllables spell, allowing other marks: (its syllables, how
    many differ); None when none, or when two words are equally close."""
    found = lex.by_fold.get(fold(" ".join(syllables)))
    if not found:
        return None
    scored = []
    for k in found:
        parts = k.split()
        d = [_distance(a, b) for a, b in zip(key(syllables).split(), parts)]
        scored.append((sum(x > 0 for x in d), sum(d), k))
    scored.sort()
    if len(scored) > 1 and scored[0][:2] == scored[1][:2]:
        return None
    word = lex.words[scored[0][2]].split()
    # a syllable the word spells with the same marks keeps the way it was written ("ủy")
    same = [key([s]) == key([w]) for s, w in zip(syllables, word)]
    return tuple(s if ok else w for s, w, ok in zip(syllables, word, same)), scored[0][0]


def _distance(a: str, b: str) -> int:
    """Marks added or taken away to turn one syllable key into another (same letters)."""
    ma = Counter(c for c in a if not c.isascii())
    mb = Counter(c for c in b if not c.isascii())
    return sum(((ma - mb) + (mb - ma)).values())


def _allowed(tokens: list[_Token], i: int, combo: tuple[_Reading, ...], word: tuple[str, ...],
             seen: Evidence) -> bool:
    """Whether ``word`` may stand for tokens[i:i + len(combo)] read as ``combo``. On the
    lexicon alone: a token that is no syllable read with other letters (confused, trimmed,
    cut), and a syllable OCR was unsure of read with other marks. Any other change (the
    marks of a sure syllable, the letters of a syllable or a loanword): only when the
    dossier spells the word, with the words either side of it, at least as often as it
    spells what was read there."""
    k, free = 0, True
    for r in combo:
        part = word[k:k + len(r.syllables)]
        k += len(r.syllables)
        marks = key(r.syllables) != key(part)
        if marks and not r.guess or r.known and r.cost > 0:
            free = False
    if free:
        return True
    j = i + len(combo)
    left = [tokens[i - 1].core] if i > 0 and tokens[i - 1].readings and not tokens[i - 1].trail \
        and not tokens[i].lead else []
    right = [tokens[j].core] if j < len(tokens) and tokens[j].readings and not tokens[j - 1].trail \
        and not tokens[j].lead else []
    written = [s for r in combo for s in r.written]
    return seen.count(left + list(word) + right) >= max(1, seen.count(left + written + right))


def _guess(seen: Evidence, before: str | None, word: str, after: str | None) -> bool:
    """OCR was unsure of ``word`` here (``Evidence.guessed``), and the dossier does not spell
    it so beside the same words elsewhere ("bằng bảng tính" read unsure once but written
    "bảng tính" four times is no "bằng bẵng")."""
    if not seen.guessed(before, word, after):
        return False
    return not any(len(ctx) > 1 and seen.count(ctx) > 1
                   for ctx in ([before, word] if before else [], [word, after] if after else []))


def _acronym(seen: Evidence, before: str | None, word: str, after: str | None) -> str | None:
    """An acronym OCR garbled ("THCSP", "THƠCS" for "THCS"), put right by the one the
    dossier writes, in capitals and without marks, right after the same word or right
    before the same word: within one edit of a four-letter token, two of a longer one, and
    one such acronym more often than any other. A token the dossier writes elsewhere too is
    taken as written."""
    if not word.isupper() or len(word) < 3 or _LETTERS.match(word) is None \
            or set(word) <= set("IVXLCDM"):  # a Roman numeral is no acronym
        return None
    own = key([word])
    if sum(seen.weights[i] for i in seen.at.get(own, ())) > 1:
        return None  # written elsewhere too: a real acronym ("THPT" beside "THCS"), not a slip
    edits = 1 if len(own) <= 4 else 2  # "THCS" is one slip from "THCSP", but two from "THPT"
    votes: dict[str, int] = {}
    for near, step in ((before, 1), (after, -1)):
        for p in seen.at.get(key([near]), ()) if near else ():
            q = p + step
            c = seen.keys[q] if 0 <= q < len(seen.keys) else None
            if c and (c == own or c.isascii() and seen.caps[q] and Levenshtein.distance(c, own) <= edits):
                votes[c] = votes.get(c, 0) + seen.weights[q]
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][0] == own or len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None  # as read is as often written, or two acronyms tie
    return ranked[0][0].upper()


def _cased(new: str, old: str) -> str:
    if len(old) > 1 and old.isupper():
        return new.upper()
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


def respell(text: str, seen: Evidence | None = None) -> str:
    """``text`` with OCR's letter slips undone where the lexicon says so (module doc).
    ``seen``: ``attested`` of the dossier; a syllable the lexicon knows is changed only
    into a word the dossier spells elsewhere."""
    if not text:
        return text
    seen = seen or Evidence()
    lex = lexicon()
    text = text.translate(_ETH)  # Tesseract's "Ð" (Icelandic eth) is Vietnamese "Đ"
    split = [list(_TOKEN.match(raw).groups()) for raw in _DASHES.sub(" – ", text).split()]  # type: ignore[union-attr]
    cores = [c if _LETTERS.match(c) else None for _, c, _ in split]

    def around(i: int) -> tuple[str | None, str, str | None]:  # the word before, it, the word after
        return cores[i - 1] if i else None, split[i][1], cores[i + 1] if i + 1 < len(cores) else None

    for i, part in enumerate(split):
        if cores[i] and (better := _acronym(seen, *around(i))):
            part[1] = cores[i] = better
    tokens = [_Token(lead, core, trail, _readings(core, lex, bool(cores[i]) and _guess(seen, *around(i))))
              for i, (lead, core, trail) in enumerate(split)]
    n = len(tokens)
    # best[i]: the best score of tokens[:i], and the readings it took, each with the
    # syllables it ends up as: (token index, reading, syllables)
    Step = tuple[int, _Reading, tuple[str, ...]]
    best: list[tuple[float, list[Step]]] = [(-1e9, [])] * (n + 1)
    best[0] = (0.0, [])
    for i in range(n):
        score, path = best[i]
        if score > best[i + 1][0]:  # the token as written, on its own
            best[i + 1] = (score, path)
        if (alone := _alone(tokens[i], lex)) is not None and score + alone[0] > best[i + 1][0]:
            best[i + 1] = (score + alone[0], path + [(i, alone[1], alone[1].syllables)])
        for j in range(i + 1, min(n, i + MAX_WORD) + 1):
            span = tokens[i:j]
            if not span[-1].readings or any(t.trail for t in span[:-1]) or span[-1].lead and j > i + 1:
                break
            for combo in itertools.product(*(t.readings for t in span)):
                syllables = tuple(s for r in combo for s in r.syllables)
                if not 2 <= len(syllables) <= MAX_WORD or (hit := _best_word(lex, syllables)) is None:
                    continue
                word, changed = hit
                if not _allowed(tokens, i, combo, word, seen):
                    continue
                gain = len(syllables) - sum(r.cost for r in combo) - CHANGE * changed
                if score + gain > best[j][0]:
                    steps, k = [], 0
                    for at, r in enumerate(combo, start=i):
                        steps.append((at, r, word[k:k + len(r.syllables)]))
                        k += len(r.syllables)
                    best[j] = (score + gain, path + steps)
    out = [t.lead + t.core + t.trail for t in tokens]
    for at, r, syllables in best[n][1]:
        t = tokens[at]
        if syllables == (t.core.lower(),):
            continue
        cased = " ".join(_cased(s, part) for s, part in zip(syllables, r.parts))
        out[at] = t.lead + cased + t.trail
    return " ".join(out)


def _alone(token: _Token, lex: Lexicon) -> tuple[float, _Reading] | None:
    """A token that is no syllable, read on its own as known syllables ("Trạmn" -> "Trạm",
    "Vtếxã" -> "Y tế xã"), when one reading is best: (gain, reading). Short tokens stay
    (a lone "V" may be a Roman five)."""
    if not token.readings or _protected(token.core.lower(), lex) or len(token.core) < 3:
        return None
    scored = []
    for r in token.readings[1:]:
        if all(_known(s, lex) for s in r.syllables):
            inside = max((n for n in range(2, len(r.syllables) + 1) for a in range(len(r.syllables) - n + 1)
                          if key(r.syllables[a:a + n]) in lex.words), default=0)
            scored.append((ALONE + inside - r.cost, r))
    scored.sort(key=lambda x: -x[0])
    if not scored or len(scored) > 1 and scored[0][0] == scored[1][0]:
        return None
    return scored[0]
