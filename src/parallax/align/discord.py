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

import numpy as np

from parallax.align.answers import group_answers
from parallax.align.facts import cluster
from parallax.align.questions import statement_question
from parallax.align.text import (
    content_words,
    guess_source,
    is_attributed,
    is_boilerplate,
    sentences_of,
)
from parallax.lexicon.calendar import TIME_WORDS
from parallax.models import Article
from parallax.nlp.embed import Embedder, FloatArray

TOPIC_THRESHOLD = 0.6
#: Answers here are whole sentences that already share a topic, so the
#: short-answer threshold of answers.py (0.44) would put nearly every topic in one
#: group; sentences need a higher bar to be "the same". Dev sweep: consensus
#: recall 0.56 for 0.5-0.6, 0.50 at 0.65-0.8; divergence coverage flat.
ANSWER_THRESHOLD = 0.6
#: A "topic" with more sentences than this is the story itself, not one point of it.
MAX_TOPIC_SIZE = 8
#: Topic threshold among attributed statements (see :func:`find_topics`).
ATTRIBUTED_THRESHOLD = 0.45
MAX_CONFLICTS = 10


@dataclass
class Statement:
    aid: str
    voice: str
    outlet: str
    start: int
    end: int
    text: str
    source: str | None
    #: Whether the sentence states a figure the numeric facts already align.
    has_figure: bool = False


@dataclass
class Topic:
    statements: list[Statement]
    groups: list[list[Statement]]
    kind: str
    question: str
    explanation: str


def collect_statements(articles: Sequence[Article], voices: dict[str, str]) -> list[Statement]:
    """Candidate sentences: not boilerplate, not repeated verbatim inside one voice."""
    out: list[Statement] = []
    for art in articles:
        seen: set[str] = set()
        # The extractor's speaker (normalised across the event) beats our regex guess.
        claimed = {c.sent_start: c.source for c in art.claims if c.source}
        figured = {c.sent_start for c in art.claims if c.value is not None}
        for s in sentences_of(art):
            if is_boilerplate(s.text) or s.text in seen:
                continue
            seen.add(s.text)
            src = claimed.get(s.start) or (guess_source(s.text) if is_attributed(s.text) else None)
            out.append(
                Statement(
                    aid=art.aid,
                    voice=voices.get(art.aid, art.aid),
                    outlet=art.outlet or art.aid,
                    start=s.start,
                    end=s.end,
                    text=s.text,
                    source=src,
                    has_figure=s.start in figured,
                )
            )
    return out


def _question(statements: Sequence[Statement]) -> str:
    """A noun phrase of the sentences ("What do the outlets say about the Azovstal plant?").

    Falls back to the words most of the statements share when no sentence has a
    usable noun chunk.
    """
    phrased = statement_question([s.text for s in statements])
    if phrased:
        return phrased
    counts: Counter[str] = Counter()
    for s in statements:
        # When a thing was said ("today", "Thursday") is shared by news, not a topic.
        # In reading order, so ties among equally shared words fall the same way every run.
        counts.update(w for w in dict.fromkeys(content_words(s.text)) if w not in TIME_WORDS)
    need = max(2, (len(statements) + 1) // 2)
    shared = [w for w, n in counts.most_common(6) if n >= need and len(w) > 2][:3]
    if not shared:
        shared = [w for w, _ in counts.most_common(3)]
    if not shared:
        return "What else do the outlets say on this point?"
    return f"What do the outlets report about {', '.join(shared)}?"


def find_topics(
    articles: Sequence[Article], voices: dict[str, str], embedder: Embedder
) -> list[Topic]:
    """Consensus topics over all sentences, divergent topics over attributed statements.

    Disagreement in words is mostly about who said what ("the minister blamed
    tampering", "the Railway Board pointed to the signalling"), so divergent
    topics are looked for among attributed statements only, where a looser
    topic threshold does not drown in description. Agreement is looked for in
    every sentence, at the stricter threshold. Divergent topics are ranked by
    cohesion (mean similarity of their sentences) and only the
    ``MAX_CONFLICTS`` most cohesive are kept: without an entailment model a
    loose topic whose sentences differ is often "different details" rather
    than a contradiction, and dozens of them would hide the real ones.
    """
    stmts = collect_statements(articles, voices)
    if len(stmts) < 2:
        return []
    vecs = embedder([s.text for s in stmts])
    consensus = [
        t for t, _ in _topics(stmts, vecs, TOPIC_THRESHOLD, embedder) if t.kind == "consensus"
    ]
    attributed = [k for k, s in enumerate(stmts) if s.source]
    divergent = [
        (t, cohesion)
        for t, cohesion in _topics(
            [stmts[k] for k in attributed], vecs[attributed], ATTRIBUTED_THRESHOLD, embedder
        )
        if t.kind != "consensus"
    ]
    divergent.sort(key=lambda ct: -ct[1])
    return [t for t, _ in divergent[:MAX_CONFLICTS]] + consensus


def _topics(
    stmts: Sequence[Statement], vecs: FloatArray, threshold: float, embedder: Embedder
) -> list[tuple[Topic, float]]:
    """Topics of at least two voices with their cohesion."""
    if len(stmts) < 2:
        return []
    sim = (vecs @ vecs.T).astype(np.float32)
    voice = np.array([s.voice for s in stmts])
    # Two sentences of one voice are never one topic's two answers, unless they
    # quote different claimants: one article often reports both sides ("Ukraine
    # hopes for a prisoner swap"; "the Kremlin said they would be treated in line
    # with international norms"), and those are two answers to one question.
    # Sentences with a figure stay apart: the numeric facts align them, and two
    # death-toll sentences of one article would make a topic of the story itself.
    same_voice = voice[:, None] == voice[None, :]
    claimants = [set(content_words(s.source)) if s.source else set() for s in stmts]
    for x, y in zip(*np.nonzero(same_voice), strict=True):
        if stmts[x].has_figure or stmts[y].has_figure:
            continue
        if claimants[x] and claimants[y] and claimants[x].isdisjoint(claimants[y]):
            same_voice[x, y] = False
    np.fill_diagonal(same_voice, False)
    sim[same_voice] = -np.inf
    out: list[tuple[Topic, float]] = []
    for members in cluster(sim, threshold):
        group = [stmts[i] for i in members]
        if len({s.voice for s in group}) < 2 or len(group) > MAX_TOPIC_SIZE:
            continue
        labels = group_answers(
            [s.text for s in group], threshold=ANSWER_THRESHOLD, embedder=embedder
        )
        by_label: dict[int, list[Statement]] = {}
        for s, lab in zip(group, labels, strict=True):
            by_label.setdefault(lab, []).append(s)
        block = vecs[members] @ vecs[members].T
        k = len(members)
        cohesion = float((block.sum() - k) / (k * (k - 1)))
        out.append((_judge(group, list(by_label.values()), _question(group)), cohesion))
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
