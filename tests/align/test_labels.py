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
