"""Reproducers of issue 14 for the command line: output, terminal safety, help, URLs."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parallax.cli.common import PIPE_WIDTH, plain, safe_json
from parallax.cli.main import app
from parallax.report import render
from parallax.report.render import write_report
from parallax.schema import Report

ARTICLE = (
    "Officials said 12 people were killed in the flood on Monday, March 6, 2023.\n\n"
    "The mayor said 40 homes were destroyed in the town.\n"
)
OTHER = "Rescuers said 15 people were killed in the flood on Monday, March 6, 2023.\n"


def _event(tmp_path: Path) -> Path:
    folder = tmp_path / "event"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, "utf-8")
    (folder / "b.txt").write_text(OTHER, "utf-8")
    return folder


def test_no_output_named_writes_to_parallax_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["analyze", str(_event(tmp_path))])
    assert result.exit_code == 0, result.output
    for name in ("report.json", "report.md", "report.html"):
        assert (tmp_path / "parallax-out" / name).is_file()
    assert "listed in parallax-out/report.html" in result.output


def test_json_never_overwrites_an_input(tmp_path: Path) -> None:
    folder = _event(tmp_path)
    result = CliRunner().invoke(
        app, ["analyze", str(folder / "a.txt"), "--json", str(folder / "a.txt")]
    )
    assert result.exit_code == 2
    assert "is one of the input articles" in result.output
    assert (folder / "a.txt").read_text("utf-8") == ARTICLE


def test_no_report_is_written_into_an_input_folder(tmp_path: Path) -> None:
    folder = _event(tmp_path)
    result = CliRunner().invoke(app, ["analyze", str(folder), "--md", str(folder / "report.md")])
    assert result.exit_code == 2
    assert "is in an input folder" in result.output
    assert not (folder / "report.md").exists()


def test_a_bad_output_path_fails_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", "utf-8")
    ran: list[object] = []
    monkeypatch.setattr("parallax.cli.analyze.analyze", lambda *a, **k: ran.append(a))
    result = CliRunner().invoke(
        app, ["analyze", str(_event(tmp_path)), "--json", str(blocker / "sub" / "r.json")]
    )
    assert result.exit_code == 2
    assert ran == [], "the analysis must not start"
    assert "is a file, not a folder" in result.output
    assert "Traceback" not in result.output


def test_an_output_that_is_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "r.json").mkdir()
    args = ["analyze", str(_event(tmp_path)), "--json", str(tmp_path / "r.json")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2 and "is a folder, not a file" in result.output


def _report() -> Report:
    from parallax.schema import ReportArticle

    return Report(eid="e", articles=[ReportArticle(aid="a", outlet="A", text=ARTICLE)])


def test_reports_are_written_all_or_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure while rendering the last format leaves every old file as it was."""
    paths = [tmp_path / "r.json", tmp_path / "r.md", tmp_path / "r.html"]
    for p in paths:
        p.write_text("old", "utf-8")

    def broken(report: Report) -> str:
        raise RuntimeError("killed")

    monkeypatch.setattr(render, "render_html", broken)
    with pytest.raises(RuntimeError):
        write_report(_report(), *paths)
    assert [p.read_text("utf-8") for p in paths] == ["old", "old", "old"]
    assert sorted(os.listdir(tmp_path)) == ["r.html", "r.json", "r.md"], "no temp file left"


def test_reports_replace_old_files_whole(tmp_path: Path) -> None:
    paths = [tmp_path / "r.json", tmp_path / "r.md", tmp_path / "r.html"]
    paths[0].write_text("old", "utf-8")
    write_report(_report(), *paths)
    assert json.loads(paths[0].read_text("utf-8"))["eid"] == "e"
    assert oct(paths[1].stat().st_mode & 0o777) != oct(0o600)


HOSTILE_TITLE = "Flood \x1b[2J\x1b]8;;http://evil.example\x07click\x1b]8;;\x07 news \x9b31m"


def test_escape_sequences_never_reach_the_terminal(tmp_path: Path) -> None:
    folder = tmp_path / "ev\x1b[31mil"
    folder.mkdir()
    (folder / "a\x1b[2Jb.txt").write_text(f"{HOSTILE_TITLE}\n\n{ARTICLE}", "utf-8")
    (folder / "b.txt").write_text(OTHER, "utf-8")
    for command in (["load"], ["load", "--json"], ["claims"], ["claims", "--json"]):
        result = CliRunner().invoke(app, [*command, str(folder)])
        assert result.exit_code == 0, result.output
        for bad in ("\x1b", "\x07", "\x9b"):
            assert bad not in result.output, (command, bad)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["analyze", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output


def test_plain_and_safe_json() -> None:
    assert plain("a\x1b[2Jb\u202ec\td\n") == "a[2Jbc\td\n"
    assert json.loads(safe_json(json.dumps("x\x9by", ensure_ascii=False))) == "x\x9by"
    assert "\x9b" not in safe_json(json.dumps("x\x9by", ensure_ascii=False))


def test_piped_tables_are_not_cut_to_eighty_columns(tmp_path: Path) -> None:
    folder = tmp_path / "event"
    folder.mkdir()
    long_name = "a-very-long-article-file-name-that-is-cut-at-eighty-columns-" * 2
    (folder / f"{long_name}.txt").write_text(ARTICLE, "utf-8")
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    result = CliRunner(env=env).invoke(app, ["load", str(folder)], env={"COLUMNS": None})
    assert result.exit_code == 0
    assert long_name in result.output
    assert PIPE_WIDTH > 80


def test_help_names_values_not_python_types() -> None:
    for command in ("load", "claims", "analyze", "eval"):
        result = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "120"})
        assert result.exit_code == 0
        assert "<bool>" not in result.output and "<list" not in result.output, command
        assert "<path>" not in result.output
    analyze_help = CliRunner().invoke(app, ["analyze", "--help"], env={"COLUMNS": "120"}).output
    assert "FOLDER" in analyze_help and "parallax-out" in analyze_help


class _Page(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = ARTICLE.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_claims_fetches_a_url(server: str) -> None:
    result = CliRunner().invoke(app, ["claims", "--allow-private", "--json", f"{server}/flood"])
    assert result.exit_code == 0, result.output
    values = [json.loads(line)["value"] for line in result.output.splitlines() if line]
    assert 12 in values and 40 in values


def test_claims_refuses_a_loopback_url_without_the_switch(server: str) -> None:
    result = CliRunner().invoke(app, ["claims", f"{server}/flood"])
    assert result.exit_code == 1
    assert "--allow-private" in result.output


def test_claims_goes_on_past_an_unreadable_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _event(tmp_path)
    locked = folder / "a.txt"
    real_open = os.open

    def fake_open(path: object, *args: object, **kwargs: object) -> int:
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", fake_open)
    result = CliRunner().invoke(app, ["claims", str(locked), str(folder / "b.txt")])
    assert result.exit_code == 0, result.output
    assert "cannot read file: Permission denied" in result.output
    assert "15" in result.output


def test_a_report_may_sit_beside_a_single_input_file(tmp_path: Path) -> None:
    folder = _event(tmp_path)
    target = folder / "r.json"
    result = CliRunner().invoke(app, ["analyze", str(folder / "a.txt"), "--json", str(target)])
    assert result.exit_code == 0, result.output
    assert target.is_file()
