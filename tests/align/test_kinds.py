"""Kinds and explanations of numeric facts, on hand-built value groups."""

from __future__ import annotations

import datetime as dt

from parallax.align.explain import _significant, fmt_group
from parallax.align.items import make_items
from parallax.align.kinds import classify
from parallax.align.values import group_values
from parallax.models import Article
from tests.align.helpers import article, claim

JUNE3 = dt.date(2023, 6, 3)
JUNE4 = dt.date(2023, 6, 4)


def _judge(articles: list[Article]) -> tuple[str, str, list[list[float | None]]]:
    items = make_items(articles)
    groups = [[items[k] for k in g] for g in group_values([i.claim for i in items])]
    v = classify(groups)
    return v.kind, v.explanation, [[i.claim.value for i in g] for g in v.groups]


def test_rising_toll_on_one_day_is_an_update_in_time_order() -> None:
    a = article(
        "a", "The death toll in the derailment has risen to 261, officials said.", published=JUNE3
    )
    b = article(
        "b", "The death toll in the derailment has increased to 233 on Saturday.", published=JUNE3
    )
    c = article(
        "c", "The toll rose sharply to 288 on June 3, the government said.", published=JUNE3
    )
    claim(a, "261", 261, counted="death toll")
    claim(b, "233", 233, counted="death toll")
    claim(c, "288", 288, counted="toll")
    kind, why, groups = _judge([a, b, c])
    assert kind == "numeric_update"
    assert groups == [[233], [261], [288]]
    assert "update, not a conflict" in why


def test_same_day_different_figures_without_cue_are_a_conflict() -> None:
    a = article(
        "a", "More than 200 ambulances were sent to the site, the official said.", published=JUNE3
    )
    b = article(
        "b", "Police and 60 ambulances were mobilised to the site on Friday.", published=JUNE3
    )
    claim(a, "200", 200, counted="ambulances", qualifier="more than")
    claim(b, "60", 60, counted="ambulances")
    kind, why, _ = _judge([a, b])
    assert kind == "numeric_conflict"
    assert "at most one of them can be right" in why  # exactly 60 excludes "more than 200"


def test_lower_bounds_can_both_be_true() -> None:
    a = article("a", "More than 900 Ukrainian fighters have been shipped off to a prison colony.")
    b = article("b", "At least 959 soldiers from the steelworks were shipped off to Olenivka.")
    claim(a, "900", 900, counted="fighters", qualifier="more than")
    claim(b, "959", 959, counted="soldiers", qualifier="at least")
    kind, why, _ = _judge([a, b])
    assert kind == "numeric_conflict"
    assert "Both can be true" in why


def test_rounded_agreement_is_consensus_and_wire_copy_is_one_voice() -> None:
    a = article("a", "Nvidia said revenue was $13.51 billion for the quarter.", published=JUNE3)
    b = article("b", "Revenue came in at $13.5 billion, the company said.", published=JUNE3)
    claim(a, "$13.51 billion", 13.51e9, kind="money", unit="USD", counted="revenue")
    claim(b, "$13.5 billion", 13.5e9, kind="money", unit="USD", counted="revenue")
    kind, _, groups = _judge([a, b])
    assert kind == "consensus" and len(groups) == 1

    copy = article(
        "c",
        "Nvidia said revenue was $13.51 billion for the quarter.",
        published=JUNE3,
        duplicate_of="a",
    )
    claim(copy, "$13.51 billion", 13.51e9, kind="money", unit="USD", counted="revenue")
    a2 = article("a", "Nvidia said revenue was $13.51 billion for the quarter.", published=JUNE3)
    claim(a2, "$13.51 billion", 13.51e9, kind="money", unit="USD", counted="revenue")
    kind, why, _ = _judge([a2, copy])
    assert kind == "unique_coverage"
    assert "Only" in why


def test_part_of_a_total_is_scope() -> None:
    a = article(
        "a",
        "In total, 2,429 soldiers have surrendered since Monday, the ministry said.",
        published=JUNE4,
    )
    b = article(
        "b", "The last group of 531 people surrendered today, the spokesman said.", published=JUNE4
    )
    claim(a, "2,429", 2429, counted="soldiers", predicate="surrendered")
    claim(b, "531", 531, counted="people", predicate="surrendered")
    kind, why, groups = _judge([a, b])
    assert kind == "scope"
    assert groups[0] == [2429]
    assert "do not contradict" in why


