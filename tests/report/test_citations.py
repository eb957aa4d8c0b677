"""The citation check: it must pass on honest reports and catch every kind of lie."""

from __future__ import annotations

import pytest

from parallax.report.citations import check_citations, figures, sentence_bounds
from parallax.report.enrich import enrich
from parallax.schema import Citation, Report, SummarySentence
from tests.report.gold_report import SEEDS, dev_report, dev_slugs, seeds_report


def _reports() -> list[tuple[str, Report]]:
    """The gold reports of the seeds and every dev cluster; none without ../shared."""
    if not SEEDS.is_dir():
        return []
    out = []
    report, missing = seeds_report()
    assert not missing
    out.append(("seeds", report))
    for slug in dev_slugs():
        report, missing = dev_report(slug)
        assert not missing, (slug, missing)
        out.append((slug, report))
    return out


REPORTS = _reports()


@pytest.mark.parametrize(("name", "report"), REPORTS, ids=[n for n, _ in REPORTS])
def test_enriched_reports_pass_the_check(name: str, report: Report) -> None:
    enriched = enrich(report)
    assert enriched.summary, name
    assert check_citations(enriched) == []


def test_enrich_does_not_change_its_input() -> None:
    report = _seeds()
    before = report.model_dump_json()
    enrich(report)
    assert report.model_dump_json() == before


def _seeds() -> Report:
    if not REPORTS:
        pytest.skip("needs ../shared/seeds")
    return enrich(REPORTS[0][1])


def test_invented_figure_is_caught() -> None:
    report = _seeds()
    s = report.summary[0]
    report.summary[0] = SummarySentence(text=s.text + " About 31337 more.", citations=s.citations)
    problems = check_citations(report)
    assert any("31337" in p for p in problems)


def test_figure_from_an_uncited_article_is_caught() -> None:
    """A figure that exists somewhere, but not in the spans the sentence cites, is
    still unsupported."""
    report = _seeds()
    s = next(x for x in report.summary if "1,908" in x.text)
    kept = [c for c in s.citations if "1,908" not in _span(report, c)]
    report.summary[0] = SummarySentence(text=s.text, citations=kept)
    assert any("1,908" in p for p in check_citations(report))


def _span(report: Report, c: Citation) -> str:
    text = next(a.text for a in report.articles if a.aid == c.aid)
    return text[c.char_start : c.char_end]


def test_misquotation_and_bad_offsets_are_caught() -> None:
    report = _seeds()
    s = report.summary[0]
    report.summary[0] = SummarySentence(
        text="They agree: \u201cthe plant was never besieged\u201d.", citations=s.citations
    )
    c = s.citations[0]
    report.summary.append(
        SummarySentence(
            text="Out of range.",
            citations=[Citation(aid=c.aid, char_start=c.char_start, char_end=10**7)],
        )
    )
    report.summary.append(SummarySentence(text="No citation.", citations=[]))
    ans = report.question_answers[0].answer_groups[0][0]
    report.question_answers[0].answer_groups[0][0] = ans.model_copy(
        update={"char_start": ans.char_start + 1}
    )
    problems = "\n".join(check_citations(report))
    assert "never besieged" in problems
    assert "outside the article" in problems
    assert "no citation" in problems
    assert "answer text differs" in problems


def test_outlet_names_with_digits_are_not_figures() -> None:
    report = _seeds()
    a = report.articles[0]
    a.outlet = "z100portland.example"
    s = report.summary[0]
    report.summary[0] = SummarySentence(
        text=s.text + " (z100portland.example)", citations=s.citations
    )
    assert check_citations(report) == []


def test_figures_compare_across_spellings() -> None:
    assert figures("1,730 and 2429 and 6,10,533") >= {"1730", "2429", "610533"}
    assert "1.37" in figures("1.37 million")


def test_sentence_bounds_finds_the_sentence() -> None:
    text = "First one. The 12 dead were named.\nNext line here."
    start = text.index("12")
    left, right = sentence_bounds(text, start, start + 2)
    assert text[left:right] == "The 12 dead were named."


def test_a_label_inside_a_longer_word_is_not_masked() -> None:
    """The aid "a3" inside "dema3,000" is not the label: masking it left the figure "000"."""
    from parallax.schema import ReportArticle

    text = "The union's dema3,000 jobs were cut on Monday."
    report = Report(
        eid="mask",
        articles=[ReportArticle(aid="a3", text=text)],
        summary=[
            SummarySentence(
                text=f"a3 says: \u201c{text[:-1]}\u201d.",
                citations=[Citation(aid="a3", char_start=0, char_end=len(text) - 1)],
            )
        ],
    )
    assert check_citations(report) == []
    report.summary[0] = SummarySentence(
        text="a3 says 4,000 jobs were cut.", citations=report.summary[0].citations
    )
    assert check_citations(report) == [
        "summary sentence 1: figure '4,000' appears in no cited span"
    ]
