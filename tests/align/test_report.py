"""align_event on a hand-built event: the contract of the Report it returns."""

from __future__ import annotations

import datetime as dt

from parallax.align import align_event
from parallax.align.citing import answer_span
from parallax.align.text import MAX_ANSWER_CHARS
from parallax.models import Article
from tests.align.helpers import article, claim

JUNE3 = dt.date(2023, 6, 3)
JUNE5 = dt.date(2023, 6, 5)


def _event() -> list[Article]:
    a1 = article(
        "a1",
        "The death toll in the train derailment in Odisha has increased to 233, Chief "
        "Secretary Pradeep Jena said. More than 200 ambulances along with 30 buses have been "
        "pressed into service. The Railways ordered an inquiry into the accident near "
        "Balasore on Friday evening.",
        outlet="canindia",
        published=JUNE3,
    )
    # Measures as extraction reads them from the parse (``extract.frames``).
    claim(
        a1,
        "233",
        233,
        counted="death toll",
        predicate="increased",
        source="Pradeep Jena",
        measure="killed",
    )
    claim(a1, "200", 200, counted="ambulances", qualifier="more than")
    claim(a1, "30", 30, counted="buses", predicate="pressed into service")
    a2 = article(
        "a2",
        "The death toll in the Balasore train accident has risen to 261, a railway spokesperson "
        "said. Some 200 ambulances and 50 buses were working at the accident site. The Railways "
        "ordered an inquiry into the accident near Balasore on Friday evening.",
        outlet="devdiscourse",
        published=JUNE3,
    )
    claim(
        a2,
        "261",
        261,
        counted="death toll",
        predicate="risen",
        source="railway spokesperson",
        measure="killed",
    )
    claim(a2, "200", 200, counted="ambulances", qualifier="some")
    claim(a2, "50", 50, counted="buses", predicate="working")
    a3 = article(
        "a3",
        "Officials said 83 bodies remain unidentified in the hospitals of Bhubaneswar. The "
        "official death toll had risen to 288, the state's top civil servant said late on "
        "Tuesday.",
        outlet="straitstimes",
        published=JUNE5,
    )
    claim(a3, "83", 83, counted="bodies", predicate="remain unidentified", source="Officials")
    claim(a3, "288", 288, counted="death toll", predicate="risen", measure="killed")
    return [a1, a2, a3]


def _qa_with(report, aid: str, value: float):  # type: ignore[no-untyped-def]
    for qa in report.question_answers:
        for g in qa.answer_groups:
            if any(a.aid == aid and a.value == value for a in g):
                return qa
    raise AssertionError(f"no question answers {aid}:{value}")


def test_answers_are_verbatim_spans_of_the_cleaned_text() -> None:
    arts = _event()
    report = align_event(arts, eid="odisha")
    texts = {a.aid: a.text for a in arts}
    assert report.question_answers
    for qa in report.question_answers:
        assert qa.explanation
        assert qa.question.endswith("?")
        for g in qa.answer_groups:
            for a in g:
                assert texts[a.aid][a.char_start : a.char_end] == a.answer


def test_input_aids_and_claims_are_kept() -> None:
    arts = _event()
    report = align_event(arts, eid="odisha")
    assert [a.aid for a in report.articles] == ["a1", "a2", "a3"]
    assert len(report.claims) == 8
    assert report.eid == "odisha"


def test_running_toll_is_one_update_question_in_time_order() -> None:
    report = align_event(_event(), eid="odisha")
    qa = _qa_with(report, "a1", 233)
    assert qa.kind == "numeric_update"
    values = [g[0].value for g in qa.answer_groups]
    assert values == [233, 261, 288]


def test_agreement_and_single_outlet_figures() -> None:
    report = align_event(_event(), eid="odisha")
    ambulances = _qa_with(report, "a1", 200)
    assert ambulances.kind == "consensus"
    assert "2 of 3 (at least half of the outlets)" in (ambulances.explanation or "")
    assert {a.aid for a in ambulances.answer_groups[0]} == {"a1", "a2"}
    bodies = _qa_with(report, "a3", 83)
    assert bodies.kind == "unique_coverage"
    buses = _qa_with(report, "a1", 30)
    assert buses.kind == "numeric_conflict"
    assert len(buses.answer_groups) == 2


def test_degenerate_events_give_a_valid_report() -> None:
    assert align_event([], eid="empty").question_answers == []
    lone = article("solo", "Officials said 83 bodies remain unidentified in the hospitals.")
    claim(lone, "83", 83, counted="bodies")
    report = align_event([lone], eid="solo")
    kinds = {q.kind for q in report.question_answers}
    assert kinds <= {"unique_coverage"}
    no_claims = [article("x", "Nothing here has a figure."), article("y", "Nor here, sadly.")]
    assert align_event(no_claims, eid="none").articles


def test_overlong_sentence_is_cut_around_the_figure() -> None:
    filler = " ".join(["word"] * 120)
    text = f"{filler} officials said 83 bodies remain unidentified {filler}."
    fig = text.index("83")
    start, end = answer_span(text, 0, len(text), fig, fig + 2)
    assert end - start <= MAX_ANSWER_CHARS
    assert start <= fig and fig + 2 <= end
    assert text[start - 1] == " " and text[end] == " "
    assert answer_span("Short one: 83 bodies.", 0, 21, 11, 13) == (0, 21)
