from __future__ import annotations

import datetime as dt

import pytest

from parallax.ingest.dates import date_from_text, full_dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kyiv, May 20, 2022 - Officials said", dt.date(2022, 5, 20)),
        ("Published 20 May 2022 at noon", dt.date(2022, 5, 20)),
        ("stamp 2022-05-20 06:24", dt.date(2022, 5, 20)),
        ("June 04, 2023 01:48 pm | Updated", dt.date(2023, 6, 4)),
        ("Washington, Feb. 3rd, 2023 (Reuters)", dt.date(2023, 2, 3)),
        ("on Sept. 7 2021 the court", dt.date(2021, 9, 7)),
    ],
)
def test_explicit_full_dates_are_found(text: str, expected: dt.date) -> None:
    assert date_from_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In remarks on Friday, May 20, officials said",  # no year
        "Mariupol has been under siege since February 24.",
        "The war began in 2022 and in May the plant fell.",
        "Bad date February 30, 2023 is not a date.",
        "No dates here at all.",
    ],
)
def test_no_date_is_invented(text: str) -> None:
    assert date_from_text(text) is None


def test_a_published_line_wins_over_an_earlier_event_date() -> None:
    text = "The strike of January 31, 2023 was big.\n\nPublished on March 7, 2023, at 8:25 pm"
    assert date_from_text(text) == dt.date(2023, 3, 7)


def test_first_date_is_taken_without_a_published_line() -> None:
    text = "On March 7, 2023 unions marched, as on January 31, 2023."
    assert [d for _, d in full_dates(text)] == [dt.date(2023, 3, 7), dt.date(2023, 1, 31)]
    assert date_from_text(text) == dt.date(2023, 3, 7)


def test_a_word_ending_in_a_month_name_is_not_a_month() -> None:
    assert date_from_text("Summar 5, 2022 and Omay 20, 2022 are not dates.") is None


def test_date_deep_in_the_body_is_not_the_publication_date() -> None:
    body = "The commission announced the result after four days of counting. " * 8
    text = body + "The winner will be sworn in on May 29, 2023, the commission said."
    assert date_from_text(text) is None
    assert date_from_text("LAGOS, March 1, 2023 - " + text) == dt.date(2023, 3, 1)
