"""``parallax analyze`` and ``parallax claims`` on article text that looks like markup."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from parallax.cli.main import app

RICH_MARKUP = (
    "[/] [bold]Officials said 9 people [link=javascript:1]were[/link] killed on Monday, "
    "March 6, 2023.\n\nRescuers said 40 homes were destroyed.\n"
)


def _event(tmp_path: Path) -> Path:
    folder = tmp_path / "event"
    folder.mkdir()
    (folder / "[odd]name.txt").write_text(RICH_MARKUP, encoding="utf-8")
    (folder / "plain.txt").write_text(
        "Officials said 12 people were killed on Monday, March 6, 2023.\n", encoding="utf-8"
    )
    (folder / "notes.json").write_text("{}", encoding="utf-8")
    return folder


def test_analyze_prints_markup_like_text_and_reports_skipped_files(tmp_path: Path) -> None:
    folder = _event(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["analyze", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "report.json").is_file() and (out / "report.html").is_file()
    assert "notes.json" in result.output  # the skipped file is named, not silently dropped


def test_claims_prints_markup_like_text(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["claims", str(_event(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "[odd]name" in result.output


def test_the_terminal_summary_leads_with_differences_and_counts_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the report goes to ./parallax-out/ by default
    folder = tmp_path / "event"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Officials said 12 people were killed in the flood on Monday, March 6, 2023.\n\n"
        "The mayor said 40 homes were destroyed in the town.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "Rescuers said 15 people were killed in the flood on Monday, March 6, 2023.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["analyze", str(folder)], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Where the outlets differ" in out
    # Outlets without a name are numbered in input order, never shown by their id.
    assert "12 \u2014 article 1" in out and "15 \u2014 article 2" in out
    assert "Reported by one outlet only: " in out
    assert out.index("Where the outlets differ") < out.index("Reported by one outlet only")


def test_summary_figures_are_written_plainly_whatever_their_size() -> None:
    from parallax.cli.summary import _fmt_value
    from parallax.schema import Answer

    def fmt(v: float, qualifier: str | None = None) -> str:
        return _fmt_value(
            Answer(aid="a", answer="x", value=v, qualifier=qualifier, char_start=0, char_end=1)
        )

    assert fmt(1730, "more than") == "more than 1,730"
    assert fmt(0.004) == "0.004"
    assert fmt(2.7) == "2.7"
    assert fmt(float("inf")) == "inf" and fmt(float("nan")) == "nan"
    assert fmt(1e30) == "1e+30"
