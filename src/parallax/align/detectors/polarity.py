"""Statements of one happening that contradict each other: one outlet negates what another
affirms ("The goods train did not get derailed" / "17 coaches of the Coromandel Express
and the Howrah Express derailed"), or one reports a concession where another reports a
rejection ("Erdogan has acknowledged that there were some issues" / "he appeared to push
back against criticism").

Without an entailment model, a contradiction is read where the language marks it: the
same verb (lemma) negated in one voice and affirmed in another, or a verb of conceding
in one voice and a verb of rejecting in another (``lexicon.stance``). Verbs of saying,
knowing and the auxiliaries are left out ("did not say" contradicts nothing). Two such
statements are about one thing when their sentences read alike (MiniLM cosine
``polarity_threshold``); each pair of sides that at least two voices give becomes a
question with one answer group per side.

Cost: only sentences with a negation or a verb of conceding or rejecting are parsed
first; affirmations are then looked for among the sentences that contain a negated
verb's stem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc, Token

from parallax.align.citing import statement_answer
from parallax.align.context import EventContext, Statement
from parallax.align.contrast import describe_groups, noun_phrase, statements_by_sentence, stem
from parallax.align.grouping import MIN_VOICES, alike, enough_voices, first_per, members_of
from parallax.lexicon.speech import SPEECH_LEMMAS
from parallax.lexicon.stance import (
    CONCEDE_VERBS,
    NEGATING_WORDS,
    NEUTRAL_VERBS,
    POLARITY_CUE,
    REJECT_PARTICLES,
    REJECT_VERBS,
)
from parallax.schema import QuestionAnswer, QuestionKind

NEGATED = "no"
AFFIRMED = "yes"
CONCEDED = "conceded"
REJECTED = "rejected"


@dataclass(frozen=True)
class Polar:
    statement: Statement
    #: The verb (lemma) whose polarity is read, or "concede" for a concession or rejection.
    verb: str
    #: ``NEGATED`` / ``AFFIRMED``, or ``CONCEDED`` / ``REJECTED``.
    side: str
    #: The words that carry it ("did not get derailed", "pushed back").
    cue: str
    #: The subject, for the question ("the goods train", "Erdogan").
    subject: str
    #: Lemmas of the subject's and the object's heads, to tell two things apart ("identify
    #: him" is not "identify a motive"); a pronoun matches anything.
    subject_head: str = ""
    object_head: str = ""
    #: Stems of what a concession or rejection is about (the verb's words but its
    #: subject): "acknowledged issues in responding" / "pushed back against criticism
    #: that the response was slow" share "respo".
    about: frozenset[str] = frozenset()


_MODALS = frozenset({"will", "would", "may", "might", "could", "can", "should", "must", "shall"})


def _modal(tok: Token) -> bool:
    """ "will never forget", "may not derail": a possibility or a future, not a fact."""
    return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in tok.children)


def _negation(tok: Token) -> Token | None:
    """The word that negates verb ``tok``: "not" on it or on its auxiliary ("did not get
    derailed"), or "none" / "no one" as its subject."""
    for c in tok.children:
        if c.dep_ == "neg":
            return c
        if c.dep_ in ("aux", "auxpass"):
            neg = next((d for d in c.children if d.dep_ == "neg"), None)
            if neg is not None:
                return neg
        if c.dep_ in ("nsubj", "nsubjpass") and (
            c.lower_ in NEGATING_WORDS
            or any(d.dep_ == "det" and d.lower_ in NEGATING_WORDS for d in c.children)
        ):
            return c
    return None


def _content_verb(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    return (
        tok.pos_ == "VERB"
        and lemma not in NEUTRAL_VERBS
        and lemma not in SPEECH_LEMMAS
        and tok.dep_ not in ("amod", "xcomp", "aux", "auxpass")
    )


def _subject_token(tok: Token) -> Token | None:
    node: Token | None = tok
    while node is not None:
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
        node = node.head if node.dep_ in ("conj", "xcomp") and node.head is not node else None
    return None


def _polar(s: Statement, tok: Token, verb: str, side: str, cue: str) -> Polar:
    subj = _subject_token(tok)
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    skip = {t.i for t in subj.subtree} if subj is not None else set()
    about = frozenset(
        stem(t.lemma_)
        for t in tok.subtree
        if t.i not in skip and t.i != tok.i and t.pos_ in ("NOUN", "VERB", "ADJ") and not t.is_stop
    )
    return Polar(
        s,
        verb,
        side,
        cue,
        noun_phrase(subj) if subj is not None else "",
        _head_lemma(subj),
        _head_lemma(obj),
        about,
    )


def _head_lemma(tok: Token | None) -> str:
    if tok is None or tok.pos_ == "PRON":
        return ""
    return tok.lemma_.lower()


def _compatible(a: Polar, b: Polar) -> bool:
    """Whether two statements can be about one thing: their objects, where both name
    one, are the same noun; a concession and a rejection have one subject and share a
    word of what they are about."""
    if a.object_head and b.object_head and a.object_head != b.object_head:
        return False
    if a.verb == "concede":
        if a.subject_head and b.subject_head and a.subject_head != b.subject_head:
            return False
        # A concession and a rejection of two different points are no contradiction.
        return bool(a.about & b.about)
    return True


def _stance_verb(tok: Token) -> str | None:
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB":
        return None
    if lemma in CONCEDE_VERBS:
        return REJECTED if any(c.dep_ == "neg" for c in tok.children) else CONCEDED
    if lemma in REJECT_VERBS:
        need = REJECT_PARTICLES.get(lemma)
        if need and not any(c.dep_ in ("prt", "advmod") and c.lower_ in need for c in tok.children):
            return None
        return REJECTED
    return None


def _read_negated(ctx: EventContext) -> list[Polar]:
    out: list[Polar] = []
    for s, doc in statements_by_sentence(ctx, POLARITY_CUE):
        for tok in doc:
            side = _stance_verb(tok)
            if side is not None:
                out.append(_polar(s, tok, "concede", side, tok.text))
                break
            neg = _negation(tok)
            if (
                neg is not None
                and _content_verb(tok)
                and not _modal(tok)
                and not any(c.tag_ == "TO" for c in tok.children)
            ):
                cue = doc[min(neg.i, tok.i) : max(neg.i, tok.i) + 1].text
                out.append(_polar(s, tok, tok.lemma_.lower(), NEGATED, cue))
                break
    return out


def _read_affirmed(ctx: EventContext, verbs: set[str], negated: list[Polar]) -> list[Polar]:
    """Statements that affirm one of ``verbs``, outside the statements that negate it."""
    if not verbs:
        return []
    taken = {(p.statement.aid, p.statement.start) for p in negated}
    cue = re.compile(r"\b(?:" + "|".join(sorted(re.escape(v[:4]) for v in verbs)) + r")\w*", re.I)
    out: list[Polar] = []
    for s, doc in statements_by_sentence(ctx, cue):
        if (s.aid, s.start) in taken:
            continue
        for tok in _affirmed_verbs(doc, verbs):
            out.append(_polar(s, tok, tok.lemma_.lower(), AFFIRMED, tok.text))
            break
    return out


def _affirmed_verbs(doc: Doc, verbs: set[str]) -> list[Token]:
    return [
        t
        for t in doc
        if t.lemma_.lower() in verbs
        and t.pos_ == "VERB"
        and _negation(t) is None
        and not _modal(t)
        and not any(c.tag_ == "TO" for c in t.children)
    ]


class Polarity:
    """One thing some voices affirm and others negate, or that some report conceded and
    others rejected."""

    name = "polarity"
    kinds: tuple[QuestionKind, ...] = ("factual_conflict", "framing")

    def find(self, ctx: EventContext) -> list[QuestionAnswer]:
        negated = _read_negated(ctx)
        verbs = {p.verb for p in negated if p.side == NEGATED}
        found = negated + _read_affirmed(ctx, verbs, negated)
        if len(found) < 2:
            return []
        vecs = ctx.embed([p.statement.text for p in found])
        same = np.array([[a.verb == b.verb and _compatible(a, b) for b in found] for a in found])
        out = []
        for group in members_of(found, alike(vecs, ctx.params.polarity_threshold, ~same)):
            if enough_voices(group, lambda p: p.statement.voice, MIN_VOICES):
                qa = _question(ctx, group)
                if qa is not None:
                    out.append(qa)
        return out


def _question(ctx: EventContext, group: list[Polar]) -> QuestionAnswer | None:
    stance = group[0].verb == "concede"
    order = (CONCEDED, REJECTED) if stance else (AFFIRMED, NEGATED)
    sides = [
        first_per([p for p in group if p.side == o], lambda p: p.statement.voice) for o in order
    ]
    if not all(sides):
        return None
    voices = [{p.statement.voice for p in side} for side in sides]
    if len(voices[0] | voices[1]) < MIN_VOICES or voices[0] == voices[1]:
        return None
    said = describe_groups(ctx, [[(p.statement, p.cue) for p in side] for side in sides])
    groups = [[statement_answer(p.statement) for p in side] for side in sides]
    subject = next((p.subject for p in sides[1] if p.subject), "")
    if stance:
        who = next((p.subject for side in sides for p in side if p.subject), "")
        return QuestionAnswer(
            question=f"Did {who} concede the point or reject it?"
            if who
            else "Is the answer reported as a concession or a rejection?",
            kind="framing",
            answer_groups=groups,
            explanation=(
                f"Some outlets report a concession where others report a rejection ({said}); "
                "both may be true of different remarks, but they leave different impressions."
            ),
        )
    verb = group[0].verb
    return QuestionAnswer(
        question=f"Did {subject} {verb}?" if subject else f"Did it {verb}?",
        kind="factual_conflict",
        answer_groups=groups,
        explanation=(
            f"Some outlets affirm what others negate ({said}); a reader should check which "
            "is right, or whether they speak of different things."
        ),
    )
