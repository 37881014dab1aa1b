"""Finding dossiers by what people remember of them: title, authors, unit, field, source.

``search_key`` is the dossier's record folded the way people type it: lower case, no
diacritics, "đ" as "d" (``checks.shingles.fold``), so "sang kien" finds "Sáng kiến". Each
word of a query must occur in the key. The key is stored on the dossier when it is
understood (``ingest.assemble``); the full-text index over the pages is the web app's.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from checks.shingles import fold

MAX_TERMS = 8


def search_key(source: str, understanding: dict[str, Any] | None,
               meta: dict[str, Any] | None) -> str:
    fields = (understanding or {}).get("fields", {})
    meta = meta or {}
    parts: list[Any] = [
        meta.get("title"), fields.get("title"), fields.get("description_title"),
        meta.get("unit"), fields.get("unit"), meta.get("field"), fields.get("field"),
        meta.get("authors"), *(a.get("name") for a in fields.get("authors", [])),
        *(fields.get("description_authors") or []), meta.get("year") or fields.get("year"),
        source,
    ]
    return " | ".join(" ".join(fold(str(p)).split()) for p in dict.fromkeys(_flat(parts)))


def terms(query: str) -> list[str]:
    """The folded words of a query, at most ``MAX_TERMS``; LIKE wildcards taken literally."""
    words = [w for w in fold(query).split() if w]
    return [w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            for w in dict.fromkeys(words)][:MAX_TERMS]


def _flat(parts: Iterable[Any]) -> Iterable[str]:
    for p in parts:
        if p is None or p == "":
            continue
        if isinstance(p, list | tuple):
            yield from (str(x) for x in p if x)
        else:
            yield str(p)
