"""The eight development clusters through the whole pipeline, scored against their gold.

The dev clusters are where the alignment is tuned, so these are regression floors,
not targets: the means reached (bench/bench_dev.py prints every cluster) must not
slip back. The issue's dev target for divergence coverage, 0.7 on average, is not
met yet; raise the floors as the figures improve.
"""

from __future__ import annotations

import json

import pytest

from parallax.report.evaluate import Scores, evaluate
from tests.pipeline_cache import analyzed
from tests.report.gold_report import DEV, dev_slugs

#: Mean over the clusters where the metric applies, as reached (dev coverage target: 0.7).
FLOORS = {
    "divergence_coverage": 0.605,
    "kind_accuracy": 0.888,
    "figure_recall": 0.972,
    "unique_recall": 0.812,
    "consensus_recall": 0.771,
    "source_accuracy": 0.694,
}


@pytest.fixture(scope="module")
def dev_scores() -> dict[str, Scores]:
    out = {}
    for slug in dev_slugs():
        gold = json.loads((DEV / slug / "gold.json").read_text())
        out[slug] = evaluate(analyzed(DEV / slug / "articles.json").report, gold)
    return out


def test_all_dev_clusters_are_scored(dev_scores: dict[str, Scores]) -> None:
    assert len(dev_scores) == 8


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_dev_mean_does_not_regress(dev_scores: dict[str, Scores], metric: str) -> None:
    values = [v for s in dev_scores.values() if (v := s.metrics()[metric].value) is not None]
    mean = sum(values) / len(values)
    assert mean >= FLOORS[metric] - 5e-4, f"{metric}: {mean:.3f} < {FLOORS[metric]}"
