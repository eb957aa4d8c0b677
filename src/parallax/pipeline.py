"""The main job: load articles, extract claims, align them across outlets, build a report.

Kept separate from the CLI so the server, batch jobs and tests run exactly the same
pipeline the command line runs. It sits on top of every stage (ingest -> nlp ->
extract -> align -> report), which is why the full ``build_report`` lives here and
not in ``align``: alignment must not depend on the reader-facing report stage.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Union

from parallax.models import Article, LoadError, LoadResult
from parallax.schema import Report

if TYPE_CHECKING:
    from parallax.ingest.loader import LoadOptions
    from parallax.nlp.embed import Embedder
    from parallax.nlp.pipeline import SentenceParser

Progress = Callable[[str], None]

#: What ``analyze`` accepts: a path or URL, article text, or an ``Article``.
Input = Union[str, Path, Article]  # noqa: UP007 (a runtime alias)

#: A string longer than this is never a path.
_MAX_PATH_CHARS = 4096


@dataclass
class AnalysisResult:
    report: Report
    errors: list[LoadError]
    #: Inputs passed over on purpose (a non-article file, an entry with no text), so
    #: the caller can say so: nothing vanishes silently.
    skipped: list[LoadError] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


def event_id(inputs: Sequence[Input]) -> str:
    """A readable event id from the inputs: the folder or file stem of the first path."""
    for item in inputs:
        if isinstance(item, Path) or (isinstance(item, str) and _is_location(item)):
            first = str(item).rstrip("/")
            return Path(first).stem or "event"
    return "event"


def _is_location(item: str) -> bool:
    """A string names a path or URL unless it reads as prose.

    A one-line string without spaces is taken as a path even when nothing is there,
    so a mistyped file name is reported as missing instead of being analysed as a
    one-word article.
    """
    from parallax.ingest.loader import is_url

    if is_url(item):
        return True
    if "\n" in item or len(item) > _MAX_PATH_CHARS:
        return False
    try:
        if Path(item).exists():
            return True
    except OSError:  # unreadable: still a path, and the loader says why in one line
        return True
    return " " not in item.strip()


def load_inputs(inputs: Iterable[Input], options: LoadOptions | None = None) -> LoadResult:
    """Paths and URLs through the loaders; texts and ``Article``s as given.

    The caller's ``Article`` objects are copied, never changed: extraction fills
    sentences and claims on its own copies.
    """
    from parallax.ingest import IngestError, load_paths, mark_duplicates
    from parallax.ingest.header import article_from_document
    from parallax.ingest.outlet import name_unnamed

    items = list(inputs)
    paths = [i for i in items if isinstance(i, Path) or (isinstance(i, str) and _is_location(i))]
    result = load_paths(paths, options=options) if paths else LoadResult()
    given: list[Article] = []
    n_text = 0
    for item in items:
        if isinstance(item, Article):
            given.append(item.model_copy(deep=True))
        elif isinstance(item, str) and not _is_location(item):
            n_text += 1
            if not item.strip():
                result.errors.append(LoadError(origin=f"text {n_text}", reason="empty text"))
                continue
            try:
                given.append(article_from_document(item, f"text-{n_text}", f"text {n_text}"))
            except IngestError as exc:
                result.errors.append(LoadError(origin=f"text {n_text}", reason=str(exc)))
    if given:
        taken = {a.aid for a in result.articles}
        for art in given:
            base, n = art.aid, 2
            while art.aid in taken:
                art.aid, n = f"{base}-{n}", n + 1
            taken.add(art.aid)
        result.articles.extend(given)
        if len(result.articles) > 1:
            mark_duplicates(result.articles)
        name_unnamed(result.articles)
    return result


def build_report(
    articles: Sequence[Article],
    eid: str,
    embedder: Embedder | None = None,
    parser: SentenceParser | None = None,
) -> Report:
    """The full report of articles whose claims are extracted: alignment, then the
    reader-facing parts (summary, timeline, framing). Pass extraction's ``parser``
    (``extract_parsed``) so that alignment reads the parses the claims were read from."""
    from parallax.align import align_event
    from parallax.report.enrich import enrich

    return enrich(align_event(list(articles), eid=eid, embedder=embedder, parser=parser))


def analyze(
    inputs: Input | Sequence[Input],
    eid: str | None = None,
    progress: Progress | None = None,
    options: LoadOptions | None = None,
) -> AnalysisResult:
    """Analyse one event from paths, URLs, article texts or ``Article`` objects.

    ``options`` sets the loader's limits and switches (``allow_private`` for URLs
    on this machine or a private network).
    """
    from parallax.align import align_event
    from parallax.extract.claims import extract_parsed
    from parallax.report.enrich import enrich

    items: list[Input] = [inputs] if isinstance(inputs, str | Path | Article) else list(inputs)
    say = progress or (lambda _msg: None)
    timings: dict[str, float] = {}

    t = time.perf_counter()
    say("loading articles")
    loaded = load_inputs(items, options)
    timings["load"] = time.perf_counter() - t

    t = time.perf_counter()
    say(f"extracting claims from {len(loaded.articles)} articles")
    articles, parser = extract_parsed(loaded.articles)
    timings["extract"] = time.perf_counter() - t

    t = time.perf_counter()
    say("aligning outlets")
    report = align_event(articles, eid=eid or event_id(items), parser=parser)
    timings["align"] = time.perf_counter() - t

    t = time.perf_counter()
    say("summarising")
    report = enrich(report)
    timings["report"] = time.perf_counter() - t
    return AnalysisResult(
        report=report, errors=loaded.errors, skipped=loaded.skipped, timings=timings
    )
