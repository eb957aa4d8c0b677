"""HTML extraction is bounded: tables and long runs of short blocks are never quadratic.

On the old main a 204 KB page with a 400-row table took 8 s here (62 s on the
reporter's machine) and 4,000 rows (2.8 MB) did not finish in 300 s; the time went
into justext's paragraph revision, trafilatura's fallback.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from parallax.ingest import html as html_module
from parallax.ingest import load_paths
from parallax.ingest.errors import IngestError

PARAS = [
    f"On day {k} the flood reached district {k} of Riverton, and officials said {k + 3} "
    f"people were missing while {k * 7} homes were damaged across the valley."
    for k in range(8)
]


def page(middle: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAS[:4]) + middle
    body += "".join(f"<p>{p}</p>" for p in PARAS[4:])
    return (
        "<html><head><title>Flood report</title></head><body><article>"
        f"<h1>Flood report</h1>{body}</article></body></html>"
    )


def table(rows: int, cells: int) -> str:
    row = "".join(f"<td>Cell value {j} for district</td>" for j in range(cells))
    return "<table>" + "".join(f"<tr><td>Row {i}</td>{row}</tr>" for i in range(rows)) + "</table>"


def _load_timed(path: Path) -> tuple[float, list[str], str]:
    start = time.monotonic()
    result = load_paths([path])
    elapsed = time.monotonic() - start
    assert result.errors == []
    (article,) = result.articles
    return elapsed, article.warnings, article.text


@pytest.mark.parametrize(
    ("rows", "cells", "kb", "seconds"), [(400, 14, 200, 4), (4000, 20, 2800, 10)]
)
def test_a_page_with_a_long_data_table_loads_quickly(
    tmp_path: Path, rows: int, cells: int, kb: int, seconds: float
) -> None:
    path = tmp_path / "table.html"
    path.write_text(page(table(rows, cells)), "utf-8")
    assert path.stat().st_size > kb * 1000
    elapsed, warnings, text = _load_timed(path)
    assert elapsed < seconds
    assert f"left out {rows:,} rows of data tables" in warnings
    assert all(p in text for p in PARAS)
    assert "Cell value" not in text


def test_a_long_run_of_short_blocks_is_not_quadratic(tmp_path: Path) -> None:
    links = (
        "<ul>" + "".join(f"<li><a href='/t{i}'>Topic {i}</a></li>" for i in range(8000)) + "</ul>"
    )
    path = tmp_path / "links.html"
    path.write_text(page(links), "utf-8")
    elapsed, _, text = _load_timed(path)
    assert elapsed < 8
    assert PARAS[0] in text


def test_an_article_laid_out_in_a_table_keeps_its_text(tmp_path: Path) -> None:
    rows = "".join(
        f"<tr><td>{p} {p}</td></tr>" for p in PARAS * (html_module.MAX_TABLE_ROWS // 8 + 2)
    )
    path = tmp_path / "layout.html"
    path.write_text(page(f"<table>{rows}</table>"), "utf-8")
    _, warnings, text = _load_timed(path)
    assert not any("data tables" in w for w in warnings)
    assert text.count(PARAS[0]) > 2


def test_extraction_has_a_time_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def stuck(*args: object, **kwargs: object) -> None:
        time.sleep(30)

    monkeypatch.setattr(trafilatura, "bare_extraction", stuck)
    start = time.monotonic()
    with pytest.raises(IngestError, match=r"HTML extraction took longer than 0\.2 s"):
        html_module.extract_page(page(""), budget=0.2)
    assert time.monotonic() - start < 5
