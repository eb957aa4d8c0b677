"""Unique coverage in words: what one outlet reports that no other outlet comes near.

Singleton numeric facts are found by the fact grouping; this module covers the
statements without a figure ("Tinubu will take over on May 29", "the review
revealed irregularities in the encoding"). A sentence is unique when no
sentence of any other voice is close to it in embedding space. Only sentences
that carry checkable content (a name, a date or number, or an attribution)
are kept, and at most a few per article, most distinctive first, so that the
report lists what a reader would miss rather than every sentence of a long
article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from parallax.align.citing import statement_answer
from parallax.align.context import EventContext, Statement
from parallax.align.neighbours import nearest_other
from parallax.align.questions import topic_phrase
from parallax.align.text import MAX_ANSWER_CHARS, is_attributed
from parallax.lexicon.calendar import CAPITALISED_DATE_WORDS_RE
from parallax.schema import QuestionAnswer, QuestionKind

#: Unique sentences kept per article, most distinctive first. (How far a sentence must
#: be from every other voice's is ``AlignParams.unique_max_sim``: MiniLM puts
#: paraphrases of one news fact at 0.6-0.8 and sentences of one event on different
#: points at 0.3-0.5.)
PER_ARTICLE = 3
MIN_WORDS = 8

_CHECKABLE = re.compile(rf"\d|{CAPITALISED_DATE_WORDS_RE}")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+")


@dataclass(frozen=True)
class UniqueStatement:
    statement: Statement
    #: Cosine to the closest sentence of another voice.
    nearest: float
    #: What the sentence is about, a noun phrase of its own; None when it has none.
    topic: str | None

    @property
    def question(self) -> str:
        outlet = self.statement.outlet
        if self.topic is None:
            # A word list ("much, learn, reflect") names nothing; say less.
            return f"What else does only {outlet} report?"
        return f"What does only {outlet} report about {self.topic}?"


def _checkable(text: str) -> bool:
    return bool(_CHECKABLE.search(text) or _NAME.search(text) or is_attributed(text))


def unique_statements(ctx: EventContext) -> list[UniqueStatement]:
    """Sentences only one voice has, at most ``PER_ARTICLE`` per article; sentences a
    numeric fact already cites (``ctx.used_sentences``) are not offered again."""
    stmts = ctx.statements
    if len({s.voice for s in stmts}) < 2:
        return []
    vecs = ctx.embed([s.text for s in stmts])
    nearest = nearest_other(vecs, np.array([s.voice for s in stmts]))
    by_article: dict[str, list[UniqueStatement]] = {}
    for k, s in enumerate(stmts):
        if (s.aid, s.start) in ctx.used_sentences or nearest[k] >= ctx.params.unique_max_sim:
            continue
        if len(s.text.split()) < MIN_WORDS or len(s.text) > MAX_ANSWER_CHARS:
            continue
        if not _checkable(s.text):
            continue
        topic = topic_phrase([ctx.parser.sentence(s.aid, s.start, s.text)])
        by_article.setdefault(s.aid, []).append(UniqueStatement(s, float(nearest[k]), topic))
    out: list[UniqueStatement] = []
    for items in by_article.values():
        items.sort(key=lambda u: u.nearest)
        out.extend(items[:PER_ARTICLE])
    return out


class UniqueStatements:
    """What only one voice says in words: no other voice's sentence comes near."""

    name = "unique"
    kinds: tuple[QuestionKind, ...] = ("unique_coverage",)

    def find(self, ctx: EventContext) -> list[QuestionAnswer]:
        out = []
        for u in unique_statements(ctx):
            s = u.statement
            out.append(
                QuestionAnswer(
                    question=u.question,
                    kind="unique_coverage",
                    answer_groups=[[statement_answer(s)]],
                    explanation=(
                        f"Only {s.outlet} reports this; the closest sentence in any other "
                        f"outlet has a similarity of {u.nearest:.2f}, too low to be the same "
                        "statement."
                    ),
                )
            )
        return out
