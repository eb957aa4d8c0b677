"""Time ``load_paths`` on 1,000 articles made by varying the seed articles.

The figure is printed next to a baseline measured in the same run (plainly
reading the same files), so a slower machine moves both and the ratio stays
comparable between runs. Run: ``.venv/bin/python bench/bench_load.py``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.ingest.corpus import write_varied_copies  # noqa: E402

from parallax.ingest import load_paths  # noqa: E402

TARGET_S = 5.0


def _read_all(folder: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt")))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_varied_copies(folder, args.articles)
        load_paths([next(folder.glob("*.txt"))])  # load lazy models outside the timing
        loads, reads = [], []
        for _ in range(args.repeat):
            start = time.perf_counter()
            _read_all(folder)
            reads.append(time.perf_counter() - start)
            start = time.perf_counter()
            result = load_paths([folder])
            loads.append(time.perf_counter() - start)
    load_s, read_s = statistics.median(loads), statistics.median(reads)
    copies = sum(a.duplicate_of is not None for a in result.articles)
    print(f"articles: {len(result.articles)} (errors {len(result.errors)}, copies {copies})")
    per_article_ms = load_s / len(result.articles) * 1e3
    print(f"load_paths: {load_s:.2f} s median of {args.repeat} ({per_article_ms:.2f} ms/article)")
    print(f"baseline (plain read of the same files): {read_s * 1e3:.1f} ms")
    print(f"ratio load/read: {load_s / read_s:.0f}x")
    print(f"target < {TARGET_S:.0f} s: {'ok' if load_s < TARGET_S else 'MISSED'}")
    return 0 if load_s < TARGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
