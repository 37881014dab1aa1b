"""Recognising the legacy encoding of Vietnamese text (TCVN3 or VNI) by its content alone.

The font name usually says which encoding a run is in (``ingest.legacy.font_encoding``). This
module is for when it does not: fonts substituted on the way, PDF text layers, and documents
that mix VNI and TCVN3 under one font name. It decides by reading the text and counting words
that come out as Vietnamese syllables.

How it decides:

- Each non-ASCII word (at most the first ``_PROBE_WORDS``; ASCII words say nothing) is read
  three ways: as it stands, as TCVN3 and as VNI (the raw readings of ``ingest.legacy``). Each
  reading scores a vote when it yields a Vietnamese syllable (``_votes``). A word already
  holding letters only Unicode Vietnamese has votes for "as it stands" alone.
- A syllable (``_plausible``) is onset + rhyme from the tables below, carrying at least one
  diacritic (plain ASCII proves nothing), with at most one tone mark, no stray marks, only the
  acute or dot-below tone on a rhyme ending in a stop (p, t, c, ch), and the tone on the vowel
  that carries it in that rhyme (``_tone_places``; old and new spelling of "oa", "oe", "uy"
  both). The tone's place is what tells the two encodings apart on short runs: text in one
  encoding read as the other yields words like "heọ" (VNI "heä" read as TCVN3) with letters in
  the right places but the tone on the wrong vowel.
- ``probe_encoding``: a legacy reading wins only with at least three votes and more than twice
  the votes of each of the other two readings, so Unicode Vietnamese, Western text ("Señor",
  "déjà vu") and short fragments stay None.
- ``ingest.legacy.decode_runs`` uses the same votes run by run, for documents that mix VNI and
  TCVN3 under one font name: the other reading takes over for the font when it finds at least
  two more Vietnamese words than the reading in force (a single word never decides), and when
  both readings find two or more, a word holding bytes that mean nothing in the reading in
  force is read the other way if that gives a syllable.

Like ``ingest.legacy``, everything here is pure: no I/O, no state beyond a cache of verdicts.
``ingest.legacy`` re-exports ``probe_encoding`` and ``has_unicode_vietnamese``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING

from ingest.legacy_tables import ACUTE, DOT, TONES
from ingest.vietnamese import ONSETS as _ONSETS  # longest first
from ingest.vietnamese import RHYMES as _RHYMES
from ingest.vietnamese import STOP_CODAS as _STOP_CODAS

if TYPE_CHECKING:
    from ingest.legacy import Encoding

# Characters only Unicode Vietnamese has: a text holding them is already converted.
_UNICODE_VIETNAMESE = re.compile("[ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9]")

# Vietnamese syllables: onset + rhyme (the tables of ingest.vietnamese), and the vowel that
# carries the tone. A legacy reading of text in the *other* encoding yields words like "heọ"
# (VNI "heä" read as TCVN3) that have letters in the right places but the tone on the wrong
# vowel; checking the tone's place is what tells the two encodings apart on short runs.
_VOWELS = frozenset("aăâeêioôơuưy")
_PROBE_WORDS = 4000
_WORD = re.compile("[\\w\u0080-\u00ff\u2212\u2219]+")


@functools.lru_cache(maxsize=1 << 16)
def _plausible(word: str) -> bool:
    """Is this a Vietnamese syllable carrying at least one diacritic, tone in its place?"""
    letters: list[list[str]] = []  # [letter with its shape mark, tone mark or ""]
    for c in unicodedata.normalize("NFD", word.lower()):
        if c in TONES:
            if not letters or letters[-1][1]:
                return False
            letters[-1][1] = c
        elif unicodedata.combining(c):
            if not letters:
                return False
            letters[-1][0] += c
        else:
            letters.append([c, ""])
    base = "".join(unicodedata.normalize("NFC", b) for b, _ in letters)
    tones = [i for i, (_, t) in enumerate(letters) if t]
    if len(base) != len(letters) or (base.isascii() and not tones):
        return False  # stray marks, or no diacritic at all: says nothing
    onset = next((o for o in _ONSETS if base.startswith(o) and base[len(o):] in _RHYMES), "")
    if not onset and base[:1] not in _VOWELS:
        return False
    rhyme = base[len(onset):]
    if rhyme not in _RHYMES and not (base.startswith("gi") and base[1:] in _RHYMES):
        return False
    if rhyme not in _RHYMES:  # "gì", "gìn": g + a rhyme in i
        onset, rhyme = "g", base[1:]
    if not tones:
        return not rhyme.endswith(_STOP_CODAS)
    tone = letters[tones[0]][1]
    if rhyme.endswith(_STOP_CODAS) and tone not in (ACUTE, DOT):
        return False
    return tones[0] - len(onset) in _tone_places(rhyme)


def _tone_places(rhyme: str) -> set[int]:
    """Where the tone may sit in a rhyme (old and new spelling of "oa", "oe", "uy" both)."""
    vowels = [i for i, c in enumerate(rhyme) if c in _VOWELS]
    shaped = [i for i in vowels if rhyme[i] in "ăâêôơư"]
    if shaped:
        return {shaped[-1]}
    if len(vowels) == 1 or rhyme[-1] not in _VOWELS:
        return {vowels[-1]}
    if "".join(rhyme[i] for i in vowels) in ("oa", "oe", "uy"):
        return set(vowels)
    return {vowels[1]} if len(vowels) == 3 else {vowels[0]}


def _votes(text: str) -> dict[str, int]:
    """For each reading of the text, how many of its non-ASCII words are Vietnamese."""
    # The readings are conversion, so they live in ingest.legacy, which imports this module:
    # imported here, at call time, so that neither module needs the other while loading.
    from ingest.legacy import _decode_tcvn3, _decode_vni, _unprivate

    votes = {"none": 0, "tcvn3": 0, "vni": 0}
    seen = 0
    for match in _WORD.finditer(_unprivate(text)):
        word = match.group(0)
        if word.isascii():
            continue
        seen += 1
        if seen > _PROBE_WORDS:
            break
        if _UNICODE_VIETNAMESE.search(word):  # already Unicode: no legacy reading applies
            votes["none"] += 1
            continue
        votes["none"] += _plausible(word)
        votes["tcvn3"] += _plausible(_decode_tcvn3(word))
        votes["vni"] += _plausible(_decode_vni(word))
    return votes


def probe_encoding(text: str) -> Encoding | None:
    """Which legacy encoding the text is in, judged by content alone; None when it is not.

    Each non-ASCII word is read three ways — as it stands, as TCVN3, as VNI — and each reading
    scores a vote when it yields a Vietnamese syllable. A legacy reading wins only with at
    least three votes and clearly more than the other two, so Unicode Vietnamese, Western
    text ("Señor", "déjà vu") and short fragments stay None.
    """
    votes = _votes(text)
    best: Encoding = "tcvn3" if votes["tcvn3"] >= votes["vni"] else "vni"
    other = votes["vni"] if best == "tcvn3" else votes["tcvn3"]
    if votes[best] >= 3 and votes[best] > 2 * votes["none"] and votes[best] > 2 * other:
        return best
    return None


def has_unicode_vietnamese(text: str) -> bool:
    """True when the text holds letters that only Unicode Vietnamese has (ư, đ, ệ…)."""
    return _UNICODE_VIETNAMESE.search(text) is not None
