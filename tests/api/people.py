"""Accounts for API tests: one of each role (and a second reviewer), each with an API token."""

from __future__ import annotations

from api.auth import ROLES, create_user, issue_token
from ingest.runtime import Runtime

PASSWORD = "mat-khau-du-dai-1"
LOGINS = (*ROLES, "reviewer2")


def accounts(rt: Runtime) -> dict[str, dict]:
    """login -> {"id", "role", "headers"}; the login is the role ("reviewer2": a reviewer)."""
    out = {}
    with rt.db.session() as s:
        for login in LOGINS:
            role = "reviewer" if login == "reviewer2" else login
            user = create_user(s, login, role, PASSWORD, name=f"Người dùng {login}")
            _, token = issue_token(s, user, "test")
            out[login] = {"id": user.id, "role": role,
                          "headers": {"Authorization": f"Bearer {token}"}}
    return out
