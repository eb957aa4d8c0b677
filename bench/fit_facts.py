"""Refit the fact pair-score weights (``AlignParams.pair_weights``) on the dev gold.

Usage: .venv/bin/python bench/fit_facts.py [DEV_DIR]

Pairs are claims of one dev cluster that both answer some numeric gold question
(same article, matching value, sentence overlapping the gold answer); a pair is
positive when the two answer the same question. The model is logistic (Newton,
L2 1e-3); the leave-one-cluster-out AUC is printed for the old feature set and
the full one, so a new feature has to earn its place on clusters it was not
fitted on. The seeds stay out: they are the held-out test.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import numpy.typing as npt

from parallax.align.facts import FEATURES, pair_features
from parallax.align.items import make_items
from parallax.extract.claims import extract_event
from parallax.ingest import load_paths
from parallax.nlp.embed import MemoEmbedder, embed
from parallax.report.evaluate import GoldModel, text_overlap, values_match

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"
Array = npt.NDArray[np.float64]


def cluster_pairs(path: Path) -> tuple[Array, Array]:
    gold = GoldModel.model_validate_json((path / "gold.json").read_text())
    articles = extract_event(load_paths([path / "articles.json"]).articles)
    items = make_items(articles)
    feats, blocked, _ = pair_features(items, MemoEmbedder(embed))
    questions: list[set[int]] = []
    for item in items:
        c = item.claim
        qs = set()
        for qi, q in enumerate(gold.question_answers):
            for g in q.answer_groups:
                for a in g:
                    if (
                        a.aid == c.aid
                        and a.value is not None
                        and values_match(c.value, a.value)
                        and text_overlap(item.sentence, a.answer)
                    ):
                        qs.add(qi)
        questions.append(qs)
    xs, ys = [], []
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if questions[i] and questions[j] and not blocked[i, j]:
                xs.append(feats[i, j])
                ys.append(1.0 if questions[i] & questions[j] else 0.0)
    return np.array(xs).reshape(-1, len(FEATURES)), np.array(ys)


def fit(x: Array, y: Array, l2: float = 1e-3) -> Array:
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-xb @ w))
        grad = xb.T @ (p - y) + l2 * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + l2 * np.eye(len(w))
        w -= np.linalg.solve(hess, grad)
    return w


def auc(score: Array, y: Array) -> float:
    order = np.argsort(score)
    ranks = np.empty(len(score))
    ranks[order] = np.arange(1, len(score) + 1)
    pos = y == 1
    n_pos, n_neg = pos.sum(), (~pos).sum()
    return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def main() -> None:
    dev = Path(sys.argv[1]) if len(sys.argv) > 1 else DEV
    data = {p.name: cluster_pairs(p) for p in sorted(dev.iterdir()) if (p / "gold.json").is_file()}
    x = np.vstack([d[0] for d in data.values()])
    y = np.concatenate([d[1] for d in data.values()])
    print(f"{len(y)} pairs, {int(y.sum())} of one question")
    # A candidate feature goes into FEATURES and is compared here with the set without it.
    subsets = {"all": list(range(len(FEATURES)))}
    for drop in range(len(FEATURES)):
        subsets[f"-{FEATURES[drop]}"] = [c for c in range(len(FEATURES)) if c != drop]
    for name, cols in subsets.items():
        scores, labels = [], []
        for held in data:
            train = [k for k in data if k != held]
            w = fit(
                np.vstack([data[k][0] for k in train])[:, cols],
                np.concatenate([data[k][1] for k in train]),
            )
            xh = np.hstack([data[held][0][:, cols], np.ones((len(data[held][1]), 1))])
            scores.append(xh @ w)
            labels.append(data[held][1])
        w = fit(x[:, cols], y)
        named = ", ".join(f"{FEATURES[c]}={v:.2f}" for c, v in zip(cols, w, strict=False))
        print(
            f"{name:18} LOCO AUC {auc(np.concatenate(scores), np.concatenate(labels)):.3f}"
            f"  weights {named}, bias={w[-1]:.2f}"
        )


if __name__ == "__main__":
    main()
