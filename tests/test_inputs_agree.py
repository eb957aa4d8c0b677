"""One event, two input formats: the same questions.

The seeds as plain .txt files (no metadata: dates inferred from the text and from
each other) and as DiverseSumm JSON with each article's date and URL must yield
the same questions with the same answers in the same groups; a kind may change
only where a known date legitimately turns a conflict into an update (or back).
Outlet names differ (none in the .txt, the URL's domain in the JSON), so
questions are compared with each outlet's name replaced by its article id.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import parallax
from parallax.schema import Report
from tests.shared_paths import SHARED

SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "seeds-gold.json"
#: Kinds a date may turn into each other.
DATED = {"numeric_update", "numeric_conflict"}

Key = frozenset[frozenset[tuple[str, int, int]]]


def _questions(report: Report) -> dict[Key, tuple[str, str]]:
    names = {a.aid: a.outlet for a in report.articles if a.outlet}
    out = {}
    for qa in report.question_answers:
        text = qa.question
        for aid, name in names.items():
            text = text.replace(name, aid)
        groups = frozenset(
            frozenset((a.aid, a.char_start, a.char_end) for a in g) for g in qa.answer_groups
        )
        out[groups] = (text, qa.kind)
    return out


@pytest.mark.slow
@pytest.mark.skipif(not GOLD.is_file(), reason="needs ../shared/seeds")
def test_txt_files_and_dated_json_give_the_same_questions(tmp_path: Path) -> None:
    dates = json.loads(GOLD.read_text(encoding="utf-8"))["article_dates"]
    records = [
        {
            "aid": p.stem,
            "url": f"https://news{k}.example.com/2022/{p.stem}",
            "date": dates[p.stem],
            "content": p.read_text(encoding="utf-8"),
        }
        for k, p in enumerate(sorted(SEEDS.glob("*.txt")))
    ]
    corpus = tmp_path / "seeds.json"
    corpus.write_text(json.dumps({"eid": "seeds", "articles": records}), encoding="utf-8")
    from_txt = _questions(parallax.analyze([SEEDS], eid="seeds").report)
    from_json = _questions(parallax.analyze([corpus], eid="seeds").report)
    assert from_txt.keys() == from_json.keys()
    for groups, (question, kind) in from_txt.items():
        other_question, other_kind = from_json[groups]
        assert question == other_question
        assert kind == other_kind or {kind, other_kind} <= DATED, (question, kind, other_kind)
