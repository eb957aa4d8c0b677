"""``parallax claims``: show the figures each article states, who says them and when.

Heavy imports (spaCy, the loader) happen inside the command so that ``parallax
--help`` and the other sub-commands stay fast.
"""

from __future__ import annotations

import json
from typing import Annotated

import typer

from parallax.cli.common import AllowPrivate, make_console, safe_json, shown


def register(app: typer.Typer) -> None:
    """Add the ``claims`` command to the main app."""

    @app.command("claims")
    def claims(
        paths: Annotated[
            list[str],
            typer.Argument(
                help="Files, folders, JSON corpora or http(s) URLs of one event.",
                metavar="PATH",
            ),
        ],
        as_json: Annotated[
            bool, typer.Option("--json", help="Print claims as JSON lines.")
        ] = False,
        allow_private: AllowPrivate = False,
    ) -> None:
        """Extract the factual figures of each article, with source and date."""
        from rich.table import Table

        from parallax.cli.problems import print_load_problems
        from parallax.extract.claims import extract_event
        from parallax.ingest import LoadOptions, load_paths

        # Strings, not paths: a URL is fetched, and an unreadable file is one error
        # line from the loader instead of a usage error that refuses the whole batch.
        result = load_paths(paths, options=LoadOptions(allow_private=allow_private))
        err = make_console(stderr=True)
        print_load_problems(err, result.errors, result.skipped)
        if not result.articles:
            err.print("[red]no articles loaded[/]")
            raise typer.Exit(1)
        articles = extract_event(result.articles)
        if as_json:
            for art in articles:
                for c in art.claims:
                    line = json.dumps(c.model_dump(mode="json"), ensure_ascii=False)
                    typer.echo(safe_json(line))
            return
        console = make_console()
        for art in articles:
            date = f"{art.published} ({art.published_basis})" if art.published else "date unknown"
            name = art.outlet if art.outlet and art.outlet != art.aid else ""
            title = shown(f"{art.aid}  {name}  {art.title or ''}  {date}")
            table = Table(title=title, title_justify="left")
            for col in (
                "figure",
                "value",
                "measure",
                "holder / place",
                "status",
                "source",
                "as of",
            ):
                table.add_column(col, overflow="fold")
            for c in art.claims:
                value = "vague" if c.value is None else f"{c.value:,.6g}"
                if c.value_high is not None:
                    value += f"-{c.value_high:,.6g}"
                if c.unit:
                    value += f" {c.unit}"
                # Cells hold article text: escaped so brackets are never read as markup.
                owner = " / ".join(x for x in (c.holder, c.place) if x)
                status: str = c.status if c.status and c.status != "reported" else ""
                if c.range_of:
                    status = f"{status} range".strip()
                cells = (c.text, value, c.measure, owner, status, c.source, c.as_of)
                table.add_row(*(shown(str(x)) if x else "" for x in cells))
            console.print(table)
            for note in art.warnings:
                console.print(f"  [dim]{shown(note)}[/]")
