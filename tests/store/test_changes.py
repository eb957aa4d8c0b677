"""The change log between two analyses, on reports built by hand so that each kind of
change is provoked on purpose (and its absence checked where it must not fire)."""

from __future__ import annotations

import datetime as dt

from parallax.models import Claim
from parallax.schema import Answer, QuestionAnswer, Report, ReportArticle, TimelineEntry
from parallax.store.changes import diff_reports

TEXTS = {
    "a1": "The ministry said 1,730 soldiers surrendered. Officials counted 40 buses.",
    "a2": "The ministry said 1,908 soldiers surrendered by Friday.",
    "a3": "Kyiv denied that 1,908 soldiers surrendered, calling it false.",
    "a4": "The ministry said 1,730 soldiers surrendered. Officials counted 45 buses.",
    "a5": "A local paper says 12 schools reopened in the city.",
}
OUTLETS = {"a1": "Wire", "a2": "Daily", "a3": "Kyiv Post", "a4": "Wire", "a5": "Local"}


def _answer(aid: str, figure: str, value: float | None = None) -> Answer:
    text = TEXTS[aid]
    start = text.index(figure)
    return Answer(
        aid=aid,
        answer=figure,
        value=value,
        char_start=start,
        char_end=start + len(figure),
        claim_id=f"{aid}:{start}-{start + len(figure)}" if value is not None else None,
    )


def _claim(a: Answer) -> Claim:
    text = TEXTS[a.aid]
    end = text.find(".", a.char_end)
    return Claim(
        id=a.claim_id or "",
        aid=a.aid,
        sent_start=0 if a.char_start < text.find(".") else text.find(".") + 2,
        sent_end=end + 1 if end >= 0 else len(text),
        char_start=a.char_start,
        char_end=a.char_end,
        text=a.answer,
        value=a.value,
    )


def _report(aids: list[str], qas: list[QuestionAnswer], running: float | None = None) -> Report:
    timeline = []
    if running is not None:
        timeline.append(
            TimelineEntry(
                aid=aids[0],
                outlet=OUTLETS[aids[0]],
                text="x",
                char_start=0,
                char_end=1,
                question=qas[0].question,
                running=running,
                date=dt.date(2022, 5, 20),
            )
        )
    answers = [a for qa in qas for g in qa.answer_groups for a in g if a.claim_id]
    return Report(
        eid="e",
        articles=[ReportArticle(aid=a, outlet=OUTLETS[a], text=TEXTS[a]) for a in aids],
        question_answers=qas,
        claims=[_claim(a) for a in answers],
        timeline=timeline,
    )


def _qa(question: str, kind: str, groups: list[list[Answer]]) -> QuestionAnswer:
    return QuestionAnswer(question=question, kind=kind, answer_groups=groups)  # type: ignore[arg-type]


def _kinds(changes: list) -> list[str]:  # type: ignore[type-arg]
    return [c.kind for c in changes]


def test_first_analysis_lists_its_figures_and_outlet() -> None:
    first = _report(
        ["a1"], [_qa("How many surrendered?", "unique_coverage", [[_answer("a1", "1,730", 1730)]])]
    )
    changes = diff_reports(None, first)
    assert _kinds(changes) == ["new_figure", "new_outlet"]
    assert "1,730" in changes[0].text and "Wire" in changes[0].text
    assert changes[1].data["unique"] == ["How many surrendered?"]


def test_running_total_moves_and_question_becomes_a_difference() -> None:
    old = _report(
        ["a1"], [_qa("How many surrendered?", "unique_coverage", [[_answer("a1", "1,730", 1730)]])]
    )
    # The question is reworded in the new analysis: matching goes by the shared answer.
    new = _report(
        ["a1", "a2"],
        [
            _qa(
                "How many soldiers have surrendered since Monday?",
                "numeric_update",
                [[_answer("a1", "1,730", 1730)], [_answer("a2", "1,908", 1908)]],
            )
        ],
        running=1908,
    )
    changes = diff_reports(old, new)
    kinds = _kinds(changes)
    assert kinds[0] == "total_moved"
    assert changes[0].text.endswith("1,730 \u2192 1,908")
    assert changes[0].data == {"old": 1730, "new": 1908}
    assert "new_question" in kinds and "new_figure" in kinds
    assert "new_outlet" in kinds  # Daily
    assert "resolved_question" not in kinds
    # Nothing about 1,730 again: it is not new.
    assert not [c for c in changes if c.kind == "new_figure" and "1,730" in c.text]


