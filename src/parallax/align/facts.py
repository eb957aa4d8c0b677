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

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from parallax.align.outcomes import RESPONDED, conflict, outcome, responders
from parallax.align.text import content_words, jaccard
from parallax.align.values import base_value, same_value, unit_family
from parallax.lexicon import cues
from parallax.lexicon.calendar import TIME_WORDS
from parallax.lexicon.numbers import VAGUE_RANGES
from parallax.lexicon.outcomes import ANYONE, SAME_GROUP
from parallax.models import Article, Claim
from parallax.nlp.embed import Embedder, FloatArray

#: Linkage score (a probability) above which two groups of claims are one fact.
MERGE_THRESHOLD = 0.3
# Logistic weights of the pair score, fitted (Newton, L2 1e-3) on claim pairs of
# the dev clusters labelled by the gold question their figures answer: 4,220
# pairs, 846 of one question; leave-one-cluster-out AUC 0.925. Sentence
# similarity and the values carry it. Tried and dropped: the embedding of the
# word window (weight -0.15 once word overlap is in), place names next to the
# figure (-0.2), same counted noun (wrong sign) and differing time words next to
# the figure ("last year", "2017": -0.5, no AUC gain). Re-tried with
# bench/fit_facts.py (3,321 pairs of the current extractor, 591 positive; LOCO
# AUC 0.867 for these features): the embedding of the counted noun plus
# predicate ("troops laid down their arms"), of the predicate alone, or of the
# counted noun, alone or only for pairs of different values, gain nothing
# (0.863-0.867), and the refitted weights lower dev divergence coverage
# (0.50 -> 0.44), so these weights stay. What joins a running figure's old and
# new values across sentences is the article saying so (``earlier_values``).
#: Two different figures in one article are seldom one fact (same_article < 0):
#: an article states a running figure once, unless it reports a revision.
WEIGHTS = (4.70, 1.78, 4.28, -1.44, -1.52)
_MAX_DECADES = 2.0
_BIAS = -3.65
_WINDOW_BEFORE = 5
_WINDOW_AFTER = 6


@dataclass
class ClaimItem:
    """A claim with what alignment needs beside it: its article, voice and text views."""

    claim: Claim
    article: Article
    #: The aid that speaks for this article: wire copies speak with their original's voice.
    voice: str
    sentence: str
    local: str
    date: dt.date | None
    #: What happened to the people counted (killed, injured, ...), when the text says.
    outcome: str | None = None

    @property
    def outlet(self) -> str:
        return self.article.outlet or self.article.aid


@dataclass
class Fact:
    """Claims judged to measure the same quantity, possibly with different values."""

    items: list[ClaimItem] = field(default_factory=list)

    @property
    def voices(self) -> set[str]:
        return {i.voice for i in self.items}


_NUMBER = re.compile(r"[$€£]?\d[\d,.]*%?")


def _local_window(article: Article, claim: Claim) -> str:
    """The words right around the figure, inside its sentence, other numbers masked.

    Other figures in the window ("from 3.5% to 3.4%") say nothing about what
    this one counts and would pull unrelated claims together.
    """
    before = article.text[claim.sent_start : claim.char_start].split()[-_WINDOW_BEFORE:]
    after = article.text[claim.char_end : claim.sent_end].split()[:_WINDOW_AFTER]
    return _NUMBER.sub("#", " ".join([*before, "#", *after]))


def describe(claim: Claim, article: Article) -> str:
    """What the figure counts, in words: extractor fields first, the local window always.

    The window is kept even when the extractor named the counted noun, because
    the noun alone ("people", "jobs") is too generic to tell a death toll from
    an injury count, or payrolls from a forecast of them.
    """
    parts = [claim.counted or "", claim.predicate or ""]
    head = _NUMBER.sub("#", " ".join(p for p in parts if p)).strip()
    window = _local_window(article, claim)
    return f"{head}. {window}" if head else window


def voice_map(articles: Sequence[Article]) -> dict[str, str]:
    """aid -> the aid that speaks for it: a wire copy speaks with its original's voice.

    Chains (a copy of a copy) are followed to their end; a ``duplicate_of``
    naming an article outside the event still counts as that one voice.
    """
    by_aid = {a.aid: a for a in articles}
    out: dict[str, str] = {}
    for art in articles:
        voice, seen = art.aid, {art.aid}
        nxt = art.duplicate_of
        while nxt and nxt not in seen:
            voice = nxt
            seen.add(nxt)
            nxt = by_aid[nxt].duplicate_of if nxt in by_aid else None
        out[art.aid] = voice
    return out


