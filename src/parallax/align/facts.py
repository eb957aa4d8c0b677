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
  from 233 to 288, not to 26,000), and whether they come from one article.

Claims of different kinds (people vs money vs percent), of different money or
measure units, or from the same sentence never share a fact. Clustering is
average-linkage agglomerative with those cannot-links, which keeps facts tight
without fixing their number in advance.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from parallax.align.text import REVISION_CUES, content_words, jaccard
from parallax.align.values import base_value, same_value, unit_family
from parallax.models import Article, Claim

FloatArray = npt.NDArray[np.float32]
Embedder = Callable[[Sequence[str]], FloatArray]

#: Linkage score (a probability) above which two groups of claims are one fact.
MERGE_THRESHOLD = 0.3
# Logistic weights of the pair score, fitted (Newton, L2 1e-3) on claim pairs of
# the dev clusters labelled by the gold question their figures answer: 4,220
# pairs, 846 of one question; leave-one-cluster-out AUC 0.925. Sentence
# similarity and the values carry it. Tried and dropped: the embedding of the
# word window (weight -0.15 once word overlap is in), place names next to the
# figure (-0.2), same counted noun (wrong sign) and differing time words next to
# the figure ("last year", "2017": -0.5, no AUC gain).
_W_SENT = 4.70
_W_WORDS = 1.78
_W_SAME_VALUE = 4.28
#: Two different figures in one article are seldom one fact: an article states a
#: running figure once, unless it reports a revision.
_W_SAME_ARTICLE = -1.52
_W_DECADES = -1.44
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
        )
        for art in articles
        for c in art.claims
    ]


_FROM_TO = re.compile(r"^\W*(?:\w+\W+){0,2}?(?:to|and then)\W*$", re.IGNORECASE)
_FROM = re.compile(r"\b(?:from|revised|restated)\W+(?:\w+\W+){0,1}$", re.IGNORECASE)


def from_to(a: Claim, b: Claim, text: str) -> bool:
    """ "rose from 113.1 million to 115.1 million": two figures of one sentence, one quantity.

    A revision states the old and the new value side by side; everywhere else two
    figures of one sentence measure different things.
    """
    if a.aid != b.aid or a.sent_start != b.sent_start:
        return False
    first, second = (a, b) if a.char_start < b.char_start else (b, a)
    if first.char_end > second.char_start:
        return False
    between = text[first.char_end : second.char_start]
    before = text[first.sent_start : first.char_start]
    return bool(_FROM_TO.match(between) and _FROM.search(before))


def compatible(a: Claim, b: Claim, text: str = "") -> bool:
    """Whether two claims may be the same fact at all (hard constraints)."""
    if a.kind != b.kind:
        return False
    ua, ub = unit_family(a), unit_family(b)
    if ua and ub and ua != ub:
        return False
    same_sentence = a.aid == b.aid and a.sent_start == b.sent_start and a.id != b.id
    return not same_sentence or from_to(a, b, text)


def _value_logit(a: Claim, b: Claim, revision: bool = False) -> float:
    """Evidence from the figures themselves: same value joins, distant values separate.

    Two values from one article count against one fact unless the article
    marks one of them as a revision (``revision``).
    """
    if a.value is None or b.value is None:
        return 0.0
    va, vb = base_value(a), base_value(b)
    if va is None or vb is None:
        return 0.0
    if same_value(va, vb):
        return _W_SAME_VALUE
    lo, hi = sorted((abs(va), abs(vb)))
    decades = _MAX_DECADES if lo == 0 else min(math.log10(hi / lo), _MAX_DECADES)
    same_article = _W_SAME_ARTICLE if a.aid == b.aid and not revision else 0.0
    return _W_DECADES * decades + same_article


def pair_scores(items: Sequence[ClaimItem], embedder: Embedder) -> FloatArray:
    """Probability that two claims answer the same question; incompatible pairs are -inf."""
    n = len(items)
    if n == 0:
        return np.zeros((0, 0), dtype=np.float32)
    sent = embedder([i.sentence for i in items])
    logit = _W_SENT * (sent @ sent.T) + _BIAS
    words = [content_words(i.local) for i in items]
    revised = [bool(REVISION_CUES.search(i.local)) for i in items]
    score = np.zeros((n, n), dtype=np.float64)
    for x in range(n):
        for y in range(x + 1, n):
            a, b = items[x].claim, items[y].claim
            text = items[x].article.text
            if not compatible(a, b, text):
                s = -np.inf
            elif from_to(a, b, text):
                s = 1.0
            else:
                z = float(logit[x, y]) + _W_WORDS * jaccard(words[x], words[y])
                z += _value_logit(a, b, revised[x] or revised[y])
                s = 1.0 / (1.0 + math.exp(-z))
            score[x, y] = score[y, x] = s
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
    facts = [Fact([items[i] for i in g]) for g in groups]
    facts.sort(key=lambda f: (-len(f.voices), -len(f.items)))
    return facts
