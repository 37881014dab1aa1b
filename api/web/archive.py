"""The archive's search page (full-text, with or without diacritics; filters; snippets)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
