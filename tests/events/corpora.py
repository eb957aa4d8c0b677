"""The two evaluation streams of event clustering, built from ../shared.

``events``: the 170 articles of ``eval/events/articles.jsonl`` with their gold event.
``mixture``: those, plus the development clusters' articles (each folder one event),
the Azovstal seeds and the Discord Questions recession documents (one event each).
The four development clusters whose pages also stand in ``eval/events`` are taken
once, by URL, under the same event name. Records keep only what a feed carries
(id, title, url, domain, date, content): the gold label never reaches the clusterer.

The development clusters mark a title that is no headline (their README): ``[url] …``
holds the words of the URL's slug and ``[untitled] …`` the text's first words. The
marks are the annotators', not a feed's, so they are dropped: a slug's words stand
as the title (a feed derives one so when a page has none), the first words are
not a title at all.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.shared_paths import SHARED

EVENTS = SHARED / "eval" / "events" / "articles.jsonl"
DEV = SHARED / "eval" / "dev"
SEEDS = SHARED / "seeds"
RECESSION = SHARED / "eval" / "discord_questions" / "documents_recession.json"

_FIELDS = ("title", "url", "domain", "date", "content")

Record = dict[str, Any]


def available() -> bool:
    return EVENTS.is_file() and DEV.is_dir() and SEEDS.is_dir() and RECESSION.is_file()


def _title(raw: Any) -> Any:
    if isinstance(raw, str) and raw.startswith("[untitled]"):
        return None
    if isinstance(raw, str) and raw.startswith("[url] "):
        return raw.removeprefix("[url] ")
    return raw


def _record(rid: str, source: dict[str, Any]) -> Record:
    record = {"id": rid, **{k: source.get(k) for k in _FIELDS}}
    record["title"] = _title(record["title"])
    return record


def events_stream() -> tuple[list[Record], dict[str, str]]:
    """The events corpus in its own (shuffled) order, and each id's gold event."""
    records, gold = [], {}
    for line in EVENTS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            records.append(_record(row["id"], row))
            gold[row["id"]] = row["event"]
    return records, gold


def mixture_stream() -> tuple[list[Record], dict[str, str]]:
    """The larger mixture: events + dev clusters + seeds + recession documents."""
    records, gold = events_stream()
    seen = {r["url"] for r in records if r["url"]}
    for folder in sorted(p for p in DEV.iterdir() if (p / "articles.json").is_file()):
        doc = json.loads((folder / "articles.json").read_text(encoding="utf-8"))
        for art in doc["articles"]:
            if art.get("url") in seen:
                continue
            rid = f"{folder.name}/{art['aid']}"
            records.append(_record(rid, art))
            gold[rid] = folder.name
    for path in sorted(SEEDS.glob("*.txt")):
        rid = f"seeds/{path.stem}"
        records.append({"id": rid, "content": path.read_text(encoding="utf-8")})
        gold[rid] = "azovstal-surrender-2022"
    for doc in json.loads(RECESSION.read_text(encoding="utf-8")):
        rid = f"recession/{doc['id']}"
        records.append(_record(rid, doc))
        gold[rid] = "recession-fears-2022"
    return records, gold


def write_stream(records: list[Record], path: Path) -> Path:
    """The records as one JSONL feed, the input ``parallax cluster`` reads."""
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
