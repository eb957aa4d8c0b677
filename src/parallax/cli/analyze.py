"""``parallax analyze``: the main job, from a folder of articles to report files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from parallax.cli.problems import print_load_problems
from parallax.numfmt import format_number
from parallax.pipeline import analyze
from parallax.report.render import KIND_WORDS, write_report
from parallax.schema import DISCORD_KINDS

console = Console()
err = Console(stderr=True)


#: Consensus questions listed in the terminal; the report files hold them all.
MAX_CONSENSUS_ROWS = 10
_ANSWER_CHARS = 60


def _short(text: str, limit: int = _ANSWER_CHARS) -> str:
    """A quote cut at a word boundary, with an ellipsis where it was cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return f"{cut}\u2026"


def _fmt_value(a: object) -> str:
    from parallax.schema import Answer

    assert isinstance(a, Answer)
    if a.value is None:
        return _short(a.answer)
    num = format_number(a.value)
    unit = f" {a.unit}" if a.unit else ""
    return f"{a.qualifier + ' ' if a.qualifier else ''}{num}{unit}"


def _summary(result_report: object) -> None:
    """What a reader wants first: every difference, the main agreements, a count of the rest."""
    from parallax.schema import Report

    assert isinstance(result_report, Report)
    report = result_report
    outlets = {a.aid: a.outlet or a.aid for a in report.articles}
    console.print(
        f"[bold]{escape(report.eid)}[/]: {len(report.articles)} articles from "
        f"{len(set(outlets.values()))} outlets, {len(report.claims)} claims, "
        f"{len(report.question_answers)} questions"
    )
    differ = [q for q in report.question_answers if q.kind in DISCORD_KINDS]
    agree = [q for q in report.question_answers if q.kind == "consensus"]
    unique = [q for q in report.question_answers if q.kind == "unique_coverage"]
    sections = [
        (f"Where the outlets differ ({len(differ)})", differ),
        (
            f"What the outlets agree on ({len(agree)}"
            + (f", {MAX_CONSENSUS_ROWS} shown" if len(agree) > MAX_CONSENSUS_ROWS else "")
            + ")",
            agree[:MAX_CONSENSUS_ROWS],
        ),
    ]
    for title, qas in sections:
        if not qas:
            continue
        table = Table(title=title, title_justify="left", show_lines=True)
        table.add_column("kind", no_wrap=True)
        table.add_column("question")
        table.add_column("answers: who says what")
        for qa in qas:
            lines = []
            for group in (g for g in qa.answer_groups if g):
                who = ", ".join(dict.fromkeys(outlets.get(a.aid, a.aid) for a in group))
                # One wording per distinct figure ("almost 2,000 / 1,908"); text answers once.
                firsts = {
                    (a.value if a.value is not None else a.answer): a for a in reversed(group)
                }
                said = " / ".join(_fmt_value(a) for a in list(reversed(firsts.values()))[:3])
                lines.append(f"{said} \u2014 {who}")
            # Article text (and aids, questions built from it) must never be read as markup.
            table.add_row(qa.kind, escape(qa.question), escape("\n".join(lines)))
        console.print(table)
    if unique:
        console.print(
            f"Reported by one outlet only: {len(unique)} (listed in the report files)",
            highlight=False,
        )
    console.print(f"[dim]kinds: {', '.join(KIND_WORDS)}[/]")
    for sentence in report.summary:
        console.print(f"- {sentence.text}", highlight=False, markup=False)


def _check(report: object) -> None:
    """Re-verify every citation before writing: a failure is a bug, shown, never hidden."""
    from parallax.report.citations import check_citations
    from parallax.schema import Report

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
