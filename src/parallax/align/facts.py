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
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy.sparse import csr_matrix

from parallax.align.cluster import agglomerate_pairs
from parallax.align.items import ClaimItem, Fact, make_items
from parallax.align.links import (
    _TYPO_MIN_DIGITS,
    JOINS,
    TWO_CLAIMANTS_COSINE,
    _digits,
    compared,
    converted,
    digit_slip,
    earlier_values,
    from_to,
    is_baseline,
    two_claimants,
)
from parallax.align.neighbours import Index, all_pairs, complete, cosines, nearest, unique_pairs
from parallax.align.outcomes import conflict, responders
from parallax.align.params import DEFAULT, AlignParams
from parallax.align.text import content_words
from parallax.align.values import EXACT_BELOW, base_value, precision, same_value, unit_family
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


#: Claims up to which every pair is scored (every dev event is far below); past it,
#: only candidate pairs are (:func:`candidates`).
ALL_PAIRS = 700
#: Nearest claims of one kind, by sentence and measure, each claim of a large event is
#: scored against.
NEIGHBOURS = 40
#: Claims sharing one value, sentence, responder or rival (same article and outcome),
#: up to which all their pairs are candidates; a larger group gives each its nearest.
GROUP_PAIRS = 64
#: Largest group of claims whose pairs are all scored in a large event (``neighbours.complete``).
COMPLETE = 400

Tag = tuple[str, str, str, bool]


@dataclass
class ClaimTable:
    """What the pair features read of each claim, computed once per claim (not per pair)."""

    items: Sequence[ClaimItem]
    sent: FloatArray
    words: csr_matrix
    #: Base value (``values.base_value``), NaN without one; its precision (``values.precision``).
    value: npt.NDArray[np.float64]
    step: npt.NDArray[np.float64]
    #: The range of a vague figure ("hundreds": 100-999), NaN when not vague.
    vague_lo: npt.NDArray[np.float64]
    vague_hi: npt.NDArray[np.float64]
    unit: npt.NDArray[np.int64]
    aid: npt.NDArray[np.int64]
    voice: npt.NDArray[np.int64]
    sentence: npt.NDArray[np.int64]
    revised: npt.NDArray[np.bool_]
    measure_vec: FloatArray
    measure_named: npt.NDArray[np.bool_]
    measure: npt.NDArray[np.int64]
    places: csr_matrix
    holders: csr_matrix
    ahead: npt.NDArray[np.bool_]
    #: What rules out one fact by itself: (kind, unit family, outcome, yardstick).
    tags: list[Tag]
    responder: npt.NDArray[np.int64]
    outcome: npt.NDArray[np.int64]
    earlier: list[tuple[int, int]]


def _codes(values: Sequence[object]) -> npt.NDArray[np.int64]:
    """An integer per distinct value, -1 for None or an empty string."""
    seen: dict[object, int] = {}
    return np.array(
        [-1 if v is None or v == "" else seen.setdefault(v, len(seen)) for v in values],
        dtype=np.int64,
    ).reshape(len(values))


def _word_matrix(texts: Sequence[Sequence[str]]) -> csr_matrix:
    """One row of 0/1 per text over its distinct words."""
    vocab: dict[str, int] = {}
    indptr, indices = [0], []
    for words in texts:
        row = {vocab.setdefault(w, len(vocab)) for w in words}
        indices.extend(sorted(row))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.int32)
    return csr_matrix((data, indices, indptr), shape=(len(texts), max(len(vocab), 1)))


def _shared(words: csr_matrix, rows: Index, cols: Index) -> npt.NDArray[np.int64]:
    """How many words each pair of rows shares."""
    out = np.empty(len(rows), dtype=np.int64)
    step = 1 << 15
    for lo in range(0, len(rows), step):
        both = words[rows[lo : lo + step]].multiply(words[cols[lo : lo + step]])
        out[lo : lo + step] = np.asarray(both.sum(axis=1)).ravel()
    return out


def _baselines(items: Sequence[ClaimItem]) -> list[bool]:
    """Yardsticks; "the average of 13.9°C (57.0°F)": the figure in the other unit is one too."""
    baseline = [is_baseline(i) for i in items]
    by_sentence: dict[tuple[str, int], list[int]] = {}
    for k, i in enumerate(items):
        by_sentence.setdefault((i.claim.aid, i.claim.sent_start), []).append(k)
    for x in (k for k in range(len(items)) if baseline[k]):
        for y in by_sentence[(items[x].claim.aid, items[x].claim.sent_start)]:
            if converted(items[x].claim, items[y].claim):
                baseline[y] = True
    return baseline


