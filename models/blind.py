"""Blind review: what a reviewer of a blind round sees of a dossier has no author names and no
units in it.

The names and units come from the dossier's own fields (authors, their units, the unit, the
investor). Every string of the report the reviewer gets (fields, page texts, section
headings, passages on both sides, file paths, findings, problems) has each of those phrases
replaced by "[…]", wherever it occurs, matched the way the rest of hoso matches words (case,
diacritics and "đ"/"d" aside, so an OCR'd "Nguyen Thi Mau" goes as well as the typed name).
The original files and the page images cannot be masked, so they are not shown at all.
"""

from __future__ import annotations

from typing import Any

from checks.shingles import tokens

MASK = "[…]"


def identifying_phrases(fields: dict[str, Any]) -> list[str]:
    """The author names and units of a dossier's fields, longest first."""
    found: list[str] = []
    for a in fields.get("authors") or []:
        found += [a.get("name") or "", a.get("unit") or ""]
    found += list(fields.get("description_authors") or [])
    found += [fields.get("unit") or "", fields.get("investor") or ""]
    words = {p.strip(): len(tokens(p)[2]) for p in found if p and p.strip()}
    return sorted((p for p, n in words.items() if n >= 2), key=lambda p: -words[p])


def mask(text: str, phrases: list[str]) -> str:
    """``text`` with every occurrence of each phrase replaced by "[…]"."""
    if not text or not phrases:
        return text
    starts, ends, forms = tokens(text)
    spans = []
    for phrase in phrases:
        want = tokens(phrase)[2]
        n = len(want)
        for i in range(len(forms) - n + 1):
            if forms[i:i + n] == want:
                spans.append((starts[i], ends[i + n - 1]))
    if not spans:
        return text
    out, at = [], 0
    for start, end in sorted(spans):
        if start < at:  # inside a span already masked
            at = max(at, end)
            continue
        out += [text[at:start], MASK]
        at = end
    return "".join(out) + text[at:]


def mask_all(value: Any, phrases: list[str]) -> Any:
    """``value`` (a report: dicts, lists, strings) with every string masked."""
    if isinstance(value, str):
        return mask(value, phrases)
    if isinstance(value, dict):
        return {k: mask_all(v, phrases) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [mask_all(v, phrases) for v in value]
    return value
