"""What a reader meets first: at most twelve points of divergence and eight agreements,
the most important first; the rest behind "more", and every question in the JSON."""

from __future__ import annotations

from parallax.report.render import render_html, render_markdown
from parallax.report.sections import SHOWN_AGREEMENTS, SHOWN_DISCORD, sections
from parallax.schema import Answer, QuestionAnswer, Report, ReportArticle

TEXT = "Officials said 120 people died. Rescuers said 150 people died."


def _qa(n: int, kind: str, importance: float) -> QuestionAnswer:
    a = Answer(aid="a", answer=TEXT[:31], char_start=0, char_end=31)
    b = Answer(aid="b", answer=TEXT[32:], char_start=32, char_end=len(TEXT))
    groups = [[a], [b]] if kind != "consensus" else [[a, b]]
    return QuestionAnswer(
        question=f"Question {n}?", kind=kind, answer_groups=groups, importance=importance
    )  # type: ignore[arg-type]


def _report() -> Report:
    qas = [_qa(n, "numeric_conflict", importance=float(n)) for n in range(15)]
    qas += [_qa(100 + n, "consensus", importance=float(n)) for n in range(10)]
    arts = [ReportArticle(aid=aid, outlet=f"Outlet {aid}", text=TEXT) for aid in "ab"]
    return Report(eid="e", articles=arts, question_answers=qas)


def test_the_most_important_are_shown_and_the_rest_wait() -> None:
    parts = sections(_report())
    assert len(parts.discord) == SHOWN_DISCORD == 12 and len(parts.more_discord) == 3
    assert len(parts.agree) == SHOWN_AGREEMENTS == 8 and len(parts.more_agree) == 2
    assert parts.discord[0].question == "Question 14?"  # the most important first
    assert {q.question for q in parts.more_discord} == {"Question 0?", "Question 1?", "Question 2?"}


def test_every_renderer_keeps_every_question_behind_more() -> None:
    report = _report()
    html, md = render_html(report), render_markdown(report)
    assert "3 more points of divergence" in html and "2 more points of agreement" in html
    assert "## More points of divergence (3)" in md and "## More agreement (2)" in md
    for n in (*range(15), *range(100, 110)):
        assert f"Question {n}?" in html and f"Question {n}?" in md
    assert len(Report.model_validate_json(report.to_json()).question_answers) == 25
