"""Question phrasing from a fact's claims."""

from __future__ import annotations

from spacy.tokens import Doc

from parallax.align.items import make_items
from parallax.align.questions import phrase, statement_question, topic_phrase
from parallax.nlp.pipeline import SentenceParser
from tests.align.helpers import article, claim

#: Parses of hand-written sentences, fresh (no extraction ran).
PARSER = SentenceParser()


def _docs(texts: list[str]) -> list[Doc]:
    return [PARSER.text(t) for t in texts]


def test_count_question_uses_the_shared_counted_noun_and_predicate() -> None:
    a = article("a", "The ministry said 1,730 Ukrainian soldiers have surrendered at Azovstal.")
    b = article("b", "At the moment, 1,908 people laid down their arms, Shoigu said.")
    c = article("c", "Officials said 2,429 Ukrainian soldiers surrendered at the plant.")
    claim(a, "1,730", 1730, counted="Ukrainian soldiers", predicate="surrendered at Azovstal")
    claim(b, "1,908", 1908, counted="people", predicate="laid down their arms")
    claim(c, "2,429", 2429, counted="Ukrainian soldiers", predicate="surrendered at the plant")
    q = phrase(make_items([a, b, c]), PARSER)
    assert q.startswith("How many Ukrainian soldiers")
    assert "surrendered" in q
    assert q.endswith("?")


def test_rate_question_names_the_subject_not_the_verb() -> None:
    a = article("a", "The unemployment rate dipped to 3.4% in January, the BLS said.")
    claim(a, "3.4%", 3.4, kind="percent", unit="%")
    assert phrase(make_items([a]), PARSER) == "What was the unemployment rate?"


def test_running_toll_without_counted_noun_asks_for_the_toll() -> None:
    a = article("a", "The death toll in the derailment has risen to 261, officials said.")
    claim(a, "261", 261)
    assert phrase(make_items([a]), PARSER) == "What is the death toll in the derailment?"


def test_count_of_an_object_asks_with_do_and_the_subject() -> None:
    a = article("a", "Tinubu secured 8,794,726 votes, the electoral commission said.")
    claim(a, "8,794,726", 8794726, counted="votes", predicate="secured")
    assert phrase(make_items([a]), PARSER) == "How many votes did Tinubu secure?"


def test_count_question_keeps_auxiliaries_and_particle() -> None:
    a = article("a", "At least 531 people have been locked up in the camp.")
    claim(a, "531", 531, counted="people", predicate="been locked")
    assert phrase(make_items([a]), PARSER) == "How many people have been locked up in the camp?"


def test_count_question_drops_the_quantifier_and_keeps_a_short_complement() -> None:
    a = article("a", "More than 1,000 Ukrainian soldiers are present in this huge complex.")
    claim(a, "1,000", 1000, counted="Ukrainian soldiers", predicate="are present")
    assert phrase(make_items([a]), PARSER) == "How many Ukrainian soldiers are present?"


def test_object_count_without_a_named_subject_is_passive() -> None:
    a = article("a", "By noon, they blockaded 6 oil refineries across the country.")
    b = article("b", "Strikers had blockaded 7 oil refineries.")
    claim(a, "6", 6, counted="oil refineries", predicate="blockaded")
    assert phrase(make_items([a]), PARSER) == "How many oil refineries were blockaded?"
    claim(b, "7", 7, counted="oil refineries", predicate="blockaded")
    assert phrase(make_items([b]), PARSER) == "How many oil refineries had strikers blockaded?"


def test_money_question_names_the_noun_it_is_of() -> None:
    a = article("a", "The company reported revenue of $13.51 billion for the quarter.")
    claim(a, "$13.51 billion", 13.51e9, kind="money", unit="USD")
    assert phrase(make_items([a]), PARSER) == "What was the revenue?"
    b = article("b", "Analysts had expected earnings of $2.09 a share.")
    claim(b, "$2.09", 2.09, kind="money", unit="USD")
    assert phrase(make_items([b]), PARSER) == "What were the earnings?"


