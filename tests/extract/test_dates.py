"""Article dates inferred from text and siblings, and left unknown otherwise."""

from __future__ import annotations

import datetime as dt

from parallax.extract.dates import infer_dates
from parallax.models import Article, Claim

TODAY = dt.date(2026, 11, 23)


def art(
    aid: str, text: str, published: dt.date | None = None, figures: tuple[float, ...] = ()
) -> Article:
    a = Article(
        aid=aid,
        text=text,
        origin=aid,
        published=published,
        published_basis="metadata" if published else None,
    )
    a.claims = [
        Claim(
            id=f"{aid}:{i}",
            aid=aid,
            sent_start=0,
            sent_end=1,
            char_start=0,
            char_end=1,
            text="x",
            value=v,
        )
        for i, v in enumerate(figures)
    ]
    return a


def test_weekday_with_month_day_fixes_the_year() -> None:
    a = art("a", "In remarks carried by state media Friday, May 20, the minister said.")
    infer_dates([a], today=TODAY)
    assert a.published == dt.date(2022, 5, 20)
    assert a.published_basis == "inferred"
    assert any("Friday, May 20" in w for w in a.warnings)


def test_weekday_needs_a_sibling_sharing_a_figure() -> None:
    dated = art("d", "x", dt.date(2022, 5, 20), figures=(1730.0,))
    linked = art(
        "l", "The ministry said today, Thursday, that 1,730 surrendered.", figures=(1730.0,)
    )
    unlinked = art("u", "They refused to leave on Tuesday.", figures=(4000.0,))
    infer_dates([dated, linked, unlinked], today=TODAY)
    assert linked.published == dt.date(2022, 5, 19)
    assert unlinked.published is None
    assert any(w.startswith("date unknown") for w in unlinked.warnings)


def test_day_of_month_placed_next_to_sibling() -> None:
    dated = art("d", "x", dt.date(2022, 5, 20))
    nth = art("n", "According to AP on the 20th, the last 531 left today.")
    infer_dates([dated, nth], today=TODAY)
    assert nth.published == dt.date(2022, 5, 20)


def test_nothing_to_go_on_stays_unknown() -> None:
    a = art("a", "Russia attacked in late February.")
    infer_dates([a], today=TODAY)
    assert a.published is None
