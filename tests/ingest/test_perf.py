from __future__ import annotations

import time
from pathlib import Path

from parallax.ingest import load_paths
from tests.ingest.corpus import write_varied_copies
from tests.ingest.shared import needs_shared

# The target is 5 s; the bound is generous because the test machine is shared.
BOUND_S = 15.0


@needs_shared
def test_thousand_articles_load_in_bounded_time(tmp_path: Path) -> None:
    write_varied_copies(tmp_path, 1000)
    load_paths([tmp_path / "copy_0000.txt"])  # warm lazy models out of the timing
    start = time.perf_counter()
    result = load_paths([tmp_path])
    elapsed = time.perf_counter() - start
    assert len(result.articles) == 1000 and result.errors == []
    # The copies are near-duplicates by construction: each seed's copies form one group.
    originals = {a.aid for a in result.articles if a.duplicate_of is None}
    assert len(originals) == 5
    assert elapsed < BOUND_S, f"{elapsed:.1f} s for 1,000 articles"
