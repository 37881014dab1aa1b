"""Demo accounts for ``make run``: one of each role, with fresh passwords printed each time,
and the demo reviewer given every submission to review, so each role finds work on its pages.

For a trial on bundled samples only; a real office creates its accounts with ``hoso user add``.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy import select

from api.audit import record
from api.auth import create_user, set_password
from ingest.runtime import Runtime
from models.tables import Assignment, Dossier, User

DEMO = (  # login, role, name
    ("thuky", "secretariat", "Nguyễn Thị Thư Ký (demo)"),
    ("thanhvien", "reviewer", "Trần Văn Thành Viên (demo)"),
    ("luutru", "archivist", "Lê Thị Lưu Trữ (demo)"),
    ("quantri", "admin", "Phạm Văn Quản Trị (demo)"),
)


@dataclass(frozen=True)
class DemoLogin:
    login: str
    role: str
    password: str


def demo_accounts(rt: Runtime) -> list[DemoLogin]:
    """Create the demo accounts, or give them new passwords; assign the submissions."""
    out = []
    with rt.db.session() as s:
        for login, role, name in DEMO:
            password = secrets.token_urlsafe(9)
            user = s.scalar(select(User).where(User.login == login))
            if user is None:
                user = create_user(s, login, role, password, name=name)
            else:
                set_password(user, password)
                user.role, user.active = role, True
            record(s, None, "demo_account", object_type="user", object_id=user.id,
                   detail={"login": login, "role": role}, login="(make run)")
            out.append(DemoLogin(login, role, password))
        reviewer = s.scalar(select(User).where(User.login == "thanhvien"))
        taken = set(s.scalars(select(Assignment.dossier_id).where(Assignment.reviewer_id == reviewer.id)))
        for dossier_id in s.scalars(select(Dossier.id).where(Dossier.prior.is_(False))):
            if dossier_id not in taken:
                s.add(Assignment(dossier_id=dossier_id, reviewer_id=reviewer.id))
    return out
