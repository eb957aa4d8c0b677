"""The shared spaCy pipeline: parses are reused, and the memory of them is bounded."""

from __future__ import annotations

import pytest

from parallax.nlp import pipeline


def test_a_sentence_parsed_with_its_article_is_not_parsed_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Officials said 12 people died on Monday.\n\nRescuers said 40 homes were destroyed."
    sentences = pipeline.sentences_of(pipeline.parse_texts([text])[0])

    def no_model() -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(pipeline, "get_nlp", no_model)
    doc = pipeline.parse_sentence(sentences[1].text)
    assert [t.text for t in doc] == ["Rescuers", "said", "40", "homes", "were", "destroyed", "."]
    assert any(t.dep_ == "nsubj" for t in doc)


def test_an_unknown_sentence_is_parsed_anew() -> None:
    doc = pipeline.parse_sentence("A sentence nobody has parsed before appears here.")
    assert doc[0].text == "A"


def test_remembered_parses_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "MAX_REMEMBERED_SENTENCES", 2)
    pipeline.sentences_of(pipeline.parse_texts(["One cat sat. Two dogs ran. Three birds sang."])[0])
    assert len(pipeline._SENTENCES) <= 2
