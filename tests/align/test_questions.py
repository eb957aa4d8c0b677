"""Question phrasing from a fact's claims."""

from __future__ import annotations

from parallax.align.facts import make_items
from parallax.align.questions import phrase
from tests.align.helpers import article, claim


def test_count_question_uses_the_shared_counted_noun_and_predicate() -> None:
    a = article("a", "The ministry said 1,730 Ukrainian soldiers have surrendered at Azovstal.")
    b = article("b", "At the moment, 1,908 people laid down their arms, Shoigu said.")
    c = article("c", "Officials said 2,429 Ukrainian soldiers surrendered at the plant.")
    claim(a, "1,730", 1730, counted="Ukrainian soldiers", predicate="surrendered at Azovstal")
    claim(b, "1,908", 1908, counted="people", predicate="laid down their arms")
    claim(c, "2,429", 2429, counted="Ukrainian soldiers", predicate="surrendered at the plant")
    q = phrase(make_items([a, b, c]))
    assert q.startswith("How many Ukrainian soldiers surrendered")
    assert q.endswith("?")


def test_rate_question_names_the_subject_not_the_verb() -> None:
    a = article("a", "The unemployment rate dipped to 3.4% in January, the BLS said.")
    claim(a, "3.4%", 3.4, kind="percent", unit="%")
    assert phrase(make_items([a])) == "What was the unemployment rate?"


def test_running_toll_without_counted_noun_asks_for_the_toll() -> None:
    a = article("a", "The death toll in the derailment has risen to 261, officials said.")
    claim(a, "261", 261)
    assert phrase(make_items([a])) == "What is the death toll in the derailment?"
