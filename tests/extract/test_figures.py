"""Which figures the parse accepts as claims, and what they count (hand-written sentences)."""

from __future__ import annotations

from parallax.extract.figures import FigureInContext, figures_in
from parallax.nlp.pipeline import get_nlp


def claims(text: str) -> list[FigureInContext]:
    return figures_in(get_nlp()(text))


def seen(text: str) -> list[tuple[str, float | None, str | None]]:
    return [
        (c.span.doc.text[c.figure.start : c.figure.end], c.figure.value, c.counted)
        for c in claims(text)
    ]


def test_a_list_of_name_number_pairs_counts_what_its_first_item_counts() -> None:
    got = seen(
        "As of 4.15pm Labour have 410 seats, the Tories 117, Liberal Democrats 70, SNP eight, "
        "Reform four and other parties 33."
    )
    assert [(t, v) for t, v, _ in got] == [
        ("410", 410), ("117", 117), ("70", 70), ("eight", 8), ("four", 4), ("33", 33)
    ]  # fmt: skip
    assert {c for _, _, c in got} == {"seats"}


def test_a_number_after_a_name_that_continues_the_clause_names_a_model() -> None:
    assert [t for t, _, _ in seen("The S&P 500, the Nasdaq and the Dow fell 2%.")] == ["2%"]
    assert seen("He flew on a Boeing 737, and landed.") == []


def test_an_elided_noun_is_taken_from_the_figure_it_pairs_with() -> None:
    got = seen("The SNP's representation is forecast to drop from 43 seats to just six.")
    assert got == [("43", 43, "seats"), ("just six", 6, "seats")]
    got = seen("Labour took 412 seats and the Conservatives won 121.")
    assert got == [("412", 412, "seats"), ("121", 121, "seats")]


def test_a_span_of_time_the_clause_is_about_is_an_amount() -> None:
    assert seen("Labour won, bringing an end to 14 years of Conservative rule.") == [
        ("14", 14, "years")
    ]
    assert [v for _, v, _ in seen("The party's 14 years in power ended.")] == [14]
    assert seen("The talks will end in 14 days.") == []


def test_ranks_and_record_years_are_figures() -> None:
    got = claims("It was the third most-watched Super Bowl on record and the second-highest rated.")
    assert [(c.figure.value, c.figure.unit) for c in got] == [(3, "rank"), (2, "rank")]
    (year,) = claims("This is the largest rate hike by the Fed since November 1994.")
    assert (year.figure.value, year.figure.unit) == (1994, "year")
    assert claims("The plant opened in 1994.") == []


def test_a_number_word_as_subject_counts_people() -> None:
    got = seen("Of the eight-member committee, seven voted in favor of the hike.")
    assert ("seven", 7, None) in got
    assert ("eight-member", 8, "members") in got
