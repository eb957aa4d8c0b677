"""The main job: load articles, extract claims, align them across outlets, build a report.

Kept separate from the CLI so the server, batch jobs and tests run exactly the same
pipeline the command line runs.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from parallax.models import LoadError
from parallax.report.schema import Report

Progress = Callable[[str], None]


@dataclass
class AnalysisResult:
    report: Report
    errors: list[LoadError]
    #: Inputs passed over on purpose (a non-article file, an entry with no text), so
    #: the caller can say so: nothing vanishes silently.
    skipped: list[LoadError] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


def event_id(paths: Sequence[str | Path]) -> str:
    """A readable event id from the inputs: the folder or file stem of the first input."""
    if not paths:
        return "event"
    first = str(paths[0]).rstrip("/")
    name = Path(first).stem or "event"
    return name


def analyze(
    paths: Sequence[str | Path],
    eid: str | None = None,
    progress: Progress | None = None,
) -> AnalysisResult:
    from parallax.align import build_report
    from parallax.extract.claims import extract_event
    from parallax.ingest import load_paths

    say = progress or (lambda _msg: None)
    timings: dict[str, float] = {}

    t = time.perf_counter()
    say("loading articles")
    loaded = load_paths(paths)
    timings["load"] = time.perf_counter() - t

    t = time.perf_counter()
    say(f"extracting claims from {len(loaded.articles)} articles")
    articles = extract_event(loaded.articles)
    timings["extract"] = time.perf_counter() - t

    t = time.perf_counter()
    say("aligning outlets")
    report = build_report(articles, eid=eid or event_id(paths))
    timings["align"] = time.perf_counter() - t

    from parallax.report.enrich import enrich

    t = time.perf_counter()
    say("summarising")
    report = enrich(report)
    timings["report"] = time.perf_counter() - t
    return AnalysisResult(
        report=report, errors=loaded.errors, skipped=loaded.skipped, timings=timings
    )
