"""The API fuzzed from its own OpenAPI document (schemathesis, bounded for CI): whatever a
client sends, no 500, and every error in the one error shape."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from api.app import create_app
from models.settings import Settings


def _app():
    """The app on an empty home of its own (the schema is loaded at import, before fixtures)."""
    home = Path(tempfile.mkdtemp(prefix="hoso-fuzz-"))
    atexit.register(shutil.rmtree, home, True)
    return create_app(Settings(home=home / "var", max_file_bytes=64 * 1024, _env_file=None))


schema = schemathesis.openapi.from_asgi("/api/openapi.json", _app())


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_never_fails_and_errors_keep_their_shape(case) -> None:
    response = case.call()
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error"} and body["error"]["code"] and body["error"]["message"]
