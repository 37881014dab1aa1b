"""Field extraction. STUB: being written."""

from __future__ import annotations

from collections.abc import Sequence

from models.understanding import DocView, Fields, Section


def extract_fields(docs: Sequence[DocView], sections: Sequence[Section]) -> Fields:
    raise NotImplementedError
