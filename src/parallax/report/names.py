"""How the report names an article's outlet, the same in every part of it.

A report built from articles without a known outlet (no header, URL or site name)
would otherwise name them by id ("000_e21639f45ec8aece"); "article 1" is the first
article of the report, which a reader can find in its article list.
"""

from __future__ import annotations

from collections.abc import Sequence

from parallax.schema import ReportArticle


def outlet_names(articles: Sequence[ReportArticle]) -> dict[str, str]:
    """Each article's aid to its outlet, or "article N" by its place in the report."""
    return {a.aid: a.outlet or f"article {n}" for n, a in enumerate(articles, start=1)}
