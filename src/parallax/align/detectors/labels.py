"""Framing by label: the loaded words outlets use for the people in the story.

One outlet's "militants" and another's "supermen" in quotation marks are the
same people framed in opposite ways; neither sentence shares a figure or a
claim with the other, so facts and topics never pair them. The report stage
already finds loaded terms (a lexicon, and scare quotes) per outlet
(``align.framing``); a loaded term that names people becomes one answer group
of a framing question, its answers the sentences that use it. Only person nouns
count: "so-called" or "weaponize" frame too, but not the people the question
asks about. Each label group keeps one sentence per outlet, the first, so that
an outlet that repeats a word does not outweigh the others.
"""

from __future__ import annotations

from parallax.align.context import EventContext
from parallax.align.framing import build_framing, is_person_noun
from parallax.align.grouping import MIN_VOICES
from parallax.align.text import article_sentences
from parallax.models import Article
from parallax.schema import (
    Answer,
    Framing,
    QuestionAnswer,
    QuestionKind,
    Report,
    ReportArticle,
)


def _sentence_at(article: Article, pos: int) -> tuple[int, int] | None:
    for s in article_sentences(article):
        if s.start <= pos < s.end:
            return s.start, s.end
    return None


class Labels:
    """Loaded words for the people in the story, one answer group per label."""

    name = "labels"
    kinds: tuple[QuestionKind, ...] = ("framing",)

    def find(self, ctx: EventContext) -> list[QuestionAnswer]:
        # The framing of the outlets is read off the report built so far.
        report = Report(
            eid="",
            articles=[ReportArticle.of(a) for a in ctx.articles],
            claims=[c for a in ctx.articles for c in a.claims],
            question_answers=list(ctx.found),
        )
        ctx.framing = build_framing(report)
        qa = label_question(ctx.framing, ctx)
        return [qa] if qa is not None else []


def label_question(framing: Framing, ctx: EventContext) -> QuestionAnswer | None:
    """A framing question with one answer group per loaded person label, or None."""
    articles, voices = ctx.articles, ctx.voices
    by_aid = {a.aid: a for a in articles}
    groups: dict[str, list[Answer]] = {}
    label_voices: dict[str, str] = {}
    for outlet in framing.outlets:
        for term in outlet.loaded:
            word = term.term.strip()
            if " " in word or not is_person_noun(word):
                continue
            for cite in term.citations[:1]:
                art = by_aid.get(cite.aid)
                span = _sentence_at(art, cite.char_start) if art else None
                if art is None or span is None:
                    continue
                key = word.lower()
                if key in groups and any(a.aid == cite.aid for a in groups[key]):
                    continue
                groups.setdefault(key, []).append(
                    Answer(
                        aid=art.aid,
                        answer=art.text[span[0] : span[1]],
                        char_start=span[0],
                        char_end=span[1],
                    )
                )
                label_voices.setdefault(key, voices.get(art.aid, art.aid))
    # Labels that several voices share are the story's common words, not a framing.
    distinct = {k: g for k, g in groups.items() if len({voices.get(a.aid, a.aid) for a in g}) == 1}
    if len(distinct) < 2 or len(set(label_voices[k] for k in distinct)) < MIN_VOICES:
        return None
    outlets = {a.aid: (by_aid[a.aid].outlet or a.aid) for g in distinct.values() for a in g}
    words = "; ".join(
        f"{', '.join(sorted({outlets[a.aid] for a in g}))}: '{k}'" for k, g in distinct.items()
    )
    return QuestionAnswer(
        question="What loaded words do the outlets use for the people in the story?",
        kind="framing",
        answer_groups=list(distinct.values()),
        explanation=(
            f"The outlets label the people with loaded words of their own ({words}); "
            "the words frame the same people differently rather than report different facts."
        ),
    )