def test_statement_question_names_a_shared_noun_phrase_from_the_sentences() -> None:
    texts = [
        "The Azovstal steel plant is now under full Russian control, the ministry said.",
        "Ukrainian fighters are still blocking the Azovstal plant, Kyiv said.",
    ]
    q = statement_question(_docs(texts))
    assert q == "What do the outlets say about the Azovstal steel plant?"


def test_statement_question_drops_the_figure_and_keeps_proper_names_capitalised() -> None:
    texts = [
        "More than a thousand Ukrainian soldiers are still inside, Kyiv said.",
        "Moscow said the Ukrainian soldiers would be treated humanely.",
    ]
    assert statement_question(_docs(texts)) in (
        "What do the outlets say about Ukrainian soldiers?",
        "What do the outlets say about the Ukrainian soldiers?",
    )
    assert topic_phrase(_docs(["Mariupol is located on the Sea of Azov."])) == "Mariupol"


def test_statement_question_is_none_without_a_noun_phrase() -> None:
    assert statement_question(_docs(["It was.", "They did."])) is None


def test_count_in_a_prepositional_phrase_asks_through_the_verb() -> None:
    a = article("a", "The senator defeated Atiku who finished second with 6,984,520 votes.")
    claim(a, "6,984,520", 6984520, counted="votes", predicate="finished")
    assert phrase(make_items([a]), PARSER) == "How many votes did Atiku finish with?"
    b = article("b", "Peter Obi led in 11 states and the FCT.")
    claim(b, "11", 11, counted="states", predicate="led")
    assert phrase(make_items([b]), PARSER) == "How many states did Peter Obi lead in?"


def test_rate_change_and_new_level_are_asked_differently() -> None:
    a = article("a", "The gaming division's revenues rose by 22% to $2.49 billion.")
    claim(a, "22%", 22, kind="percent", unit="%")
    assert phrase(make_items([a]), PARSER) == "By how much did the gaming division's revenues rise?"
    b = article("b", "Net income for the company rose to $6.19 billion in the second quarter.")
    claim(b, "$6.19 billion", 6.19e9, kind="money", unit="USD")
    assert phrase(make_items([b]), PARSER) == "What was net income for the company?"
    c = article("c", "Analysts had estimated just $12.5 billion, according to Bloomberg.")
    claim(c, "$12.5 billion", 12.5e9, kind="money", unit="USD")
    assert phrase(make_items([c]), PARSER) == "How much had analysts estimated?"


def test_words_before_the_figure_do_not_join_the_counted_noun() -> None:
    a = article("a", "Tinubu came out tops in 12 of Nigeria's 36 states, officials said.")
    claim(a, "36", 36, counted="states")
    assert "Nigeria" not in phrase(make_items([a]), PARSER)
    b = article("b", "Officials said the last 531 people were evacuated on Friday.")
    claim(b, "531", 531, counted="people", predicate="were evacuated")
    assert phrase(make_items([b]), PARSER) == "How many people were evacuated on Friday?"


def test_share_of_a_group_is_asked_as_a_share() -> None:
    a = article("a", "During the strike, 80% of trains were canceled in France.")
    claim(a, "80%", 80, kind="percent", unit="%")
    assert phrase(make_items([a]), PARSER) == "What share of trains were canceled in France?"


def test_lead_in_without_a_noun_is_not_used_as_the_subject() -> None:
    a = article("a", "Datacenter revenue beat forecasts, surpassing the projected $8.03 billion.")
    claim(a, "$8.03 billion", 8.03e9, kind="money", unit="USD")
    q = phrase(make_items([a]), PARSER)
    assert "surpassing" not in q
    assert q.endswith("?")


def test_a_figure_attached_by_including_is_asked_without_the_preposition() -> None:
    a = article("a", "More than a thousand soldiers, including 600 wounded, are in the plant.")
    claim(a, "600", 600, counted="wounded", predicate="including")
    q = phrase(make_items([a]), PARSER)
    assert "including" not in q
    assert q.startswith("How many wounded")
