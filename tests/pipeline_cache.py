"""One pipeline run per shared event per test session.

The citation tests (tests/report) and the dev-metric floors (tests/align) both need
the real pipeline's report of every shared event; running it once keeps the suite
fast.
"""

from __future__ import annotations

import functools
from pathlib import Path

from parallax.pipeline import AnalysisResult, analyze


@functools.cache
def analyzed(path: Path) -> AnalysisResult:
    return analyze([path])
