"""Outlet names from hosts, so the same paper reads the same from URL or JSON."""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from parallax.models import Article

_PREFIXES = ("www.", "m.", "amp.")


def outlet_from_domain(domain: str | None) -> str | None:
    """Normalise a host: lower case, no port, no ``www.``/``m.``/``amp.`` prefix."""
    if not domain:
        return None
    host = domain.strip().lower()
    if "//" in host:
        host = urlsplit(host).hostname or ""
    host = host.split(":", 1)[0].rstrip(".")
    changed = True
    while changed:
        changed = False
        for prefix in _PREFIXES:
            if host.startswith(prefix) and host.count(".") > 1:
                host = host[len(prefix) :]
                changed = True
    return host or None


def outlet_from_url(url: str | None) -> str | None:
    """The outlet of ``url``; ``None`` for anything without a host."""
    if not url:
        return None
    return outlet_from_domain(urlsplit(url).hostname)


def name_unnamed(articles: Sequence[Article]) -> None:
    """Give every article without an outlet a short label by its place in the batch.

    Reports, summaries and tables name outlets; an article with no header, URL
    or site name would otherwise be named by its id ("000_e21639f45ec8aece").
    "article 3" is the third input, so a reader can find it in the batch.
    """
    for number, article in enumerate(articles, start=1):
        if not article.outlet:
            article.outlet = f"article {number}"


_NUMBERED = re.compile(r"article \d+")


def renumber_unnamed(articles: Sequence[Article]) -> None:
    """Number the unnamed articles again by their place in ``articles``.

    The labels of :func:`name_unnamed` are places in one load; an event assembled from
    several loads (the store adds articles one by one) would have two "article 1"s.
    """
    for article in articles:
        if article.outlet and _NUMBERED.fullmatch(article.outlet):
            article.outlet = None
    name_unnamed(articles)
