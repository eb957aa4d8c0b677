"""The cluster job: chunks through an engine, the stream clusterer, event files.

Output folder layout::

    DIR/index.json            events (title, date span, outlets, size, articles), problems
    DIR/events/EID.json       one event in the report's input format (parallax analyze EID.json)
    DIR/reports/EID/report.*  the report of each event (with --analyze, or analyze-all)
    DIR/.work/                the manifest and one file per finished chunk

A job that is killed keeps every chunk it finished in ``.work``; run the same
command again and only the missing chunks are computed (the manifest names the
inputs, their sizes and times, and the settings, so a changed input starts over).
Clustering itself is fast and is replayed from the chunks. Reports already
written are not redone.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from parallax.events.engines import Engine
from parallax.events.features import Features
from parallax.events.source import CHUNK_SIZE, plan_chunks
from parallax.events.stages import ChunkResult, analyse_event, result_of
from parallax.events.stream import Cluster, Settings, StreamClusterer
from parallax.models import Article, LoadError

INDEX = "index.json"
_VERSION = 1
Say = Callable[[str], None]


@dataclass
class JobStats:
    articles: int = 0
    events: int = 0
    chunks: int = 0
    chunks_reused: int = 0
    reports: int = 0
    reports_reused: int = 0
    errors: list[LoadError] = field(default_factory=list)
    skipped: list[LoadError] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    #: Most articles held by the driver at once (open events, not yet written).
    peak_in_flight: int = 0


def _write_atomic(path: Path, data: bytes) -> None:
    """Write then rename, so a killed job never leaves a half-written file behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _manifest(paths: Sequence[str | Path], chunk_size: int, settings: Settings) -> dict[str, Any]:
    inputs = []
    for raw in paths:
        p = Path(raw)
        files = sorted(c for c in p.iterdir() if c.is_file()) if p.is_dir() else [p]
        for f in files:
            st = f.stat() if f.exists() else None
            inputs.append(
                [str(f.resolve()), st.st_size if st else None, st.st_mtime if st else None]
            )
    return {
        "version": _VERSION,
        "inputs": inputs,
        "chunk_size": chunk_size,
        "settings": dataclasses.asdict(settings),
    }


def _slug(text: str, words: int = 6) -> str:
    parts = re.findall(r"[a-z0-9]+", text.casefold())
    return "-".join(parts[:words]) or "event"


def _representative(cluster: Cluster, dense: dict[str, Any], articles: dict[str, Article]) -> str:
    """The headline of the member nearest the cluster's centroid."""
    centroid = cluster.dense_sum / (np.linalg.norm(cluster.dense_sum) or 1.0)
    ranked = sorted(cluster.members, key=lambda a: (-float(dense[a] @ centroid), a))
    for aid in ranked:
        if articles[aid].title:
            return str(articles[aid].title)
    text = articles[ranked[0]].text.strip()
    return text.split("\n", 1)[0][:100]


def _event_record(article: Article) -> dict[str, Any]:
    """An article in the report's input format (DiverseSumm-style entry)."""
    return {
        "aid": article.aid,
        "title": article.title,
        "url": article.url,
        "outlet": article.outlet,
        "date": article.published.isoformat() if article.published else None,
        "content": article.text,
    }


