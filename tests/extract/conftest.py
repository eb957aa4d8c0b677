"""Shared, expensive fixtures: each corpus is parsed once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from parallax.extract.claims import extract_event
from parallax.ingest import load_paths
from parallax.models import Article
from tests.shared_paths import SHARED

SEEDS = SHARED / "seeds"
SEEDS_GOLD = SHARED / "eval" / "seeds-gold.json"
DEV = SHARED / "eval" / "dev"
RECESSION = SHARED / "eval" / "discord_questions" / "documents_recession.json"
FIXTURES = Path(__file__).parent / "fixtures"

needs_shared = pytest.mark.skipif(not SEEDS.is_dir(), reason="shared eval data not mounted")


def load_event(*paths: Path) -> list[Article]:
    result = load_paths(list(paths))
    assert not result.errors, result.errors
    return extract_event(result.articles)


@pytest.fixture(scope="session")
def seed_articles() -> list[Article]:
    return load_event(SEEDS)


@pytest.fixture(scope="session")
def dev_events() -> dict[str, list[Article]]:
    return {d.name: load_event(d / "articles.json") for d in sorted(DEV.iterdir()) if d.is_dir()}


@pytest.fixture(scope="session")
def recession_articles() -> list[Article]:
    return load_event(RECESSION)
