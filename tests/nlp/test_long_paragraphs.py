"""A paragraph over spaCy's 1,000,000-character limit is parsed in pieces, not a crash.

On the old main one 5 MB line stopped extraction with spaCy's E088 and no report
was written for any article of the batch.
"""

from __future__ import annotations

from parallax.nlp.pipeline import MAX_PIECE_CHARS, parse_texts, split_paragraphs
from parallax.pipeline import analyze

GIANT = ("x" * 999 + " ") * 1001 + "Officials said 12 people were hurt."
OTHER = "Rescuers said 15 people were hurt in the storm on Monday."


def test_split_keeps_offsets_and_stays_under_the_limit() -> None:
    text = f"Storm hits coast\n\n{GIANT}\n\nThe end."
    assert len(GIANT) > 1_000_000
    pieces = split_paragraphs(text)
    assert all(len(p) <= MAX_PIECE_CHARS for _, p in pieces)
    for offset, piece in pieces:
        assert text[offset : offset + len(piece)] == piece
    assert "".join(p for _, p in pieces).replace(" ", "") == text.replace("\n", "").replace(" ", "")


def test_pieces_are_cut_after_a_sentence_when_there_is_one() -> None:
    sentence = "The river rose by two metres overnight. "
    text = sentence * (MAX_PIECE_CHARS // len(sentence) + 10)
    for _, piece in split_paragraphs(text):
        assert piece.endswith(".")


def test_a_paragraph_over_the_parser_limit_is_parsed() -> None:
    (paras,) = parse_texts([GIANT])
    assert len(paras) > 20
    assert paras[-1].doc.text.endswith("hurt.")


def test_the_batch_with_a_giant_paragraph_gets_its_report() -> None:
    result = analyze([f"Storm report\n\n{GIANT}", OTHER])
    assert result.errors == []
    assert len(result.report.articles) == 2
    values = {c.value for c in result.report.claims}
    assert {12, 15} <= values
