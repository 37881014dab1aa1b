"""Who may do and read what: every permission of hoso in one place.

    action                         secretariat  reviewer            archivist   admin
    upload a batch (submissions)   yes          -                   -           yes
    upload to the archive (prior)  yes          -                   yes         yes
    batch progress                 yes          -                   yes         yes
    read a dossier                 every        assigned + archive  every       every
    confidential text of it        yes          assigned only       -           yes
    author names and units         yes          not in blind rounds yes         yes
    assign reviewers               yes          -                   -           yes
    score, decide                  -            assigned only       -           yes
    exclude a duplicate match      yes          assigned only       -           yes
    re-OCR a file's pages          yes          assigned only       -           yes
    search the archive, export     yes          search only         yes         yes
    issue a supplement letter      yes          -                   -           yes
    a round's summary (counts)     yes          -                   yes         yes
    rounds and their score sheets  see          see                 see         yes
    users, audit log               -            -                   -           yes

Confidential text (DOMAIN.md): never shown to other applicants or in public search; the
dossier's own reviewers may see it. hoso shows it to the secretariat that handles the
dossier, its assigned reviewers and admins; archivists and other reviewers get it withheld.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from api.auth import Principal
from models.errors import Forbidden, NotFound
from models.rounds import config_for
from models.tables import Assignment, Dossier

READ_ALL = frozenset({"secretariat", "archivist", "admin"})
SEE_CONFIDENTIAL = frozenset({"secretariat", "admin"})
UPLOAD = frozenset({"secretariat", "admin"})
UPLOAD_PRIOR = frozenset({"secretariat", "archivist", "admin"})
PROGRESS = frozenset({"secretariat", "archivist", "admin"})
ASSIGN = frozenset({"secretariat", "admin"})
DECIDE = frozenset({"reviewer", "admin"})
EXCLUDE_MATCH = frozenset({"secretariat", "reviewer", "admin"})
REOCR = frozenset({"secretariat", "reviewer", "admin"})
EXPORT = frozenset({"secretariat", "archivist", "admin"})
LETTERS = frozenset({"secretariat", "admin"})
SUMMARY = frozenset({"secretariat", "archivist", "admin"})
ADMIN = frozenset({"admin"})


def need(p: Principal, roles: frozenset[str]) -> None:
    if p.role not in roles:
        raise Forbidden(f"{p.login} ({p.role}) lacks one of {sorted(roles)}")


def assigned(s: Session, p: Principal, dossier_id: int) -> bool:
    return assigned_to(s, p.id, dossier_id)


def assigned_to(s: Session, user_id: int, dossier_id: int) -> bool:
    return s.scalar(select(Assignment.id).where(Assignment.dossier_id == dossier_id,
                                                Assignment.reviewer_id == user_id)) is not None


def may_read(s: Session, p: Principal, dossier: Dossier) -> bool:
    return p.role in READ_ALL or dossier.prior or assigned(s, p, dossier.id)


def may_see_confidential(s: Session, p: Principal, dossier: Dossier) -> bool:
    return p.role in SEE_CONFIDENTIAL or (p.role == "reviewer" and assigned(s, p, dossier.id))


def may_act(s: Session, p: Principal, dossier: Dossier, roles: frozenset[str]) -> bool:
    """Act on a dossier (score, decide, exclude a match): a reviewer only on their own."""
    if p.role not in roles:
        return False
    return p.role != "reviewer" or assigned(s, p, dossier.id)


def readable(s: Session, p: Principal, dossier_id: int) -> Dossier:
    """The dossier if ``p`` may read it. A reviewer asking for one not theirs is told it does
    not exist (404), as for an unknown id: ids say nothing of other dossiers."""
    dossier = s.get(Dossier, dossier_id)
    if dossier is None or not may_read(s, p, dossier):
        raise NotFound(f"dossier {dossier_id}", message=f"Không có hồ sơ mã {dossier_id}.")
    return dossier


def actionable(s: Session, p: Principal, dossier_id: int, roles: frozenset[str]) -> Dossier:
    dossier = readable(s, p, dossier_id)
    if not may_act(s, p, dossier, roles):
        raise Forbidden(f"{p.login} ({p.role}) may not act on dossier {dossier_id}",
                        message="Bạn không được giao hồ sơ này, hoặc vai trò của bạn không "
                                "được thực hiện việc này.")
    return dossier


def scope(q: Select, p: Principal) -> Select:
    """Restrict a query of dossiers to those ``p`` may read."""
    if p.role in READ_ALL:
        return q
    mine = select(Assignment.dossier_id).where(Assignment.reviewer_id == p.id)
    return q.where(or_(Dossier.prior.is_(True), Dossier.id.in_(mine)))


def blind_for(s: Session, p: Principal, dossier: Dossier) -> bool:
    """Whether ``p`` reads ``dossier`` blind: a reviewer, in a round that reviews blind (no
    author names or units: ``models.blind``). The secretariat, who assigns, sees them."""
    if p.role != "reviewer" or dossier.prior:
        return False
    return config_for(s, dossier.round).blind


def confidential_judge(s: Session, p: Principal) -> Callable[[Dossier], bool]:
    """``may_see`` for ``models.report``: whether ``p`` may see a dossier's confidential text."""
    return lambda dossier: may_see_confidential(s, p, dossier)
