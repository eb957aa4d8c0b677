"""CLI tests run on a fresh Typer app with only this module registered, so a sibling command
that is mid-edit cannot break them; one test checks the real ``parallax`` app wiring."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from parallax.cli.evaluate import register
from parallax.schema import Answer, QuestionAnswer, Report, ReportArticle

TEXT_A = "Police said 1.28 million people marched. Officials counted 81,000 in Paris."
TEXT_B = "The CGT union put the number of protesters at 3.5 million nationwide."


def _app() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


def _answer(aid: str, text: str, span: str, value: float, source: str) -> Answer:
    start = text.index(span)
    return Answer(
        aid=aid,
        answer=span,
        value=value,
        source=source,
        char_start=start,
        char_end=start + len(span),
    )


def _write_pair(tmp_path: Path, *, split: bool) -> tuple[Path, Path]:
    a = _answer("a", TEXT_A, "1.28 million people marched", 1.28e6, "police")
    b = _answer("b", TEXT_B, "put the number of protesters at 3.5 million", 3.5e6, "CGT union")
    groups = [[a], [b]] if split else [[a, b]]
    report = Report(
        eid="demo",
        articles=[ReportArticle(aid="a", text=TEXT_A), ReportArticle(aid="b", text=TEXT_B)],
        question_answers=[
            QuestionAnswer(
                question="How many marched?", kind="numeric_conflict", answer_groups=groups
            )
        ],
    )
    gold = {
        "eid": "demo",
        "about": "test pair",
        "article_dates": {"a": "2023-03-07", "b": None},
        "question_answers": [
            {
                "question": "How many people protested?",
                "kind": "numeric_conflict",
                "answer_groups": [
                    [
                        {
                            "aid": "a",
                            "answer": "1.28 million people",
                            "value": 1280000.0,
                            "source": "Police",
                            "as_of": None,
                        }
                    ],
                    [
                        {
                            "aid": "b",
                            "answer": "protesters at 3.5 million",
                            "value": 3500000.0,
                            "source": "CGT",
                            "as_of": None,
                        }
                    ],
                ],
            },
            {
                "question": "How many marched in Paris?",
                "kind": "unique_coverage",
                "answer_groups": [
                    [
                        {
                            "aid": "a",
                            "answer": "81,000 in Paris",
                            "value": 81000,
                            "source": "officials",
                            "as_of": None,
                        }
                    ]
                ],
            },
        ],
    }
    rp, gp = tmp_path / "report.json", tmp_path / "gold.json"
    rp.write_text(report.model_dump_json(), encoding="utf-8")
    gp.write_text(json.dumps(gold), encoding="utf-8")
    return rp, gp


@pytest.mark.parametrize("split", [True, False])
def test_eval_json(tmp_path: Path, split: bool) -> None:
    rp, gp = _write_pair(tmp_path, split=split)
    result = CliRunner().invoke(_app(), ["eval", str(rp), str(gp), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["figure_recall"] == {"value": 2 / 3, "numerator": 2, "denominator": 3}
    assert scores["source_accuracy"]["value"] == 1.0
    assert scores["divergence_coverage"]["value"] == (1.0 if split else 0.0)
    assert scores["unique_recall"] == {"value": 0.0, "numerator": 0, "denominator": 1}
    assert scores["consensus_recall"]["value"] is None


def test_eval_table_names_what_was_missed(tmp_path: Path) -> None:
    rp, gp = _write_pair(tmp_path, split=False)
    # Wide enough that rich does not wrap the question text across table lines.
    result = CliRunner(env={"COLUMNS": "250"}).invoke(_app(), ["eval", str(rp), str(gp)])
    assert result.exit_code == 0, result.output
    for metric in ("figure_recall", "divergence_coverage", "unique_recall"):
        assert metric in result.output
    assert "How many people protested?" in result.output
    assert "a=81000" in result.output


def test_eval_rejects_a_file_that_is_not_a_report(tmp_path: Path) -> None:
    _, gp = _write_pair(tmp_path, split=True)
    bad = tmp_path / "bad.json"
    bad.write_text('{"eid": 3}', encoding="utf-8")
    result = CliRunner().invoke(_app(), ["eval", str(bad), str(gp)])
    assert result.exit_code == 2
    missing = CliRunner().invoke(_app(), ["eval", str(tmp_path / "nope.json"), str(gp)])
    assert missing.exit_code == 2


def test_schema_prints_the_report_schema() -> None:
    result = CliRunner().invoke(_app(), ["schema"])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.output)
    assert schema == Report.model_json_schema()
    assert "question_answers" in schema["properties"]


def test_main_app_registers_both_commands() -> None:
    from parallax.cli.main import app

    names = {c.name for c in app.registered_commands}
    assert {"eval", "schema"} <= names
