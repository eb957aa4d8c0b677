"""Server-rendered pages: the list of events, and one event's live report and story.

No script runs on these pages (the Content-Security-Policy forbids it): filters are a
GET form, "more" is a ``<details>``, and while an analysis runs the page reloads itself
with a meta refresh. The report is read only through the public report model (questions,
kinds, answers with their outlets), so the page does not depend on how the report
renders itself; the full report is one link away.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, Response, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from parallax.report.sections import SHOWN_AGREEMENTS, SHOWN_DISCORD
from parallax.report.sections import sections as report_sections
from parallax.schema import Answer, QuestionAnswer, Report
from parallax.serve.api import report_response
from parallax.serve.service import FORMATS, Added, InputError, Service
from parallax.store import StoreError
from parallax.store.changes import AGREEING_KINDS, number

router = APIRouter(include_in_schema=False)

#: Questions shown before "more", per section: as in every report (``report.sections``).
TOP = SHOWN_DISCORD
TOP_AGREE = SHOWN_AGREEMENTS
TOP_ONE = 6
#: Changes of one analysis shown before "more".
TOP_CHANGES = 5
REFRESH_SECONDS = 2

_env = Environment(
    loader=PackageLoader("parallax.serve", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _utc(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


_env.filters["utc"] = _utc


def _web_link(url: str | None) -> str | None:
    """An article's URL as a link only when it is http(s): a stored URL may come from a
    hostile page's metadata ('javascript:...'), and escaping does not defuse a scheme."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


_env.filters["web_link"] = _web_link


def _page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(_env.get_template(name).render(**context), status_code=status)


def _service(request: Request) -> Service:
    service: Service = request.app.state.service
    return service


@dataclass
class AnswerView:
    quote: str
    figure: str
    outlet: str
    source: str | None
    as_of: dt.date | None


@dataclass
class GroupView:
    letter: str
    outlets: list[str]
    answers: list[AnswerView]


@dataclass
class QuestionView:
    question: str
    kind: str
    explanation: str | None
    outlets: set[str]
    groups: list[GroupView] = field(default_factory=list)


def _question(qa: QuestionAnswer, outlet_of: dict[str, str]) -> QuestionView:
    view = QuestionView(qa.question, qa.kind, qa.explanation, set())
    for n, group in enumerate(g for g in qa.answer_groups if g):
        answers = [_answer(a, outlet_of) for a in group]
        outlets = list(dict.fromkeys(a.outlet for a in answers))
        view.outlets.update(outlets)
        letter = chr(ord("A") + n) if n < 26 else str(n + 1)
        view.groups.append(GroupView(letter, outlets, answers))
    return view


def _answer(a: Answer, outlet_of: dict[str, str]) -> AnswerView:
    return AnswerView(
        quote=" ".join(a.answer.split()),
        figure=number(a.value, a.qualifier, a.unit),
        outlet=outlet_of.get(a.aid, a.aid),
        source=a.source,
        as_of=a.as_of,
    )


def ranked(report: Report) -> list[QuestionAnswer]:
    """Points of difference first, then agreement, then what one outlet alone reports;
    within each, by importance (``report.sections``, as every renderer orders them)."""
    parts = report_sections(report)
    return [*parts.discord, *parts.more_discord, *parts.agree, *parts.more_agree, *parts.unique]


def _sections(
    report: Report, kind: str | None, outlet: str | None
) -> tuple[list[tuple[str, list[QuestionView], int]], list[str], list[str]]:
    outlet_of = {a.aid: a.outlet or a.aid for a in report.articles}
    views = [_question(qa, outlet_of) for qa in ranked(report)]
    kinds = list(dict.fromkeys(v.kind for v in views))
    outlets = list(dict.fromkeys(outlet_of.values()))
    shown = [
        v for v in views if (not kind or v.kind == kind) and (not outlet or outlet in v.outlets)
    ]
    sections = [
        ("Where the outlets differ", [v for v in shown if v.kind not in AGREEING_KINDS], TOP),
        ("What the outlets agree on", [v for v in shown if v.kind == "consensus"], TOP_AGREE),
        ("Reported by one outlet only", [v for v in shown if v.kind == "unique_coverage"], TOP_ONE),
    ]
    return [(t, qs, top) for t, qs, top in sections if qs], kinds, outlets


