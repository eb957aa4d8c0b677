"""Build one ``Article`` from raw text: cleaning, title, language and date.

Every loader ends here, so an article from a folder, a JSON corpus or a URL is
cleaned and annotated by the same rules. Other stages' tests use it to make
articles from literal text without going through files.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from parallax.ingest.clean import clean_text
from parallax.ingest.dates import date_from_text
from parallax.ingest.errors import IngestError
from parallax.ingest.language import detect_language
from parallax.models import Article, DateBasis

_TITLE_MAX_WORDS = 25
_TITLE_MAX_CHARS = 200


def looks_like_headline(line: str) -> bool:
    """Short and without a final period: how headlines differ from lead sentences."""
    words = line.split()
    return (
        2 <= len(words) <= _TITLE_MAX_WORDS
        and len(line) <= _TITLE_MAX_CHARS
        and not line.rstrip().endswith((".", ",", ";", ":"))
    )


# "Headline | Site Name" or "Headline - Site Name": pages put their site's name last
# in the <title>, and scraped text often keeps that line.
_SITE_SUFFIX = re.compile(r"\s(?:\||-|\u2013|\u2014)\s+(?P<site>[A-Z][\w.&' ]{1,40})$")
_SITE_MAX_WORDS = 4


def outlet_from_title(title: str) -> str | None:
    """The site name a headline ends with, if it ends with one; never a guess beyond that."""
    match = _SITE_SUFFIX.search(title.strip())
    if match is None:
        return None
    site = match.group("site").strip()
    return site if len(site.split()) <= _SITE_MAX_WORDS else None


def article_from_text(
    text: str,
    aid: str,
    origin: str,
    *,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: dt.date | None = None,
    published_basis: DateBasis | None = None,
    warnings: Iterable[str] = (),
) -> Article:
    """Clean ``text`` and return the article; raise ``IngestError`` if nothing is left.

    A ``published`` date passed in comes from metadata unless told otherwise;
    without one, only an explicit full date in the text is used (basis "text").
    """
    cleaned = clean_text(text)
    if not cleaned.text.strip():
        raise IngestError("no article text left after cleaning")
    notes = [*warnings, *cleaned.warnings]
    first = cleaned.text.split("\n\n", 1)
    if title is None and len(first) > 1 and looks_like_headline(first[0]):
        title = first[0]
    if outlet is None and title:
        outlet = outlet_from_title(title)
    if published is not None:
        published_basis = published_basis or "metadata"
    else:
        published = date_from_text(cleaned.text)
        published_basis = "text" if published is not None else None
    language = detect_language(cleaned.text)
    if language is None:
        notes.append("language could not be detected")
    elif language != "en":
        notes.append(f"language is '{language}', not English")
    return Article(
        aid=aid,
        title=title.strip() if title else None,
        url=url,
        outlet=outlet,
        published=published,
        published_basis=published_basis,
        language=language,
        text=cleaned.text,
        origin=origin,
        warnings=notes,
        removed=cleaned.removed,
    )
