"""Judgements: one thing some voices approve of and others condemn becomes a question."""

from __future__ import annotations

from parallax.align.detectors.judgements import Judgements, read_judgements
from parallax.models import Article
from parallax.schema import QuestionAnswer
from tests.align.helpers import article, context


def _find(articles: list[Article]) -> list[QuestionAnswer]:
    return Judgements().find(context(articles))


def test_approval_and_condemnation_are_two_answer_groups() -> None:
    (q,) = _find(
        [
            article(
                "a",
                "The prime minister said the pension reform was necessary to keep the system "
                "afloat.",
                outlet="reuters",
            ),
            article(
                "b",
                '"This pension reform is unfair," said a union leader at the march in Paris.',
                outlet="afp",
            ),
        ]
    )
    assert q.question == "How is the reform judged, and by whom?"
    assert [[a.aid for a in g] for g in q.answer_groups] == [["a"], ["b"]]


def test_negation_and_lack_turn_a_judgement_over() -> None:
    articles = [
        article("a", "Observers said the count was not transparent."),
        article("b", '"The commission lacked transparency," the observers said.'),
        article("c", "The commission said the vote was free and fair."),
    ]
    signs = {j.statement.aid: j.sign for j in read_judgements(context(articles))}
    assert signs == {"a": -1, "b": -1, "c": 1}


def test_an_outlets_own_adjectives_are_no_voice() -> None:
    articles = [
        article("a", "The reform is necessary for the pension system."),
        article("b", "The reform is unfair to younger workers."),
    ]
    assert read_judgements(context(articles)) == []
    assert _find(articles) == []


def test_one_side_only_asks_nothing() -> None:
    assert (
        _find(
            [
                article("a", '"This reform is unfair," said a union leader.'),
                article("b", "Opponents consider the reform to be harsh, the union said."),
            ]
        )
        == []
    )
