"""The audit log: every state change, decision, download and sign-in, with who and when.

Written in the same transaction as the change it records, so a change is never without its
entry and an entry never without its change. Read by admins (``GET /api/audit``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from api.auth import Principal
from models.tables import AuditEntry


def record(s: Session, who: Principal | None, action: str, *, object_type: str | None = None,
           object_id: int | None = None, detail: dict[str, Any] | None = None,
           ip: str | None = None, login: str | None = None) -> AuditEntry:
    entry = AuditEntry(user_id=who.id if who else None, login=login or (who.login if who else None),
                       action=action, object_type=object_type, object_id=object_id,
                       detail=detail, ip=ip)
    s.add(entry)
    return entry


def entry_json(e: AuditEntry) -> dict[str, Any]:
    return {"id": e.id, "at": e.at.isoformat(), "user": e.user_id, "login": e.login,
            "action": e.action, "object_type": e.object_type, "object_id": e.object_id,
            "detail": e.detail, "ip": e.ip}