@dataclass
class StepView:
    created: dt.datetime
    seconds: float
    articles: int
    added: list[dict[str, Any]]
    changes: list[Any]


def _story(service: Service, eid: str) -> list[StepView]:
    """Each analysis with the articles it took in and what it changed, newest first."""
    changes: dict[int, list[Any]] = {}
    for c in service.store.changes(eid):
        changes.setdefault(c.analysis_id, []).append(c)
    steps = [
        StepView(s.created, s.seconds, s.articles, s.added, changes.get(s.id, []))
        for s in service.store.steps(eid)
    ]
    return steps[::-1]


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    service = _service(request)
    return _page("index.html.j2", events=service.store.events(), analyzer=service.analyzer)


@router.post("/events")
def create_event(
    request: Request,
    title: Annotated[str, Form(max_length=1000)],
    eid: Annotated[str, Form(max_length=80)] = "",
) -> Response:
    service = _service(request)
    try:
        made = service.store.create_event(title, eid or None)
    except StoreError as exc:
        return _page(
            "index.html.j2",
            400,
            events=service.store.events(),
            analyzer=service.analyzer,
            notice=str(exc),
        )
    return RedirectResponse(f"/events/{made.eid}", status_code=303)


def _event_page(
    request: Request,
    eid: str,
    *,
    kind: str | None = None,
    outlet: str | None = None,
    notices: Sequence[str] = (),
    result: Added | None = None,
    status: int = 200,
) -> HTMLResponse:
    service = _service(request)
    info = service.store.event(eid)
    state = service.analyzer.state(eid)
    got = service.report(eid)
    report = got[1] if got else None
    sections, kinds, outlets = _sections(report, kind, outlet) if report else ([], [], [])
    busy = state.queued or state.running
    return _page(
        "event.html.j2",
        status,
        event=info,
        state=state,
        busy=busy,
        refresh=REFRESH_SECONDS if busy else None,
        refresh_url=f"/events/{eid}",
        report=report,
        sections=sections,
        kinds=kinds,
        outlets=outlets,
        kind=kind or "",
        outlet=outlet or "",
        articles=service.store.article_rows(eid),
        story=_story(service, eid),
        notices=notices,
        result=result,
        top_changes=TOP_CHANGES,
        formats=list(FORMATS),
    )


@router.get("/events/{eid}", response_class=HTMLResponse)
def event_page(request: Request, eid: str, kind: str = "", outlet: str = "") -> HTMLResponse:
    return _event_page(request, eid, kind=kind or None, outlet=outlet or None)


def _after_add(request: Request, eid: str, work: Any) -> HTMLResponse:
    try:
        result = work()
    except InputError as exc:
        return _event_page(request, eid, notices=[str(exc)], status=400)
    return _event_page(request, eid, result=result)


@router.post("/events/{eid}/paste", response_class=HTMLResponse)
def paste(
    request: Request,
    eid: str,
    text: Annotated[str, Form()],
    title: Annotated[str, Form(max_length=500)] = "",
    outlet: Annotated[str, Form(max_length=200)] = "",
    date: Annotated[str, Form(max_length=40)] = "",
    url: Annotated[str, Form(max_length=2000)] = "",
) -> HTMLResponse:
    service = _service(request)
    return _after_add(
        request,
        eid,
        lambda: service.add_text(eid, text, title=title, outlet=outlet, date=date, url=url),
    )


@router.post("/events/{eid}/url", response_class=HTMLResponse)
def add_url(request: Request, eid: str, url: Annotated[str, Form(max_length=20_000)]) -> Response:
    service = _service(request)
    return _after_add(request, eid, lambda: service.add_urls(eid, url.split()))


@router.post("/events/{eid}/upload", response_class=HTMLResponse)
async def upload(
    request: Request, eid: str, files: Annotated[list[UploadFile], File()]
) -> HTMLResponse:
    from starlette.concurrency import run_in_threadpool

    service = _service(request)
    data = [(f.filename or "upload", await f.read()) for f in files if f.filename]
    return await run_in_threadpool(_after_add, request, eid, lambda: service.add_files(eid, data))


@router.get("/events/{eid}/report.{fmt}")
async def download(request: Request, eid: str, fmt: str, view: bool = False) -> Response:
    if fmt not in FORMATS:
        raise InputError(f"format must be one of {', '.join(FORMATS)}")
    return await report_response(_service(request), request, eid, fmt, download=not view)
