"""What report generation adds to ``parallax analyze``: enrich (summary, timeline,
framing) plus rendering JSON, Markdown and HTML, for a 10-article event.

Usage: .venv/bin/python bench/bench_report.py [--repeat N]

The budget is < 0.5 s per 10-article event. Two inputs are timed:

* ``pipeline``: when ingest, extract and align are all there, the first ten articles
  of the dev clusters (as bench_align.py takes them) go through the real pipeline once,
  and only the report stage is timed on its output;
* ``gold``: always available. The seeds' gold questions located in the five full-length
  seed articles, with each article also present under a second aid (a wire copy), so
  the event has ten articles of real length and twice the answers; and every dev
  cluster (7-8 articles) as its own event.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.report.gold_report import DEV, dev_report, dev_slugs, seeds_report  # noqa: E402

from parallax.report.enrich import enrich  # noqa: E402
from parallax.report.render import render_html, render_markdown  # noqa: E402
from parallax.schema import Report  # noqa: E402


def report_stage(report: Report) -> dict[str, float]:
    t0 = time.perf_counter()
    enriched = enrich(report)
    t1 = time.perf_counter()
    enriched.model_dump_json(indent=2)
    render_markdown(enriched)
    render_html(enriched)
    t2 = time.perf_counter()
    return {"enrich": t1 - t0, "render": t2 - t1, "total": t2 - t0}


def doubled_seeds() -> Report:
    report, missing = seeds_report()
    assert not missing, missing
    copies = [a.model_copy(update={"aid": a.aid + "-copy"}) for a in report.articles]
    qas = []
    for qa in report.question_answers:
        groups = [
            g + [a.model_copy(update={"aid": a.aid + "-copy", "claim_id": None}) for a in g]
            for g in qa.answer_groups
        ]
        qas.append(qa.model_copy(update={"answer_groups": groups}))
    return report.model_copy(update={"articles": report.articles + copies, "question_answers": qas})


def pipeline_event() -> Report | None:
    import json
    import tempfile

    from parallax.pipeline import analyze

    articles = []
    for slug in dev_slugs():
        data = json.loads((DEV / slug / "articles.json").read_text(encoding="utf-8"))
        articles += data["articles"][:2]
        if len(articles) >= 10:
            break
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.json"
        path.write_text(json.dumps({"eid": "bench10", "articles": articles[:10]}))
        return analyze([path]).report


def measure(name: str, make: Callable[[], Report], repeat: int) -> float:
    report = make()
    cold = report_stage(report)["total"]  # first call compiles the template and regexes
    runs = [report_stage(report) for _ in range(repeat)]
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    worst = max(r["total"] for r in runs)
    print(
        f"{name:40s} {len(report.articles):3d} articles {len(report.question_answers):3d} "
        f"questions  enrich {med['enrich'] * 1000:6.1f} ms  render {med['render'] * 1000:6.1f} ms"
        f"  total {med['total'] * 1000:6.1f} ms (max {worst * 1000:.1f}, first {cold * 1000:.1f})"
    )
    return med["total"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=10)
    args = ap.parse_args()
    totals = [measure("seeds x2 (gold, 10 full-length)", doubled_seeds, args.repeat)]
    for slug in dev_slugs():
        totals.append(measure(f"{slug} (gold)", lambda s=slug: dev_report(s)[0], args.repeat))
    real = pipeline_event()
    if real is not None:
        totals.append(measure("pipeline, 10 dev articles", lambda: real, args.repeat))
    print(f"worst median: {max(totals) * 1000:.1f} ms (budget 500 ms)")


if __name__ == "__main__":
    main()
