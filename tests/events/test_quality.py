"""Clustering quality on the two evaluation streams, printed and asserted.

The weights and thresholds were chosen on ``eval/events`` alone (bench/fit_events.py);
the mixture's other sources (the dev clusters, the seeds, the recession documents)
were never used to set anything. Run with ``-s`` to see the figures.
"""

from __future__ import annotations

from functools import cache

import pytest

from parallax.events.evaluate import ClusterScores, score_clusters
from parallax.events.features import Features, featurize
from parallax.events.stream import StreamClusterer
from parallax.ingest.records import record_to_result
from parallax.models import LoadResult
from tests.events.corpora import available, events_stream, mixture_stream

pytestmark = pytest.mark.skipif(not available(), reason="../shared corpora not found")

CHUNK = 256


@cache
def _features() -> dict[str, Features]:
    records, _ = mixture_stream()
    loaded = LoadResult()
    for record in records:
        record_to_result(record, record["id"], "stream", loaded)
    items = [(a.aid, a.title, a.text, a.published) for a in loaded.articles]
    return {f.aid: f for f in featurize(items)}


def _run(
    ids: list[str], gold: dict[str, str], chunk: int = CHUNK, only: set[str] | None = None
) -> ClusterScores:
    """Cluster ``ids`` in order; score all of them, or the articles in ``only``."""
    feats = _features()
    stream = [feats[i] for i in ids if i in feats]
    clusterer = StreamClusterer()
    for lo in range(0, len(stream), chunk):
        clusterer.add_batch(stream[lo : lo + chunk])
    # As the stream ends: a later batch's article can merge two earlier clusters.
    pred = {aid: str(cid) for aid, cid in clusterer.assignment().items()}
    if only is not None:
        pred = {a: c for a, c in pred.items() if a in only}
    return score_clusters(pred, gold)


def _date_order(ids: list[str]) -> list[str]:
    feats = _features()
    return sorted((i for i in ids if i in feats), key=lambda i: (feats[i].day or 10**9, i))


def _report(name: str, s: ClusterScores) -> None:
    print(f"\n{name}: " + " | ".join(s.lines()))


def test_events_corpus_meets_the_target() -> None:
    records, gold = events_stream()
    ids = [r["id"] for r in records]
    shuffled = _run(ids, gold)
    # A stream in date order, in micro-batches of 32: the IDF grows as it goes.
    stream = _run(_date_order(ids), gold, chunk=32)
    _report("events (given order)", shuffled)
    _report("events (date order, batches of 32)", stream)
    for s in (shuffled, stream):
        assert s.bcubed_f1 >= 0.95
        assert s.bcubed_precision >= 0.97
        assert s.articles == 170


def test_larger_mixture() -> None:
    """Short of the 0.95 target: the 37 recession documents are opinion pieces on one
        theme over weeks, undated, closer to the Fed's rate decisions than to each other
        (mean dense cosine 0.44 to July's decision, 0.42 among themselves); kept apart,
        they cost recall, not precision. The other held-out sources (dev clusters, seeds)
    are scored apart too."""
    records, gold = mixture_stream()
    ids = [r["id"] for r in records]
    mixed = _run(ids, gold)
    stream = _run(_date_order(ids), gold, chunk=32)
    events_ids = {r["id"] for r in events_stream()[0]}
    held_out = {i for i in ids if i not in events_ids and gold[i] != "recession-fears-2022"}
    held = _run(ids, gold, only=held_out)
    _report("mixture (given order)", mixed)
    _report("mixture (date order, batches of 32)", stream)
    _report("mixture, scored on the dev clusters and seeds only", held)
    assert mixed.articles == 274  # 283 records, 9 recession entries without text
    # Measured 0.893 / 0.890 (P 0.966) since clusters an article bridges merge
    # (Settings.merge_threshold), 0.883 / 0.875 before; dev clusters and seeds 0.934.
    for s in (mixed, stream):
        assert s.bcubed_precision >= 0.95
        assert s.bcubed_f1 >= 0.88
    assert held.bcubed_precision >= 0.97 and held.bcubed_f1 >= 0.9
