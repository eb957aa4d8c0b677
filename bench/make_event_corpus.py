"""Build a large article stream with known events from the real articles in ../shared.

Usage: .venv/bin/python bench/make_event_corpus.py N OUT_DIR [--seed S]

Writes OUT_DIR/stream-N.jsonl (one article a line, in date order with a little
jitter, as a feed arrives) and OUT_DIR/gold-N.json ({id: event}).

Each synthetic event is a variant of one real event of the mixture (eval/events,
the dev clusters, the seeds, the recession documents): its articles are that
event's articles with their sentences shuffled within paragraphs, some sentences
dropped, the figures varied by one factor per event (and a little per article),
the event's names swapped for other names of the corpus (one mapping per event,
so its outlets still agree with each other), and the dates shifted together.
Variants of one real event share sentences, which two different real events never
do, so they are kept apart in time: each real event recurs at most once every
``SPACING_DAYS`` (three clusterer windows). Events start at a steady rate, so a
longer stream is a longer period, not a denser one, as with a real feed. Articles
undated in the source get a day near their event's: a feed stamps every item.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.events.corpora import mixture_stream

_NAME = re.compile(r"\b[A-Z][a-z]{3,}(?:\s+[A-Z][a-z]{3,})?\b")
_FIGURE = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d+(?:\.\d+)?\b")
_YEAR = re.compile(r"(?:19|20)\d\d")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
SPACING_DAYS = 30
# Month and day names stay: they date the lead.
_CALENDAR = frozenset(
    [
        "January",
        "February",
        "March",
        "April",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
)
START = dt.date(2020, 1, 1)


def _vary_figure(match: re.Match[str], factor: float) -> str:
    raw = match.group()
    plain = raw.replace(",", "")
    if _YEAR.fullmatch(plain) or len(plain) > 12:
        return raw
    value = float(plain) * factor
    if "." in plain:
        return f"{value:.{len(plain.split('.')[1])}f}"
    out = str(max(1, round(value)))
    return f"{int(out):,}" if "," in raw else out


def perturb(text: str, names: dict[str, str], factor: float, rng: random.Random) -> str:
    paragraphs = []
    for para in text.split("\n\n"):
        sentences = _SENTENCE.split(para)
        if len(sentences) > 2:
            head, rest = sentences[0], sentences[1:]
            rng.shuffle(rest)
            rest = [s for s in rest if rng.random() > 0.15] or rest[:1]
            sentences = [head, *rest]
        paragraphs.append(" ".join(sentences))
    out = "\n\n".join(paragraphs)
    out = _NAME.sub(lambda m: names.get(m.group(), m.group()), out)
    jitter = factor * rng.uniform(0.98, 1.02)
    return _FIGURE.sub(lambda m: _vary_figure(m, jitter), out)


def build(n: int, seed: int = 13) -> tuple[list[dict[str, Any]], dict[str, str]]:
    rng = random.Random(seed)
    records, gold = mixture_stream()
    by_event: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        if (record.get("content") or "").strip():
            by_event[gold[record["id"]]].append(record)
    bases = sorted(by_event)
    pool = sorted(
        {
            m.group()
            for r in records
            for m in _NAME.finditer(r.get("content") or "")
            if m.group().split()[0] not in _CALENDAR
        }
    )
    next_free = dict.fromkeys(bases, 0)
    out: list[tuple[float, dict[str, Any]]] = []
    gold_out: dict[str, str] = {}
    k = 0
    while len(out) < n:
        base = rng.choice(bases)
        eid = f"syn{k:06d}-{base}"
        k += 1
        members = by_event[base]
        names = {
            m.group(): rng.choice(pool)
            for r in members
            for m in _NAME.finditer(r.get("content") or "")
            if m.group().split()[0] not in _CALENDAR and rng.random() < 0.7
        }
        factor = rng.uniform(0.6, 1.6)
        offset = next_free[base] + rng.randrange(SPACING_DAYS // 3)
        next_free[base] = offset + SPACING_DAYS
        start = START + dt.timedelta(days=offset)
        src_days = [dt.date.fromisoformat(r["date"]) for r in members if r.get("date")]
        origin = min(src_days) if src_days else None
        for i, src in enumerate(rng.sample(members, k=max(2, int(len(members) * 0.8)))):
            if len(out) >= n:
                break
            if src.get("date") and origin is not None:
                date = start + (dt.date.fromisoformat(src["date"]) - origin)
            else:
                date = start + dt.timedelta(days=rng.randrange(3))
            title = src.get("title")
            rid = f"{eid}/{i}"
            record = {
                "id": rid,
                "title": perturb(title, names, factor, rng) if title else None,
                "url": src.get("url"),
                "domain": src.get("domain"),
                "date": date.isoformat() if date else None,
                "content": perturb(src["content"], names, factor, rng),
            }
            when = (date or start).toordinal() + rng.uniform(0, 1.5)
            out.append((when, record))
            gold_out[rid] = eid
    out.sort(key=lambda x: x[0])
    return [r for _, r in out], gold_out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    stream, gold = build(args.n, args.seed)
    path = args.out / f"stream-{args.n}.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for record in stream:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    (args.out / f"gold-{args.n}.json").write_text(json.dumps(gold), encoding="utf-8")
    print(f"wrote {path} ({len(stream)} articles, {len(set(gold.values()))} events)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
