"""Streaming event clustering after Miranda et al. (2018).

Each article, in stream order, is compared with the open clusters: the dense
vectors' cosine picks a few candidates cheaply, and each candidate is scored on
four views (dense cosine, TF-IDF cosine of terms, how many of the article's names
the cluster shares, how many days lie between them). The article joins the best
candidate when that score clears the threshold, and starts a new cluster
otherwise. Clusters that have had no article for a while, both in days and in
stream positions, are closed: they are handed to the caller (who writes them out)
and no longer compared, which keeps the cost per article flat as the stream grows.

The threshold is set for precision. A false merge tells the reader that two
newsrooms corroborated each other when they reported different events; a split
only shows one event as two smaller ones.

Days come from the article (metadata or a dateline). An article without one is
judged on its text alone and never moves the stream's clock.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from parallax.events.features import DIM, Features, FloatArray


@dataclass(frozen=True)
class Settings:
    """The clusterer's knobs; the defaults are documented in the README.

    ``weights`` and ``bias`` turn the four views into a log-odds that the article
    belongs to the cluster; they were fitted on ``eval/events`` and checked on the
    larger mixture (``bench/fit_events.py``).
    """

    #: Join the best cluster when its probability is at least this: the point
    #: where joining is more likely right than wrong, not a tuned value.
    threshold: float = 0.5
    #: An article dated this many days away from every dated member of a cluster
    #: reports another event (coverage of one event runs for days, not weeks;
    #: the next Fed decision comes six weeks later).
    window_days: int = 10
    #: Candidates scored in full per article, picked by dense cosine.
    candidates: int = 8
    #: Candidates below this dense cosine are not scored at all.
    min_dense: float = 0.3
    #: A cluster closes once the stream's newest day is this many days past its
    #: newest article ...
    close_days: int = 14
    #: ... and it has had no article for this many stream positions (a stream
    #: out of date order must not close an event that is still arriving).
    close_idle: int = 2000
    #: Log-odds weights of ``Views.vector()`` (dense, terms, headline terms, names,
    #: figures not shared, day gap, no day to compare) and the bias, fitted by
    #: logistic regression on simulated streams of ``eval/events`` alone
    #: (``bench/fit_events.py``). The headline's weight is negative: beside the
    #: terms (which hold the headline too), words shared only by headlines ("Fed",
    #: "recession") are the theme, not the event.
    weights: tuple[float, ...] = (16.3, 22.49, -8.92, 0.18, -2.79, -1.71, -6.42)
    bias: float = -9.54
    #: When the article joins one cluster and another candidate's probability is at
    #: least this too, the article bridges two parts of one event that the stream
    #: started apart: they become one, if their days are within ``window_days``.
    #: ``None``: never. Chosen with the weights on ``eval/events`` alone, where 0.8 to
    #: 0.95 tie; the most cautious is kept.
    merge_threshold: float | None = 0.95


@dataclass
class Cluster:
    cid: int
    members: list[str] = field(default_factory=list)
    dense_sum: FloatArray = field(default_factory=lambda: np.zeros(DIM, dtype=np.float64))
    terms: Counter[int] = field(default_factory=Counter)
    headline: Counter[int] = field(default_factory=Counter)
    names: Counter[int] = field(default_factory=Counter)
    figures: Counter[int] = field(default_factory=Counter)
    first_day: int | None = None
    last_day: int | None = None
    #: Month-and-day hints of undated members (``Features.month_day``).
    month_days: set[int] = field(default_factory=set)
    last_seen: int = 0
    #: Squared norms of the IDF-weighted ``terms`` and ``headline`` counts, with the
    #: state they hold for: (documents observed, members).
    norms: dict[str, tuple[int, int, float]] = field(default_factory=dict)

    def absorb(self, other: Cluster) -> None:
        """Take in every member of ``other`` (another part of the same event)."""
        self.members.extend(other.members)
        self.dense_sum += other.dense_sum
        for mine, theirs in (
            (self.terms, other.terms),
            (self.headline, other.headline),
            (self.names, other.names),
            (self.figures, other.figures),
        ):
            mine.update(theirs)
        days = [d for d in (self.first_day, self.last_day, other.first_day, other.last_day) if d]
        if days:
            self.first_day, self.last_day = min(days), max(days)
        self.month_days |= other.month_days
        self.last_seen = max(self.last_seen, other.last_seen)
        self.norms.clear()

    def span_gap(self, other: Cluster) -> int | None:
        """Days between the dated spans of two clusters (0 when they overlap);
        None when either has no dated member."""
        if self.first_day is None or self.last_day is None:
            return None
        if other.first_day is None or other.last_day is None:
            return None
        return max(0, other.first_day - self.last_day, self.first_day - other.last_day)

    def counts(self, view: str) -> Counter[int]:
        return self.headline if view == "headline" else self.terms

    @property
    def size(self) -> int:
        return len(self.members)

    def add(self, f: Features, position: int) -> None:
        self.members.append(f.aid)
        self.dense_sum += f.dense
        self.terms.update(f.terms)
        self.headline.update(f.headline)
        self.names.update(f.names)
        self.figures.update(f.figures)
        if f.day is not None:
            self.first_day = f.day if self.first_day is None else min(self.first_day, f.day)
            self.last_day = f.day if self.last_day is None else max(self.last_day, f.day)
        elif f.month_day is not None:
            self.month_days.add(f.month_day)
        self.last_seen = position

    def gap(self, day: int | None, month_day: int | None = None) -> int | None:
        """Days between an article's day and this cluster's dated span (0 inside it).

        A day known only by month and day is placed in the year that brings it
        nearest the span; a cluster with no dated member is compared by the month
        and day its members name. ``None``: nothing to compare.
        """
        if self.first_day is not None and self.last_day is not None:
            if day is None and month_day is not None:
                day = _nearest(month_day, self.first_day)
            if day is None:
                return None
            if day < self.first_day:
                return self.first_day - day
            return max(0, day - self.last_day)
        if not self.month_days:
            return None
        if day is not None:
            return min(abs(_nearest(md, day) - day) for md in self.month_days)
        if month_day is not None:
            ref = _nearest(month_day, _REFERENCE)
            return min(abs(_nearest(md, ref) - ref) for md in self.month_days)
        return None


def evidence_order(f: Features, index: int) -> tuple[int, int, int]:
    if f.day is not None:
        return (0, f.day, index)
    return (1 if f.month_day is not None else 2, 0, index)


#: Any leap year's day: month-and-day pairs are compared within a year of it.
_REFERENCE = dt.date(2000, 7, 1).toordinal()


def _nearest(month_day: int, ordinal: int) -> int:
    """The date with this month and day nearest to ``ordinal`` (Feb 29 as Mar 1)."""
    month, day = divmod(month_day, 100)
    year = dt.date.fromordinal(ordinal).year
    best: int | None = None
    for y in (year - 1, year, year + 1):
        try:
            d = dt.date(y, month, day).toordinal()
        except ValueError:
            d = dt.date(y, 3, 1).toordinal() if month == 2 else None  # type: ignore[assignment]
        if d is not None and (best is None or abs(d - ordinal) < abs(best - ordinal)):
            best = d
    return best if best is not None else ordinal


@dataclass(frozen=True)
class Views:
    """The similarities of one article to one cluster."""

    dense: float
    terms: float
    #: TF-IDF cosine of the article's headline and the cluster's headlines.
    headline: float
    names: float
    #: Share of the article's lead figures the cluster's leads give (None: it gives none).
    figures: float | None
    gap: int | None

    def vector(self) -> tuple[float, ...]:
        return (
            self.dense,
            self.terms,
            self.headline,
            self.names,
            0.0 if self.figures is None else 1.0 - self.figures,
            float(self.gap or 0),
            1.0 if self.gap is None else 0.0,
        )


class DocFrequencies:
    """Document frequencies over the stream so far, for IDF weights.

    The IDF of a term is computed once per state of the counts (they change only
    when a batch's articles are observed, before any is placed) and kept.
    """

    def __init__(self) -> None:
        self.n = 0
        self.terms: Counter[int] = Counter()
        self.names: Counter[int] = Counter()
        self._term_idf: dict[int, float] = {}
        self._name_idf: dict[int, float] = {}

    def observe(self, f: Features) -> None:
        self.n += 1
        self.terms.update(f.terms.keys())
        self.names.update(f.names)
        if self._term_idf:
            self._term_idf.clear()
        if self._name_idf:
            self._name_idf.clear()

    def idf(self, df: int) -> float:
        return math.log((self.n + 1) / (df + 1)) + 1.0

    def term_idf(self, term: int) -> float:
        w = self._term_idf.get(term)
        if w is None:
            w = self._term_idf[term] = self.idf(self.terms[term])
        return w

    def name_idf(self, name: int) -> float:
        w = self._name_idf.get(name)
        if w is None:
            w = self._name_idf[name] = self.idf(self.names[name])
        return w


@dataclass(frozen=True)
class Weighted:
    """An article's term counts weighted by the stream's IDF, with their norm:
    computed once per article, compared with every candidate."""

    weights: dict[int, float]
    norm: float

    @classmethod
    def of(cls, doc: dict[int, float], freq: DocFrequencies) -> Weighted:
        weights = {t: v * freq.term_idf(t) for t, v in doc.items()}
        return cls(weights, math.sqrt(sum(w * w for w in weights.values())))


def term_cosine(
    doc: Weighted, counts: Counter[int], counts_sq_norm: float, freq: DocFrequencies
) -> float:
    """TF-IDF cosine of an article's terms and the summed terms of a cluster
    (``counts_sq_norm``: the squared norm of the cluster's weighted counts)."""
    dot = 0.0
    for term, w in doc.weights.items():
        other = counts.get(term)
        if other:
            dot += w * other * freq.term_idf(term)
    if dot == 0.0:
        return 0.0
    return dot / (doc.norm * math.sqrt(counts_sq_norm))


def name_share(names: frozenset[int], cluster: Cluster, freq: DocFrequencies) -> float:
    """The IDF-weighted share of the article's names the cluster's members use,
    each counted by how many of the members use it (a name only one member of a
    big cluster mentions in passing counts little)."""
    total = shared = 0.0
    for name in names:
        w = freq.name_idf(name) - 1.0
        total += w
        shared += w * cluster.names.get(name, 0) / cluster.size
    return shared / total if total > 0 else 0.0


def figure_share(figures: frozenset[int], cluster: Cluster) -> float | None:
    """The share of the article's lead figures that the cluster's members repeat,
    each counted by how many members do; None when either side gives none."""
    if not figures or not cluster.figures:
        return None
    return sum(cluster.figures.get(f, 0) for f in figures) / (len(figures) * cluster.size)


class StreamClusterer:
    """Assign articles to events one at a time; see the module docstring."""

    def __init__(
        self,
        settings: Settings | None = None,
        on_close: Callable[[Cluster], None] | None = None,
    ) -> None:
        self.settings = settings or Settings()
        self.on_close = on_close
        self.freq = DocFrequencies()
        self.open: dict[int, Cluster] = {}
        self.closed: list[Cluster] = []
        self.position = 0
        self.clock: int | None = None
        self._next_id = 0
        self._centroids = _Rows()
        self._query: tuple[Features, int, dict[str, Weighted]] | None = None
        self._merged: dict[int, int] = {}

    # -- scoring -------------------------------------------------------------

    def _weighted(self, f: Features) -> dict[str, Weighted]:
        """The article's weighted terms and headline, kept while it is being placed."""
        if self._query is None or self._query[0] is not f or self._query[1] != self.freq.n:
            views = {"terms": f.terms, "headline": f.headline}
            weighted = {v: Weighted.of(doc, self.freq) for v, doc in views.items()}
            self._query = (f, self.freq.n, weighted)
        return self._query[2]

    def _sq_norm(self, cluster: Cluster, view: str) -> float:
        """The cluster's squared norm under the current IDF, computed once per state."""
        cached = cluster.norms.get(view)
        if cached is not None and cached[:2] == (self.freq.n, cluster.size):
            return cached[2]
        idf = self.freq.term_idf
        sq = sum((v * idf(t)) ** 2 for t, v in cluster.counts(view).items())
        cluster.norms[view] = (self.freq.n, cluster.size, sq)
        return sq

    def _grow_norms(self, cluster: Cluster, f: Features) -> None:
        """Bring a cluster's cached norms up to date for a new member, term by term."""
        idf = self.freq.term_idf
        for view, doc in (("terms", f.terms), ("headline", f.headline)):
            cached = cluster.norms.get(view)
            if cached is None or cached[:2] != (self.freq.n, cluster.size):
                continue
            counts, sq = cluster.counts(view), cached[2]
            for t, v in doc.items():
                old = counts.get(t, 0.0)
                sq += ((old + v) ** 2 - old * old) * idf(t) ** 2
            cluster.norms[view] = (self.freq.n, cluster.size + 1, sq)

    def views(self, f: Features, cluster: Cluster, dense: float) -> Views:
        q = self._weighted(f)
        return Views(
            dense=dense,
            terms=term_cosine(
                q["terms"], cluster.terms, self._sq_norm(cluster, "terms"), self.freq
            ),
            headline=term_cosine(
                q["headline"], cluster.headline, self._sq_norm(cluster, "headline"), self.freq
            ),
            names=name_share(f.names, cluster, self.freq),
            figures=figure_share(f.figures, cluster),
            gap=cluster.gap(f.day, f.month_day),
        )

    def probability(self, v: Views) -> float:
        s = self.settings
        z = s.bias + sum(w * x for w, x in zip(s.weights, v.vector(), strict=True))
        return 1.0 / (1.0 + math.exp(-z))

    def candidates(self, f: Features) -> list[tuple[Cluster, float]]:
        """Open clusters worth scoring: close in time, then the nearest by dense cosine."""
        s = self.settings
        sims = self._centroids.matrix @ f.dense
        # Ties broken by cluster id, so the order never depends on row positions.
        order = np.lexsort((self._centroids.ids, -sims))
        out: list[tuple[Cluster, float]] = []
        for row in order:
            sim = float(sims[row])
            if sim < s.min_dense or len(out) >= s.candidates:
                break
            cluster = self.open[int(self._centroids.ids[row])]
            gap = cluster.gap(f.day, f.month_day)
            if gap is not None and gap > s.window_days:
                continue
            out.append((cluster, sim))
        return out

    def scores(self, f: Features) -> list[tuple[Cluster, float]]:
        """Each candidate with the probability that the article belongs to it."""
        return [
            (cluster, self.probability(self.views(f, cluster, sim)))
            for cluster, sim in self.candidates(f)
        ]

    def best(self, f: Features) -> tuple[Cluster | None, float]:
        best: Cluster | None = None
        best_p = 0.0
        for cluster, p in self.scores(f):
            if p > best_p:
                best, best_p = cluster, p
        return best, best_p

    # -- the stream ----------------------------------------------------------

    def add_batch(self, batch: Iterable[Features]) -> list[int]:
        """Assign a micro-batch; returns the cluster id of each article, in order
        (as the batch ends: a later merge can join it to another, see ``resolve``).

        Its articles count in the IDF before any is placed, so the first articles
        of a stream are not judged on an empty vocabulary. Within the batch, dated
        articles are placed first, in date order, then those whose lead names a
        month and day, then the rest: an undated article is then compared with
        every event its batch holds, not only with the ones that happened to come
        before it (an undated report of July's Fed decision would otherwise join
        June's when it arrives before any dated July report).
        """
        items = list(batch)
        for f in items:
            self.freq.observe(f)
        order = sorted(range(len(items)), key=lambda i: evidence_order(items[i], i))
        out = [0] * len(items)
        for i in order:
            out[i] = self._place(items[i])
        out = [self.resolve(cid) for cid in out]
        self._close_idle()
        return out

    def _place(self, f: Features) -> int:
        self.position += 1
        if f.day is not None:
            self.clock = f.day if self.clock is None else max(self.clock, f.day)
        scored = self.scores(f)
        cluster, p = max(scored, key=lambda c: c[1], default=(None, 0.0))
        if cluster is None or p < self.settings.threshold:
            cluster = Cluster(cid=self._next_id)
            self._next_id += 1
        self.attach(f, cluster)
        bar = self.settings.merge_threshold
        if bar is not None and p >= self.settings.threshold:
            for other, q in scored:
                if other is not cluster and q >= bar and other.cid in self.open:
                    gap = cluster.span_gap(other)
                    if gap is None or gap <= self.settings.window_days:
                        self._merge(cluster, other)
        return cluster.cid

    def attach(self, f: Features, cluster: Cluster) -> None:
        """Add an article to a cluster (opening it if it is new)."""
        self.open.setdefault(cluster.cid, cluster)
        self._grow_norms(cluster, f)
        cluster.add(f, self.position)
        self._refresh_centroid(cluster)

    def _refresh_centroid(self, cluster: Cluster) -> None:
        norm = float(np.linalg.norm(cluster.dense_sum)) or 1.0
        self._centroids.put(cluster.cid, (cluster.dense_sum / norm).astype(np.float32))

    def _merge(self, into: Cluster, other: Cluster) -> None:
        into.absorb(other)
        self._centroids.remove(other.cid)
        del self.open[other.cid]
        self._merged[other.cid] = into.cid
        self._refresh_centroid(into)

    def resolve(self, cid: int) -> int:
        """The cluster a cluster id now stands for (itself, unless it was merged)."""
        while cid in self._merged:
            cid = self._merged[cid]
        return cid

    def assignment(self) -> dict[str, int]:
        """Each article's cluster now (merges may have joined earlier ones)."""
        return {aid: c.cid for c in (*self.closed, *self.open.values()) for aid in c.members}

    def _close_idle(self) -> None:
        s = self.settings
        done = [
            c
            for c in self.open.values()
            if self.position - c.last_seen > s.close_idle
            and (
                c.last_day is None
                or (self.clock is not None and self.clock - c.last_day > s.close_days)
            )
        ]
        for cluster in done:
            self._close(cluster)

    def _close(self, cluster: Cluster) -> None:
        self._centroids.remove(cluster.cid)
        del self.open[cluster.cid]
        self.closed.append(cluster)
        if self.on_close is not None:
            self.on_close(cluster)

    def finish(self) -> list[Cluster]:
        """Close every open cluster; return all clusters in order of creation."""
        for cluster in sorted(self.open.values(), key=lambda c: c.cid):
            self._close(cluster)
        return sorted(self.closed, key=lambda c: c.cid)


class _Rows:
    """Unit centroids of the open clusters as one matrix, grown by doubling and
    shrunk by moving the last row into a removed one, so a new or closed cluster
    costs O(1) instead of a copy of every row."""

    def __init__(self) -> None:
        self._data = np.zeros((64, DIM), dtype=np.float32)
        self._ids = np.zeros(64, dtype=np.int64)
        self._row: dict[int, int] = {}

    @property
    def matrix(self) -> FloatArray:
        return self._data[: len(self._row)]

    @property
    def ids(self) -> npt.NDArray[np.int64]:
        return self._ids[: len(self._row)]

    def put(self, cid: int, vector: FloatArray) -> None:
        row = self._row.get(cid)
        if row is None:
            row = len(self._row)
            if row == len(self._data):
                self._data = np.concatenate([self._data, np.zeros_like(self._data)])
                self._ids = np.concatenate([self._ids, np.zeros_like(self._ids)])
            self._row[cid] = row
            self._ids[row] = cid
        self._data[row] = vector

    def remove(self, cid: int) -> None:
        row = self._row.pop(cid)
        last = len(self._row)
        if row != last:
            moved = int(self._ids[last])
            self._data[row] = self._data[last]
            self._ids[row] = moved
            self._row[moved] = row
