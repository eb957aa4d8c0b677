"""What outlets give as the cause of one thing: "the accident occurred due to human error"
against "the minister pointed to an electronic signal system as the cause of the tragedy".

Why something happened is among the first things sources dispute (a minister blames
sabotage, the railway's preliminary report human error; one outlet says voters
punished the government for the cost of living, another for years of strife), and
no figure carries it. A causal statement is read from the parse around a cue of
``lexicon.causes``: the object of "due to" / "because of", the agent of "caused by" /
"driven by", the object of "blamed on", the subject of "X caused Y", "the cause of Y
was X", "Y was the result of X", "punished them for X", "paying the price for X",
"Y reflected X", or a statement that the cause is not known.

Causal statements of one thing are those whose sentences read alike (MiniLM cosine
``cause_topic_threshold``); their causes are grouped by what they name (cosine of the
cause phrases, ``cause_same_threshold``, or a shared content word). When at least two
voices explain one thing and their causes fall into different groups, the thing becomes
a question with one answer group per cause: attribution when each group is given by
its own claimants, framing when the outlets themselves explain it differently.
Causes that only differ in wording ("demand for AI chips" / "a resurgence in demand")
stay one group and ask nothing.

Cost: only sentences with a causal cue (a regex) are parsed, and one embedding batch
of short phrases.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc, Span, Token

from parallax.align.citing import statement_answer
from parallax.align.cluster import agglomerate
from parallax.align.context import EventContext, Statement
from parallax.align.contrast import (
    components,
    describe_groups,
    event_words,
    noun_phrase,
    stated_by_claimants,
    statements_by_sentence,
)
from parallax.align.grouping import MIN_VOICES, enough_voices, first_per
from parallax.align.text import content_words
from parallax.lexicon.causes import (
    CAUSE_CUE,
    CAUSE_NOUNS,
    CAUSE_PREPOSITIONS,
    CAUSE_SUBJECT_VERBS,
    EFFECT_SUBJECT_VERBS,
    FOR_VERBS,
    LIGHT_VERBS,
    PASSIVE_CAUSE_VERBS,
    PRICE_NOUNS,
    RESULT_NOUNS,
    UNKNOWN_CAUSE,
    VAGUE_CAUSES,
)
from parallax.schema import QuestionAnswer, QuestionKind

#: What a statement that the cause is not known gives as its cause.
UNKNOWN = "not known"
#: Cosine from which a cause's head names the story itself ("quake" / "earthquake"): the
#: one ``detectors.dates`` uses for two names of one event.
SAME_AS_STORY = 0.7
_POINTERS = frozenset({"it", "this", "that", "which", "these", "those", "they", "them", "what"})
_SUBJECTS = ("nsubj", "nsubjpass")
_MAX_PHRASE_TOKENS = 25


@dataclass(frozen=True)
class Causal:
    """One statement of a cause: which sentence, what it explains, and by what."""

    statement: Statement
    #: What is explained ("the accident"), or the clause's subject.
    effect: str
    #: What it is put down to ("human error as the train took the wrong track").
    cause: str
    #: The cause's head noun with its compounds ("human error"), for comparing causes.
    head: str
    #: What happened, for telling two effects apart: the effect and the verb the cue
    #: hangs on ("the plane diverted" is not "the aircraft crashed").
    happening: str
    #: That verb alone, "" when the cue hangs on a verb of causing.
    verb: str = ""
    #: Content words of the cause's nouns, for causes named in other words.
    nouns: frozenset[str] = frozenset()


def _phrase(tok: Token) -> Span:
    doc = tok.doc
    start, end = tok.left_edge.i, tok.right_edge.i + 1
    return doc[start : min(end, start + _MAX_PHRASE_TOKENS)]


def _object_of(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def _prep_child(head: Token, words: tuple[str, ...]) -> Token | None:
    return next(
        (c for c in head.children if c.dep_ in ("prep", "agent") and c.lower_ in words), None
    )


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in _SUBJECTS), None)


def _next_noun(doc: Doc, start: int) -> Token | None:
    """The noun a cue's object starts with when the parse hangs it elsewhere: the first
    noun before the clause ends, with the noun it modifies ("the tampering of ...")."""
    for tok in doc[start : start + 8]:
        if tok.is_punct or tok.pos_ in ("VERB", "AUX", "CCONJ"):
            return None
        if tok.pos_ in ("NOUN", "PROPN"):
            while tok.dep_ in ("compound", "amod") and tok.head.i > tok.i:
                tok = tok.head
            return tok
    return None


def _clause_subject(tok: Token) -> Token | None:
    """The subject of the clause ``tok`` sits in, walking up to the first verb that has one."""
    node: Token | None = tok
    for _ in range(8):
        if node is None:
            return None
        if node.pos_ in ("VERB", "AUX"):
            subj = _subject(node)
            if subj is not None:
                return subj
        if node.dep_ in ("amod", "acl", "relcl") and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _effect_text(tok: Token | None) -> str:
    """The effect's phrase when the parse names a thing: a common noun, not a pronoun,
    a person or a date line."""
    if tok is None or tok.pos_ != "NOUN" or tok.lower_ in _POINTERS:
        return ""
    if any(t.like_num for t in tok.subtree):
        return ""  # "date 2024-07-05": a date line, not a thing
    return noun_phrase(tok)


Pair = tuple[Token | Span, Token | None]


def _after_preposition(doc: Doc, tok: Token, lower: list[str]) -> list[Pair]:
    """ "due to human error", "because of INEC's refusal", "as a result of the quake"."""
    out: list[Pair] = []
    for words in CAUSE_PREPOSITIONS:
        if tuple(lower[tok.i : tok.i + len(words)]) == words:
            last = doc[tok.i + len(words) - 1]
            obj = _object_of(last)
            if obj is None or not _usable(obj):
                obj = _next_noun(doc, tok.i + len(words))
            if obj is not None:
                out.append((obj, _clause_subject(tok)))
    return out


def _passive_cause(doc: Doc, tok: Token, lemma: str) -> list[Pair]:
    """ "caused by", "driven by", "blamed on", "attributed to"; "was caused when the
    express derailed"."""
    preps = PASSIVE_CAUSE_VERBS.get(lemma)
    if preps is None:
        return []
    out: list[Pair] = []
    prep = _prep_child(tok, preps)
    obj = _object_of(prep) if prep is not None else None
    if obj is not None:
        effect = _subject(tok)
        if effect is None or lemma == "blame":
            dobj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            effect = dobj or effect
        if effect is None and tok.dep_ in ("acl", "amod"):
            effect = tok.head
        out.append((obj, effect))
    for c in tok.children:
        if lemma == "cause" and c.dep_ == "advcl" and c.left_edge.lower_ == "when":
            out.append((doc[c.left_edge.i + 1 : c.right_edge.i + 1], _subject(tok)))
    return out


