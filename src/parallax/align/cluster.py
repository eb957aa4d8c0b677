"""The one clustering every alignment step uses: average linkage with cannot-links.

Claims into facts, sentences into topics, answers into answer groups, rankings
and dated events into things: each is "merge while the mean similarity between
two groups stays at or above a threshold". Average linkage (rather than single)
keeps one loose pair from chaining two unrelated groups together ("security" ->
"security pact" -> "not to sign the China pact"); the dev sweep found single-
linkage mixes worse on every metric. A similarity of -inf is a cannot-link: no
merge may put its two ends in one cluster.

The clustering works on a graph of scored pairs (``agglomerate_pairs``); a pair
that is not given scores 0, which never reaches a threshold above 0. A large
event gives only the pairs that can matter (its candidates), a small one every
pair of a matrix (``agglomerate``): both are one algorithm. Rescanning the whole
matrix at every merge made a 1,000-article event cubic; instead a heap holds the
average of every pair of neighbouring clusters at or above the threshold, and a
merge updates only the neighbours of the two clusters it joins. Two clusters
can only merge when some pair between them reaches the threshold (an average
never exceeds its largest term), so pairs outside the connected parts of the
graph of such pairs are dropped before clustering.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

import numpy as np
import numpy.typing as npt
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components


def agglomerate(sim: npt.NDArray[np.floating], threshold: float) -> list[list[int]]:
    """Clusters (sorted member indices, ordered by their first member) of a symmetric
    similarity matrix, merged while the best average linkage is >= ``threshold``."""
    n = sim.shape[0]
    if sim.shape != (n, n):
        raise ValueError("similarities must be a square matrix")
    rows, cols = np.triu_indices(n, 1)
    scores = np.asarray(sim, dtype=np.float64)[rows, cols]
    if threshold > 0:
        # A zero is what a missing pair scores anyway.
        keep = scores != 0
        rows, cols, scores = rows[keep], cols[keep], scores[keep]
    return agglomerate_pairs(n, rows, cols, scores, threshold)


T = TypeVar("T", bound=Hashable)


def agglomerate_pairs(
    n: int,
    rows: npt.NDArray[np.integer],
    cols: npt.NDArray[np.integer],
    scores: npt.NDArray[np.floating],
    threshold: float,
    tags: Sequence[T] | None = None,
    clash: Callable[[T, T], bool] | None = None,
) -> list[list[int]]:
    """``agglomerate`` over the pairs (``rows[k]``, ``cols[k]``) of ``n`` items, each pair
    given once with its score (-inf: a cannot-link); every other pair scores 0.

    The merges are those of the dense algorithm step for step: the best average
    first, ties to the pair of clusters whose first members come first. With a
    ``threshold`` of 0 or below a missing pair would be a candidate too, so every
    pair must then be given.

    Cannot-links that follow from what each item is (a kind, a unit, an outcome, a
    voice) would be quadratic in number as pairs: they are given as a tag per item
    and a ``clash`` rule instead, with the meaning of a -inf between every two items
    whose tags clash (``clash`` must be symmetric).
    """
    rows = np.asarray(rows, dtype=np.int64)
    cols = np.asarray(cols, dtype=np.int64)
    scores = np.asarray(scores, dtype=np.float64)
    if not (rows.shape == cols.shape == scores.shape):
        raise ValueError("rows, cols and scores must have one length")
    keep = rows != cols
    rows, cols, scores = rows[keep], cols[keep], scores[keep]
    rows, cols = np.minimum(rows, cols), np.maximum(rows, cols)
    strong = np.isfinite(scores) & (scores >= threshold)
    if not strong.any():
        return [[i] for i in range(n)]
    graph = coo_matrix(
        (np.ones(int(strong.sum()), dtype=np.int8), (rows[strong], cols[strong])), shape=(n, n)
    )
    _, part = connected_components(graph, directed=False)
    inside = part[rows] == part[cols]
    if tags is not None and clash is not None:
        if len(tags) != n:
            raise ValueError(f"{n} items but {len(tags)} tags")
        return _merge(n, rows[inside], cols[inside], scores[inside], threshold, tags, clash)
    return _merge(n, rows[inside], cols[inside], scores[inside], threshold)


def _merge(
    n: int,
    rows: npt.NDArray[np.int64],
    cols: npt.NDArray[np.int64],
    scores: npt.NDArray[np.float64],
    threshold: float,
    tags: Sequence[T] = (),
    clash: Callable[[T, T], bool] | None = None,
) -> list[list[int]]:
    """Average linkage with a heap of cluster pairs; a cluster is named by its first member."""
    members: list[list[int]] = [[i] for i in range(n)]
    size = [1.0] * n
    # Linkage sums by neighbour, and the neighbours no merge may join.
    sums: list[dict[int, float]] = [{} for _ in range(n)]
    blocked: list[set[int]] = [set() for _ in range(n)]
    version = [0] * n
    # The distinct tags of each cluster, and the verdicts of ``clash`` met so far.
    tagged: list[set[T]] = [{t} for t in tags] if clash is not None else []
    verdicts: dict[tuple[T, T], bool] = {}

    def clashes(x: int, y: int) -> bool:
        assert clash is not None
        for a in tagged[x]:
            for b in tagged[y]:
                got = verdicts.get((a, b))
                if got is None:
                    got = verdicts[(a, b)] = verdicts[(b, a)] = clash(a, b)
                if got:
                    return True
        return False

    heap: list[tuple[float, int, int, int, int]] = []
    for a, b, s in zip(rows.tolist(), cols.tolist(), scores.tolist(), strict=True):
        if s == -np.inf:
            blocked[a].add(b)
            blocked[b].add(a)
        elif s == s:  # not NaN
            sums[a][b] = s
            sums[b][a] = s
    for a in range(n):
        for b in blocked[a]:
            sums[a].pop(b, None)
        for b, s in sums[a].items():
            if a < b and s >= threshold:
                heap.append((-s, a, b, 0, 0))
    heapq.heapify(heap)
    while heap:
        _, x, y, vx, vy = heapq.heappop(heap)
        if version[x] != vx or version[y] != vy:
            continue  # one of the two has merged since
        if clash is not None and clashes(x, y):
            blocked[x].add(y)
            blocked[y].add(x)
            del sums[x][y], sums[y][x]
            continue
        # y joins x (x < y: the merged cluster keeps its first member's name).
        members[x].extend(members[y])
        members[y] = []
        if clash is not None:
            tagged[x] |= tagged[y]
            tagged[y] = set()
        size[x] += size[y]
        version[x] += 1
        version[y] += 1
        bx, by = blocked[x], blocked[y]
        if len(bx) < len(by):
            bx, by = by, bx
        bx |= by
        bx.discard(x)
        bx.discard(y)
        for c in blocked[y]:
            blocked[c].discard(y)
            blocked[c].add(x)
        blocked[x], blocked[y] = bx, set()
        sx, sy = sums[x], sums[y]
        sx.pop(y, None)
        sy.pop(x, None)
        for c, s in sy.items():
            del sums[c][y]
            sx[c] = sx[c] + s if c in sx else s
        sums[y] = {}
        for c in [c for c in sx if c in bx]:
            del sx[c]
            sums[c].pop(x, None)
        for c, s in sx.items():
            sums[c][x] = s
            avg = s / (size[x] * size[c])
            if avg >= threshold:
                lo, hi = (x, c) if x < c else (c, x)
                heapq.heappush(heap, (-avg, lo, hi, version[lo], version[hi]))
    return [sorted(m) for m in members if m]


def labels(clusters: list[list[int]], n: int) -> list[int]:
    """A label per item, 0..k-1 in the order of each cluster's first member."""
    out = [0] * n
    for label, members in enumerate(sorted(clusters, key=min)):
        for i in members:
            out[i] = label
    return out
