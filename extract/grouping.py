"""Grouping loose files into dossiers. STUB: being written."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class LooseFile:
    name: str
    kind: str
    title: str | None
    authors: tuple[str, ...]


def group_loose(files: Sequence[LooseFile]) -> list[list[int]]:
    raise NotImplementedError
