"""``parallax load``: load a batch and show what ingestion made of it.

The command is the quickest way to check a new corpus before analysing it:
which inputs failed and why, what cleaning removed, which articles are wire
copies. Errors go to stderr, one line each, so stdout stays parseable with
``--json``; the exit code fails only when nothing at all could be loaded.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn
from rich.table import Table

from parallax.cli.common import AllowPrivate, make_console, safe_json, shown
from parallax.cli.problems import print_load_problems
from parallax.models import LoadResult

# Below this many inputs a progress bar only flickers.
_PROGRESS_MIN = 20


def _table(result: LoadResult) -> Table:
    table = Table(title=f"{len(result.articles)} articles", title_justify="left")
    table.add_column("aid", no_wrap=True)
    table.add_column("outlet", overflow="fold")
    table.add_column("date", no_wrap=True)
    table.add_column("words", justify="right")
    table.add_column("language")
    table.add_column("duplicate_of", overflow="fold", min_width=12)
    table.add_column("warnings", overflow="fold", min_width=8)
    for article in result.articles:
        date = f"{article.published} ({article.published_basis})" if article.published else "-"
        table.add_row(
            shown(article.aid),
            shown(article.outlet or "-"),
            date,
            str(article.words),
            article.language or "-",
            shown(article.duplicate_of or "-"),
            shown("; ".join(article.warnings) or "-"),
        )
    return table


def _print_removed(result: LoadResult, out: Console) -> None:
    for article in result.articles:
        if not article.removed:
            continue
        out.print(f"[bold]{shown(article.aid)}[/bold] removed {len(article.removed)}:")
        for item in article.removed:
            out.print(f"  [dim]{shown(item.reason)}:[/dim] {shown(item.text)}")


class _Bar:
    """A progress bar that appears only once the batch turns out to be large."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.progress: Progress | None = None
        self.task: TaskID | None = None

    def __call__(self, done: int, total: int) -> None:
        if self.progress is None:
            if total < _PROGRESS_MIN or not self.console.is_terminal:
                return
            columns = (TextColumn("loading"), BarColumn(), MofNCompleteColumn())
            self.progress = Progress(*columns, console=self.console, transient=True)
            self.task = self.progress.add_task("load", total=total)
            self.progress.start()
        if self.task is not None:
            self.progress.update(self.task, completed=done)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def _load(paths: list[str], err: Console, allow_private: bool) -> LoadResult:
    from parallax.ingest import LoadOptions, load_paths  # lazy: keeps `parallax --help` fast

    bar = _Bar(err)
    try:
        options = LoadOptions(allow_private=allow_private)
        return load_paths(paths, options=options, on_progress=bar)
    finally:
        bar.stop()


def load_command(
    paths: Annotated[
        list[str], typer.Argument(help="Folders, files or http(s) URLs.", metavar="PATH")
    ],
    json_out: Annotated[
        bool, typer.Option("--json", help="Print the load result as JSON on stdout.")
    ] = False,
    show_removed: Annotated[
        bool, typer.Option("--show-removed", help="List what cleaning took out of each article.")
    ] = False,
    allow_private: AllowPrivate = False,
) -> None:
    """Load articles, clean them and list what was loaded."""
    out = make_console()
    err = make_console(stderr=True)
    result = _load(paths, err, allow_private)
    print_load_problems(err, result.errors, result.skipped)
    if json_out:
        typer.echo(safe_json(result.model_dump_json(indent=2)))
    else:
        out.print(_table(result))
        if show_removed:
            _print_removed(result, out)
    if not result.articles:
        raise typer.Exit(code=1)


def register(app: typer.Typer) -> None:
    """Add ``load`` to the ``parallax`` app."""
    app.command("load")(load_command)
