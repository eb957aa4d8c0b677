"""One thing that some voices approve of and others condemn: "results from the States point
to a free, fair and credible process" against "the election is irretrievably
compromised"; "it's necessary to ensure the viability of the system" against "this
reform is unfair".

A judgement is a word of approval or of condemnation (``lexicon.stance``) used of a
thing, an act or a process; its side is the word's sign, turned over by a negation
("not fair") or a verb of lacking ("lacked transparency"). Only judgements someone
voices count (the sentence is attributed, or quotes): an outlet's own adjectives are
framing of another kind (``detectors.labels``). Judgements of one thing are those whose
sentences read alike (MiniLM cosine ``judgement_threshold``); when at least two voices
judge one thing and their judgements have opposite signs, the thing becomes a question
with two answer groups, approving and condemning: attribution when each side has its
own claimants, framing otherwise.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc, Token

from parallax.align.citing import statement_answer
from parallax.align.context import EventContext, Statement
from parallax.align.contrast import describe_groups, stated_by_claimants, statements_by_sentence
from parallax.align.grouping import MIN_VOICES, alike, enough_voices, first_per, members_of
from parallax.lexicon.speech import SPEECH_LEMMAS
from parallax.lexicon.stance import (
    APPROVING,
    CONDEMNING,
    JUDGEMENT_CUE,
    JUDGING_NOUNS,
    JUDGING_VERBS,
    LACK_VERBS,
)
from parallax.schema import QuestionAnswer, QuestionKind

_QUOTES = ('"', "“", "”")
_ARGUMENTS = ("nsubj", "nsubjpass", "dobj", "pobj", "attr")


@dataclass(frozen=True)
class Judgement:
    statement: Statement
    #: +1 approving, -1 condemning.
    sign: int
    #: The words that judge, as written ("free, fair", "compromised").
    words: str
    #: Nouns the sentence is about (subjects and objects), for the question.
    things: frozenset[str] = frozenset()


def _sign(tok: Token) -> int:
    """The sign of a judging word, turned over by "not" or "lacked"."""
    low = tok.lower_
    sign = 1 if low in APPROVING else -1 if low in CONDEMNING else 0
    adjective = tok.pos_ == "ADJ" or (tok.pos_ == "VERB" and tok.tag_ == "VBN")
    if not sign or not (adjective or low in JUDGING_NOUNS):
        return 0  # "a whizzing sound" judges nothing
    node = tok
    for _ in range(3):
        if any(c.dep_ == "neg" for c in node.children):
            sign = -sign
            break
        if node.lemma_.lower() in LACK_VERBS:
            sign = -sign
            break
        if node.head is node:
            break
        node = node.head
    return sign


def _judge(doc: Doc) -> tuple[int, str] | None:
    signs = [(t, _sign(t)) for t in doc]
    signs = [(t, s) for t, s in signs if s]
    total = sum(s for _, s in signs)
    if not total or any(s != np.sign(total) for _, s in signs):
        return None  # no judgement, or both ways in one sentence
    return int(np.sign(total)), ", ".join(t.text for t, _ in signs)


def read_judgements(ctx: EventContext) -> list[Judgement]:
    out = []
    for s, doc in statements_by_sentence(ctx, JUDGEMENT_CUE):
        voiced = any(t.lemma_.lower() in SPEECH_LEMMAS | JUDGING_VERBS for t in doc)
        if not (s.source or voiced or any(q in s.text for q in _QUOTES)):
            continue
        found = _judge(doc)
        if found is not None:
            things = frozenset(
                t.lemma_.lower() for t in doc if t.pos_ == "NOUN" and t.dep_ in _ARGUMENTS
            )
            out.append(Judgement(s, found[0], found[1], things))
    return out


class Judgements:
    """One thing that some voices approve of and others condemn."""

    name = "judgements"
    kinds: tuple[QuestionKind, ...] = ("attribution", "framing")

    def find(self, ctx: EventContext) -> list[QuestionAnswer]:
        found = read_judgements(ctx)
        if len({j.sign for j in found}) < 2:
            return []
        vecs = ctx.embed([j.statement.text for j in found])
        out = []
        for group in members_of(found, alike(vecs, ctx.params.judgement_threshold)):
            if enough_voices(group, lambda j: j.statement.voice, MIN_VOICES):
                qa = _question(ctx, group)
                if qa is not None:
                    out.append(qa)
        return out


def _question(ctx: EventContext, group: list[Judgement]) -> QuestionAnswer | None:
    sides = [
        first_per([j for j in group if j.sign == sign], lambda j: j.statement.text)
        for sign in (1, -1)
    ]
    if not all(sides) or len({j.statement.voice for side in sides for j in side}) < MIN_VOICES:
        return None
    statements = [[j.statement for j in side] for side in sides]
    attributed = stated_by_claimants(statements)
    said = describe_groups(ctx, [[(j.statement, j.words) for j in side] for side in sides])
    counts = Counter(w for side in sides for j in side for w in j.things)
    thing = next((w for w, n in counts.most_common() if n >= 2), None)
    return QuestionAnswer(
        question=f"How is the {thing} judged, and by whom?"
        if thing
        else "How is it judged, and by whom?",
        kind="attribution" if attributed else "framing",
        answer_groups=[[statement_answer(s) for s in side] for side in statements],
        explanation=(
            f"Some voices approve where others condemn ({said}); the outlets report "
            "judgements, not facts a reader can check."
        ),
    )
