from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from parallax.ingest import LoadOptions, load_paths
from tests.ingest.shared import DEV, DISCORD, needs_shared

NO_DUPES = LoadOptions(detect_duplicates=False)
BODY = "The council approved the new budget on Tuesday after a long debate among members."


def _write(path: Path, doc: object) -> Path:
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@needs_shared
def test_diversesumm_cluster_loads_with_metadata_dates_and_outlets() -> None:
    source = DEV / "odisha-train-crash-2023" / "articles.json"
    doc = json.loads(source.read_text("utf-8"))
    result = load_paths([source])
    assert result.errors == []
    by_aid = {a.aid: a for a in result.articles}
    assert sorted(by_aid) == sorted(a["aid"] for a in doc["articles"])
    for entry in doc["articles"]:
        article = by_aid[entry["aid"]]
        assert article.outlet == entry["domain"]
        assert article.url == entry["url"]
        assert article.origin == f"{source}#{entry['aid']}"
        if entry["date"]:
            assert article.published == dt.date.fromisoformat(entry["date"])
            assert article.published_basis == "metadata"
        assert article.language == "en"


@needs_shared
def test_discord_corpus_loads_content_and_names_empty_entries() -> None:
    entries = json.loads(DISCORD.read_text("utf-8"))
    empty = {e["id"] for e in entries if not (e.get("content") or "").strip()}
    result = load_paths([DISCORD])
    assert empty, "the corpus is expected to hold empty entries"
    assert len(result.articles) == len(entries) - len(empty)
    assert {a.aid for a in result.articles}.isdisjoint(empty)
    assert len(result.skipped) == len(empty)
    for item in result.skipped:
        assert item.origin.split("#")[1] in empty
        assert item.origin.split("#")[1] in item.reason
    assert result.errors == []


def test_published_field_unknown_fields_and_www_prefix(tmp_path: Path) -> None:
    doc = {
        "eid": "x",
        "articles": [
            {
                "aid": "p1",
                "title": "Budget passes",
                "url": "https://amp.example.com/a",
                "domain": "www.example.com",
                "published": "2023-03-07T10:00:00Z",
                "sentiment": 0.3,
                "content": BODY,
            },
            {"aid": "p2", "url": "https://m.other.org/b", "date": "March 8, 2023", "content": BODY},
            {"aid": "p3", "content": BODY, "date": "sometime"},
        ],
    }
    result = load_paths([_write(tmp_path / "c.json", doc)], options=NO_DUPES)
    a1, a2, a3 = result.articles
    assert (a1.outlet, a1.published, a1.published_basis) == (
        "example.com",
        dt.date(2023, 3, 7),
        "metadata",
    )
    assert a1.title == "Budget passes"
    assert (a2.outlet, a2.published) == ("other.org", dt.date(2023, 3, 8))
    assert a3.published is None
    assert any("sometime" in w for w in a3.warnings)


def test_jsonl_bad_line_is_one_error_and_the_rest_loads(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    good = json.dumps({"id": "j1", "domain": "a.com", "content": BODY})
    path.write_text(f"{good}\n{{not json\n\n{json.dumps({'text': BODY})}\n", encoding="utf-8")
    result = load_paths([path], options=NO_DUPES)
    assert [a.aid for a in result.articles] == ["j1", "batch-4"]
    assert len(result.errors) == 1
    error = result.errors[0]
    assert error.origin == f"{path}:2"
    assert "line 2, column 2" in error.reason


def test_malformed_json_names_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "articles": [\n    {"aid": "a1",, "content": "x"}\n  ]\n}', "utf-8")
    result = load_paths([path])
    assert result.articles == []
    assert len(result.errors) == 1
    assert result.errors[0].origin == str(path)
    assert "line 3, column 18" in result.errors[0].reason


def test_json_that_is_not_a_corpus_is_an_error(tmp_path: Path) -> None:
    result = load_paths([_write(tmp_path / "gold.json", {"eid": "x", "questions": []})])
    assert result.articles == []
    assert "not an article corpus" in result.errors[0].reason
