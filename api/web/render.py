"""Rendering the web pages: one Jinja2 environment, the Vietnamese labels every page shares,
and the error page (``HosoError`` -> the same code and message the JSON API gives).

Templates autoescape everything; nothing a user or a scanned page wrote reaches the page as
markup. Highlights (search snippets, matching passages) are passed as segments
``[(text, marked)]`` and marked up by the template, never as HTML strings.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from api.auth import ROLE_VI, SESSION_COOKIE, Principal, identify
from api.letters import DECISION_VI
from api.letters import STATUS_VI as LETTER_STATUS_VI
from extract.section_cues import LABELS as SECTION_LABELS
from models.errors import HosoError, NotAuthenticated

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=HERE / "templates")

STATUS_VI = {**LETTER_STATUS_VI, "running": "Đang đọc"}  # a file being read: pages only
KIND_VI = {"don_yeu_cau": "Đơn yêu cầu công nhận", "mo_ta": "Báo cáo mô tả sáng kiến",
           "xac_nhan": "Giấy xác nhận áp dụng", "bien_ban": "Biên bản",
           "to_trinh": "Tờ trình", "quyet_dinh": "Quyết định", "khac": "Tài liệu khác"}
ACTION_VI = {
    "batch_uploaded": "tải lên", "assigned": "giao chấm", "unassigned": "huỷ giao chấm",
    "score_saved": "lưu nháp phiếu chấm", "score_submitted": "nộp phiếu chấm",
    "decision": "ra quyết định", "match_excluded": "loại cảnh báo trùng",
    "match_included": "khôi phục cảnh báo trùng", "download_original": "tải tệp gốc",
    "download_searchable": "tải PDF tìm kiếm được", "letter_issued": "lập phiếu đề nghị bổ sung",
    "reocr_requested": "yêu cầu nhận dạng lại", "reocr_done": "nhận dạng lại xong",
    "supplement_received": "nhận hồ sơ bổ sung",
}
FIELD_VI = {"title": "Tên sáng kiến", "unit": "Đơn vị", "field": "Lĩnh vực",
            "first_applied": "Ngày áp dụng lần đầu", "year": "Năm", "addressee": "Kính gửi",
            "investor": "Chủ đầu tư tạo ra sáng kiến", "submitted": "Ngày nộp đơn",
            "confidential": "Thông tin cần bảo mật"}
PASSAGE_VI = {"identical": "giống hệt", "minor_changes": "sửa đổi ít",
              "ocr_noisy": "giống, khác do lỗi nhận dạng chữ"}
LOW_CONFIDENCE = 70.0


def vn_date(value: Any) -> str:
    """"2026-12-06" / a datetime -> "06/12/2026" (times as "06/12/2026 14:05", local to the server)."""
    if value in (None, ""):
        return ""
    if isinstance(value, str):
        try:  # a day alone ("2026-12-06") stays a day, without a time
            value = date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone()
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.0f} %"


def number(value: float | None, digits: int = 1) -> str:
    if value is None:
        return ""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"
    return text.replace(".", ",")  # Vietnamese decimal comma


def query_with(request: Request, **changes: Any) -> str:
    """The current query string with ``changes`` (None removes a key): links of filters/pages."""
    params = dict(request.query_params)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    return "?" + urlencode(params) if params else "?"


env = templates.env
env.filters.update(vn_date=vn_date, percent=percent, number=number)
env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": True}
env.globals.update(SECTION_VI=SECTION_LABELS, PASSAGE_VI=PASSAGE_VI, STATUS_VI=STATUS_VI,
                   DECISION_VI=DECISION_VI, KIND_VI=KIND_VI, ROLE_VI=ROLE_VI, ACTION_VI=ACTION_VI,
                   FIELD_VI=FIELD_VI,
                   LOW_CONFIDENCE=LOW_CONFIDENCE, query_with=query_with)


def page(request: Request, name: str, who: Principal | None, *, status_code: int = 200,
         **context: Any) -> HTMLResponse:
    """Render ``name`` with the signed-in user, the menu and the CSRF token for its forms."""
    rt = getattr(request.app.state, "rt", None)
    names = {k: p.name for k, p in rt.profiles.items()} if rt else {}  # profiles by their names
    return templates.TemplateResponse(request, name, {"who": who, "profile_names": names, **context},
                                      status_code=status_code,
                                      headers={"Cache-Control": "no-store"})


def error_page(request: Request, exc: HosoError) -> Response:
    """A ``HosoError`` on a web page: sign in first (a redirect that comes back here), or an
    error page in Vietnamese with the same code the API would give."""
    if isinstance(exc, NotAuthenticated):
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/dang-nhap?next={quote(target, safe='')}", status_code=303)
    return page(request, "error.html", _signed_in(request), status_code=exc.status,
                code=exc.code, message=exc.message)


def plain_error_page(request: Request, status: int, code: str, message: str) -> HTMLResponse:
    return page(request, "error.html", _signed_in(request), status_code=status, code=code,
                message=message)


def _signed_in(request: Request) -> Principal | None:
    """Who is signed in, for the menu of an error page (the route that failed may not have
    looked); nobody when the session is gone or the database is what failed."""
    rt = getattr(request.app.state, "rt", None)
    cookie = request.cookies.get(SESSION_COOKIE)
    if rt is None or not cookie:
        return None
    try:
        with rt.db.session() as s:
            return identify(s, bearer=None, cookie=cookie)
    except Exception:  # an error page must render whatever else is broken
        return None


def wants_html(request: Request) -> bool:
    """Web pages are every path outside ``/api`` (and its static files)."""
    return not request.url.path.startswith("/api")
