"""The admin's page: accounts (add, change role, lock, reset a password) and the audit log."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from api import accounts
from api import rounds as round_routes
from api.auth import ROLES
from api.deps import Who, runtime
from api.web.queue import int_param, text_param
from api.web.render import page
from models.rounds import STATE_VI
from models.scoresheet import DEFAULT_SHEET

router = APIRouter()
PAGE_SIZE = 100


@router.get("/quan-tri", response_class=HTMLResponse)
def admin_page(who: Who, request: Request) -> HTMLResponse:
    people = accounts.users(who, request)  # admins only (403 for anyone else)
    action = text_param(request, "action", max_length=50)
    number = max(1, int_param(request, "trang", 1) or 1)
    log = accounts.audit(who, request, action=action, object_type=None, object_id=None, user=None,
                         limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE)
    return page(request, "admin.html", who, people=people["items"], roles=ROLES, log=log,
                rounds=round_routes.rounds(who, request)["items"], states=STATE_VI,
                default_sheet=DEFAULT_SHEET.as_json(), profiles=sorted(runtime(request).profiles),
                action=action or "", number=number, pages=max(1, -(-log["total"] // PAGE_SIZE)))
