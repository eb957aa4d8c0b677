"""The public API: everything in ``__all__`` resolves, and importing stays cheap."""

from __future__ import annotations

import subprocess
import sys

import parallax


def test_public_api_resolves() -> None:
    for name in parallax.__all__:
        assert getattr(parallax, name) is not None, name


def test_import_does_not_load_spacy() -> None:
    code = "import sys, parallax; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_no_public_name_changes_meaning_after_its_module_is_imported() -> None:
    """``parallax.analyze`` was once a function on first access and the module
    ``parallax.analyze`` after it; every public name must keep its meaning once every
    submodule of the package is imported."""
    import importlib
    import pkgutil

    before = {name: getattr(parallax, name) for name in parallax.__all__}
    for info in pkgutil.walk_packages(parallax.__path__, "parallax."):
        if ".examples" not in info.name:
            importlib.import_module(info.name)
    for name in parallax.__all__:
        assert getattr(parallax, name) is before[name], name
    assert callable(parallax.analyze) and not isinstance(parallax.analyze, type(parallax))


def test_analyze_takes_texts_and_articles_and_returns_the_full_report() -> None:
    text_a = (
        "Officials said 120 people were killed in the flood on Monday.\n\n"
        "Rescue teams searched the valley for survivors."
    )
    text_b = (
        "At least 150 people died in the flood, the regional governor said on Tuesday.\n\n"
        "Rescue teams searched the valley for survivors."
    )
    article = parallax.analyze([text_a]).report.articles[0]
    assert article.aid == "text-1"
    given = parallax.Article(aid="b", text=text_b, origin="test", outlet="Daily B")
    first = parallax.analyze([text_a, given], eid="flood")
    second = parallax.analyze([text_a, given], eid="flood")
    assert first.report == second.report
    assert {a.aid for a in first.report.articles} == {"text-1", "b"}
    assert given.claims == [] and given.sentences == []  # the caller's article is not changed
    assert first.report.summary  # the full report, not alignment alone
    assert first.report.to_json().startswith("{")
    assert "<html" in first.report.to_html().lower()
    assert first.report.to_markdown().startswith("#")


def test_analyze_reports_a_missing_path_instead_of_reading_it_as_text() -> None:
    result = parallax.analyze(["no-such-folder/article.txt"])
    assert not result.report.articles
    assert [e.origin for e in result.errors] == ["no-such-folder/article.txt"]
