"""What the pages and the JSON API both do: create events, add articles, serve reports.

Kept apart from the routes so the two front doors cannot drift: a file uploaded
through the form and one posted to the API go through the same loading, the same
one-transaction-per-article commit and the same request for an analysis.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from parallax.models import Article, LoadResult
from parallax.schema import Report
from parallax.serve.worker import Analyzer
from parallax.store import Store, StoredArticle

FORMATS = {
    "json": "application/json",
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
}
MAX_URLS = 20
MAX_FILES = 200
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_MAX_NAME = 120


@dataclass(frozen=True)
class Settings:
    db: Path
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    allow_private: bool = False
    #: Limits on one request body: forms and JSON, and file uploads.
    max_body: int = 2_000_000
    max_upload: int = 20_000_000
    #: Seconds without a new article before an event is analysed (a burst, one analysis).
    settle: float = 1.0


@dataclass
class Added:
    """What one request added; every line here is shown to the user."""

    added: list[dict[str, str | None]] = field(default_factory=list)
    existing: list[dict[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


@dataclass
class Rendered:
    analysis_id: int
    body: bytes
    gzipped: bytes
    media_type: str


@dataclass
class _Cached:
    analysis_id: int
    report: Report
    renders: dict[str, Rendered] = field(default_factory=dict)


class InputError(ValueError):
    """A bad form field or API value: one line for the user, status 400."""


def safe_filename(name: str, n: int) -> str:
    """An uploaded file's own name, as a plain file name (its stem becomes the aid)."""
    base = Path(name.replace("\\", "/")).name
    base = _SAFE_NAME.sub("_", base).strip("._")[:_MAX_NAME]
    return base or f"upload-{n}.txt"


def parse_date(value: str | None) -> dt.date | None:
    if value is None or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise InputError(f"date '{value}' is not YYYY-MM-DD") from exc


def http_url(value: str | None) -> str | None:
    """Only http(s) addresses are kept as an article's URL: a link is never javascript:."""
    if value is None or not value.strip():
        return None
    url = value.strip()
    if not re.match(r"(?i)^https?://[^\s/]+", url):
        raise InputError(f"URL '{url}' is not an http(s) address")
    return url


