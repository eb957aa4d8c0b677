"""Places located differently: "X, located on the Y" against "the Z port city of X"."""

from __future__ import annotations

from parallax.align import align_event
from parallax.align.detectors.places import Places
from parallax.models import Article
from parallax.schema import QuestionAnswer
from tests.align.helpers import article, context

ON_BALTIC = (
    "Shipping through Gdansk, located on the Baltic Sea, was halted on Monday after the storm."
)
NORTH_SEA_PORT = "Port officials closed the North Sea port city of Gdansk to all ships on Monday."
BALTIC_PORT = "Port officials closed the Baltic Sea port city of Gdansk to all ships on Monday."


def _questions(articles: list[Article]) -> list[QuestionAnswer]:
    return Places().find(context(articles))


def test_two_outlets_placing_a_city_on_different_seas_is_a_factual_conflict() -> None:
    a = article("a", f"The storm hit the coast overnight. {ON_BALTIC}", outlet="afp")
    b = article("b", f"{NORTH_SEA_PORT} Ferries stayed in harbour.", outlet="tass")
    qas = _questions([a, b])
    assert len(qas) == 1
    qa = qas[0]
    assert qa.kind == "factual_conflict"
    assert qa.question == "Where is Gdansk?"
    assert [[ans.aid for ans in g] for g in qa.answer_groups] == [["a"], ["b"]]
    texts = {"a": a.text, "b": b.text}
    for group in qa.answer_groups:
        for ans in group:
            assert texts[ans.aid][ans.char_start : ans.char_end] == ans.answer
            assert ans.source is None
    assert qa.answer_groups[0][0].answer == ON_BALTIC
    assert qa.answer_groups[1][0].answer == NORTH_SEA_PORT
    assert qa.explanation is not None
    assert "Baltic Sea" in qa.explanation and "North Sea" in qa.explanation
    assert "check" in qa.explanation


def test_outlets_that_agree_on_the_place_get_no_question() -> None:
    a = article("a", ON_BALTIC, outlet="afp")
    b = article("b", BALTIC_PORT, outlet="tass")
    assert _questions([a, b]) == []


def test_a_description_contained_in_another_is_the_same_place() -> None:
    a = article("a", "Traffic in Gdansk, a port city in northern Poland, stopped.", outlet="afp")
    b = article("b", "Traffic in Gdansk, a port city in Poland, stopped on Monday.", outlet="tass")
    assert _questions([a, b]) == []


def test_a_wire_copy_is_not_a_second_voice() -> None:
    a = article("a", f"{ON_BALTIC} {NORTH_SEA_PORT}", outlet="afp")
    b = article("b", a.text, outlet="yahoo", duplicate_of="a")
    assert _questions([a, b]) == []


def test_one_outlet_alone_is_no_conflict() -> None:
    a = article("a", ON_BALTIC, outlet="afp")
    b = article("b", "Ferries stayed in harbour as the storm passed.", outlet="tass")
    assert _questions([a, b]) == []


def test_a_demonym_and_its_country_are_the_same_place() -> None:
    a = article("a", "The Polish city of Gdansk shut its port on Monday.", outlet="afp")
    b = article("b", "Traffic in Gdansk, a port city in Poland, stopped.", outlet="tass")
    assert _questions([a, b]) == []


def test_build_report_carries_the_place_question() -> None:
    a = article("a", f"The storm hit the coast overnight. {ON_BALTIC}", outlet="afp")
    b = article("b", f"{NORTH_SEA_PORT} Ferries stayed in harbour.", outlet="tass")
    report = align_event([a, b], eid="e")
    assert [q.question for q in report.question_answers if q.kind == "factual_conflict"] == [
        "Where is Gdansk?"
    ]
