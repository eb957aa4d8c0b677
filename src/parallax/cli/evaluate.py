"""``parallax eval`` and ``parallax schema``.

The metric code lives in :mod:`parallax.report.evaluate`; this module only reads files and
prints, so the metrics can be used from tests and notebooks without the CLI. Neither command
loads spaCy: scoring works on the report JSON alone.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from pydantic import BaseModel, ValidationError
from rich.console import Console
from rich.table import Table

from parallax.cli.common import make_console, plain, shown
from parallax.report.evaluate import GoldModel, Scores, evaluate
from parallax.schema import Report

_DESCRIPTIONS = {
    "figure_recall": "gold (aid, value) found in report claims or answers",
    "source_accuracy": "found figures whose report source overlaps the gold source",
    "divergence_coverage": "gold questions with >= 2 groups split by a coherent report question",
    "kind_accuracy": "update vs conflict on covered numeric questions",
    "consensus_recall": "gold consensus matched by a report consensus question",
    "unique_recall": "gold unique answers matched by a sentence-sized unique_coverage answer",
}


M = TypeVar("M", bound=BaseModel)


def _read(path: Path, what: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        typer.echo(f"cannot read {what} {path}: {exc}", err=True)
        raise typer.Exit(2) from exc


def _load(path: Path, model: type[M], what: str, kind: str) -> M:
    try:
        return model.model_validate_json(_read(path, what))
    except ValidationError as exc:
        typer.echo(f"{path} is not {kind}:\n{exc}", err=True)
        raise typer.Exit(2) from exc


def _load_report(path: Path) -> Report:
    return _load(path, Report, "report", "a Parallax report")


def _load_gold(path: Path) -> GoldModel:
    return _load(path, GoldModel, "gold file", "a gold annotation")


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def print_scores(scores: Scores, console: Console) -> None:
    """Metric table first, then what was missed, so the table answers "how good" and the
    lists below it answer "what to fix"."""
    table = Table(title=shown(f"Parallax evaluation: {scores.eid} vs gold {scores.gold_eid}"))
    table.add_column("metric")
    table.add_column("score", justify="right")
    table.add_column("n / d", justify="right")
    table.add_column("meaning", style="dim")
    for name, ratio in scores.metrics().items():
        table.add_row(
            name,
            _fmt(ratio.value),
            f"{ratio.numerator} / {ratio.denominator}",
            _DESCRIPTIONS[name],
        )
    console.print(table)
    for warning in scores.warnings:
        console.print(f"[yellow]warning:[/yellow] {shown(warning)}", markup=True, highlight=False)

    missed = Table(title="Gold questions not fully matched", show_lines=False)
    missed.add_column("#", justify="right")
    missed.add_column("kind")
    missed.add_column("question")
    missed.add_column("problem")
    for q in scores.questions:
        problems = []
        if q.covered is False:
            problems.append(f"not covered ({q.note})" if q.note else "not covered")
        if q.kind_ok is False:
            problems.append(f"covered by q{q.covering_question} of kind {q.covering_kind}")
        if q.consensus_ok is False:
            problems.append("consensus not matched")
        if problems:
            missed.add_row(
                str(q.index), shown(q.kind), shown(q.question), shown("; ".join(problems))
            )
    for u in scores.unique:
        if not u.matched:
            missed.add_row(
                str(u.question_index),
                "unique_coverage",
                shown(u.question),
                shown(f"{u.aid}: {u.note or 'no matching unique_coverage answer'}"),
            )
    if missed.row_count:
        console.print(missed)

    lost = [f for f in scores.figures if not f.found]
    if lost:
        console.print(
            "figures not found: " + shown(", ".join(f"{f.aid}={f.value:g}" for f in lost)),
            highlight=False,
        )
    wrong = [f for f in scores.figures if f.source_ok is False]
    if wrong:
        console.print(
            "wrong sources: "
            + plain(
                "; ".join(
                    f"{f.aid}={f.value:g} gold {f.gold_sources} report {f.report_sources}"
                    for f in wrong
                )
            ),
            highlight=False,
            markup=False,
        )


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval_command(
        report: Annotated[Path, typer.Argument(help="Report JSON written by Parallax.")],
        gold: Annotated[Path, typer.Argument(help="Gold annotation (eval/dev/*/gold.json).")],
        as_json: Annotated[
            bool, typer.Option("--json", help="Print the scores with per-question details as JSON.")
        ] = False,
    ) -> None:
        """Score a report against a gold annotation."""
        scores = evaluate(_load_report(report), _load_gold(gold))
        if as_json:
            typer.echo(scores.model_dump_json(indent=2))
        else:
            print_scores(scores, make_console())

    @app.command("schema")
    def schema_command() -> None:
        """Print the JSON Schema of the report."""
        typer.echo(json.dumps(Report.model_json_schema(), indent=2))
