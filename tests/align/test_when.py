"""The day outlets give for the event itself ("on Feb. 5" / "on Monday", 6 February)."""

from __future__ import annotations

import datetime as dt

from parallax.align.detectors.dates import Dates, find_dated_events
from parallax.models import Article
from tests.align.helpers import article, context

MONDAY = dt.date(2023, 2, 6)


def _quake() -> list[Article]:
    return [
        article(
            "a",
            "The death toll has surpassed 1,300 after a devastating magnitude 7.8 earthquake "
            "shook Turkey and Syria on February 5.",
            published=MONDAY,
        ),
        article(
            "b",
            "A strong earthquake struck central Turkey and northwest Syria on Monday.",
            published=MONDAY,
        ),
        article(
            "c",
            "The quake, which hit in the early darkness on February 6, was felt in Cairo.",
            published=MONDAY + dt.timedelta(days=1),
        ),
    ]


def test_an_event_two_outlets_date_differently_is_a_question_a_group_per_day() -> None:
    arts = _quake()
    qs = Dates().find(context(arts))
    assert len(qs) == 1
    q = qs[0]
    assert q.kind == "factual_conflict"
    assert q.question.startswith("When did the earthquake")
    assert [sorted(a.aid for a in g) for g in q.answer_groups] == [["a"], ["b", "c"]]
    assert "time zones" in q.explanation
    texts = {a.aid: a.text for a in arts}
    for g in q.answer_groups:
        for ans in g:
            assert texts[ans.aid][ans.char_start : ans.char_end] == ans.answer


def test_days_are_resolved_against_each_article_s_date_and_relative_clauses_name_the_event() -> (
    None
):
    arts = _quake()
    found = {(e.aid, e.subject, e.day) for e in find_dated_events(context(arts))}
    assert found == {
        ("a", "earthquake", dt.date(2023, 2, 5)),
        ("b", "earthquake", MONDAY),
        ("c", "quake", MONDAY),
    }


def test_outlets_agreeing_on_the_day_or_dating_other_things_raise_no_question() -> None:
    arts = [
        article("a", "The Coromandel Express crashed on June 2 near Balasore.", published=None),
        article("b", "The crash happened on Friday evening.", published=dt.date(2023, 6, 3)),
        article(
            "c", "Officials said on Sunday the toll was revised.", published=dt.date(2023, 6, 5)
        ),
        article("d", "A weekday alone dates nothing: the train derailed on Friday."),
    ]
    found = {(e.aid, e.day) for e in find_dated_events(context(arts))}
    assert found == {("b", dt.date(2023, 6, 2))}
    assert Dates().find(context(arts)) == []
