"""Behaviour of the extractor on literal articles and the offset contract on real data."""

from __future__ import annotations

import datetime as dt

from parallax.extract.claims import extract_article, extract_event
from parallax.models import Article
from parallax.nlp.pipeline import split_paragraphs
from tests.extract.conftest import needs_shared


def make(text: str, published: dt.date | None = None, aid: str = "t") -> Article:
    return Article(
        aid=aid,
        text=text,
        origin="test",
        published=published,
        published_basis="metadata" if published else None,
    )


def test_paragraph_offsets_point_into_the_text() -> None:
    text = "  First para.\n\nPhoto: AP\n \nThird one here.\n"
    for off, para in split_paragraphs(text):
        assert text[off : off + len(para)] == para
    assert [p for _, p in split_paragraphs(text)] == ["First para.", "Photo: AP", "Third one here."]


def test_claim_fields_from_the_parse() -> None:
    art = extract_article(
        make(
            "The Russian Defense Ministry said today, Thursday, that 1,730 Ukrainian soldiers "
            "have surrendered since last Monday in the Azovstal plant in Mariupol.",
            dt.date(2022, 5, 19),
        )
    )
    (c,) = art.claims
    assert art.text[c.char_start : c.char_end] == c.text == "1,730"
    assert c.counted == "Ukrainian soldiers"
    assert c.predicate is not None and "surrendered" in c.predicate
    assert c.source == "The Russian Defense Ministry"
    assert c.source_span is not None
    assert art.text[c.source_span[0] : c.source_span[1]] == c.source
    assert "Mariupol" in c.context
    assert c.as_of == dt.date(2022, 5, 19)


def test_pronoun_and_quote_attribution_carry_over() -> None:
    text = (
        "Russia's Defence Minister, Sergei Shoigu said:\n\n"
        "\u201cThe blocking continues. At the moment, 1,908 people laid down their arms.\u201d\n\n"
        "He added that 177 civilians had been evacuated.\n\n"
        "The International Criminal Court has sent 42 investigators."
    )
    art = extract_article(make(text, dt.date(2022, 5, 20)))
    by_value = {c.value: c for c in art.claims}
    assert by_value[1908].source is not None and "Shoigu" in by_value[1908].source
    assert by_value[177].source is not None and "Shoigu" in by_value[177].source
    assert by_value[42].source is None


def test_according_to_and_qualifiers() -> None:
    art = extract_article(
        make(
            "According to Maria Zakharova, at least 959 soldiers were shipped off to Olenivka.",
            dt.date(2022, 5, 19),
        )
    )
    (c,) = art.claims
    assert c.qualifier == "at least" and c.value == 959
    assert c.source == "Maria Zakharova"
    assert c.predicate is not None and "shipped off to Olenivka" in c.predicate


def test_years_ages_and_times_are_not_claims() -> None:
    art = extract_article(
        make(
            '"They achieved the impossible," said Andre, 37. Moscow annexed Crimea in 2014. '
            "They may leave from 14: 00 Moscow time on Wednesday. 2,000 people were evacuated.",
        )
    )
    assert [c.text for c in art.claims] == ["2,000"]


def test_event_normalises_speakers_across_articles() -> None:
    a = make("Russian Defence Minister Sergei Shoigu said 1,908 soldiers surrendered.", aid="a")
    b = make("Shoigu said 177 civilians were evacuated.", aid="b")
    a, b = extract_event([a, b])
    assert a.claims[0].source == b.claims[0].source


def test_extraction_fills_copies_and_leaves_the_callers_articles_alone() -> None:
    given = make("Shoigu said 177 civilians were evacuated.", aid="b")
    (done,) = extract_event([given])
    assert done.claims and done.sentences
    assert given.claims == [] and given.sentences == []


