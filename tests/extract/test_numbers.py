"""Figure finding and normalisation on literal sentences (no parser involved)."""

from __future__ import annotations

import pytest

from parallax.extract.numbers import find_figures


def one(text: str) -> tuple[str, float | None, float | None, str | None, str, str | None]:
    figs = find_figures(text)
    assert len(figs) == 1, [text[f.start : f.end] for f in figs]
    f = figs[0]
    return text[f.start : f.end], f.value, f.value_high, f.unit, f.kind, f.qualifier


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("said 1,730 Ukrainian soldiers", ("1,730", 1730, None, None, "count", None)),
        (
            "more than a thousand soldiers",
            ("more than a thousand", 1000, None, None, "count", "more than"),
        ),
        ("revenue of $4.7bn in", ("$4.7bn", 4.7e9, None, "USD", "money", None)),
        ("spent 42 billion dollars on", ("42 billion dollars", 42e9, None, "USD", "money", None)),
        ("between 40 and 60 people", ("between 40 and 60", 40, 60, None, "count", "between")),
        ("40 to 60 people", ("40 to 60", 40, 60, None, "count", None)),
        ("a 7.8 magnitude quake", ("7.8 magnitude", 7.8, None, "magnitude", "measure", None)),
        (
            "more than 1.37 million people",
            ("more than 1.37 million", 1.37e6, None, None, "count", "more than"),
        ),
        ("a loss of Rs 3.4 lakh crore", ("Rs 3.4 lakh crore", 3.4e12, None, "INR", "money", None)),
        ("polled 6,10,533 votes", ("6,10,533", 610533, None, None, "count", None)),
        ("got 1,23,456 votes", ("1,23,456", 123456, None, None, "count", None)),
        ("3.4 lakh people", ("3.4 lakh", 340000, None, None, "count", None)),
        ("rate of 3.4 per cent", ("3.4 per cent", 3.4, None, "%", "percent", None)),
        ("surged 517k in January", ("517k", 517000, None, None, "count", None)),
        ("printed -0.9% annualised", ("-0.9%", -0.9, None, "%", "percent", None)),
        ("up to 300 tonnes of", ("up to 300 tonnes", 300, None, "tonnes", "measure", "up to")),
        ("fewer than 20 people", ("fewer than 20", 20, None, None, "count", "fewer than")),
        (
            "said\u00a0more\u00a0than 900 fighters",
            ("more\u00a0than 900", 900, None, None, "count", "more than"),
        ),
    ],
)
def test_figures_are_normalised(text: str, expected: tuple[object, ...]) -> None:
    got = one(text)
    assert got[0] == expected[0]
    assert got[1] == pytest.approx(expected[1])
    assert got[2] == (pytest.approx(expected[2]) if expected[2] is not None else None)
    assert got[3:] == expected[3:]


@pytest.mark.parametrize(
    "text",
    [
        "leave from 14: 00 Moscow time",
        "leave at 9:30 a.m. on",
        "said Andre, 37.",
        "a 37-year-old man",
        "the COVID-19 pandemic",
        "the Su-25 jets",
        "the G7 summit",
        "on February 24 the war",
        "on the 20th (local time)",
        "Feb. 5 quake",
        "1. First item",
        "the 3rd division",
        "in July '80 the",
        "over the last two weeks",
        "in the first half of the year",
        "a $20 bill",
    ],
)
def test_non_claims_are_left_out(text: str) -> None:
    kept = [text[f.start : f.end] for f in find_figures(text) if not f.year_like]
    assert kept == []


def test_vague_amounts_have_no_value() -> None:
    figs = find_figures("there are still hundreds of soldiers and dozens of civilians")
    assert [(f.value, f.vague) for f in figs] == [(None, True), (None, True)]


def test_years_are_flagged_for_the_parser() -> None:
    (fig,) = find_figures("annexed in 2014 by")
    assert fig.year_like


