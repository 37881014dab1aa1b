"""The JSON API (FastAPI); OpenAPI at ``/api/openapi.json``, interactive docs at ``/api/docs``.

    api.accounts   sign in/out, API tokens; users and the audit log (admin)
    api.dossiers   upload a batch, its progress; dossiers: list, report, text, pages, files
    api.review     the queue by risk, assignment, score sheets, decisions, match exclusions
    api.rounds     rounds (đợt xét) and their score sheets
    api.summary    a round's summary for the council: counts, score distribution, warnings
    api.exports    the dossier list as CSV and XLSX; the supplement letter (DOCX)
    api.search     full-text search of the archive (models.fulltext)
    api.access     who may do and read what (one table, one module)
    api.web        the web pages in Vietnamese (every path outside ``/api``)

Every route but ``/api/health`` needs a signed-in user (session cookie, or an API token as
``Authorization: Bearer``). Every error has one shape,
``{"error": {"code": …, "message": …, "detail": …}}``: ``code`` is stable (``models.errors``),
``message`` is Vietnamese for the people who read it; internal details stay in the log.
"""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import select
from starlette.exceptions import HTTPException

from api import accounts, dossiers, exports, review, rounds, search, summary, web
from api.web.render import HERE as WEB_DIR
from api.web.render import error_page, plain_error_page, wants_html
from ingest.runtime import Runtime
from models.errors import HosoError, NotAuthenticated, TooManyAttempts
from models.settings import Settings

log = logging.getLogger(__name__)


def sweep_incoming(folder: Path, older_than_s: float = 6 * 3600) -> int:
    """Remove uploads cut off by a killed web node (never answered, so never accepted). Only
    old folders: on a shared ``HOSO_HOME`` another node may be receiving into a fresh one."""
    removed = 0
    if folder.is_dir():
        limit = time.time() - older_than_s
        for sub in folder.iterdir():
            if sub.is_dir() and sub.stat().st_mtime < limit:
                shutil.rmtree(sub, ignore_errors=True)
                removed += 1
    return removed


def error_body(code: str, message: str, detail: Any = None) -> dict[str, Any]:
    out: dict[str, Any] = {"code": code, "message": message}
    if detail is not None:
        out["detail"] = detail
    return {"error": out}


HTTP_CODES = {404: ("not_found", "Không tìm thấy."),
              405: ("method_not_allowed", "Phương thức không được hỗ trợ cho địa chỉ này.")}


def create_app(settings: Settings | None = None, *,
               on_shutdown: Sequence[Callable[[], None]] = ()) -> FastAPI:
    """The app; ``on_shutdown`` runs when the server stops (``hoso serve`` stops its worker:
    uvicorn re-raises SIGTERM after shutting down, so code after ``uvicorn.run`` never runs)."""
    rt = Runtime(settings or Settings())

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        sweep_incoming(rt.settings.home / "incoming")
        try:
            yield
        finally:
            for stop in on_shutdown:
                stop()

    app = FastAPI(title="hoso", version="0.1.0", openapi_url="/api/openapi.json",
                  docs_url="/api/docs", redoc_url=None, lifespan=lifespan,
                  description="Hồ sơ đề nghị công nhận sáng kiến: báo cáo, kiểm tra, so trùng.")
    app.state.rt = rt

    @app.exception_handler(HosoError)
    async def _hoso(request: Request, exc: HosoError) -> Response:
        if wants_html(request):
            return error_page(request, exc)
        headers = {}
        if isinstance(exc, NotAuthenticated):
            headers["WWW-Authenticate"] = "Bearer"
        if isinstance(exc, TooManyAttempts):
            headers["Retry-After"] = str(exc.retry_after_s)
        detail = exc.detail if exc.status < 500 else None  # internals stay in the log
        return JSONResponse(error_body(exc.code, exc.message, detail), status_code=exc.status,
                            headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        if wants_html(request):
            return plain_error_page(request, 422, "invalid_request",
                                    "Yêu cầu không hợp lệ (thiếu hoặc sai thông tin trong biểu mẫu).")
        detail = [{"where": ".".join(str(x) for x in e.get("loc", ())), "problem": e.get("msg")}
                  for e in exc.errors()]
        return JSONResponse(error_body("invalid_request", "Yêu cầu không hợp lệ.", detail),
                            status_code=422)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> Response:
        code, message = HTTP_CODES.get(exc.status_code, ("http_error", "Yêu cầu không thực hiện được."))
        if wants_html(request):
            return plain_error_page(request, exc.status_code, code, message)
        return JSONResponse(error_body(code, message), status_code=exc.status_code)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> Response:
        log.exception("internal error", exc_info=exc)
        if wants_html(request):
            return plain_error_page(request, 500, "internal_error",
                                    "Lỗi hệ thống; đã ghi nhật ký để xử lý.")
        return JSONResponse(error_body("internal_error", "Lỗi hệ thống; đã ghi nhật ký để xử lý."),
                            status_code=500)

    @app.get("/api/health", tags=["system"])
    def health() -> dict[str, Any]:
        with rt.db.session() as s:
            s.execute(select(1))
        return {"status": "ok"}

    for router in (accounts.router, dossiers.router, review.router, summary.router, rounds.router,
                   exports.router, search.router, web.router):  # /api/rounds/summary before rounds
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=WEB_DIR / "static"), name="static")
    return app


