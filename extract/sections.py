"""Section segmentation. STUB: being written."""

from __future__ import annotations

from models.understanding import DocView, Section

# section key -> Vietnamese label (for "missing" lists and messages)
LABELS: dict[str, str] = {}


def find_sections(doc: DocView) -> tuple[Section, ...]:
    raise NotImplementedError
