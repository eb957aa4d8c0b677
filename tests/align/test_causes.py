"""Causes: one thing that voices put down to different causes becomes a question."""

from __future__ import annotations

from parallax.align.detectors.causes import Causes, read_causes
from parallax.models import Article
from parallax.schema import QuestionAnswer
from tests.align.helpers import article, context


def _find(articles: list[Article]) -> list[QuestionAnswer]:
    return Causes().find(context(articles))


def _train_event(second: str) -> list[Article]:
    return [
        article(
            "a",
            "Two trains collided near Balasore station on Friday. Preliminary reports from the "
            "railways said the accident occurred due to human error as the driver took the "
            "wrong track.",
            outlet="ndtv",
        ),
        article(
            "b", f"Two trains collided near Balasore station on Friday. {second}", outlet="bbc"
        ),
    ]


def test_different_causes_of_one_accident_are_two_answer_groups() -> None:
    (q,) = _find(
        _train_event(
            "The railway minister said the accident occurred due to the tampering of the "
            "electronic signalling system."
        )
    )
    assert q.kind in ("attribution", "framing")
    assert q.question == "What caused the accident?"
    groups = sorted({a.aid for a in g} for g in q.answer_groups)
    assert groups == [{"a"}, {"b"}]
    assert "human error" in (q.explanation or "")


def test_one_cause_in_other_words_asks_nothing() -> None:
    assert (
        _find(
            _train_event(
                "Railway officials said the accident occurred because of an error by the "
                "driver, who took the wrong track."
            )
        )
        == []
    )


def test_a_denied_cause_is_not_a_cause() -> None:
    articles = [
        article(
            "a",
            "The outage was caused by a faulty software update from CrowdStrike, the company said.",
        ),
        article(
            "b",
            "The outage was not the result of a cyber-attack, the company said.",
        ),
    ]
    ctx = context(articles)
    assert all("cyber" not in c.cause for c in read_causes(ctx))
    assert Causes().find(ctx) == []


def test_the_story_itself_explains_its_consequences_without_a_dispute() -> None:
    # The quake is what every outlet opens with: a fire and a tsunami it caused are not
    # rival causes of anything.
    articles = [
        article(
            "a",
            "A powerful earthquake struck Japan on Monday. A fire caused by the earthquake "
            "destroyed the old market in Wajima.",
        ),
        article(
            "b",
            "A powerful earthquake struck Japan on Monday. A giant fire in Wajima was triggered "
            "by the quake, officials said.",
        ),
    ]
    assert _find(articles) == []


def test_a_cause_noun_under_a_root_that_is_no_verb_ends() -> None:
    # "Being the cause of the tragedy." has no subject and a root that is no verb: the walk
    # up the parse compared tokens by identity (spaCy makes a new Token on every access),
    # never saw the root and looped for ever (found by bench/bench_scale.py at 500 articles).
    from parallax.align.detectors.causes import _causal_pairs
    from parallax.nlp.pipeline import get_nlp

    assert _causal_pairs(get_nlp()("Being the cause of the tragedy.")) == []
