"""Scores of a clustering against gold events: pairwise and BCubed.

Pairwise precision is the share of article pairs put together that the gold puts
together; it weighs big clusters quadratically. BCubed (Bagga and Baldwin 1998)
averages, over articles, the share of an article's cluster that shares its gold
event (precision) and the share of its gold event that shares its cluster
(recall), so every article counts once. Both are reported, as in the literature
(Miranda et al. 2018: pairwise; SCStory 2023: BCubed).

Only articles present in both the prediction and the gold are scored; the caller
reports how many of each were left out.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class ClusterScores:
    pair_precision: float
    pair_recall: float
    pair_f1: float
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    clusters: int
    gold_clusters: int
    articles: int
    #: Articles of the prediction the gold does not name, and the other way round.
    unscored_predicted: int
    unscored_gold: int

    def lines(self) -> list[str]:
        return [
            f"pairwise  P {self.pair_precision:.3f}  R {self.pair_recall:.3f}  "
            f"F1 {self.pair_f1:.3f}",
            f"BCubed    P {self.bcubed_precision:.3f}  R {self.bcubed_recall:.3f}  "
            f"F1 {self.bcubed_f1:.3f}",
            f"clusters  {self.clusters} predicted, {self.gold_clusters} gold, "
            f"{self.articles} articles scored",
        ]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def score_clusters(predicted: Mapping[str, str], gold: Mapping[str, str]) -> ClusterScores:
    """Score ``predicted`` (article -> cluster) against ``gold`` (article -> event)."""
    items = sorted(set(predicted) & set(gold))
    pred = {a: predicted[a] for a in items}
    true = {a: gold[a] for a in items}
    pred_sizes = Counter(pred.values())
    true_sizes = Counter(true.values())
    joint = Counter((pred[a], true[a]) for a in items)

    together = sum(_pairs(n) for n in joint.values())
    pred_pairs = sum(_pairs(n) for n in pred_sizes.values())
    true_pairs = sum(_pairs(n) for n in true_sizes.values())
    # No pair predicted is no false merge: precision 1 (and recall says the rest).
    pp = together / pred_pairs if pred_pairs else 1.0
    pr = together / true_pairs if true_pairs else 1.0

    n = len(items)
    bp = sum(joint[(pred[a], true[a])] / pred_sizes[pred[a]] for a in items) / n if n else 0.0
    br = sum(joint[(pred[a], true[a])] / true_sizes[true[a]] for a in items) / n if n else 0.0
    return ClusterScores(
        pair_precision=pp,
        pair_recall=pr,
        pair_f1=_f1(pp, pr),
        bcubed_precision=bp,
        bcubed_recall=br,
        bcubed_f1=_f1(bp, br),
        clusters=len(pred_sizes),
        gold_clusters=len(true_sizes),
        articles=n,
        unscored_predicted=len(set(predicted) - set(gold)),
        unscored_gold=len(set(gold) - set(predicted)),
    )


_ID_KEYS = ("aid", "id")
_EVENT_KEYS = ("event", "eid", "cluster", "label")


def _from_records(records: list[Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for record in records:
        if not isinstance(record, dict):
            continue
        aid = next((record[k] for k in _ID_KEYS if record.get(k) is not None), None)
        event = next((record[k] for k in _EVENT_KEYS if record.get(k) is not None), None)
        if aid is not None and event is not None:
            out[str(aid)] = str(event)
    return out


def read_assignment(path: Path) -> dict[str, str]:
    """Article -> event from any of the forms a clustering or a gold comes in.

    - a ``parallax cluster`` output folder or its ``index.json``;
    - JSONL or a JSON list of records with ``id``/``aid`` and ``event``
      (``eval/events/articles.jsonl``);
    - a JSON object mapping article ids to events.
    """
    if path.is_dir():
        path = path / "index.json"
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        return _from_records([json.loads(line) for line in text.splitlines() if line.strip()])
    doc = json.loads(text)
    if isinstance(doc, dict) and isinstance(doc.get("events"), list):
        return {str(aid): str(event["eid"]) for event in doc["events"] for aid in event["articles"]}
    if isinstance(doc, list):
        return _from_records(doc)
    if isinstance(doc, dict) and all(isinstance(v, str | int) for v in doc.values()):
        return {str(k): str(v) for k, v in doc.items()}
    raise ValueError(f"{path}: not a clustering (index.json, records with id and event, or a map)")
