"""TCVN3 and VNI conversion tables, over bytes (data only; the logic is ``ingest.legacy``).

Every table is keyed by the legacy *byte*: ``ingest.legacy`` folds the code-point forms a byte
reaches us in (Windows-1252, Latin-1, symbol-font private use, PDF substitutes) back to the
byte first, so each table is written once.

Where they come from:

- ``TCVN3``: the "ABC" character set of TCVN 5712:1993 (fonts ".VnTime", ".VnArial"…, and their
  capitals sisters ".VnTimeH"…). 0xA1-0xA7 are the seven capitals the set has (Ă Â Ê Ô Ơ Ư Đ),
  0xA8-0xAE their lowercase forms (so 0xAD, the soft hyphen's code, is "ư"), then the toned
  vowels in blocks of five (grave, acute, hook, tilde, dot below). The legacy-vn corpus
  (``shared/corpora/legacy-vn``, SOURCES.md "Ground truth") derived its own TCVN3 table from
  its files by aligning fixed phrases of legal documents; its transcripts, made with that
  table, are what this one is scored against (below).
- ``PDF_FORMS_TCVN3``: substitutes PDF text layers of that corpus give for two TCVN3 bytes
  (U+2212 for "ư" 0xAD, U+2219 for "ã" 0xB7; corpus PROVENANCE.md).
- ``VNI_MARKS`` / ``VNI_LETTERS``: the VNI Windows encoding of VNI Software's fonts
  ("VNI-Times", "VNI-Helve"…; no published standard): a base letter followed by one or two mark
  bytes, each mark with a capital form 0x20 lower ("aù" = á, "AÙ" = Á), and the letters that
  are one byte of their own (ơ ư đ and the i/y forms).
- The ``*_REVERSE*`` maps are the inverses, built here, used by ``ingest.legacy.encode``.

How they were verified: ``tests/ingest/test_legacy.py`` round-trips every Vietnamese letter
(12 vowels x 6 tones and đ, lowercase and capital) through ``encode`` and ``decode`` in both
encodings and decodes known corpus phrases byte by byte; ``tests/ingest/test_word.py`` (marker
``corpus``) reads real TCVN3 and VNI .doc/.rtf files and synthetic VNI .docx files of the
corpus and scores them against their hand-checked transcripts.
"""

from __future__ import annotations

# --------------------------------------------------------------------------- TCVN3

# TCVN3 byte -> letter, written as parallel sequences (byte order does not matter).
TCVN3_BYTES = bytes(
    [0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE]
    + [0xB5, 0xB8, 0xB6, 0xB7, 0xB9]  # à á ả ã ạ
    + [0xBB, 0xBE, 0xBC, 0xBD, 0xC6]  # ằ ắ ẳ ẵ ặ
    + [0xC7, 0xCA, 0xC8, 0xC9, 0xCB]  # ầ ấ ẩ ẫ ậ
    + [0xCC, 0xD0, 0xCE, 0xCF, 0xD1]  # è é ẻ ẽ ẹ
    + [0xD2, 0xD5, 0xD3, 0xD4, 0xD6]  # ề ế ể ễ ệ
    + [0xD7, 0xDD, 0xD8, 0xDC, 0xDE]  # ì í ỉ ĩ ị
    + [0xDF, 0xE3, 0xE1, 0xE2, 0xE4]  # ò ó ỏ õ ọ
    + [0xE5, 0xE8, 0xE6, 0xE7, 0xE9]  # ồ ố ổ ỗ ộ
    + [0xEA, 0xED, 0xEB, 0xEC, 0xEE]  # ờ ớ ở ỡ ợ
    + [0xEF, 0xF3, 0xF1, 0xF2, 0xF4]  # ù ú ủ ũ ụ
    + [0xF5, 0xF8, 0xF6, 0xF7, 0xF9]  # ừ ứ ử ữ ự
    + [0xFA, 0xFD, 0xFB, 0xFC, 0xFE]  # ỳ ý ỷ ỹ ỵ
)
TCVN3_LETTERS = (
    "ĂÂÊÔƠƯĐăâêôơưđ"
    "àáảãạ" "ằắẳẵặ" "ầấẩẫậ" "èéẻẽẹ" "ềếểễệ" "ìíỉĩị"
    "òóỏõọ" "ồốổỗộ" "ờớởỡợ" "ùúủũụ" "ừứửữự" "ỳýỷỹỵ"
)
TCVN3 = dict(zip(TCVN3_BYTES, TCVN3_LETTERS, strict=True))
TCVN3_REVERSE = {letter: byte for byte, letter in TCVN3.items()}

# What PDF text layers give for some TCVN3 bytes.
PDF_FORMS_TCVN3 = {"\u2212": 0xAD, "\u2219": 0xB7}

# --------------------------------------------------------------------------- VNI

# Marks as combining characters.
ACUTE, GRAVE, HOOK, TILDE, DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
CIRC, BREVE, HORN = "\u0302", "\u0306", "\u031b"
TONES = (ACUTE, GRAVE, HOOK, TILDE, DOT)

# VNI mark bytes, lowercase form; each capital form is 0x20 lower.
VNI_MARKS: dict[int, str] = {
    0xF9: ACUTE, 0xF8: GRAVE, 0xFB: HOOK, 0xF5: TILDE, 0xEF: DOT,
    0xE2: CIRC, 0xE1: CIRC + ACUTE, 0xE0: CIRC + GRAVE, 0xE5: CIRC + HOOK,
    0xE3: CIRC + TILDE, 0xE4: CIRC + DOT,
    0xEA: BREVE, 0xE9: BREVE + ACUTE, 0xE8: BREVE + GRAVE, 0xFA: BREVE + HOOK,
    0xFC: BREVE + TILDE, 0xEB: BREVE + DOT,
}  # fmt: skip
VNI_MARKS.update({byte - 0x20: mark for byte, mark in list(VNI_MARKS.items())})  # capitals
# VNI letters that are one byte of their own.
VNI_LETTERS: dict[int, str] = {
    0xF4: "ơ", 0xD4: "Ơ", 0xF6: "ư", 0xD6: "Ư", 0xF1: "đ", 0xD1: "Đ",
    0xEC: "ì", 0xCC: "Ì", 0xED: "í", 0xCD: "Í", 0xE6: "ỉ", 0xC6: "Ỉ",
    0xF3: "ĩ", 0xD3: "Ĩ", 0xF2: "ị", 0xD2: "Ị", 0xEE: "ỵ", 0xCE: "Ỵ",
}  # fmt: skip
VNI_VOWELS = frozenset("aeiouyAEIOUYơƠưƯ")
VNI_BYTES = frozenset(VNI_MARKS) | frozenset(VNI_LETTERS)
VNI_REVERSE_MARKS = {mark: byte for byte, mark in VNI_MARKS.items() if byte >= 0xE0}
VNI_REVERSE_LETTERS = {letter: byte for byte, letter in VNI_LETTERS.items()}
