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
    #: Log-odds weights of ``Views.vector()`` (dense, terms, names, figures not
    #: shared, day gap, no day to compare) and the bias, fitted by logistic
    #: regression on simulated streams of ``eval/events`` (``bench/fit_events.py``).
    weights: tuple[float, ...] = (10.8, 7.4, 8.0, -1.4, -0.8, -3.6)
    bias: float = -6.7


@dataclass
class Cluster:
    cid: int
    members: list[str] = field(default_factory=list)
    dense_sum: FloatArray = field(default_factory=lambda: np.zeros(DIM, dtype=np.float64))
    terms: Counter[int] = field(default_factory=Counter)
    names: Counter[int] = field(default_factory=Counter)
    figures: Counter[int] = field(default_factory=Counter)
    first_day: int | None = None
    last_day: int | None = None
    #: Month-and-day hints of undated members (``Features.month_day``).
    month_days: set[int] = field(default_factory=set)
    last_seen: int = 0

    @property
    def size(self) -> int:
        return len(self.members)

    def add(self, f: Features, position: int) -> None:
        self.members.append(f.aid)
        self.dense_sum += f.dense
        self.terms.update(f.terms)
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


def _evidence_order(f: Features, index: int) -> tuple[int, int, int]:
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
    names: float
    #: Share of the article's lead figures the cluster's leads give (None: it gives none).
    figures: float | None
    gap: int | None

    def vector(self) -> tuple[float, ...]:
        return (
            self.dense,
            self.terms,
            self.names,
            0.0 if self.figures is None else 1.0 - self.figures,
            float(self.gap or 0),
            1.0 if self.gap is None else 0.0,
        )


class DocFrequencies:
    """Document frequencies over the stream so far, for IDF weights."""

    def __init__(self) -> None:
        self.n = 0
        self.terms: Counter[int] = Counter()
        self.names: Counter[int] = Counter()

    def observe(self, f: Features) -> None:
        self.n += 1
        self.terms.update(f.terms.keys())
        self.names.update(f.names)

    def idf(self, df: int) -> float:
        return math.log((self.n + 1) / (df + 1)) + 1.0


def term_cosine(doc: dict[int, float], cluster: Counter[int], freq: DocFrequencies) -> float:
    """TF-IDF cosine of an article's terms and the summed terms of a cluster."""
    dot = doc_norm = 0.0
    for term, weight in doc.items():
        w = weight * freq.idf(freq.terms[term])
        doc_norm += w * w
        other = cluster.get(term)
        if other:
            dot += w * other * freq.idf(freq.terms[term])
    if dot == 0.0:
        return 0.0
    cl_norm = math.sqrt(sum((v * freq.idf(freq.terms[t])) ** 2 for t, v in cluster.items()))
    return dot / (math.sqrt(doc_norm) * cl_norm)


def name_share(names: frozenset[int], cluster: Cluster, freq: DocFrequencies) -> float:
    """The IDF-weighted share of the article's names the cluster's members use,
    each counted by how many of the members use it (a name only one member of a
    big cluster mentions in passing counts little)."""
    total = shared = 0.0
    for name in names:
        w = freq.idf(freq.names[name]) - 1.0
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

    # -- scoring -------------------------------------------------------------

    def views(self, f: Features, cluster: Cluster, dense: float) -> Views:
        return Views(
            dense=dense,
            terms=term_cosine(f.terms, cluster.terms, self.freq),
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

    def best(self, f: Features) -> tuple[Cluster | None, float]:
        best: Cluster | None = None
        best_p = 0.0
        for cluster, sim in self.candidates(f):
            p = self.probability(self.views(f, cluster, sim))
            if p > best_p:
                best, best_p = cluster, p
        return best, best_p

    # -- the stream ----------------------------------------------------------

    def add_batch(self, batch: Iterable[Features]) -> list[int]:
        """Assign a micro-batch; returns the cluster id of each article, in order.

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
        order = sorted(range(len(items)), key=lambda i: _evidence_order(items[i], i))
        out = [0] * len(items)
        for i in order:
            out[i] = self._place(items[i])
        self._close_idle()
        return out

    def _place(self, f: Features) -> int:
        self.position += 1
        if f.day is not None:
            self.clock = f.day if self.clock is None else max(self.clock, f.day)
        cluster, p = self.best(f)
        if cluster is None or p < self.settings.threshold:
            cluster = Cluster(cid=self._next_id)
            self._next_id += 1
            self.open[cluster.cid] = cluster
        cluster.add(f, self.position)
        norm = float(np.linalg.norm(cluster.dense_sum)) or 1.0
        self._centroids.put(cluster.cid, (cluster.dense_sum / norm).astype(np.float32))
        return cluster.cid

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
