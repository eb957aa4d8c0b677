"""One happening that some outlets give as likely and others as confirmed: "were
probably killed instantly in a catastrophic implosion" against "the Coast Guard has
confirmed that the missing submersible has imploded".

How sure a report is of what happened is a framing of its own: an outlet that writes
"presumed dead", "appears to have", "reportedly" or "has not confirmed" tells the
reader something different from one that writes "confirmed", even when both name the
same happening. A statement's certainty is read from the parse (``lexicon.stance``):
a hedging adverb on its verb ("probably", "reportedly"), a hedging verb over it ("is
believed to", "appears to have been", "is feared dead"), a modal of the past ("may
have imploded"), a confirmation negated ("has not confirmed") on one side; a verb or
adverb of confirmation ("has confirmed that", "officially") on the other.

Hedged and confirmed statements of one happening are those whose sentences read alike
(MiniLM cosine ``certainty_threshold``) and whose hedged or confirmed clauses share a
word that is not the story's own (``contrast.event_words``: every statement about the
Titan names the submersible; "imploded" / "implosion" is the happening). When at least
two voices speak of one happening and it is hedged in some and confirmed in others,
it becomes a framing question with two answer groups: as likely, as confirmed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc, Token

from parallax.align.citing import statement_answer
from parallax.align.cluster import agglomerate
from parallax.align.context import EventContext, Statement
from parallax.align.contrast import describe_groups, event_words, statements_by_sentence, stem
from parallax.align.grouping import MIN_VOICES, enough_voices, first_per
from parallax.lexicon.speech import SPEECH_LEMMAS
from parallax.lexicon.stance import (
    CERTAINTY_CUE,
    CONFIRM_ADVERBS,
    CONFIRM_VERBS,
    HEDGE_ADVERBS,
    HEDGE_MODALS,
    HEDGE_VERBS,
    WORD_FAMILIES,
)
from parallax.schema import QuestionAnswer, QuestionKind

HEDGED = "likely"
CONFIRMED = "confirmed"
_MAX_CLAUSE_WORDS = 14
_CONTENT = ("NOUN", "PROPN", "VERB", "ADJ")
_COMPLEMENTS = ("xcomp", "ccomp", "oprd", "acomp", "dobj", "attr")


@dataclass(frozen=True)
class Certainty:
    statement: Statement
    #: ``HEDGED`` or ``CONFIRMED``.
    status: str
    #: The cue as written ("probably", "has confirmed").
    cue: str
    #: Stems of the content words of the clause the cue scopes over.
    stems: frozenset[str]
    #: That clause as written ("that the submersible Titan imploded").
    clause: str


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _complement(verb: Token) -> Token:
    """The clause a verb of hedging or confirming is about: "confirmed [that it imploded]",
    "is feared [dead]", "appears [to have been an implosion]"; the verb itself otherwise."""
    return next((c for c in verb.children if c.dep_ in _COMPLEMENTS), verb)


def _scope(doc: Doc) -> tuple[str, str, Token] | None:
    """(status, cue, scoped token) of the first hedge or confirmation of the sentence."""
    for tok in doc:
        lemma = tok.lemma_.lower()
        low = tok.lower_
        if low in HEDGE_ADVERBS and tok.dep_ == "advmod":
            return HEDGED, tok.text, tok.head
        if low == "likely" and tok.dep_ in ("acomp", "amod") and tok.head.pos_ in ("AUX", "VERB"):
            return HEDGED, tok.text, tok.head
        if tok.pos_ == "VERB" and lemma in HEDGE_VERBS:
            passive = any(c.dep_ == "auxpass" for c in tok.children)
            # "is believed to have died", "appears to have been"; not "the minister believes
            # the plan is right" (an opinion, held by someone).
            if (
                passive
                or lemma in ("appear", "seem")
                or (lemma == "suggest" and tok.dep_ != "ROOT")
            ):
                return HEDGED, tok.text, _complement(tok)
        if low in HEDGE_MODALS and tok.dep_ == "aux":
            verb = tok.head
            if any(c.lower_ == "have" and c.dep_ == "aux" for c in verb.children):
                return HEDGED, f"{tok.text} have", verb
        if tok.pos_ == "VERB" and lemma in CONFIRM_VERBS:
            if _negated(tok):
                return HEDGED, f"not {tok.text}", _complement(tok)
            return CONFIRMED, tok.text, _complement(tok)
        if low in CONFIRM_ADVERBS and tok.dep_ == "advmod":
            return CONFIRMED, tok.text, tok.head
        if low == "unconfirmed":
            return HEDGED, tok.text, tok.head
    return None


def read_certainty(ctx: EventContext) -> list[Certainty]:
    out: list[Certainty] = []
    story = {stem(w) for w in event_words(ctx)}
    for s, doc in statements_by_sentence(ctx, CERTAINTY_CUE):
        found = _scope(doc)
        if found is None:
            continue
        status, cue, scoped = found
        words = {
            stem(WORD_FAMILIES.get(t.lemma_.lower(), t.lemma_.lower()))
            for t in scoped.subtree
            if t.pos_ in _CONTENT
            and not t.like_num
            and t.lemma_.lower() not in SPEECH_LEMMAS
            and t.lower_ not in HEDGE_ADVERBS
            and t.lemma_.lower() not in HEDGE_VERBS | CONFIRM_VERBS
        }
        words -= story
        if words:
            clause = doc[scoped.left_edge.i : scoped.right_edge.i + 1].text
            out.append(Certainty(s, status, cue, frozenset(words), clause))
    return out


class CertaintyDetector:
    """One happening given as likely by some voices and as confirmed by others."""

    name = "certainty"
    kinds: tuple[QuestionKind, ...] = ("framing",)

    def find(self, ctx: EventContext) -> list[QuestionAnswer]:
        found = read_certainty(ctx)
        if len({c.status for c in found}) < 2:
            return []
        vecs = ctx.embed([c.statement.text for c in found])
        sim = (vecs @ vecs.T).astype(np.float64)
        n = len(found)
        for i in range(n):
            for j in range(n):
                if i != j and not found[i].stems & found[j].stems:
                    sim[i, j] = 0.0
        out = []
        for members in agglomerate(sim, ctx.params.certainty_threshold):
            group = [found[i] for i in members]
            if not enough_voices(group, lambda c: c.statement.voice, MIN_VOICES):
                continue
            qa = _question(ctx, group)
            if qa is not None:
                out.append(qa)
        return out


def _question(ctx: EventContext, group: list[Certainty]) -> QuestionAnswer | None:
    sides = [
        first_per([c for c in group if c.status == status], lambda c: c.statement.voice)
        for status in (HEDGED, CONFIRMED)
    ]
    if not all(sides) or len({c.statement.voice for side in sides for c in side}) < MIN_VOICES:
        return None
    said = describe_groups(ctx, [[(c.statement, c.cue) for c in side] for side in sides])
    clause = min((c.clause.split(",")[0] for c in sides[1]), key=len).strip(" ,.")
    clause = clause if clause.lower().startswith("that ") else f"that {clause}"
    question = (
        f"Is it confirmed {clause}, or only likely?"
        if len(clause.split()) <= _MAX_CLAUSE_WORDS
        else "Do the outlets report this as likely or as confirmed?"
    )
    return QuestionAnswer(
        question=question,
        kind="framing",
        answer_groups=[[statement_answer(c.statement) for c in side] for side in sides],
        explanation=(
            f"Some outlets hedge what others give as confirmed ({said}). Reports written "
            "at different times may differ for that reason alone; check which is the latest."
        ),
    )