def claim_table(items: Sequence[ClaimItem], embedder: Embedder) -> ClaimTable:
    claims = [i.claim for i in items]
    values = [base_value(c) for c in claims]
    vague = [_vague_range(c) if c.value is None else None for c in claims]
    phrases = [c.measure_phrase or c.measure or "" for c in claims]
    named = np.array([bool(p) for p in phrases], dtype=bool)
    measure_vec = (
        embedder([p or "-" for p in phrases])
        if named.any()
        else np.zeros((len(items), 1), dtype=np.float32)
    )
    baseline = _baselines(items)
    return ClaimTable(
        items=items,
        sent=embedder([i.sentence for i in items]),
        words=_word_matrix([content_words(i.local) for i in items]),
        value=np.array([math.nan if v is None else v for v in values], dtype=np.float64),
        step=np.array([precision(v) if v is not None else 1.0 for v in values]),
        vague_lo=np.array([r[0] if r else math.nan for r in vague], dtype=np.float64),
        vague_hi=np.array([r[1] if r else math.nan for r in vague], dtype=np.float64),
        unit=_codes([repr(c.unit) for c in claims]),
        aid=_codes([c.aid for c in claims]),
        voice=_codes([i.voice for i in items]),
        sentence=_codes([(c.aid, c.sent_start) for c in claims]),
        revised=np.array([bool(cues.REVISION.search(i.local)) for i in items], dtype=bool),
        measure_vec=measure_vec,
        measure_named=named,
        measure=_codes([c.measure or "\0" for c in claims]),
        places=_word_matrix([content_words(c.place) if c.place else [] for c in claims]),
        holders=_word_matrix([content_words(c.holder) if c.holder else [] for c in claims]),
        ahead=np.array([(c.status or "") in _AHEAD for c in claims], dtype=bool),
        tags=[
            (c.kind, unit_family(c), i.outcome or "", b)
            for c, i, b in zip(claims, items, baseline, strict=True)
        ],
        responder=_codes(
            [responders(c) if i.outcome else None for c, i in zip(claims, items, strict=True)]
        ),
        outcome=_codes([i.outcome for i in items]),
        earlier=earlier_values(items),
    )


def clash(a: Tag, b: Tag) -> bool:
    """Whether two claims can never share a fact whatever their sentences say: other
    kinds or unit families, outcomes that rule each other out, a yardstick and a
    measurement (the rest of ``links.cannot_link`` is about one sentence)."""
    return (
        a[0] != b[0]
        or bool(a[1] and b[1] and a[1] != b[1])
        or conflict(a[2] or None, b[2] or None)
        or a[3] != b[3]
    )


def _same_value(
    a: npt.NDArray[np.float64],
    b: npt.NDArray[np.float64],
    sa: npt.NDArray[np.float64],
    sb: npt.NDArray[np.float64],
) -> npt.NDArray[np.bool_]:
    """``values.same_value`` of each pair, given each value's precision."""
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        exact = (
            (np.maximum(np.abs(a), np.abs(b)) < EXACT_BELOW) & (a == np.rint(a)) & (b == np.rint(b))
        )
        step = np.maximum(sa, sb)
        coarse_a = sa >= sb
        coarse, fine = np.where(coarse_a, a, b), np.where(coarse_a, b, a)
        rounds = np.abs(np.rint(fine / step) * step - coarse) <= step * 1e-6
        near = np.abs(a - b) <= 0.1 * np.maximum(np.abs(a), np.abs(b))
        same: npt.NDArray[np.bool_] = (a == b) | (((a < 0) == (b < 0)) & ~exact & rounds & near)
        return same


