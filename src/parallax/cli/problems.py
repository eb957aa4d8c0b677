"""One way every command reports inputs it could not load or passed over.

Paths and article ids are untrusted text: they are escaped so a bracket in a file
name is never read as Rich markup.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.markup import escape

from parallax.models import LoadError


def print_load_problems(
    err: Console, errors: Iterable[LoadError], skipped: Iterable[LoadError]
) -> None:
    for item in skipped:
        err.print(f"[yellow]skipped[/] {escape(str(item))}", highlight=False, soft_wrap=True)
    for error in errors:
        err.print(f"[red]error[/] {escape(str(error))}", highlight=False, soft_wrap=True)