class ClusterJob:
    """One run of ``parallax cluster``; ``run`` returns its statistics."""

    def __init__(
        self,
        paths: Sequence[str | Path],
        out: Path,
        engine: Engine,
        *,
        settings: Settings | None = None,
        chunk_size: int = CHUNK_SIZE,
        analyse: bool = False,
        say: Say | None = None,
    ) -> None:
        self.paths = list(paths)
        self.out = out
        self.engine = engine
        self.settings = settings or Settings()
        self.chunk_size = chunk_size
        self.analyse = analyse
        self.say = say or (lambda _m: None)
        self.work = out / ".work"
        self.stats = JobStats()
        self._articles: dict[str, Article] = {}
        self._dense: dict[str, Any] = {}
        self._aids: set[str] = set()
        self._index: list[dict[str, Any]] = []

    # -- resuming --------------------------------------------------------------

    def _prepare(self) -> None:
        manifest = _manifest(self.paths, self.chunk_size, self.settings)
        manifest["analyse"] = self.analyse
        manifest = json.loads(json.dumps(manifest))  # tuples as JSON has them: lists
        path = self.work / "manifest.json"
        if path.is_file():
            try:
                same = json.loads(path.read_text(encoding="utf-8")) == manifest
            except (OSError, json.JSONDecodeError):
                same = False
            if not same:
                self.say("inputs or settings changed since the last run: starting over")
                shutil.rmtree(self.work)
                shutil.rmtree(self.out / "events", ignore_errors=True)
                shutil.rmtree(self.out / "reports", ignore_errors=True)
        _write_atomic(path, json.dumps(manifest, indent=1).encode())

    def _chunk_file(self, index: int) -> Path:
        return self.work / f"chunk-{index:06d}.pkl"

    # -- the run ----------------------------------------------------------------

    def run(self) -> JobStats:
        t0 = time.perf_counter()
        self._prepare()
        chunks, problems = plan_chunks(self.paths, self.chunk_size)
        self.stats.errors.extend(problems)
        self.stats.chunks = len(chunks)
        cached = {c.index for c in chunks if self._chunk_file(c.index).is_file()}
        self.stats.chunks_reused = len(cached)
        if cached:
            self.say(f"resuming: {len(cached)} of {len(chunks)} chunks already done")
        todo = [c for c in chunks if c.index not in cached]
        computed = self.engine.chunks(todo, self.analyse)
        clusterer = StreamClusterer(self.settings, on_close=self._closed)
        for chunk in chunks:
            if chunk.index in cached:
                data = self._chunk_file(chunk.index).read_bytes()
            else:
                index, data = next(computed)
                assert index == chunk.index, "engine returned chunks out of order"
                _write_atomic(self._chunk_file(index), data)
            self._cluster(result_of(data), clusterer)
            self.say(f"chunk {chunk.index + 1}/{len(chunks)}: {self.stats.articles} articles")
            self._collect()
        clusterer.finish()
        self.stats.seconds["cluster"] = time.perf_counter() - t0
        self._collect(wait=True)
        self._write_index()
        self.stats.seconds["total"] = time.perf_counter() - t0
        return self.stats

    def _cluster(self, result: ChunkResult, clusterer: StreamClusterer) -> None:
        self.stats.errors.extend(result.errors)
        self.stats.skipped.extend(result.skipped)
        features: list[Features] = []
        for article, feat in zip(result.articles, result.features, strict=True):
            aid = self._unique(article.aid)
            if aid != article.aid:
                article.warnings.append(f"aid '{article.aid}' already used in the stream; renamed")
                article.aid = aid
                feat = dataclasses.replace(feat, aid=aid)
            self._articles[aid] = article
            self._dense[aid] = feat.dense
            features.append(feat)
        self.stats.articles += len(features)
        clusterer.add_batch(features)
        self.stats.peak_in_flight = max(self.stats.peak_in_flight, len(self._articles))

    def _unique(self, aid: str) -> str:
        base, n = aid, 2
        while aid in self._aids:
            aid, n = f"{base}-{n}", n + 1
        self._aids.add(aid)
        return aid

    def _closed(self, cluster: Cluster) -> None:
        """A cluster is final: write its event file, start its analysis, free it."""
        members = [self._articles.pop(a) for a in cluster.members]
        title = _representative(cluster, self._dense, {a.aid: a for a in members})
        for aid in cluster.members:
            self._dense.pop(aid, None)
        eid = f"e{cluster.cid + 1:05d}-{_slug(title)}"
        days = [a.published for a in members if a.published]
        doc = {"eid": eid, "articles": [_event_record(a) for a in members]}
        _write_atomic(
            self.out / "events" / f"{eid}.json",
            json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"),
        )
        self._index.append(
            {
                "eid": eid,
                "file": f"events/{eid}.json",
                "title": title,
                "first_date": min(days).isoformat() if days else None,
                "last_date": max(days).isoformat() if days else None,
                "outlets": sorted({a.outlet for a in members if a.outlet}),
                "size": len(members),
                "articles": [a.aid for a in members],
            }
        )
        self.stats.events += 1
        if self.analyse:
            if report_done(self.out, eid):
                self.stats.reports_reused += 1
            else:
                self.engine.submit(eid, (analyse_event, (eid, members)))

    def _collect(self, wait: bool = False) -> None:
        for eid, report_json in self.engine.finished(wait=wait):
            write_reports(self.out, eid, report_json)
            self.stats.reports += 1

    def _write_index(self) -> None:
        doc = {
            "events": sorted(self._index, key=lambda e: str(e["eid"])),
            "articles": self.stats.articles,
            "errors": [e.model_dump() for e in self.stats.errors],
            "skipped": [e.model_dump() for e in self.stats.skipped],
            "settings": dataclasses.asdict(self.settings),
            "written": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
        _write_atomic(self.out / INDEX, json.dumps(doc, ensure_ascii=False, indent=1).encode())


def report_done(out: Path, eid: str) -> bool:
    return (out / "reports" / eid / "report.json").is_file()


def write_reports(out: Path, eid: str, report_json: str) -> None:
    """report.md and report.html first, report.json last: its presence marks the event done."""
    from parallax.report.render import render_html, render_markdown
    from parallax.schema import Report

    report = Report.model_validate_json(report_json)
    folder = out / "reports" / eid
    _write_atomic(folder / "report.md", render_markdown(report).encode("utf-8"))
    _write_atomic(folder / "report.html", render_html(report).encode("utf-8"))
    _write_atomic(folder / "report.json", report_json.encode("utf-8"))


def read_index(out: Path) -> dict[str, Any]:
    path = out / INDEX if out.is_dir() else out
    doc: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return doc


def analyse_file(eid: str, path: str) -> str:
    """The report of one event file, as ``parallax analyze`` makes it."""
    from parallax.pipeline import analyze

    return analyze([path], eid=eid).report.model_dump_json(indent=2)


def analyse_all(out: Path, engine: Engine, say: Say | None = None) -> JobStats:
    """Analyse every event of a cluster output folder; events already reported are kept."""
    say = say or (lambda _m: None)
    stats = JobStats()
    t0 = time.perf_counter()
    index = read_index(out)
    for event in index["events"]:
        eid = str(event["eid"])
        if report_done(out, eid):
            stats.reports_reused += 1
            continue
        engine.submit(eid, (analyse_file, (eid, str(out / event["file"]))))
    total = len(index["events"]) - stats.reports_reused
    while stats.reports < total:
        for eid, report_json in engine.finished(wait=True):
            write_reports(out, eid, report_json)
            stats.reports += 1
            say(f"{stats.reports}/{total} events analysed")
    stats.events = len(index["events"])
    stats.seconds["total"] = time.perf_counter() - t0
    return stats
