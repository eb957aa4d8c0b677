"""The timeline: dated figures oldest first, with the running figure of each update."""

from __future__ import annotations

import datetime as dt

from parallax.report.timeline import build_timeline, series
from parallax.schema import Answer, QuestionAnswer, Report, ReportArticle
from tests.report.gold_report import dev_report, seeds_report


def test_entries_are_in_date_order_and_cite_their_span() -> None:
    for report, _ in (seeds_report(), dev_report("odisha-train-crash-2023")):
        entries = build_timeline(report)
        assert entries
        dates = [e.date for e in entries if e.date]
        assert dates == sorted(dates)
        texts = {a.aid: a.text for a in report.articles}
        for e in entries:
            assert texts[e.aid][e.char_start : e.char_end] == e.text


def test_running_figure_follows_the_updates() -> None:
    report, _ = seeds_report()
    entries = build_timeline(report)
    qa = next(
        q
        for q in report.question_answers
        if q.kind == "numeric_update" and any(a.value for g in q.answer_groups for a in g)
    )
    run = [e for e in entries if e.question == qa.question]
    assert len({e.value for e in run}) >= 2
    previous = None
    for e in run:
        assert e.running == e.value
        assert e.change == (None if previous is None else e.value - previous)
        previous = e.value
    # Who announced each figure is kept.
    assert all(e.source for e in run)


def test_publication_date_is_a_fallback_and_says_so() -> None:
    text = "Police said 7 people were hurt."
    art = ReportArticle(aid="a", outlet="A", text=text, date=dt.date(2024, 5, 1))
    ans = Answer(aid="a", answer=text, value=7, char_start=0, char_end=len(text))
    other = ReportArticle(
        aid="b", outlet="B", text="Medics said 9 people were hurt.", date=dt.date(2024, 5, 2)
    )
    ans_b = Answer(
        aid="b",
        answer=other.text,
        value=9,
        char_start=0,
        char_end=len(other.text),
        as_of=dt.date(2024, 4, 30),
    )
    report = Report(
        eid="x",
        articles=[art, other],
        question_answers=[
            QuestionAnswer(
                question="How many were hurt?",
                kind="numeric_conflict",
                answer_groups=[[ans], [ans_b]],
            )
        ],
    )
    report.timeline = build_timeline(report)
    first, second = report.timeline
    assert (first.aid, first.date_basis, first.date) == ("b", "as_of", dt.date(2024, 4, 30))
    assert (second.aid, second.date_basis, second.date) == ("a", "published", dt.date(2024, 5, 1))
    assert list(series(report)) == ["How many were hurt?"]
