"""Non-numeric agreement and discord: statements about one topic from several outlets.

Figures cover only half of what outlets disagree about; the rest is statements
("Ukraine will seek a prisoner exchange" / "Russia will try some as war
criminals"). Sentences from different voices are grouped by topic with the
sentence embedding, then the answers inside a topic are grouped by what they
say (``group_answers`` from answers.py, tuned on NAnCo). A topic whose answers
fall into one group is consensus; several groups with different claimants is
attribution; several groups without that is a factual conflict.

Every sentence of an event is about the event, so topics need a high cosine
(0.6) to join sentences that share a point rather than just the story; among
attributed statements, which are fewer and each about one claim, 0.45 is
enough (dev sweep: 0.4 and 0.5 cover fewer gold divergences).

One article may answer a topic twice when it quotes two claimants ("Ukraine hopes
for a prisoner swap" / "the Kremlin said they would be treated in line with
international norms"): news reports both sides, and both are answers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from parallax.align.answers import group_answers
from parallax.align.citing import statement_answer
from parallax.align.context import EventContext, Statement
from parallax.align.neighbours import cluster_rows
from parallax.align.questions import statement_question
from parallax.align.text import content_words
from parallax.lexicon.calendar import TIME_WORDS
from parallax.nlp.embed import FloatArray
from parallax.schema import QuestionAnswer, QuestionKind

#: A "topic" with more sentences than this is the story itself, not one point of it.
MAX_TOPIC_SIZE = 8


@dataclass
class Topic:
    statements: list[Statement]
    groups: list[list[Statement]]
    kind: QuestionKind
    question: str
    explanation: str

    def question_answer(self) -> QuestionAnswer:
        return QuestionAnswer(
            question=self.question,
            kind=self.kind,
            answer_groups=[[statement_answer(s) for s in g] for g in self.groups],
            explanation=self.explanation,
        )


def _question(ctx: EventContext, statements: Sequence[Statement]) -> str:
    """A noun phrase of the sentences ("What do the outlets say about the Azovstal plant?").

    Falls back to the words most of the statements share when no sentence has a
    usable noun chunk.
    """
    docs = [ctx.parser.sentence(s.aid, s.start, s.text) for s in statements]
    phrased = statement_question(docs)
    if phrased:
        return phrased
    counts: Counter[str] = Counter()
    for doc in docs:
        # Nouns only: "What do the outlets report about reported?" names nothing. When a
        # thing was said ("today", "Thursday") is shared by news, not a topic. In reading
        # order, so ties among equally shared words fall the same way every run.
        nouns = (t.lower_ for t in doc if t.pos_ in ("NOUN", "PROPN") and not t.is_stop)
        counts.update(w for w in dict.fromkeys(nouns) if w not in TIME_WORDS)
    need = max(2, (len(statements) + 1) // 2)
    shared = [w for w, n in counts.most_common(6) if n >= need and len(w) > 2][:3]
    if not shared:
        return "What else do the outlets say on this point?"
    return f"What do the outlets report about {', '.join(shared)}?"


def find_topics(ctx: EventContext) -> list[Topic]:
    """Consensus topics over all sentences, divergent topics over attributed statements.

    Disagreement in words is mostly about who said what ("the minister blamed
    tampering", "the Railway Board pointed to the signalling"), so divergent
    topics are looked for among attributed statements only, where a looser
    topic threshold does not drown in description. Agreement is looked for in
    every sentence, at the stricter threshold. Divergent topics are ranked by
    cohesion (mean similarity of their sentences) and only the
    ``params.max_conflicts`` most cohesive are kept: without an entailment model a
    loose topic whose sentences differ is often "different details" rather
    than a contradiction, and dozens of them would hide the real ones.
    """
    stmts = ctx.statements
    if len(stmts) < 2:
        return []
    vecs = ctx.embed([s.text for s in stmts])
    consensus = [
        t for t, _ in _topics(ctx, stmts, vecs, ctx.params.topic_threshold) if t.kind == "consensus"
    ]
    attributed = [k for k, s in enumerate(stmts) if s.source]
    divergent = [
        (t, cohesion)
        for t, cohesion in _topics(
            ctx, [stmts[k] for k in attributed], vecs[attributed], ctx.params.attributed_threshold
        )
        if t.kind != "consensus" and not same_figures(t.groups)
    ]
    divergent.sort(key=lambda ct: -ct[1])
    return [t for t, _ in divergent[: int(ctx.params.max_conflicts)]] + consensus


def same_figures(groups: Sequence[Sequence[Statement]]) -> bool:
    """Whether answers that every one state a figure share one value across groups.

    "Health authorities had previously put the number at 5,500 although other
    estimates have varied" and "Health authorities previously put the death toll at
    5,500" fall into two groups by wording, yet say the same thing; "181 people on
    board" and "175 passengers and six crew" (181 too) likewise. When every statement
    states a figure, the numeric facts already set the figures side by side, and a
    topic whose groups repeat a value is a difference of wording, not of answer.
    """
    if not all(s.figures for g in groups for s in g):
        return False
    values = [frozenset().union(*(s.figures for s in g)) for g in groups]
    return any(not a.isdisjoint(b) for k, a in enumerate(values) for b in values[k + 1 :])


def _apart(a: tuple[str, bool, frozenset[str]], b: tuple[str, bool, frozenset[str]]) -> bool:
    """Whether two statements (tagged by ``_tag``) are never one topic's two answers: two
    sentences of one voice, unless they quote different claimants. One article often
    reports both sides ("Ukraine hopes for a prisoner swap"; "the Kremlin said they would
    be treated in line with international norms"), and those are two answers to one
    question. Sentences with a figure stay apart: the numeric facts align them, and two
    death-toll sentences of one article would make a topic of the story itself."""
    if a[0] != b[0]:
        return False
    return a[1] or b[1] or not a[2] or not b[2] or not a[2].isdisjoint(b[2])


def _tag(s: Statement) -> tuple[str, bool, frozenset[str]]:
    return s.voice, s.has_figure, frozenset(content_words(s.source) if s.source else ())


def _topics(
    ctx: EventContext, stmts: Sequence[Statement], vecs: FloatArray, threshold: float
) -> list[tuple[Topic, float]]:
    """Topics of at least two voices with their cohesion."""
    if len(stmts) < 2:
        return []
    out: list[tuple[Topic, float]] = []
    for members in cluster_rows(vecs, threshold, [_tag(s) for s in stmts], _apart):
        group = [stmts[i] for i in members]
        if len({s.voice for s in group}) < 2 or len(group) > MAX_TOPIC_SIZE:
            continue
        labels = group_answers(
            [s.text for s in group], threshold=ctx.params.answer_threshold, embedder=ctx.embed
        )
        by_label: dict[int, list[Statement]] = {}
        for s, lab in zip(group, labels, strict=True):
            by_label.setdefault(lab, []).append(s)
        block = vecs[members] @ vecs[members].T
        k = len(members)
        cohesion = float((block.sum() - k) / (k * (k - 1)))
        out.append((_judge(group, list(by_label.values()), _question(ctx, group)), cohesion))
    return out


def _judge(group: list[Statement], groups: list[list[Statement]], question: str) -> Topic:
    outlets = ", ".join(sorted({s.outlet for s in group}))
    if len(groups) == 1:
        return Topic(
            group, groups, "consensus", question, f"{outlets} say the same thing on this point."
        )
    sources = [{s.source for s in g if s.source} for g in groups]
    attributed = all(sources) and all(
        a.isdisjoint(b) for k, a in enumerate(sources) for b in sources[k + 1 :]
    )
    if attributed:
        who = "; ".join(", ".join(sorted(s)) for s in sources)
        return Topic(
            group,
            groups,
            "attribution",
            question,
            f"Different claimants give different answers ({who}); each outlet reports what "
            "its source says, so the difference is one of attribution.",
        )
    return Topic(
        group,
        groups,
        "factual_conflict",
        question,
        f"{outlets} state different things about the same point without attributing them to "
        "different claimants; a reader should check which is right.",
    )


class Topics:
    """Statements of several voices on one point: agreement, or answers that differ."""

    name = "topics"
    kinds: tuple[QuestionKind, ...] = ("consensus", "attribution", "factual_conflict")

    def find(self, ctx: EventContext) -> list[QuestionAnswer]:
        return [t.question_answer() for t in find_topics(ctx)]
