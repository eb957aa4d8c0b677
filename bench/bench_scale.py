"""How analysis grows with the size of an event: 50 to 1,000 articles.

Usage: .venv/bin/python bench/bench_scale.py [--sizes 50 100 200 500 1000] [--json OUT]

Each event is made of the real articles in ../shared (the dev clusters, the
event-clustering corpus, the recession corpus and the seeds: about 300 texts);
past that the same texts come again, lightly changed (new outlet, other
figures, one sentence in three dropped, so that most are not wire copies of
each other). Every size runs in a fresh process, so a peak of memory is that
size's own: the maximum resident set (``ru_maxrss``) is read after each stage.
The baseline, measured in the same process on the same texts, is a bare spaCy
pass (``nlp.pipe`` over the article texts, models loaded beforehand, as they
are for the pipeline). The issue's targets: 200 articles in < 20 s, 1,000 in
< 3 min and < 1.5 GB, the pipeline at <= 1.5x the spaCy pass. The machine's
load average is printed with every row, because the cores are shared and a busy
neighbour slows both sides of a ratio, but not the absolute times equally.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.shared_paths import SHARED  # noqa: E402

SIZES = (50, 100, 200, 500, 1000)
#: Share of its sentences a changed copy keeps.
KEEP = 0.5
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\w.,])\d+(?![\w.,]\d)")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def _rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pool() -> list[Any]:
    """Every real article of the shared corpora, in a fixed order."""
    from parallax.ingest import load_paths

    dev = SHARED / "eval" / "dev"
    paths = [
        *sorted(p / "articles.json" for p in dev.iterdir() if (p / "articles.json").is_file()),
        SHARED / "eval" / "events" / "articles.jsonl",
        SHARED / "eval" / "discord_questions" / "documents_recession.json",
        SHARED / "seeds",
    ]
    out = []
    for n, path in enumerate(paths):
        for art in load_paths([path]).articles:
            if art.text.strip():
                # The dev clusters each number their articles a1, a2, ...
                out.append(art.model_copy(update={"aid": f"{n}-{art.aid}"}))
    return out


def _renumber(text: str, r: int) -> str:
    """Other figures: each whole number but years moved by a few percent."""

    def sub(m: re.Match[str]) -> str:
        raw = m.group(0)
        v = int(raw.replace(",", ""))
        if 1900 <= v <= 2100 and "," not in raw:
            return raw
        new = max(1, round(v * (1 + 0.03 * r))) if v > 3 else v
        return f"{new:,}" if "," in raw else str(new)

    return _NUMBER.sub(sub, text)


def perturbed(art: Any, r: int) -> Any:
    """Copy ``r`` of an article: another outlet, other figures, about half of its
    sentences (a different half for every copy)."""
    pick = random.Random(f"{art.aid}/{r}")
    paras = []
    for para in art.text.split("\n"):
        sents = _SENTENCE.split(para)
        kept = [s for s in sents if pick.random() < KEEP]
        if kept:
            paras.append(" ".join(kept))
    return art.model_copy(
        update={
            "aid": f"{art.aid}-r{r}",
            "outlet": f"{art.outlet or 'outlet'} ({r})",
            "url": None,
            "text": _renumber("\n".join(paras), r),
            "duplicate_of": None,
        }
    )


def event(articles: list[Any], size: int) -> list[Any]:
    out = []
    for k in range(size):
        r, i = divmod(k, len(articles))
        out.append(articles[i] if r == 0 else perturbed(articles[i], r))
    return out


def _timed(detectors: Any, timings: dict[str, float]) -> list[Any]:
    """The detectors, each timing its own ``find``."""

    class Timed:
        def __init__(self, inner: Any) -> None:
            self.inner, self.name, self.kinds = inner, inner.name, inner.kinds

        def find(self, ctx: Any) -> Any:
            t = time.perf_counter()
            out = self.inner.find(ctx)
            timings[f"align.{self.name}"] = time.perf_counter() - t
            return out

    return [Timed(d) for d in detectors]


def one(size: int) -> dict[str, Any]:
    """Analyse one event of ``size`` articles; the figures as a dict."""
    from parallax.align import DETECTORS, align_event
    from parallax.extract.claims import extract_parsed
    from parallax.nlp.embed import get_model
    from parallax.nlp.pipeline import get_nlp
    from parallax.pipeline import load_inputs
    from parallax.report.enrich import enrich

    articles = event(pool(), size)
    nlp, _ = get_nlp(), get_model()
    out: dict[str, Any] = {"size": size, "load_before": os.getloadavg()[0]}
    out["rss_models_mb"] = _rss_mb()
    texts = [a.text for a in articles]
    out["chars"] = sum(map(len, texts))

    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    out["spacy_s"] = time.perf_counter() - t
    out["rss_spacy_mb"] = _rss_mb()

    timings: dict[str, float] = {}
    peaks: dict[str, float] = {}

    def stage(name: str, fn: Callable[[], Any]) -> Any:
        t = time.perf_counter()
        got = fn()
        timings[name] = time.perf_counter() - t
        peaks[name] = _rss_mb()
        return got

    t0 = time.perf_counter()
    loaded = stage("load", lambda: load_inputs(articles))
    arts, parser = stage("extract", lambda: extract_parsed(loaded.articles))
    report = stage(
        "align",
        lambda: align_event(arts, eid="scale", parser=parser, detectors=_timed(DETECTORS, timings)),
    )
    stage("report", lambda: enrich(report))
    out["total_s"] = time.perf_counter() - t0
    out["timings"] = timings
    out["peaks_mb"] = peaks
    out["copies"] = sum(1 for a in loaded.articles if a.duplicate_of)
    out["claims"] = sum(len(a.claims) for a in arts)
    out["sentences"] = sum(len(a.sentences) for a in arts)
    out["questions"] = len(report.question_answers)
    out["load_after"] = os.getloadavg()[0]
    return out


def _slope(rows: list[dict[str, Any]], key: Callable[[dict[str, Any]], float], k: int) -> str:
    """The local growth exponent between this size and the one before (time ~ size^x)."""
    if k == 0:
        return "  - "
    a, b = rows[k - 1], rows[k]
    ta, tb = key(a), key(b)
    if ta <= 0 or tb <= 0:
        return "  - "
    return f"{math.log(tb / ta) / math.log(b['size'] / a['size']):4.2f}"


def table(rows: list[dict[str, Any]]) -> str:
    lines = [
        f"{'articles':>8} {'claims':>6} {'sents':>6} {'copies':>6} {'total s':>8} "
        f"{'x^':>4} {'extract':>8} {'align':>7} {'x^':>4} {'report':>7} {'spaCy s':>8} "
        f"{'ratio':>6} {'peak MB':>8} {'load':>9}"
    ]
    for k, r in enumerate(rows):
        t = r["timings"]
        lines.append(
            f"{r['size']:>8} {r['claims']:>6} {r['sentences']:>6} {r['copies']:>6} "
            f"{r['total_s']:>8.1f} {_slope(rows, lambda x: x['total_s'], k)} "
            f"{t['extract']:>8.1f} {t['align']:>7.1f} "
            f"{_slope(rows, lambda x: x['timings']['align'], k)} {t['report']:>7.1f} "
            f"{r['spacy_s']:>8.1f} {r['total_s'] / r['spacy_s']:>5.2f}x "
            f"{max(r['peaks_mb'].values()):>8.0f} "
            f"{r['load_before']:>4.1f}-{r['load_after']:<4.1f}"
        )
    lines.append("")
    lines.append("alignment by detector (s):")
    names = [k for k in rows[0]["timings"] if k.startswith("align.")]
    lines.append(f"{'articles':>8} " + " ".join(f"{n[6:]:>8}" for n in names))
    for r in rows:
        lines.append(f"{r['size']:>8} " + " ".join(f"{r['timings'][n]:>8.1f}" for n in names))
    lines.append("")
    lines.append("peak resident memory after each stage (MB):")
    stages = list(rows[0]["peaks_mb"])
    lines.append(
        f"{'articles':>8} {'models':>8} {'spaCy':>8} " + " ".join(f"{s:>8}" for s in stages)
    )
    for r in rows:
        lines.append(
            f"{r['size']:>8} {r['rss_models_mb']:>8.0f} {r['rss_spacy_mb']:>8.0f} "
            + " ".join(f"{r['peaks_mb'][s]:>8.0f}" for s in stages)
        )
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", nargs="*", type=int, default=list(SIZES))
    ap.add_argument("--json", type=Path, default=None, help="write every row here")
    ap.add_argument("--one", type=int, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one is not None:
        print(json.dumps(one(args.one)))
        return
    if not SHARED.is_dir():
        raise SystemExit(f"the shared corpora are not at {SHARED}")
    print(f"cpus {os.cpu_count()}, load average {os.getloadavg()[0]:.1f} at start")
    rows = []
    for size in args.sizes:
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(size)],
            check=True,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        r = rows[-1]
        print(
            f"{size} articles: {r['total_s']:.1f} s, peak "
            f"{max(r['peaks_mb'].values()):.0f} MB, load {r['load_before']:.1f}",
            flush=True,
        )
    print()
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
