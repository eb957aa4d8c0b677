"""Framing: found generically (text made up here as well as the seeds), cited exactly."""

from __future__ import annotations

import math
from collections import Counter

from parallax.align.framing import build_framing, is_person_noun, log_odds
from parallax.schema import Report, ReportArticle
from tests.report.gold_report import dev_report, seeds_report


def _report(texts: dict[str, str]) -> Report:
    return Report(
        eid="t", articles=[ReportArticle(aid=k, outlet=k, text=v) for k, v in texts.items()]
    )


def _spellings(report: Report) -> list[set[str]]:
    return [
        {u.term for us in g.uses.values() for u in us}
        for g in build_framing(report).variants
        if g.kind == "spelling"
    ]


def test_transliterations_are_grouped_and_derivations_are_not() -> None:
    report = _report(
        {
            "north": "Shelling hit Kharkiv and Odesa on Monday. Officials in Kharkiv said the "
            "Russian army fired from Belgorod. Russia denied it.",
            "south": "Shelling hit Kharkov and Odessa on Monday. Officials in Kharkov said the "
            "Russian army fired from Belgorod. Russia denied it.",
        }
    )
    groups = _spellings(report)
    assert {"Kharkiv", "Kharkov"} in groups
    assert {"Odesa", "Odessa"} in groups
    assert not any({"Russia", "Russian"} <= g for g in groups)


def test_seed_spellings_are_found() -> None:
    report, _ = seeds_report()
    groups = _spellings(report)
    assert any({"Kyiv", "Kiev"} <= g for g in groups)
    assert any({"Azovstal", "Azoustal"} <= g for g in groups)
    assert not any({"Ministry", "Minister"} <= g for g in groups)


def test_labels_for_the_same_people_differ_by_outlet() -> None:
    report, _ = seeds_report()
    framing = build_framing(report)
    [people] = [g for g in framing.variants if g.kind == "group_label"]
    terms = {o: {u.term for u in us} for o, us in people.uses.items()}
    everyone = set.union(*terms.values())
    assert {"soldiers", "fighters", "defenders"} <= everyone
    assert {"nationalists", "militants"} & everyone
    # Outlets differ: some label is used by one outlet and not by another.
    assert len({frozenset(t) for t in terms.values()}) > 1
    texts = {a.aid: a.text for a in report.articles}
    for uses in people.uses.values():
        for u in uses:
            for c in u.citations:
                assert texts[c.aid][c.char_start : c.char_end].lower() == u.term


def test_person_nouns_by_morphology() -> None:
    vocab = frozenset({"defend", "defended", "fight", "protest"})
    assert is_person_noun("defenders", vocab)
    assert is_person_noun("troops")
    assert not is_person_noun("helicopters", vocab)
    assert not is_person_noun("statements")


def test_log_odds_matches_monroe_formula() -> None:
    a = Counter({"liberate": 5, "plant": 3})
    b = Counter({"occupied": 4, "plant": 4})
    prior = a + b
    scores = log_odds(a, b, prior, alpha0=10.0)
    n_a, n_b, n_p = 8, 8, 16
    aw = 10.0 * 5 / n_p
    delta = math.log((5 + aw) / (n_a + 10 - 5 - aw)) - math.log((0 + aw) / (n_b + 10 - 0 - aw))
    z = delta / math.sqrt(1 / (5 + aw) + 1 / (0 + aw))
    assert math.isclose(scores["liberate"][0], delta)
    assert math.isclose(scores["liberate"][1], z)
    assert scores["liberate"][1] > scores["plant"][1]


def test_loaded_terms_and_voices() -> None:
    report, _ = seeds_report()
    framing = build_framing(report)
    by_outlet = {o.outlet: o for o in framing.outlets}
    loaded = {t.term for o in framing.outlets for t in o.loaded}
    assert {"notorious", "mercenaries"} <= loaded
    shoigu = [v for o in framing.outlets for v in o.voices if "Shoigu" in v.speaker]
    assert shoigu and shoigu[0].quotes >= 2 and shoigu[0].affiliation == "Russia"
    sides = {o: set(f.voices_by_affiliation) for o, f in by_outlet.items()}
    assert any("Ukraine" in s for s in sides.values())
    texts = {a.aid: a.text for a in report.articles}
    for o in framing.outlets:
        for t in o.loaded:
            for c in t.citations:
                assert texts[c.aid][c.char_start : c.char_end].lower() == t.term


def test_distinctive_words_are_the_outlets_own() -> None:
    report, _ = dev_report("odisha-train-crash-2023")
    framing = build_framing(report)
    for o in framing.outlets:
        for d in o.distinctive:
            assert d.z > 1.96 and d.count >= 2