def _value_columns(t: ClaimTable, rows: Index, cols: Index) -> npt.NDArray[np.float32]:
    """(same value, decades apart, same article) of each pair: ``_value_features``, vectorised."""
    out = np.zeros((len(rows), 3), dtype=np.float32)
    a, b = t.value[rows], t.value[cols]
    has_a, has_b = ~np.isnan(a), ~np.isnan(b)
    both = has_a & has_b
    same = np.zeros(len(rows), dtype=bool)
    same[both] = _same_value(a[both], b[both], t.step[rows][both], t.step[cols][both])
    out[:, 0] = same
    differ = both & ~same
    lo = np.minimum(np.abs(a), np.abs(b))[differ]
    hi = np.maximum(np.abs(a), np.abs(b))[differ]
    with np.errstate(divide="ignore", invalid="ignore"):
        dec = np.where(lo == 0, _MAX_DECADES, np.minimum(np.log10(hi / lo), _MAX_DECADES))
    out[differ, 1] = dec
    revision = t.revised[rows] | t.revised[cols]
    out[:, 2] = differ & (t.aid[rows] == t.aid[cols]) & ~revision
    # One vague figure ("hundreds") against a stated value.
    one = has_a ^ has_b
    vague = np.where(has_a, cols, rows)[one]
    other = np.where(has_a, rows, cols)[one]
    v = t.value[other]
    vlo, vhi = t.vague_lo[vague], t.vague_hi[vague]
    usable = ~np.isnan(vlo) & (v > 0) & (t.unit[vague] == t.unit[other])
    with np.errstate(divide="ignore", invalid="ignore"):
        below = np.minimum(np.log10(vlo / v), _MAX_DECADES)
        above = np.minimum(np.log10(v / vhi), _MAX_DECADES)
    out[one, 1] = np.where(usable & (v < vlo), below, np.where(usable & (v > vhi), above, 0.0))
    return out


def _named_apart(words: csr_matrix, rows: Index, cols: Index) -> npt.NDArray[np.bool_]:
    """Both named, by names that share no word: "Derna" / "Libya", not "eastern Libya" /
    "Libya"."""
    known = np.asarray(words.sum(axis=1)).ravel() > 0
    both = known[rows] & known[cols]
    out = np.zeros(len(rows), dtype=bool)
    if both.any():
        out[both] = _shared(words, rows[both], cols[both]) == 0
    return out


def features(t: ClaimTable, rows: Index, cols: Index) -> npt.NDArray[np.float32]:
    """The pair features (``FEATURES``) of the pairs (rows[k], cols[k]), float32."""
    m = len(rows)
    out = np.zeros((m, len(FEATURES)), dtype=np.float32)
    if not m:
        return out
    out[:, 0] = cosines(t.sent, rows, cols)
    size = np.asarray(t.words.sum(axis=1)).ravel()
    shared = _shared(t.words, rows, cols)
    union = size[rows] + size[cols] - shared
    with np.errstate(divide="ignore", invalid="ignore"):
        out[:, 1] = np.where((size[rows] > 0) & (size[cols] > 0), shared / union, 0.0)
    out[:, 2:5] = _value_columns(t, rows, cols)
    both = t.measure_named[rows] & t.measure_named[cols]
    if both.any():
        out[both, 5] = cosines(t.measure_vec, rows[both], cols[both])
        out[:, 6] = both & (t.measure[rows] == t.measure[cols])
    out[:, 7] = _named_apart(t.places, rows, cols)
    out[:, 8] = _named_apart(t.holders, rows, cols)
    out[:, 9] = t.ahead[rows] != t.ahead[cols]
    return out


