"""Stack splitting. STUB: being written."""

from __future__ import annotations

from collections.abc import Sequence

from models.domain import Page
from models.understanding import Segment, StackPart


def split_stack(pages: Sequence[Page], name: str = "") -> tuple[StackPart, ...]:
    raise NotImplementedError


def segments(pages: Sequence[Page], name: str = "") -> tuple[Segment, ...]:
    raise NotImplementedError
