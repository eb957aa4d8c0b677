"""``parallax events``, ``add`` and ``report`` on one store file."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from parallax.cli.main import app

RIVERTON = Path(__file__).resolve().parents[2] / "src/parallax/examples/riverton-flood"
runner = CliRunner()


def test_add_events_report(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.duckdb")
    files = sorted(RIVERTON.glob("*.txt"))
    r = runner.invoke(app, ["events", "--db", db])
    assert r.exit_code == 0 and "no events yet" in r.output

    r = runner.invoke(
        app, ["add", "riverton", str(files[0]), "--db", db, "--title", "Riverton flood"]
    )
    assert r.exit_code == 0, r.output
    assert "created event riverton" in r.output and f"added {files[0].stem}" in r.output
    assert "analysed in" in r.output and "new_figure" in r.output

    # Twice the same file: nothing changes, and no analysis is run.
    r = runner.invoke(app, ["add", "riverton", str(files[0]), "--db", db])
    assert r.exit_code == 0 and "already in the event" in r.output and "analysed" not in r.output

    r = runner.invoke(
        app,
        [
            "add",
            "riverton",
            str(files[1]),
            str(tmp_path / "missing.txt"),
            "--db",
            db,
            "--no-analyze",
        ],
    )
    assert r.exit_code == 0 and f"added {files[1].stem}" in r.output
    assert "missing.txt" in r.output and "no such file" in r.output

    r = runner.invoke(app, ["events", "--db", db])
    assert "Riverton flood" in r.output and "(new" in r.output  # "(new articles)", wrapped

    # The report catches up with the article added without analysis.
    r = runner.invoke(app, ["report", "riverton", "--json", "--db", db])
    assert r.exit_code == 0, r.output
    report = json.loads(r.stdout)
    assert [a["aid"] for a in report["articles"]] == [files[0].stem, files[1].stem]
    out = tmp_path / "r.md"
    r = runner.invoke(app, ["report", "riverton", "--md", "-o", str(out), "--db", db])
    assert r.exit_code == 0 and out.read_text().startswith("# Parallax report: riverton")
    r = runner.invoke(app, ["report", "riverton", "--db", db])
    assert "The story so far" in r.output
    r = runner.invoke(app, ["report", "nope", "--db", db])
    assert r.exit_code == 1 and "no event 'nope'" in r.output
    r = runner.invoke(app, ["report", "riverton", "--md", "--html", "--db", db])
    assert r.exit_code == 2


def test_allow_private_reaches_the_loader(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import parallax.ingest as ingest

    seen = []
    real = ingest.load_paths

    def spy(paths, *, options=None, on_progress=None):  # type: ignore[no-untyped-def]
        seen.append(options.allow_private)
        return real(paths, options=options)

    monkeypatch.setattr(ingest, "load_paths", spy)
    db = str(tmp_path / "p.duckdb")
    url = "http://127.0.0.1:9/nothing-listens-here"
    r = runner.invoke(app, ["add", "e", url, "--db", db, "--no-analyze"])
    assert r.exit_code == 1 and "127.0.0.1" in r.output
    runner.invoke(app, ["add", "e", url, "--db", db, "--no-analyze", "--allow-private"])
    assert seen == [False, True]