def links(
    t: ClaimTable, rows: Index, cols: Index, cosine: FloatArray
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """(cannot-link, must-link) of each pair: ``links.cannot_link`` and ``links.must_link``,
    each rule evaluated only on the pairs where it can hold."""
    m = len(rows)
    tags = t.tags
    verdict: dict[tuple[Tag, Tag], bool] = {}
    blocked = np.zeros(m, dtype=bool)
    for k, (x, y) in enumerate(zip(rows.tolist(), cols.tolist(), strict=True)):
        key = (tags[x], tags[y])
        got = verdict.get(key)
        if got is None:
            got = verdict[key] = clash(*key)
        blocked[k] = got
    linked = np.zeros(m, dtype=bool)
    items = t.items
    # Two figures of one sentence are one fact only when the text relates them.
    for k in np.flatnonzero((t.sentence[rows] == t.sentence[cols]) & ~blocked).tolist():
        a, b = items[rows[k]].claim, items[cols[k]].claim
        text = items[rows[k]].article.text
        if from_to(a, b, text) or compared(a, b, text) or converted(a, b):
            linked[k] = True
        else:
            blocked[k] = True
    open_ = ~blocked & ~linked
    slips = open_ & (t.aid[rows] != t.aid[cols]) & (t.value[rows] != t.value[cols])
    slips &= np.array([len(_digits(i.claim)) >= _TYPO_MIN_DIGITS for i in items])[rows]
    for k in np.flatnonzero(slips).tolist():
        linked[k] = digit_slip(items[rows[k]].claim, items[cols[k]].claim)
    linked |= (
        open_
        & (t.responder[rows] >= 0)
        & (t.responder[rows] == t.responder[cols])
        & (t.outcome[rows] == t.outcome[cols])
        & (t.voice[rows] != t.voice[cols])
    )
    rivals = open_ & ~linked & (t.aid[rows] == t.aid[cols]) & (cosine >= TWO_CLAIMANTS_COSINE)
    for k in np.flatnonzero(rivals).tolist():
        linked[k] = two_claimants(items[rows[k]], items[cols[k]], float(cosine[k]))
    if t.earlier:
        n = len(items)
        earlier = np.array([min(x, y) * n + max(x, y) for x, y in t.earlier], dtype=np.int64)
        linked |= np.isin(rows * np.int64(n) + cols, earlier) & ~blocked
    return blocked, linked


def scores(
    t: ClaimTable, rows: Index, cols: Index, params: AlignParams = DEFAULT
) -> npt.NDArray[np.float32]:
    """Probability that each pair of claims (rows[k] < cols[k]) answers one question;
    -inf where they cannot."""
    feats = features(t, rows, cols)
    blocked, linked = links(t, rows, cols, feats[:, 0])
    z = feats.astype(np.float64) @ np.array(params.pair_weights) + params.pair_bias
    out: npt.NDArray[np.float64] = 1.0 / (1.0 + np.exp(-z))
    out[linked] = 1.0
    out[blocked] = -np.inf
    return out.astype(np.float32)


def _grouped(
    keys: npt.NDArray[np.int64], vecs: FloatArray, most: int = GROUP_PAIRS
) -> list[tuple[Index, Index]]:
    """Pairs inside each group of equal keys (-1: none): all of them, or each member's
    ``NEIGHBOURS`` nearest when the group has more than ``most`` members."""
    out = []
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    bounds = np.flatnonzero(np.diff(sorted_keys)) + 1
    for members in np.split(order, bounds):
        if len(members) < 2 or keys[members[0]] < 0:
            continue
        members = members.astype(np.int64)
        if len(members) <= most:
            r, c = all_pairs(len(members))
        else:
            r, c = nearest(vecs[members], NEIGHBOURS)
        out.append((members[r], members[c]))
    return out


def _value_pairs(t: ClaimTable, kinds: npt.NDArray[np.int64]) -> tuple[Index, Index]:
    """Pairs of one kind whose values can be the same figure (``values.same_value``): the
    finer inside half a step of the coarser, found by sorting, never by all pairs."""
    has = np.flatnonzero(~np.isnan(t.value))
    if len(has) < 2:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    order = has[np.argsort(t.value[has], kind="stable")]
    v = t.value[order]
    reach = np.minimum(t.step[order] / 2, 0.1 * np.abs(v)) * (1 + 1e-6) + 1e-12
    lo = np.searchsorted(v, v - reach, side="left")
    hi = np.searchsorted(v, v + reach, side="right")
    width = hi - lo
    rows = np.repeat(order, width)
    cols = order[np.concatenate([np.arange(a, b) for a, b in zip(lo, hi, strict=True)])]
    keep = (rows != cols) & (kinds[rows] == kinds[cols])
    rows, cols = rows[keep], cols[keep]
    same = _same_value(t.value[rows], t.value[cols], t.step[rows], t.step[cols])
    return rows[same], cols[same]


def candidates(t: ClaimTable, params: AlignParams = DEFAULT) -> tuple[Index, Index]:
    """The pairs of claims worth scoring: every pair of a small event; in a large one,
    claims of one kind near each other by sentence and measure, and the pairs the
    value and link rules need (one sentence, one value, one responder, one article's
    rival counts, slipped digits, earlier values)."""
    n = len(t.items)
    if n <= ALL_PAIRS:
        return all_pairs(n)
    kinds = _codes([tag[0] for tag in t.tags])
    w_sent, w_measure = max(params.pair_weights[0], 0.0), max(params.pair_weights[5], 0.0)
    proxy = np.hstack(
        [
            math.sqrt(w_sent) * t.sent,
            math.sqrt(w_measure) * t.measure_vec * t.measure_named[:, None],
        ]
    ).astype(np.float32)
    parts = [nearest(proxy, NEIGHBOURS, kinds), _value_pairs(t, kinds)]
    exact = _codes([(tag[0], v) for tag, v in zip(t.tags, t.value.tolist(), strict=True)])
    exact[np.isnan(t.value)] = -1
    rival = _codes([(t.aid[k], t.outcome[k]) if t.outcome[k] >= 0 else None for k in range(n)])
    responder = np.where(t.responder >= 0, t.responder * 10_000 + t.outcome, -1)
    for keys in (exact, t.sentence, rival, responder):
        parts.extend(_grouped(keys, t.sent))
    parts.append(_slip_pairs(t))
    if t.earlier:
        parts.append((np.array([x for x, _ in t.earlier]), np.array([y for _, y in t.earlier])))
    rows = np.concatenate([p[0] for p in parts]).astype(np.int64)
    cols = np.concatenate([p[1] for p in parts]).astype(np.int64)
    return unique_pairs(n, rows, cols)


def _slip_pairs(t: ClaimTable) -> tuple[Index, Index]:
    """Pairs of long figures one swapped, dropped or added digit apart (``digit_slip``):
    one key per figure and per figure less one digit, joined by hashing."""
    keyed: dict[str, list[int]] = {}
    for k, item in enumerate(t.items):
        d = _digits(item.claim)
        if len(d) < _TYPO_MIN_DIGITS:
            continue
        keys = {"s" + "".join(sorted(d)) + f"/{len(d)}", "d" + d}
        keys.update("d" + d[:j] + d[j + 1 :] for j in range(1, len(d) - 1))
        for key in keys:
            keyed.setdefault(key, []).append(k)
    rows, cols = [], []
    for group in keyed.values():
        for a in range(len(group)):
            for b in range(a + 1, len(group)):
                rows.append(group[a])
                cols.append(group[b])
    return np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)


