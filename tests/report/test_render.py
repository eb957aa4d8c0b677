"""The report files: untrusted article text must come out inert in both formats."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from parallax.report.render import render_html, render_markdown, write_report
from parallax.report.schema import Answer, QuestionAnswer, Report, ReportArticle

HOSTILE = (
    '<script>window.pwned=1</script><img src=x onerror="alert(1)">'
    '<a href="javascript:alert(2)">x</a></textarea>'
)


def _report() -> Report:
    text = f"Officials said 12 people died. {HOSTILE}"
    art = ReportArticle(aid="a1", outlet="evil.example", title=HOSTILE, text=text,
                        date=dt.date(2025, 3, 3))
    ans = Answer(aid="a1", answer=HOSTILE, value=12, char_start=31, char_end=len(text))
    qa = QuestionAnswer(question=f"How many? {HOSTILE}", kind="numeric_conflict",
                        answer_groups=[[ans]])
    return Report(eid="hostile", articles=[art], question_answers=[qa])


def test_html_escapes_untrusted_text() -> None:
    page = render_html(_report())
    assert "<script>window.pwned" not in page
    assert "onerror=\"alert" not in page
    assert "<a href=\"javascript:" not in page
    assert "</textarea>" not in page
    assert "&lt;script&gt;" in page


def test_markdown_escapes_untrusted_text() -> None:
    md = render_markdown(_report())
    assert "<script>" not in md
    assert "<img" not in md
    assert "&lt;script&gt;" in md


def test_write_report_writes_each_format(tmp_path: Path) -> None:
    paths = write_report(_report(), tmp_path / "r.json", tmp_path / "r.md", tmp_path / "r.html")
    assert [p.name for p in paths] == ["r.json", "r.md", "r.html"]
    data = json.loads((tmp_path / "r.json").read_text())
    assert data["question_answers"][0]["answer_groups"][0][0]["aid"] == "a1"
