"""The report stage on the real pipeline's output.

The citation check must hold on every report the pipeline builds from the shared seeds
and development events: no cited span that is not verbatim, no figure outside a citation.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from parallax.report.citations import check_citations
from tests.pipeline_cache import analyzed
from tests.report.gold_report import DEV, SEEDS, dev_slugs

EVENTS = ([("seeds", SEEDS)] if SEEDS.is_dir() else []) + [
    (slug, DEV / slug / "articles.json") for slug in dev_slugs()
]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "path"), EVENTS, ids=[n for n, _ in EVENTS])
def test_pipeline_report_citations_hold(name: str, path: Path) -> None:
    result = analyzed(path)
    report = result.report
    assert report.articles, name
    assert "report" in result.timings
    assert check_citations(report) == [], name
    if report.question_answers:
        assert report.summary


@pytest.mark.skipif(not SEEDS.is_dir(), reason="needs ../shared/seeds")
def test_analyze_enriches_after_alignment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The analyze job calls enrich after align_event, whatever the stages return."""
    import parallax.align
    import parallax.extract.claims
    import parallax.ingest
    from parallax.models import LoadResult
    from parallax.pipeline import analyze
    from tests.report.gold_report import seeds_report

    report, _ = seeds_report()
    monkeypatch.setattr(parallax.ingest, "load_paths", lambda paths, **_: LoadResult())
    monkeypatch.setattr(parallax.extract.claims, "extract_parsed", lambda arts: (arts, None))
    monkeypatch.setattr(
        parallax.align, "align_event", lambda arts, eid, parser: report, raising=False
    )
    result = analyze([SEEDS])
    assert result.report.summary and result.report.timeline and result.report.framing.outlets
    assert "report" in result.timings
    assert check_citations(result.report) == []
