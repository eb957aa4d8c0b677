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


@pytest.mark.parametrize(
    "sentence", ["On May 00, 1,730 soldiers surrendered", "on the 0th, 531 people surrendered"]
)
def test_day_zero_is_no_date(sentence: str) -> None:
    # Found by the long fuzz profile: "May 00" raised ValueError out of the pipeline. A
    # day that is no day names no time; the figure falls back to the article's date.
    pos = sentence.index("1,730") if "1,730" in sentence else sentence.index("531")
    assert claim_as_of(sentence, pos, THU) == (THU, "article date")


def test_no_article_date_means_unknown() -> None:
    assert claim_as_of("today 1,730 soldiers", 6, None) == (None, None)


@pytest.mark.parametrize(
    ("sentence", "figure", "expected"),
    [
        # A trailing time belongs to the figure just before it.
        (
            "The CGT put the number at 3.5 million, compared to 2.5 million on January 31.",
            "3.5",
            THU,
        ),
        (
            "They said 3.5 million, compared to 2.5 million on January 31.",
            "2.5",
            dt.date(2022, 1, 31),
        ),
        # A leading time scopes over every figure after it.
        (
            "Ukraine confirmed last week that 1,000 soldiers, including 600 wounded",
            "600",
            dt.date(2022, 5, 12),
        ),
        # The day of the event, not of the running toll.
        ("The toll from the quake that struck on Monday has risen to 11,000", "11,000", THU),
        ("The accident Monday night killed at least 261 people", "261", THU),
        (
            "the protest on Monday when more than 1,000 people marched",
            "1,000",
            dt.date(2022, 5, 16),
        ),
        # Clause breaks separate a time from a figure in the other clause.
        ("the toll rose to 288 on Monday, while 1,091 injured were treated", "1,091", THU),
        # A baseline year is not the figure's.
        ("That was 0.17C higher than in 2016", "0.17", THU),
        ("As of January 2022, there were 1.1 million", "1.1", dt.date(2022, 1, 31)),
    ],
)
def test_whose_time_expression(sentence: str, figure: str, expected: dt.date) -> None:
    pos = sentence.index(figure)
    others = [i for i in range(len(sentence)) if sentence[i].isdigit() and i != pos]
    others = [i for i in others if i == 0 or not sentence[i - 1].isdigit()]
    others = [i for i in others if not pos <= i < pos + len(figure)]
    got, basis = claim_as_of(sentence, pos, THU, others=others)
    assert got == expected, basis


def test_undated_article_places_calendar_expressions_with_the_event_year() -> None:
    anchor = dt.date(2023, 2, 3)
    got, _ = claim_as_of("employment increased by 517,000 in January", 24, None, anchor=anchor)
    assert got == dt.date(2023, 1, 31)
    # Relative expressions need the article's own date; a sibling's is not enough.
    assert claim_as_of("517,000 jobs were added on Friday", 0, None, anchor=anchor) == (None, None)
    assert claim_as_of("517,000 jobs were added", 0, None, anchor=anchor) == (None, None)


def test_revised_statistic_is_dated_by_its_release() -> None:
    s = "The change for December was revised up by 37,000, from 223,000 to 260,000."
    got, basis = claim_as_of(s, s.index("260,000"), THU, others=[s.index("223,000")])
    assert got == THU, basis
    plain = "Employers added 260,000 jobs in December."
    assert claim_as_of(plain, plain.index("260"), THU)[0] == dt.date(2021, 12, 31)
    s = "Employers added 517,000 jobs in January, up from an upwardly revised 260,000."
    assert claim_as_of(s, s.index("517"), THU)[0] == dt.date(2022, 1, 31)
