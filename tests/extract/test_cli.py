"""The ``parallax claims`` command end to end."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from parallax.cli.main import app


def test_claims_json(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("Officials said 1,200 people were evacuated from the city on Monday.\n")
    res = CliRunner().invoke(app, ["claims", str(p), "--json"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines() if line.startswith("{")]
    assert [r["value"] for r in rows] == [1200]
    assert rows[0]["source"] == "Officials"


def test_claims_table(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("Officials said 1,200 people were evacuated from the city on Monday.\n")
    res = CliRunner().invoke(app, ["claims", str(p)])
    assert res.exit_code == 0, res.output
    assert "1,200" in res.output