def _effect_subject(tok: Token, lemma: str) -> list[Pair]:
    """ "resulted from human error", "the rise reflected the shift from cooling"."""
    if lemma not in EFFECT_SUBJECT_VERBS:
        return []
    preps = EFFECT_SUBJECT_VERBS[lemma]
    if preps:
        prep = _prep_child(tok, preps)
        obj = _object_of(prep) if prep is not None else None
    else:
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    subj = _subject(tok)
    if subj is None and tok.dep_ in ("acl", "advcl") and tok.head.pos_ == "NOUN":
        subj = tok.head
    return [(obj, subj)] if obj is not None and subj is not None else []


def _cause_subject(tok: Token, lemma: str) -> list[Pair]:
    """ "the quake triggered a tsunami" (active voice only)."""
    if lemma not in CAUSE_SUBJECT_VERBS or any(c.dep_ == "auxpass" for c in tok.children):
        return []
    subj = _subject(tok)
    dobj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    return [(subj, dobj)] if subj is not None and dobj is not None else []


def _for_verb(tok: Token, lemma: str) -> list[Pair]:
    """ "voters punished them for a cost of living crisis"; "blamed the operator for"."""
    if lemma not in FOR_VERBS:
        return []
    prep = _prep_child(tok, ("for",))
    obj = _object_of(prep) if prep is not None else None
    if obj is None:
        return []
    dobj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if lemma == "blame" and dobj is not None:
        return [(dobj, obj)]
    return [(obj, _clause_subject(tok.head if tok.dep_ != "ROOT" else tok))]


