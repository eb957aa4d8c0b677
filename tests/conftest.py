"""Where the shared corpora are, for every test.

Tests read ../shared (the seeds, their gold and the evaluation sets) beside the
repository, wherever the clone is; ``PARALLAX_SHARED`` points elsewhere. A test may
skip when the corpora are absent on a developer machine, but CI must never pass by
skipping them, so there a missing ../shared stops the run.
"""

from __future__ import annotations

import os

import pytest

from tests.shared_paths import SHARED


def pytest_sessionstart(session: pytest.Session) -> None:
    if os.environ.get("CI") and not (SHARED / "seeds").is_dir():
        raise pytest.UsageError(f"CI run without the shared corpora at {SHARED}")
