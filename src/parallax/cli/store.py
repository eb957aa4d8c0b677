"""``parallax events``, ``parallax add`` and ``parallax report``: follow a story in the store.

The same store file the web app serves (``--db``, default ``~/.parallax/parallax.duckdb``):
what one adds here shows up there, and the other way round. DuckDB lets one process
open the file at a time, so while ``parallax serve`` runs, add through the app.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from parallax.cli.problems import print_load_problems
from parallax.store import EventNotFound, Store, StoreError, default_db_path

console = Console()
err = Console(stderr=True)

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        envvar="PARALLAX_DB",
        help="The store file [default: ~/.parallax/parallax.duckdb].",
        show_default=False,
    ),
]


AllowPrivateOption = Annotated[
    bool,
    typer.Option(
        "--allow-private", help="Let URLs reach loopback, private and link-local addresses."
    ),
]


def open_store(db: Path | None) -> Store:
    try:
        return Store(db or default_db_path())
    except StoreError as exc:
        err.print(f"[red]error[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from exc


def _when(value: object) -> str:
    import datetime as dt

    if isinstance(value, dt.datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    return "never"


def events_command(
    db: DbOption = None,
    create: Annotated[
        str | None, typer.Option("--create", help="Create an event with this title.")
    ] = None,
    eid: Annotated[
        str | None, typer.Option("--eid", help="Its id (default: from the title).")
    ] = None,
) -> None:
    """List the events in the store (or create one with --create)."""
    with open_store(db) as store:
        if create is not None:
            try:
                made = store.create_event(create, eid)
            except StoreError as exc:
                err.print(f"[red]error[/] {escape(str(exc))}", highlight=False)
                raise typer.Exit(1) from exc
            console.print(f"created event {escape(made.eid)}", highlight=False)
            return
        rows = store.events()
        if not rows:
            console.print("no events yet: parallax add EVENT PATH...")
            return
        table = Table(title=f"Events in {escape(str(store.path))}", title_justify="left")
        for col in ("event", "title", "articles", "outlets", "analysed"):
            table.add_column(col)
        for e in rows:
            state = _when(e.analysed) + (" (new articles)" if e.stale and e.articles else "")
            table.add_row(escape(e.eid), escape(e.title), str(e.articles), str(e.outlets), state)
        console.print(table)


def _print_changes(outcome: object) -> None:
    from parallax.store.analysis import Outcome

    assert isinstance(outcome, Outcome)
    console.print(
        f"analysed in {outcome.seconds:.1f} s: claims of {outcome.extracted} article(s) "
        f"extracted, {outcome.reused} from the cache",
        highlight=False,
    )
    for change in outcome.changes:
        console.print(f"- [bold]{change.kind}[/] {escape(change.text)}", highlight=False)


def add_command(
    event: Annotated[str, typer.Argument(help="Event id; created if it does not exist.")],
    paths: Annotated[list[str], typer.Argument(help="Folders, files or http(s) URLs.")],
    db: DbOption = None,
    title: Annotated[
        str | None, typer.Option("--title", help="Title of a new event (default: its id).")
    ] = None,
    allow_private: AllowPrivateOption = False,
    analyse: Annotated[
        bool, typer.Option("--analyze/--no-analyze", help="Re-analyse the event afterwards.")
    ] = True,
) -> None:
    """Add articles to an event; each is committed as soon as it is loaded."""
    from parallax.ingest import LoadOptions, load_paths

    with open_store(db) as store:
        try:
            store.event(event)
        except EventNotFound:
            store.create_event(title or event, event)
            console.print(f"created event {escape(event)}", highlight=False)
        loaded = load_paths(paths, options=LoadOptions(allow_private=allow_private))
        print_load_problems(err, loaded.errors, loaded.skipped)

        def said(stored: object) -> None:
            from parallax.store import StoredArticle

            assert isinstance(stored, StoredArticle)
            outlet = stored.article.outlet or "unknown outlet"
            # One line per committed article, flushed: a caller may rely on it.
            console.print(f"added {escape(stored.article.aid)} ({escape(outlet)})", highlight=False)
            sys.stdout.flush()

        result = store.add_articles(event, loaded.articles, on_added=said)
        for origin, aid in result.existing:
            console.print(
                f"already in the event: {escape(origin)} (as {escape(aid)})", highlight=False
            )
        if analyse and result.added:
            from parallax.store.analysis import analyze_event

            with console.status("analysing"):
                outcome = analyze_event(store, event)
            _print_changes(outcome)
        if not result.added and not result.existing:
            raise typer.Exit(1)


def report_command(
    event: Annotated[str, typer.Argument(help="Event id.")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report JSON.")] = False,
    as_md: Annotated[bool, typer.Option("--md", help="Print the Markdown report.")] = False,
    as_html: Annotated[bool, typer.Option("--html", help="Print the HTML report.")] = False,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write to this file instead.")
    ] = None,
) -> None:
    """The event's current report (re-analysed first if articles arrived since)."""
    from parallax.schema import Report

    if sum((as_json, as_md, as_html)) > 1:
        err.print("[red]error[/] choose one of --json, --md, --html")
        raise typer.Exit(2)
    with open_store(db) as store:
        try:
            info = store.event(event)
        except EventNotFound as exc:
            err.print(f"[red]error[/] {escape(str(exc))}", highlight=False)
            raise typer.Exit(1) from exc
        if not info.articles:
            err.print(f"event {escape(event)} has no articles yet", highlight=False)
            raise typer.Exit(1)
        if info.stale:
            from parallax.store.analysis import analyze_event

            with err.status("analysing"):
                analyze_event(store, event)
        latest = store.latest_analysis(event)
        assert latest is not None
        report = Report.model_validate_json(latest.report_json)
        changes = store.changes(event)
    if as_json or as_md or as_html:
        text = report.to_json() if as_json else report.to_markdown() if as_md else report.to_html()
        if out is not None:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text, encoding="utf-8")
            console.print(f"wrote {out.resolve()}", markup=False, highlight=False)
        else:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    from parallax.cli.summary import print_summary

    print_summary(console, report)
    if changes:
        console.print("[bold]The story so far[/]")
        for c in changes:
            console.print(f"{_when(c.created)} [bold]{c.kind}[/] {escape(c.text)}", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("events")(events_command)
    app.command("add")(add_command)
    app.command("report")(report_command)
