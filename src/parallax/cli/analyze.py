"""``parallax analyze``: the main job, from a folder of articles to report files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from parallax.analyze import analyze
from parallax.cli.problems import print_load_problems
from parallax.report.render import KIND_WORDS, write_report

console = Console()
err = Console(stderr=True)


def _summary(result_report: object) -> None:
    from parallax.report.schema import Report

    assert isinstance(result_report, Report)
    report = result_report
    console.print(
        f"[bold]{escape(report.eid)}[/]: {len(report.articles)} articles, "
        f"{len(report.claims)} claims, {len(report.question_answers)} questions"
    )
    table = Table(show_lines=False)
    table.add_column("kind")
    table.add_column("question")
    table.add_column("answers (outlet: answer)")
    for qa in report.question_answers:
        groups = []
        for group in qa.answer_groups:
            first = group[0]
            who = ", ".join(sorted({a.aid for a in group}))
            groups.append(f"{who}: {first.answer[:60]}")
        # Article text (and aids, questions built from it) must never be read as markup.
        table.add_row(qa.kind, escape(qa.question), escape("\n".join(groups)))
    console.print(table)
    console.print(f"[dim]kinds: {', '.join(KIND_WORDS)}[/]")
    for sentence in report.summary:
        console.print(f"- {sentence.text}", highlight=False, markup=False)


def _check(report: object) -> None:
    """Re-verify every citation before writing: a failure is a bug, shown, never hidden."""
    from parallax.report.citations import check_citations
    from parallax.report.schema import Report

    assert isinstance(report, Report)
    problems = check_citations(report)
    for problem in problems:
        err.print(f"[red]citation[/] {escape(problem)}", highlight=False, soft_wrap=True)
    if not problems:
        console.print("[dim]citations: every quoted span and figure checked against the text[/]")


def analyze_command(
    paths: Annotated[list[str], typer.Argument(help="Folders, files or http(s) URLs.")],
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the report JSON.")] = None,
    html_out: Annotated[Path | None, typer.Option("--html", help="Write the HTML report.")] = None,
    md_out: Annotated[Path | None, typer.Option("--md", help="Write the Markdown report.")] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write report.json/.md/.html into this folder.")
    ] = None,
    eid: Annotated[str | None, typer.Option("--eid", help="Event id for the report.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No terminal summary.")] = False,
) -> None:
    """Analyse one event: where the outlets agree, where they differ, and how."""
    if out is not None:
        json_out = json_out or out / "report.json"
        md_out = md_out or out / "report.md"
        html_out = html_out or out / "report.html"
    with console.status("analysing") as status:
        result = analyze(paths, eid=eid, progress=lambda msg: status.update(msg))
    print_load_problems(err, result.errors, result.skipped)
    if not result.report.articles:
        err.print("no article could be loaded")
        raise typer.Exit(1)
    if not quiet:
        _summary(result.report)
    _check(result.report)
    timing = ", ".join(f"{k} {v:.2f}s" for k, v in result.timings.items())
    console.print(f"[dim]time: {timing}[/]")
    for path in write_report(result.report, json_out, md_out, html_out):
        console.print(f"wrote {path.resolve()}", markup=False, highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze_command)
