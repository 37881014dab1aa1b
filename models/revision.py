"""What changed between a dossier sent back for a supplement and its resubmission.

Pure: two dossiers' understanding JSON (``Dossier.understanding``: "sections" with key,
heading, chars, empty; "completeness" with "missing" and "findings") and their whole texts
(every page, in file and page order) in; a plain dict out. No database session.

- sections added / removed: by key, a section counting only when it has content (DESIGN.md:
  a heading alone is not a section), so a section that was empty and now is written counts
  as added;
- missing parts resolved / still missing / newly missing: by key, with their labels;
- findings resolved / new: by (code, key);
- sections whose text changed: present in both, and their length changed by more than
  ``CHARS_CHANGE`` or the words of their text are less than ``SIMILAR`` alike;
- the similarity of the two texts as a whole (0..1).

A section's text is found approximately: each heading is looked for in the dossier's text
(spacing and case ignored), in the order the sections are listed, each after the previous
one; a section's text runs from the end of its heading to the start of the next heading
found. A heading not found gives no text, and then only the lengths (``chars``) compare.
Texts are compared as sequences of words (``rapidfuzz``'s Indel similarity), which keeps a
long dossier's comparison fast and ignores line breaks and spacing.

Confidentiality: the result carries keys, headings, labels, finding codes and messages (the
checks' own sentences), counts and ratios, never a dossier's text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from rapidfuzz.distance import Indel

CHARS_CHANGE = 0.10  # a section whose length changed by more than this share has changed
SIMILAR = 0.90  # a section whose words are less alike than this has changed
_WORD = re.compile(r"\w+")

Json = Mapping[str, Any]


def revision(old: Json, new: Json, old_text: str, new_text: str) -> dict[str, Any]:
    """What the resubmission ``new`` changed from ``old`` (both ``Dossier.understanding``)."""
    before, after = _present(old), _present(new)
    out: dict[str, Any] = {
        "sections_added": [_heading(after[k]) for k in after if k not in before],
        "sections_removed": [_heading(before[k]) for k in before if k not in after],
        "sections_changed": _changed(before, after, section_texts(_sections(old), old_text),
                                     section_texts(_sections(new), new_text)),
        **_missing(old, new),
        **_findings(old, new),
        "similarity": round(similarity(old_text, new_text), 4),
    }
    out["changed"] = out["similarity"] < 1 or any(
        out[k] for k in ("sections_added", "sections_removed", "sections_changed",
                         "missing_resolved", "missing_new", "findings_resolved", "findings_new"))
    return out


def similarity(a: str, b: str) -> float:
    """How alike two texts are, word by word (1.0: the same words in the same order)."""
    return Indel.normalized_similarity(words(a), words(b))


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def section_texts(sections: Iterable[Json], text: str) -> dict[str, str]:
    """Each section key's text cut from ``text`` between its heading and the next heading found
    (the texts of sections sharing a key joined)."""
    flat = " ".join(text.split()).casefold()
    found: list[tuple[int, int, str]] = []  # (heading start, heading end, key)
    cursor = 0
    for x in sections:
        heading = " ".join(str(x.get("heading") or "").split()).casefold()
        at = flat.find(heading, cursor) if heading else -1
        if at >= 0:
            found.append((at, at + len(heading), x["key"]))
            cursor = at + len(heading)
    out: dict[str, str] = {}
    for i, (_, end, key) in enumerate(found):
        stop = found[i + 1][0] if i + 1 < len(found) else len(flat)
        out[key] = (out.get(key, "") + " " + flat[end:stop]).strip()
    return out


# ---------------------------------------------------------------------------- helpers


def _sections(u: Json) -> list[Json]:
    return list(u.get("sections") or [])


def _present(u: Json) -> dict[str, dict[str, Any]]:
    """Sections with content by key, in order: the first heading, the lengths added up."""
    out: dict[str, dict[str, Any]] = {}
    for x in _sections(u):
        if x.get("empty"):
            continue
        seen = out.setdefault(x["key"], {"key": x["key"], "heading": x.get("heading"), "chars": 0})
        seen["chars"] += x.get("chars") or 0
    return out


def _heading(x: Json) -> dict[str, Any]:
    return {"key": x["key"], "heading": x["heading"]}


def _changed(before: Json, after: Json, old_texts: Json, new_texts: Json) -> list[dict[str, Any]]:
    out = []
    for key, now in after.items():
        if key not in before:
            continue
        was = before[key]["chars"]
        ratio = abs(now["chars"] - was) / max(was, 1)
        alike = (similarity(old_texts[key], new_texts[key])
                 if key in old_texts and key in new_texts else None)
        if ratio > CHARS_CHANGE or (alike is not None and alike < SIMILAR):
            out.append({**_heading(now), "chars_before": was, "chars_after": now["chars"],
                        "similarity": None if alike is None else round(alike, 4)})
    return out


def _missing(old: Json, new: Json) -> dict[str, list[dict[str, Any]]]:
    def parts(u: Json) -> dict[str, dict[str, Any]]:
        return {m["key"]: {"key": m["key"], "label": m.get("label") or m["key"]}
                for m in (u.get("completeness") or {}).get("missing") or []}

    was, now = parts(old), parts(new)
    return {"missing_resolved": [v for k, v in was.items() if k not in now],
            "missing_still": [v for k, v in now.items() if k in was],
            "missing_new": [v for k, v in now.items() if k not in was]}


def _findings(old: Json, new: Json) -> dict[str, list[dict[str, Any]]]:
    def found(u: Json) -> dict[tuple[str, str | None], dict[str, Any]]:
        return {(f["code"], f.get("key")): {"code": f["code"], "key": f.get("key"),
                                            "severity": f.get("severity"),
                                            "message": f.get("message")}
                for f in (u.get("completeness") or {}).get("findings") or []}

    was, now = found(old), found(new)
    return {"findings_resolved": [v for k, v in was.items() if k not in now],
            "findings_new": [v for k, v in now.items() if k not in was]}