def _cause_noun(tok: Token, lemma: str) -> list[Pair]:
    """ "the primary cause of this increased heating was continued emissions", "pointed to
    an electronic signal system as being the cause of the tragedy"."""
    if lemma not in CAUSE_NOUNS:
        return []
    of = _prep_child(tok, ("of", "for", "behind"))
    effect = _object_of(of) if of is not None else None
    cause: Token | None = None
    head = tok.head
    if tok.dep_ in _SUBJECTS:
        cause = next((c for c in head.children if c.dep_ in ("attr", "acomp")), None)
    elif tok.dep_ == "attr":
        cause = _subject(head)
        node = head
        while cause is None and node.head.i != node.i:
            node = node.head
            prep = _prep_child(node, ("to",))
            cause = _object_of(prep) if prep is not None else _subject(node)
            if node.pos_ == "VERB":
                break
    return [(cause, effect)] if cause is not None else []


def _result_noun(tok: Token, lemma: str) -> list[Pair]:
    """ "the victory was a result of dedicated campaigning"."""
    if lemma not in RESULT_NOUNS or tok.dep_ != "attr":
        return []
    of = _prep_child(tok, ("of",))
    obj = _object_of(of) if of is not None else None
    return [(obj, _subject(tok.head))] if obj is not None else []


def _price_noun(tok: Token, lemma: str) -> list[Pair]:
    """ "paying the price for years of political and economic strife"."""
    if lemma not in PRICE_NOUNS:
        return []
    prep = _prep_child(tok, ("for",)) or _prep_child(tok.head, ("for",))
    obj = _object_of(prep) if prep is not None else None
    return [(obj, _clause_subject(tok.head))] if obj is not None else []


def _causal_pairs(doc: Doc) -> list[Pair]:
    """(cause, effect) pairs the parse states, the cause a token whose phrase names it.

    One reader per pattern of language; a new pattern is one more function here.
    """
    out: list[Pair] = []
    lower = [t.lower_ for t in doc]
    for tok in doc:
        out += _after_preposition(doc, tok, lower)
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB":
            out += _passive_cause(doc, tok, lemma)
            out += _effect_subject(tok, lemma)
            out += _cause_subject(tok, lemma)
            out += _for_verb(tok, lemma)
        if tok.pos_ == "NOUN":
            out += _cause_noun(tok, lemma)
            out += _result_noun(tok, lemma)
            out += _price_noun(tok, lemma)
    return out


def _head(cause: Token | Span) -> str:
    tok = cause.root if isinstance(cause, Span) else cause
    words = [t for t in tok.lefts if t.dep_ in ("compound", "amod") and t.i == tok.i - 1]
    return " ".join(t.lower_ for t in [*words, tok])


def _path_up(tok: Token) -> list[Token]:
    """``tok`` and its heads up to the first verb (the clause the cue is in)."""
    path = [tok]
    while path[-1].head.i != path[-1].i and len(path) < 10:
        path.append(path[-1].head)
        if path[-1].pos_ in ("VERB", "AUX"):
            break
    return path


def _negated(cause: Token | Span) -> bool:
    """ "was not the result of a cyber-attack": the cause is denied, not given."""
    root = cause.root if isinstance(cause, Span) else cause
    return any(c.dep_ == "neg" for t in _path_up(root) for c in t.children)


_MODALS = frozenset({"could", "may", "might", "would", "will", "can", "should"})


def _hypothetical(cause: Token | Span) -> bool:
    """ "the Fed's efforts could eventually cause a recession": a possibility, not a cause
    given for what happened."""
    root = cause.root if isinstance(cause, Span) else cause
    verb = _path_up(root)[-1]
    return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children)


