"""Accounts, sign-in and who is asking: passwords, sessions, API tokens, throttling, CSRF.

- Passwords are hashed with Argon2id (``argon2-cffi``, its RFC 9106 low-memory profile),
  re-hashed on sign-in when the parameters change; never stored or logged in clear.
- Web sessions: a random token in an HttpOnly, SameSite=Lax cookie (``hoso_session``); the
  database keeps only its sha256, with an expiry. Each session has a CSRF token: a request
  that changes something and is authenticated by the cookie must carry it (``X-CSRF-Token``
  header, or a ``csrf_token`` form field), so another site cannot act with the user's cookie.
- API tokens (``Authorization: Bearer …``) for programs and scripts; shown once, stored as
  sha256, revocable. A bearer token is never sent by a browser on its own, so no CSRF check.
- Login throttling: after ``MAX_FAILURES`` failed sign-ins of one login (or ``MAX_IP_FAILURES``
  from one address) within ``WINDOW``, sign-in is refused with 429 until the window passes.
  An unknown login costs the same hashing time as a known one.

Roles (DESIGN.md): ``secretariat`` uploads, assigns, issues letters; ``reviewer`` sees and
decides the dossiers assigned to them, plus the archive; ``archivist`` keeps the archive
(imports, search, exports); ``admin`` runs accounts and rounds and may do everything.
What each role may read is decided in ``api.access``.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from argon2.profiles import RFC_9106_LOW_MEMORY
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.errors import BadInput, Conflict, TooManyAttempts
from models.tables import ApiToken, LoginAttempt, User, WebSession

ROLES = ("secretariat", "reviewer", "archivist", "admin")
ROLE_VI = {"secretariat": "thư ký hội đồng", "reviewer": "thành viên hội đồng (chấm)",
           "archivist": "lưu trữ", "admin": "quản trị"}
SESSION_COOKIE = "hoso_session"
SESSION_TTL = timedelta(hours=12)
WINDOW = timedelta(minutes=15)
MAX_FAILURES = 5
MAX_IP_FAILURES = 30
MIN_PASSWORD = 10
LOGIN_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,62}$")

_hasher = PasswordHasher.from_parameters(RFC_9106_LOW_MEMORY)
_DUMMY_HASH = _hasher.hash("hoso: a password nobody has")


@dataclass(frozen=True)
class Principal:
    """Who is asking, as the routes see it."""

    id: int
    login: str
    name: str
    role: str
    via: str  # "session" | "token"
    csrf: str | None = None  # the session's CSRF token (sessions only)
    unit: str | None = None


def principal_of(user: User, via: str, csrf: str | None = None) -> Principal:
    return Principal(user.id, user.login, user.name, user.role, via, csrf, user.unit)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise BadInput(f"password shorter than {MIN_PASSWORD}",
                       message=f"Mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự.")


def create_user(s: Session, login: str, role: str, password: str, *, name: str = "",
                unit: str | None = None) -> User:
    login = login.strip().lower()
    if not LOGIN_RE.match(login):
        raise BadInput(f"bad login {login!r}", message="Tên đăng nhập chỉ gồm chữ thường không "
                       "dấu, số, dấu chấm, gạch ngang hoặc gạch dưới (2–63 ký tự).")
    if role not in ROLES:
        raise BadInput(f"unknown role {role!r}",
                       message=f"Vai trò “{role}” không có; các vai trò: {', '.join(ROLES)}.")
    check_new_password(password)
    if s.scalar(select(User.id).where(User.login == login)) is not None:
        raise Conflict(f"login {login!r} exists", message=f"Tên đăng nhập “{login}” đã có.")
    user = User(login=login, role=role, name=name or login, unit=unit,
                password_hash=hash_password(password), active=True)
    s.add(user)
    s.flush()
    return user


def set_password(user: User, password: str) -> None:
    check_new_password(password)
    user.password_hash = hash_password(password)


def issue_token(s: Session, user: User, name: str = "") -> tuple[ApiToken, str]:
    """A new API token for ``user``; the secret is returned once and stored hashed."""
    secret = "hoso_" + secrets.token_urlsafe(32)
    token = ApiToken(user_id=user.id, name=name, token_sha256=digest(secret), revoked=False)
    s.add(token)
    s.flush()
    return token, secret


def sign_in(s: Session, login: str, password: str, ip: str | None,
            now: datetime | None = None) -> User | None:
    """The user whose password this is, or None (the failed attempt is recorded in ``s``);
    ``TooManyAttempts`` while throttled, checked before the password, so guessing on
    learns nothing."""
    now = now or datetime.now(UTC)
    login = normal_login(login)
    _throttle(s, login, ip, now)
    user = s.scalar(select(User).where(User.login == login))
    try:
        ok = _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        ok = False
    ok = ok and user is not None and user.active
    s.add(LoginAttempt(login=login, ip=ip, ok=ok, at=now))
    if not ok:
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user


def normal_login(login: str) -> str:
    return login.strip().lower()[:100]


def _throttle(s: Session, login: str, ip: str | None, now: datetime) -> None:
    since = now - WINDOW
    last_ok = s.scalar(select(func.max(LoginAttempt.at)).where(
        LoginAttempt.login == login, LoginAttempt.ok.is_(True)))
    start = max(since, _aware(last_ok)) if last_ok else since
    failures = s.scalar(select(func.count()).select_from(LoginAttempt).where(
        LoginAttempt.login == login, LoginAttempt.ok.is_(False), LoginAttempt.at > start)) or 0
    by_ip = 0
    if ip:
        by_ip = s.scalar(select(func.count()).select_from(LoginAttempt).where(
            LoginAttempt.ip == ip, LoginAttempt.ok.is_(False), LoginAttempt.at > since)) or 0
    if failures >= MAX_FAILURES or by_ip >= MAX_IP_FAILURES:
        raise TooManyAttempts(f"{login!r}: {failures} failures, {ip}: {by_ip}",
                              retry_after_s=int(WINDOW.total_seconds()))


def open_session(s: Session, user: User, now: datetime | None = None) -> tuple[WebSession, str]:
    now = now or datetime.now(UTC)
    secret = secrets.token_urlsafe(32)
    session = WebSession(user_id=user.id, token_sha256=digest(secret),
                         csrf=secrets.token_urlsafe(24), created_at=now,
                         expires_at=now + SESSION_TTL)
    s.add(session)
    s.flush()
    return session, secret


def close_session(s: Session, cookie: str | None) -> None:
    if cookie:
        for row in s.scalars(select(WebSession).where(WebSession.token_sha256 == digest(cookie))):
            s.delete(row)


def identify(s: Session, *, bearer: str | None, cookie: str | None,
             now: datetime | None = None) -> Principal | None:
    """Who sent the request: a valid API token first, else a live session; None otherwise."""
    now = now or datetime.now(UTC)
    if bearer:
        token = s.scalar(select(ApiToken).where(ApiToken.token_sha256 == digest(bearer)))
        if token is None or token.revoked or not token.user.active:
            return None
        if token.last_used_at is None or now - _aware(token.last_used_at) > timedelta(minutes=5):
            token.last_used_at = now  # not on every request: uploads in parallel would contend
        return principal_of(token.user, "token")
    if cookie:
        row = s.scalar(select(WebSession).where(WebSession.token_sha256 == digest(cookie)))
        if row is None or _aware(row.expires_at) <= now or not row.user.active:
            return None
        return principal_of(row.user, "session", row.csrf)
    return None


def csrf_ok(principal: Principal, sent: str | None) -> bool:
    return principal.via != "session" or (
        sent is not None and principal.csrf is not None
        and hmac.compare_digest(sent.encode(), principal.csrf.encode()))


def _aware(at: datetime) -> datetime:
    """SQLite hands datetimes back without their zone; they were stored in UTC."""
    return at if at.tzinfo else at.replace(tzinfo=UTC)
