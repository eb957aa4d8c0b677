"""``parallax analyze``: the main job, from a folder of articles to report files."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer

from parallax.cli.common import AllowPrivate, make_console, plain, shown
from parallax.cli.problems import print_load_problems
from parallax.cli.summary import print_summary
from parallax.pipeline import analyze
from parallax.report.render import write_report

console = make_console()
err = make_console(stderr=True)

#: Where the report goes when no output is named: a reader who runs ``parallax analyze
#: folder`` gets files to open, not only a terminal summary.
DEFAULT_OUT = Path("parallax-out")


def _check(report: object) -> None:
    """Re-verify every citation before writing: a failure is a bug, shown, never hidden."""
    from parallax.report.citations import check_citations
    from parallax.schema import Report

    assert isinstance(report, Report)
    problems = check_citations(report)
    for problem in problems:
        err.print(f"[red]citation[/] {shown(problem)}", highlight=False, soft_wrap=True)
    if not problems:
        console.print("[dim]citations: every quoted span and figure checked against the text[/]")


def _inputs(paths: Sequence[str]) -> tuple[set[Path], set[Path]]:
    """The input files and folders, resolved; URLs and missing paths are not files."""
    files: set[Path] = set()
    folders: set[Path] = set()
    for raw in paths:
        if raw.lower().startswith(("http://", "https://")):
            continue
        path = Path(raw)
        try:
            if path.is_dir():
                folders.add(path.resolve())
            elif path.exists():
                files.add(path.resolve())
        except OSError:
            continue
    return files, folders


def _output_problem(target: Path, files: set[Path], folders: set[Path]) -> str | None:
    """Why ``target`` cannot be written, checked before any work is done."""
    resolved = target.resolve()
    if resolved in files:
        return "is one of the input articles; it would be overwritten"
    if resolved.parent in folders:
        return "is in an input folder; it would be read as an article next time"
    if target.is_dir():
        return "is a folder, not a file"
    folder = target.parent
    while not folder.exists():
        folder = folder.parent
    if not folder.is_dir():
        return f"cannot be created: {folder} is a file, not a folder"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"cannot be written: no permission to write in {folder}"
    if target.exists() and not os.access(target, os.W_OK):
        return "cannot be written: no permission"
    return None


def check_outputs(paths: Sequence[str], targets: Sequence[Path]) -> list[str]:
    """One line per output that would fail or destroy an input; empty if all can be written."""
    files, folders = _inputs(paths)
    problems = []
    seen: set[Path] = set()
    for target in targets:
        if target.resolve() in seen:
            problems.append(f"output {target} is named twice")
            continue
        seen.add(target.resolve())
        why = _output_problem(target, files, folders)
        if why is not None:
            problems.append(f"output {target} {why}")
    return problems


def analyze_command(
    paths: Annotated[
        list[str], typer.Argument(help="Folders, files or http(s) URLs.", metavar="PATH")
    ],
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Write the report JSON.", metavar="FILE")
    ] = None,
    html_out: Annotated[
        Path | None, typer.Option("--html", help="Write the HTML report.", metavar="FILE")
    ] = None,
    md_out: Annotated[
        Path | None, typer.Option("--md", help="Write the Markdown report.", metavar="FILE")
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Write report.json, report.md and report.html into this folder "
            f"(the default, when no other output is named, is ./{DEFAULT_OUT}/).",
            metavar="FOLDER",
        ),
    ] = None,
    eid: Annotated[
        str | None,
        typer.Option(
            "--eid", help="Event id for the report (default: the input's name).", metavar="ID"
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No terminal summary.")] = False,
    allow_private: AllowPrivate = False,
) -> None:
    """Analyse one event: where the outlets agree, where they differ, and how."""
    from parallax.ingest import LoadOptions

    if out is None and json_out is None and md_out is None and html_out is None:
        out = DEFAULT_OUT
    if out is not None:
        json_out = json_out or out / "report.json"
        md_out = md_out or out / "report.md"
        html_out = html_out or out / "report.html"
    targets = [p for p in (json_out, md_out, html_out) if p is not None]
    problems = check_outputs(paths, targets)
    for problem in problems:
        err.print(f"[red]error[/] {shown(problem)}", highlight=False, soft_wrap=True)
    if problems:
        raise typer.Exit(2)
    options = LoadOptions(allow_private=allow_private)
    with console.status("analysing") as status:
        result = analyze(paths, eid=eid, progress=lambda msg: status.update(msg), options=options)
    print_load_problems(err, result.errors, result.skipped)
    if not result.report.articles:
        err.print("no article could be loaded")
        raise typer.Exit(1)
    if not quiet:
        print_summary(console, result.report, html_out or md_out or json_out)
    _check(result.report)
    timing = ", ".join(f"{k} {v:.2f}s" for k, v in result.timings.items())
    console.print(f"[dim]time: {timing}[/]")
    try:
        written = write_report(result.report, json_out, md_out, html_out)
    except OSError as exc:
        err.print(f"[red]error[/] cannot write the report: {shown(exc)}", highlight=False)
        raise typer.Exit(2) from exc
    for path in written:
        console.print(
            f"wrote {plain(path.resolve())}", markup=False, highlight=False, soft_wrap=True
        )


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze_command)
