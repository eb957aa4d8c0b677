"""The documented header block of a plain-text article.

A ``.txt`` or ``.md`` article may start with lines that say what it is::

    Title: Flood waters recede in Riverton
    Source: Riverton Daily
    Date: 2024-04-03
    URL: https://riverton-daily.example/flood

    The river fell below its banks on Wednesday...

``Outlet:`` is a synonym of ``Source:``. The block is the run of such lines at
the very top (a blank line ends it); it is metadata, not article text, so it
is cut off before cleaning and never cited. Without it, cleaning would keep
"Title: ..." as a sentence and drop "Source: Reuters" as a section label.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from parallax.ingest.article import article_from_text
from parallax.ingest.outlet import outlet_from_url
from parallax.ingest.records import parse_date
from parallax.models import Article

_FIELD = re.compile(r"[ \t]*(title|source|outlet|date|url)[ \t]*:[ \t]*(.*?)\s*", re.IGNORECASE)
_KEYS = {"title": "title", "source": "outlet", "outlet": "outlet", "date": "date", "url": "url"}


@dataclass
class Header:
    """The fields of a header block and the text after it."""

    body: str
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    url: str | None = None
    warnings: list[str] = field(default_factory=list)


def split_header(text: str) -> Header:
    """Cut the header block off ``text``; a text without one comes back whole."""
    lines = text.splitlines(keepends=True)
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    values: dict[str, str] = {}
    while i < len(lines):
        m = _FIELD.fullmatch(lines[i])
        if m is None:
            break
        key = _KEYS[m.group(1).lower()]
        if m.group(2):
            values.setdefault(key, m.group(2))
        i += 1
    if not values:
        return Header(body=text)
    header = Header(body="".join(lines[i:]))
    header.title = values.get("title")
    header.outlet = values.get("outlet")
    url = values.get("url")
    if url is not None:
        if url.lower().startswith(("http://", "https://")):
            header.url = url
        else:
            header.warnings.append(f"header URL {url!r} is not an http(s) address; ignored")
    if "date" in values:
        header.published = parse_date(values["date"])
        if header.published is None:
            header.warnings.append(f"header date {values['date']!r} is not a full date; ignored")
    return header


def article_from_document(
    text: str, aid: str, origin: str, warnings: list[str] | None = None
) -> Article:
    """An article from a plain-text document: header block first, then the body."""
    header = split_header(text)
    return article_from_text(
        header.body,
        aid,
        origin,
        title=header.title,
        url=header.url,
        outlet=header.outlet or outlet_from_url(header.url),
        published=header.published,
        warnings=[*(warnings or []), *header.warnings],
    )
