"""Every evaluation figure on each development cluster (and the seeds), plain and
leave-one-event-out.

Usage: .venv/bin/python bench/bench_dev.py [--loo] [--json OUT] [--only NAME ...]

The plain table aligns each event with the shipped parameters (fitted and chosen on
all the gold events). With ``--loo`` a second table scores each event with the pair
weights refitted and the thresholds chosen without it (``bench/loo.py``): those are
the figures to expect on an event never seen. Means are over the dev clusters; the
seeds row is shown apart. ``--json`` writes every run's per-question details (for
error analysis) beside the tables.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.loo import DEV, dump, leave_one_out, load_events, plain, table


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dev", nargs="?", default=DEV, type=Path)
    ap.add_argument("--loo", action="store_true", help="also score leave-one-event-out")
    ap.add_argument("--json", type=Path, default=None, help="write per-question details")
    ap.add_argument("--only", nargs="*", default=(), help="events to run (names)")
    ap.add_argument("--no-seeds", action="store_true")
    args = ap.parse_args()

    t0 = time.perf_counter()
    events = load_events(args.dev, seeds=not args.no_seeds, only=args.only)
    names = [e.name for e in events]
    print(f"{len(events)} events loaded and extracted in {time.perf_counter() - t0:.0f} s")
    runs = plain(events)
    print(table(names, runs, "Plain: shipped parameters"))
    if args.json:
        dump(args.json, names, runs)
    if args.loo:
        held = leave_one_out(events)
        print(table(names, [h.run for h in held], "Leave-one-event-out"))
        if args.json:
            dump(args.json.with_suffix(".loo.json"), names, [h.run for h in held])


if __name__ == "__main__":
    main()
