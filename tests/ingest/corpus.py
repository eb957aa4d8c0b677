"""A large synthetic batch made from the seed articles, for timing checks.

Copies are varied (paragraph order, a changed word, a distinct opening line)
so no two files are identical, yet many are near-duplicates: that is the hard
case for duplicate detection, which must stay fast on it.
"""

from __future__ import annotations

import random
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def write_varied_copies(target: Path, count: int, seeds: Path = SEEDS) -> list[Path]:
    """Write ``count`` varied copies of the seed texts into ``target``."""
    sources = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    rng = random.Random(20220520)
    target.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for n in range(count):
        paragraphs = [p for p in sources[n % len(sources)].split("\n\n") if p.strip()]
        body = paragraphs[:1] + rng.sample(paragraphs[1:], k=len(paragraphs) - 1)
        words = body[-1].split()
        if words:
            words[rng.randrange(len(words))] = f"variant{n}"
        body[-1] = " ".join(words)
        path = target / f"copy_{n:04d}.txt"
        path.write_text(f"Report number {n} on the siege\n\n" + "\n\n".join(body), "utf-8")
        written.append(path)
    return written
