"""Framing by label: the loaded words outlets use for the people in the story, and the
labels of one set (``lexicon.labels``) they choose for one referent.

One outlet's "militants" and another's "supermen" in quotation marks are the
same people framed in opposite ways; neither sentence shares a figure or a
claim with the other, so facts and topics never pair them. The report stage
already finds loaded terms (a lexicon, and scare quotes) per outlet
(``align.framing``); a loaded term that names people becomes one answer group
of a framing question, its answers the sentences that use it. Only person nouns
count: "so-called" or "weaponize" frame too, but not the people the question
asks about. Each label group keeps one sentence per outlet, the first, so that
an outlet that repeats a word does not outweigh the others.

Labels of one referent: an outlet that calls the story's armed men "terrorists" and one
that calls them "fighters", or the events a "mutiny" and a "march for justice", frame
one referent two ways, even where neither word is loaded on its own. For each set of
labels, a voice's labels are the classes of the set it uses (as nouns); when one voice
uses a class another never uses, and the other a class the first never uses, the set
becomes a framing question with one answer group per class, each answer the first
sentence a voice uses it in. A voice that uses both classes is on neither side: it
does not frame the referent one way.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from parallax.align.context import EventContext
from parallax.align.contrast import statements_by_sentence
from parallax.align.framing import build_framing, is_person_noun
from parallax.align.grouping import MIN_VOICES, first_per
from parallax.align.text import article_sentences
from parallax.lexicon.labels import LABEL_SETS, LabelSet
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
        return ([qa] if qa is not None else []) + label_set_questions(ctx)


_ALL_LABELS = sorted({w for ls in LABEL_SETS for c in ls.classes for w in c}, key=len)
_LABEL_CUE = re.compile(
    r"\b(?:"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in reversed(_ALL_LABELS))
    + r")\b",
    re.IGNORECASE,
)


def label_set_questions(ctx: EventContext) -> list[QuestionAnswer]:
    """A framing question for each set of labels two voices use different classes of."""
    uses: list[tuple[int, Use]] = []
    for s, doc in statements_by_sentence(ctx, _LABEL_CUE):
        nouns = {t.idx for t in doc if t.pos_ in ("NOUN", "PROPN")}
        names = frozenset(t.text for t in doc if t.pos_ == "PROPN")
        for m in _LABEL_CUE.finditer(doc.text):
            if not any(m.start() <= i < m.end() for i in nouns):
                continue  # "troops march": a verb, not a label
            label = " ".join(m.group(0).lower().split())
            for k, ls in enumerate(LABEL_SETS):
                for c, words in enumerate(ls.classes):
                    if label in words:
                        answer = Answer(
                            aid=s.aid, answer=s.text, char_start=s.start, char_end=s.end
                        )
                        uses.append((k, Use(c, answer, s.voice, label, names)))
    out = []
    for k, ls in enumerate(LABEL_SETS):
        qa = _set_question(ctx, ls, [u for kk, u in uses if kk == k])
        if qa is not None:
            out.append(qa)
    return out


@dataclass(frozen=True)
class Use:
    """One label an outlet uses: its class in the set, its sentence, the names around it."""

    cls: int
    answer: Answer
    voice: str
    label: str
    names: frozenset[str]


def _set_question(ctx: EventContext, ls: LabelSet, uses: list[Use]) -> QuestionAnswer | None:
    by_voice: dict[str, set[int]] = {}
    for u in uses:
        by_voice.setdefault(u.voice, set()).add(u.cls)
    # Voices that use one class only take a side; the classes that have such voices.
    sided = {v: next(iter(cs)) for v, cs in by_voice.items() if len(cs) == 1}
    classes = sorted(set(sided.values()))
    if len(classes) < 2 or len(sided) < MIN_VOICES:
        return None
    sides = {
        c: first_per([u for u in uses if sided.get(u.voice) == c], lambda u: u.voice)
        for c in classes
    }
    # One referent: the two sides name someone in common around their labels ("his
    # mercenaries" and "Wagner fighters" beside Prigozhin), so that soldiers searching
    # for a wreck and the martyrs it held are not set against each other.
    shared = [
        (a, b)
        for a, b in itertools.combinations(classes, 2)
        if any(x.names & y.names for x in sides[a] for y in sides[b])
    ]
    if not shared:
        return None
    classes = sorted({c for pair in shared for c in pair})
    groups: list[list[Answer]] = []
    said = []
    for c in classes:
        answers = [u.answer for u in sides[c]]
        words = [u.label for u in sides[c]]
        groups.append(answers)
        outlets = ", ".join(sorted({ctx.outlet(a.aid) for a in answers}))
        said.append(f"{outlets}: '{'/'.join(dict.fromkeys(words))}'")
    return QuestionAnswer(
        question=f"What do the outlets call {ls.referent}?",
        kind="framing",
        answer_groups=groups,
        explanation=(
            f"The outlets label {ls.referent} with words that frame it differently "
            f"({'; '.join(said)}); the choice of word, not a fact, sets them apart."
        ),
    )


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