def test_nothing_changes_when_nothing_new_arrives() -> None:
    qa = _qa(
        "How many?",
        "numeric_update",
        [[_answer("a1", "1,730", 1730)], [_answer("a2", "1,908", 1908)]],
    )
    report = _report(["a1", "a2"], [qa], running=1908)
    assert diff_reports(report, report) == []


def test_a_resolved_and_a_changed_question() -> None:
    conflict = _qa(
        "How many buses?",
        "numeric_conflict",
        [[_answer("a1", "40", 40)], [_answer("a4", "45", 45)]],
    )
    update = _qa(
        "How many surrendered?",
        "numeric_update",
        [[_answer("a1", "1,730", 1730)], [_answer("a2", "1,908", 1908)]],
    )
    old = _report(["a1", "a2", "a4"], [conflict, update])
    agreed = _qa(
        "How many buses?", "consensus", [[_answer("a1", "40", 40), _answer("a4", "45", 45)]]
    )
    now_conflict = _qa("How many surrendered?", "numeric_conflict", update.answer_groups)
    changes = diff_reports(old, _report(["a1", "a2", "a4"], [agreed, now_conflict]))
    by_kind = {c.kind: c for c in changes}
    assert set(by_kind) == {"resolved_question", "question_changed"}
    assert by_kind["resolved_question"].data == {"was": "numeric_conflict", "now": "consensus"}
    assert "was numeric update" in by_kind["question_changed"].text


def test_a_question_that_disappears_is_no_longer_asked() -> None:
    conflict = _qa(
        "How many buses?",
        "numeric_conflict",
        [[_answer("a1", "40", 40)], [_answer("a4", "45", 45)]],
    )
    changes = diff_reports(_report(["a1", "a4"], [conflict]), _report(["a1", "a4"], []))
    assert _kinds(changes) == ["resolved_question"]
    assert "no longer asked" in changes[0].text


def test_a_later_denial_is_recorded() -> None:
    old_qa = _qa(
        "How many surrendered?",
        "numeric_update",
        [[_answer("a1", "1,730", 1730)], [_answer("a2", "1,908", 1908)]],
    )
    old = _report(["a1", "a2"], [old_qa], running=1908)
    new_qa = _qa(
        "How many surrendered?",
        "attribution",
        [
            [_answer("a1", "1,730", 1730)],
            [_answer("a2", "1,908", 1908), _answer("a3", "1,908", 1908)],
        ],
    )
    changes = diff_reports(old, _report(["a1", "a2", "a3"], [new_qa], running=1908))
    denied = [c for c in changes if c.kind == "denied"]
    assert len(denied) == 1
    assert "Kyiv Post" in denied[0].text and "denied" in denied[0].data["sentence"]
    assert "1,908 (Daily)" in denied[0].text
    # The same value is no new figure.
    assert not [c for c in changes if c.kind == "new_figure"]


def test_an_outlet_amending_its_own_figure_is_recorded() -> None:
    old = _report(["a1"], [_qa("How many buses?", "unique_coverage", [[_answer("a1", "40", 40)]])])
    new = _report(
        ["a1", "a4"],
        [
            _qa(
                "How many buses?",
                "numeric_update",
                [[_answer("a1", "40", 40)], [_answer("a4", "45", 45)]],
            )
        ],
    )
    changes = diff_reports(old, new)
    amended = [c for c in changes if c.kind == "amended"]
    assert len(amended) == 1 and "Wire now gives 45 (earlier: 40 (Wire))" in amended[0].text
    # A figure from another outlet without a correction cue is news, not an amendment.
    other = _report(
        ["a1", "a5"],
        [
            _qa(
                "How many buses?",
                "numeric_conflict",
                [[_answer("a1", "40", 40)], [_answer("a5", "12", 12)]],
            )
        ],
    )
    assert "amended" not in _kinds(diff_reports(old, other))


def test_a_new_outlets_unique_coverage() -> None:
    old = _report(["a1"], [])
    new = _report(
        ["a1", "a5"],
        [_qa("How many schools reopened?", "unique_coverage", [[_answer("a5", "12", 12)]])],
    )
    changes = diff_reports(old, new)
    outlet = [c for c in changes if c.kind == "new_outlet"]
    assert len(outlet) == 1
    assert outlet[0].data == {"outlet": "Local", "unique": ["How many schools reopened?"]}
    assert outlet[0].text == "New outlet Local: 1 point only it reports"
