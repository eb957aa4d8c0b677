"""Rankings outlets give differently ("the fourth deadliest" / "the deadliest in decades")."""

from __future__ import annotations

from parallax.align.detectors.ranks import AMONG, SINCE, Ranks, find_rankings
from parallax.models import Article
from tests.align.helpers import article, context


def _crash() -> list[Article]:
    return [
        article(
            "a",
            "Seventeen coaches derailed, leading to one of the worst railway accidents in "
            "the country in the last 15 years.",
        ),
        article(
            "b",
            "The train crash, the fourth deadliest in India according to available records, "
            "happened near the Bahanaga Bazar station.",
        ),
        article("c", "Services resumed after India's deadliest railway disaster for decades."),
        article("d", "It was the worst train disaster in decades, officials said."),
    ]


def test_outlets_ranking_one_event_differently_make_one_question_a_group_per_rank() -> None:
    arts = _crash()
    qs = Ranks().find(context(arts))
    assert len(qs) == 1
    q = qs[0]
    assert q.question == "Where does it rank among railway accidents?"
    groups = [sorted(a.aid for a in g) for g in q.answer_groups]
    assert sorted(groups) == [["a"], ["b"], ["c", "d"]]
    texts = {a.aid: a.text for a in arts}
    for g in q.answer_groups:
        for ans in g:
            assert texts[ans.aid][ans.char_start : ans.char_end] == ans.answer
    answers = {a.aid: a.answer for g in q.answer_groups for a in g}
    assert answers["b"].startswith("the fourth deadliest in India")
    assert answers["a"].startswith("one of the worst railway accidents")
    assert "one of the" in q.explanation or "first" in q.explanation


def test_ranks_are_read_from_ordinals_one_of_and_stretches_of_time() -> None:
    arts = _crash()
    ranks = {r.aid: r.rank for r in find_rankings(context(arts))}
    assert ranks == {"a": AMONG, "b": 4, "c": SINCE, "d": SINCE}


def test_superlatives_that_rank_nothing_of_the_story_are_not_read() -> None:
    arts = [
        article("a", "The most-watched Super Bowl ever was in 2015, when the Patriots won."),
        article("b", "The 10 warmest years since 1850 have all occurred in the past decade."),
        article("c", "The latest report says at least 261 people died."),
        article("d", "The warmest years were all recent, scientists said."),
    ]
    assert find_rankings(context(arts)) == []


def test_outlets_agreeing_on_the_rank_raise_no_question() -> None:
    arts = [
        article("a", "Sunday's game was the third most-watched Super Bowl on record."),
        article("b", "Nielsen said it was the third most-watched Super Bowl ever."),
    ]
    assert Ranks().find(context(arts)) == []


def test_different_things_ranked_are_different_questions() -> None:
    arts = [
        article("a", "The game was the third most-watched Super Bowl on record."),
        article("b", "Fox said it was the second most-watched Super Bowl in history."),
        article("c", "Rihanna's set was the most-watched halftime show of all time."),
        article("d", "Her show was the second most-watched halftime show in history."),
    ]
    qs = Ranks().find(context(arts))
    pools = sorted(sorted(a.aid for g in q.answer_groups for a in g) for q in qs)
    assert pools == [["a", "b"], ["c", "d"]]


def test_rankings_said_of_different_names_or_with_a_far_ordinal_are_not_compared() -> None:
    arts = [
        article("a", "Mariupol, the second-largest city in the Donetsk region, was shelled."),
        article("b", "Donetsk, the largest city in the region, was quiet on Monday."),
    ]
    assert Ranks().find(context(arts)) == []
    arts = [
        article("a", "The second blast was the deadliest attack in the city this year."),
        article("b", "It was one of the world's worst attacks in the city this year."),
    ]
    ranks = sorted((r.aid, r.rank) for r in find_rankings(context(arts)))
    assert ranks == [("a", 1), ("b", AMONG)]
