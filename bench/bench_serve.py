"""Load on the web app: many clients reading one event's cached report at once.

Usage: .venv/bin/python bench/bench_serve.py [--clients 200] [--seconds 20]

``parallax serve`` runs as its own process on a loopback port, over a store holding
the five seed articles (the bundled example when ../shared is absent), analysed before
the clock starts. Each client keeps one HTTP/1.1 connection and sends its next request
as soon as the last answer is in, for the whole period. Two targets, one after the
other in the same run: a static file served by the same server (the baseline: the
cheapest thing it serves) and the event's HTML report, as a browser asks for it
(gzip accepted). Printed: requests/s, p50/p95/p99 latency and errors, and the report's
figures as ratios of the static file's. Target: 0 errors and p95 < 200 ms.

Every request goes to 127.0.0.1; the run ends by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.serve.helpers import free_port, serve_process, wait_up  # noqa: E402
from tests.shared_paths import SHARED  # noqa: E402

EXAMPLE = ROOT / "src/parallax/examples/riverton-flood"


@dataclass
class Result:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    bytes: int = 0
    seconds: float = 0.0

    def line(self, name: str) -> str:
        lat = sorted(self.latencies)
        n = len(lat)
        p = (lambda q: lat[min(n - 1, int(q * n))] * 1000) if n else (lambda q: float("nan"))
        return (
            f"{name:<22} {n / self.seconds:8.0f} req/s  p50 {p(0.5):6.1f} ms  "
            f"p95 {p(0.95):6.1f} ms  p99 {p(0.99):6.1f} ms  errors {self.errors}  "
            f"{self.bytes / max(n, 1) / 1000:.1f} kB/response"
        )

    def pct(self, q: float) -> float:
        lat = sorted(self.latencies)
        return lat[min(len(lat) - 1, int(q * len(lat)))] if lat else float("nan")


async def _client(port: int, path: str, until: float, out: Result) -> None:
    request = (
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept-Encoding: gzip\r\n\r\n"
    ).encode()
    reader = writer = None
    while time.perf_counter() < until:
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            assert reader is not None
            start = time.perf_counter()
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            body = await reader.readexactly(length)
            out.latencies.append(time.perf_counter() - start)
            out.bytes += len(body)
            if status != 200:
                out.errors += 1
        except (OSError, asyncio.IncompleteReadError, ValueError, IndexError):
            out.errors += 1
            if writer is not None:
                writer.close()
            reader = writer = None
            await asyncio.sleep(0.01)
    if writer is not None:
        writer.close()


async def _load(port: int, path: str, clients: int, seconds: float) -> Result:
    out = Result()
    start = time.perf_counter()
    until = start + seconds
    await asyncio.gather(*(_client(port, path, until, out) for _ in range(clients)))
    out.seconds = time.perf_counter() - start
    return out


def _prepare(db: Path) -> str:
    from parallax.ingest import load_paths
    from parallax.store import Store
    from parallax.store.analysis import analyze_event

    seeds = SHARED / "seeds"
    source = seeds if seeds.is_dir() else EXAMPLE
    with Store(db) as store:
        store.create_event(source.name, "bench")
        store.add_articles("bench", load_paths([source]).articles)
        outcome = analyze_event(store, "bench")
    print(
        f"event: {len(outcome.report.articles)} articles from {source}, "
        f"{len(outcome.report.question_answers)} questions, analysed in {outcome.seconds:.1f} s"
    )
    return "bench"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="parallax-bench-") as tmp:
        db = Path(tmp) / "bench.duckdb"
        eid = _prepare(db)
        port = free_port()
        server = serve_process(db, port)
        try:
            wait_up(f"http://127.0.0.1:{port}/events/{eid}/report.html", server)
            print(
                f"{args.clients} concurrent clients, {args.seconds:g} s per target, "
                f"server pid {server.pid} on 127.0.0.1:{port}, {os.cpu_count()} CPUs shared"
            )
            # The clients share the machine with the server: uvloop keeps their cost low.
            import uvloop

            static = uvloop.run(_load(port, "/static/style.css", args.clients, args.seconds))
            print(static.line("static file (baseline)"))
            report = uvloop.run(
                _load(port, f"/events/{eid}/report.html", args.clients, args.seconds)
            )
            print(report.line("cached event report"))
        finally:
            server.terminate()
            server.wait(30)
    rps = len(report.latencies) / report.seconds / (len(static.latencies) / static.seconds)
    print(
        f"report / static: {rps:.2f}x the requests/s, "
        f"{report.pct(0.5) / static.pct(0.5):.2f}x the p50, "
        f"{report.pct(0.95) / static.pct(0.95):.2f}x the p95"
    )
    ok = report.errors == 0 and report.pct(0.95) < 0.2
    print(
        f"target (0 errors, p95 < 200 ms): {'met' if ok else 'NOT met'} "
        f"(errors {report.errors}, p95 {report.pct(0.95) * 1000:.0f} ms)"
    )
    if statistics.mean(report.latencies or [0]) == 0:
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
