"""Framing by label: loaded words for the people in the story become a framing question."""

from __future__ import annotations

import datetime as dt

from parallax.align import align_event
from parallax.models import Article
from parallax.schema import QuestionAnswer
from tests.align.helpers import article, claim

MAY19 = dt.date(2022, 5, 19)


def _event(second_word: str) -> list[Article]:
    a = article(
        "a",
        "The ministry said 1,730 soldiers had surrendered at the steel plant. In the capital, "
        'residents saluted the "supermen" who fight in the factory.',
        outlet="afp",
        published=MAY19,
    )
    claim(a, "1,730", 1730, counted="soldiers", predicate="surrendered")
    b = article(
        "b",
        "The ministry said 1,730 troops had laid down their arms at the plant. The offer to "
        f"surrender was made to the {second_word} of nationalist battalions holed up there.",
        outlet="tass",
        published=MAY19,
    )
    claim(b, "1,730", 1730, counted="troops", predicate="laid down their arms")
    return [a, b]


def _framing(articles: list[Article]) -> list[QuestionAnswer]:
    report = align_event(articles, eid="e")
    return [q for q in report.question_answers if q.kind == "framing"]


def test_loaded_labels_of_two_outlets_are_two_answer_groups() -> None:
    (q,) = _framing(_event("militants"))
    groups = [{a.aid for a in g} for g in q.answer_groups]
    assert sorted(groups, key=sorted) == [{"a"}, {"b"}]
    texts = [a.answer for g in q.answer_groups for a in g]
    assert any('"supermen"' in t for t in texts) and any("militants" in t for t in texts)
    why = q.explanation or ""
    assert "'militants'" in why and "'supermen'" in why


def test_neutral_words_make_no_framing_question() -> None:
    # "members" is no loaded word: one outlet's scare quotes alone are no contrast.
    assert _framing(_event("members")) == []


def _set_event(first: str, second: str) -> list[Article]:
    return [
        article("a", first, outlet="globalnews", published=MAY19),
        article("b", second, outlet="waaytv", published=MAY19),
    ]


def _set_questions(articles: list[Article]) -> list[QuestionAnswer]:
    from parallax.align.detectors.labels import label_set_questions
    from tests.align.helpers import context

    return label_set_questions(context(articles))


def test_labels_of_two_classes_for_one_referent_are_a_framing_question() -> None:
    (q,) = _set_questions(
        _set_event(
            "Prigozhin marched a band of his mercenaries toward Moscow in June.",
            "Prigozhin led thousands of Wagner fighters toward Moscow in June.",
        )
    )
    assert q.kind == "framing"
    assert q.question == "What do the outlets call the armed men?"
    assert [[a.aid for a in g] for g in q.answer_groups] == [["a"], ["b"]]
    assert "'mercenaries'" in (q.explanation or "")


def test_labels_of_one_class_ask_nothing() -> None:
    assert (
        _set_questions(
            _set_event(
                "Prigozhin led his gunmen toward Moscow in June.",
                "Prigozhin led thousands of Wagner fighters toward Moscow in June.",
            )
        )
        == []
    )


def test_labels_of_two_referents_ask_nothing() -> None:
    # Soldiers searching a crash site and the martyrs it held are two groups of people.
    assert (
        _set_questions(
            _set_event(
                "Soldiers speaking in Azeri said they had found the wreck in the fog.",
                "The Red Crescent was transferring the bodies of the martyrs to Tabriz.",
            )
        )
        == []
    )