@needs_shared
def test_offsets_hold_on_all_real_articles(
    seed_articles: list[Article], dev_events: dict[str, list[Article]]
) -> None:
    arts = seed_articles + [a for v in dev_events.values() for a in v]
    n = 0
    for a in arts:
        for s in a.sentences:
            assert a.text[s.start : s.end] == s.text
        for c in a.claims:
            n += 1
            assert a.text[c.char_start : c.char_end] == c.text
            assert c.sent_start <= c.char_start and c.char_end <= c.sent_end
            if c.source_span:
                assert a.text[c.source_span[0] : c.source_span[1]].strip()
    assert n > 300


def _sources(text: str) -> dict[float | None, str | None]:
    art = extract_article(make(text, dt.date(2023, 2, 3)))
    return {c.value: c.source for c in art.claims}


def test_publisher_of_data_is_the_source() -> None:
    got = _sources(
        "Analysts had estimated just $12.5 billion, according to data compiled by Bloomberg. "
        "The US economy added 517,000 jobs in January, according to new data released "
        "Friday by the Bureau of Labor Statistics."
    )
    assert got[12.5e9] == "Bloomberg"
    assert got[517000] is not None and "Bureau of Labor Statistics" in got[517000]


def test_a_forecast_belongs_to_its_owner_not_the_reporter() -> None:
    got = _sources(
        "Nvidia reported revenue of $13.51 billion, beating Refinitiv's forecast of $11.22 billion."
    )
    assert got[13.51e9] == "Nvidia"
    assert got[11.22e9] == "Refinitiv"


def test_generic_company_noun_resolves_to_the_named_organisation() -> None:
    got = _sources(
        "Nvidia said on Wednesday that demand for its chips was soaring.\n\n"
        "The company generated revenue of $13.51 billion."
    )
    assert got[13.51e9] == "Nvidia"


def test_speaker_carries_within_a_paragraph_but_not_across() -> None:
    got = _sources(
        "At least 275 people were killed in the crash. The toll was revised down from 288 "
        "after some bodies were counted twice, said chief secretary Pradeep Jena.\n\n"
        "Some 40 trains were cancelled."
    )
    assert got[275] is not None and "Pradeep Jena" in got[275]
    assert got[40] is None


def test_labels_relative_pronouns_and_data_providers() -> None:
    got = _sources(
        "Odisha Train Accident: Chief Secretary PK Jena said the death count stands at 233."
    )
    assert got[233] is not None and "Jena" in got[233]
    got = _sources(
        "The Railway Board said only one train met with an accident that claimed the lives "
        "of 275 passengers."
    )
    assert got[275] == "The Railway Board"
    got = _sources(
        "The combined death toll from figures provided by the White Helmets equals about 1,930."
    )
    assert got[1930] is not None and "White Helmets" in got[1930]


def test_owner_of_the_data_speaks_for_it() -> None:
    assert _sources("Nielsen's figures show 113 million people watched.")[113e6] == "Nielsen"
    got = _sources("Data released by the Labor Department showed payrolls rose 517,000.")
    assert got[517000] == "the Labor Department"


def test_figures_owned_by_the_subject_organisation() -> None:
    got = _sources("Earnings per share for Nvidia reached $2.70, compared to an estimated $2.09.")
    assert got[2.7] == "Nvidia"
    assert got[2.09] is None


def test_dateline_wire_credit_is_not_a_source() -> None:
    # The gold credits a wire only when the text attributes to it ("per the AP").
    assert _sources("WASHINGTON (AP) — The economy added 517,000 jobs in January.") == {
        517000: None
    }
    got = _sources("(Newser) – America's employers added 517,000 jobs in January, per the AP.")
    assert got[517000] == "the AP"


def test_that_day_takes_the_day_of_the_sentence_before() -> None:
    art = extract_article(
        make(
            "The first protests were held on January 31. That day, the ministry counted "
            "1.27 million demonstrators.",
            dt.date(2023, 3, 7),
        )
    )
    (c,) = art.claims
    assert c.as_of == dt.date(2023, 1, 31), c.as_of_basis


