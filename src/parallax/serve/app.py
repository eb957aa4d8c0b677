"""The local web app: FastAPI with server-rendered pages, a JSON API and its docs.

``create_app`` builds the app around one store file; the store is opened when the app
starts (so a test client or uvicorn owns it for the app's lifetime) and the analysis
worker starts with it. Everything a request needs hangs off ``app.state.service``.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from fastapi_offline import FastAPIOffline

from parallax import __version__
from parallax.serve.security import Guard, is_loopback
from parallax.serve.service import InputError, Service, Settings
from parallax.store import EventNotFound, Store, StoreError

STATIC = Path(__file__).parent / "static"


def allowed_hosts(settings: Settings) -> set[str] | None:
    """Host names the app answers to; None when bound to every interface."""
    if settings.host in ("0.0.0.0", "::", ""):
        return None
    hosts = {"127.0.0.1", "localhost", "::1", "[::1]"}
    hosts.add(settings.host.lower().strip("[]"))
    hosts.add(settings.host.lower())
    return hosts


def _static_files(app: FastAPI) -> None:
    """The app's few static files, read once and served from memory (no file system
    call and no thread hop per request)."""
    import mimetypes

    files = {
        p.name: (p.read_bytes(), mimetypes.guess_type(p.name)[0] or "application/octet-stream")
        for p in STATIC.iterdir()
        if p.is_file()
    }

    @app.get("/static/{name}", include_in_schema=False)
    async def static(name: str) -> Response:
        got = files.get(name)
        if got is None:
            return PlainTextResponse("not found", status_code=404)
        body, media_type = got
        return Response(body, media_type=media_type, headers={"cache-control": "max-age=3600"})


def create_app(settings: Settings) -> FastAPI:
    if not is_loopback(settings.host) and not settings.token:
        raise ValueError(f"binding to {settings.host} opens the store to the network: give --token")
    if settings.token is not None and not re.fullmatch(r"[A-Za-z0-9._~+/=-]+", settings.token):
        # It travels in a header, a query string and a cookie: plain characters only.
        raise ValueError("the token may hold only letters, digits and . _ ~ + / = -")

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        store = Store(settings.db)
        service = Service(store, settings)
        app.state.service = service
        service.start()
        try:
            yield
        finally:
            service.stop()
            store.close()

    app = FastAPIOffline(
        title="Parallax",
        version=__version__,
        description=(
            "Follow a news story: events, their articles, the report of where the outlets "
            "agree and differ, and what changed as articles arrived. Mirrors the "
            "`parallax events / add / report` commands."
        ),
        lifespan=lifespan,
    )
    app.state.settings = settings

    @app.exception_handler(EventNotFound)
    async def _not_found(request: Request, exc: EventNotFound) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(exc)}, status_code=404)
        return PlainTextResponse(str(exc), status_code=404)

    @app.exception_handler(InputError)
    @app.exception_handler(StoreError)
    async def _bad_input(request: Request, exc: Exception) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(exc)}, status_code=400)
        return PlainTextResponse(str(exc), status_code=400)

    from parallax.serve import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    _static_files(app)
    app.add_middleware(
        Guard,
        token=settings.token,
        max_body=settings.max_body,
        max_upload=settings.max_upload,
        allowed_hosts=allowed_hosts(settings),
    )
    return app
