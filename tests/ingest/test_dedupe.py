from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from parallax.ingest import article_from_text, find_duplicates, load_paths
from parallax.models import Article
from tests.ingest.shared import DEV, SEEDS, needs_shared
from tests.shared_paths import dev_slugs


def _light_edit(text: str, seed: int) -> str:
    """Change a handful of words and add a line, as an outlet re-running wire copy would."""
    rng = random.Random(seed)
    words = text.split(" ")
    for i in rng.sample(range(len(words)), k=max(1, len(words) // 60)):
        words[i] = "edited"
    return "Updated by our desk\n\n" + " ".join(words)


@needs_shared
@pytest.mark.parametrize("cluster", dev_slugs())
def test_related_articles_in_dev_clusters_are_not_duplicates(cluster: str) -> None:
    result = load_paths([DEV / cluster / "articles.json"])
    assert len(result.articles) >= 7
    assert [a.aid for a in result.articles if a.duplicate_of] == []


@needs_shared
def test_an_article_and_its_lightly_edited_copy_are_duplicates(tmp_path: Path) -> None:
    source = DEV / "odisha-train-crash-2023" / "articles.json"
    original = (SEEDS / "003_3fad0862d868648c.txt").read_text("utf-8")
    copy = tmp_path / "wire-copy.txt"
    copy.write_text(_light_edit(original, 1), "utf-8")
    result = load_paths([source, SEEDS / "003_3fad0862d868648c.txt", copy])
    marked = {a.aid: a.duplicate_of for a in result.articles if a.duplicate_of}
    assert marked == {"wire-copy": "003_3fad0862d868648c"}


def _article(aid: str, text: str, published: dt.date | None = None) -> Article:
    return article_from_text(text, aid, f"test:{aid}", published=published)


@needs_shared
def test_the_earlier_published_article_is_the_original() -> None:
    text = (SEEDS / "002_ee248e26e56cd633.txt").read_text("utf-8")
    late = _article("late", text, dt.date(2022, 5, 21))
    early = _article("early", _light_edit(text, 2), dt.date(2022, 5, 20))
    assert find_duplicates([late, early]) == {"late": "early"}


@needs_shared
def test_copies_of_copies_point_to_the_first_article() -> None:
    text = (SEEDS / "004_a019b3ccf99e8aec.txt").read_text("utf-8")
    arts = [_article(f"c{n}", _light_edit(text, n)) for n in range(4)]
    assert find_duplicates(arts) == {"c1": "c0", "c2": "c0", "c3": "c0"}


@needs_shared
def test_articles_sharing_a_wire_paragraph_are_not_duplicates() -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    shared = seeds[2].read_text("utf-8").split("\n\n")[6]
    one = _article("one", seeds[0].read_text("utf-8") + "\n\n" + shared)
    two = _article("two", seeds[4].read_text("utf-8") + "\n\n" + shared)
    assert find_duplicates([one, two]) == {}
