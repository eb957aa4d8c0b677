"""What every command shares: consoles, safe printing of untrusted text, common options.

Article text, titles, aids and file names come from outside. Printed as they are, an
escape sequence in a title clears the screen or plants an OSC 8 link, and a bracket
is read as Rich markup; ``shown`` strips control characters and escapes markup.
"""

from __future__ import annotations

import os
import re
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

#: Width used when output goes to a file or pipe: wide enough that no table is cut
#: or wrapped, so what a script reads is what the articles say.
PIPE_WIDTH = 4000

# C0 controls except tab and newline, DEL, C1 controls (0x9b is a one-byte CSI), and the
# bidirectional overrides that make a file name read backwards.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def plain(text: object) -> str:
    """``text`` without control characters: safe to print, still readable."""
    return _CONTROL.sub("", str(text))


def shown(text: object) -> str:
    """``text`` ready for ``Console.print`` with markup on: no controls, no markup."""
    return escape(plain(text))


def safe_json(text: str) -> str:
    """JSON for a terminal: the C1 controls JSON leaves raw are written as ``\\u`` escapes.

    They only occur inside strings, where the escape means the same character.
    """
    return re.sub(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]", lambda m: f"\\u{ord(m[0]):04x}", text)


def make_console(stderr: bool = False) -> Console:
    """A console that fits the terminal, or prints full width when piped."""
    console = Console(stderr=stderr)
    if not console.is_terminal and not console.is_jupyter and "COLUMNS" not in os.environ:
        console.width = PIPE_WIDTH
    return console


AllowPrivate = Annotated[
    bool,
    typer.Option(
        "--allow-private",
        help="Also fetch URLs on this machine or a private network (localhost, 10.x, "
        "192.168.x, 169.254.x); refused by default.",
    ),
]
