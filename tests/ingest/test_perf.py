"""A thousand near-copies load and group into their five originals.

How long that takes is measured by bench/bench_load.py (against a plain read of
the same files in the same run), not asserted here: a timed test fails whenever
the machine is busy and says nothing about the code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from parallax.ingest import load_paths
from tests.ingest.corpus import write_varied_copies
from tests.ingest.shared import needs_shared


@pytest.mark.slow
@needs_shared
def test_thousand_articles_load_and_group_into_their_originals(tmp_path: Path) -> None:
    write_varied_copies(tmp_path, 1000)
    result = load_paths([tmp_path])
    assert len(result.articles) == 1000 and result.errors == []
    # The copies are near-duplicates by construction: each seed's copies form one group.
    originals = {a.aid for a in result.articles if a.duplicate_of is None}
    assert len(originals) == 5
