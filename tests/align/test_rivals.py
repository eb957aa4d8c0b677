"""Rival counts: several outlets each set two claimants' figures against each other."""

from __future__ import annotations

import time

from parallax.align.facts import group_facts
from parallax.align.items import Fact
from parallax.align.links import compared
from parallax.models import Article
from parallax.nlp.embed import embed
from tests.align.helpers import article, claim


def _protest(aid: str, police: str, union: str, *, scope: str = "") -> Article:
    a = article(
        aid,
        f"According to the interior ministry, {police} people demonstrated on Tuesday{scope}. "
        "Unions had called for a general strike against the pension reform. "
        f"The hardline CGT union put the number of protesters at {union} nationwide.",
    )
    claim(
        a,
        police,
        1_280_000,
        counted="people",
        predicate="demonstrated",
        source="the interior ministry",
    )
    claim(a, union, 3_500_000, counted="protesters", source="The hardline CGT union")
    return a


def _fact_values(facts: list[Fact], aid: str) -> list[set[float | None]]:
    return [
        {i.claim.value for i in f.items} for f in facts if any(i.claim.aid == aid for i in f.items)
    ]


def test_two_outlets_juxtaposing_police_and_union_counts_make_one_question() -> None:
    arts = [_protest("a", "1.28 million", "3.5 million"), _protest("b", "1.28m", "3.5m")]
    facts = group_facts(arts, embed)
    assert {1_280_000, 3_500_000} in _fact_values(facts, "a")


def test_one_outlet_juxtaposing_them_is_not_enough() -> None:
    other = article("c", "Police said 1.28 million people took part in the protests on Tuesday.")
    claim(other, "1.28 million", 1_280_000, counted="people", source="Police")
    facts = group_facts([_protest("a", "1.28 million", "3.5 million"), other], embed)
    assert all(len(v) == 1 for v in _fact_values(facts, "a"))


def test_a_forecast_is_not_a_rival_count() -> None:
    arts = []
    for aid in ("a", "b"):
        a = article(
            aid,
            "The US economy added 517,000 jobs in January, the Labor Department said. "
            "Economists had expected 185,000 jobs, according to Dow Jones.",
        )
        claim(a, "517,000", 517_000, counted="jobs", source="the Labor Department")
        claim(a, "185,000", 185_000, counted="jobs", predicate="expected", source="Dow Jones")
        arts.append(a)
    facts = group_facts(arts, embed)
    assert all(len(v) == 1 for v in _fact_values(facts, "a"))


def test_counts_placed_differently_are_not_rivals() -> None:
    arts = []
    for aid in ("a", "b"):
        a = article(
            aid,
            "Anadolu News Agency reported that 5,894 people were killed in Turkey. "
            "The White Helmets on Tuesday tallied 1,200 deaths in regions of Syria it controls.",
        )
        claim(
            a,
            "5,894",
            5894,
            counted="people",
            predicate="killed",
            source="Anadolu News Agency",
            context=["Anadolu News Agency", "Turkey"],
        )
        claim(
            a,
            "1,200",
            1200,
            counted="deaths",
            predicate="tallied",
            source="The White Helmets",
            context=["The White Helmets", "Syria"],
        )
        arts.append(a)
    facts = group_facts(arts, embed)
    assert all(len(v) == 1 for v in _fact_values(facts, "a"))


def test_police_estimates_are_counts_not_forecasts() -> None:
    arts = []
    for aid in ("a", "b"):
        a = article(
            aid,
            "According to police estimates, 1.28 million people marched on Tuesday. "
            "Unions had called for a general strike against the pension reform. "
            "The CGT union put the number of protesters at 3.5 million nationwide.",
        )
        claim(a, "1.28 million", 1_280_000, counted="people", source="police estimates")
        claim(a, "3.5 million", 3_500_000, counted="protesters", source="The CGT union")
        arts.append(a)
    assert {1_280_000, 3_500_000} in _fact_values(group_facts(arts, embed), "a")


def test_the_join_does_not_depend_on_article_order() -> None:
    c = article("c", "Some 1.28 million people demonstrated on Tuesday, officials said.")
    claim(c, "1.28 million", 1_280_000, counted="people")
    arts = [_protest("a", "1.28 million", "3.5 million"), _protest("b", "1.28m", "3.5m")]
    for order in ([*arts, c], [c, *arts]):
        assert {1_280_000, 3_500_000} in _fact_values(group_facts(order, embed), "a")