def pair_features(
    items: Sequence[ClaimItem], embedder: Embedder
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """Features of every pair (n, n, len(FEATURES)), the cannot-link mask and the must-link
    mask, as matrices (for fitting the weights on small events)."""
    n = len(items)
    feats = np.zeros((n, n, len(FEATURES)), dtype=np.float64)
    blocked = np.zeros((n, n), dtype=bool)
    linked = np.zeros((n, n), dtype=bool)
    if n == 0:
        return feats, blocked, linked
    t = claim_table(items, embedder)
    rows, cols = all_pairs(n)
    f = features(t, rows, cols)
    b, k = links(t, rows, cols, f[:, 0])
    for x, y in ((rows, cols), (cols, rows)):
        feats[x, y] = f
        blocked[x, y] = b
        linked[x, y] = k & ~b
    feats[np.arange(n), np.arange(n), 0] = np.einsum("ij,ij->i", t.sent, t.sent)
    return feats, blocked, linked


def pair_scores(
    items: Sequence[ClaimItem], embedder: Embedder, params: AlignParams = DEFAULT
) -> FloatArray:
    """Probability that two claims answer the same question, as a matrix; incompatible
    pairs are -inf."""
    n = len(items)
    out = np.ones((n, n), dtype=np.float32)
    if n == 0:
        return out
    rows, cols = all_pairs(n)
    s = scores(claim_table(items, embedder), rows, cols, params)
    out[rows, cols] = s
    out[cols, rows] = s
    return out


def group_facts(
    articles: Sequence[Article],
    embedder: Embedder,
    params: AlignParams = DEFAULT,
) -> list[Fact]:
    """Facts over all claims of the event, largest (most voices) first."""
    items = make_items(articles)
    if not items:
        return []
    t = claim_table(items, embedder)
    n = len(items)
    rows, cols = candidates(t, params)
    got = scores(t, rows, cols, params)
    if n > ALL_PAIRS:
        rows, cols, got = complete(
            n,
            rows,
            cols,
            got,
            params.merge_threshold,
            lambda r, c: scores(t, r, c, params),
            COMPLETE,
        )
    groups = agglomerate_pairs(n, rows, cols, got, params.merge_threshold, t.tags, clash)
    facts = [Fact([items[i] for i in g]) for g in groups]
    for join in JOINS:
        facts = join(facts)
    facts.sort(key=lambda f: (-len(f.voices), -len(f.items)))
    return facts
