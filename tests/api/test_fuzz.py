"""The API fuzzed from its own OpenAPI document (schemathesis, bounded for CI): whatever a
client sends, no 500, and every error in the one error shape. Requests are signed in as an
admin (the role that reaches every route) with a fresh token each, so a fuzzed "revoke token"
does not lock the fuzzer out."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from sqlalchemy import select

from api.app import create_app
from api.auth import create_user, issue_token
from ingest.runtime import Runtime
from models.settings import Settings
from models.tables import User


def _app():
    """The app on an empty home of its own (the schema is loaded at import, before fixtures)."""
    home = Path(tempfile.mkdtemp(prefix="hoso-fuzz-"))
    atexit.register(shutil.rmtree, home, True)
    settings = Settings(home=home / "var", max_file_bytes=64 * 1024, _env_file=None)
    rt = Runtime(settings)
    with rt.db.session() as s:
        create_user(s, "quantri", "admin", "mat-khau-quan-tri")
    return create_app(settings), rt


APP, RT = _app()
schema = schemathesis.openapi.from_asgi("/api/openapi.json", APP)


def _admin() -> dict[str, str]:
    with RT.db.session() as s:
        _, token = issue_token(s, s.scalar(select(User).where(User.login == "quantri")), "fuzz")
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_never_fails_and_errors_keep_their_shape(case) -> None:
    response = case.call(headers=_admin())
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error"} and body["error"]["code"] and body["error"]["message"]
