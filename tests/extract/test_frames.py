"""Claim frames on hand-written sentences: measure, holder, place, status and ranges."""

from __future__ import annotations

import datetime as dt

import pytest

from parallax.extract.claims import extract_article
from parallax.models import Article, Claim


def claims(text: str) -> list[Claim]:
    art = Article(
        aid="t",
        text=text,
        origin="test",
        published=dt.date(2023, 9, 14),
        published_basis="metadata",
    )
    return extract_article(art).claims


def by_text(text: str) -> dict[str, Claim]:
    return {c.text: c for c in claims(text)}


def test_votes_of_two_candidates_share_a_measure_but_not_a_holder() -> None:
    got = by_text("Tinubu won 8.8 million votes, while Atiku Abubakar got 6.9 million votes.")
    a, b = got["8.8 million"], got["6.9 million"]
    assert a.measure == b.measure == "votes"
    assert (a.holder, b.holder) == ("Tinubu", "Atiku Abubakar")
    assert a.holder_span is not None
    assert "Tinubu won 8.8 million"[slice(*a.holder_span)] == "Tinubu"


def test_seat_lists_and_elided_nouns_keep_their_holders() -> None:
    got = claims(
        "Labour have 410 seats, the Tories 117, Liberal Democrats 70, SNP eight and "
        "other parties 33."
    )
    assert [(c.text, c.measure, c.holder) for c in got] == [
        ("410", "seats", "Labour"),
        ("117", "seats", "Tories"),
        ("70", "seats", "Liberal Democrats"),
        ("eight", "seats", "SNP"),
        ("33", "seats", "other parties"),
    ]
    got = by_text("Labour took 412 seats and the Conservatives won 121.")
    assert (got["121"].measure, got["121"].holder) == ("seats", "Conservatives")


def test_company_measures_and_their_owner() -> None:
    got = by_text("Nvidia's revenue rose to $13.51 billion, and its net income was $6.2 billion.")
    assert (got["$13.51 billion"].measure, got["$13.51 billion"].holder) == ("revenue", "Nvidia")
    assert (got["$6.2 billion"].measure, got["$6.2 billion"].holder) == ("net income", "Nvidia")
    got = by_text("Nvidia's shares jumped 9% after the results.")
    assert (got["9%"].measure, got["9%"].holder) == ("share price change", "Nvidia")


def test_tolls_of_different_outcomes_get_different_measures_and_the_place() -> None:
    got = by_text("At least 5,300 people were killed in Derna and up to 10,000 are missing.")
    killed, missing = got["At least 5,300"], got["up to 10,000"]
    assert (killed.measure, killed.measure_phrase, killed.place) == (
        "killed",
        "people killed",
        "Derna",
    )
    assert missing.measure == "missing"
    assert killed.holder is None  # victims are nobody's figure
    got = by_text("In Hatay, 3,000 people died and 10,000 were injured.")
    assert [(c.measure, c.place) for c in got.values()] == [
        ("killed", "Hatay"),
        ("injured", "Hatay"),
    ]


def test_number_words_are_bound_to_what_they_count() -> None:
    got = by_text("Six suspects were detained, and police arrested 9 people in Lagos.")
    assert got["Six"].measure == got["9"].measure == "detained"
    assert got["Six"].measure_phrase == "suspects detained"
    assert got["9"].place == "Lagos"
    (dozens,) = claims("Dozens of protesters were detained in Paris.")
    assert (dozens.vague, dozens.measure, dozens.measure_phrase) == (
        True,
        "detained",
        "protesters detained",
    )


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        ("The unemployment rate fell to 3.4% in January.", "3.4%", "unemployment rate"),
        (
            "The Fed raised interest rates by 75 basis points.",
            "75 basis points",
            "interest rate change",
        ),
        ("Sunak secured 47.5% of the vote in his seat.", "47.5%", "vote share"),
        ("Labour won with a 35.6% share of the vote.", "35.6%", "vote share"),
        ("The Titan is 22 feet long.", "22 feet", "length"),
        ("The site is 400 miles south of St John's.", "400 miles", "distance"),
        ("The magnitude 7.6 quake shook the coast.", "7.6", "magnitude"),
        ("It was followed by more than 150 aftershocks.", "more than 150", "aftershocks"),
        (
            "An estimated 1.27 million people marched across France.",
            "An estimated 1.27 million",
            "protesters",
        ),
        ("Nielsen said 115.1 million people watched the game.", "115.1 million", "viewers"),
        ("The Red Cross has provided 6,000 body bags.", "6,000", "body bag"),
    ],
)  # fmt: skip
def test_measures_are_read_from_the_parse(text: str, figure: str, measure: str) -> None:
    assert by_text(text)[figure].measure == measure


