"""Shared fixtures. Every test gets its own HOSO_HOME; nothing depends on test order."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpora" / "legacy-vn"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path / "var", _env_file=None)
