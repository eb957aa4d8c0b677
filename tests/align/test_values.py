from __future__ import annotations

import pytest

from parallax.align.values import (
    base_value,
    group_values,
    precision,
    same_figure,
    same_value,
    unit_family,
)
from parallax.models import Claim


@pytest.mark.parametrize(
    ("value", "step"),
    [(7_180_000, 10_000), (288, 1), (3.4, 0.1), (1000, 1000), (13.51e9, 1e7), (0, 1)],
)
def test_precision_reads_the_rounding_step(value: float, step: float) -> None:
    assert precision(value) == pytest.approx(step)


@pytest.mark.parametrize(
    ("a", "b"),
    [(7_180_000, 7_176_141), (1000, 1091), (1200, 1175), (1730, 1730.0), (11.2e9, 11.22e9)],
)
def test_rounded_figures_are_the_same_figure(a: float, b: float) -> None:
    assert same_value(a, b) and same_value(b, a)


@pytest.mark.parametrize(("a", "b"), [(1730, 1908), (233, 261), (900, 959), (1000, 1300), (-5, 5)])
def test_different_figures_are_different_answers(a: float, b: float) -> None:
    assert not same_value(a, b)


def _claim(value: float, kind: str, unit: str | None = None, qualifier: str | None = None) -> Claim:
    return Claim(
        id="c",
        aid="a",
        sent_start=0,
        sent_end=1,
        char_start=0,
        char_end=1,
        text="x",
        value=value,
        unit=unit,
        kind=kind,
        qualifier=qualifier,
    )


def _measure(value: float, unit: str) -> Claim:
    return _claim(value, "measure", unit=unit)


def test_unit_spellings_share_a_family() -> None:
    families = {unit_family(_measure(1.48, u)) for u in ("°C", "c", "degrees Celsius", "degrees")}
    assert families == {"temperature"}
    assert unit_family(_measure(20, "miles")) == unit_family(_measure(32, "km")) == "distance"
    assert unit_family(_measure(7.8, "magnitude")) == "magnitude"


def test_fahrenheit_anomalies_and_temperatures_convert_to_celsius() -> None:
    assert base_value(_measure(0.27, "degrees Fahrenheit")) == pytest.approx(0.15)
    assert same_value(base_value(_measure(2.12, "°F")) or 0, 1.18)
    assert base_value(_measure(58.96, "degrees Fahrenheit")) == pytest.approx(14.98, abs=0.01)


def _count(value: float, qualifier: str | None = None) -> Claim:
    return _claim(value, "count", qualifier=qualifier)


def test_two_different_lower_bounds_are_two_answers() -> None:
    # "more than a thousand" vs "at least 959": 959 rounds to 1,000, yet these are
    # two bounds a reader compares, not one figure.
    assert same_value(1000, 959)
    assert not same_figure(_count(1000, "more than"), _count(959, "at least"))
    assert not same_figure(_count(1000, "more than"), _count(900, "more than"))
    assert same_figure(_count(1000, "more than"), _count(1000, "over"))


def test_opposite_bounds_agree_only_when_a_value_lies_between_them() -> None:
    assert same_figure(_count(1900, "more than"), _count(2000, "nearly"))
    assert not same_figure(_count(1000, "more than"), _count(1000, "nearly"))
    assert not same_figure(_count(1090, "over"), _count(1000, "under"))


def test_a_bound_and_a_value_agree_only_on_the_bound_s_side() -> None:
    assert same_figure(_count(1000, "over"), _count(1091))
    assert same_figure(_count(1200, "nearly"), _count(1175))
    assert same_figure(_count(2000, "almost"), _count(1908))
    assert not same_figure(_count(1000, "more than"), _count(959))
    assert not same_figure(_count(1200, "nearly"), _count(1250))
    # A coarse bound is the value rounded towards it, not to the nearest step.
    assert same_figure(_count(8_000_000, "more than"), _count(8_794_726))
    assert not same_figure(_count(9_000_000, "more than"), _count(8_794_726))
    assert not same_figure(_count(1000, "over"), _count(1400))
    # Float error must not move a figure across the rounding step (1.2 / 0.1 = 11.99...).
    assert not same_figure(_count(1.1, "more than"), _count(1.2))
    assert same_figure(_count(1.1, "more than"), _count(1.14))
    assert same_figure(_count(1.2, "nearly"), _count(1.16))
    # Plain values and loose qualifiers keep the rounding rule.
    assert same_figure(_count(2000, "some"), _count(1908))
    assert same_figure(_count(7_180_000), _count(7_176_141))


def test_answer_groups_keep_different_bounds_apart() -> None:
    claims = [_count(1000, "more than"), _count(900, "more than"), _count(959, "at least")]
    assert group_values(claims) == [[0], [1], [2]]
    assert group_values([_count(1000, "over"), _count(1091), _count(1730)]) == [[0, 1], [2]]


def test_whole_numbers_under_a_hundred_are_exact() -> None:
    assert not same_value(20, 22)
    assert not same_value(30, 31)
    assert same_value(300, 310)  # "300" may be 310 rounded to tens
    assert same_value(7.18e6, 7_176_141)


def _span(text: str, value: float, counted: str | None) -> Claim:
    return Claim(
        id=text, aid="a", sent_start=0, sent_end=10, char_start=0, char_end=len(text),
        text=text, value=value, counted=counted,
    )  # fmt: skip


def test_spans_of_time_compare_in_hours() -> None:
    days, hours, hyphen = (
        _span("four", 4, "days"),
        _span("96", 96, "hours"),
        _span("96-hour", 96, None),
    )
    assert unit_family(days) == unit_family(hours) == unit_family(hyphen) == "duration"
    assert base_value(days) == base_value(hours) == base_value(hyphen) == 96
    people = _span("96", 96, "people")
    assert unit_family(people) == "" and base_value(people) == 96
