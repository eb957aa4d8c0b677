"""Group claims from different articles that measure the same thing into facts.

"1,730 Ukrainian soldiers have surrendered", "1,730 Ukrainian troops have laid
down their arms" and "2429 surrender" share no counted noun and barely a word,
so lexical matching alone cannot join them; a sentence embedding can, and the
figures themselves are the strongest evidence of all. The pair score is a
logistic model over:

* the embedding cosine of the claim sentences;
* word overlap of the local description of the figure (counted noun,
  predicate and the words around the number, other numbers masked);
* same value after rounding (outlets agreeing on a figure);
* how many orders of magnitude apart the values are (a running toll moves
  from 233 to 288, not to 26,000; "hundreds" is not 4,000), and whether they
  come from one article.

Claims of different kinds (people vs money vs percent), of different money or
measure units, counting different outcomes ("killed" vs "injured" vs
"ambulances deployed", ``outcomes.py``), a yardstick and a measurement ("the
20th-century average of 13.9°C" vs "14.98°C in 2023", ``is_baseline``) or from
the same sentence never share a fact. Some pairs always share one, because the text says so where no
similarity would find it:

* a figure the article calls "the previous figure" and the figure it updates
  (``earlier_values``): "At the moment, 1,908 people laid down their arms" and
  "the previous figure ... was 1,730 Ukrainian soldiers" share one content word;
* the two figures of "from 113.1 million to 115.1 million" (``from_to``), of
  "6,000 ..., far more than the state's count of 4,500" (``compared``) and of
  "1.18 degrees Celsius (2.12 degrees Fahrenheit)" (``converted``);
* a long figure and another outlet's copy with one digit slipped (``digit_slip``);
* two outlets' counts of one kind of responder, "200 ambulances" and "60
  ambulances" (``same_responders``).

Clustering is average-linkage agglomerative with those cannot-links, which
keeps facts tight without fixing their number in advance. Afterwards, two facts
that several outlets each set against each other as different claimants'
counts (police 1.28 million, CGT 3.5 million) become one question
(``join_rival_counts``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from parallax.align.cluster import agglomerate
from parallax.align.items import ClaimItem, Fact, make_items
from parallax.align.links import (
    JOINS,
    cannot_link,
    converted,
    earlier_values,
    is_baseline,
    must_link,
)
from parallax.align.params import DEFAULT, AlignParams
from parallax.align.text import content_words, jaccard
from parallax.align.values import base_value, same_value
from parallax.lexicon import cues
from parallax.lexicon.numbers import VAGUE_RANGES
from parallax.models import Article, Claim
from parallax.nlp.embed import Embedder, FloatArray

_MAX_DECADES = 2.0


#: Names of the pair features, in the order of :func:`pair_features` and the weights.
#: The last five compare the claims' frames (``Claim.measure``, ``place``, ``holder``,
#: ``status``): what each figure measures, where, whose, and how it is offered.
FEATURES = (
    "sent",
    "words",
    "same_value",
    "decades",
    "same_article",
    "measure_cos",
    "same_measure",
    "other_place",
    "other_holder",
    "other_status",
)
#: Statuses of a figure that is not (yet) a count: a projection or a forecast.
_AHEAD = frozenset({"forecast", "projected"})


#: The range a vague quantity word allows: "hundreds" is 100 to 999, not 4,000.
_VAGUE = tuple((re.compile(p, re.IGNORECASE), lo, hi) for p, lo, hi in VAGUE_RANGES)


def _vague_range(claim: Claim) -> tuple[float, float] | None:
    for pattern, lo, hi in _VAGUE:
        if pattern.search(claim.text):
            return lo, hi
    return None


def _vague_decades(a: Claim, b: Claim) -> float:
    """Orders of magnitude between a vague figure's range and a stated value.

    "Hundreds more fighters" and "some 4,000 combatants" have no value to compare,
    yet "hundreds" rules 4,000 out as surely as 288 rules out 26,000; a figure
    inside the range, or two vague figures, give no evidence either way.
    """
    vague, other = (a, b) if a.value is None else (b, a)
    rng = _vague_range(vague)
    v = base_value(other)
    if rng is None or v is None or v <= 0 or other.unit != vague.unit:
        return 0.0
    lo, hi = rng
    if v < lo:
        return min(math.log10(lo / v), _MAX_DECADES)
    if v > hi:
        return min(math.log10(v / hi), _MAX_DECADES)
    return 0.0


def _value_features(a: Claim, b: Claim, revision: bool = False) -> tuple[float, float, float]:
    """Evidence from the figures themselves: (same value, decades apart, same article).

    Two values from one article count against one fact unless the article
    marks one of them as a revision (``revision``).
    """
    if a.value is None and b.value is None:
        return 0.0, 0.0, 0.0
    if a.value is None or b.value is None:
        return 0.0, _vague_decades(a, b), 0.0
    va, vb = base_value(a), base_value(b)
    if va is None or vb is None:
        return 0.0, 0.0, 0.0
    if same_value(va, vb):
        return 1.0, 0.0, 0.0
    lo, hi = sorted((abs(va), abs(vb)))
    decades = _MAX_DECADES if lo == 0 else min(math.log10(hi / lo), _MAX_DECADES)
    same_article = 1.0 if a.aid == b.aid and not revision else 0.0
    return 0.0, decades, same_article


def pair_features(
    items: Sequence[ClaimItem], embedder: Embedder
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """Per-pair features (n, n, len(FEATURES)), the cannot-link mask and the from-to mask."""
    n = len(items)
    feats = np.zeros((n, n, len(FEATURES)), dtype=np.float64)
    blocked = np.zeros((n, n), dtype=bool)
    linked = np.zeros((n, n), dtype=bool)
    if n == 0:
        return feats, blocked, linked
    sent = embedder([i.sentence for i in items])
    feats[:, :, 0] = sent @ sent.T
    words = [content_words(i.local) for i in items]
    revised = [bool(cues.REVISION.search(i.local)) for i in items]
    baseline = [is_baseline(i) for i in items]
    # "the average of 13.9°C (57.0°F)": the figure in the other unit is the yardstick too.
    by_sentence: dict[tuple[str, int], list[int]] = {}
    for k, i in enumerate(items):
        by_sentence.setdefault((i.claim.aid, i.claim.sent_start), []).append(k)
    for x in (k for k in range(n) if baseline[k]):
        for y in by_sentence[(items[x].claim.aid, items[x].claim.sent_start)]:
            if converted(items[x].claim, items[y].claim):
                baseline[y] = True
    for x in range(n):
        for y in range(x + 1, n):
            if cannot_link(items[x], items[y], baseline[x], baseline[y]):
                blocked[x, y] = blocked[y, x] = True
                continue
            if must_link(items[x], items[y], float(feats[x, y, 0])):
                linked[x, y] = linked[y, x] = True
            a, b = items[x].claim, items[y].claim
            feats[x, y, 1] = feats[y, x, 1] = jaccard(words[x], words[y])
            vals = _value_features(a, b, revised[x] or revised[y])
            feats[x, y, 2:5] = feats[y, x, 2:5] = vals
    feats[:, :, 5:] = frame_features(items, embedder)
    for x, y in earlier_values(items):
        if not blocked[x, y]:
            linked[x, y] = linked[y, x] = True
    return feats, blocked, linked


def _named(values: Sequence[str | None]) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """(both named, named differently) for every pair: names that share no word differ
    ("Derna" / "Libya"), "eastern Libya" and "Libya" do not."""
    words = [set(content_words(v)) if v else set() for v in values]
    n = len(values)
    known = np.array([bool(w) for w in words])
    both = known[:, None] & known[None, :]
    differ = np.zeros((n, n), dtype=bool)
    for x in range(n):
        for y in range(x + 1, n):
            if both[x, y] and words[x].isdisjoint(words[y]):
                differ[x, y] = differ[y, x] = True
    return both, differ


def frame_features(items: Sequence[ClaimItem], embedder: Embedder) -> npt.NDArray[np.float64]:
    """(n, n, 5): measure cosine, same measure, other place, other holder, other status."""
    n = len(items)
    out = np.zeros((n, n, 5), dtype=np.float64)
    claims = [i.claim for i in items]
    phrases = [c.measure_phrase or c.measure or "" for c in claims]
    named = np.array([bool(p) for p in phrases])
    if named.any():
        vecs = embedder([p or "-" for p in phrases])
        both = named[:, None] & named[None, :]
        out[:, :, 0] = np.where(both, vecs @ vecs.T, 0.0)
        measures = np.array([c.measure or "" for c in claims])
        out[:, :, 1] = both & (measures[:, None] == measures[None, :])
    out[:, :, 2] = _named([c.place for c in claims])[1]
    out[:, :, 3] = _named([c.holder for c in claims])[1]
    ahead = np.array([(c.status or "") in _AHEAD for c in claims])
    out[:, :, 4] = ahead[:, None] != ahead[None, :]
    return out


def pair_scores(
    items: Sequence[ClaimItem], embedder: Embedder, params: AlignParams = DEFAULT
) -> FloatArray:
    """Probability that two claims answer the same question; incompatible pairs are -inf."""
    n = len(items)
    if n == 0:
        return np.zeros((0, 0), dtype=np.float32)
    feats, blocked, linked = pair_features(items, embedder)
    z = feats @ np.array(params.pair_weights) + params.pair_bias
    score: npt.NDArray[np.float64] = 1.0 / (1.0 + np.exp(-z))
    score[linked] = 1.0
    score[blocked] = -np.inf
    np.fill_diagonal(score, 1.0)
    return score.astype(np.float32)


def group_facts(
    articles: Sequence[Article],
    embedder: Embedder,
    params: AlignParams = DEFAULT,
) -> list[Fact]:
    """Facts over all claims of the event, largest (most voices) first."""
    items = make_items(articles)
    if not items:
        return []
    groups = agglomerate(pair_scores(items, embedder, params), params.merge_threshold)
    facts = [Fact([items[i] for i in g]) for g in groups]
    for join in JOINS:
        facts = join(facts)
    facts.sort(key=lambda f: (-len(f.voices), -len(f.items)))
    return facts