def test_undated_article_borrows_only_the_year_of_its_siblings() -> None:
    dated = make("Employers added 517,000 jobs in January, the BLS said.", dt.date(2023, 2, 3))
    undated = make("Payrolls rose by 517,000 in January. Another 20 jobs went.", aid="u")
    dated, undated = extract_event([dated, undated])
    by = {c.value: c for c in undated.claims}
    assert by[517000].as_of == dt.date(2023, 1, 31)
    assert by[20].as_of is None


def test_possessive_parsed_as_modifier_still_owns_the_forecast() -> None:
    got = _sources(
        "Nvidia reported earnings of $2.70, beating the Refinitiv’s expectation of $2.09."
    )
    assert got[2.09] == "Refinitiv"


def test_adjectives_used_as_nouns_are_what_a_toll_counts() -> None:
    art = extract_article(
        make("The officials said 1,200 soldiers, including 600 wounded, were in the plant.")
    )
    by_value = {c.value: c for c in art.claims}
    assert by_value[600].counted == "wounded"
    assert by_value[1200].counted == "soldiers"


def test_a_day_is_never_a_source() -> None:
    got = _sources("At least 5,300 people have died, according to Monday's figures.")
    assert got[5300] != "Monday"
    assert _sources("According to Monday, 200 people died.") == {200: None}
    got = _sources("According to Monday's update from the Red Crescent, 11,300 people died.")
    assert got[11300] == "the Red Crescent"


def test_a_document_speaks_for_its_publisher_or_for_no_one() -> None:
    got = _sources(
        "The Libyan Red Crescent said on Tuesday it had recovered more bodies. "
        "According to the update, 11,300 people died."
    )
    assert got[11300] == "The Libyan Red Crescent"
    # With no organisation before it, the document is what the text credits.
    assert _sources("According to the update, 11,300 people died.") == {11300: "the update"}
    got = _sources("The death toll rose to 2,000, according to a statement from the ministry.")
    assert got[2000] == "the ministry"
    got = _sources("The toll reached 5,000, according to Libya's health ministry's update.")
    assert got[5000] == "Libya's health ministry"


def test_capitalised_words_of_a_bodys_own_name_keep_it() -> None:
    got = _sources("The toll stands at 3,553, according to the White Helmets civil defense group.")
    assert got[3553] is not None and "White Helmets" in got[3553]


def test_he_with_no_person_speaker_is_the_last_person_named() -> None:
    got = _sources(
        "Powell made no promises on Wednesday.\n\n"
        '"75 basis points seemed like the right thing to do," he said.'
    )
    assert got[0.75] == "Powell"


def test_a_spelled_out_speaker_is_written_with_the_acronym_the_event_uses() -> None:
    one = make(
        "Temperatures were 2.12 degrees above average, as stated by the National Oceanic and "
        "Atmospheric Administration.",
        dt.date(2024, 1, 12),
        aid="a",
    )
    two = make("NOAA data show a record.", dt.date(2024, 1, 12), aid="b")
    one, two = extract_event([one, two])
    (c,) = one.claims
    assert c.source == "the National Oceanic and Atmospheric Administration (NOAA)"
    assert c.source_span is not None
    assert one.text[c.source_span[0] : c.source_span[1]].endswith("Administration")


def test_a_long_title_after_the_name_does_not_lose_the_speaker() -> None:
    got = _sources(
        "Addressing a press conference, Jaya Varma Sinha, Member of Operation and Business "
        'Development, Railway Board said, "There has been some issue with the signalling. '
        'The train was at a speed of around 128 km/h."'
    )
    assert got[128] is not None
    # A passive "is forecast" has its subject; no person is borrowed for it.
    got = _sources(
        "Carla Denyer won for the Green Party, and the SNP's representation is forecast to "
        "drop from 43 seats to just six."
    )
    assert got[6] is None
