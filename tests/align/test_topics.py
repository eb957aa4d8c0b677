"""Divergent topics: a difference of wording is not a difference of answer."""

from __future__ import annotations

from parallax.align.context import Statement
from parallax.align.detectors.topics import same_figures


def _s(aid: str, text: str, figures: tuple[float, ...] = ()) -> Statement:
    return Statement(
        aid=aid,
        voice=aid,
        outlet=aid,
        start=0,
        end=len(text),
        text=text,
        source=None,
        has_figure=bool(figures),
        figures=frozenset(figures),
    )


def test_groups_repeating_a_value_say_the_same_thing() -> None:
    a = _s("a", "Health authorities had previously put the number at 5,500.", (5500,))
    b = _s("b", "Health authorities previously put the death toll in Derna at 5,500.", (5500,))
    assert same_figures([[a], [b]])


def test_different_values_or_a_sentence_without_figure_are_answers_apart() -> None:
    a = _s("a", "Nielsen said 113 million people watched.", (113e6,))
    b = _s("b", "Nielsen said 115 million people watched.", (115e6,))
    c = _s("c", "Nielsen said the audience was the largest ever.")
    assert not same_figures([[a], [b]])
    assert not same_figures([[a], [c]])