def make_items(articles: Sequence[Article]) -> list[ClaimItem]:
    voices = voice_map(articles)
    return [
        ClaimItem(
            claim=c,
            article=art,
            voice=voices[art.aid],
            sentence=art.text[c.sent_start : c.sent_end],
            local=describe(c, art),
            date=c.as_of or art.published,
            outcome=outcome(c, art),
        )
        for art in articles
        for c in art.claims
    ]


_FROM_TO = re.compile(r"^\W*(?:\w+\W+){0,2}?(?:to|and then)\W*$", re.IGNORECASE)
_FROM = re.compile(r"\b(?:from|revised|restated)\W+(?:\w+\W+){0,1}$", re.IGNORECASE)


def same_sentence(a: Claim, b: Claim) -> bool:
    """Two different claims of one sentence: every same-sentence rule starts here."""
    return a.aid == b.aid and a.sent_start == b.sent_start and a.id != b.id


_TO_FROM = re.compile(r"^\W*(?:\w+\W+){0,2}?from\W*$", re.IGNORECASE)
_TO = re.compile(r"\bto\W*$", re.IGNORECASE)


def old_value(old: Claim, new: Claim, text: str) -> bool:
    """ "from 62 to 64" or "to 64 from 62": ``old`` is the value ``new`` replaces.

    Both orders tell which figure is the old one once the two share a fact; only
    the first joins them (:func:`from_to`).
    """
    if not same_sentence(old, new):
        return False
    if old.char_end <= new.char_start:  # from 62 to 64
        between = text[old.char_end : new.char_start]
        before = text[old.sent_start : old.char_start]
        return bool(_FROM_TO.match(between) and _FROM.search(before))
    if new.char_end <= old.char_start:  # to 64 from 62
        between = text[new.char_end : old.char_start]
        before = text[new.sent_start : new.char_start]
        return bool(_TO_FROM.match(between) and _TO.search(before))
    return False


def from_to(a: Claim, b: Claim, text: str) -> bool:
    """ "rose from 113.1 million to 115.1 million": two figures of one sentence, one quantity.

    A revision states the old and the new value side by side; everywhere else two
    figures of one sentence measure different things. Only this order links two
    figures: "surged to $6.19 billion, up from $656 million a year earlier" compares
    two periods, and joining them would make a year-on-year comparison an update.
    """
    first, second = (a, b) if a.char_start < b.char_start else (b, a)
    return old_value(first, second, text)


#: Words the comparison may carry before "than" and between "than" and the count noun.
_COMPARED_LEAD = 8
_COMPARED_MID = 4
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _time_word(word: str) -> bool:
    return word in TIME_WORDS or bool(_YEAR.match(word))


def compared(a: Claim, b: Claim, text: str) -> bool:
    """ "6,000 ..., far more than the state's count of 4,500": two counts of one quantity.

    The words between the figures must read "... more than the X's count of",
    with nothing naming another time ("last year's total of", "recorded in
    2019" right after) and the same thing counted on both sides when both say
    what ("the number of 4,500 schools" is not people). Read word by word: a
    regular expression over free text with hyphen runs backtracks for minutes.
    """
    if not same_sentence(a, b):
        return False
    first, second = (a, b) if a.char_start < b.char_start else (b, a)
    if first.char_end > second.char_start:
        return False
    words = [
        w.strip(".,;:()\"'“”‘’").casefold()
        for w in text[first.char_end : second.char_start].split()
    ]
    words = [w for w in words if w]
    after = [
        w.strip(".,;:()\"'“”‘’").casefold()
        for w in text[second.char_end : second.sent_end].split()[:4]
    ]
    if len(words) < 3 or words[-1] != "of" or words[-2] not in cues.COUNT_NOUNS:
        return False
    if "than" not in words or any(_time_word(w) for w in words + after):
        return False
    than = len(words) - 1 - words[::-1].index("than")
    if than == 0 or words[than - 1] not in cues.COMPARATIVES:
        return False
    if than - 1 > _COMPARED_LEAD or (len(words) - 2) - (than + 1) > _COMPARED_MID:
        return False
    na, nb = (first.counted or "").split(), (second.counted or "").split()
    return not (na and nb and na[-1].casefold().rstrip("s") != nb[-1].casefold().rstrip("s"))


#: How far back (characters) the figure it revises may sit: the same paragraph or the next.
_EARLIER_VALUE_REACH = 600


