"""``parallax cluster-eval``: score a clustering against gold events."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from parallax.events.evaluate import read_assignment, score_clusters


def cluster_eval_command(
    predicted: Annotated[Path, typer.Argument(help="A parallax cluster folder or index.json.")],
    gold: Annotated[
        Path, typer.Argument(help="Gold: JSONL/JSON records with id and event, or {id: event}.")
    ],
) -> None:
    """Pairwise and BCubed precision, recall and F1, and the number of clusters."""
    try:
        pred_map = read_assignment(predicted)
        gold_map = read_assignment(gold)
    except (OSError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    scores = score_clusters(pred_map, gold_map)
    for line in scores.lines():
        typer.echo(line)
    if scores.unscored_predicted or scores.unscored_gold:
        typer.echo(
            f"not scored: {scores.unscored_predicted} predicted articles without gold, "
            f"{scores.unscored_gold} gold articles not in the prediction"
        )


def register(app: typer.Typer) -> None:
    app.command("cluster-eval")(cluster_eval_command)
