"""Certainty: a happening some voices hedge and others confirm becomes a framing question."""

from __future__ import annotations

from parallax.align.detectors.certainty import CONFIRMED, HEDGED, CertaintyDetector, read_certainty
from parallax.models import Article
from parallax.schema import QuestionAnswer
from tests.align.helpers import article, context

_OPEN = "The submersible Titan went missing on Sunday near the wreck of the Titanic. "


def _event(first: str, second: str) -> list[Article]:
    return [
        article("a", _OPEN + first, outlet="informed"),
        article("b", _OPEN + second, outlet="cnbc"),
    ]


def _find(articles: list[Article]) -> list[QuestionAnswer]:
    return CertaintyDetector().find(context(articles))


def test_hedged_and_confirmed_are_two_answer_groups() -> None:
    (q,) = _find(
        _event(
            "The five crew members were probably killed in a catastrophic implosion of the "
            "submersible, officials said.",
            "The Coast Guard has confirmed that the submersible imploded, killing the five "
            "crew members.",
        )
    )
    assert q.kind == "framing"
    assert [[a.aid for a in g] for g in q.answer_groups] == [["a"], ["b"]]
    assert q.question.startswith("Is it confirmed that the submersible imploded")


def test_hedges_and_confirmations_are_read_from_the_parse() -> None:
    articles = [
        article("a", "The pilot is believed to have died in the crash, officials said."),
        article("b", "Authorities have not confirmed whether the pilot was on board."),
        article("c", "The ministry officially declared the pilot dead on Thursday."),
    ]
    statuses = {c.statement.aid: c.status for c in read_certainty(context(articles))}
    assert statuses == {"a": HEDGED, "b": HEDGED, "c": CONFIRMED}


def test_two_confirmations_ask_nothing() -> None:
    assert (
        _find(
            _event(
                "The Coast Guard confirmed that the five crew members were killed in a "
                "catastrophic implosion.",
                "The Coast Guard has confirmed that the submersible imploded, killing the five "
                "crew members.",
            )
        )
        == []
    )


def test_a_hedge_about_another_happening_asks_nothing() -> None:
    assert (
        _find(
            _event(
                "The vessel probably had enough oxygen for four days, experts said.",
                "The Coast Guard has confirmed that the submersible imploded, killing the five "
                "crew members.",
            )
        )
        == []
    )
