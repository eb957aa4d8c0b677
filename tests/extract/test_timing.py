"""Relative time expressions resolved against the article date."""

from __future__ import annotations

import datetime as dt

import pytest

from parallax.extract.timing import claim_as_of

THU = dt.date(2022, 5, 19)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ministry said today, Thursday, that 1,730 soldiers surrendered", THU),
        ("A US official said yesterday, Wednesday, that 40 people", dt.date(2022, 5, 18)),
        ("1,730 troops have laid down their arms since Monday", THU),
        ("Ukraine confirmed last week that more than 1,000 soldiers", dt.date(2022, 5, 12)),
        ("According to AP on the 12th, 531 people surrendered", dt.date(2022, 5, 12)),
        ("said at the end of last April that 800 crimes", dt.date(2022, 4, 30)),
        ("900 fighters who surrendered this week", THU),
        ("The figure given on Tuesday was 1,200", dt.date(2022, 5, 17)),
        ("unemployment dropped to 3.4% in January", dt.date(2022, 1, 31)),
        ("In remarks on Friday, May 13, he said 1,908 people", dt.date(2022, 5, 13)),
        ("some 500 people were hurt", THU),
    ],
)
def test_as_of(sentence: str, expected: dt.date) -> None:
    pos = next(i for i, ch in enumerate(sentence) if ch.isdigit())
    got, basis = claim_as_of(sentence, pos, THU)
    assert got == expected, basis


def test_earlier_this_week_names_no_day() -> None:
    got, basis = claim_as_of("Earlier this week, the ombudsman said 3,000 civilians", 40, THU)
    assert got is None
    assert basis is not None and "2022-05-16" in basis


def test_no_article_date_means_unknown() -> None:
    assert claim_as_of("today 1,730 soldiers", 6, None) == (None, None)
