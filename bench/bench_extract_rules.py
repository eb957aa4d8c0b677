"""Each extraction rule of issue 11, switched off one at a time, over every event at hand.

A rule earns its place when it fires on more than one event and does not lower figure
recall or source accuracy on any gold cluster. This script parses every event once
(the seeds, the twelve dev clusters, the events of ``eval/events`` that are not dev
clusters, and the 37 recession articles of ``eval/discord_questions``), then
re-extracts with one rule off at a time and prints, per rule: how many
events' claims change, and per gold cluster the change in found figures and right
sources (the extraction scorer, ``parallax.extract.evaluate``). The rules have no
fitted parameters, so a cluster's figure with the rule on is already its
leave-one-event-out figure; what this shows is which events a rule rests on.

The switches reach into module internals on purpose (an analysis script, not an API).

Usage: .venv/bin/python bench/bench_extract_rules.py [--only RULE]
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

from parallax.extract import attribution, claims, figures, numbers, speakers
from parallax.extract.dates import infer_dates
from parallax.extract.evaluate import load_gold, score
from parallax.ingest import load_paths
from parallax.models import Article
from parallax.nlp.pipeline import Paragraph, parse_articles, sentences_of

SHARED = Path(__file__).resolve().parents[2] / "shared"
NEVER = re.compile(r"(?!x)x")


def _events() -> list[tuple[str, list[Article], Path | None]]:
    out: list[tuple[str, list[Article], Path | None]] = [
        ("seeds", load_paths([SHARED / "seeds"]).articles, SHARED / "eval" / "seeds-gold.json")
    ]
    dev = SHARED / "eval" / "dev"
    for d in sorted(p for p in dev.iterdir() if (p / "gold.json").is_file()):
        out.append((d.name, load_paths([d / "articles.json"]).articles, d / "gold.json"))
    by_event: dict[str, list[dict[str, Any]]] = {}
    for line in (SHARED / "eval" / "events" / "articles.jsonl").read_text().splitlines():
        row = json.loads(line)
        by_event.setdefault(row["event"], []).append(row)
    for name, rows in sorted(by_event.items()):
        if (dev / name).is_dir():
            continue  # the same articles as the dev cluster
        arts = [
            Article(aid=r["id"], title=r["title"], url=r["url"], text=r["content"], origin=name)
            for r in rows
        ]
        out.append((name, arts, None))
    recession = SHARED / "eval" / "discord_questions" / "documents_recession.json"
    out.append(("recession-2022 (discord questions)", load_paths([recession]).articles, None))
    return out


def _extract(articles: list[Article], parsed: list[list[Paragraph]]) -> list[Article]:
    """``extract_event`` on parses made once."""
    fresh = [a.model_copy(deep=True) for a in articles]
    for art, paras in zip(fresh, parsed, strict=True):
        art.sentences = sentences_of(paras)
        art.claims = claims.claims_from_paragraphs(art, paras)
    undated = [a for a in fresh if a.published is None]
    infer_dates(fresh)
    dates = sorted(a.published for a in fresh if a.published is not None)
    for art in undated:
        claims.assign_as_of(art, anchor=None if art.published else (dates[-1] if dates else None))
    speakers.normalise_speakers(fresh)
    return fresh


def _no_compound(text: str, m: re.Match[str]) -> numbers.Figure | None:
    return None if m.group("compound") else _NORMALISE(text, m)


_NORMALISE = numbers._normalise
_RESOLVE = attribution._resolve


def _no_people(*args: Any, **kw: Any) -> attribution.Speaker:
    return _RESOLVE(*args[:3], people=None)


RULES: dict[str, list[tuple[Any, str, Any]]] = {
    "basis points as percentage points": [(numbers, "_BASIS_POINT", NEVER)],
    "percent sign on both ends of a range": [(numbers, "_percent_range", lambda t, m: False)],
    "fraction of a unit": [(numbers, "_fractions", lambda t: [])],
    "compound adjective (21-foot, five-person)": [(numbers, "_normalise", _no_compound)],
    "negated bounds (no fewer than)": [(numbers, "QUALIFIER_MEANS", {})],
    "name-number list": [(figures, "_listed_after_name", lambda s, p: None)],
    "count after a counted figure": [(figures, "_parallel_object", lambda s, p: None)],
    "duration the clause is about": [(figures, "_duration_argument", lambda s: False)],
    "record year (largest since 1994)": [(figures, "_record_year", lambda s: False)],
    "rank (third most-watched)": [(figures, "_ranks", lambda d, t: [])],
    "number word as subject (seven voted)": [(figures, "_subject_count", lambda r: False)],
    "a day is not a source": [(attribution, "_dates", lambda t: False)],
    "a document speaks for its publisher": [(attribution, "_is_document", lambda n: False)],
    "he = last person named": [(attribution, "_resolve", _no_people)],
    "person before a subjectless 'said'": [(attribution, "_person_before", lambda v, o: None)],
    "acronym of a spelled-out speaker": [(speakers, "_ACRONYM_WORD", NEVER)],
}  # fmt: skip


@contextmanager
def switched_off(rule: str) -> Iterator[None]:
    with ExitStack() as stack:
        for mod, name, value in RULES[rule]:
            stack.enter_context(mock.patch.object(mod, name, value))
        yield


def _signature(arts: list[Article]) -> set[tuple[object, ...]]:
    return {
        (c.aid, c.char_start, c.char_end, c.value, c.unit, c.counted, c.source, c.qualifier)
        for a in arts
        for c in a.claims
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default=None)
    args = ap.parse_args()
    events = _events()
    parsed = {name: parse_articles(arts) for name, arts, _ in events}
    golds = {name: load_gold(g)[0] for name, _, g in events if g is not None}
    base: dict[str, list[Article]] = {n: _extract(a, parsed[n]) for n, a, _ in events}
    base_scores = {n: score(base[n], golds[n]) for n in golds}
    print(f"events: {len(events)} ({len(golds)} with gold)")
    for n in golds:
        s = base_scores[n]
        print(f"  {n:38} {s.found}/{s.total} found, {s.source_right} right sources")
    for rule in RULES:
        if args.only and args.only not in rule:
            continue
        with switched_off(rule):
            off = {n: _extract(a, parsed[n]) for n, a, _ in events}
        fired = [n for n in base if _signature(base[n]) != _signature(off[n])]
        effects = []
        for n in golds:
            s = score(off[n], golds[n])
            d_found = base_scores[n].found - s.found
            d_src = base_scores[n].source_right - s.source_right
            if d_found or d_src:
                effects.append(f"{n.split('-')[0]} found {d_found:+d} src {d_src:+d}")
        print(f"\n{rule}: fires on {len(fired)} events")
        print("   ", ", ".join(fired))
        print("    effect of the rule on gold clusters:", "; ".join(effects) or "none")


if __name__ == "__main__":
    main()
