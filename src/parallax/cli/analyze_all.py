"""``parallax analyze-all``: the report of every event a ``parallax cluster`` run wrote."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from parallax.cli.cluster import Address, Engine, Workers, console, err, print_stats


def analyze_all_command(
    folder: Annotated[Path, typer.Argument(help="The --out folder of parallax cluster.")],
    engine: Engine = "local",
    address: Address = None,
    workers: Workers = None,
) -> None:
    """Analyse every event of a cluster folder into reports/EID/report.{json,md,html}.

    Events that already have a report are kept, so a killed run resumes where it stopped.
    """
    from parallax.events.engines import make_engine
    from parallax.events.job import INDEX, analyse_all

    if not (folder / INDEX).is_file():
        err.print(f"{escape(str(folder))}: no {INDEX}; run parallax cluster --out there first")
        raise typer.Exit(2)
    runner = make_engine(engine, workers=workers, address=address)
    try:
        stats = analyse_all(folder, runner, say=lambda m: err.print(f"[dim]{escape(m)}[/]"))
    finally:
        runner.close()
    print_stats(stats)
    console.print(f"reports in {(folder / 'reports').resolve()}", markup=False, highlight=False)


def register(app: typer.Typer) -> None:
    app.command("analyze-all")(analyze_all_command)
