"""Resubmissions: a dossier sent back for a supplement, received again.

A decision "supplement" (``api.review.decide``) gives the dossier a deadline; it then waits
("chờ bổ sung") until the unit's supplemented dossier comes in, uploaded with
``POST /api/batches`` and ``supplements=<id>``. The upload is processed like any other, as one
new dossier that points to the one it replaces (``Dossier.supplement_of``), in the same round
and on the same profile unless told otherwise, with the same reviewers; its report says what
changed (``models.revision``). The original stays as it was, with its decision and history.

Here: the checks before such an upload and the links made after it. The route is
``api.dossiers.upload``.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from api import access
from api.audit import record
from api.auth import Principal
from models.errors import Conflict
from models.tables import Assignment, Dossier, User


def waiting_original(s: Session, who: Principal, dossier_id: int, *, prior: bool) -> Dossier:
    """The dossier a resubmission is for: a submission whose latest decision asks for a
    supplement and that has none yet (404 when the caller may not read it, else 409)."""
    original = access.readable(s, who, dossier_id)
    if prior or original.prior:
        raise Conflict("a supplement is for a submission",
                       message="Hồ sơ bổ sung chỉ dành cho hồ sơ đang xét, không dành cho kho lưu trữ.")
    if original.decision != "supplement":
        raise Conflict(f"dossier {dossier_id} is not waiting for a supplement",
                       message=f"Hồ sơ mã {dossier_id} không ở trạng thái chờ bổ sung "
                               "(quyết định gần nhất không phải yêu cầu bổ sung).")
    if original.resubmissions:
        again = original.resubmissions[-1].id
        raise Conflict(f"dossier {dossier_id} was resubmitted as {again}",
                       message=f"Hồ sơ mã {dossier_id} đã nhận hồ sơ bổ sung (hồ sơ mã {again}).")
    return original


def link_resubmission(s: Session, who: Principal, original_id: int, new_ids: list[int], *,
                      batch_id: int | None, ip: str | None) -> None:
    """Point the new dossiers to the original, give them its active reviewers, and record
    "supplement_received" on both sides (and each assignment, as ``assign`` does)."""
    reviewers = list(s.scalars(
        select(User).join(Assignment, Assignment.reviewer_id == User.id)
        .where(Assignment.dossier_id == original_id, User.role == "reviewer", User.active.is_(True))
        .order_by(Assignment.id)))
    for dossier_id in new_ids:
        s.get(Dossier, dossier_id).supplement_of = original_id
        for user in reviewers:
            s.add(Assignment(dossier_id=dossier_id, reviewer_id=user.id, assigned_by=who.id))
            record(s, who, "assigned", object_type="dossier", object_id=dossier_id, ip=ip,
                   detail={"reviewer": user.id, "login": user.login, "why": "supplement",
                           "of": original_id})
        record(s, who, "supplement_received", object_type="dossier", object_id=dossier_id,
               detail={"of": original_id, "batch": batch_id}, ip=ip)
    record(s, who, "supplement_received", object_type="dossier", object_id=original_id,
           detail={"as": new_ids, "batch": batch_id}, ip=ip)
