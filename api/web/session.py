"""Signing in and out on the web, and where each role lands after signing in."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from api.audit import record
from api.auth import (
    SESSION_COOKIE,
    SESSION_TTL,
    close_session,
    normal_login,
    open_session,
    principal_of,
    sign_in,
)
from api.deps import Who, client_ip, runtime
from api.web.render import page
from models.errors import TooManyAttempts

router = APIRouter()
HOME = {"secretariat": "/hang-doi", "reviewer": "/hang-doi", "admin": "/hang-doi",
        "archivist": "/luu-tru"}


def safe_next(target: str | None) -> str | None:
    """Only a path of this site (``/…``, not ``//host``) is followed after signing in."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return None


@router.get("/", response_class=RedirectResponse)
def home(who: Who) -> RedirectResponse:
    return RedirectResponse(HOME[who.role], status_code=303)


@router.get("/dang-nhap", response_class=HTMLResponse)
def login_form(request: Request, next: str | None = None) -> HTMLResponse:
    return page(request, "login.html", None, next=safe_next(next) or "", login="", failed=None)


@router.post("/dang-nhap", response_class=HTMLResponse)
def login(request: Request, login: Annotated[str, Form(max_length=100)],
          password: Annotated[str, Form(max_length=1000)],
          next: Annotated[str, Form(max_length=2000)] = "") -> Response:
    rt = runtime(request)
    ip = client_ip(request)
    try:
        with rt.db.session() as s:
            user = sign_in(s, login, password, ip)
            if user is None:
                record(s, None, "login_failed", login=normal_login(login), ip=ip)
            else:
                _, secret = open_session(s, user)
                record(s, principal_of(user, "session"), "login", ip=ip)
                role = user.role
    except TooManyAttempts as exc:
        with rt.db.session() as s:
            record(s, None, "login_throttled", login=normal_login(login), ip=ip)
        return page(request, "login.html", None, status_code=429, next=safe_next(next) or "",
                    login=login, failed=exc.message)
    if user is None:
        return page(request, "login.html", None, status_code=401, next=safe_next(next) or "",
                    login=login, failed="Tên đăng nhập hoặc mật khẩu không đúng.")
    out = RedirectResponse(safe_next(next) or HOME[role], status_code=303)
    out.set_cookie(SESSION_COOKIE, secret, max_age=int(SESSION_TTL.total_seconds()),
                   httponly=True, samesite="lax", secure=rt.settings.secure_cookies, path="/")
    return out


@router.post("/dang-xuat", response_class=RedirectResponse)
def logout(who: Who, request: Request) -> RedirectResponse:
    with runtime(request).db.session() as s:
        close_session(s, request.cookies.get(SESSION_COOKIE))
        record(s, who, "logout", ip=client_ip(request))
    out = RedirectResponse("/dang-nhap", status_code=303)
    out.delete_cookie(SESSION_COOKIE, path="/")
    return out
