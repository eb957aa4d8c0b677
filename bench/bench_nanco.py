"""NAnCo answer-consolidation benchmark for parallax.align.answers.

Tunes the grouping threshold on questions Q2, Q3, Q5, Q6 and reports pairwise
balanced accuracy on Q4, Q7, Q8, Q9, next to baselines measured in the same
run, so that a gain (or its absence) is read against the same embeddings and
the same tuning procedure rather than against numbers from another setup.

Baselines:
* exact match: answers are the same iff equal after lower-casing and
  stripping punctuation;
* cosine clusters (ablation): the method without its number penalty;
* cosine pairs: each pair is judged alone by embedding cosine >= t, with t
  tuned on the same questions and grid as the method (no clustering, no
  number penalty): the plain STS-style approach of the paper's STS baselines.

Published anchors on this split (Laban et al., 2022): STS-MPNet 0.730,
RoBERTa-large trained for the task 0.813.

Run: .venv/bin/python bench/bench_nanco.py [path/to/nanco_dataset.json]
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from parallax.align.answers import DEFAULT_THRESHOLD, pair_scores
from parallax.align.cluster import agglomerate, labels
from parallax.nlp import embed as embed_mod

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.nanco import NancoQuestion, load_nanco, pairwise_balanced_accuracy

TUNE = ("Q2", "Q3", "Q5", "Q6")
TEST = ("Q4", "Q7", "Q8", "Q9")
GRID = [round(float(t), 2) for t in np.arange(0.20, 0.951, 0.01)]
ANCHORS = {"STS-MPNet (paper)": 0.730, "RoBERTa-large trained (paper)": 0.813}

REPO = Path(__file__).resolve().parents[1]
CANDIDATES = (REPO.parent / "shared" / "eval" / "discord_questions" / "nanco_dataset.json",)

Labeller = Callable[[NancoQuestion, float], list[int]]


def find_dataset(argv: Sequence[str]) -> Path:
    if argv:
        return Path(argv[0])
    for c in CANDIDATES:
        if c.is_file():
            return c
    raise SystemExit(f"nanco_dataset.json not found in {[str(c) for c in CANDIDATES]}")


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def exact_labels(q: NancoQuestion, _t: float) -> list[int]:
    first: dict[str, int] = {}
    return [first.setdefault(_norm(a), len(first)) for a in q.answers]


def split_scores(
    label: Labeller, qs: Sequence[NancoQuestion], t: float
) -> tuple[float, list[float]]:
    preds = [label(q, t) for q in qs]
    golds = [q.labels for q in qs]
    pooled = pairwise_balanced_accuracy(preds, golds)
    per = [pairwise_balanced_accuracy([p], [g]) for p, g in zip(preds, golds, strict=True)]
    return pooled, per


def tune(label: Labeller, qs: Sequence[NancoQuestion]) -> tuple[float, float]:
    """Best pooled tune score and the middle of the thresholds that reach it."""
    scored = [(split_scores(label, qs, t)[0], t) for t in GRID]
    best = max(s for s, _ in scored)
    ties = [t for s, t in scored if s >= best - 1e-9]
    return best, ties[len(ties) // 2]


def main(argv: Sequence[str]) -> int:
    path = find_dataset(argv)
    questions = {q.qid: q for q in load_nanco(path)}
    tune_qs = [questions[k] for k in TUNE]
    test_qs = [questions[k] for k in TEST]
    n_ans = sum(len(q.answers) for q in questions.values())
    print(f"dataset: {path} ({len(questions)} questions, {n_ans} answers)")

    t0 = time.perf_counter()
    embed_mod.get_model()
    load_s = time.perf_counter() - t0
    texts = [a for q in questions.values() for a in q.answers]
    t0 = time.perf_counter()
    embed_mod.embed(texts)
    enc_s = time.perf_counter() - t0
    print(
        f"model: {embed_mod.MODEL_ID}; load {load_s:.2f} s; "
        f"embed {len(texts)} answers in {enc_s:.2f} s ({len(texts) / enc_s:.0f}/s)"
    )

    # Embedding-derived score matrices are computed once; each method only thresholds them.
    method_s = {k: pair_scores(q.answers) for k, q in questions.items()}
    cosine_s = {k: pair_scores(q.answers, number_penalty=0.0) for k, q in questions.items()}

    def method(q: NancoQuestion, t: float) -> list[int]:
        return labels(agglomerate(method_s[q.qid], t), len(q.answers))

    def cosine_clusters(q: NancoQuestion, t: float) -> list[int]:
        return labels(agglomerate(cosine_s[q.qid], t), len(q.answers))

    rows: list[tuple[str, float, float, list[float], float, list[float]]] = []
    systems: list[tuple[str, Labeller]] = [
        ("exact match", exact_labels),
        ("cosine clusters (ablation)", cosine_clusters),
        ("method (answers.py)", method),
    ]
    for name, label in systems:
        _, t = tune(label, tune_qs)
        tp, tper = split_scores(label, tune_qs, t)
        sp, sper = split_scores(label, test_qs, t)
        rows.append((name, t, tp, tper, sp, sper))
    # Pairwise cosine baseline: judged pair by pair, not as a partition.
    _, cb_t = _tune_pairwise(cosine_s, tune_qs)
    tp, tper = _pairwise_scores(cosine_s, tune_qs, cb_t)
    sp, sper = _pairwise_scores(cosine_s, test_qs, cb_t)
    rows.insert(1, ("cosine pairs (baseline)", cb_t, tp, tper, sp, sper))
    shipped_tp, shipped_tper = split_scores(method, tune_qs, DEFAULT_THRESHOLD)
    shipped_sp, shipped_sper = split_scores(method, test_qs, DEFAULT_THRESHOLD)
    rows.append(
        (
            "method @ shipped threshold",
            DEFAULT_THRESHOLD,
            shipped_tp,
            shipped_tper,
            shipped_sp,
            shipped_sper,
        )
    )

    head = "  ".join(f"{k:>5s}" for k in TUNE)
    head_t = "  ".join(f"{k:>5s}" for k in TEST)
    print()
    print(f"{'system':28s} {'thr':>5s} | tune {head} pooled | test {head_t} pooled  macro")
    for name, t, tp, tper, sp, sper in rows:
        thr = "    -" if name == "exact match" else f"{t:5.2f}"
        tcells = "  ".join(f"{x:5.3f}" for x in tper)
        scells = "  ".join(f"{x:5.3f}" for x in sper)
        print(
            f"{name:28s} {thr} |      {tcells} {tp:6.3f} |      {scells} {sp:6.3f} "
            f"{float(np.mean(sper)):6.3f}"
        )
    for name, value in ANCHORS.items():
        print(f"{name:30s}       {'':51s}{value:6.3f}  (published; aggregation as in the paper)")
    by_name = {r[0]: r for r in rows}
    ours = by_name["method @ shipped threshold"][4]
    for base in ("cosine pairs (baseline)", "exact match"):
        b = by_name[base][4]
        print(f"test pooled ratio method / {base}: {ours:.3f} / {b:.3f} = {ours / b:.3f}")
    return 0


def _pair_decisions(
    scores: dict[str, np.ndarray], qs: Sequence[NancoQuestion], t: float
) -> list[tuple[int, int, int, int]]:
    out = []
    for q in qs:
        s = scores[q.qid]
        g = np.asarray(q.labels)
        iu = np.triu_indices(len(g), 1)
        same_g = g[iu[0]] == g[iu[1]]
        same_p = s[iu] >= t
        out.append(
            (
                int((same_p & same_g).sum()),
                int(same_g.sum()),
                int((~same_p & ~same_g).sum()),
                int((~same_g).sum()),
            )
        )
    return out


def _ba(counts: Sequence[tuple[int, int, int, int]]) -> float:
    """Same definition as answers.pairwise_balanced_accuracy, on pair decisions."""
    tp, pos, tn, neg = (sum(c[k] for c in counts) for k in range(4))
    recalls = [x / y for x, y in ((tp, pos), (tn, neg)) if y]
    return float(np.mean(recalls))


def _pairwise_scores(
    scores: dict[str, np.ndarray], qs: Sequence[NancoQuestion], t: float
) -> tuple[float, list[float]]:
    counts = _pair_decisions(scores, qs, t)
    return _ba(counts), [_ba([c]) for c in counts]


def _tune_pairwise(
    scores: dict[str, np.ndarray], qs: Sequence[NancoQuestion]
) -> tuple[float, float]:
    scored = [(_pairwise_scores(scores, qs, t)[0], t) for t in GRID]
    best = max(s for s, _ in scored)
    ties = [t for s, t in scored if s >= best - 1e-9]
    return best, ties[len(ties) // 2]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
