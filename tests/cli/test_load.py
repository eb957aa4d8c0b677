from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from parallax.cli.main import app
from tests.ingest.shared import DISCORD, SEEDS, needs_shared

runner = CliRunner()


@needs_shared
def test_load_seeds_lists_five_articles() -> None:
    result = runner.invoke(app, ["load", str(SEEDS)])
    assert result.exit_code == 0, result.output
    assert "5 articles" in result.stdout
    for path in SEEDS.glob("*.txt"):
        assert path.stem[:12] in result.stdout
    assert result.stderr == ""


@needs_shared
def test_load_json_output_is_the_load_result() -> None:
    result = runner.invoke(app, ["load", "--json", str(SEEDS)])
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert len(doc["articles"]) == 5
    texts = " ".join(a["text"] for a in doc["articles"])
    assert "<img" not in texts and "Chernov/AP" not in texts and "1,730" in texts


@needs_shared
def test_show_removed_lists_debris_with_reasons() -> None:
    result = runner.invoke(app, ["load", "--show-removed", str(SEEDS)])
    assert result.exit_code == 0
    assert "photo caption or credit" in result.stdout
    assert "read-also link" in result.stdout


@needs_shared
def test_discord_corpus_lists_articles_and_warns_for_empty_entries() -> None:
    entries = json.loads(DISCORD.read_text("utf-8"))
    empty = [e["id"] for e in entries if not (e.get("content") or "").strip()]
    result = runner.invoke(app, ["load", str(DISCORD)])
    assert result.exit_code == 0
    assert f"{len(entries) - len(empty)} articles" in result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == len(empty)
    for entry_id, line in zip(empty, lines, strict=True):
        assert entry_id in line and "no content" in line


def test_one_error_line_per_bad_input_and_exit_zero(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("The council approved the budget on Tuesday after a long debate.", "utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text("[{", "utf-8")
    result = runner.invoke(app, ["load", str(good), str(empty), str(broken)])
    assert result.exit_code == 0
    errors = result.stderr.splitlines()
    assert len(errors) == 2
    assert str(empty) in errors[0] and "empty" in errors[0]
    assert str(broken) in errors[1] and "line 1, column 3" in errors[1]


def test_exit_code_is_non_zero_when_nothing_loads(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    result = runner.invoke(app, ["load", str(empty), str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 2
