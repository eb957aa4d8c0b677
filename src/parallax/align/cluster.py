"""The one clustering every alignment step uses: average linkage with cannot-links.

Claims into facts, sentences into topics, answers into answer groups, rankings
and dated events into things: each is "merge while the mean similarity between
two groups stays at or above a threshold". Average linkage (rather than single)
keeps one loose pair from chaining two unrelated groups together ("security" ->
"security pact" -> "not to sign the China pact"); the dev sweep found single-
linkage mixes worse on every metric. A similarity of -inf is a cannot-link: no
merge may put its two ends in one cluster.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt


def agglomerate(sim: npt.NDArray[np.floating], threshold: float) -> list[list[int]]:
    """Clusters (sorted member indices, ordered by their first member) of a symmetric
    similarity matrix, merged while the best average linkage is >= ``threshold``."""
    n = sim.shape[0]
    if sim.shape != (n, n):
        raise ValueError("similarities must be a square matrix")
    clusters: list[list[int]] = [[i] for i in range(n)]
    sims = sim.astype(np.float64)
    # Linkage sums let average linkage update in O(n) per merge; -inf is kept as a
    # separate blocked mask so that one cannot-link poisons the merged pair.
    blocked = np.isneginf(sims) & ~np.eye(n, dtype=bool)
    total = np.where(np.isneginf(sims), 0.0, sims)
    sizes = np.ones(n)
    alive = np.ones(n, dtype=bool)
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


def labels(clusters: list[list[int]], n: int) -> list[int]:
    """A label per item, 0..k-1 in the order of each cluster's first member."""
    out = [0] * n
    for label, members in enumerate(sorted(clusters, key=min)):
        for i in members:
            out[i] = label
    return out
