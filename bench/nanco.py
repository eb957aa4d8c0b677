"""NAnCo (Laban et al., 2022): its questions and the pairwise metric answer grouping is
judged by. Evaluation code, kept out of the package: the product never reads it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np


@dataclass(frozen=True)
class NancoQuestion:
    """One NAnCo question: its answers, their paragraphs and the adjudicated labels."""

    qid: str
    question: str
    answers: list[str]
    paragraphs: list[str]
    labels: list[int]


def load_nanco(path: Path) -> list[NancoQuestion]:
    """Read ``nanco_dataset.json``, using ``cluster_global`` as the gold label.

    ``cluster_global`` is the adjudicated label; the per-annotator columns
    (``cluster_Phil`` etc.) use -1 and blanks for "not an answer" and are not
    used. A record with a blank or missing ``cluster_global`` is dropped, since
    it says nothing about which pairs agree (the released file has none).
    """
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    out: list[NancoQuestion] = []
    for q in raw:
        kept = [
            a
            for a in q["answers"]
            if str(a.get("cluster_global", "")).strip() not in ("", "None") and a["Answer"].strip()
        ]
        if not kept:
            continue
        qids = {a["qid"] for a in kept}
        if len(qids) != 1:
            raise ValueError(f"answers of one question carry several qids: {sorted(qids)}")
        out.append(
            NancoQuestion(
                qid=qids.pop(),
                question=q["question"],
                answers=[a["Answer"] for a in kept],
                paragraphs=[a["Paragraph"] for a in kept],
                labels=[int(a["cluster_global"]) for a in kept],
            )
        )
    return out


def _pair_counts(pred: Sequence[int], gold: Sequence[int]) -> tuple[int, int, int, int]:
    """(same-pairs predicted same, same-pairs, different-pairs predicted different, diff-pairs)."""
    if len(pred) != len(gold):
        raise ValueError("pred and gold differ in length")
    p = np.asarray(pred)
    g = np.asarray(gold)
    iu = np.triu_indices(len(g), 1)
    same_g = g[iu[0]] == g[iu[1]]
    same_p = p[iu[0]] == p[iu[1]]
    return (
        int((same_p & same_g).sum()),
        int(same_g.sum()),
        int((~same_p & ~same_g).sum()),
        int((~same_g).sum()),
    )


def pairwise_balanced_accuracy(
    preds: Sequence[Sequence[int]], golds: Sequence[Sequence[int]]
) -> float:
    """Balanced accuracy over all within-question answer pairs, pooled over questions.

    Each pair is positive when the gold labels match; the score is the mean
    of the recall on positive pairs and the recall on negative pairs. A
    class with no pairs at all is left out of the mean.
    """
    tp = pos = tn = neg = 0
    for p, g in zip(preds, golds, strict=True):
        a, b, c, d = _pair_counts(p, g)
        tp, pos, tn, neg = tp + a, pos + b, tn + c, neg + d
    recalls = [x / y for x, y in ((tp, pos), (tn, neg)) if y]
    if not recalls:
        raise ValueError("no answer pairs to score")
    return float(np.mean(recalls))