def test_text_dates_that_follow_each_other_make_an_update() -> None:
    a = article(
        "a",
        "Payrolls grew by 223,000 in December, the first estimate said.",
        published=dt.date(2023, 1, 6),
    )
    b = article(
        "b", "December payrolls stood at 260,000 in the new report.", published=dt.date(2023, 2, 3)
    )
    ca = claim(a, "223,000", 223000, counted="payrolls")
    cb = claim(b, "260,000", 260000, counted="payrolls")
    ca.as_of_basis = cb.as_of_basis = "'January 6'"
    kind, _, groups = _judge([b, a])
    assert kind == "numeric_update"
    assert groups == [[223000], [260000]]


def test_figures_from_opposed_claimants_are_attribution() -> None:
    a = article("a", "The interior ministry said 1.28 million people demonstrated on Tuesday.")
    b = article("b", "The CGT union put the number of protesters at 3.5 million nationwide.")
    claim(a, "1.28 million", 1.28e6, counted="people", source="the interior ministry")
    claim(b, "3.5 million", 3.5e6, counted="protesters", source="CGT union")
    kind, why, _ = _judge([a, b])
    assert kind == "attribution"
    assert "who is counting" in why
    # One claimant on both sides makes it a plain conflict again.
    c = article("c", "The interior ministry later put the number at 3.5 million protesters.")
    claim(c, "3.5 million", 3.5e6, counted="protesters", source="interior ministry")
    kind, _, _ = _judge([a, b, c])
    assert kind == "numeric_conflict"


def test_a_figure_the_article_calls_previous_makes_an_update() -> None:
    # Same publication day, no cue next to either figure: only the far-off
    # "The previous figure given by the ministry on Thursday" says the 1,730 is older.
    a = article(
        "a",
        "The ministry said 1,908 people laid down their arms.\n\nThe previous figure given "
        "by the defence ministry of the country on Thursday was 1,730 Ukrainian soldiers.",
        published=JUNE3,
    )
    b = article("b", "The ministry said 1,730 soldiers laid down their arms.", published=JUNE3)
    claim(a, "1,908", 1908, counted="people")
    claim(a, "1,730", 1730, counted="Ukrainian soldiers")
    claim(b, "1,730", 1730, counted="soldiers")
    kind, _, groups = _judge([a, b])
    assert kind == "numeric_update"
    assert groups == [[1730, 1730], [1908]]
    # Without the phrase the same figures read as a conflict.
    c = article("c", "The ministry said 1,730 Ukrainian soldiers laid down arms.", published=JUNE3)
    d = article("d", "The ministry said 1,908 people laid down their arms.", published=JUNE3)
    claim(c, "1,730", 1730, counted="Ukrainian soldiers")
    claim(d, "1,908", 1908, counted="people")
    assert _judge([c, d])[0] != "numeric_update"


def test_one_outlet_one_source_several_figures_is_not_a_divergence() -> None:
    a = article(
        "a",
        "The minister said 300 homes were destroyed in the north. "
        "In the south, 350 homes were destroyed, the minister said.",
    )
    claim(a, "300", 300, counted="homes", source="the minister")
    claim(a, "350", 350, counted="homes", source="the minister")
    kind, why, groups = _judge([a])
    assert len(groups) == 2
    assert kind == "unique_coverage"
    assert "Only a reports" in why


def test_one_outlet_two_claimants_stays_a_divergence() -> None:
    a = article(
        "a",
        "The Kremlin said more than 900 fighters were shipped off to a prison colony. "
        "According to the foreign ministry, at least 959 soldiers were shipped off.",
    )
    claim(a, "900", 900, counted="fighters", qualifier="more than", source="the Kremlin")
    claim(a, "959", 959, counted="soldiers", qualifier="at least", source="the foreign ministry")
    kind, _, _ = _judge([a])
    assert kind != "unique_coverage"


def test_outlets_agreeing_on_a_change_from_old_to_new_are_consensus() -> None:
    a = article("a", "The reform would raise the retirement age from 62 to 64 by 2030.")
    b = article("b", "The bill would raise the pension age by two years to 64.")
    c = article("c", "Macron wants to raise the retirement age from 62 to 64.")
    claim(a, "62", 62, counted="retirement age")
    claim(a, "64", 64, counted="retirement age")
    claim(b, "64", 64, counted="pension age")
    claim(c, "62", 62, counted="retirement age")
    claim(c, "64", 64, counted="retirement age")
    kind, why, groups = _judge([a, b, c])
    assert kind == "consensus"
    assert groups == [[64, 64, 64]]  # the old value is cited by the same sentences
    assert "only ever given as the value it changes from" in why


