"""Main text and metadata of an HTML page through trafilatura.

Dates come only from the page's markup (meta tags, ``<time>``, the URL):
trafilatura's extensive search would also scan the body for any date-like
string, which would turn a mentioned date into a claimed publication date.

Work per page is bounded. trafilatura's fallback (justext) revises each short
paragraph by walking to its nearest long neighbour, which is quadratic in a
long run of short blocks: a 400-row data table took a minute and 4,000 rows
did not finish. Tables are never part of the article here (``include_tables``
is off), so long data tables are cut from the page before extraction; a page
that still has thousands of blocks is extracted without the fallback; and the
whole extraction has a time budget.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from parallax.ingest.errors import IngestError

#: A table with more rows than this, and short rows, is data, not an article laid out
#: in a table (old sites put the whole story in a few big cells).
MAX_TABLE_ROWS = 50
_DATA_CELL_CHARS = 100
#: Above this many text blocks the quadratic fallback is skipped (3,000 short blocks
#: cost it about 2 s; 6,000 about 6 s).
MAX_FALLBACK_BLOCKS = 3000
_BLOCKS = "//p|//div|//li|//td|//th|//dd|//dt|//pre|//blockquote|//h1|//h2|//h3|//h4|//h5|//h6"
#: Seconds one page may take to extract.
TIME_BUDGET = 20.0

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
    warnings: list[str] = field(default_factory=list)


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


def _drop(element: Any) -> None:
    """Remove ``element`` but keep the text that follows it (lxml stores it on the element)."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    previous = element.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _drop_data_tables(tree: Any) -> int:
    """Cut long tables of short rows; return how many rows went."""
    dropped = 0
    for table in tree.xpath("//table[not(ancestor::table)]"):
        rows = table.xpath(".//tr")
        if len(rows) <= MAX_TABLE_ROWS:
            continue
        cells = max(len(table.xpath(".//td|.//th")), 1)
        if len(" ".join(table.itertext())) / cells < _DATA_CELL_CHARS:
            dropped += len(rows)
            _drop(table)
    return dropped


class _OverBudget(BaseException):
    """Not an ``Exception``: the parsers' own ``except Exception`` must not swallow it."""


@contextlib.contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise ``_OverBudget`` in the block after ``seconds``, where a timer signal can.

    Signals reach only the main thread; elsewhere (a server's worker) the structural
    bounds above still hold, without the timer.
    """
    usable = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _OverBudget

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def extract_page(html: str, url: str | None = None, budget: float = TIME_BUDGET) -> PageText:
    """Extract the article of one page; raise ``IngestError`` if it has no text."""
    import trafilatura  # lazy: its import costs time that text-only loads never need
    from trafilatura.utils import load_html

    notes: list[str] = []
    try:
        with time_budget(budget):
            tree = load_html(html)
            if tree is None:
                raise IngestError("HTML could not be parsed")
            dropped = _drop_data_tables(tree)
            if dropped:
                notes.append(f"left out {dropped:,} rows of data tables")
            fast = len(tree.xpath(_BLOCKS)) > MAX_FALLBACK_BLOCKS
            doc = trafilatura.bare_extraction(
                tree,
                url=url,
                fast=fast,
                with_metadata=True,
                include_comments=False,
                include_tables=False,
                date_extraction_params=_DATE_PARAMS,
            )
    except _OverBudget as exc:
        raise IngestError(f"HTML extraction took longer than {budget:g} s") from exc
    except IngestError:
        raise
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
        warnings=notes,
    )
