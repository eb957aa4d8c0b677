"""Which pairs of an event's items are worth scoring, so that alignment stays near-linear.

A small event compares every pair of claims or sentences, as it always did. A
large one (thousands of claims, tens of thousands of sentences) cannot: every
pair is quadratic in time and memory, and nearly all pairs score far below any
threshold. There each item is compared with its nearest neighbours by sentence
embedding (matrix products a block of rows at a time, so memory stays
bounded), plus whatever pairs a caller knows must be scored (the pairs the link
rules name). The clustering counts a pair that was not scored as 0
(``cluster.agglomerate_pairs``); to keep that from splitting a group whose
members simply were not all each other's nearest, every group the scored pairs
can form that is small enough (``complete``) gets all its pairs scored, so that
average linkage inside it is exactly what all pairs would give.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from parallax.align.cluster import T, agglomerate_pairs
from parallax.nlp.embed import FloatArray

Index = npt.NDArray[np.int64]
#: Scores of the pairs (rows[k], cols[k]).
PairScore = Callable[[Index, Index], npt.NDArray[np.floating]]

#: Rows of one matrix product: 1,024 rows against 20,000 sentences is 80 MB of float32.
CHUNK = 1024
#: Rows up to which every pair is compared; past it, each row's ``NEIGHBOURS`` nearest.
ALL_ROWS = 2000
NEIGHBOURS = 40
#: Largest group whose pairs are all compared (``complete``).
COMPLETE = 400


def all_pairs(n: int) -> tuple[Index, Index]:
    """Every pair (i < j) of ``n`` items."""
    rows, cols = np.triu_indices(n, 1)
    return rows.astype(np.int64), cols.astype(np.int64)


def cosines(vecs: FloatArray, rows: Index, cols: Index) -> FloatArray:
    """The cosine of each pair of unit rows, float32.

    Up to ``CHUNK`` rows they are read off the one matrix product, so that a small
    event's cosines are the very numbers every pair was always scored with.
    """
    if len(vecs) <= CHUNK:
        return np.asarray((vecs @ vecs.T)[rows, cols], dtype=np.float32)
    out = np.empty(len(rows), dtype=np.float32)
    for lo in range(0, len(rows), 1 << 16):
        r, c = rows[lo : lo + (1 << 16)], cols[lo : lo + (1 << 16)]
        out[lo : lo + len(r)] = np.einsum("ij,ij->i", vecs[r], vecs[c])
    return out


def nearest(
    vecs: FloatArray, k: int, blocks: npt.NDArray[np.integer] | None = None
) -> tuple[Index, Index]:
    """Each row's ``k`` most similar other rows of its block (dot product), as pairs i < j.

    Rows of different blocks are never paired; a block of at most ``k + 1`` rows
    gives all its pairs.
    """
    n = len(vecs)
    if blocks is None:
        blocks = np.zeros(n, dtype=np.int64)
    rows: list[Index] = []
    cols: list[Index] = []
    for b in np.unique(blocks):
        idx = np.flatnonzero(blocks == b).astype(np.int64)
        m = len(idx)
        if m < 2:
            continue
        if m <= k + 1:
            r, c = all_pairs(m)
            rows.append(idx[r])
            cols.append(idx[c])
            continue
        sub = vecs[idx]
        for lo in range(0, m, CHUNK):
            sim = sub[lo : lo + CHUNK] @ sub.T
            h = len(sim)
            sim[np.arange(h), lo + np.arange(h)] = -np.inf
            top = np.argpartition(-sim, k, axis=1)[:, :k]
            rows.append(np.repeat(idx[lo : lo + h], k))
            cols.append(idx[top.ravel()])
    if not rows:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return unique_pairs(n, np.concatenate(rows), np.concatenate(cols))


def unique_pairs(n: int, rows: Index, cols: Index) -> tuple[Index, Index]:
    """The distinct pairs among (rows, cols), each as i < j, sorted; self-pairs dropped."""
    lo, hi = np.minimum(rows, cols), np.maximum(rows, cols)
    keep = lo != hi
    key = np.unique(lo[keep] * np.int64(n) + hi[keep])
    return key // n, key % n


def nearest_other(vecs: FloatArray, groups: npt.NDArray[np.generic]) -> FloatArray:
    """For each row, the highest cosine to a row of another group (-1 when there is none)."""
    n = len(vecs)
    out = np.full(n, -1.0, dtype=np.float32)
    _, codes = np.unique(groups, return_inverse=True)
    for lo in range(0, n, CHUNK):
        sim = vecs[lo : lo + CHUNK] @ vecs.T
        sim[codes[lo : lo + CHUNK, None] == codes[None, :]] = -1.0
        out[lo : lo + len(sim)] = sim.max(axis=1)
    return out


def complete(
    n: int,
    rows: Index,
    cols: Index,
    scores: npt.NDArray[np.floating],
    threshold: float,
    score: PairScore,
    most: int,
) -> tuple[Index, Index, npt.NDArray[np.floating]]:
    """The scored pairs plus every other pair inside each group of at most ``most`` items
    that the pairs at or above ``threshold`` connect (scored by ``score``).

    A merge needs one pair at or above the threshold, so such a group is all a
    cluster can grow to from these pairs; with all its pairs scored, average
    linkage inside it sees what it would see with every pair of the event.
    """
    strong = np.isfinite(scores) & (scores >= threshold)
    if not strong.any():
        return rows, cols, scores
    graph = coo_matrix(
        (np.ones(int(strong.sum()), dtype=np.int8), (rows[strong], cols[strong])), shape=(n, n)
    )
    _, part = connected_components(graph, directed=False)
    sizes = np.bincount(part)
    order = np.argsort(part, kind="stable")
    starts = np.concatenate([[0], np.cumsum(sizes)])
    new_rows: list[Index] = []
    new_cols: list[Index] = []
    for p in np.flatnonzero((sizes > 2) & (sizes <= most)):
        members = order[starts[p] : starts[p + 1]].astype(np.int64)
        r, c = all_pairs(len(members))
        new_rows.append(members[r])
        new_cols.append(members[c])
    if not new_rows:
        return rows, cols, scores
    extra_r, extra_c = np.concatenate(new_rows), np.concatenate(new_cols)
    lo, hi = np.minimum(extra_r, extra_c), np.maximum(extra_r, extra_c)
    have = np.minimum(rows, cols) * np.int64(n) + np.maximum(rows, cols)
    fresh = ~np.isin(lo * np.int64(n) + hi, have)
    lo, hi = lo[fresh], hi[fresh]
    if not len(lo):
        return rows, cols, scores
    return (
        np.concatenate([rows, lo]),
        np.concatenate([cols, hi]),
        np.concatenate([scores, np.asarray(score(lo, hi), dtype=scores.dtype)]),
    )


def cluster_rows(
    vecs: FloatArray,
    threshold: float,
    tags: Sequence[T] | None = None,
    clash: Callable[[T, T], bool] | None = None,
) -> list[list[int]]:
    """``cluster.agglomerate`` of unit rows by cosine, with cannot-links by tag: every pair
    up to ``ALL_ROWS`` rows, each row's nearest past it."""
    n = len(vecs)
    if n <= ALL_ROWS:
        rows, cols = all_pairs(n)
        sims = np.asarray((vecs @ vecs.T)[rows, cols], dtype=np.float32)
    else:
        rows, cols = nearest(vecs, NEIGHBOURS)
        sims = cosines(vecs, rows, cols)
        rows, cols, sims = complete(
            n, rows, cols, sims, threshold, lambda r, c: cosines(vecs, r, c), COMPLETE
        )
    return agglomerate_pairs(n, rows, cols, sims, threshold, tags, clash)
