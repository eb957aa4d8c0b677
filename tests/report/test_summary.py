"""The summary: divergence first-class, every figure quoted, every sentence cited."""

from __future__ import annotations

import re

from parallax.report.citations import check_citations, flat
from parallax.report.names import outlet_names
from parallax.report.summary import MAX_DISCORD, MAX_QUOTE, build_summary
from parallax.schema import Answer, QuestionAnswer, Report, ReportArticle, SummarySentence
from tests.report.gold_report import dev_report, seeds_report

QUOTE = re.compile(r"\u201c([^\u201d]*)\u201d")


def test_every_divergence_kind_is_summarised() -> None:
    report, _ = seeds_report()
    summary = build_summary(report)
    text = " ".join(s.text for s in summary)
    discord = [q for q in report.question_answers if q.kind not in ("consensus", "unique_coverage")]
    assert len(discord) <= MAX_DISCORD
    for qa in discord:
        assert qa.question in text
    assert all(s.citations for s in summary)


def test_digits_appear_only_inside_quotations() -> None:
    for report, _ in (seeds_report(), dev_report("odisha-train-crash-2023")):
        labels = list(outlet_names(report.articles).values())
        for s in build_summary(report):
            outside = QUOTE.sub("", s.text)
            for label in sorted(labels, key=len, reverse=True):
                outside = outside.replace(label, "")
            assert not re.search(r"\d", outside), s.text


def test_update_is_told_in_time_order() -> None:
    report, _ = seeds_report()
    qa = next(
        q
        for q in report.question_answers
        if q.kind == "numeric_update" and any(a.value for g in q.answer_groups for a in g)
    )
    sentence = next(s for s in build_summary(report) if s.text.startswith(qa.question))
    groups = sorted(qa.answer_groups, key=lambda g: min(a.as_of for a in g if a.as_of))
    positions = []
    for g in groups:
        spans = [flat(a.answer) for a in g]
        positions.append(min(sentence.text.find(s) for s in spans if s in sentence.text))
    assert positions == sorted(positions)
    values = [g[0].value for g in groups]
    word = "rose" if values == sorted(values) else "changed"
    assert f"figure {word}" in sentence.text


def test_long_answers_are_cut_around_their_figure() -> None:
    filler = "The committee met on a grey morning and talked at length about the weather. "
    text = filler * 3 + "Officials said 4,321 homes were flooded overnight. " + filler * 3
    other = "Rescuers said 4,000 homes were flooded."
    report = Report(
        eid="long",
        articles=[
            ReportArticle(aid="a", outlet="A", text=text),
            ReportArticle(aid="b", outlet="B", text=other),
        ],
        question_answers=[
            QuestionAnswer(
                question="How many homes were flooded?",
                kind="numeric_conflict",
                answer_groups=[
                    [Answer(aid="a", answer=text, value=4321, char_start=0, char_end=len(text))],
                    [Answer(aid="b", answer=other, value=4000, char_start=0, char_end=len(other))],
                ],
            )
        ],
    )
    [sentence] = build_summary(report)
    quotes = QUOTE.findall(sentence.text)
    assert any("4,321" in q and len(q) <= MAX_QUOTE + 2 for q in quotes)
    cite = sentence.citations[0]
    assert "4,321" in text[cite.char_start : cite.char_end]
    assert cite.char_end - cite.char_start <= MAX_QUOTE


def test_each_kind_is_kept_when_questions_are_many() -> None:
    report, _ = seeds_report()
    conflict = next(q for q in report.question_answers if q.kind == "numeric_conflict")
    report.question_answers += [conflict.model_copy() for _ in range(MAX_DISCORD)]
    text = " ".join(s.text for s in build_summary(report))
    for kind in ("attribution", "factual_conflict", "framing", "numeric_update"):
        assert any(q.question in text for q in report.question_answers if q.kind == kind)


def test_a_long_statement_is_quoted_from_its_opening_not_from_a_year_in_it() -> None:
    text = (
        "Full control of Mariupol, located on the Sea of Azov, would be a major advance for "
        "Russia, allowing it to connect by land the Crimean peninsula in the south, which "
        "Moscow annexed in 2014, with parts of the Donbass region in the east held by "
        "separatists backed by Moscow since the fighting began in the spring of that year."
    )
    other = "Mariupol is a Black Sea port city."
    report = Report(
        eid="place",
        articles=[
            ReportArticle(aid="a", outlet="A", text=text),
            ReportArticle(aid="b", outlet="B", text=other),
        ],
        question_answers=[
            QuestionAnswer(
                question="Where is Mariupol?",
                kind="factual_conflict",
                answer_groups=[
                    [Answer(aid="a", answer=text, char_start=0, char_end=len(text))],
                    [Answer(aid="b", answer=other, char_start=0, char_end=len(other))],
                ],
            )
        ],
    )
    assert len(text) > MAX_QUOTE
    [sentence] = build_summary(report)
    assert "\u201cFull control of Mariupol, located on the Sea of Azov" in sentence.text


def _two_outlet_report(text: str, other: str, value: float, other_value: float) -> Report:
    return Report(
        eid="quotes",
        articles=[
            ReportArticle(aid="000_e21639f45ec8aece", text=text),
            ReportArticle(aid="b", outlet="Daily B", text=other),
        ],
        question_answers=[
            QuestionAnswer(
                question="How many homes were flooded?",
                kind="numeric_conflict",
                answer_groups=[
                    [
                        Answer(
                            aid="000_e21639f45ec8aece",
                            answer=text,
                            value=value,
                            char_start=0,
                            char_end=len(text),
                        )
                    ],
                    [
                        Answer(
                            aid="b",
                            answer=other,
                            value=other_value,
                            char_start=0,
                            char_end=len(other),
                        )
                    ],
                ],
            )
        ],
    )


def test_curly_quotes_inside_a_quotation_stay_curly() -> None:
    text = "The mayor said \u201cthe river is \u2018rising fast\u2019\u201d as 12 homes flooded."
    other = "Rescuers said 15 homes were flooded."
    report = _two_outlet_report(text, other, 12, 15)
    [sentence] = build_summary(report)
    assert "\u201cthe river is \u2018rising fast\u2019\u201d" in sentence.text
    assert check_citations(report.model_copy(update={"summary": [sentence]})) == []


def test_the_check_catches_a_quotation_whose_inner_quotes_were_straightened() -> None:
    text = "The mayor said \u201cthe river is \u2018rising fast\u2019\u201d as 12 homes flooded."
    other = "Rescuers said 15 homes were flooded."
    report = _two_outlet_report(text, other, 12, 15)
    [sentence] = build_summary(report)
    bent = sentence.text.replace("\u2018", "'").replace("\u2019", "'")
    changed = report.model_copy(
        update={"summary": [SummarySentence(text=bent, citations=sentence.citations)]}
    )
    assert any("is in no cited span" in p for p in check_citations(changed))


def test_summaries_name_outlets_never_article_ids() -> None:
    text = "Officials said 12 homes were flooded."
    other = "Rescuers said 15 homes were flooded."
    [sentence] = build_summary(_two_outlet_report(text, other, 12, 15))
    assert "article 1" in sentence.text and "Daily B" in sentence.text
    assert "e21639f45ec8aece" not in sentence.text
