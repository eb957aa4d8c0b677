"""Refit the clusterer's weights (``stream.Settings.weights``/``bias``) on eval/events.

Usage: .venv/bin/python bench/fit_events.py

Streams of the 170 articles (the given order, four shuffles, date order) are replayed
with the gold clusters as the state; every (article, candidate cluster) pair the
clusterer would score becomes an example, positive when the cluster is the article's
event. The model is logistic (Newton, L2 1e-2). The mixture's other sources are not
used: they are the check (tests/events/test_quality.py). The threshold stays 0.5,
the point where joining is more likely right than wrong.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.events.corpora import events_stream

from parallax.events.features import Features, featurize
from parallax.events.stream import Cluster, Settings, StreamClusterer
from parallax.ingest.records import record_to_result
from parallax.models import LoadResult


def oracle(feats: list[Features], gold: dict[str, str]) -> tuple[np.ndarray, np.ndarray]:
    c = StreamClusterer(Settings(min_dense=0.0))
    by_gold: dict[str, Cluster] = {}
    xs, ys = [], []
    for f in feats:
        c.freq.observe(f)
    for f in feats:
        c.position += 1
        for cluster, sim in c.candidates(f):
            xs.append(c.views(f, cluster, sim).vector())
            ys.append(gold[cluster.members[0]] == gold[f.aid])
        cluster = by_gold.setdefault(gold[f.aid], Cluster(cid=len(by_gold)))
        c.open[cluster.cid] = cluster
        cluster.add(f, c.position)
        c._centroids.put(cluster.cid, (cluster.dense_sum / np.linalg.norm(cluster.dense_sum)))
    return np.array(xs), np.array(ys, dtype=float)


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1e-2) -> np.ndarray:
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-xb @ w))
        grad = xb.T @ (p - y) + l2 * w
        hess = xb.T @ (xb * (p * (1 - p))[:, None]) + l2 * np.eye(len(w))
        w -= np.linalg.solve(hess, grad)
    return w


def main() -> int:
    records, gold = events_stream()
    loaded = LoadResult()
    for record in records:
        record_to_result(record, record["id"], "stream", loaded)
    feats = featurize([(a.aid, a.title, a.text, a.published) for a in loaded.articles])
    rng = random.Random(0)
    orders = [list(feats)]
    for _ in range(4):
        orders.append(rng.sample(feats, len(feats)))
    orders.append(sorted(feats, key=lambda f: (f.day or 10**9, f.aid)))
    parts = [oracle(o, gold) for o in orders]
    x = np.vstack([p[0] for p in parts])
    y = np.concatenate([p[1] for p in parts])
    w = fit(x, y)
    print(f"{len(y)} examples, {int(y.sum())} positive")
    print(f"weights = {tuple(round(float(v), 1) for v in w[:-1])}, bias = {w[-1]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
