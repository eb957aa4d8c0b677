"""Non-numeric alignment: topics across outlets and what only one outlet says."""

from __future__ import annotations

from parallax.align.coverage import unique_statements
from parallax.align.discord import find_topics
from parallax.align.embed import embed
from parallax.align.facts import voice_map
from parallax.align.memo import MemoEmbedder
from tests.align.helpers import article

PLANT = (
    "The Azovstal steel plant in the port city of Mariupol was the last stronghold of "
    "Ukrainian forces in the city."
)


def _articles() -> list:
    return [
        article(
            "a",
            f"{PLANT} Ukraine has said it will seek prisoner exchanges for the fighters who "
            "surrendered at the plant. The International Criminal Court sent 42 investigators "
            "to Ukraine on Tuesday, its largest field mission ever.",
        ),
        article(
            "b",
            "The besieged Azovstal steel works in Mariupol were the final stronghold of the "
            "Ukrainian defenders in the city. Russian authorities have threatened to put some "
            "of the fighters who surrendered on trial for war crimes.",
        ),
        article("c", f"{PLANT} Residents of Kyiv saluted the defenders.", duplicate_of="a"),
    ]


def test_topics_join_paraphrases_of_different_outlets_only() -> None:
    arts = _articles()
    voices = voice_map(arts)
    topics = find_topics(arts, voices, MemoEmbedder(embed))
    plant = [t for t in topics if any("stronghold" in s.text for s in t.statements)]
    assert plant, "the two descriptions of the plant should form one topic"
    for t in topics:
        voice_list = [s.voice for s in t.statements]
        assert len(voice_list) == len(set(voice_list)), "one voice gave two answers"
        assert len(set(voice_list)) >= 2


def test_unique_statement_is_found_and_shared_ones_are_not() -> None:
    arts = _articles()
    voices = voice_map(arts)
    found = unique_statements(arts, voices, MemoEmbedder(embed))
    texts = [u.statement.text for u in found]
    assert any("42 investigators" in t for t in texts)
    assert not any("stronghold" in t for t in texts)
    for u in found:
        assert (
            u.statement.text
            == arts[[a.aid for a in arts].index(u.statement.aid)].text[
                u.statement.start : u.statement.end
            ]
        )
