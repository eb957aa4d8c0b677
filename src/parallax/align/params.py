"""The numbers alignment is tuned by, in one place, so that they can be chosen
leave-one-event-out.

Every weight and threshold here is fitted or swept on the development clusters
(``bench/bench_dev.py --loo`` re-chooses each for every cluster without that
cluster, and prints what it would have scored). The defaults are the values
chosen on all of them; a caller (the benchmark, a test) passes its own through
``align_event(..., params=...)``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AlignParams:
    #: Logistic weights of the fact pair score, in the order of ``facts.FEATURES``.
    #: Fitted (Newton, L2 1e-3) on claim pairs of the dev clusters labelled by the
    #: gold question their figures answer (``bench/fit_facts.py``). Sentence
    #: similarity and the values carry it; two different figures in one article are
    #: seldom one fact (same_article < 0): an article states a running figure once,
    #: unless it reports a revision. Tried and dropped: the embedding of the word
    #: window, place names next to the figure, same counted noun, differing time
    #: words next to the figure, and embeddings of the counted noun or predicate
    #: (no leave-one-cluster-out AUC gain).
    pair_weights: tuple[float, ...] = (
        3.87,
        1.86,
        5.37,
        -1.70,
        -1.73,
        0.82,
        0.34,
        -3.30,
        -1.83,
        -1.74,
    )
    pair_bias: float = -3.71
    #: Linkage score (a probability) above which two groups of claims are one fact.
    merge_threshold: float = 0.3
    #: Cosine from which sentences of different voices share a point (consensus topics).
    topic_threshold: float = 0.6
    #: The same among attributed statements, which are fewer and each about one claim.
    attributed_threshold: float = 0.45
    #: Cosine from which two sentences of a topic give the same answer.
    answer_threshold: float = 0.6
    #: Highest cosine to any other voice's sentence for a sentence to be unique.
    unique_max_sim: float = 0.55
    #: Cosine from which two causal statements explain one thing (``detectors.causes``).
    cause_topic_threshold: float = 0.5
    #: Cosine from which two cause phrases name one cause.
    cause_same_threshold: float = 0.55
    #: Cosine from which a hedged and a confirmed statement tell one happening
    #: (``detectors.certainty``).
    certainty_threshold: float = 0.6
    #: Cosine from which a negated and an affirmed statement, or a concession and a
    #: rejection, speak of one thing (``detectors.polarity``).
    polarity_threshold: float = 0.5
    #: Cosine from which an approving and a condemning judgement are of one thing
    #: (``detectors.judgements``).
    judgement_threshold: float = 0.2
    #: Most divergent topics kept, the most cohesive first (``detectors.topics``):
    #: without an entailment model a loose topic whose sentences differ is often
    #: "different details", and many of them would hide the real ones.
    max_conflicts: int = 5


DEFAULT = AlignParams()
