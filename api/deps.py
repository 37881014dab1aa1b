"""What every route depends on: the runtime, who is asking (with the CSRF check), ids."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.security import APIKeyCookie, HTTPAuthorizationCredentials, HTTPBearer

from api.auth import SESSION_COOKIE, Principal, csrf_ok, identify
from ingest.runtime import Runtime
from models.errors import CsrfFailed, NotAuthenticated

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")

Id = Annotated[int, PathParam(ge=1, le=2**31 - 1)]  # row ids: what the databases can hold
Position = Annotated[int, PathParam(ge=0, le=100_000)]

_bearer = HTTPBearer(auto_error=False, description="Mã truy cập API: `Authorization: Bearer …`")
_cookie = APIKeyCookie(name=SESSION_COOKIE, auto_error=False,
                       description="Phiên đăng nhập web (kèm `X-CSRF-Token` khi thay đổi dữ liệu)")


def runtime(request: Request) -> Runtime:
    return request.app.state.rt


def client_ip(request: Request) -> str | None:
    return request.client.host if request.client else None


async def current(request: Request,
                  bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
                  cookie: Annotated[str | None, Depends(_cookie)]) -> Principal:
    """The signed-in user; 401 without a valid token or session. A change sent with the
    session cookie must carry the session's CSRF token (header, or form field)."""
    rt = runtime(request)

    def look_up() -> Principal | None:
        with rt.db.session() as s:
            return identify(s, bearer=bearer.credentials if bearer else None, cookie=cookie)

    who = await run_in_threadpool(look_up)
    if who is None:
        raise NotAuthenticated("no valid token or session")
    if request.method not in SAFE_METHODS and who.via == "session":
        sent = request.headers.get("x-csrf-token")
        if sent is None and request.headers.get("content-type", "").startswith(FORM_TYPES):
            sent = (await request.form()).get("csrf_token")
        if not csrf_ok(who, sent if isinstance(sent, str) else None):
            raise CsrfFailed("missing or wrong CSRF token")
    return who


Who = Annotated[Principal, Depends(current)]