def test_the_level_and_the_change_of_a_rate_are_different_measures() -> None:
    got = by_text(
        "The Fed raised interest rates by 75 basis points to a range of 1.5%-1.75%, "
        "the largest hike since 1994."
    )
    assert got["75 basis points"].measure == "interest rate change"
    assert got["1.5%-1.75%"].measure == "interest rate"
    assert (got["1.5%-1.75%"].value, got["1.5%-1.75%"].value_high) == (1.5, 1.75)
    assert got["1994"].measure == "record since"


def test_a_compared_value_is_an_earlier_value_of_the_same_measure() -> None:
    got = by_text("The economy added 517,000 jobs in January, up from 260,000 in December.")
    assert got["517,000"].measure == got["260,000"].measure == "jobs"
    assert (got["517,000"].status, got["260,000"].status) == ("reported", "earlier")


@pytest.mark.parametrize(
    ("text", "figure", "status"),
    [
        ("The toll was revised down from 288 to 275, officials said.", "288", "earlier"),
        ("The toll was revised down from 288 to 275, officials said.", "275", "amended"),
        ("The initial toll of 48 was revised to 78 on Tuesday.", "48", "earlier"),
        ("The initial toll of 48 was revised to 78 on Tuesday.", "78", "amended"),
        ("The mayor said the death toll could reach 20,000.", "20,000", "forecast"),
        ("The Conservatives are expected to hold 131 seats.", "131", "projected"),
        ("The exit poll projects Labour to win 410 seats.", "410", "projected"),
        ("The ministry denied that 11,300 people had died.", "11,300", "denied"),
        ("As many as 6,000 people may have died.", "As many as 6,000", "estimated"),
        ("An estimated 1.27 million people marched.", "An estimated 1.27 million", "estimated"),
        ("Analysts had expected revenue of $11.2 billion.", "$11.2 billion", "forecast"),
        ("At least 5,300 people have died, officials said.", "At least 5,300", "reported"),
    ],
)
def test_status_from_cue_words(text: str, figure: str, status: str) -> None:
    assert by_text(text)[figure].status == status


def test_bounds_in_brackets_point_at_the_figure_they_bound() -> None:
    got = claims("About 2.1 million people were displaced (between 1.7 and 2.6 million).")
    main, bounds = got
    assert main.value == 2.1e6 and main.range_of is None
    assert (bounds.value, bounds.value_high, bounds.range_of) == (1.7e6, 2.6e6, main.id)
    assert bounds.measure == main.measure == "evacuated"
    got = claims("Nvidia expects revenue of $16 billion, plus or minus 2%.")
    assert got[1].range_of == got[0].id
    assert got[1].measure == "revenue"


def test_a_figure_outside_the_range_is_not_a_bound() -> None:
    got = claims("About 2.1 million people were displaced (and 300 were injured).")
    assert all(c.range_of is None for c in got)


@pytest.mark.parametrize(
    ("text", "qualifier", "value"),
    [
        ("No fewer than 1.8 million people were affected.", "at least", 1.8e6),
        ("Not less than 20 bodies were found.", "at least", 20),
        ("As many as 300 homes were destroyed.", "as many as", 300),
        ("Up to 10,000 are missing.", "up to", 10000),
        ("Nearly 900 people were rescued.", "nearly", 900),
    ],
)
def test_qualifiers_are_read_right(text: str, qualifier: str, value: float) -> None:
    (c,) = claims(text)
    assert (c.qualifier, c.value) == (qualifier, value)


def test_old_claim_json_still_loads() -> None:
    old = {
        "id": "a:0-3",
        "aid": "a",
        "sent_start": 0,
        "sent_end": 10,
        "char_start": 0,
        "char_end": 3,
        "text": "233",
        "value": 233,
    }
    c = Claim.model_validate(old)
    assert (c.measure, c.holder, c.place, c.status, c.range_of) == (None,) * 5


def test_people_on_board_survivors_and_the_part_of_a_whole() -> None:
    got = by_text(
        "A jet carrying 181 people crashed, killing 179 of the 181 people on board, with "
        "two crew members as the sole survivors."
    )
    assert got["181"].measure == "aboard"
    assert got["179"].measure == "killed"
    assert got["two"].measure == "survivors"
    got = by_text("The crash resulted in the deaths of 179 people.")
    assert got["179"].measure == "killed"


def test_a_number_is_never_a_speaker() -> None:
    (c,) = [c for c in claims("179 confirmed dead in the crash.") if c.value == 179]
    assert c.source is None
