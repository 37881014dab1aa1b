"""Legacy Vietnamese font encodings (TCVN3 "ABC" and VNI) to Unicode NFC.

Before Unicode, Vietnamese Word files were typed in 8-bit fonts that draw Vietnamese letters at
the code points of Western ones. The file stores the Western code points; only the font name
says they are Vietnamese. Read without conversion, "Cộng hoà" is "Céng hoµ" (TCVN3) or
"Coäng hoaø" (VNI).

- TCVN3 (fonts ".VnTime", ".VnArial"…): one byte per letter. The standard has codes for the
  lowercase letters and for only seven capitals (Ă Â Ê Ô Ơ Ư Đ); other capitals come from the
  sister fonts whose names end in "H" (".VnTimeH"), which draw every code as a capital. So case
  lives in the font name: "quyÕt ®Þnh" in .VnTimeH *is* "QUYẾT ĐỊNH". Byte 0xAD is "ư" — the
  same code as the soft hyphen, which text cleaning must not delete before conversion.
- VNI (fonts "VNI-Times", "VNI-Helve"…): a base letter followed by one or two mark bytes
  ("aù" = á, "eá" = ế, "aú" = ẳ); the marks have capital forms of their own ("AÙ" = Á).

The same byte reaches us in several code-point forms, depending on who decoded it: as
Windows-1252 (what Word and LibreOffice store: 0x80 is "€"), as Latin-1 (0x80 is U+0080), and
as the private-use code U+F000+byte that Word uses for fonts declared "symbol". PDF text layers
add their own substitutes (U+2212 for TCVN3 "ư", U+2219 for "ã"; corpus PROVENANCE.md). All of
them are folded back to the byte before the tables apply, so the tables are written once, over
bytes; they live in ``ingest.legacy_tables`` (data only, with where each comes from).

The functions are pure: no I/O, no state. ``encode`` is the inverse, used to build test and
sample documents exactly as Word stores text typed in these fonts.

Recognising which encoding a text is in from its content (``probe_encoding``, and the syllable
votes ``decode_runs`` uses on mixed documents) lives in ``ingest.legacy_probe``;
``probe_encoding`` and ``has_unicode_vietnamese`` are re-exported here.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from typing import Literal

from ingest.legacy_probe import _UNICODE_VIETNAMESE, _WORD, _plausible, _votes
from ingest.legacy_probe import has_unicode_vietnamese as has_unicode_vietnamese
from ingest.legacy_probe import probe_encoding as probe_encoding
from ingest.legacy_tables import (
    BREVE,
    CIRC,
    HORN,
    PDF_FORMS_TCVN3,
    TCVN3,
    TCVN3_REVERSE,
    TONES,
    VNI_BYTES,
    VNI_LETTERS,
    VNI_MARKS,
    VNI_REVERSE_LETTERS,
    VNI_REVERSE_MARKS,
    VNI_VOWELS,
)

Encoding = Literal["tcvn3", "vni"]

# --------------------------------------------------------------------------- code points

# Code-point forms of one byte (see the module docstring).
_CP1252_TO_BYTE = {
    bytes([b]).decode("cp1252"): b
    for b in range(0x80, 0xA0)
    if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


def _to_byte(ch: str, encoding: Encoding) -> int | None:
    """The legacy byte this character stands for, or None if it is not a legacy byte."""
    cp = ord(ch)
    if 0xF020 <= cp <= 0xF0FF:  # symbol-font private use
        return cp - 0xF000
    if 0x80 <= cp <= 0xFF:  # Latin-1 (and Windows-1252 above 0x9F)
        return cp
    if ch in _CP1252_TO_BYTE:
        return _CP1252_TO_BYTE[ch]
    if encoding == "tcvn3":
        return PDF_FORMS_TCVN3.get(ch)
    return None


def _unprivate(text: str) -> str:
    """Symbol-font private-use codes to their Latin-1 twins (same byte, readable by regexes)."""
    if not _PRIVATE.search(text):
        return text
    return _PRIVATE.sub(lambda m: chr(ord(m.group(0)) - 0xF000), text)


_PRIVATE = re.compile("[\uf020-\uf0ff]")


def _fallback(byte: int) -> str:
    """A byte with no Vietnamese meaning keeps its Windows-1252 face ("…", "–", "“")."""
    if 0x20 <= byte < 0x7F:
        return chr(byte)
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return ""  # undefined in cp1252: a control code that carries nothing


# --------------------------------------------------------------------------- fonts


_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")
_STYLE_SUFFIX = re.compile(
    r"([,-]|\s+)(bold|italic|oblique|regular|roman|bolditalic|boldoblique|bd|it|bi)$",
    re.IGNORECASE,
)
_SYMBOL_FONTS = ("symbol", "wingdings", "webdings", "marlett", "mt extra", "zapf")


def _family(font_name: str) -> str:
    """Font family without a PDF subset tag ("ABCDEF+"), style suffix or "(Ds)" tag."""
    name = _SUBSET_PREFIX.sub("", font_name.strip())
    name = re.sub(r"\s*\([^)]*\)\s*$", "", name)  # "VnTimeH(Ds)"
    name = name.split(";")[0].strip()  # LibreOffice alternative lists "A;B"
    while True:
        stripped = _STYLE_SUFFIX.sub("", name)
        if stripped == name:
            return name
        name = stripped


def font_encoding(font_name: str | None) -> Encoding | None:
    """The legacy encoding a font name declares, or None.

    VNI fonts carry "VNI" in the name ("VNI-Times", "VNI-Helve-Condense", "VNSVNI2"). TCVN3
    fonts start with ".Vn" (".VnTime", ".VnArialH", ".VnBahamasBH"), or with "Vn" and no dot
    in copies made by other tools ("VNTime", "VnTimeH(Ds)"), or carry "TCVN3" ("VNSTCVN3").
    """
    if not font_name:
        return None
    name = _family(font_name).lower().replace(" ", "")
    if "vni" in name:
        return "vni"
    if "tcvn3" in name or name.startswith(".vn"):
        return "tcvn3"
    if re.match(r"vn[a-z]", name) and not name.startswith("vntimesnewroman"):
        return "tcvn3"
    return None


def is_caps_font(font_name: str | None) -> bool:
    """True for a TCVN3 capitals font: the family name ends in "H" (".VnTimeH", ".VnArialH")."""
    if font_encoding(font_name) != "tcvn3":
        return False
    family = _family(font_name or "")
    return family.endswith("H") and "tcvn3" not in family.lower()


def is_symbol_font(font_name: str | None) -> bool:
    """Symbol, Wingdings and friends: their private-use codes are pictures, not legacy text."""
    return bool(font_name) and _family(font_name or "").lower().startswith(_SYMBOL_FONTS)


# --------------------------------------------------------------------------- decoding


def decode(text: str, encoding: Encoding, *, caps: bool = False) -> str:
    """Legacy characters to Unicode NFC.

    ``caps`` is for text typed in a TCVN3 "H" font: the font draws every code as a capital, so
    the decoded text is upper-cased. Without it, TCVN3 words typed with capital ASCII letters
    and (necessarily) lowercase accented codes — "PHÇN", "NHÊT" — get their capitals back,
    because TCVN3 has no accented capitals to type them with.
    """
    return _finish(_raw(text, encoding), encoding, caps)


def _raw(text: str, encoding: Encoding) -> str:
    return _decode_tcvn3(text) if encoding == "tcvn3" else _decode_vni(text)


def _finish(out: str, encoding: Encoding, caps: bool) -> str:
    if caps:
        out = _upper(out)
    elif encoding == "tcvn3":
        out = _restore_caps(out)
    return unicodedata.normalize("NFC", out)


def _decode_tcvn3(text: str) -> str:
    parts = []
    for ch in text:
        byte = _to_byte(ch, "tcvn3")
        if byte is None:
            parts.append(ch)
        else:
            parts.append(TCVN3.get(byte) or _fallback(byte))
    return "".join(parts)


def _decode_vni(text: str) -> str:
    """Base letters followed by mark bytes, composed; a mark with no vowel before it is a
    typing slip (its glyph floats over whatever precedes) and is dropped."""
    parts: list[str] = []
    prev_vowel = False  # the last emitted character is a vowel that can take marks
    shape = tone = False  # marks already on that vowel
    for ch in text:
        byte = _to_byte(ch, "vni")
        if byte is None or byte < 0x80:
            letter = chr(byte) if byte is not None else ch
            parts.append(letter)
            prev_vowel, shape, tone = letter in VNI_VOWELS, False, False
            continue
        mark = VNI_MARKS.get(byte)
        if mark is not None:
            if prev_vowel:
                has_shape = mark[0] in (CIRC, BREVE)
                has_tone = mark[-1] in TONES
                if (has_shape and shape) or (has_tone and tone):
                    continue  # a repeated mark: keep the first
                parts.append(mark)
                shape, tone = shape or has_shape, tone or has_tone
            continue
        letter = VNI_LETTERS.get(byte)
        if letter is not None:
            parts.append(letter)
            base = unicodedata.normalize("NFD", letter)
            prev_vowel = base[0] in VNI_VOWELS or letter in "ơƠưƯ"
            shape = letter in "ơƠưƯ"
            tone = any(t in base for t in TONES)
            if letter in "đĐ":
                prev_vowel = False
            continue
        parts.append(_fallback(byte))
        prev_vowel, shape, tone = False, False, False
    return "".join(parts)


def _upper(text: str) -> str:
    return "".join(c.upper() if len(c.upper()) == 1 else c for c in text)


_CAPS_WORD = re.compile(r"[^\W\d_]{2,}")


def _restore_caps(text: str) -> str:
    """Capitals typed in a TCVN3 lowercase font, where the font has no accented capitals.

    A word with two capitals and no lowercase ASCII letter ("PHÇN", "NHÊT") is upper-cased;
    so is a whole text with no lowercase ASCII letter that already holds two such Vietnamese
    words in capitals ("I. MôC §ÝCH Vµ YªU CÇU HÖ THèNG": "Vµ", "HÖ" too). A title-case word
    next to abbreviations keeps its case: "Sè TT" is "Số TT", as the typist saw it.
    """
    out = _CAPS_WORD.sub(_restore_caps_word, text)
    ascii_letters = [c for c in text if c.isascii() and c.isalpha()]
    if ascii_letters and all(c.isupper() for c in ascii_letters):
        shouted = [w for w in _CAPS_WORD.findall(out) if w.isupper() and not w.isascii()]
        if len(shouted) >= 2:
            return _upper(out)
    return out


def _restore_caps_word(match: re.Match[str]) -> str:
    word = match.group(0)
    if any("a" <= c <= "z" for c in word):
        return word
    if sum(c.isupper() for c in word) < 2 or not any(c.islower() for c in word):
        return word
    return _upper(word)


def decode_runs(
    runs: Sequence[tuple[str, str | None]], *, default: Encoding | None = None
) -> tuple[list[str], Encoding | None]:
    """Decode run by run: (text, font_name) -> text, and the encoding found (by most text).

    A run's font decides first. Runs in other fonts are decoded only when ``default`` says
    the document is legacy (a content probe over the whole document, for fonts substituted
    on the way); symbol fonts and runs holding Unicode Vietnamese are left alone either way.

    Documents that mix VNI and TCVN3 under one font name exist (the corpus has one: 57 % of
    its lines VNI in a font named "VNSTCVN3"). So each run's words are also read both ways:
    a reading that gives clearly more Vietnamese syllables than the one in force for the font
    takes over (see ``_reading``).
    """
    decoded: list[str] = []
    found: Counter[str] = Counter()
    in_force: dict[str | None, Encoding] = {}
    for text, font in runs:
        encoding = font_encoding(font)
        if encoding is None and not is_symbol_font(font):
            encoding = default
        if encoding is None or not text or _UNICODE_VIETNAMESE.search(text):
            decoded.append(unicodedata.normalize("NFC", text))
            continue
        text = _unprivate(text)
        encoding, mixed = _reading(text, in_force.setdefault(font, encoding), in_force, font)
        out = _raw_mixed(text, encoding) if mixed else _raw(text, encoding)
        decoded.append(_finish(out, encoding, encoding == "tcvn3" and is_caps_font(font)))
        found[encoding] += len(text)
    return decoded, (found.most_common(1)[0][0] if found else None)  # type: ignore[return-value]


def _reading(text: str, current: Encoding, in_force: dict[str | None, Encoding],
             font: str | None) -> tuple[Encoding, bool]:
    """The reading for one run, and whether some of its words read better the other way.

    The reading in force for the run's font holds, unless the other reading finds at least
    two more Vietnamese words; then that reading is in force for the font from here on. A
    single word never decides: one-word runs ("ặ", a name) are too often no syllable at all.
    """
    if not _MAYBE_LEGACY.search(text):
        return current, False
    votes = _votes(text)
    other: Encoding = "vni" if current == "tcvn3" else "tcvn3"
    if votes[other] >= votes[current] + 2:
        in_force[font] = other
        current, other = other, current
    return current, votes[other] >= 2 and votes[current] >= 2


def _raw_mixed(text: str, encoding: Encoding) -> str:
    """Word by word: a word holding bytes that mean nothing in ``encoding``, which reads as a
    Vietnamese syllable in the other encoding, is read the other way (some runs switch
    encoding mid-line: "KÕt nèi ... SÔÛ, HUYEÄN")."""
    other: Encoding = "vni" if encoding == "tcvn3" else "tcvn3"
    parts = []
    for piece in _WORD_SPLIT.split(text):
        if _unmapped(piece, encoding) and not _unmapped(piece, other) and _WORD.fullmatch(piece):
            alternative = _raw(piece, other)
            if _plausible(alternative):
                parts.append(alternative)
                continue
        parts.append(_raw(piece, encoding))
    return "".join(parts)


def _unmapped(text: str, encoding: Encoding) -> bool:
    table = TCVN3 if encoding == "tcvn3" else VNI_BYTES
    for ch in text:
        byte = _to_byte(ch, encoding)
        if byte is not None and byte >= 0xA0 and byte not in table:
            return True
    return False


_MAYBE_LEGACY = re.compile("[\u0080-\u00ff\u2212\u2219]")
_WORD_SPLIT = re.compile("([\\w\u0080-\u00ff\u2212\u2219]+)")


# --------------------------------------------------------------------------- encoding


def encode(text: str, encoding: Encoding, *, font: str | None = None) -> list[tuple[str, str]]:
    """Unicode -> [(legacy_text, font_name)] runs, as Word stores text typed in that font.

    Legacy codes come out in their Windows-1252 form (TCVN3 "ư" is U+00AD). For TCVN3, capitals
    that the standard lacks (Ấ, Ị…) go into runs of the "H" font typed with the lowercase codes;
    a word in capitals that needs one goes there whole. Characters no legacy font can hold
    ("ñ", "€") go into a "Times New Roman" run. Default fonts: ".VnTime", "VNI-Times".
    """
    text = unicodedata.normalize("NFC", text)
    if encoding == "vni":
        pieces = [(c, _encode_vni_char(c), "body") for c in text]
        return _merge(pieces, {"body": font or "VNI-Times"})
    body = font or ".VnTime"
    if is_caps_font(body):  # given the capitals font: the body is its lowercase sister
        body = _family(body)[:-1]
    caps_font = f"{_family(body)}H"
    caps_words = _caps_word_spans(text)
    pieces = []
    for i, ch in enumerate(text):
        if i in caps_words or (ch.isupper() and not ch.isascii() and ch not in TCVN3_REVERSE):
            pieces.append((ch, _encode_tcvn3_char(ch.lower()), "caps"))
        else:
            pieces.append((ch, _encode_tcvn3_char(ch), "body"))
    return _merge(pieces, {"body": body, "caps": caps_font})


def _caps_word_spans(text: str) -> set[int]:
    """Indices of letters in all-capital words that need the H font (and spaces between)."""
    spans: set[int] = set()
    prev_end: int | None = None
    for m in re.finditer(r"[^\W\d_]+", text):
        word = m.group(0)
        needs_h = any(c.isupper() and not c.isascii() and c not in TCVN3_REVERSE for c in word)
        if needs_h and word == word.upper():
            if prev_end is not None and text[prev_end : m.start()].strip() == "":
                spans.update(range(prev_end, m.start()))
            spans.update(range(m.start(), m.end()))
            prev_end = m.end()
        else:
            prev_end = None
    return spans


def _encode_tcvn3_char(ch: str) -> str | None:
    if ch.isascii():
        return ch
    byte = TCVN3_REVERSE.get(ch)
    return None if byte is None else _fallback(byte)


def _encode_vni_char(ch: str) -> str | None:
    if ch.isascii():
        return ch
    if ch in VNI_REVERSE_LETTERS:
        return _fallback(VNI_REVERSE_LETTERS[ch])
    nfd = unicodedata.normalize("NFD", ch)
    base, marks = nfd[0], nfd[1:]
    if base not in VNI_VOWELS or not marks:
        return None
    shape = "".join(m for m in marks if m in (CIRC, BREVE, HORN))
    tone = "".join(m for m in marks if m in TONES)
    if len(shape) + len(tone) != len(marks):
        return None
    if shape == HORN:  # ơ ư are letters of their own; the tone follows as a mark
        head = VNI_REVERSE_LETTERS.get(unicodedata.normalize("NFC", base + HORN))
        if head is None:
            return None
        rest = VNI_REVERSE_MARKS.get(tone) if tone else None
        if tone and rest is None:
            return None
        code = _fallback(head) + (_fallback(rest) if rest is not None else "")
    else:
        byte = VNI_REVERSE_MARKS.get(shape + tone)
        if byte is None:
            return None
        code = base + _fallback(byte)
    if base.isupper():  # capital marks for capital letters, as a VNI keyboard types them
        code = code[0] + "".join(
            _fallback(ord(c) - 0x20) if _to_byte(c, "vni") in VNI_MARKS else c for c in code[1:]
        )
    return code


def _merge(
    pieces: list[tuple[str, str | None, str]], fonts: dict[str, str]
) -> list[tuple[str, str]]:
    """Join per-character codes into runs; a character with no legacy code keeps its Unicode
    form in a Times New Roman run, as it would in a real document."""
    runs: list[tuple[str, str]] = []
    for char, code, kind in pieces:
        piece, font = (code, fonts[kind]) if code is not None else (char, "Times New Roman")
        if runs and runs[-1][1] == font:
            runs[-1] = (runs[-1][0] + piece, font)
        else:
            runs.append((piece, font))
    return runs
