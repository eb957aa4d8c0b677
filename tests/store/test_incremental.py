"""Incremental analysis on real articles: adding one article to a 10-article event
extracts the claims of that one only, and the report is the one a from-scratch
``analyze`` of the same ten articles gives. (The seeds' story, 1,730 then 1,730 -> 1,908,
is followed end to end in tests/serve/test_browser.py.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import parallax.extract.claims as claims_module
from parallax.ingest import load_paths
from parallax.pipeline import analyze
from parallax.store import Store
from parallax.store.analysis import analyze_event
from tests.shared_paths import SHARED

RIVERTON = Path(__file__).resolve().parents[2] / "src/parallax/examples/riverton-flood"
SEEDS = SHARED / "seeds"

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is absent")


def test_adding_one_article_to_ten_extracts_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = sorted(SEEDS.glob("*.txt")) + sorted(RIVERTON.glob("*.txt"))
    assert len(files) == 10
    parsed: list[list[str]] = []
    real = claims_module.parse_event

    def spy(articles, **kw):  # type: ignore[no-untyped-def]
        parsed.append([a.aid for a in articles])
        return real(articles, **kw)

    monkeypatch.setattr(claims_module, "parse_event", spy)
    with Store(tmp_path / "s.duckdb") as store:
        store.create_event("Ten", "ten")
        store.add_articles("ten", load_paths(files[:9]).articles)
        first = analyze_event(store, "ten")
        assert (first.extracted, first.reused) == (9, 0)
        store.add_articles("ten", load_paths(files[9:]).articles)
        second = analyze_event(store, "ten")
        assert (second.extracted, second.reused) == (1, 9)
        assert parsed == [[p.stem for p in files[:9]], [files[9].stem]]
        # Sentences embedded before are served from the store, not embedded again.
        assert 0 < second.embedded < first.embedded

    monkeypatch.setattr(claims_module, "parse_event", real)
    scratch = analyze([str(p) for p in files], eid="ten").report
    assert json.loads(second.report.to_json()) == json.loads(scratch.to_json())