def called_earlier(item: ClaimItem) -> bool:
    """Whether the sentence calls this figure an earlier value ("the previous figure was")."""
    c = item.claim
    return bool(cues.EARLIER_VALUE.search(item.article.text[c.sent_start : c.char_start]))


def earlier_values(items: Sequence[ClaimItem]) -> list[tuple[int, int]]:
    """(earlier, current) index pairs: a figure called "the previous figure" and the one it updates.

    An article that gives a running figure and then its previous value ("At the
    moment, 1,908 laid down their arms. ... The previous figure was 1,730")
    states outright that both measure one quantity, however little the two
    sentences share. The current value is the compatible figure shortly before
    it that is closest in size (a running figure moves by a fraction, not by
    orders of magnitude), so "177 civilians" in between is skipped.
    """
    out = []
    for x, it in enumerate(items):
        c = it.claim
        if c.value is None or c.value <= 0 or not called_earlier(it):
            continue
        ranked = []
        for y, other in enumerate(items):
            o = other.claim
            if (
                o.aid == c.aid
                and o.value is not None
                and o.value > 0
                and o.char_end <= c.char_start
                and c.char_start - o.char_end <= _EARLIER_VALUE_REACH
                and o.sent_start != c.sent_start
                and compatible(o, c)
            ):
                gap = abs(math.log10(o.value / c.value))
                if gap < 1.0:
                    ranked.append((gap, -o.char_start, y))
        if ranked:
            out.append((x, min(ranked)[2]))
    return out


#: Significant digits a figure needs before a one-digit difference reads as a slip:
#: "25,000" and "256,000" are two round numbers, "6,10,533" and "6,101,533" one figure.
_TYPO_MIN_DIGITS = 6
_DECIMAL = re.compile(r"\d[.,]\d{1,2}\b(?![,.]\d)|\d\.\d")


def _digits(claim: Claim) -> str:
    """The figure's significant digits as written (trailing zeros say nothing)."""
    return re.sub(r"\D", "", claim.text).rstrip("0")


def digit_slip(a: Claim, b: Claim) -> bool:
    """Two long figures one dropped, added or swapped digit apart: "6,10,533" for 6,101,533.

    Outlets copy figures by hand and machine translation regroups digits; a
    long figure that differs from another outlet's by a single slipped digit
    is that figure mistyped, not a rival count, and should be shown beside it.
    The slip must be inside the figure: a digit added or dropped at either end
    is a figure ten times larger or smaller, and a figure with decimals
    ("12,345.6" beside "12,345.67") is rounded, not mistyped.
    """
    if a.aid == b.aid or a.value == b.value or _DECIMAL.search(a.text) or _DECIMAL.search(b.text):
        return False
    x, y = _digits(a), _digits(b)
    if min(len(x), len(y)) < _TYPO_MIN_DIGITS:
        return False
    if len(x) == len(y):
        diff = [k for k in range(len(x)) if x[k] != y[k]]
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and x[diff[0]] == y[diff[1]]
            and x[diff[1]] == y[diff[0]]
        )
    short, long_ = sorted((x, y), key=len)
    if len(long_) - len(short) != 1:
        return False
    return any(long_[:k] + long_[k + 1 :] == short for k in range(1, len(long_) - 1))


#: Sentence similarity from which one article's two claimants' figures are one question.
TWO_CLAIMANTS_COSINE = 0.65
#: Largest ratio between those figures: rival answers differ by a margin, not a multiple.
TWO_CLAIMANTS_RATIO = 1.25


