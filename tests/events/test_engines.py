"""Both engines give the same events and reports; bad articles are reported and skipped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parallax.events.engines import LocalEngine, RayEngine
from parallax.events.job import ClusterJob
from tests.events.corpora import available, events_stream

pytestmark = pytest.mark.skipif(not available(), reason="../shared corpora not found")

#: Two confusable events, four articles each: enough for two chunks and two reports.
EVENTS = ("robert-fico-shooting-2024", "trump-rally-shooting-butler-2024")


def small_stream(path: Path, per_event: int = 4, bad: bool = True) -> Path:
    records, gold = events_stream()
    chosen = [r for e in EVENTS for r in [x for x in records if gold[x["id"]] == e][:per_event]]
    lines = [json.dumps(r) for r in chosen]
    if bad:
        lines.insert(1, '{"id": "broken", "content": "cut off')
        lines.insert(3, json.dumps({"id": "empty", "content": "   "}))
    data = "\n".join(lines).encode() + b"\n"
    if bad:
        data += b"\x00\x01\x02 binary garbage\xff\xfe\n"
    path.write_bytes(data)
    return path


def _snapshot(out: Path) -> dict[str, str]:
    files = sorted(p for p in out.rglob("*") if p.is_file() and ".work" not in p.parts)
    snap = {str(p.relative_to(out)): p.read_text(encoding="utf-8") for p in files}
    index = json.loads(snap.pop("index.json"))
    index.pop("written")
    snap["index.json"] = json.dumps(index, sort_keys=True)
    return snap


def test_local_and_ray_give_identical_events(tmp_path: Path) -> None:
    """Ray also runs claim extraction as a Data stage and one analysis task per event.

    The reports are compared by presence only: the analysis itself is not bit-stable
    across fresh processes (a question label differed between a pool worker and a Ray
    worker on the same articles; see the issue note), while the events must be.
    """
    stream = small_stream(tmp_path / "stream.jsonl")
    outs = {}
    for name in ("local", "ray"):
        engine = LocalEngine(2) if name == "local" else RayEngine(num_cpus=2)
        try:
            job = ClusterJob([stream], tmp_path / name, engine, chunk_size=4, analyse=name == "ray")
            stats = job.run()
        finally:
            engine.close()
        assert stats.articles == 8 and stats.chunks == 3
        outs[name] = _snapshot(tmp_path / name)
    reports = {k for k in outs["ray"] if k.startswith("reports/")}
    index = json.loads(outs["ray"]["index.json"])
    assert reports == {
        f"reports/{e['eid']}/report.{x}" for e in index["events"] for x in ("json", "md", "html")
    }
    events = {k: v for k, v in outs["ray"].items() if k not in reports}
    assert events == outs["local"]
    index = json.loads(outs["local"]["index.json"])
    problems = {e["origin"].rsplit(":", 1)[-1]: e["reason"] for e in index["errors"]}
    assert "invalid JSON" in problems["2"] and "binary" in problems["11"]
    assert [s["reason"] for s in index["skipped"]] == ["entry 'empty' has no content"]
    clustered = sorted(a for e in index["events"] for a in e["articles"])
    assert len(clustered) == 8 and "broken" not in clustered
    # The two shootings are confusable; they must stay apart.
    for event in index["events"]:
        assert event["size"] >= 1 and event["title"]
