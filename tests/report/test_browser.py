"""The HTML report in a real browser (headless Chromium driven by Selenium).

Static checks on the HTML string cannot tell whether a hostile article's markup would
run or whether a citation actually opens; a browser can. The report for the Azovstal
seeds is opened at phone width; a report built around a hostile article is opened
twice, once as written and once with its Content-Security-Policy removed, so that the
escaping is shown to hold on its own and not only because the CSP blocks scripts.

Needs /usr/bin/chromium, /usr/bin/chromedriver (Debian packages ``chromium`` and
``chromium-driver``) and the ``selenium`` package: ``make browser-deps`` installs them.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By

from parallax.report.enrich import enrich
from parallax.report.render import render_html
from parallax.schema import Answer, QuestionAnswer, Report, ReportArticle
from tests.report.gold_report import SEEDS

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
OUT = Path(__file__).resolve().parents[2] / "out"

# On a developer machine without the browser the test skips; in CI (which runs
# `make test`, and so `make browser-deps`) a missing browser is a failure, not a skip.
pytestmark = pytest.mark.skipif(
    not os.environ.get("CI") and not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
    reason="chromium and chromium-driver are not installed (make browser-deps)",
)

HOSTILE = (
    "<script>window.pwned = 1; document.title = 'pwned'</script>"
    '<img src=x onerror="window.pwned = 2">'
    '<a href="javascript:window.pwned = 3" id="evil">click me</a>'
    '</textarea><svg onload="window.pwned = 4"></svg>'
    '"><iframe srcdoc="<script>parent.pwned = 5</script>"></iframe>'
)


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    profile = tempfile.mkdtemp(prefix="parallax-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        "--window-size=390,900",
    ):
        options.add_argument(flag)
    service = webdriver.ChromeService(executable_path=CHROMEDRIVER)
    drv = webdriver.Chrome(options=options, service=service)
    try:
        yield drv
    finally:
        drv.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _open(driver: Any, html: str, name: str) -> None:
    OUT.mkdir(exist_ok=True)
    path = OUT / name
    path.write_text(html, encoding="utf-8")
    driver.get(path.as_uri())


def _hostile_report() -> Report:
    lead = "Officials said 12 people died on Monday. "
    text = f"{lead}A witness wrote {HOSTILE} and left. Later officials said 15 people died."
    other = "Rescuers said 14 people died on Monday, and the count may rise."
    start = text.index("12 people")
    later = text.index("15 people")
    a14 = other.index("14 people")
    arts = [
        ReportArticle(aid="evil", outlet=HOSTILE, title=HOSTILE, text=text, url=HOSTILE),
        ReportArticle(aid="good", outlet="good.example", title="Flood", text=other),
    ]
    answers = [
        Answer(
            aid="evil",
            answer=text[start : start + 16],
            value=12,
            source=HOSTILE,
            char_start=start,
            char_end=start + 16,
            as_of=dt.date(2025, 3, 3),
        ),
        Answer(
            aid="good",
            answer=other[a14 : a14 + 16],
            value=14,
            char_start=a14,
            char_end=a14 + 16,
            as_of=dt.date(2025, 3, 4),
        ),
        Answer(
            aid="evil",
            answer=text[later : later + 14],
            value=15,
            char_start=later,
            char_end=later + 14,
            as_of=dt.date(2025, 3, 5),
        ),
    ]
    hostile_span = text.index(HOSTILE)
    qa = QuestionAnswer(
        question=f"How many died? {HOSTILE}",
        kind="numeric_update",
        answer_groups=[[a] for a in answers],
        explanation=HOSTILE,
    )
    quote = QuestionAnswer(
        question="What did the witness write?",
        kind="unique_coverage",
        answer_groups=[
            [
                Answer(
                    aid="evil",
                    answer=HOSTILE,
                    char_start=hostile_span,
                    char_end=hostile_span + len(HOSTILE),
                )
            ]
        ],
    )
    return enrich(Report(eid=f"hostile {HOSTILE}", articles=arts, question_answers=[qa, quote]))


def _seeds_report() -> tuple[Report, bool]:
    """The seeds report from the real pipeline (the flag says it is not the gold one)."""
    from parallax.pipeline import analyze

    if not SEEDS.is_dir():
        pytest.skip("needs ../shared/seeds")
    return analyze([SEEDS]).report, True


@pytest.mark.slow
def test_seeds_report_reads_in_a_browser(driver: Any) -> None:
    report, from_pipeline = _seeds_report()
    _open(driver, render_html(report), "seeds-report.html")

    discord = driver.find_elements(By.CSS_SELECTOR, "#questions .card.discord")
    expected = [
        q
        for q in report.question_answers
        if q.kind not in ("consensus", "unique_coverage") and q.answer_groups
    ]
    assert len(discord) == len(expected) > 0
    kinds = {c.get_attribute("data-kind") for c in discord}
    assert kinds == {q.kind for q in expected}
    if not from_pipeline:
        assert {"numeric_update", "numeric_conflict", "attribution"} <= kinds

    charts = driver.find_elements(By.CSS_SELECTOR, "#charts svg.chart")
    assert charts, "no chart of running figures"
    assert driver.find_elements(By.CSS_SELECTOR, "#charts svg.chart circle")
    assert driver.find_elements(By.CSS_SELECTOR, "#charts svg.chart polyline")

    rows = driver.find_elements(By.CSS_SELECTOR, "#matrix table.matrix tr")
    cells = driver.find_elements(By.CSS_SELECTOR, "#matrix td.silent")
    assert len(rows) > 1 and cells, "the matrix must show who is silent"

    # A citation opens to show its sentence, with the cited words marked.
    first = report.summary[0].citations[0]
    text = next(a.text for a in report.articles if a.aid == first.aid)
    cited = " ".join(text[first.char_start : first.char_end].split())
    details = driver.find_element(By.CSS_SELECTOR, "#summary details.cite")
    quote = details.find_element(By.CSS_SELECTOR, "blockquote")
    assert not quote.is_displayed()
    details.find_element(By.TAG_NAME, "summary").click()
    assert quote.is_displayed()
    shown = " ".join(quote.text.split())
    assert cited in shown
    mark = " ".join(quote.find_element(By.TAG_NAME, "mark").text.split())
    assert mark == cited

    # Readable on a phone: nothing wider than the viewport makes the page scroll sideways.
    overflow = driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 1
    driver.set_window_size(390, 2400)
    assert driver.save_screenshot(str(OUT / "seeds-report-phone.png"))
    driver.set_window_size(1200, 2400)
    assert driver.save_screenshot(str(OUT / "seeds-report-desktop.png"))
    driver.set_window_size(390, 900)
    assert SEEDS.is_dir()


@pytest.mark.parametrize("keep_csp", [True, False])
def test_hostile_article_stays_inert(driver: Any, keep_csp: bool) -> None:
    html = render_html(_hostile_report())
    if not keep_csp:
        start = html.index('<meta http-equiv="Content-Security-Policy"')
        html = html[:start] + html[html.index(">", start) + 1 :]
    _open(driver, html, f"hostile-{'csp' if keep_csp else 'nocsp'}.html")
    for details in driver.find_elements(By.CSS_SELECTOR, "details.cite summary"):
        details.click()
    for link in driver.find_elements(By.TAG_NAME, "a"):
        href = link.get_attribute("href") or ""
        assert not href.startswith("javascript:")
    assert driver.execute_script("return window.pwned === undefined")
    assert driver.title != "pwned"
    assert not driver.find_elements(By.CSS_SELECTOR, "body script, img, iframe, textarea")
    assert not driver.find_elements(By.CSS_SELECTOR, "[onerror], [onload]")
    body = driver.find_element(By.TAG_NAME, "body").text
    assert "<script>window.pwned = 1;" in body
    assert 'onerror="window.pwned = 2"' in body
