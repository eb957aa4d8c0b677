"""Throughput and memory of event clustering, and how they grow with the stream.

Usage: .venv/bin/python bench/bench_events.py [SIZES...] [--ray] [--analyse N] [--keep DIR]

For each size (default 1000 10000) a stream is generated (make_event_corpus.py)
and `parallax cluster` runs on it in a fresh process: the local engine (2
workers), and with --ray Ray with 2 CPUs. `--analyse N` adds cluster + analyse
(`--analyze`) on the N-article stream. Each run prints wall seconds, articles/s,
the peak memory of the whole process tree (driver, workers, Ray's processes; sampled
every second from /proc) and BCubed F1 against the generator's gold. The baseline,
measured in the same run, is loading and cleaning alone in one process (the
ingest stage every engine runs first): each throughput is also given as a ratio to it.
The load average is printed before and after: the machine is shared.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
PARALLAX = str(Path(sys.executable).with_name("parallax"))


def _tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and all its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(entry), int(fields[1])
        children.setdefault(ppid, []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def run(args: list[str]) -> tuple[float, int, str]:
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(1.0)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    done.set()
    sampler.join()
    if proc.returncode != 0:
        print(out)
        raise SystemExit(f"failed: {' '.join(args)}")
    return time.perf_counter() - start, peak, out


def baseline(stream: Path) -> float:
    """Articles/s of loading and cleaning alone, in this process."""
    from parallax.events.source import clean_chunk, load_chunk, plan_chunks

    chunks, _ = plan_chunks([stream])
    start = time.perf_counter()
    n = sum(len(clean_chunk(load_chunk(c)).articles) for c in chunks)
    return n / (time.perf_counter() - start)


def main() -> int:
    argv = sys.argv[1:]
    use_ray = "--ray" in argv
    analyse = int(argv[argv.index("--analyse") + 1]) if "--analyse" in argv else 0
    keep = Path(argv[argv.index("--keep") + 1]) if "--keep" in argv else None
    skip = {i + 1 for i, a in enumerate(argv) if a in ("--analyse", "--keep")}
    sizes = [int(a) for i, a in enumerate(argv) if a.isdigit() and i not in skip] or [1000, 10000]
    from bench.make_event_corpus import build

    from parallax.events.evaluate import read_assignment, score_clusters

    print(f"load average before: {os.getloadavg()}")
    work = keep or Path(tempfile.mkdtemp(prefix="bench-events-"))
    work.mkdir(parents=True, exist_ok=True)
    configs = [(n, "local", False) for n in sizes]
    configs += [(n, "ray", False) for n in sizes if use_ray]
    if analyse:
        configs += [(analyse, "local", True)]
        configs += [(analyse, "ray", True)] if "--ray-analyse" in argv else []
    base_rate: dict[int, float] = {}
    for n, engine, with_analysis in configs:
        stream = work / f"stream-{n}.jsonl"
        if not stream.exists():
            records, gold = build(n)
            with stream.open("w", encoding="utf-8") as handle:
                handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
            (work / f"gold-{n}.json").write_text(json.dumps(gold), encoding="utf-8")
        if n not in base_rate:
            base_rate[n] = baseline(stream)
            print(f"n={n}: baseline load+clean {base_rate[n]:.0f} articles/s (1 process)")
        out = work / f"out-{n}-{engine}{'-analyse' if with_analysis else ''}"
        args = [PARALLAX, "cluster", str(stream), "--out", str(out), "-q"]
        args += ["--engine", engine, "--workers", "2"] + (["--analyze"] if with_analysis else [])
        seconds, peak, text = run(args)
        held = next(
            (
                int(w)
                for line in text.splitlines()
                if "held" in line
                for w in line.split()
                if w.isdigit()
            ),
            0,
        )
        scores = score_clusters(read_assignment(out), read_assignment(work / f"gold-{n}.json"))
        rate = n / seconds
        what = "cluster+analyse" if with_analysis else "cluster"
        in_flight = held + 2 * 2 * 256  # open events + chunks queued on the workers
        print(
            f"n={n:>6} {engine:5s} {what:15s} {seconds:7.1f} s  {rate:6.1f} articles/s "
            f"({rate / base_rate[n]:.2f}x load+clean)  peak RSS {peak / 2**20:7.0f} MiB "
            f"({peak / 2**20 / (in_flight / 1000):.0f} MiB per 1,000 of {in_flight} in flight)  "
            f"BCubed F1 {scores.bcubed_f1:.3f} (P {scores.bcubed_precision:.3f} "
            f"R {scores.bcubed_recall:.3f}), {scores.clusters} events / {scores.gold_clusters}",
            flush=True,
        )
    print(f"load average after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
