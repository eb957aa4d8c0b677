"""Per-cluster alignment figures on the dev set: load, extract, build the report, evaluate.

Usage: .venv/bin/python bench/bench_dev.py [DEV_DIR] [--json OUT] [--only SLUG]

Prints one row per cluster (every metric as value and n/d) and the mean of each
metric over the clusters where it applies. The per-question details of
``evaluate`` are written with ``--json`` for error analysis.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from parallax.align import align_event
from parallax.extract.claims import extract_event
from parallax.ingest import load_paths
from parallax.report.evaluate import evaluate

METRICS = (
    "divergence_coverage",
    "kind_accuracy",
    "figure_recall",
    "unique_recall",
    "consensus_recall",
    "source_accuracy",
)
SHORT = ("div_cov", "kind_acc", "fig_rec", "uniq_rec", "cons_rec", "src_acc")


def run(dev: Path, only: str | None) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for cluster in sorted(p for p in dev.iterdir() if (p / "gold.json").is_file()):
        if only and cluster.name != only:
            continue
        gold = json.loads((cluster / "gold.json").read_text())
        t0 = time.perf_counter()
        loaded = load_paths([cluster / "articles.json"])
        t1 = time.perf_counter()
        articles = extract_event(loaded.articles)
        t2 = time.perf_counter()
        report = align_event(articles, eid=gold["eid"])
        t3 = time.perf_counter()
        scores = evaluate(report, gold)
        rows.append(
            {
                "cluster": cluster.name,
                "n_articles": len(articles),
                "n_questions": len(report.question_answers),
                "seconds": {"load": t1 - t0, "extract": t2 - t1, "align": t3 - t2},
                "metrics": {m: r.model_dump() for m, r in scores.metrics().items()},
                "scores": scores.model_dump(mode="json"),
                "report": report.model_dump(mode="json", exclude={"articles"}),
            }
        )
    return rows


def _cell(r: dict[str, object]) -> str:
    v = r["value"]
    return f"{'  -  ' if v is None else f'{v:.2f}'} {r['numerator']:>2}/{r['denominator']:<2}"


def print_table(rows: list[dict[str, object]]) -> None:
    head = f"{'cluster':38} {'n':>2} {'qs':>3} " + " ".join(f"{s:>11}" for s in SHORT)
    print(head + f" {'align_s':>8}")
    sums: dict[str, list[float]] = {m: [] for m in METRICS}
    for row in rows:
        metrics = row["metrics"]
        assert isinstance(metrics, dict)
        cells = []
        for m in METRICS:
            cells.append(f"{_cell(metrics[m]):>11}")
            if metrics[m]["value"] is not None:
                sums[m].append(metrics[m]["value"])
        secs = row["seconds"]
        assert isinstance(secs, dict)
        print(
            f"{row['cluster']:38} {row['n_articles']:>2} {row['n_questions']:>3} "
            + " ".join(cells)
            + f" {secs['align']:>8.2f}"
        )
    means = " ".join(f"{(sum(v) / len(v) if v else float('nan')):>11.3f}" for v in sums.values())
    print(f"{'MEAN over clusters':38} {'':>2} {'':>3} {means}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "dev",
        nargs="?",
        default=Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev",
        type=Path,
    )
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--only", default=None)
    args = ap.parse_args()
    rows = run(args.dev, args.only)
    print_table(rows)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, default=str))


if __name__ == "__main__":
    main()
