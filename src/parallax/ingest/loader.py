"""Load a mixed batch of folders, files and URLs into one ``LoadResult``.

Each input is loaded on its own and any failure becomes one error line, so a
single bad file never costs the rest of the batch. Aids must be unique within
a batch because every later citation is keyed by aid; a clash is resolved by
prefixing the source's folder name (the cluster), which stays stable across runs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from parallax.ingest.article import article_from_text
from parallax.ingest.decode import decode_bytes, read_limited
from parallax.ingest.dedupe import DEFAULT_THRESHOLD, mark_duplicates
from parallax.ingest.errors import IngestError
from parallax.ingest.fetch import fetch_url
from parallax.ingest.header import article_from_document
from parallax.ingest.html import extract_page
from parallax.ingest.outlet import name_unnamed, outlet_from_domain, outlet_from_url
from parallax.ingest.records import load_json, load_jsonl
from parallax.models import Article, LoadError, LoadResult

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FOLDER_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class LoadOptions:
    """Limits and switches for a batch; the defaults suit a news article batch."""

    max_bytes: int = 20_000_000
    timeout: float = 20.0
    max_redirects: int = 5
    detect_duplicates: bool = True
    duplicate_threshold: float = DEFAULT_THRESHOLD
    #: Fetch URLs on loopback, private and link-local addresses (a local test server,
    #: an intranet). Off by default: a URL in a batch must not reach this machine's
    #: own services or the cloud metadata endpoint.
    allow_private: bool = False


def is_url(item: str | Path) -> bool:
    return isinstance(item, str) and item.lower().startswith(("http://", "https://"))


def _text_article(text: str, path: Path, note: str | None) -> Article:
    return article_from_document(text, path.stem, str(path), warnings=[note] if note else [])


def _html_article(
    html: str, aid: str, origin: str, url: str | None = None, note: str | None = None
) -> Article:
    page = extract_page(html, url)
    outlet = outlet_from_url(page.url) or outlet_from_domain(page.hostname)
    notes = [note] if note else []
    notes += page.warnings
    if page.sitename and not outlet:
        notes.append(f"site name: {page.sitename}")
    return article_from_text(
        page.text,
        aid,
        origin,
        title=page.title,
        url=page.url,
        outlet=outlet,
        published=page.published,
        warnings=notes,
    )


def load_file(path: Path, options: LoadOptions) -> LoadResult:
    """Load one file by its suffix; raise ``IngestError`` if it gives nothing."""
    suffix = path.suffix.lower()
    if suffix not in FOLDER_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES:
        raise IngestError(f"unsupported file type '{suffix or path.name}'")
    text, note = decode_bytes(read_limited(path, options.max_bytes))
    if suffix in JSON_SUFFIXES | JSONL_SUFFIXES:
        result = (load_json if suffix in JSON_SUFFIXES else load_jsonl)(text, path)
        if note:
            for article in result.articles:
                article.warnings.insert(0, note)
        return result
    if suffix in HTML_SUFFIXES:
        return LoadResult(articles=[_html_article(text, path.stem, str(path), note=note)])
    return LoadResult(articles=[_text_article(text, path, note)])


def load_url(url: str, options: LoadOptions) -> LoadResult:
    """Fetch and extract one page; plain-text responses are taken as they are."""
    fetched = fetch_url(
        url,
        timeout=options.timeout,
        max_bytes=options.max_bytes,
        max_redirects=options.max_redirects,
        allow_private=options.allow_private,
    )
    note: str | None = None
    if fetched.encoding:
        body = fetched.body.decode(fetched.encoding, errors="replace")
    else:
        body, note = decode_bytes(fetched.body)
    aid = _url_aid(fetched.url)
    if "text/plain" in fetched.content_type:
        article = article_from_text(body, aid, url, url=fetched.url)
        article.outlet = outlet_from_url(fetched.url)
        return LoadResult(articles=[article])
    return LoadResult(articles=[_html_article(body, aid, url, fetched.url, note)])


def _url_aid(url: str) -> str:
    """The last path segment, which is what a reader recognises a page by."""
    path = url.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    tail = path.rsplit("/", 1)[-1]
    stem = tail.rsplit(".", 1)[0] if "." in tail else tail
    return stem or (outlet_from_url(url) or "page")


@dataclass(frozen=True)
class _Unit:
    """One loadable thing after folders are expanded: a file or a URL."""

    item: str
    is_url: bool


def _expand(paths: Sequence[str | Path], result: LoadResult) -> list[_Unit]:
    units: list[_Unit] = []
    for raw in paths:
        if is_url(raw):
            units.append(_Unit(str(raw), True))
            continue
        path = Path(raw)
        try:
            units += _expand_path(path, result)
        except OSError as exc:  # an unreadable folder is one error line, not a traceback
            reason = f"cannot read folder: {exc.strerror or exc}"
            result.errors.append(LoadError(origin=str(path), reason=reason))
    return units


def _expand_path(path: Path, result: LoadResult) -> list[_Unit]:
    if not path.is_dir():
        return [_Unit(str(path), False)]
    units: list[_Unit] = []
    for child in sorted(path.iterdir()):
        try:
            is_file, is_dir = child.is_file(), child.is_dir()
        except OSError as exc:
            reason = f"cannot read: {exc.strerror or exc}"
            result.errors.append(LoadError(origin=str(child), reason=reason))
            continue
        if is_file and child.suffix.lower() in FOLDER_SUFFIXES:
            units.append(_Unit(str(child), False))
        elif not child.name.startswith("."):
            if is_dir:
                reason = "folder skipped"
            elif is_file:
                reason = f"'{child.suffix or child.name}' file skipped"
            else:  # a FIFO, a device, a dangling link: never opened
                reason = "not a regular file; skipped"
            result.skipped.append(LoadError(origin=str(child), reason=reason))
    if not units:
        result.errors.append(
            LoadError(origin=str(path), reason="no .txt, .md or .html articles in directory")
        )
    return units


def _load_unit(unit: _Unit, options: LoadOptions) -> LoadResult:
    if unit.is_url:
        return load_url(unit.item, options)
    path = Path(unit.item)
    if not path.exists():
        raise IngestError("no such file or directory")
    return load_file(path, options)


def _unique_aids(articles: list[Article]) -> None:
    seen: set[str] = set()
    for article in articles:
        if article.aid in seen:
            source = article.origin.split("#", 1)[0]
            base = f"{Path(source).parent.name}:{article.aid}"
            aid, n = base, 2
            while aid in seen:
                aid, n = f"{base}-{n}", n + 1
            article.warnings.append(f"aid '{article.aid}' already used in this batch; renamed")
            article.aid = aid
        seen.add(article.aid)


def load_paths(
    paths: Sequence[str | Path],
    *,
    options: LoadOptions | None = None,
    on_progress: Progress | None = None,
) -> LoadResult:
    """Load every folder, file and http(s) URL in ``paths`` into one result.

    ``on_progress(done, total)`` is called after each file or URL, so a caller
    can show progress on large batches.
    """
    options = options or LoadOptions()
    result = LoadResult()
    units = _expand(paths, result)
    for done, unit in enumerate(units, start=1):
        try:
            part = _load_unit(unit, options)
        except IngestError as exc:
            result.errors.append(LoadError(origin=unit.item, reason=str(exc)))
        except Exception as exc:  # a parser bug on one input must not sink the batch
            reason = f"unexpected error: {type(exc).__name__}: {exc}"
            result.errors.append(LoadError(origin=unit.item, reason=reason))
        else:
            result.articles.extend(part.articles)
            result.errors.extend(part.errors)
            result.skipped.extend(part.skipped)
        if on_progress is not None:
            on_progress(done, len(units))
    _unique_aids(result.articles)
    if options.detect_duplicates and len(result.articles) > 1:
        mark_duplicates(result.articles, options.duplicate_threshold)
    name_unnamed(result.articles)
    return result
