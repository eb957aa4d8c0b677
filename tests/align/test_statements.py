"""Non-numeric alignment: topics across outlets and what only one outlet says."""

from __future__ import annotations

from parallax.align.detectors.topics import find_topics
from parallax.align.detectors.unique import unique_statements
from parallax.align.text import guess_source
from parallax.models import Article
from tests.align.helpers import article, context

PLANT = (
    "The Azovstal steel plant in the port city of Mariupol was the last stronghold of "
    "Ukrainian forces in the city."
)


def _articles() -> list[Article]:
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
    topics = find_topics(context(arts))
    plant = [t for t in topics if any("stronghold" in s.text for s in t.statements)]
    assert plant, "the two descriptions of the plant should form one topic"
    for t in topics:
        voice_list = [s.voice for s in t.statements]
        for v in set(voice_list):
            sources = [s.source for s in t.statements if s.voice == v]
            if len(sources) > 1:
                assert all(sources) and len(set(sources)) == len(sources), "one voice, one claimant"
        assert len(set(voice_list)) >= 2


def test_one_article_quoting_both_sides_gives_two_answers() -> None:
    arts = [
        article(
            "a",
            "Ukraine has said it will seek prisoner exchanges for the fighters who surrendered "
            "at the Azovstal plant. The weather in Mariupol was mild.",
        ),
        article(
            "b",
            "Ukrainian officials said they hope to get the fighters who surrendered at Azovstal "
            "back in a prisoner swap. Residents cleared rubble in the city centre.\n\n"
            "The Kremlin said the fighters who surrendered at Azovstal would be treated in line "
            "with international norms.",
        ),
    ]
    topics = find_topics(context(arts))
    fate = [t for t in topics if any("Kremlin" in s.text for s in t.statements)]
    assert fate, "the Kremlin's answer should join the prisoner-swap topic"
    assert {s.aid for s in fate[0].statements} == {"a", "b"}
    assert len(fate[0].groups) >= 2


def test_unique_statement_is_found_and_shared_ones_are_not() -> None:
    arts = _articles()
    found = unique_statements(context(arts))
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


def test_guessed_source_starts_at_a_word_and_drops_the_opener() -> None:
    assert guess_source("Ukrainian officials said they hope for a swap.") == "Ukrainian officials"
    assert guess_source("While Ukraine said it hopes for a swap, Russia refused.") == "Ukraine"
    # Every verb that makes a sentence attributed must also let its speaker be found.
    assert guess_source("They await an order from Kiev, the ministry insisted.") == "the ministry"
    # A possessive owner stays whole: not "s defense ministry".
    assert guess_source("Russia’s defense ministry said they surrendered.") == (
        "Russia’s defense ministry"
    )


def test_a_topic_named_from_shared_words_never_names_a_date_or_nothing() -> None:
    from parallax.align.context import Statement
    from parallax.align.detectors.topics import _question

    def stmt(aid: str, text: str) -> Statement:
        return Statement(
            aid=aid, voice=aid, outlet=aid, start=0, end=len(text), text=text, source=None
        )

    ctx = context([article("a", "Today, Thursday."), article("b", "Yesterday, Thursday.")])
    dated = _question(ctx, [stmt("a", "Today, Thursday."), stmt("b", "Yesterday, Thursday.")])
    assert dated.strip().endswith("?") and "about ?" not in dated
    assert "thursday" not in dated.casefold()
