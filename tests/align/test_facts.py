"""Fact grouping on hand-built claims modelled on the Azovstal and Balasore coverage."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from parallax.align.context import voice_map
from parallax.align.facts import _value_features, group_facts, pair_scores
from parallax.align.items import Fact, make_items
from parallax.align.kinds import classify
from parallax.align.links import (
    TWO_CLAIMANTS_COSINE,
    called_earlier,
    digit_slip,
    earlier_values,
    two_claimants,
)
from parallax.align.values import group_values
from parallax.models import Article
from parallax.nlp.embed import MemoEmbedder, embed
from tests.align.helpers import article, claim

MAY19 = dt.date(2022, 5, 19)
MAY20 = dt.date(2022, 5, 20)


def _azovstal() -> list[Article]:
    a0 = article(
        "a0",
        "The Russian Defense Ministry said on Thursday that 1,730 Ukrainian soldiers have "
        "surrendered since last Monday in the besieged Azovstal steel complex. Ukraine said "
        "last week that more than a thousand soldiers, including 600 wounded, are present "
        "in the complex.",
        published=MAY19,
    )
    claim(
        a0,
        "1,730",
        1730,
        counted="Ukrainian soldiers",
        predicate="surrendered",
        source="Russian Defense Ministry",
        measure="detained",  # as extraction reads it from the parse (extract.frames)
    )
    claim(a0, "600", 600, counted="wounded", predicate="present", source="Ukraine")
    a1 = article(
        "a1",
        "The Russian military said 1,730 Ukrainian troops have laid down their arms since "
        "Monday. More than 900 Ukrainian fighters have been shipped off to a former prison "
        "colony, the Kremlin said.",
        published=MAY19,
    )
    claim(
        a1,
        "1,730",
        1730,
        counted="Ukrainian troops",
        predicate="laid down their arms",
        source="Russian military",
        measure="detained",
    )
    claim(
        a1,
        "900",
        900,
        counted="Ukrainian fighters",
        predicate="shipped off",
        qualifier="more than",
        source="the Kremlin",
    )
    a2 = article(
        "a2",
        "At the moment, 1,908 Ukrainian fighters at Azovstal have laid down their arms, Sergei "
        "Shoigu said on Friday. "
        "He added that 177 civilians had been evacuated from the plant.",
        published=MAY20,
    )
    claim(
        a2,
        "1,908",
        1908,
        counted="people",
        predicate="laid down their arms",
        source="Sergei Shoigu",
        measure="detained",
    )
    claim(a2, "177", 177, counted="civilians", predicate="evacuated", source="Sergei Shoigu")
    a3 = article(
        "a3",
        "The Russian Defense Ministry said 2429 Ukrainian soldiers have surrendered at Azovstal "
        "since May 16. The "
        "ministry also put Ukraine's losses in the war at $5 billion.",
        published=MAY20,
    )
    claim(
        a3,
        "2429",
        2429,
        predicate="surrender",
        source="Russian Defense Ministry",
        measure="detained",
    )
    claim(a3, "$5 billion", 5e9, kind="money", unit="USD", counted="losses")
    return [a0, a1, a2, a3]


def _fact_of(facts: list[Fact], aid: str, value: float) -> set[tuple[str, float | None]]:
    for f in facts:
        keys = {(i.claim.aid, i.claim.value) for i in f.items}
        if (aid, value) in keys:
            return keys
    raise AssertionError(f"no fact holds {aid}:{value}")


def test_paraphrased_surrender_counts_form_one_fact() -> None:
    facts = group_facts(_azovstal(), embed)
    surrender = _fact_of(facts, "a0", 1730)
    assert {("a1", 1730), ("a2", 1908), ("a3", 2429)} <= surrender


def test_unrelated_counts_stay_apart() -> None:
    facts = group_facts(_azovstal(), embed)
    surrender = _fact_of(facts, "a0", 1730)
    assert ("a2", 177) not in surrender
    assert ("a0", 600) not in surrender
    assert ("a1", 900) not in surrender


def test_money_never_joins_people() -> None:
    facts = group_facts(_azovstal(), embed)
    money = _fact_of(facts, "a3", 5e9)
    assert money == {("a3", 5e9)}


def test_two_figures_of_one_sentence_never_share_a_fact() -> None:
    a = article("x", "Officials said 200 police personnel and 60 ambulances were sent to the site.")
    b = article("y", "Some 200 ambulances were sent to the crash site, officials said.")
    claim(a, "200", 200, counted="police personnel", predicate="sent")
    claim(a, "60", 60, counted="ambulances", predicate="sent")
    claim(b, "200", 200, counted="ambulances", predicate="sent")
    facts = group_facts([a, b], embed)
    for f in facts:
        aids = [i.claim.aid for i in f.items]
        assert aids.count("x") <= 1


def test_old_and_new_value_of_one_sentence_stay_one_fact() -> None:
    a = article(
        "x",
        "Nielsen restated the audience, which jumped from 113.1 million to 115.1 million "
        "viewers. Some 200 police and 60 ambulances were sent.",
    )
    b = article("y", "The game drew 113 million viewers, Nielsen said on Monday.")
    claim(a, "113.1 million", 113.1e6, counted="viewers")
    claim(a, "115.1 million", 115.1e6, counted="viewers")
    claim(a, "200", 200, counted="police")
    claim(a, "60", 60, counted="ambulances")
    claim(b, "113 million", 113e6, counted="viewers")
    facts = group_facts([a, b], embed)
    viewers = _fact_of(facts, "x", 115.1e6)
    assert {("x", 113.1e6), ("y", 113e6)} <= viewers
    assert ("x", 60) not in _fact_of(facts, "x", 200)


def test_wire_copies_and_chains_speak_with_one_voice() -> None:
    arts = [
        article("orig", "Officials said 83 bodies remain unidentified."),
        article("copy", "Officials said 83 bodies remain unidentified.", duplicate_of="orig"),
        article("copy2", "Officials said 83 bodies remain unidentified.", duplicate_of="copy"),
        article("elsewhere", "83 bodies remain unidentified.", duplicate_of="not-loaded"),
    ]
    assert voice_map(arts) == {
        "orig": "orig",
        "copy": "orig",
        "copy2": "orig",
        "elsewhere": "not-loaded",
    }


def _restated_article() -> Article:
    a = article(
        "x",
        "At the moment, 1,908 people laid down their arms, the minister said. He added that "
        "177 civilians had been evacuated.\n\nThe previous figure given by the ministry on "
        "Thursday was 1,730 Ukrainian soldiers. The previous record of 121 million viewers "
        "stands.",
    )
    claim(a, "1,908", 1908, counted="people", predicate="laid down their arms")
    claim(a, "177", 177, counted="civilians", predicate="evacuated")
    claim(a, "1,730", 1730, counted="Ukrainian soldiers", predicate="was")
    claim(a, "121 million", 121e6, counted="viewers", predicate="stands")
    return a


def test_a_figure_called_the_previous_one_joins_the_figure_it_precedes() -> None:
    a = _restated_article()
    items = make_items([a])
    by_value = {i.claim.value: k for k, i in enumerate(items)}
    # "previous figure" links 1,730 to 1,908, skipping the nearer "177 civilians", an
    # order of magnitude off; "previous record" links nothing.
    assert earlier_values(items) == [(by_value[1730], by_value[1908])]
    assert called_earlier(items[by_value[1730]])
    assert not called_earlier(items[by_value[121e6]])


def test_a_vague_word_keeps_figures_outside_its_range_apart() -> None:
    a = article(
        "x", "Hundreds more Ukrainian fighters defending the plant surrendered on Thursday."
    )
    b = article(
        "y", "Ukraine's losses in Mariupol reached some 4,000 fighters defending the plant."
    )
    c = article(
        "z", "Some 400 more Ukrainian fighters defending the plant surrendered on Thursday."
    )
    claim(a, "Hundreds", None, counted="Ukrainian fighters", predicate="surrendered")
    claim(b, "4,000", 4000, counted="fighters", predicate="reached", qualifier="some")
    claim(c, "400", 400, counted="Ukrainian fighters", predicate="surrendered")
    items = make_items([a, b, c])
    scores = pair_scores(items, MemoEmbedder(embed))
    # 4,000 is an order of magnitude past "hundreds"; 400 sits inside it.
    assert scores[0, 1] < scores[0, 2]
    assert _value_features(items[0].claim, items[1].claim)[1] == pytest.approx(math.log10(4))
    assert _value_features(items[0].claim, items[2].claim) == (0.0, 0.0, 0.0)


@pytest.mark.parametrize(
    ("said", "meant", "slip"),
    [
        ("6,10,533", "6,101,533", True),  # a dropped digit
        ("8,749,726", "8,794,726", True),  # two digits swapped
        ("25,000", "256,000", False),  # round numbers: too few significant digits
        ("6,101,533", "6,101,533", False),  # the same figure is no slip
        ("6,984,520", "6,101,533", False),
        ("123,456", "1,234,567", False),  # a digit more at the end: ten times larger
        ("234,567", "1,234,567", False),  # a digit more at the start
        ("12,345.6", "12,345.67", False),  # rounded, not mistyped
        ("12,345", "12,354", False),  # too short to call a slip
    ],
)
def test_digit_slips_are_one_edit_between_long_figures(said: str, meant: str, slip: bool) -> None:
    a = article("a", f"Obi polled {said} votes.")
    b = article("b", f"Obi polled {meant} votes.")
    ca = claim(a, said, float(said.replace(",", "")), counted="votes")
    cb = claim(b, meant, float(meant.replace(",", "")), counted="votes")
    assert digit_slip(ca, cb) is slip


def test_a_mistyped_figure_joins_the_figure_it_mistypes_and_is_called_a_typo() -> None:
    a = article("a", "Peter Obi of the Labour Party came third with 6,101,533 votes.")
    b = article("b", "Obi, a former governor of Anambra, finished the race with 6,101,533.")
    c = article("c", "The total vote cast is 24,965,218, and Peter Obi who poll 6,10,533.")
    claim(a, "6,101,533", 6_101_533, counted="votes", predicate="came third")
    claim(b, "6,101,533", 6_101_533, predicate="finished")
    claim(c, "6,10,533", 610_533, predicate="poll")
    facts = group_facts([a, b, c], embed)
    obi = next(f for f in facts if any(i.claim.value == 6_101_533 for i in f.items))
    assert {i.claim.value for i in obi.items} == {6_101_533, 610_533}
    groups = [[i for i in obi.items if i.claim.value == v] for v in (6_101_533, 610_533)]
    verdict = classify(groups)
    assert verdict.kind == "numeric_conflict"
    assert "6,10,533 is 6,101,533 with one digit slipped" in verdict.explanation


def test_one_figure_given_in_two_units_is_one_answer() -> None:
    a = article(
        "a",
        "The average surface temperature was 1.18 degrees Celsius (2.12 degrees Fahrenheit) "
        "above the 20th-century average.",
    )
    b = article("b", "NOAA said 2023 was 2.12 degrees Fahrenheit above the 20th-century average.")
    claim(a, "1.18 degrees Celsius", 1.18, kind="measure", unit="degrees Celsius")
    claim(a, "2.12 degrees Fahrenheit", 2.12, kind="measure", unit="degrees Fahrenheit")
    claim(b, "2.12 degrees Fahrenheit", 2.12, kind="measure", unit="degrees Fahrenheit")
    facts = group_facts([a, b], embed)
    assert len(facts) == 1
    assert group_values([i.claim for i in facts[0].items]) == [[0, 1, 2]]


def test_a_yardstick_figure_is_not_the_measurement() -> None:
    a = article("a", "The global average surface temperature in 2023 was 14.98°C, a record.")
    b = article(
        "b", "The average recorded surface temperature in 2023 was 58.96 degrees Fahrenheit."
    )
    c = article(
        "c",
        "The average surface temperature in 2023 was 1.18 degrees above the 20th-century "
        "average of 13.9 degrees Celsius, NOAA said.",
    )
    claim(a, "14.98°C", 14.98, kind="measure", unit="°C")
    claim(b, "58.96 degrees Fahrenheit", 58.96, kind="measure", unit="degrees Fahrenheit")
    claim(c, "13.9 degrees Celsius", 13.9, kind="measure", unit="degrees Celsius")
    facts = {
        frozenset((i.claim.aid, i.claim.value) for i in f.items)
        for f in group_facts([a, b, c], embed)
    }
    assert frozenset({("a", 14.98), ("b", 58.96)}) in facts
    assert frozenset({("c", 13.9)}) in facts


def _facts_of(articles: list[Article]) -> list[set[tuple[str, float | None]]]:
    return [{(i.claim.aid, i.claim.value) for i in f.items} for f in group_facts(articles, embed)]


def test_one_article_giving_two_claimants_figures_for_one_thing_is_one_question() -> None:
    a = article(
        "a",
        "The Kremlin said more than 900 Ukrainian fighters who surrendered at the plant have "
        "been shipped off to a former prison colony in the Donetsk region. The Red Cross said "
        "it had registered the prisoners. According to Maria Zakharova, a spokesperson for the "
        "Russian Foreign Ministry, at least 959 soldiers from the steelworks were shipped off to "
        "a pre-trial detention center in the Donetsk region, the site of a former prison colony.",
    )
    claim(a, "900", 900, counted="Ukrainian fighters", predicate="been shipped off",
          qualifier="more than", source="The Kremlin")  # fmt: skip
    claim(a, "959", 959, counted="soldiers",
          predicate="were shipped off to a pre-trial detention center",
          qualifier="at least", source="Maria Zakharova")  # fmt: skip
    items = make_items([a])
    vectors = embed([items[0].sentence, items[1].sentence])
    cos = float(vectors[0] @ vectors[1])
    assert cos >= TWO_CLAIMANTS_COSINE
    assert two_claimants(items[0], items[1], cos)
    assert {("a", 900.0), ("a", 959.0)} in _facts_of([a])
    # The same two figures from one claimant, or far apart in value, stay two facts.
    items[1].claim.source = "the Kremlin spokesman"
    assert not two_claimants(items[0], items[1], 0.99)
    items[1].claim.source = "Maria Zakharova"
    items[1].claim.value = 1959
    assert not two_claimants(items[0], items[1], 0.99)


def test_a_forecast_and_a_count_are_not_two_claimants_answers() -> None:
    a = article(
        "a",
        "Economists polled by Reuters had expected payrolls to rise by 185,000 jobs in January. "
        "The Labor Department said payrolls rose by 200,000 jobs in January.",
    )
    claim(a, "185,000", 185000, counted="jobs", source="Economists polled by Reuters")
    claim(a, "200,000", 200000, counted="jobs", source="The Labor Department")
    items = make_items([a])
    assert not two_claimants(items[0], items[1], 0.99)


def test_the_only_counts_of_an_outcome_each_from_one_outlet_are_one_question() -> None:
    a = article("a", "More than a thousand soldiers, including 600 wounded, are in the plant.")
    b = article(
        "b", "At least 51 defenders who suffered serious injuries were taken to a hospital."
    )
    c = article("c", "Some 1,730 soldiers have surrendered since Monday, the ministry said.")
    claim(a, "600", 600, counted="wounded", predicate="including")
    claim(b, "51", 51, counted="defenders", predicate="were taken to a hospital")
    claim(c, "1,730", 1730, counted="soldiers", predicate="have surrendered")
    facts = _facts_of([a, b, c])
    assert {("a", 600.0), ("b", 51.0)} in facts
    assert {("c", 1730.0)} in facts


def test_lone_counts_of_an_outcome_stay_apart_when_an_outlet_gives_two_or_shares_one() -> None:
    # Two lone injury counts in one outlet: other scopes (provinces), not rival answers.
    a = article("a", "In Hatay, 2,323 people were injured. In Adana, officials said 860 were hurt.")
    b = article("b", "The number of wounded in Gaziantep was 2,054, the governor said.")
    claim(a, "2,323", 2323, counted="people", predicate="were injured")
    claim(a, "860", 860, predicate="were hurt")
    claim(b, "2,054", 2054, predicate="wounded")
    assert not any(len({aid for aid, _ in f}) > 1 for f in _facts_of([a, b]))
    # Facts whose count another outlet shares mean the outcome has a main answer already.
    c = article("c", "Officials said 26,721 people were injured across the provinces.")
    d = article("d", "Some 26,721 people were injured, the disaster agency said.")
    e = article("e", "In Gaziantep, 1,200 people were injured, the mayor said.")
    for art, figure, value in ((c, "26,721", 26721), (d, "26,721", 26721), (e, "1,200", 1200)):
        claim(art, figure, value, counted="people", predicate="were injured")
    facts = _facts_of([c, d, e])
    assert {("e", 1200.0)} in facts


def test_two_companies_own_figures_are_not_two_claimants_answers() -> None:
    a = article(
        "a",
        "Apple said it sold 50 million iPhones in the quarter. "
        "Samsung said it sold 60 million phones in the quarter.",
    )
    claim(a, "50 million", 50e6, counted="iPhones", predicate="sold", source="Apple")
    claim(a, "60 million", 60e6, counted="phones", predicate="sold", source="Samsung")
    items = make_items([a])
    assert not two_claimants(items[0], items[1], 0.99)


def test_lone_counts_of_different_groups_or_places_stay_apart() -> None:
    a = article("a", "Three police officers were killed in clashes in the north.")
    b = article("b", "Forty protesters were killed by security forces in the capital.")
    claim(a, "Three", 3, counted="police officers", predicate="were killed")
    claim(b, "Forty", 40, counted="protesters", predicate="were killed")
    assert not any(len(f) > 1 for f in _facts_of([a, b]))
    c = article("c", "In Hatay, 2,323 people were injured, the governor said on Tuesday.")
    d = article("d", "In Gaziantep, 450 people were hurt, the mayor said on Tuesday.")
    claim(c, "2,323", 2323, counted="people", predicate="were injured", context=["Hatay"])
    claim(d, "450", 450, counted="people", predicate="were hurt", context=["Gaziantep"])
    assert not any(len(f) > 1 for f in _facts_of([c, d]))
