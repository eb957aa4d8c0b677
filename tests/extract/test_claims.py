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
    extract_event([a, b])
    assert a.claims[0].source == b.claims[0].source


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
