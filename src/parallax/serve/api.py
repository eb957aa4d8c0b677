"""The JSON API (``/api``), documented at ``/docs``: the CLI's verbs over HTTP.

``GET /api/events`` is ``parallax events``, ``POST /api/events/{eid}/articles`` and
``/files`` are ``parallax add``, ``GET /api/events/{eid}/report`` is ``parallax report``.
Adding returns as soon as the articles are committed; the analysis follows on the
server's worker, and ``?wait=`` (seconds) on the report waits for it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Annotated, Literal

from fastapi import APIRouter, File, Query, Request, Response, UploadFile
from pydantic import BaseModel, Field

from parallax.serve.service import MAX_URLS, Added, InputError, Rendered, Service
from parallax.store import EventInfo

router = APIRouter(prefix="/api", tags=["api"])

MAX_WAIT = 600.0


class EventIn(BaseModel):
    title: str = Field(min_length=1, max_length=1000)
    eid: str | None = Field(default=None, max_length=80, description="Default: from the title.")


class EventOut(BaseModel):
    eid: str
    title: str
    created: dt.datetime
    articles: int
    outlets: int
    analysed: dt.datetime | None
    #: Articles arrived after the last analysis (one is queued or running).
    stale: bool
    analysing: bool
    error: str | None = None


class ArticleIn(BaseModel):
    text: str = Field(min_length=1)
    title: str | None = None
    outlet: str | None = None
    date: str | None = Field(default=None, description="YYYY-MM-DD")
    url: str | None = None


class ArticlesIn(BaseModel):
    articles: list[ArticleIn] = Field(default_factory=list, max_length=200)
    urls: list[str] = Field(default_factory=list, max_length=MAX_URLS)


class AddedOut(BaseModel):
    added: list[dict[str, str | None]]
    existing: list[dict[str, str]]
    errors: list[str]
    skipped: list[str]


class ChangeOut(BaseModel):
    id: int
    analysis_id: int
    created: dt.datetime
    kind: str
    text: str
    question: str | None
    data: dict[str, object]


class ArticleOut(BaseModel):
    aid: str
    title: str | None
    outlet: str | None
    published: dt.date | None
    url: str | None
    origin: str
    added: dt.datetime


def _service(request: Request) -> Service:
    service: Service = request.app.state.service
    return service


def event_out(service: Service, info: EventInfo) -> EventOut:
    state = service.analyzer.state(info.eid)
    return EventOut(**asdict(info), analysing=state.queued or state.running, error=state.error)


def _added(result: Added) -> AddedOut:
    return AddedOut(
        added=result.added, existing=result.existing, errors=result.errors, skipped=result.skipped
    )


@router.get("/events", response_model=list[EventOut], summary="List events")
def list_events(request: Request) -> list[EventOut]:
    service = _service(request)
    return [event_out(service, e) for e in service.store.events()]


@router.post("/events", response_model=EventOut, status_code=201, summary="Create an event")
def create_event(request: Request, body: EventIn) -> EventOut:
    service = _service(request)
    return event_out(service, service.store.create_event(body.title, body.eid))


@router.get("/events/{eid}", response_model=EventOut, summary="One event")
def get_event(request: Request, eid: str) -> EventOut:
    service = _service(request)
    return event_out(service, service.store.event(eid))


@router.get("/events/{eid}/articles", response_model=list[ArticleOut], summary="Its articles")
def list_articles(request: Request, eid: str) -> list[ArticleOut]:
    service = _service(request)
    service.store.event(eid)
    return [ArticleOut(**asdict(row)) for row in service.store.article_rows(eid)]


@router.post(
    "/events/{eid}/articles",
    response_model=AddedOut,
    status_code=201,
    summary="Add articles as text or by URL",
)
def add_articles(request: Request, eid: str, body: ArticlesIn) -> AddedOut:
    """Each article is committed on its own; the same text twice is stored once
    (listed under ``existing``); a bad one is an ``errors`` line and the rest go in."""
    service = _service(request)
    if not body.articles and not body.urls:
        raise InputError("nothing to add: give articles or urls")
    service.store.event(eid)
    total = Added()
    articles = []
    for item in body.articles:
        try:
            articles.append(
                service.text_article(
                    item.text, title=item.title, outlet=item.outlet, date=item.date, url=item.url
                )
            )
        except InputError as exc:
            total.errors.append(str(exc))
    if articles:
        got = service.add_articles(eid, articles)
        total.added += got.added
        total.existing += got.existing
    if body.urls:
        got = service.add_urls(eid, body.urls)
        total.added += got.added
        total.existing += got.existing
        total.errors += got.errors
        total.skipped += got.skipped
    return _added(total)


@router.post(
    "/events/{eid}/files", response_model=AddedOut, status_code=201, summary="Upload files"
)
async def add_files(
    request: Request, eid: str, files: Annotated[list[UploadFile], File()]
) -> AddedOut:
    """Text, Markdown, HTML, DiverseSumm JSON or JSONL files, as ``parallax add`` reads."""
    from starlette.concurrency import run_in_threadpool

    service = _service(request)
    data = [(f.filename or "upload", await f.read()) for f in files]
    return _added(await run_in_threadpool(service.add_files, eid, data))


@router.post("/events/{eid}/analyze", response_model=EventOut, summary="Analyse now")
def analyze(
    request: Request,
    eid: str,
    wait: Annotated[float, Query(ge=0, le=MAX_WAIT, description="Seconds to wait")] = 0,
) -> EventOut:
    service = _service(request)
    info = service.store.event(eid)
    if info.stale and info.articles:
        service.analyzer.schedule(eid)
    if wait:
        service.analyzer.wait(eid, wait)
    return event_out(service, service.store.event(eid))


@router.get(
    "/events/{eid}/report",
    summary="The current report",
    responses={
        200: {"content": {"application/json": {}, "text/markdown": {}, "text/html": {}}},
        404: {"description": "No such event, or no analysis yet"},
    },
)
async def get_report(
    request: Request,
    eid: str,
    format: Literal["json", "md", "html"] = "json",
    wait: Annotated[float, Query(ge=0, le=MAX_WAIT, description="Seconds to wait")] = 0,
) -> Response:
    return await report_response(_service(request), request, eid, format, wait=wait)


async def report_response(
    service: Service,
    request: Request,
    eid: str,
    fmt: str,
    *,
    download: bool = False,
    wait: float = 0,
) -> Response:
    """Served from memory when rendered before for the current analysis; otherwise the
    event is checked, the analysis awaited if asked, and the report rendered, on a
    worker thread so the event loop keeps serving."""
    from starlette.concurrency import run_in_threadpool

    out = service.cached(eid, fmt) if not wait else None
    if out is None:

        def render() -> Rendered | None:
            service.store.event(eid)
            if wait:
                service.analyzer.wait(eid, wait)
            return service.rendered(eid, fmt)

        out = await run_in_threadpool(render)
    if out is None:
        return Response(
            '{"detail": "no analysis yet: add articles"}',
            status_code=404,
            media_type="application/json",
        )
    headers = {"x-analysis-id": str(out.analysis_id), "vary": "accept-encoding"}
    if download:
        headers["content-disposition"] = f'attachment; filename="{eid}.{fmt}"'
    if "gzip" in request.headers.get("accept-encoding", ""):
        headers["content-encoding"] = "gzip"
        return Response(out.gzipped, media_type=out.media_type, headers=headers)
    return Response(out.body, media_type=out.media_type, headers=headers)


@router.get("/events/{eid}/changes", response_model=list[ChangeOut], summary="The story so far")
def get_changes(request: Request, eid: str) -> list[ChangeOut]:
    service = _service(request)
    service.store.event(eid)
    return [ChangeOut(**asdict(c)) for c in service.store.changes(eid)]