class Service:
    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self._cache: dict[str, _Cached] = {}
        #: The newest analysis the worker has finished, per event: a reader that loaded
        #: an older one just before must not put it back in the cache.
        self._newest: dict[str, int] = {}
        self._cache_lock = threading.Lock()
        self.analyzer = Analyzer(store, self._analysed, settle=settings.settle)

    def start(self) -> None:
        self.analyzer.start()
        # A previous server may have stopped (or been killed) with articles committed but
        # not yet analysed: they are analysed now.
        for eid in self.store.stale_events():
            self.analyzer.schedule(eid)

    def stop(self) -> None:
        self.analyzer.stop()

    def _analysed(self, eid: str, analysis_id: int) -> None:
        with self._cache_lock:
            self._newest[eid] = analysis_id
            self._cache.pop(eid, None)

    # -- adding ------------------------------------------------------------------------

    def _commit(self, eid: str, loaded: LoadResult, added: Added) -> Added:
        added.errors += [str(e) for e in loaded.errors]
        added.skipped += [str(e) for e in loaded.skipped]

        def record(stored: StoredArticle) -> None:
            a = stored.article
            added.added.append({"aid": a.aid, "outlet": a.outlet, "title": a.title})

        try:
            result = self.store.add_articles(eid, loaded.articles, on_added=record)
        finally:
            # Whatever was committed before a failure is analysed too.
            if added.added:
                self.analyzer.schedule(eid)
        added.existing += [{"origin": o, "aid": aid} for o, aid in result.existing]
        return added

    def text_article(
        self,
        text: str,
        *,
        title: str | None = None,
        outlet: str | None = None,
        date: str | None = None,
        url: str | None = None,
    ) -> Article:
        """A pasted article, cleaned as a loaded file is; ``InputError`` says what is wrong."""
        from parallax.ingest import IngestError, article_from_text
        from parallax.store.db import slugify

        if not text.strip():
            raise InputError("the article text is empty")
        published = parse_date(date)
        link = http_url(url)
        aid = slugify(title)[:60] if title and title.strip() else "pasted"
        try:
            return article_from_text(
                text,
                aid,
                "pasted text",
                title=title.strip() if title and title.strip() else None,
                url=link,
                outlet=outlet.strip() if outlet and outlet.strip() else None,
                published=published,
            )
        except IngestError as exc:
            raise InputError(f"pasted text: {exc}") from exc

    def add_text(self, eid: str, text: str, **fields: str | None) -> Added:
        """``fields``: those of ``text_article`` (title, outlet, date, url)."""
        self.store.event(eid)
        article = self.text_article(text, **fields)
        return self._commit(eid, LoadResult(articles=[article]), Added())

    def add_files(self, eid: str, files: Sequence[tuple[str, bytes]]) -> Added:
        from parallax.ingest import LoadOptions, load_paths

        self.store.event(eid)
        if not files:
            raise InputError("no file was uploaded")
        if len(files) > MAX_FILES:
            raise InputError(f"at most {MAX_FILES} files at once")
        with tempfile.TemporaryDirectory(prefix="parallax-upload-") as tmp:
            paths: list[Path] = []
            names: dict[str, str] = {}
            for n, (name, data) in enumerate(files, 1):
                safe = safe_filename(name, n)
                folder = Path(tmp) / str(n)
                folder.mkdir()
                path = folder / safe
                path.write_bytes(data)
                paths.append(path)
                names[str(path)] = safe
            loaded = load_paths(paths, options=LoadOptions(max_bytes=self.settings.max_upload))
        # The temporary folder means nothing to the user: name the uploaded file instead.
        for article in loaded.articles:
            article.origin = _rename_origin(article.origin, names)
        for item in [*loaded.errors, *loaded.skipped]:
            item.origin = _rename_origin(item.origin, names)
        return self._commit(eid, loaded, Added())

    def add_urls(self, eid: str, urls: Sequence[str]) -> Added:
        from parallax.ingest import LoadOptions, load_paths

        self.store.event(eid)
        wanted = [u.strip() for u in urls if u.strip()]
        if not wanted:
            raise InputError("no URL given")
        if len(wanted) > MAX_URLS:
            raise InputError(f"at most {MAX_URLS} URLs at once")
        for u in wanted:
            http_url(u)
        options = LoadOptions(allow_private=self.settings.allow_private)
        return self._commit(eid, load_paths(wanted, options=options), Added())

    def add_articles(self, eid: str, articles: list[Article]) -> Added:
        self.store.event(eid)
        return self._commit(eid, LoadResult(articles=articles), Added())

    # -- reading -----------------------------------------------------------------------

    def report(self, eid: str) -> tuple[int, Report] | None:
        with self._cache_lock:
            hit = self._cache.get(eid)
        if hit is not None:
            return hit.analysis_id, hit.report
        latest = self.store.latest_analysis(eid)
        if latest is None:
            return None
        cached = _Cached(latest.id, Report.model_validate_json(latest.report_json))
        with self._cache_lock:
            current = self._cache.get(eid)
            newer = current is None or current.analysis_id < cached.analysis_id
            if newer and cached.analysis_id >= self._newest.get(eid, 0):
                self._cache[eid] = cached
        return cached.analysis_id, cached.report

    def cached(self, eid: str, fmt: str) -> Rendered | None:
        """The rendering kept from an earlier request, if the analysis is still current:
        no database query and no thread hop, so a report read by many is cheap."""
        with self._cache_lock:
            hit = self._cache.get(eid)
            return hit.renders.get(fmt) if hit else None

    def rendered(self, eid: str, fmt: str) -> Rendered | None:
        """The report as a file, rendered once per analysis and kept, gzipped too."""
        if fmt not in FORMATS:
            raise InputError(f"format must be one of {', '.join(FORMATS)}")
        with self._cache_lock:
            hit = self._cache.get(eid)
            done = hit.renders.get(fmt) if hit else None
        if done is not None:
            return done
        got = self.report(eid)
        if got is None:
            return None
        analysis_id, report = got
        text = (
            report.to_json()
            if fmt == "json"
            else report.to_markdown()
            if fmt == "md"
            else report.to_html()
        )
        body = text.encode("utf-8")
        out = Rendered(analysis_id, body, gzip.compress(body, 6, mtime=0), FORMATS[fmt])
        with self._cache_lock:
            hit = self._cache.get(eid)
            if hit is not None and hit.analysis_id == analysis_id:
                hit.renders[fmt] = out
        return out


def _rename_origin(origin: str, names: dict[str, str]) -> str:
    for tmp, name in names.items():
        if origin.startswith(tmp):
            return f"upload {name}{origin[len(tmp) :]}"
    return origin
