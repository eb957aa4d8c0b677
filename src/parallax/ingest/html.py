"""Main text and metadata of an HTML page through trafilatura.

Dates come only from the page's markup (meta tags, ``<time>``, the URL):
trafilatura's extensive search would also scan the body for any date-like
string, which would turn a mentioned date into a claimed publication date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from parallax.ingest.errors import IngestError

_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass(frozen=True)
class PageText:
    """What a page gives before cleaning: text plus whatever metadata it carries."""

    text: str
    title: str | None
    published: dt.date | None
    sitename: str | None
    hostname: str | None
    url: str | None


def _parse_date(value: Any) -> dt.date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _field(doc: Any, name: str) -> str | None:
    value = doc.get(name) if isinstance(doc, dict) else getattr(doc, name, None)
    return value.strip() or None if isinstance(value, str) else None


_MIN_ARTICLE_WORDS = 5


def extract_page(html: str, url: str | None = None) -> PageText:
    """Extract the article of one page; raise ``IngestError`` if it has no text."""
    import trafilatura  # lazy: its import costs time that text-only loads never need

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # trafilatura raises assorted parser errors
        raise IngestError(f"HTML could not be parsed: {exc}") from exc
    text = _field(doc, "text") if doc is not None else None
    if not text:
        raise IngestError("HTML has no article text")
    # trafilatura falls back to whatever text a page has: a page of navigation gives
    # "Home" or "Menu Search", which is not an article and must not pass as one.
    if len(text.split()) < _MIN_ARTICLE_WORDS:
        raise IngestError(f"HTML has no article text (only {text[:40]!r})")
    return PageText(
        text=text,
        title=_field(doc, "title"),
        published=_parse_date(_field(doc, "date")),
        sitename=_field(doc, "sitename"),
        hostname=_field(doc, "hostname"),
        url=_field(doc, "url") or url,
    )
