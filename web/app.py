"""The secretary's desk: `create_app(settings)` builds the FastAPI app (pages, JSON API, static files)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from muistio.errors import MuistioError
from muistio.settings import Settings
from services.db import ready_database, session_factory
from web.deps import (
    CsrfFailed,
    Desk,
    NeedLogin,
    guard,
    is_api,
    json_error,
    login_redirect,
    make_templates,
    render,
)

STATIC = Path(__file__).resolve().parent / "static"
DEFAULT_SECRET = "change-me"
MAX_BODY = 20 * 1024 * 1024


class DeskConfigError(MuistioError):
    """The desk refuses to start with this configuration; the message is one line."""


class Hardening:
    """ASGI middleware: security headers on every answer, and a cap on request bodies (413)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length", b"0")
        if length.isdigit() and int(length) > MAX_BODY:
            await JSONResponse({"detail": "request too large"}, status_code=413)(scope, receive, send)
            return
        link = scope.get("path", "").startswith("/l/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = [
                    (b"x-content-type-options", b"nosniff"),
                    (b"x-frame-options", b"DENY"),
                    (b"referrer-policy", b"no-referrer" if link else b"same-origin"),
                    (
                        b"content-security-policy",
                        b"default-src 'self'; script-src 'none'; object-src 'none'; "
                        b"frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
                    ),
                ]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(settings: Settings | None = None, *, dev: bool = False) -> FastAPI:
    """The desk app on the configured database (migrated to head); refuses the default secret unless dev."""
    if settings is None:
        from services.config import load_settings

        settings = load_settings()
    if settings.secret_key == DEFAULT_SECRET and not dev:
        raise DeskConfigError(
            "MUISTIO_SECRET_KEY is the default 'change-me': set a long random secret (or use --dev locally)"
        )
    url = ready_database(settings.resolved_database_url)
    app = FastAPI(
        title="muistio desk",
        summary="Action items from approved minutes: list, mark done, reassign, change due dates.",
        version="1",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,  # served below, behind the login like everything else
        dependencies=[Depends(guard)],
    )
    app.add_middleware(Hardening)
    app.state.desk = Desk(
        settings=settings, sessions=session_factory(url), templates=make_templates(), dev=dev
    )
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    from web import api, pages

    app.include_router(pages.router)
    app.include_router(api.router)

    @app.get("/openapi.json", include_in_schema=False)
    def openapi() -> dict[str, Any]:
        """The API's OpenAPI document (for scripts and schemathesis; login or token needed)."""
        return app.openapi()

    @app.exception_handler(NeedLogin)
    async def need_login(request: Request, exc: NeedLogin) -> Response:
        if is_api(request):
            return JSONResponse(
                {"detail": "log in or send Authorization: Bearer TOKEN"},
                status_code=401,
                headers={"WWW-Authenticate": "Bearer"},
            )
        return login_redirect(request)

    @app.exception_handler(CsrfFailed)
    async def csrf_failed(request: Request, exc: CsrfFailed) -> Response:
        if is_api(request):
            return json_error(403, "missing or wrong CSRF token (X-CSRF-Token header)")
        return render(request, "error.html", {"message_key": "forbidden", "detail": ""}, status_code=403)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if is_api(request):
            errors = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", ""))} for e in exc.errors()]
            return JSONResponse({"detail": errors}, status_code=422)
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ())[1:])
        detail = f"{where}: {first.get('msg', '')}".strip(": ")
        return render(request, "error.html", {"message_key": "error", "detail": detail}, status_code=400)

    return app
