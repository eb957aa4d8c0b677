"""The shared spaCy pipeline: an event's parses are reused, keyed by article and offset."""

from __future__ import annotations

import pytest

from parallax.nlp import pipeline


def _parsed(aid: str, text: str) -> tuple[pipeline.SentenceParser, list[pipeline.Sentence]]:
    paragraphs = pipeline.parse_texts([text])[0]
    parser = pipeline.SentenceParser()
    parser.add(aid, paragraphs)
    return parser, pipeline.paragraph_sentences(paragraphs)


def test_a_sentence_parsed_with_its_article_is_not_parsed_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Officials said 12 people died on Monday.\n\nRescuers said 40 homes were destroyed."
    parser, sentences = _parsed("a", text)

    def no_model() -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(pipeline, "get_nlp", no_model)
    second = sentences[1]
    doc = parser.sentence("a", second.start, second.text)
    assert [t.text for t in doc] == ["Rescuers", "said", "40", "homes", "were", "destroyed", "."]
    assert any(t.dep_ == "nsubj" for t in doc)
    assert parser.pipe([("a", second.start, second.text)])[0] is doc


def test_the_same_offset_of_another_article_or_text_is_parsed_anew() -> None:
    parser, sentences = _parsed("a", "Officials said 12 people died on Monday.")
    first = sentences[0]
    other = "A sentence nobody has parsed before appears here."
    assert parser.sentence("b", first.start, first.text) is not parser.sentence(
        "a", first.start, first.text
    )
    assert parser.sentence("a", first.start, other)[0].text == "A"


def test_parses_belong_to_one_parser_not_to_the_process() -> None:
    parser, sentences = _parsed("a", "One cat sat. Two dogs ran. Three birds sang.")
    fresh = pipeline.SentenceParser()
    s = sentences[1]
    mine, theirs = fresh.sentence("a", s.start, s.text), parser.sentence("a", s.start, s.text)
    assert mine is not theirs and mine.text.strip() == theirs.text.strip() == s.text
    assert not hasattr(pipeline, "_SENTENCES")
