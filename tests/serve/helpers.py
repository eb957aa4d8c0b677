"""Running the real app for tests: in this process (uvicorn on a thread, sharing the
loaded models with the rest of the run) or as a ``parallax serve`` subprocess."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import uvicorn

from parallax.serve.app import create_app
from parallax.serve.service import Settings

ARTICLE = (
    "Officials said {n} people were rescued from the flooded valley on Monday, "
    "and the regional council counted {m} homes damaged by the water."
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_app(settings: Settings) -> Iterator[str]:
    """The app served by uvicorn on a thread; yields its base URL."""
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(settings),
            host=settings.host,
            port=settings.port,
            log_level="warning",
            access_log=False,
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{settings.port}"
    finally:
        server.should_exit = True
        thread.join(30)


def serve_process(db: Path, port: int, *extra: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PARALLAX_TOKEN", "PARALLAX_DB")}
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from parallax.cli.main import app; app()",
            "serve",
            "--db",
            str(db),
            "--port",
            str(port),
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )


def wait_up(url: str, proc: subprocess.Popen[str], headers: dict[str, str] | None = None) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            out = proc.stdout.read() if proc.stdout else ""
            raise RuntimeError(f"server exited: {out}")
        try:
            httpx.get(url, headers=headers, timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError("server did not start")