def _anchor(cause: Token) -> str:
    """The verb a cause explains ("crashed" of "crashed due to a bird strike"), when it
    says what happened; "" for the verbs of causing themselves."""
    verb = _path_up(cause)[-1]
    if verb.pos_ != "VERB" or verb.lemma_.lower() in LIGHT_VERBS:
        return ""
    return verb.lemma_.lower()


def _usable(cause: Token | Span) -> bool:
    span = cause if isinstance(cause, Span) else _phrase(cause)
    if len(span) == 1 and span[0].lower_ in _POINTERS:
        return False
    return any(t.pos_ in ("NOUN", "PROPN", "VERB") for t in span)


def read_causes(ctx: EventContext) -> list[Causal]:
    """Every causal statement of the event's original English articles."""
    out: list[Causal] = []
    for s, doc in statements_by_sentence(ctx, CAUSE_CUE):
        seen: set[str] = set()
        if UNKNOWN_CAUSE.search(s.text):
            phrase = _effect_text(_clause_subject(doc[0].sent.root))
            out.append(Causal(s, phrase, UNKNOWN, UNKNOWN, phrase or s.text))
            continue
        for cause, effect in _causal_pairs(doc):
            if not _usable(cause) or _negated(cause) or _hypothetical(cause):
                continue
            root = cause.root if isinstance(cause, Span) else cause
            if root.lemma_.lower() in VAGUE_CAUSES:
                continue
            text = (cause if isinstance(cause, Span) else _phrase(cause)).text.strip(" ,.;:")
            if text.lower() in seen:
                continue
            seen.add(text.lower())
            phrase = _effect_text(effect)
            verb = _anchor(root)
            happening = " ".join(w for w in (phrase, verb) if w) or s.text
            span = cause if isinstance(cause, Span) else _phrase(cause)
            nouns = frozenset(
                w for t in span if t.pos_ in ("NOUN", "PROPN") for w in content_words(t.text)
            )
            out.append(Causal(s, phrase, text, _head(cause), happening, verb, nouns))
            break
    return _not_the_story(ctx, out)


def _not_the_story(ctx: EventContext, found: list[Causal]) -> list[Causal]:
    """Drop causes that are the story's own event: "a fire caused by the quake" explains a
    consequence of the story, and no one disputes it. The story is the words at least
    half of the voices open with (``event_words``); a cause whose head reads like one of
    them (MiniLM cosine ``SAME_AS_STORY``: "quake" / "earthquake") is the story."""
    story = sorted(event_words(ctx))
    if not found or not story:
        return found
    vecs = ctx.embed([c.head for c in found] + story)
    near = (vecs[: len(found)] @ vecs[len(found) :].T).max(axis=1)
    return [
        c for c, sim in zip(found, near, strict=True) if c.head == UNKNOWN or sim < SAME_AS_STORY
    ]


def _same_cause(a: Causal, b: Causal, cosine: float, threshold: float) -> bool:
    """Two causes are one when their phrases read alike or they name a noun in common
    ("a bird strike" / "collision with a flock of birds"); a cause not known is its own."""
    if UNKNOWN in (a.cause, b.cause):
        return a.cause == b.cause
    return cosine >= threshold or bool(a.nouns & b.nouns)