def two_claimants(a: ClaimItem, b: ClaimItem, cosine: float) -> bool:
    """One article setting two claimants' figures for one thing side by side.

    "The Kremlin said more than 900 Ukrainian fighters ... have been shipped off
    to a former prison colony" and, two paragraphs on, "According to Maria
    Zakharova ..., at least 959 soldiers ... were shipped off to a pre-trial
    detention center": the article itself gives two sources' answers to one
    question. Two different figures of one article are otherwise seldom one
    fact (the fitted same-article weight is negative: mostly actual against
    expected), so this asks for much: counts of people with one stated outcome
    (shipped off to a detention center: captured), named claimants with no word in common,
    current counts of one date (no forecast or survey of economists, no
    earlier value), values within ``TWO_CLAIMANTS_RATIO`` and sentences at
    least ``TWO_CLAIMANTS_COSINE`` alike. No dev cluster has a pair that
    passes; its pairs of this shape that answer different gold questions have
    cosines of 0.57 or less.
    """
    ca, cb = a.claim, b.claim
    if ca.aid != cb.aid or cosine < TWO_CLAIMANTS_COSINE:
        return False
    va, vb = base_value(ca), base_value(cb)
    if not va or not vb or (va > 0) != (vb > 0) or same_value(va, vb):
        return False
    if max(abs(va), abs(vb)) / min(abs(va), abs(vb)) > TWO_CLAIMANTS_RATIO:
        return False
    if ca.as_of != cb.as_of:
        # "at 44 percent" now against "the December 2007 reading at 38 percent".
        return False
    if a.outcome is None or a.outcome != b.outcome:
        # Only counts of people with one stated fate: "Apple said it sold 50 million
        # iPhones ... Samsung said it sold 60 million" are two companies' own figures.
        return False
    claimants_a, claimants_b = content_words(ca.source or ""), content_words(cb.source or "")
    return bool(
        claimants_a
        and claimants_b
        and set(claimants_a).isdisjoint(claimants_b)
        and not cues.EXPECTED.search(f"{ca.source} {cb.source}")
        and _rival_ready(a)
        and _rival_ready(b)
    )


def same_responders(a: ClaimItem, b: ClaimItem) -> bool:
    """Two outlets counting the same kind of responder: "200 ambulances" and "60 ambulances".

    Unlike a toll, which comes in many scopes (one country, one region, the
    total), what was sent to one scene is one quantity per kind of responder,
    so two counts of ambulances from different outlets answer one question.
    """
    if a.voice == b.voice or not a.outcome or a.outcome != b.outcome:
        return False
    kind = responders(a.claim)
    return kind is not None and kind == responders(b.claim)


#: "1.18 degrees above the 20th-century average of 13.9°C": the figure is the yardstick
#: another figure is measured against, a different quantity from the measurement.
_BASELINE = re.compile(
    r"\b(?:above|below|than|over|under|compared\s+(?:to|with)|relative\s+to)\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:average|baseline|mean|norm)(?:\s+of)?\W*$",
    re.IGNORECASE,
)


def is_baseline(item: ClaimItem) -> bool:
    """Whether the figure is a reference value ("the 20th-century average of 13.9°C")."""
    return bool(_BASELINE.search(lead_in(item, 8)))


def converted(a: Claim, b: Claim) -> bool:
    """ "1.18 degrees Celsius (2.12 degrees Fahrenheit)": one figure given in two units."""
    if not same_sentence(a, b):
        return False
    if not a.unit or not b.unit or a.unit.casefold() == b.unit.casefold():
        return False
    fa, fb = unit_family(a), unit_family(b)
    va, vb = base_value(a), base_value(b)
    return bool(fa) and fa == fb and va is not None and vb is not None and same_value(va, vb)


def compatible(a: Claim, b: Claim, text: str = "") -> bool:
    """Whether two claims may be the same fact at all (hard constraints)."""
    if a.kind != b.kind:
        return False
    ua, ub = unit_family(a), unit_family(b)
    if ua and ub and ua != ub:
        return False
    return not same_sentence(a, b) or from_to(a, b, text) or compared(a, b, text) or converted(a, b)


#: Names of the pair features, in the order of :func:`pair_features` and ``WEIGHTS``.
FEATURES = ("sent", "words", "same_value", "decades", "same_article")


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
            a, b = items[x].claim, items[y].claim
            text = items[x].article.text
            oa, ob = items[x].outcome, items[y].outcome
            if not compatible(a, b, text) or conflict(oa, ob) or baseline[x] != baseline[y]:
                blocked[x, y] = blocked[y, x] = True
                continue
            if (
                from_to(a, b, text)
                or compared(a, b, text)
                or converted(a, b)
                or digit_slip(a, b)
                or same_responders(items[x], items[y])
                or two_claimants(items[x], items[y], float(feats[x, y, 0]))
            ):
                linked[x, y] = linked[y, x] = True
            feats[x, y, 1] = feats[y, x, 1] = jaccard(words[x], words[y])
            vals = _value_features(a, b, revised[x] or revised[y])
            feats[x, y, 2:5] = feats[y, x, 2:5] = vals
    for x, y in earlier_values(items):
        if not blocked[x, y]:
            linked[x, y] = linked[y, x] = True
    return feats, blocked, linked


