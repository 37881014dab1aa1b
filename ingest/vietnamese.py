"""Vietnamese text helpers: normalisation, diacritic folding, and a syllable checker.

The syllable checker is how hoso notices a PDF text layer that *looks* like text but is
broken: converters that lose the second diacritic of a letter produce "cơng" for "công"
and "Viêt" for "Việt". Both are impossible Vietnamese syllables — "ơng" is no rhyme, and a
syllable ending in p/t/c/ch must carry the sắc or nặng tone — so counting impossible
syllables among the words that carry diacritics tells a broken layer from a good one
without a dictionary. Words without any diacritic are not judged (names, English,
abbreviations, numbers).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

TONE_MARKS = {"\u0300": "huyen", "\u0301": "sac", "\u0303": "nga", "\u0309": "hoi", "\u0323": "nang"}
SHAPE_MARKS = {"\u0302", "\u0306", "\u031b"}  # â ê ô / ă / ơ ư

ONSETS = sorted(
    ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu",
     "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"],
    key=len, reverse=True,
)

RHYMES = set("""
a ac ach ai am an ang anh ao ap at au ay
ăc ăm ăn ăng ăp ăt
âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êch êm ên ênh êp êt êu
i ia ich iêc iêm iên iêng iêp iêt iêu im in inh ip it iu
o oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăp oăt
oc oe oen oeo oet oi om on ong ooc oong op ot
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u ua uân uâng uât uây uc uê uêch uênh ui um un ung uơ uôc uôi uôm uôn uông uôt up ut
uy uya uych uyên uyêt uynh uyt uyu
ư ưa ưc ưi ưm ưn ưng ươc ươi ươm ươn ương ươp ươt ươu ưt ưu
y yêm yên yêt yêu
""".split())

STOP_CODAS = ("p", "t", "c", "ch")
STACKED = set("ấầẩẫậắằẳẵặếềểễệốồổỗộớờởỡợứừửữự")  # a shape mark and a tone on one letter
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Remove every diacritic and map đ to d: "Đồng Nai" -> "Dong Nai" (for search keys)."""
    decomposed = unicodedata.normalize("NFD", text)
    out = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return out.replace("đ", "d").replace("Đ", "D")


def _judgeable(word: str) -> bool:
    """Words carrying a Vietnamese diacritic, except abbreviations like "QĐ", "HĐND"."""
    if not has_diacritic(word) or len(word) > 8:
        return False
    return not (word.isupper() and fold(word) == word.replace("Đ", "D").replace("đ", "d"))


def has_diacritic(word: str) -> bool:
    return any(c in "đĐ" or unicodedata.normalize("NFD", c) != c for c in word)


def split_tone(syllable: str) -> tuple[str, str | None]:
    """("việt") -> ("viêt", "nang"): the syllable without its tone, and the tone."""
    tone = None
    kept = []
    for c in unicodedata.normalize("NFD", syllable.lower()):
        if c in TONE_MARKS:
            if tone is not None:
                return syllable, "double"
            tone = TONE_MARKS[c]
        else:
            kept.append(c)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def syllable_ok(word: str) -> bool:
    """Is this a possible Vietnamese syllable? (Only meaningful for words with diacritics.)"""
    base, tone = split_tone(word)
    if tone == "double":
        return False
    rhyme = base
    for onset in ONSETS:
        if base.startswith(onset):
            rhyme = base[len(onset):]
            break
    if base.startswith("gi") and rhyme not in RHYMES:  # "gì", "gìn": g + i…
        rhyme = base[1:]
    if rhyme not in RHYMES:
        return False
    return not (rhyme.endswith(STOP_CODAS) and tone not in ("sac", "nang"))


@dataclass(frozen=True)
class TextQuality:
    words: int  # all alphabetic words
    judged: int  # words carrying a diacritic
    impossible: int  # of those, impossible syllables
    stacked: int  # of those, words with a letter carrying two diacritics ("việc", "được")

    @property
    def impossible_share(self) -> float:
        return self.impossible / self.judged if self.judged else 0.0


def text_quality(text: str) -> TextQuality:
    words = WORD.findall(nfc(text))
    judged = [w for w in words if _judgeable(w)]
    bad = sum(1 for w in judged if not syllable_ok(w))
    stacked = sum(1 for w in judged if any(c in STACKED for c in w.lower()))
    return TextQuality(len(words), len(judged), bad, stacked)


def drop_stacked_tones(text: str) -> str:
    """What a broken converter does: letters with two marks lose their tone ("việc" ->
    "viêc"). Used to build test pages with a known broken text layer."""
    out = []
    for c in text:
        if c.lower() in STACKED:
            base = "".join(m for m in unicodedata.normalize("NFD", c) if m not in TONE_MARKS)
            c = unicodedata.normalize("NFC", base)
        out.append(c)
    return "".join(out)


def looks_broken(text: str, *, threshold: float = 0.04, min_bad: int = 3) -> bool:
    """A text layer that lost diacritics: more impossible syllables than normal text ever
    has, or a page of Vietnamese without a single letter carrying two marks (in the legacy
    corpus' transcripts, 8 of 10,806 windows of 30 accented words have none)."""
    q = text_quality(text)
    if q.impossible >= min_bad and q.impossible_share > threshold:
        return True
    return q.judged >= 30 and q.stacked == 0