class Causes:
    """One thing that voices put down to different causes."""

    name = "causes"
    kinds: tuple[QuestionKind, ...] = ("attribution", "framing")

    def find(self, ctx: EventContext) -> list[QuestionAnswer]:
        found = read_causes(ctx)
        if len(found) < 2:
            return []
        n = len(found)
        vecs = ctx.embed(
            [c.statement.text for c in found]
            + [c.cause for c in found]
            + [c.head for c in found]
            + [c.happening for c in found]
            + [c.verb or c.happening for c in found]
        )
        sents, causes, heads = vecs[:n], vecs[n : 2 * n], vecs[2 * n : 3 * n]
        effects, verbs = vecs[3 * n : 4 * n], vecs[4 * n :]
        # One thing explained: the sentences read alike, and so do the effects where the
        # parse names them (a fire and a tsunami the same quake caused are two things).
        named = np.array([c.happening != c.statement.text for c in found])
        topic = (sents @ sents.T).astype(np.float64)
        both = named[:, None] & named[None, :]
        topic = np.where(both, (topic + effects @ effects.T) / 2, topic)
        # Two things happened when the cues hang on different verbs ("diverted because of
        # fog" / "misidentified due to jamming").
        verbed = np.array([bool(c.verb) for c in found])
        lemmas = np.array([c.verb for c in found])
        apart = (
            verbed[:, None]
            & verbed[None, :]
            & (lemmas[:, None] != lemmas[None, :])
            & (verbs @ verbs.T < ctx.params.cause_topic_threshold)
        )
        topic[apart] = -np.inf
        np.fill_diagonal(topic, 1.0)
        self.last_topic = topic
        out = []
        for members in agglomerate(topic, ctx.params.cause_topic_threshold):
            group = [found[i] for i in members]
            if not enough_voices(group, lambda c: c.statement.voice, MIN_VOICES):
                continue
            cos = np.maximum(causes[members] @ causes[members].T, heads[members] @ heads[members].T)
            # A chain is not a dispute: "the data centre segment, fuelled by demand for AI
            # chips" and "growth driven by the data centre business" explain one another.
            chain = heads[members] @ effects[members].T
            chain = np.where(named[members][None, :], chain, -1.0)
            cos = np.maximum(cos, np.maximum(chain, chain.T))
            qa = self._question(ctx, group, cos)
            if qa is not None:
                out.append(qa)
        return out

    def _question(
        self, ctx: EventContext, group: list[Causal], cos: np.ndarray
    ) -> QuestionAnswer | None:
        threshold = ctx.params.cause_same_threshold
        linked = [
            (i, j)
            for i in range(len(group))
            for j in range(i + 1, len(group))
            if _same_cause(group[i], group[j], float(cos[i, j]), threshold)
        ]
        buckets = [[group[i] for i in b] for b in components(len(group), linked)]
        if len(buckets) < 2:
            return None
        # Two causes of one voice only are one outlet weighing causes, not a difference.
        if len({c.statement.voice for b in buckets for c in b}) < MIN_VOICES:
            return None
        groups = [first_per(b, lambda c: c.statement.aid) for b in buckets]
        statements = [[c.statement for c in g] for g in groups]
        attributed = stated_by_claimants(statements)
        said = describe_groups(ctx, [[(c.statement, c.cause) for c in g] for g in groups])
        return QuestionAnswer(
            question=_question_text(group),
            kind="attribution" if attributed else "framing",
            answer_groups=[[statement_answer(s) for s in g] for g in statements],
            explanation=(
                f"The outlets put it down to different causes ({said}). "
                + (
                    "Each cause comes from its own claimants, so the difference is one of "
                    "attribution."
                    if attributed
                    else "Causes can add up rather than exclude each other; read them side by side."
                )
            ),
        )


def _question_text(group: list[Causal]) -> str:
    """ "Why was the plane diverted?" when the causes explain one verb's happening, "What
    caused the accident?" when they explain a thing, a plain question otherwise."""
    effect = _effect(group)
    verbs = [c.verb for c in group if c.verb]
    if effect and verbs and all(v == verbs[0] for v in verbs):
        return f"What made {effect} {verbs[0]}?"
    if effect:
        return f"What caused {effect}?"
    return "What do the outlets give as the cause?"


def _effect(group: list[Causal]) -> str:
    """The shortest effect phrase two statements share a word of, or the shortest one."""
    phrases = sorted({c.effect for c in group if c.effect}, key=len)
    if not phrases:
        return ""
    words = [set(content_words(p)) for p in phrases]
    for k, p in enumerate(phrases):
        if any(words[k] & w for j, w in enumerate(words) if j != k):
            return p
    return phrases[0]