def test_lists_and_changes_are_not_ranges() -> None:
    text = "revised from 256,000 to 290,000 and 223,000 and 260,000"
    assert [f.value for f in find_figures(text)] == [256000, 290000, 223000, 260000]


@pytest.mark.parametrize(
    ("text", "span", "value", "kind"),
    [
        ("Tinubu got 8, 794,726 votes", "8, 794,726", 8794726, "count"),
        ("the 24,025, 940 total valid votes", "24,025, 940", 24025940, "count"),
        ("four out of five trains were cancelled", "four out of five", 80, "percent"),
        ("suspension of 4 out of 5 trains", "4 out of 5", 80, "percent"),
        ("1 in 5 adults", "1 in 5", 20, "percent"),
    ],
)
def test_stray_spaces_and_shares(text: str, span: str, value: float, kind: str) -> None:
    got = one(text)
    assert (got[0], got[4]) == (span, kind)
    assert got[1] == pytest.approx(value)


def test_a_spaced_comma_after_a_date_is_not_a_thousands_group() -> None:
    figs = find_figures("On June 3, 500,000 people marched")
    assert [f.value for f in figs] == [500000]
    assert [f.value for f in find_figures("two in 20 years")] == [2, 20]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Negated bounds are the bound they mean, not the comparative they contain.
        (
            "no fewer than 1.8 million people",
            ("no fewer than 1.8 million", 1.8e6, None, None, "count", "at least"),
        ),
        ("not less than 20 bodies", ("not less than 20", 20, None, None, "count", "at least")),
        ("no more than 300 people", ("no more than 300", 300, None, None, "count", "at most")),
        # Basis points are percentage points, as outlets write the same move both ways.
        (
            "raised rates by 75 basis points",
            ("75 basis points", 0.75, None, "percentage points", "percent", None),
        ),
        (
            "a 50-basis-point increase",
            ("50-basis-point", 0.5, None, "percentage points", "percent", None),
        ),
        # A range whose ends both carry the percent sign stays one figure.
        ("to a range of 1.5%-1.75%.", ("1.5%-1.75%", 1.5, 1.75, "%", "percent", None)),
        (
            "a range of 1.5 percent to 1.75 percent",
            ("1.5 percent to 1.75 percent", 1.5, 1.75, "%", "percent", None),
        ),
        (
            "to between 1.5 percent and 1.75 percent",
            ("between 1.5 percent and 1.75 percent", 1.5, 1.75, "%", "percent", "between"),
        ),
        # Fractions of a unit.
        (
            "by three-quarters of a percentage point",
            (
                "three-quarters of a percentage point",
                0.75,
                None,
                "percentage points",
                "percent",
                None,
            ),
        ),
        ("half a million people", ("half a million", 5e5, None, None, "count", None)),
        (
            "by 3/4 percentage point",
            ("3/4 percentage point", 0.75, None, "percentage points", "percent", None),
        ),
        # Compound adjectives: a length, a duration, a count of people.
        ("the 21-foot vessel", ("21-foot", 21, None, "feet", "measure", None)),
        ("a 96-hour oxygen supply", ("96-hour", 96, None, "hours", "measure", None)),
        ("a five-person expedition", ("five-person", 5, None, None, "count", None)),
    ],
)
def test_bounds_basis_points_ranges_fractions_and_compounds(
    text: str, expected: tuple[object, ...]
) -> None:
    got = one(text)
    assert got[0] == expected[0]
    assert got[1] == pytest.approx(expected[1])
    assert got[2] == (pytest.approx(expected[2]) if expected[2] is not None else None)
    assert got[3:] == expected[3:]


def test_a_change_between_percentages_is_not_a_range() -> None:
    text = "inflation rose 0.2% to 3.6% in May"
    assert [(f.value, f.value_high) for f in find_figures(text)] == [(0.2, None), (3.6, None)]


def test_a_maturity_names_a_bond_not_an_amount() -> None:
    assert find_figures("the 10-year Treasury yield") == []
    assert find_figures("a 14-year-old boy") == []
