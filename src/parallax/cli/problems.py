"""One way every command reports inputs it could not load or passed over.

Paths and article ids are untrusted text: control characters are stripped and markup
escaped, so neither an escape sequence nor a bracket in a file name reaches the terminal.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console

from parallax.cli.common import shown
from parallax.models import LoadError


def print_load_problems(
    err: Console, errors: Iterable[LoadError], skipped: Iterable[LoadError]
) -> None:
    for item in skipped:
        err.print(f"[yellow]skipped[/] {shown(item)}", highlight=False, soft_wrap=True)
    for error in errors:
        err.print(f"[red]error[/] {shown(error)}", highlight=False, soft_wrap=True)
