"""Short constructors for writing dossier content, and common facts."""

from __future__ import annotations

from datetime import date

from samples.texts import Para

D = date


def H(text: str, key: str | None = None, level: int = 2) -> Para:
    """A heading line (bold); ``key`` = the section it starts."""
    return Para(text, "heading", key=key, level=level)


def P(*texts: str) -> tuple[Para, ...]:
    """Body paragraphs."""
    return tuple(Para(t) for t in texts)


def L(label: str, content: str, key: str | None = None, sep: str = ": ") -> Para:
    """A heading with its content on the same line: "3. Lĩnh vực áp dụng: Giáo dục."."""
    return Para(f"{label}{sep}{content}", key=key, label=label)


def T(text: str) -> Para:
    return Para(text, "title")


def C(text: str) -> Para:
    return Para(text, "center")


def CP(text: str) -> Para:
    return Para(text, "plain-center")


def SIGN(place_date: str, role: str, *names: str) -> tuple[Para, ...]:
    return (Para(place_date, "right"), Para(role, "sign"), *(Para(n, "sign") for n in names))