def test_an_earlier_value_or_a_far_larger_figure_is_not_a_rival() -> None:
    earlier, larger = [], []
    for aid in ("a", "b"):
        e = article(
            aid,
            "The interior ministry said 1.28 million people demonstrated on Tuesday. "
            "Unions had called for a general strike against the pension reform. "
            "The CGT union had initially claimed 3.5 million protesters nationwide.",
        )
        claim(e, "1.28 million", 1_280_000, counted="people", source="The interior ministry")
        claim(e, "3.5 million", 3_500_000, counted="protesters", source="The CGT union")
        earlier.append(e)
        g = article(
            aid,
            "The interior ministry said 1.28 million people demonstrated on Tuesday. "
            "The CGT union said 35 million people watched the marches on television.",
        )
        claim(g, "1.28 million", 1_280_000, counted="people", source="The interior ministry")
        claim(g, "35 million", 35_000_000, counted="people", source="The CGT union")
        larger.append(g)
    assert all(len(v) == 1 for v in _fact_values(group_facts(earlier, embed), "a"))
    assert all(len(v) == 1 for v in _fact_values(group_facts(larger, embed), "a"))


def test_figures_from_one_claimant_are_not_rivals() -> None:
    arts = []
    for aid in ("a", "b"):
        a = article(
            aid,
            "The interior ministry said 1.28 million people demonstrated on Tuesday. "
            "Unions had called for a general strike against the pension reform. "
            "The interior ministry also counted 3.5 million strikers nationwide.",
        )
        claim(a, "1.28 million", 1_280_000, counted="people", source="The interior ministry")
        claim(a, "3.5 million", 3_500_000, counted="strikers", source="The interior ministry")
        arts.append(a)
    assert all(len(v) == 1 for v in _fact_values(group_facts(arts, embed), "a"))


def test_one_sentence_comparing_two_counts_of_one_quantity_joins_them() -> None:
    a = article(
        "a",
        "The Residents' Union said 6,000 people had been forced from their homes, far more "
        "than the state's count of 4,500.",
    )
    b = article("b", "The state emergency agency said that 4,500 people had been evacuated.")
    claim(a, "6,000", 6000, counted="people", source="The Residents' Union")
    claim(a, "4,500", 4500, counted="people", source="the state")
    claim(b, "4,500", 4500, counted="people", predicate="evacuated", source="The state agency")
    assert {6000, 4500} in _fact_values(group_facts([a, b], embed), "a")


def test_a_comparison_with_another_period_is_not_one_quantity() -> None:
    a = article(
        "a",
        "Officials said 6,000 people had been forced from their homes, far more than last "
        "year's total of 4,500.",
    )
    claim(a, "6,000", 6000, counted="people", source="Officials")
    claim(a, "4,500", 4500, counted="people")
    assert all(len(v) == 1 for v in _fact_values(group_facts([a], embed), "a"))


def test_a_comparison_of_different_things_or_times_links_nothing() -> None:
    texts = [
        "Officials said 6,000 people had been forced from their homes, far more than the "
        "number of 4,500 schools closed.",
        "Officials said 6,000 people had been forced from their homes, more than the total "
        "of 4,500 recorded in 2019.",
        "Officials said 6,000 people had been forced from their homes, more than the daily "
        "count of 4,500.",
    ]
    for text in texts:
        a = article("a", text)
        ca = claim(a, "6,000", 6000, counted="people", source="Officials")
        cb = claim(a, "4,500", 4500, counted="schools" if "schools" in text else None)
        assert not compared(ca, cb, a.text), text


def test_the_comparison_reader_is_linear_on_hyphen_runs() -> None:
    a = article("a", "Officials said 6,000 people fled " + "- " * 400 + "and 4,500 people stayed.")
    ca = claim(a, "6,000", 6000, counted="people")
    cb = claim(a, "4,500", 4500, counted="people")
    start = time.perf_counter()
    assert not compared(ca, cb, a.text)
    assert time.perf_counter() - start < 0.5
