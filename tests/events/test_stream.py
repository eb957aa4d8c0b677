"""The stream clusterer's rules on hand-made features, and the scores on small cases."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import numpy as np

from parallax.events.evaluate import read_assignment, score_clusters
from parallax.events.features import (
    DIM,
    Features,
    featurize,
    figures_of,
    lead_day,
    names_of,
    term_id,
    terms_of,
)
from parallax.events.stream import Settings, StreamClusterer


def _vec(seed: int, noise: float = 0.0, base: int | None = None) -> np.ndarray:
    rng = np.random.default_rng(seed)
    v = np.random.default_rng(base if base is not None else seed).normal(size=DIM)
    v = v + noise * rng.normal(size=DIM)
    return (v / np.linalg.norm(v)).astype(np.float32)


def _feat(
    aid: str,
    story: int,
    day: dt.date | None,
    words: str,
    *,
    noise: float = 0.1,
    month_day: int | None = None,
) -> Features:
    return Features(
        aid=aid,
        day=day.toordinal() if day else None,
        dense=_vec(hash(aid) % 1000, noise, base=story),
        terms=terms_of(None, words),
        names=names_of(None, words),
        figures=figures_of(None, words),
        month_day=month_day,
    )


QUAKE = "A magnitude 7.5 earthquake struck Noto Peninsula in Ishikawa, Japan; 48 dead"
FED_JUNE = "The Federal Reserve raised rates by 75 basis points to 1.5% to 1.75%, Powell said"
FED_JULY = "The Federal Reserve raised rates by 75 basis points to 2.25% to 2.5%, Powell said"
DAY = dt.date(2024, 1, 2)


def test_copies_of_one_story_form_one_event() -> None:
    clusterer = StreamClusterer()
    feats = [_feat(f"a{i}", 1, DAY + dt.timedelta(days=i % 2), QUAKE) for i in range(5)]
    assert len(set(clusterer.add_batch(feats))) == 1


def test_the_same_story_weeks_apart_is_another_event() -> None:
    """Two Fed decisions six weeks apart: same words, days outside the window."""
    june = [_feat(f"j{i}", 1, dt.date(2022, 6, 15), FED_JUNE) for i in range(3)]
    july = [_feat(f"k{i}", 1, dt.date(2022, 7, 27), FED_JULY) for i in range(3)]
    cids = StreamClusterer().add_batch(june + july)
    assert len(set(cids[:3])) == 1 and len(set(cids[3:])) == 1
    assert cids[0] != cids[3]


def test_a_month_and_day_in_the_lead_places_an_undated_article() -> None:
    june = [_feat(f"j{i}", 1, dt.date(2022, 6, 15), FED_JUNE) for i in range(3)]
    july_undated = _feat("u", 1, None, FED_JULY, month_day=727)
    cids = StreamClusterer().add_batch([*june, july_undated])
    assert cids[3] != cids[0]


def test_unrelated_stories_stay_apart() -> None:
    a = [_feat(f"a{i}", 1, DAY, QUAKE) for i in range(3)]
    b = [_feat(f"b{i}", 2, DAY, FED_JUNE) for i in range(3)]
    cids = StreamClusterer().add_batch(a + b)
    assert set(cids[:3]).isdisjoint(cids[3:])


def _split_then_bridged(settings: Settings) -> StreamClusterer:
    """Two copies of one story forced apart (a join bar no pair reaches), then a
    third copy placed under ``settings``."""
    clusterer = StreamClusterer(settings)
    clusterer.add_batch([_feat("a", 1, DAY, QUAKE)])
    clusterer.settings = dataclasses.replace(settings, threshold=1.01)
    clusterer.add_batch([_feat("b", 1, DAY, QUAKE)])
    clusterer.settings = settings
    clusterer.add_batch([_feat("c", 1, DAY, QUAKE)])
    return clusterer


def test_an_article_that_bridges_two_clusters_of_one_story_merges_them() -> None:
    merged = _split_then_bridged(Settings())
    assert len(set(merged.assignment().values())) == 1
    assert len(merged.finish()) == 1
    apart = _split_then_bridged(Settings(merge_threshold=None))
    assert len(set(apart.assignment().values())) == 2


def test_idle_events_close_and_are_handed_over() -> None:
    closed = []
    clusterer = StreamClusterer(Settings(close_idle=2, close_days=3), on_close=closed.append)
    clusterer.add_batch([_feat("old", 1, DAY, QUAKE)])
    for i in range(4):
        later = DAY + dt.timedelta(days=10 + i)
        clusterer.add_batch([_feat(f"n{i}", 2 + i, later, f"story {i} Alpha{i} Beta{i}")])
    assert [c.members for c in closed][:1] == [["old"]]
    assert all(c.cid not in clusterer.open for c in closed)
    assert len(clusterer.finish()) == 5


def test_lead_day_reads_the_day_the_lead_names() -> None:
    assert lead_day(None, "The Fed on Wednesday (July 27) raised rates") == (None, 727)
    assert lead_day(None, "on Wednesday, 15 June, hiked rates") == (None, 615)
    assert lead_day(None, "Posted on 07/28/2022 The Fed")[0] == dt.date(2022, 7, 28).toordinal()
    assert lead_day(None, "Officials may 15 times revise") == (None, None)
    assert lead_day(None, "Prices rose in May 2022.") == (None, None)
    late = "x " * 400 + "on June 15 the Fed"
    assert lead_day(None, late) == (None, None)


def test_names_are_kept_whole_and_word_by_word() -> None:
    names = names_of("Robert Fico shot", "On Wednesday the Slovak PM Robert Fico was shot.")
    assert term_id("robert fico") in names and term_id("fico") in names
    assert term_id("wednesday") not in names and term_id("on wednesday") not in names


def test_figures_skip_years_and_normalise_decimals() -> None:
    figs = figures_of(None, "In 2022 the rate rose to 2.50% from 1,750 and 75 points.")
    assert figs == {term_id("#2.5"), term_id("#1750"), term_id("#75")}


def test_featurize_gives_unit_vectors_that_tell_stories_apart() -> None:
    feats = featurize(
        [
            ("a", "Quake hits Japan", QUAKE, DAY),
            ("b", "Quake hits Japan", QUAKE, None),
            ("c", None, FED_JUNE, None),
        ]
    )
    assert np.allclose(np.linalg.norm(feats[0].dense), 1.0, atol=1e-4)
    assert np.allclose(feats[0].dense, feats[1].dense, atol=1e-5)
    assert float(feats[0].dense @ feats[2].dense) < 0.6
    back = Features.from_row(feats[2].to_row())
    assert np.array_equal(back.dense, feats[2].dense)
    assert (back.terms, back.names, back.figures) == (
        feats[2].terms,
        feats[2].names,
        feats[2].figures,
    )


def test_scores_on_a_hand_computed_case() -> None:
    gold = {"a": "x", "b": "x", "c": "x", "d": "y"}
    pred = {"a": "1", "b": "1", "c": "2", "d": "2"}
    s = score_clusters(pred, gold)
    # Pairs: predicted {ab, cd}, gold {ab, ac, bc}: one right of two, of three.
    assert (s.pair_precision, round(s.pair_recall, 4)) == (0.5, 0.3333)
    # BCubed precision: a 1, b 1, c 1/2, d 1/2 -> 0.75; recall: a 2/3, b 2/3, c 1/3, d 1.
    assert s.bcubed_precision == 0.75
    assert round(s.bcubed_recall, 4) == round((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4, 4)
    assert (s.clusters, s.gold_clusters) == (2, 2)
    perfect = score_clusters(gold, gold)
    assert perfect.bcubed_f1 == perfect.pair_f1 == 1.0


def test_assignments_are_read_from_every_form(tmp_path: Path) -> None:
    (tmp_path / "g.jsonl").write_text('{"id": "a", "event": "x"}\n{"id": "b", "event": "y"}\n')
    (tmp_path / "m.json").write_text('{"a": "x", "b": "y"}')
    (tmp_path / "index.json").write_text(
        '{"events": [{"eid": "e1", "articles": ["a"]}, {"eid": "e2", "articles": ["b"]}]}'
    )
    expected = {"a": "x", "b": "y"}
    assert read_assignment(tmp_path / "g.jsonl") == expected
    assert read_assignment(tmp_path / "m.json") == expected
    assert read_assignment(tmp_path) == {"a": "e1", "b": "e2"}