def pair_scores(items: Sequence[ClaimItem], embedder: Embedder) -> FloatArray:
    """Probability that two claims answer the same question; incompatible pairs are -inf."""
    n = len(items)
    if n == 0:
        return np.zeros((0, 0), dtype=np.float32)
    feats, blocked, linked = pair_features(items, embedder)
    z = feats @ np.array(WEIGHTS) + _BIAS
    score: npt.NDArray[np.float64] = 1.0 / (1.0 + np.exp(-z))
    score[linked] = 1.0
    score[blocked] = -np.inf
    np.fill_diagonal(score, 1.0)
    return score.astype(np.float32)


def cluster(score: FloatArray, threshold: float) -> list[list[int]]:
    """Average-linkage agglomerative clustering with cannot-links.

    A -inf score is a cannot-link: any merge that would put its two ends in one
    cluster is blocked. Average linkage (rather than single) keeps one loose pair
    from chaining two unrelated figures together; the dev sweep found single-
    linkage mixes (0.2-0.5 of the linkage) worse on every metric.
    """
    n = score.shape[0]
    clusters: list[list[int]] = [[i] for i in range(n)]
    sim = score.astype(np.float64).copy()
    np.fill_diagonal(sim, -np.inf)
    sizes = np.ones(n)
    alive = np.ones(n, dtype=bool)
    # Linkage sums let average linkage update in O(n) per merge; -inf is kept as a
    # separate blocked mask so that one cannot-link poisons the merged pair.
    blocked = np.isneginf(sim) & ~np.eye(n, dtype=bool)
    total = np.where(np.isneginf(sim), 0.0, sim)
    while n:
        link = np.where(blocked, -np.inf, total / np.outer(sizes, sizes))
        link[~alive, :] = -np.inf
        link[:, ~alive] = -np.inf
        np.fill_diagonal(link, -np.inf)
        x, y = np.unravel_index(int(np.argmax(link)), link.shape)
        if not np.isfinite(link[x, y]) or link[x, y] < threshold:
            break
        clusters[x].extend(clusters[y])
        clusters[y] = []
        total[x, :] += total[y, :]
        total[:, x] += total[:, y]
        blocked[x, :] |= blocked[y, :]
        blocked[:, x] |= blocked[:, y]
        sizes[x] += sizes[y]
        alive[y] = False
    return [sorted(c) for c in clusters if c]


#: Articles that must each set the two counts side by side before they are one question.
MIN_JUXTAPOSED = 2


def lead_in(item: ClaimItem, words: int = _WINDOW_BEFORE) -> str:
    """The few words right before the figure, inside its sentence."""
    c = item.claim
    return " ".join(item.article.text[c.sent_start : c.char_start].split()[-words:])


def _rival_ready(item: ClaimItem) -> bool:
    """An attributed current count: no forecast and no earlier value."""
    c = item.claim
    return bool(
        c.source
        and c.value
        and not cues.EXPECTED.search(lead_in(item))
        and not cues.EXPECTED.search(c.predicate or "")
        and not cues.REVISION.search(item.local)
        and not called_earlier(item)
    )


def _scope(item: ClaimItem) -> frozenset[str]:
    """Names next to the figure other than its claimant ("1,200 deaths in regions of Syria")."""
    window = item.local.casefold()
    claimant = set(content_words(item.claim.source or ""))
    return frozenset(
        e.casefold()
        for e in item.claim.context
        if e.casefold() in window and not set(content_words(e)) <= claimant
    )


@dataclass
class _Rival:
    """A rival-ready claim with what the rival test compares, computed once."""

    item: ClaimItem
    value: float
    scope: frozenset[str]
    claimant: frozenset[str]


def _rivals_of(fact: Fact) -> list[_Rival]:
    out = []
    for i in fact.items:
        v = base_value(i.claim)
        if v and _rival_ready(i):
            out.append(_Rival(i, v, _scope(i), frozenset(content_words(i.claim.source or ""))))
    return out


def _rival_pair(r: _Rival, s: _Rival) -> bool:
    """Two figures of one article that name each other's rival: see :func:`join_rival_counts`."""
    a, b = r.item.claim, s.item.claim
    return (
        a.aid == b.aid
        and r.claimant.isdisjoint(s.claimant)
        and r.scope == s.scope
        and compatible(a, b)
        and r.item.outcome == s.item.outcome
        and (r.value > 0) == (s.value > 0)
        and not same_value(r.value, s.value)
        and abs(math.log10(r.value / s.value)) < 1.0
    )


