"""The report files: untrusted article text must come out inert in both formats."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from parallax.report.render import render_html, render_markdown, write_report
from parallax.schema import Answer, QuestionAnswer, Report, ReportArticle

HOSTILE = (
    '<script>window.pwned=1</script><img src=x onerror="alert(1)">'
    '<a href="javascript:alert(2)">x</a></textarea>'
)


def _report() -> Report:
    text = f"Officials said 12 people died. {HOSTILE}"
    art = ReportArticle(
        aid="a1", outlet="evil.example", title=HOSTILE, text=text, date=dt.date(2025, 3, 3)
    )
    ans = Answer(aid="a1", answer=HOSTILE, value=12, char_start=31, char_end=len(text))
    qa = QuestionAnswer(
        question=f"How many? {HOSTILE}", kind="numeric_conflict", answer_groups=[[ans]]
    )
    return Report(eid="hostile", articles=[art], question_answers=[qa])


def test_html_escapes_untrusted_text() -> None:
    page = render_html(_report())
    assert "<script>window.pwned" not in page
    assert 'onerror="alert' not in page
    assert '<a href="javascript:' not in page
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


def _seeds_enriched() -> Report:
    from parallax.report.enrich import enrich
    from tests.report.gold_report import seeds_report

    report, _ = seeds_report()
    return enrich(report)


def test_html_has_every_part_and_no_script() -> None:
    report = _seeds_enriched()
    page = render_html(report)
    for part in (
        'id="summary"',
        'id="questions"',
        'id="charts"',
        'id="matrix"',
        'id="framing"',
        'id="timeline"',
        'id="articles"',
        "<svg",
        "<polyline",
    ):
        assert part in page, part
    assert "<script" not in page
    assert "script-src 'none'" in page
    # Self-contained: nothing is loaded from anywhere (seeds articles have no URL).
    assert "http://" not in page and "https://" not in page
    n_cites = sum(len(s.citations) for s in report.summary)
    assert page.count('<details class="cite">') >= n_cites + len(report.timeline)


def test_markdown_has_summary_timeline_and_framing() -> None:
    report = _seeds_enriched()
    md = render_markdown(report)
    assert "## Summary" in md and "## Timeline" in md and "## Framing" in md
    first = report.summary[0].citations[0]
    aid = first.aid.replace("_", "\\_")  # Markdown-escaped
    assert f"{aid}:{first.char_start}-{first.char_end}" in md


def test_json_carries_summary_timeline_and_framing(tmp_path: Path) -> None:
    report = _seeds_enriched()
    write_report(report, json_path=tmp_path / "r.json")
    data = json.loads((tmp_path / "r.json").read_text())
    s = data["summary"][0]
    assert set(s) == {"text", "citations"}
    assert set(s["citations"][0]) == {"aid", "char_start", "char_end"}
    assert data["timeline"] and {"date", "aid", "value", "source"} <= set(data["timeline"][0])
    assert data["framing"]["outlets"] and data["framing"]["variants"]
    assert Report.model_validate(data) == report


def test_markdown_escapes_an_untrusted_aid_in_the_timeline() -> None:
    from parallax.schema import TimelineEntry

    aid = "x<script>alert(9)</script>|y"
    text = "Officials said 12 people died."
    art = ReportArticle(aid=aid, text=text)
    entry = TimelineEntry(
        aid=aid, outlet="o", text=text, char_start=0, char_end=len(text), value=12
    )
    md = render_markdown(Report(eid="e", articles=[art], timeline=[entry]))
    assert "<script>" not in md
    assert "x&lt;script&gt;" in md


def test_a_quote_cut_from_its_sentence_is_marked_as_cut() -> None:
    text = "Officials said 12 people died on Monday. Rescuers said 15 people died."
    art = ReportArticle(aid="a1", outlet="one", text=text)
    cut = Answer(aid="a1", answer="12 people died", value=12, char_start=15, char_end=29)
    whole_start = text.index("Rescuers")
    whole = Answer(
        aid="a1", answer=text[whole_start:], value=15, char_start=whole_start, char_end=len(text)
    )
    assert text[cut.char_start : cut.char_end] == cut.answer
    qa = QuestionAnswer(
        question="How many?", kind="numeric_conflict", answer_groups=[[cut], [whole]]
    )
    page = render_html(Report(eid="e", articles=[art], question_answers=[qa]))
    assert "&ldquo;&hellip;12 people died&hellip;&rdquo;" in page
    assert "&ldquo;Rescuers said 15 people died.&rdquo;" in page


def test_markdown_marks_a_cut_quote_too() -> None:
    text = "Officials said 12 people died on Monday. Rescuers said 15 people died."
    art = ReportArticle(aid="a1", outlet="one", text=text)
    cut = Answer(aid="a1", answer="12 people died", value=12, char_start=15, char_end=29)
    whole_start = text.index("Rescuers")
    whole = Answer(
        aid="a1", answer=text[whole_start:], value=15, char_start=whole_start, char_end=len(text)
    )
    qa = QuestionAnswer(
        question="How many?", kind="numeric_conflict", answer_groups=[[cut], [whole]]
    )
    md = render_markdown(Report(eid="e", articles=[art], question_answers=[qa]))
    assert "\u201c\u202612 people died\u2026\u201d" in md
    assert "\u201cRescuers said 15 people died.\u201d" in md


def _chart_report() -> Report:
    from parallax.schema import TimelineEntry

    texts = {
        "a": "Officials said 233 people died.",
        "b": "Medics said 233 people died.",
        "c": "Officials said 240 people died.",
    }
    arts = [ReportArticle(aid=k, outlet=k.upper(), text=t) for k, t in texts.items()]
    q = "How many people died?"
    days = {"a": dt.date(2024, 5, 1), "b": dt.date(2024, 5, 1), "c": dt.date(2024, 5, 3)}
    values = {"a": 233, "b": 233, "c": 240}
    timeline = [
        TimelineEntry(
            date=days[k],
            date_basis="as_of",
            aid=k,
            outlet=k.upper(),
            text=t,
            char_start=0,
            char_end=len(t),
            value=values[k],
            question=q,
            kind="numeric_update",
            running=values[k],
        )
        for k, t in texts.items()
    ]
    return Report(eid="e", articles=arts, timeline=timeline)


def test_charts_start_at_zero_and_hide_no_outlet() -> None:
    from parallax.report.render import _View

    charts = _View(_chart_report()).charts()
    assert [c.question for c in charts] == [
        "Running figure: How many people died?",
        "How many people died?",
    ]
    for chart in charts:
        assert "0" in [label for _, label in chart.y_ticks], "the axis starts at zero"
        places = [(p.x, p.y) for p in chart.points]
        assert len(set(places)) == len(places) == 3, "two outlets at 233 on one day both show"
    running = charts[0]
    assert running.lines[0][0] == "running figure" and running.lines[0][2].count(",") == 3


def test_the_running_chart_is_in_the_page() -> None:
    page = render_html(_chart_report())
    assert "Running figure: How many people died?" in page
