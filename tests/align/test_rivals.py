"""Rival counts: several outlets each set two claimants' figures against each other."""

from __future__ import annotations

from parallax.align.embed import embed
from parallax.align.facts import Fact, group_facts
from parallax.models import Article
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
