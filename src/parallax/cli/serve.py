"""``parallax serve``: the local web app over the store.

It listens on 127.0.0.1 unless told otherwise; anywhere else the store would be open
to the network, so another address needs ``--token``, which every request must then
carry.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from parallax.cli.store import AllowPrivateOption, DbOption
from parallax.store import default_db_path

err = Console(stderr=True)
MB = 1_000_000


def serve_command(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    db: DbOption = None,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            envvar="PARALLAX_TOKEN",
            help="Secret every request must carry; required off loopback.",
        ),
    ] = None,
    allow_private: AllowPrivateOption = False,
    max_upload_mb: Annotated[
        float, typer.Option("--max-upload-mb", help="Largest upload request, in MB.")
    ] = 20.0,
    max_body_mb: Annotated[
        float, typer.Option("--max-body-mb", help="Largest form or JSON request, in MB.")
    ] = 2.0,
) -> None:
    """Serve the web app and JSON API (docs at /docs) over the store."""
    import uvicorn

    from parallax.serve.app import create_app
    from parallax.serve.service import Settings
    from parallax.store import Store, StoreError

    settings = Settings(
        db=Path(db or default_db_path()).expanduser(),
        host=host,
        port=port,
        token=token or None,
        allow_private=allow_private,
        max_body=int(max_body_mb * MB),
        max_upload=int(max_upload_mb * MB),
    )
    try:
        app = create_app(settings)
        # Open the store once now, so a locked or foreign file is one clear line here
        # rather than a traceback from the server's start-up.
        Store(settings.db).close()
    except (ValueError, StoreError) as exc:
        err.print(f"[red]error[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from exc
    shown = f"[{host}]" if ":" in host else host
    err.print(
        f"Parallax on http://{shown}:{port}/ (store {escape(str(settings.db))})",
        highlight=False,
        soft_wrap=True,
    )
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
