"""Answer consolidation: which short answers to one question say the same thing.

This is the grouping step of Discord Questions (Laban et al., 2022): many
outlets answer one question, and the answers are grouped so that a reader sees
"12 outlets say X, 3 say Y". The score of a pair is the cosine of the two
answers' MiniLM embeddings, minus a penalty when both answers state numbers and
share none. The penalty exists because the embedding treats "three years" and
"two years" as near-paraphrases (cosine ~0.9) while for the question they are
opposite answers. Groups are formed by average-linkage agglomerative
clustering, which stops merging when the mean score between two groups falls
below the threshold; average linkage resists the chaining that single linkage
shows ("security" -> "security pact" -> "not to sign the China pact").

All constants were tuned on NAnCo questions Q2, Q3, Q5 and Q6 only
(bench/bench_nanco.py re-runs the tuning and reports Q4, Q7, Q8, Q9). Tried on
those questions and left out because they did not help there: content-word
Jaccard (+0.004 pooled balanced accuracy, within noise), weighting in the
paragraph's embedding (no change at weights 0.1-0.2; it stays available as
``context_weight``), the question prepended to each answer (worse), complete
linkage (worse) and single linkage (+0.003, within noise, and it chains).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from parallax.align.cluster import agglomerate, labels
from parallax.lexicon.numbers import SMALL_NUMBER_VALUES
from parallax.nlp.embed import Embedder, FloatArray

__all__ = [
    "DEFAULT_THRESHOLD",
    "NUMBER_MISMATCH_PENALTY",
    "answer_numbers",
    "group_answers",
    "pair_scores",
    "same_answer",
]


#: Pairs (and groups, by mean pair score) at or above this score are one answer.
#: Tuned on NAnCo Q2/Q3/Q5/Q6 by bench/bench_nanco.py: 0.946 pooled balanced
#: accuracy at 0.44, 0.937-0.938 from 0.45 to 0.50, 0.93 at 0.42.
DEFAULT_THRESHOLD = 0.44
#: Subtracted when both answers carry numbers and none is shared. Any value
#: that pushes a 0.9 cosine under the threshold works the same on the tuning
#: questions (0.5 and 1.0 tie); 0.5 keeps the score in [-0.5, 1].
NUMBER_MISMATCH_PENALTY = 0.5

_NUMBER_WORDS = {"zero": 0.0} | {w: float(v) for w, v in SMALL_NUMBER_VALUES.items() if v <= 20}
_TOKEN = re.compile(r"[a-z0-9]+(?:[.,][0-9]+)*")
_NUMERAL = re.compile(r"[0-9]+(?:[.,][0-9]+)*")


def answer_numbers(text: str) -> frozenset[float]:
    """Numbers an answer states, as digits or as the words zero..twenty.

    Only whole tokens count: "1st" and "COVID-19" carry no quantity the
    answer is about, and reading them would make "April 1st 2023" share a
    number with "July 1, 2024".
    """
    out: set[float] = set()
    for tok in _TOKEN.findall(text.lower()):
        if tok in _NUMBER_WORDS:
            out.add(_NUMBER_WORDS[tok])
        elif _NUMERAL.fullmatch(tok):
            try:
                out.add(float(tok.replace(",", "")))
            except ValueError:  # "1.2.3": a version or date, not one number
                continue
    return frozenset(out)


def _number_mismatch(answers: Sequence[str]) -> FloatArray:
    nums = [answer_numbers(a) for a in answers]
    n = len(answers)
    out = np.zeros((n, n), dtype=np.float32)
    for i in range(n):
        for j in range(i + 1, n):
            if nums[i] and nums[j] and not nums[i] & nums[j]:
                out[i, j] = out[j, i] = 1.0
    return out


def _default_embedder() -> Embedder:
    from parallax.nlp.embed import embed

    return embed


def pair_scores(
    answers: Sequence[str],
    contexts: Sequence[str] | None = None,
    *,
    context_weight: float = 0.0,
    number_penalty: float = NUMBER_MISMATCH_PENALTY,
    embedder: Embedder | None = None,
) -> FloatArray:
    """Symmetric (n, n) matrix of same-answer scores; the diagonal is 1.

    ``context_weight`` mixes in the cosine of the paragraphs the answers came
    from; it defaults to 0 because it did not help on the tuning questions.
    """
    if contexts is not None and len(contexts) != len(answers):
        raise ValueError(f"{len(answers)} answers but {len(contexts)} contexts")
    if not 0.0 <= context_weight <= 1.0:
        raise ValueError("context_weight must be in [0, 1]")
    n = len(answers)
    if n == 0:
        return np.zeros((0, 0), dtype=np.float32)
    emb = embedder if embedder is not None else _default_embedder()
    vecs = emb(list(answers))
    scores = (vecs @ vecs.T).astype(np.float32)
    if contexts is not None and context_weight > 0.0:
        cvecs = emb(list(contexts))
        scores = (1.0 - context_weight) * scores + context_weight * (cvecs @ cvecs.T)
    if number_penalty:
        scores = scores - number_penalty * _number_mismatch(answers)
    scores = ((scores + scores.T) / 2.0).astype(np.float32)
    np.fill_diagonal(scores, 1.0)
    return scores


def same_answer(
    a: str,
    b: str,
    context_a: str | None = None,
    context_b: str | None = None,
    *,
    context_weight: float = 0.0,
    embedder: Embedder | None = None,
) -> float:
    """Score that answers ``a`` and ``b`` give the same answer; >= DEFAULT_THRESHOLD means yes."""
    contexts = None
    if context_a is not None and context_b is not None:
        contexts = [context_a, context_b]
    scores = pair_scores([a, b], contexts, context_weight=context_weight, embedder=embedder)
    return float(scores[0, 1])


def group_answers(
    answers: Sequence[str],
    contexts: Sequence[str] | None = None,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    context_weight: float = 0.0,
    number_penalty: float = NUMBER_MISMATCH_PENALTY,
    embedder: Embedder | None = None,
) -> list[int]:
    """A group label per answer; answers with equal labels give the same answer.

    Blank answers say nothing, so each gets a group of its own rather than
    being pooled with the other blanks or attached to a real answer.
    """
    n = len(answers)
    if contexts is not None and len(contexts) != n:
        raise ValueError(f"{n} answers but {len(contexts)} contexts")
    if n == 0:
        return []
    real = [i for i, a in enumerate(answers) if a.strip()]
    raw = [-1] * n
    if real:
        sub_ctx = [contexts[i] for i in real] if contexts is not None else None
        scores = pair_scores(
            [answers[i] for i in real],
            sub_ctx,
            context_weight=context_weight,
            number_penalty=number_penalty,
            embedder=embedder,
        )
        groups = agglomerate(scores, threshold)
        for i, lab in zip(real, labels(groups, len(real)), strict=True):
            raw[i] = lab
    next_label = max(raw) + 1
    for i in range(n):
        if raw[i] < 0:
            raw[i] = next_label
            next_label += 1
    first: dict[int, int] = {}
    return [first.setdefault(r, len(first)) for r in raw]