def join_rival_counts(facts: list[Fact]) -> list[Fact]:
    """One question for two counts that several outlets each set against each other.

    "Police said 1.28 million took part ... the CGT put the number at 3.5
    million": the pair score keeps these apart (two values, and one article
    giving two figures usually means two quantities), yet when at least
    ``MIN_JUXTAPOSED`` outlets each report both figures, each from its own
    claimant, the outlets themselves present them as rival answers to one
    question: that is an attribution dispute, the reader's first question. A
    forecast or benchmark ("expectations of 185,000") and an earlier value are
    not rivals, nor are two counts an article places differently ("5,894 killed"
    beside "1,200 deaths in regions of Syria": Turkey's toll and Syria's). The
    figures must be of one kind, one outcome and within an order of magnitude,
    pair by pair, so the order of the articles does not matter. Claimants named
    only by their nationality ("Israeli officials" / "Gaza's health ministry")
    are not read as places: such counts can still be joined.
    """
    n = len(facts)
    rivals = [_rivals_of(f) for f in facts]
    aids = [{r.item.claim.aid for r in rs} for rs in rivals]
    parent = list(range(n))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for x in range(n):
        for y in range(x + 1, n):
            if len(aids[x] & aids[y]) < MIN_JUXTAPOSED:
                continue
            voices = {r.item.voice for r in rivals[x] for s in rivals[y] if _rival_pair(r, s)}
            if len(voices) >= MIN_JUXTAPOSED:
                parent[root(y)] = root(x)
    merged: dict[int, Fact] = {}
    for k, f in enumerate(facts):
        merged.setdefault(root(k), Fact()).items.extend(f.items)
    return list(merged.values())


def _who_counted(item: ClaimItem) -> str | None:
    """The group a people figure counts ("protester"), None for anyone ("people", "wounded")."""
    words = (item.claim.counted or "").casefold().split()
    if not words or words[-1] in ANYONE:
        return None
    head = words[-1].removesuffix("s")
    return SAME_GROUP.get(head, head)


def join_lone_outcomes(facts: list[Fact]) -> list[Fact]:
    """One question for an outcome that every outlet counting it counts differently.

    "600 wounded" (one outlet) and "at least 51 of the defenders who suffered
    serious injuries" (another) share no claimant, no wording and no value, so
    no pair score joins them; yet they are the event's only counts of the
    wounded, and a reader asks of them one question: how many were wounded?
    This joins the facts of one outcome when every one of them comes from a
    single outlet, each from a different one, with figures on every claim, and
    they count no two different groups ("police officers" / "protesters") in
    no two different places ("in Hatay" / "in Gaziantep"). Where
    any outlet's count of the outcome is shared by another outlet, or one
    outlet gives two, the lone ones are more likely other scopes (the toll of
    one province beside the national one) and stay apart. Responders are left
    to ``same_responders``.
    """
    by_outcome: dict[str, list[int]] = {}
    for k, f in enumerate(facts):
        for name in {i.outcome for i in f.items if i.outcome}:
            if not name.startswith(RESPONDED) and name != "deployed":
                by_outcome.setdefault(name, []).append(k)
    joined: dict[int, int] = {}
    for ks in by_outcome.values():
        if len(ks) < 2 or any(k in joined for k in ks):
            continue
        voices = [facts[k].voices for k in ks]
        if any(len(v) != 1 for v in voices) or len(set().union(*voices)) != len(ks):
            continue
        items = [i for k in ks for i in facts[k].items]
        if any(i.claim.value is None for i in items):
            continue
        if not all(compatible(items[0].claim, i.claim) for i in items[1:]):
            continue
        if len({_who_counted(i) for i in items} - {None}) > 1:
            continue  # "three police officers killed" / "forty protesters killed"
        if len({_scope(i) for i in items} - {frozenset()}) > 1:
            continue  # "in Hatay, 2,323 injured" / "in Gaziantep, 450 hurt"
        for k in ks:
            joined[k] = ks[0]
    merged: dict[int, Fact] = {}
    for k, f in enumerate(facts):
        merged.setdefault(joined.get(k, k), Fact()).items.extend(f.items)
    return list(merged.values())


def group_facts(
    articles: Sequence[Article],
    embedder: Embedder,
    threshold: float | None = None,
) -> list[Fact]:
    """Facts over all claims of the event, largest (most voices) first."""
    items = make_items(articles)
    if not items:
        return []
    limit = MERGE_THRESHOLD if threshold is None else threshold
    groups = cluster(pair_scores(items, embedder), limit)
    facts = join_lone_outcomes(join_rival_counts([Fact([items[i] for i in g]) for g in groups]))
    facts.sort(key=lambda f: (-len(f.voices), -len(f.items)))
    return facts
