"""The browser the browser tests drive: Debian's chromium through Playwright, launched once a
module (a missing browser skips at once, before any server starts)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.api.web.browser import chromium_or_skip


@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    options = chromium_or_skip()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(**options)
        yield browser
        browser.close()
