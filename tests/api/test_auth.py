"""Signing in: hashed passwords, sessions with their CSRF token, API tokens, throttling, and
the audit log of it all."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.app import create_app
from api.auth import MAX_FAILURES, WINDOW, create_user, sign_in
from ingest.runtime import Runtime
from models.errors import BadInput, Conflict, TooManyAttempts
from models.tables import AuditEntry, LoginAttempt, User
from tests.api.people import PASSWORD, accounts


@pytest.fixture
def app(settings):
    rt = Runtime(settings)
    return rt, accounts(rt), TestClient(create_app(settings))


def _login(client: TestClient, login: str, password: str = PASSWORD):
    return client.post("/api/auth/login", json={"login": login, "password": password})


def test_passwords_are_stored_as_argon2id_hashes(app) -> None:
    rt, _, _ = app
    with rt.db.session() as s:
        user = s.scalar(select(User).where(User.login == "admin"))
        assert user.password_hash.startswith("$argon2id$") and PASSWORD not in user.password_hash
        with pytest.raises(BadInput):
            create_user(s, "ngan", "reviewer", "ngan")  # too short
        with pytest.raises(BadInput):
            create_user(s, "Tên Có Dấu", "reviewer", "x" * 12)
        with pytest.raises(BadInput):
            create_user(s, "khach", "guest", "x" * 12)
        with pytest.raises(Conflict):
            create_user(s, "ADMIN", "admin", "x" * 12)  # logins are case-insensitive


def test_a_session_works_and_changes_need_its_csrf_token(app) -> None:
    _, _, client = app
    r = _login(client, " Secretariat ")
    assert r.status_code == 200, r.text
    csrf = r.json()["csrf_token"]
    cookie = r.headers["set-cookie"]
    assert "hoso_session=" in cookie and "HttpOnly" in cookie and "samesite=lax" in cookie.lower()
    me = client.get("/api/auth/me").json()
    assert me["login"] == "secretariat" and me["via"] == "session" and me["csrf_token"] == csrf
    refused = client.post("/api/auth/tokens", json={"name": "x"})  # cookie only: a forged form
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "csrf_failed"
    wrong = client.post("/api/auth/tokens", json={"name": "x"}, headers={"X-CSRF-Token": "sai"})
    assert wrong.status_code == 403
    ok = client.post("/api/auth/tokens", json={"name": "x"}, headers={"X-CSRF-Token": csrf})
    assert ok.status_code == 201
    form = client.post("/api/batches", data={"csrf_token": csrf, "round": "2026"},
                       files=[("files", ("a.docx", b"PK"))])
    assert form.status_code == 202, form.text  # a form carries the token as a field
    out = client.post("/api/auth/logout", headers={"X-CSRF-Token": csrf})
    assert out.status_code == 200
    assert client.get("/api/auth/me").status_code == 401


def test_a_token_needs_no_csrf_and_stops_when_revoked(app) -> None:
    _, people, client = app
    made = client.post("/api/auth/tokens", json={"name": "script"},
                       headers=people["archivist"]["headers"]).json()
    bearer = {"Authorization": f"Bearer {made['token']}"}
    assert client.get("/api/auth/me", headers=bearer).json()["login"] == "archivist"
    assert client.delete(f"/api/auth/tokens/{made['id']}", headers=bearer).status_code == 200
    gone = client.get("/api/auth/me", headers=bearer)
    assert gone.status_code == 401 and gone.json()["error"]["code"] == "not_authenticated"
    assert client.get("/api/auth/me", headers={"Authorization": "Bearer hoso_bia"}).status_code == 401


def test_a_disabled_account_is_locked_out_at_once(app) -> None:
    _, people, client = app
    r = client.patch(f"/api/users/{people['reviewer']['id']}", json={"active": False},
                     headers=people["admin"]["headers"])
    assert r.status_code == 200 and r.json()["active"] is False
    assert client.get("/api/auth/me", headers=people["reviewer"]["headers"]).status_code == 401
    assert _login(client, "reviewer").status_code == 401
    self_lock = client.patch(f"/api/users/{people['admin']['id']}", json={"active": False},
                             headers=people["admin"]["headers"])
    assert self_lock.status_code == 409


def test_repeated_failures_are_throttled_and_audited(app) -> None:
    rt, _, client = app
    for _ in range(MAX_FAILURES):
        r = _login(client, "admin", "doan-sai-mat-khau")
        assert r.status_code == 401 and r.json()["error"]["code"] == "not_authenticated"
    blocked = _login(client, "admin")  # even the right password, until the window passes
    assert blocked.status_code == 429 and blocked.json()["error"]["code"] == "too_many_attempts"
    assert int(blocked.headers["retry-after"]) > 0
    assert _login(client, "secretariat").status_code == 200  # other accounts are not affected
    unknown = _login(client, "khong-co-ai", "abc")
    assert unknown.status_code == 401  # the same answer as a wrong password
    with rt.db.session() as s:
        actions = [e.action for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]
        assert actions.count("login_failed") == MAX_FAILURES + 1
        assert "login_throttled" in actions and "login" in actions
        # the window passes: the next sign-in is weighed again
        later = datetime.now(UTC) + WINDOW + timedelta(seconds=1)
        assert sign_in(s, "admin", PASSWORD, "testclient", now=later) is not None
        assert s.scalars(select(LoginAttempt).where(LoginAttempt.ok.is_(True))).first()


def test_throttling_counts_failures_since_the_last_success(app) -> None:
    rt, _, _ = app
    now = datetime.now(UTC)
    with rt.db.session() as s:
        for i in range(MAX_FAILURES - 1):
            assert sign_in(s, "archivist", "sai", "1.2.3.4", now=now + timedelta(seconds=i)) is None
        assert sign_in(s, "archivist", PASSWORD, "1.2.3.4", now=now + timedelta(seconds=10))
        for i in range(MAX_FAILURES - 1):  # would be the 5th..8th in the window: not blocked
            assert sign_in(s, "archivist", "sai", "1.2.3.4", now=now + timedelta(seconds=20 + i)) is None
        assert sign_in(s, "archivist", PASSWORD, "1.2.3.4", now=now + timedelta(seconds=30))
        for i in range(MAX_FAILURES):
            sign_in(s, "archivist", "sai", None, now=now + timedelta(seconds=40 + i))
        with pytest.raises(TooManyAttempts):
            sign_in(s, "archivist", PASSWORD, None, now=now + timedelta(seconds=50))
