"""Polarity: a happening some voices negate and others affirm, or a concession reported
as a rejection, becomes a question."""

from __future__ import annotations

from parallax.align.detectors.polarity import Polarity
from parallax.models import Article
from parallax.schema import QuestionAnswer
from tests.align.helpers import article, context


def _find(articles: list[Article]) -> list[QuestionAnswer]:
    return Polarity().find(context(articles))


def test_negated_and_affirmed_are_two_answer_groups() -> None:
    (q,) = _find(
        [
            article(
                "a",
                "Three trains were involved in the crash at Balasore. The goods train did not "
                "get derailed, the railway board said.",
            ),
            article(
                "b",
                "Three trains were involved in the crash at Balasore. The express and the goods "
                "train derailed near the station.",
            ),
        ]
    )
    assert q.kind == "factual_conflict"
    assert q.question == "Did the goods train derail?"
    assert [[a.aid for a in g] for g in q.answer_groups] == [["b"], ["a"]]


def test_negating_another_object_is_no_contradiction() -> None:
    assert (
        _find(
            [
                article("a", "The FBI has not yet identified a motive for the shooting."),
                article("b", "The FBI identified the gunman at the shooting as a local man."),
            ]
        )
        == []
    )


def test_a_concession_and_a_rejection_by_one_person_are_a_framing_question() -> None:
    (q,) = _find(
        [
            article(
                "a",
                "President Erdogan acknowledged that there were problems with the rescue "
                "response in the first days.",
            ),
            article(
                "b",
                "President Erdogan pushed back against criticism that the rescue response "
                "had been slow.",
            ),
        ]
    )
    assert q.kind == "framing"
    assert "Erdogan" in q.question
    assert [[a.aid for a in g] for g in q.answer_groups] == [["a"], ["b"]]


def test_a_concession_and_a_rejection_by_two_people_ask_nothing() -> None:
    assert (
        _find(
            [
                article(
                    "a",
                    "President Erdogan acknowledged that there were problems with the rescue "
                    "response.",
                ),
                article(
                    "b",
                    "The opposition leader rejected claims that the rescue response had worked.",
                ),
            ]
        )
        == []
    )
