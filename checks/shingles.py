"""Tokens and n-gram hashes for comparing dossiers, robust to OCR noise.

A token is a run of letters or digits, compared lower-cased and diacritic-folded ("Được" and
OCR's "Đuợc" are both "duoc"): Tesseract's commonest Vietnamese errors are stacked diacritics,
and folding makes them invisible to matching. Each folded token gets a stable 64-bit hash
(the same on every machine and every run, so hashes can be stored), and n consecutive tokens
make one n-gram hash:

    n = SEED_N (3)   seeds of the passage alignment (``checks.align``)
    n = PRINT_N (4)  prints of the retrieval index; one in 2**SAMPLE_BITS n-grams is kept,
                     chosen by its hash (Manber's "0 mod p"), so the same passage yields the
                     same prints in every dossier that contains it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

import numpy as np

SEED_N = 3
PRINT_N = 4
SAMPLE_BITS = 3  # keep 1 n-gram in 8 as a print

TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xC0, 0x1F00):
        c = chr(code)
        if not c.isalpha():
            continue
        base = "".join(ch for ch in unicodedata.normalize("NFD", c.lower())
                       if unicodedata.category(ch) != "Mn")
        if base != c:
            table[code] = base
    table.update({ord("đ"): "d", ord("Đ"): "d", ord("Ð"): "d", ord("ð"): "d"})
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """Lower-case without diacritics: "Đồng Nai" -> "dong nai" (NFC or NFD input)."""
    return unicodedata.normalize("NFC", text).translate(_FOLD).lower()


def tokens(text: str) -> tuple[list[int], list[int], list[str]]:
    """Starts, ends and folded forms of the tokens of ``text`` (offsets into ``text``)."""
    starts, ends, forms = [], [], []
    folded = text.translate(_FOLD).lower()  # same length: one character maps to one or none
    if len(folded) != len(text):  # a decomposed mark was dropped: fold token by token
        for m in TOKEN.finditer(text):
            starts.append(m.start())
            ends.append(m.end())
            forms.append(fold(m.group()))
        return starts, ends, forms
    for m in TOKEN.finditer(folded):
        starts.append(m.start())
        ends.append(m.end())
        forms.append(m.group())
    return starts, ends, forms


@lru_cache(maxsize=500_000)
def token_hash(form: str) -> int:
    return int.from_bytes(hashlib.blake2b(form.encode(), digest_size=8).digest(), "little")


def token_ids(forms: list[str]) -> np.ndarray:
    return np.fromiter((token_hash(f) for f in forms), dtype=np.uint64, count=len(forms))


_MUL = np.uint64(0x9E3779B97F4A7C15)
_MIX = np.uint64(0xBF58476D1CE4E5B9)


def grams(ids: np.ndarray, n: int) -> np.ndarray:
    """Hash of each run of ``n`` tokens: element i covers tokens i..i+n-1."""
    count = len(ids) - n + 1
    if count <= 0:
        return np.zeros(0, dtype=np.uint64)
    h = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(n):
            h = (h * _MUL) ^ ids[k:k + count]
        h ^= h >> np.uint64(31)
        h *= _MIX
        h ^= h >> np.uint64(29)
    return h


def all_of(mask: np.ndarray, n: int) -> np.ndarray:
    """For each n-gram start, whether all of its ``n`` tokens have ``mask`` set."""
    count = len(mask) - n + 1
    if count <= 0:
        return np.zeros(0, dtype=bool)
    out = mask[:count].copy()
    for k in range(1, n):
        out &= mask[k:k + count]
    return out


def sampled(h: np.ndarray) -> np.ndarray:
    """Which n-gram hashes are prints (one in 2**SAMPLE_BITS, by value)."""
    return (h & np.uint64((1 << SAMPLE_BITS) - 1)) == 0


def print_value(h: np.ndarray) -> np.ndarray:
    """A print as stored: the hash's upper 32 bits (the low bits chose it)."""
    return (h >> np.uint64(32)).astype(np.uint32)


def cover(starts: np.ndarray, n: int, length: int) -> np.ndarray:
    """Token mask of the n-grams starting at ``starts`` (n-gram indexes)."""
    mask = np.zeros(length, dtype=bool)
    for k in range(n):
        idx = starts + k
        mask[idx[idx < length]] = True
    return mask
