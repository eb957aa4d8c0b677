"""Cost of claim extraction relative to the spaCy parse it cannot avoid.

Both passes run in the same process over the same paragraphs (seeds plus the dev
clusters), so the ratio measures what extraction adds on top of ``nlp.pipe`` and is
stable across machines; the absolute rate is printed for context only.

Usage: .venv/bin/python bench/bench_claims.py [--repeat N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from parallax.extract.claims import extract_event
from parallax.ingest import load_paths
from parallax.models import Article
from parallax.nlp.pipeline import BATCH_SIZE, get_nlp, split_paragraphs

SHARED = Path(__file__).resolve().parents[2] / "shared"


def corpus() -> list[Article]:
    inputs: list[str | Path] = [SHARED / "seeds"]
    inputs += sorted((SHARED / "eval" / "dev").glob("*/articles.json"))
    return load_paths(inputs).articles


def bare_pass(articles: list[Article]) -> tuple[float, float]:
    """(wall, CPU) seconds of the parse alone."""
    nlp = get_nlp()
    paras = [p for a in articles for _, p in split_paragraphs(a.text)]
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(paras, batch_size=BATCH_SIZE):
        pass
    return time.perf_counter() - t0, time.process_time() - c0


def full_pass(articles: list[Article]) -> tuple[float, float]:
    """(wall, CPU) seconds of the whole extraction."""
    fresh = [a.model_copy(deep=True) for a in articles]
    for a in fresh:
        a.published = a.published if a.published_basis != "inferred" else None
    t0, c0 = time.perf_counter(), time.process_time()
    extract_event(fresh)
    return time.perf_counter() - t0, time.process_time() - c0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    articles = corpus()
    full_pass(articles[:3])  # warm-up: model load, dateparser data, regex compilation
    bare_pass(articles[:3])
    bare, full = [], []
    for _ in range(args.repeat):
        bare.append(bare_pass(articles))
        full.append(full_pass(articles))
    b, f = min(w for w, _ in bare), min(w for w, _ in full)
    bc, fc = min(c for _, c in bare), min(c for _, c in full)
    n = len(articles)
    print(f"articles: {n}  words: {sum(a.words for a in articles)}")
    print(f"bare nlp.pipe: {b:.3f}s  ({n / b:.1f} articles/s)")
    print(f"full extract : {f:.3f}s  ({n / f:.1f} articles/s)")
    print(f"ratio full/bare: {f / b:.3f}")
    # On a machine shared with other jobs the wall-clock ratio swings by 0.3 from run to
    # run; the CPU time each pass used is steadier.
    print(f"ratio full/bare (CPU time): {fc / bc:.3f}")


if __name__ == "__main__":
    main()
