"""Routes of accounts: sign in and out, who am I, API tokens; users and the audit log (admin)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel, Field
from sqlalchemy import func, select

from api import access
from api.audit import entry_json, record
from api.auth import (
    ROLE_VI,
    ROLES,
    SESSION_COOKIE,
    SESSION_TTL,
    close_session,
    create_user,
    issue_token,
    normal_login,
    open_session,
    principal_of,
    set_password,
    sign_in,
)
from api.deps import Id, Who, client_ip, runtime
from models.errors import BadInput, Conflict, NotAuthenticated, NotFound, TooManyAttempts
from models.tables import ApiToken, AuditEntry, User

router = APIRouter()
RolePattern = "^(" + "|".join(ROLES) + ")$"


class Credentials(BaseModel):
    login: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=1000)


class NewToken(BaseModel):
    name: str = Field("", max_length=200)


class NewUser(BaseModel):
    login: str = Field(min_length=2, max_length=63)
    role: str = Field(pattern=RolePattern)
    password: str = Field(min_length=1, max_length=1000)
    name: str = Field("", max_length=200)
    unit: str | None = Field(None, max_length=300)


class UserChange(BaseModel):
    role: str | None = Field(None, pattern=RolePattern)
    active: bool | None = None
    password: str | None = Field(None, min_length=1, max_length=1000)
    name: str | None = Field(None, max_length=200)
    unit: str | None = Field(None, max_length=300)


def user_json(u: User) -> dict[str, Any]:
    return {"id": u.id, "login": u.login, "name": u.name, "role": u.role,
            "role_label": ROLE_VI[u.role], "unit": u.unit, "active": u.active}


@router.post("/api/auth/login", tags=["accounts"])
def login(body: Credentials, request: Request, response: Response) -> dict[str, Any]:
    """Sign in: sets the session cookie; returns the user and the session's CSRF token.
    Repeated failures are refused for a while (429, ``too_many_attempts``)."""
    rt = runtime(request)
    ip = client_ip(request)
    try:
        with rt.db.session() as s:
            user = sign_in(s, body.login, body.password, ip)
            if user is None:
                record(s, None, "login_failed", login=normal_login(body.login), ip=ip)
            else:
                session, secret = open_session(s, user)
                record(s, principal_of(user, "session"), "login", ip=ip)
                out = {"user": user_json(user), "csrf_token": session.csrf}
    except TooManyAttempts:
        with rt.db.session() as s:
            record(s, None, "login_throttled", login=normal_login(body.login), ip=ip)
        raise
    if user is None:
        raise NotAuthenticated("sign-in failed",
                               message="Tên đăng nhập hoặc mật khẩu không đúng.")
    response.set_cookie(SESSION_COOKIE, secret, max_age=int(SESSION_TTL.total_seconds()),
                        httponly=True, samesite="lax", secure=rt.settings.secure_cookies,
                        path="/")
    return out


@router.post("/api/auth/logout", tags=["accounts"])
def logout(who: Who, request: Request, response: Response) -> dict[str, Any]:
    rt = runtime(request)
    with rt.db.session() as s:
        close_session(s, request.cookies.get(SESSION_COOKIE))
        record(s, who, "logout", ip=client_ip(request))
    response.delete_cookie(SESSION_COOKIE, path="/")
    return {"ok": True}


@router.get("/api/auth/me", tags=["accounts"])
def me(who: Who, request: Request) -> dict[str, Any]:
    with runtime(request).db.session() as s:
        out = user_json(s.get(User, who.id))
    return {**out, "via": who.via, "csrf_token": who.csrf}


@router.post("/api/auth/tokens", status_code=201, tags=["accounts"])
def new_token(body: NewToken, who: Who, request: Request) -> dict[str, Any]:
    """A new API token for yourself; the token is shown this once."""
    with runtime(request).db.session() as s:
        token, secret = issue_token(s, s.get(User, who.id), body.name)
        record(s, who, "token_created", object_type="token", object_id=token.id,
               ip=client_ip(request))
        return {"id": token.id, "name": token.name, "token": secret}


@router.delete("/api/auth/tokens/{token_id}", tags=["accounts"])
def revoke_token(token_id: Id, who: Who, request: Request) -> dict[str, Any]:
    with runtime(request).db.session() as s:
        token = s.get(ApiToken, token_id)
        if token is None or (token.user_id != who.id and who.role != "admin"):
            raise NotFound(f"token {token_id}", message="Không có mã truy cập này.")
        token.revoked = True
        record(s, who, "token_revoked", object_type="token", object_id=token_id,
               ip=client_ip(request))
    return {"ok": True}


@router.get("/api/users", tags=["admin"])
def users(who: Who, request: Request) -> dict[str, Any]:
    access.need(who, access.ADMIN)
    with runtime(request).db.session() as s:
        return {"items": [user_json(u) for u in s.scalars(select(User).order_by(User.id))]}


@router.get("/api/reviewers", tags=["review"])
def reviewers(who: Who, request: Request) -> dict[str, Any]:
    """Active reviewers, for assignment."""
    access.need(who, access.ASSIGN)
    with runtime(request).db.session() as s:
        rows = s.scalars(select(User).where(User.role == "reviewer", User.active.is_(True))
                         .order_by(User.name))
        return {"items": [user_json(u) for u in rows]}


@router.post("/api/users", status_code=201, tags=["admin"])
def add_user(body: NewUser, who: Who, request: Request) -> dict[str, Any]:
    access.need(who, access.ADMIN)
    with runtime(request).db.session() as s:
        user = create_user(s, body.login, body.role, body.password, name=body.name,
                           unit=body.unit)
        record(s, who, "user_created", object_type="user", object_id=user.id,
               detail={"login": user.login, "role": user.role}, ip=client_ip(request))
        return user_json(user)


@router.patch("/api/users/{user_id}", tags=["admin"])
def change_user(user_id: Id, body: UserChange, who: Who, request: Request) -> dict[str, Any]:
    access.need(who, access.ADMIN)
    with runtime(request).db.session() as s:
        user = s.get(User, user_id)
        if user is None:
            raise NotFound(f"user {user_id}", message=f"Không có người dùng mã {user_id}.")
        if user.id == who.id and (body.active is False or body.role not in (None, "admin")):
            raise Conflict("an admin cannot demote or disable themselves",
                           message="Không thể tự khoá hoặc tự bỏ quyền quản trị của mình.")
        changed = body.model_dump(exclude_unset=True, exclude={"password"})
        for key, value in changed.items():
            if value is None and key in ("role", "active", "name"):
                raise BadInput(f"{key} may not be null", message=f"Thiếu giá trị “{key}”.")
            setattr(user, key, value)
        if body.password is not None:
            set_password(user, body.password)
            changed["password"] = "changed"
        record(s, who, "user_updated", object_type="user", object_id=user.id, detail=changed,
               ip=client_ip(request))
        return user_json(user)


@router.get("/api/audit", tags=["admin"])
def audit(who: Who, request: Request,
          action: Annotated[str | None, Query(max_length=50)] = None,
          object_type: Annotated[str | None, Query(max_length=30)] = None,
          object_id: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
          user: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
          limit: Annotated[int, Query(ge=1, le=500)] = 100,
          offset: Annotated[int, Query(ge=0, le=2**31 - 1)] = 0) -> dict[str, Any]:
    """The audit log, newest first."""
    access.need(who, access.ADMIN)
    q = select(AuditEntry)
    for column, value in ((AuditEntry.action, action), (AuditEntry.object_type, object_type),
                          (AuditEntry.object_id, object_id), (AuditEntry.user_id, user)):
        if value is not None:
            q = q.where(column == value)
    with runtime(request).db.session() as s:
        total = s.scalar(select(func.count()).select_from(q.subquery())) or 0
        rows = s.scalars(q.order_by(AuditEntry.id.desc()).limit(limit).offset(offset))
        return {"total": total, "items": [entry_json(e) for e in rows]}
