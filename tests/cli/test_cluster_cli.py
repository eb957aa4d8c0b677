"""``parallax cluster`` / ``cluster-eval`` end to end, and resuming a killed job."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parallax.cli.main import app
from tests.events.corpora import EVENTS, available, events_stream, write_stream

pytestmark = pytest.mark.skipif(not available(), reason="../shared corpora not found")
PARALLAX = [sys.executable, "-m", "parallax.cli.main"]
runner = CliRunner()


def _events(out: Path) -> dict[str, list[str]]:
    index = json.loads((out / "index.json").read_text())
    return {e["eid"]: e["articles"] for e in index["events"]}


def test_a_killed_job_resumes_from_its_chunks(tmp_path: Path) -> None:
    records, _ = events_stream()
    stream = write_stream(records[:60], tmp_path / "feed.jsonl")
    out = tmp_path / "out"
    args = [*PARALLAX, "cluster", str(stream), "--out", str(out), "--chunk-size", "4"]
    args += ["--workers", "1", "-q"]
    proc = subprocess.Popen(args, start_new_session=True)
    work = out / ".work"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(work.glob("chunk-*.pkl"))) < 3:
        assert proc.poll() is None, "the job ended before it could be killed"
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done = len(list(work.glob("chunk-*.pkl")))
    assert 3 <= done < 15 and not (out / "index.json").exists()

    resumed = subprocess.run(args, capture_output=True, text=True, timeout=300, check=True)
    assert f"resumed: {done} of 15 chunks reused" in resumed.stdout
    fresh = subprocess.run(
        [*args[:6], str(tmp_path / "fresh"), *args[7:]], capture_output=True, text=True, timeout=300
    )
    assert fresh.returncode == 0, fresh.stderr
    assert _events(out) == _events(tmp_path / "fresh")
    for name in os.listdir(out / "events"):
        assert (out / "events" / name).read_bytes() == (
            tmp_path / "fresh" / "events" / name
        ).read_bytes()


def test_cluster_eval_prints_both_scores(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out).mkdir()
    index = {"events": [{"eid": "e1", "articles": ["a", "b"]}, {"eid": "e2", "articles": ["c"]}]}
    (out / "index.json").write_text(json.dumps(index))
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps({"id": i, "event": "x"}) for i in "abc"))
    result = runner.invoke(app, ["cluster-eval", str(out), str(gold)])
    assert result.exit_code == 0, result.output
    assert "pairwise  P 1.000  R 0.333" in result.stdout
    assert "BCubed    P 1.000  R 0.556" in result.stdout
    assert "clusters  2 predicted, 1 gold, 3 articles scored" in result.stdout
    bad = runner.invoke(app, ["cluster-eval", str(tmp_path / "missing"), str(gold)])
    assert bad.exit_code == 2


def test_events_gold_file_is_read_by_cluster_eval() -> None:
    result = runner.invoke(app, ["cluster-eval", str(EVENTS), str(EVENTS)])
    assert result.exit_code == 0
    assert "BCubed    P 1.000  R 1.000  F1 1.000" in result.stdout
    assert "20 predicted, 20 gold, 170 articles" in result.stdout
