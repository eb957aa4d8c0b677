"""The store file: migrations from the first schema version, idempotent loading,
transactional ingest, and a clear line for a file that is locked or not ours."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from parallax.ingest import article_from_text
from parallax.models import Article
from parallax.store import Store, StoreError, content_hash
from parallax.store.schema import MIGRATIONS, SCHEMA_VERSION, migrate

TEXT = "Rescuers said 14 people died in the flood on Monday. The river rose two metres."


def _article(aid: str, text: str = TEXT, outlet: str = "Courier") -> Article:
    return article_from_text(text, aid, f"{aid}.txt", outlet=outlet)


def test_a_version_1_file_migrates_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    assert migrate(con, target=1) == [1]
    art = _article("flood")
    con.execute("INSERT INTO events (eid, title) VALUES ('flood', 'The flood')")
    con.execute(
        """INSERT INTO articles (eid, aid, hash, title, url, outlet, published, origin, text, data)
        VALUES ('flood', 'flood', ?, NULL, NULL, 'Courier', NULL, 'flood.txt', ?, ?)""",
        [content_hash(art), art.text, art.model_dump_json(exclude={"sentences", "claims"})],
    )
    con.execute(
        """INSERT INTO analyses (eid, article_ids, last_article, seconds, report)
        VALUES ('flood', '[1]', 1, 0.5, '{"eid": "flood", "articles": []}')"""
    )
    con.close()

    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION == len(MIGRATIONS) >= 2
        [event] = store.events()
        assert (event.eid, event.title, event.articles, event.stale) == (
            "flood",
            "The flood",
            1,
            False,
        )
        [stored] = store.articles("flood")
        assert stored.article.text == art.text and stored.hash == content_hash(art)
        # What version 2 added works on the migrated file.
        latest = store.latest_analysis("flood")
        assert latest is not None and latest.added == []
        store.save_analysis(
            "flood",
            created=latest.created,
            article_ids=[stored.id],
            seconds=0.1,
            report_json=latest.report_json,
            added=[],
            changes=[("new_figure", "14 (Courier)", "How many died?", {"value": 14})],
        )
        [change] = store.changes("flood")
        assert change.data == {"value": 14} and change.question == "How many died?"
        versions = store._cur().execute("SELECT version FROM schema_version ORDER BY 1").fetchall()
        assert [v for (v,) in versions] == list(range(1, SCHEMA_VERSION + 1))
    # Opening again applies nothing.
    con = duckdb.connect(str(path))
    assert migrate(con) == []
    con.close()


def test_a_newer_or_foreign_file_is_refused_in_one_line(tmp_path: Path) -> None:
    newer = tmp_path / "newer.duckdb"
    Store(newer).close()
    con = duckdb.connect(str(newer))
    con.execute("INSERT INTO schema_version (version) VALUES (?)", [SCHEMA_VERSION + 1])
    con.close()
    with pytest.raises(StoreError, match="newer than this Parallax"):
        Store(newer)

    foreign = tmp_path / "foreign.duckdb"
    con = duckdb.connect(str(foreign))
    con.execute("CREATE TABLE things (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not a Parallax store"):
        Store(foreign)


def test_a_file_held_by_another_process_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "held.duckdb"
    Store(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c = duckdb.connect({str(path)!r}); "
            "print('held', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreError, match="in use by another process"):
            Store(path)
    finally:
        holder.kill()
        holder.wait()


def test_the_same_article_twice_changes_nothing(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.create_event("The flood", "flood")
        first = store.add_articles("flood", [_article("a")])
        assert [s.article.aid for s in first.added] == ["a"]
        # Same text under another name and outlet: the same article.
        again = store.add_articles("flood", [_article("b", outlet="Other")])
        assert again.added == [] and again.existing == [("b.txt", "a")]
        assert len(store.articles("flood")) == 1
        # Another text under a taken aid gets a free one; citations stay unambiguous.
        other = store.add_articles("flood", [_article("a", TEXT + " Roads were closed.")])
        assert [s.article.aid for s in other.added] == ["a-2"]
        # The same text in another event is that event's article.
        store.create_event("Another", "other")
        assert len(store.add_articles("other", [_article("a")]).added) == 1


def test_each_article_is_its_own_transaction(tmp_path: Path) -> None:
    path = tmp_path / "t.duckdb"
    with Store(path) as store:
        store.create_event("The flood", "flood")
        arts = [_article(f"a{i}", f"{TEXT} Update number {i} came at noon.") for i in range(3)]

        def fail_after_second(stored: object) -> None:
            if len(store.articles("flood")) == 2:
                raise RuntimeError("crash")

        with pytest.raises(RuntimeError):
            store.add_articles("flood", arts, on_added=fail_after_second)
    with Store(path) as store:
        assert [s.article.aid for s in store.articles("flood")] == ["a0", "a1"]


def test_event_ids_and_errors(tmp_path: Path) -> None:
    with Store(tmp_path / "e.duckdb") as store:
        made = store.create_event("  Azovstal: the surrender!  ")
        assert (made.eid, made.title) == ("azovstal-the-surrender", "Azovstal: the surrender!")
        with pytest.raises(StoreError, match="already exists"):
            store.create_event("Azovstal the surrender")
        with pytest.raises(StoreError, match="no event 'nope'"):
            store.add_articles("nope", [_article("a")])
        with pytest.raises(StoreError, match="needs a title"):
            store.create_event("   ")


def test_timestamps_order_the_change_log(tmp_path: Path) -> None:
    with Store(tmp_path / "c.duckdb") as store:
        store.create_event("E", "e")
        [s] = store.add_articles("e", [_article("a")]).added
        for n in range(2):
            store.save_analysis(
                "e",
                created=s.added,
                article_ids=[s.id],
                seconds=0.1,
                report_json=json.dumps({"eid": "e", "articles": []}),
                added=[],
                changes=[("new_figure", f"change {n}", None, {})],
            )
            time.sleep(0.01)
        assert [c.text for c in store.changes("e")] == ["change 0", "change 1"]
        assert [st.articles for st in store.steps("e")] == [1, 1]
