"""Which pair features earn their place: leave-one-event-out AUC of the fact pair score.

Usage: .venv/bin/python bench/fit_facts.py

Pairs are claims of one gold event (the twelve dev clusters and the seeds) that both
answer some numeric gold question; a pair is positive when the two answer the same
one (``bench/loo.py``). The logistic model is refitted for each held-out event on the
others, and the AUC of all held-out scores is printed for the first five features
(the score before claim frames), for all of them, and with each one dropped, with
the weights fitted on every event (the shipped defaults).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.loo import Array, event_pairs, fit_logistic, load_events

from parallax.align.facts import FEATURES
from parallax.nlp.embed import MemoEmbedder, embed


def auc(score: Array, y: Array) -> float:
    order = np.argsort(score)
    ranks = np.empty(len(score))
    ranks[order] = np.arange(1, len(score) + 1)
    pos = y == 1
    n_pos, n_neg = pos.sum(), (~pos).sum()
    return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def main() -> None:
    embedder = MemoEmbedder(embed)
    events = load_events()
    data = {e.name: event_pairs(e, embedder) for e in events}
    x = np.vstack([d[0] for d in data.values()])
    y = np.concatenate([d[1] for d in data.values()])
    print(f"{len(y)} pairs, {int(y.sum())} of one question, {len(data)} events")
    everything = list(range(len(FEATURES)))
    subsets = {"before frames": everything[:5], "all": everything}
    for drop in everything:
        subsets[f"-{FEATURES[drop]}"] = [c for c in everything if c != drop]
    for name, cols in subsets.items():
        scores, labels = [], []
        for held in data:
            train = [k for k in data if k != held]
            w = fit_logistic(
                np.vstack([data[k][0] for k in train])[:, cols],
                np.concatenate([data[k][1] for k in train]),
            )
            xh = np.hstack([data[held][0][:, cols], np.ones((len(data[held][1]), 1))])
            scores.append(xh @ w)
            labels.append(data[held][1])
        w = fit_logistic(x[:, cols], y)
        named = ", ".join(f"{FEATURES[c]}={v:.2f}" for c, v in zip(cols, w, strict=False))
        print(
            f"{name:18} LOO AUC {auc(np.concatenate(scores), np.concatenate(labels)):.3f}"
            f"  weights {named}, bias={w[-1]:.2f}"
        )


if __name__ == "__main__":
    main()