def test_a_revised_statistic_stays_an_update_even_when_all_agree_on_the_new_value() -> None:
    a = article("a", "November payrolls were revised up from 256,000 to 290,000.")
    b = article("b", "The totals for November were also revised upward, to 290,000.")
    claim(a, "256,000", 256_000, counted="jobs")
    claim(a, "290,000", 290_000, counted="jobs")
    claim(b, "290,000", 290_000, counted="jobs")
    kind, _, _ = _judge([a, b])
    assert kind == "numeric_update"


def test_an_outlet_answering_with_the_old_value_keeps_the_divergence() -> None:
    a = article("a", "The reform would raise the retirement age from 62 to 64.")
    b = article("b", "Workers can still retire at 62 under the current rules.")
    claim(a, "62", 62, counted="retirement age")
    claim(a, "64", 64, counted="retirement age")
    claim(b, "62", 62, counted="retirement age")
    kind, _, _ = _judge([a, b])
    assert kind != "consensus"


def test_outlets_that_disagree_on_the_old_value_do_not_agree() -> None:
    a = article("a", "The reform would raise the retirement age from 62 to 64 by 2030.")
    b = article("b", "The reform would raise the retirement age from 58 to 64 by 2030.")
    for art, old in ((a, "62"), (b, "58")):
        claim(art, old, float(old), counted="retirement age")
        claim(art, "64", 64, counted="retirement age")
    kind, _, _ = _judge([a, b])
    assert kind != "consensus"


def test_a_toll_that_rose_is_an_update_even_when_all_agree() -> None:
    a = article("a", "The death toll rose from 1,200 to 1,500 on Tuesday, officials said.")
    b = article("b", "The death toll climbed from 1,200 to 1,500, rescuers said.")
    c = article("c", "At least 1,500 people have died, officials said.")
    for art in (a, b):
        claim(art, "1,200", 1200, counted="death toll")
        claim(art, "1,500", 1500, counted="death toll")
    claim(c, "1,500", 1500, counted="people", predicate="died", qualifier="at least")
    kind, _, _ = _judge([a, b, c])
    assert kind == "numeric_update"


def test_either_word_order_marks_the_old_value() -> None:
    a = article("a", "The reform would raise the retirement age to 64 from 62 by 2030.")
    b = article("b", "Macron wants to raise the retirement age from 62 to 64.")
    for art in (a, b):
        claim(art, "62", 62, counted="retirement age")
        claim(art, "64", 64, counted="retirement age")
    kind, _, groups = _judge([a, b])
    assert kind == "consensus"
    assert groups == [[64, 64]]


def test_a_toll_growing_across_publication_days_is_an_update_a_population_is_not() -> None:
    day1, day2 = dt.date(2023, 6, 3), dt.date(2023, 6, 5)
    a = article(
        "a", "More than 900 people were injured in the crash, officials said.", published=day1
    )
    b = article("b", "Officials said 1,175 people were injured in the crash.", published=day2)
    claim(a, "900", 900, counted="people", predicate="were injured", qualifier="more than")
    claim(b, "1,175", 1175, counted="people", predicate="were injured")
    assert _judge([a, b])[0] == "numeric_update"
    c = article("c", "Gaziantep has a population of more than 1,000,000 people.", published=day1)
    d = article("d", "Gaziantep, which is home to 2,000,000 people, was hit hard.", published=day2)
    claim(c, "1,000,000", 1_000_000, counted="people", qualifier="more than")
    claim(d, "2,000,000", 2_000_000, counted="people", predicate="is home to")
    assert _judge([c, d])[0] == "numeric_conflict"
    # Those still in the plant fall as they leave: a later, larger count is another answer.
    e = article(
        "e", "Ukraine said more than 1,000 soldiers are present in the plant.", published=day1
    )
    f = article(
        "f", "Russia said it had been battling some 2,000 troops at the plant.", published=day2
    )
    claim(e, "1,000", 1000, counted="soldiers", predicate="are present", qualifier="more than")
    claim(f, "2,000", 2000, counted="troops", qualifier="some")
    assert _judge([e, f])[0] != "numeric_update"


