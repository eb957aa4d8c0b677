from __future__ import annotations

import datetime as dt

import pytest

from parallax.ingest import IngestError, article_from_text


def test_article_from_text_cleans_and_annotates() -> None:
    article = article_from_text(
        "Flood waters recede\n\nFlood waters receded on Monday, March 6, 2023, officials said."
        "\n\nA resident walks past debris. John Smith/AP\n\nThe river fell by 2 metres.",
        "riverton-1",
        "test",
    )
    assert article.aid == "riverton-1"
    assert article.title == "Flood waters recede"
    assert article.published == dt.date(2023, 3, 6)
    assert article.published_basis == "text"
    assert article.language == "en"
    assert "John Smith/AP" not in article.text
    assert [r.reason for r in article.removed] == ["photo caption or credit"]
    assert article.warnings == []


def test_metadata_date_wins_over_text_date() -> None:
    article = article_from_text(
        "It happened on March 6, 2023 in the valley town.",
        "a",
        "test",
        published=dt.date(2023, 3, 8),
    )
    assert (article.published, article.published_basis) == (dt.date(2023, 3, 8), "metadata")


def test_non_english_article_is_kept_and_flagged() -> None:
    article = article_from_text(
        "Des centaines de milliers de personnes ont manifesté mardi contre la réforme des "
        "retraites dans toute la France, selon le ministère de l'Intérieur.",
        "fr1",
        "test",
    )
    assert article.language == "fr"
    assert any("not English" in w for w in article.warnings)


def test_text_that_is_all_debris_is_an_error() -> None:
    with pytest.raises(IngestError):
        article_from_text('<img alt="" src=""/>\n\n|', "x", "test")


def test_outlet_from_a_headline_that_ends_with_the_site_name() -> None:
    from parallax.ingest.article import outlet_from_title

    assert outlet_from_title("Flood kills 21 in Riverton | Valley Courier") == "Valley Courier"
    assert outlet_from_title("Flood kills 21 in Riverton - Northern Post") == "Northern Post"
    assert outlet_from_title("Flood kills 21 in Riverton, officials say") is None
    assert outlet_from_title("Toll rises - and more rain is forecast for the whole valley") is None
    article = article_from_text(
        "Flood kills 21 | Valley Courier\n\nThe toll rose to 21, officials said.", "a", "t"
    )
    assert article.outlet == "Valley Courier"
