"""How a figure is written back to a reader, everywhere it is shown.

Explanations, the terminal summary, the Markdown and HTML reports and the scorer's
tables all write figures; one function keeps "1,908", "3.4" and "7.18e+06" the
same in each, and never fails on a value a broken input can produce (inf, nan).
"""

from __future__ import annotations

import math


def format_number(value: float) -> str:
    """1908.0 -> "1,908"; 3.40 -> "3.4"; 0.1234 -> "0.123"; tiny, huge and non-finite
    values in plain scientific form."""
    if not math.isfinite(value) or value == 0 or not 1e-3 <= abs(value) < 1e15:
        return "0" if value == 0 else f"{value:g}"
    if value == round(value):
        return f"{value:,.0f}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")