def test_an_update_shows_every_distinct_figure_of_a_group_the_precise_one_first() -> None:
    a = article("a", "The ministry said 1,730 soldiers have surrendered.", published=JUNE3)
    b = article(
        "b",
        "The previous figure was 1,730 soldiers. At the moment, 1,908 people laid down "
        "their arms. Almost 2,000 soldiers have surrendered. Nearly 2,000 soldiers gave up.",
        published=dt.date(2023, 6, 4),
    )
    claim(a, "1,730", 1730, counted="soldiers", predicate="have surrendered")
    claim(b, "1,908", 1908, counted="people", predicate="laid down their arms")
    claim(b, "2,000", 2000, counted="soldiers", qualifier="almost")
    claim(b, "2,000", 2000, counted="soldiers", qualifier="nearly", occurrence=1)
    kind, why, _ = _judge([a, b])
    assert kind == "numeric_update"
    assert "1,908 / almost 2,000 (" in why
    assert "nearly 2,000" not in why


def test_one_figure_given_as_the_new_value_and_as_the_old_one_is_a_factual_conflict() -> None:
    a = article("a", "Revenue for the quarter increased by 88% to $6.7 billion.", published=JUNE3)
    b = article(
        "b", "Nvidia reported revenue of $13.5 billion, up from $6.7 billion.", published=JUNE3
    )
    claim(a, "$6.7 billion", 6.7e9, kind="money", unit="USD", counted="revenue")
    claim(b, "$6.7 billion", 6.7e9, kind="money", unit="USD", counted="revenue")
    kind, why, groups = _judge([a, b])
    assert kind == "factual_conflict"
    assert groups == [[6.7e9], [6.7e9]]
    assert "changed from" in why
    # An outlet that later gives last month's figure as the old one has moved on.
    c = article(
        "c", "The jobless rate rose to 3.6% from 3.4% in February.", published=dt.date(2023, 3, 10)
    )
    d = article("d", "The jobless rate fell to 3.4% in January.", published=dt.date(2023, 2, 3))
    claim(c, "3.4%", 3.4, kind="percent", unit="%", counted="jobless rate")
    claim(d, "3.4%", 3.4, kind="percent", unit="%", counted="jobless rate")
    assert _judge([c, d])[0] != "factual_conflict"


def test_a_range_or_a_forecast_gives_a_figure_no_old_or_new_role() -> None:
    a = article("a", "The size of the crowd grew to 10,000 people by noon.", published=JUNE3)
    b = article("b", "Estimates of the crowd ranged from 10,000 to 20,000 people.", published=JUNE3)
    claim(a, "10,000", 10000, counted="people")
    claim(b, "10,000", 10000, counted="people")
    assert _judge([a, b])[0] == "consensus"
    c = article("c", "The death toll is expected to climb to 300 by Monday.", published=JUNE3)
    d = article("d", "The death toll rose on Monday from 300 to 320.", published=JUNE3)
    claim(c, "300", 300)
    claim(d, "300", 300)
    assert _judge([c, d])[0] != "factual_conflict"


def test_significant_digits_come_from_the_stated_precision_in_millions_too() -> None:
    a = article("a", "Tinubu won 8,794,726 votes, about 8.8 million, or nearly 8.79 million.")
    claim(a, "8,794,726", 8794726, counted="votes")
    claim(a, "8.8 million", 8.8e6, counted="votes", qualifier="about")
    claim(a, "8.79 million", 8.79e6, counted="votes", qualifier="nearly")
    items = make_items([a])
    assert [_significant(i) for i in items] == [7, 1, 2]
    assert fmt_group(list(reversed(items))) == "8,794,726 / nearly 8,790,000 / about 8,800,000"


def test_a_figure_one_outlet_reports_and_another_reports_denied_is_no_consensus() -> None:
    a = article("a", "The Red Crescent said 11,300 people died in Derna.", "Outlet A")
    b = article("b", "The Red Crescent denied it had put the toll at 11,300.", "Outlet B")
    claim(a, "11,300", 11300, counted="people", source="Red Crescent")
    claim(b, "11,300", 11300, counted="people", source="Red Crescent").status = "denied"
    kind, why, groups = _judge([a, b])
    assert kind == "factual_conflict"
    assert "denied" in why and groups == [[11300.0], [11300.0]]


def test_small_counts_are_exact_not_rounded() -> None:
    a = article("a", "More than 300 were injured, 20 of them seriously.", "Outlet A")
    b = article("b", "Officials said 22 people were severely injured.", "Outlet B")
    claim(a, "20", 20, counted="people")
    claim(b, "22", 22, counted="people")
    _, _, groups = _judge([a, b])
    assert sorted(groups) == [[20.0], [22.0]]
