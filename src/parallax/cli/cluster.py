"""``parallax cluster``: find the events in a stream of articles.

Writes one event file per event (``parallax analyze`` reads it) and an index; with
``--analyze``, also the report of each event. See :mod:`parallax.events.job`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from parallax.cli.problems import print_load_problems
from parallax.events.job import JobStats

console = Console()
err = Console(stderr=True)

Engine = Annotated[
    str, typer.Option("--engine", help="local (a process pool) or ray (Ray Data and Ray tasks).")
]
Address = Annotated[
    str | None, typer.Option("--address", help="Ray cluster to join (auto or HOST:PORT).")
]
Workers = Annotated[
    int | None,
    typer.Option("--workers", help="Processes (local) or CPUs (a local Ray); default: all."),
]


def print_stats(stats: JobStats) -> None:
    print_load_problems(err, stats.errors, stats.skipped)
    seconds = stats.seconds.get("total", 0.0)
    rate = stats.articles / seconds if seconds else 0.0
    console.print(
        f"{stats.articles} articles, {stats.events} events, "
        f"{len(stats.errors)} errors, {len(stats.skipped)} skipped; "
        f"{seconds:.1f} s ({rate:.0f} articles/s)",
        highlight=False,
    )
    if stats.peak_in_flight:
        console.print(f"at most {stats.peak_in_flight} articles held in open events")
    if stats.chunks_reused:
        console.print(f"resumed: {stats.chunks_reused} of {stats.chunks} chunks reused")
    if stats.reports or stats.reports_reused:
        console.print(f"reports: {stats.reports} written, {stats.reports_reused} already there")


def cluster_command(
    inputs: Annotated[list[Path], typer.Argument(help="JSONL feeds, JSON corpora, folders.")],
    out: Annotated[Path, typer.Option("--out", help="Output folder.")],
    engine: Engine = "local",
    address: Address = None,
    workers: Workers = None,
    analyze: Annotated[
        bool, typer.Option("--analyze", help="Also analyse every event (reports/EID/).")
    ] = False,
    threshold: Annotated[
        float | None,
        typer.Option("--threshold", help="Join probability (default 0.5; higher: fewer merges)."),
    ] = None,
    window: Annotated[
        int | None, typer.Option("--window-days", help="Max days between one event's articles.")
    ] = None,
    chunk_size: Annotated[int, typer.Option("--chunk-size", help="Articles per chunk.")] = 256,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress lines.")] = False,
) -> None:
    """Group a stream of articles into events: one JSON file per event plus index.json."""
    import dataclasses

    from parallax.events.engines import make_engine
    from parallax.events.job import ClusterJob
    from parallax.events.stream import Settings

    changes: dict[str, float | int] = {}
    if threshold is not None:
        changes["threshold"] = threshold
    if window is not None:
        changes["window_days"] = window
    settings = dataclasses.replace(Settings(), **changes)  # type: ignore[arg-type]

    def say(msg: str) -> None:
        if not quiet:
            err.print(f"[dim]{escape(msg)}[/]", highlight=False)

    runner = make_engine(engine, workers=workers, address=address)
    try:
        job = ClusterJob(
            inputs, out, runner, settings=settings, chunk_size=chunk_size, analyse=analyze, say=say
        )
        stats = job.run()
    finally:
        runner.close()
    print_stats(stats)
    console.print(f"wrote {(out / 'index.json').resolve()}", markup=False, highlight=False)
    if stats.articles == 0:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("cluster")(cluster_command)
