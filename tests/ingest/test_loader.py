from __future__ import annotations

import socket
from pathlib import Path

import pytest

from parallax.ingest import LoadOptions, load_paths
from parallax.models import LoadResult
from tests.ingest.shared import DEV, SEEDS, needs_shared

GOOD = (
    "Council approves budget\n\n"
    "The city council approved the new budget on Tuesday after a long debate.\n\n"
    "Members said the plan adds 120 teachers and repairs three bridges."
)


def _good(folder: Path, name: str = "good.txt") -> Path:
    path = folder / name
    path.write_text(GOOD, encoding="utf-8")
    return path


def _one_error(result: LoadResult, origin: Path | str) -> str:
    assert [a.aid for a in result.articles] == ["good"], "the good file must still load"
    assert len(result.errors) == 1, result.errors
    assert result.errors[0].origin == str(origin)
    return result.errors[0].reason


def test_text_file_gives_aid_title_and_clean_text(tmp_path: Path) -> None:
    result = load_paths([_good(tmp_path)])
    (article,) = result.articles
    assert article.aid == "good"
    assert article.title == "Council approves budget"
    assert article.origin == str(tmp_path / "good.txt")
    assert article.text.startswith("Council approves budget\n\nThe city council")
    assert article.language == "en"
    assert article.published is None and article.published_basis is None


def test_lead_sentence_is_not_taken_for_a_title(tmp_path: Path) -> None:
    path = tmp_path / "lead.txt"
    path.write_text("The council met on Tuesday.\n\nIt approved the budget.", "utf-8")
    assert load_paths([path]).articles[0].title is None


def test_empty_file(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"  \n\n")
    assert "empty" in _one_error(load_paths([bad, _good(tmp_path)]), bad)


def test_binary_file(tmp_path: Path) -> None:
    bad = tmp_path / "image.txt"
    bad.write_bytes(bytes(range(256)) * 8)
    assert "binary" in _one_error(load_paths([bad, _good(tmp_path)]), bad)


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encoding_is_decoded(tmp_path: Path, encoding: str) -> None:
    text = (
        "Le café de la place a rouvert ses portes après les travaux. "
        "Les habitués étaient nombreux à fêter l'événement, déjà très attendu. " * 4
    )
    if encoding == "cp1252":
        text = text.replace("l'événement", "l’événement")
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    result = load_paths([path])
    assert result.errors == []
    (article,) = result.articles
    assert "café" in article.text and "événement" in article.text and "fêter" in article.text
    assert any("decoded as" in w for w in article.warnings)
    assert article.language == "fr"
    assert any("not English" in w for w in article.warnings)


def test_html_with_no_text(tmp_path: Path) -> None:
    bad = tmp_path / "blank.html"
    bad.write_text("<html><head><title>x</title></head><body><div></div></body></html>", "utf-8")
    assert "no article text" in _one_error(load_paths([bad, _good(tmp_path)]), bad)


def test_html_with_only_navigation(tmp_path: Path) -> None:
    bad = tmp_path / "nav.html"
    bad.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", "utf-8")
    assert "no article text" in _one_error(load_paths([bad, _good(tmp_path)]), bad)


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    bad = tmp_path / "huge.txt"
    bad.write_text("word " * 5000, "utf-8")
    result = load_paths([bad, _good(tmp_path)], options=LoadOptions(max_bytes=10_000))
    assert "limit" in _one_error(result, bad)


def test_missing_file(tmp_path: Path) -> None:
    bad = tmp_path / "missing.txt"
    assert "no such file" in _one_error(load_paths([bad, _good(tmp_path)]), bad)


def test_unreachable_url(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/story"
    options = LoadOptions(timeout=2, allow_private=True)
    result = load_paths([url, _good(tmp_path)], options=options)
    assert "cannot fetch" in _one_error(result, url)


def test_directory_with_no_articles(tmp_path: Path) -> None:
    empty = tmp_path / "nothing"
    empty.mkdir()
    (empty / "notes.csv").write_text("a,b\n", "utf-8")
    result = load_paths([empty, _good(tmp_path)])
    assert "no .txt" in _one_error(result, empty)
    assert [s.origin for s in result.skipped] == [str(empty / "notes.csv")]


def test_folder_skips_other_files_with_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    _good(folder)
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (folder / "sub").mkdir()
    result = load_paths([folder])
    assert [a.aid for a in result.articles] == ["good"]
    assert result.errors == []
    assert sorted(s.origin for s in result.skipped) == [
        str(folder / "photo.jpg"),
        str(folder / "sub"),
    ]


def test_unsupported_file_given_directly_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "sheet.xlsx"
    bad.write_bytes(b"PK\x03\x04")
    assert "unsupported" in _one_error(load_paths([bad, _good(tmp_path)]), bad)


def test_clashing_aids_are_renamed_stably(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    _good(one)
    (two / "good.txt").write_text(GOOD.replace("120", "130"), "utf-8")
    options = LoadOptions(detect_duplicates=False)
    first = [a.aid for a in load_paths([one, two], options=options).articles]
    second = [a.aid for a in load_paths([one, two], options=options).articles]
    assert first == second == ["good", "two:good"]


def test_html_file_uses_page_metadata(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Bridge reopens | Valley Courier</title>"
        '<link rel="canonical" href="https://www.valleycourier.example/news/bridge">'
        '<meta property="og:site_name" content="Valley Courier">'
        '<meta property="article:published_time" content="2023-04-02T08:00:00Z"></head>'
        "<body><nav><a href='/'>Home</a></nav><article><h1>Bridge reopens</h1>"
        "<p>The old bridge over the river reopened to traffic on Sunday after two years.</p>"
        "<p>Engineers said the repairs cost 4.2 million dollars and took 600 days.</p>"
        "</article><footer>All rights reserved</footer></body></html>",
        "utf-8",
    )
    (article,) = load_paths([page]).articles
    assert article.aid == "page"
    assert article.title == "Bridge reopens"
    assert str(article.published) == "2023-04-02"
    assert article.published_basis == "metadata"
    assert article.outlet == "valleycourier.example"
    assert "4.2 million dollars" in article.text
    assert "All rights reserved" not in article.text


def test_progress_is_reported_per_input(tmp_path: Path) -> None:
    for n in range(3):
        _good(tmp_path, f"g{n}.txt")
    calls: list[tuple[int, int]] = []
    load_paths([tmp_path], on_progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 3), (2, 3), (3, 3)]


@needs_shared
def test_seed_folder_loads_five_clean_articles() -> None:
    result = load_paths([SEEDS])
    assert result.errors == [] and result.skipped == []
    assert sorted(a.aid for a in result.articles) == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert all(a.duplicate_of is None for a in result.articles)
    assert all(a.language == "en" for a in result.articles)
    assert any("1,730" in a.text for a in result.articles)


def test_cyrillic_code_page_is_not_forced_into_cp1252(tmp_path: Path) -> None:
    text = "Министерство обороны заявило, что военные сдались на заводе в Мариуполе. " * 3
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    (article,) = load_paths([path]).articles
    assert "Министерство обороны" in article.text
    assert article.language == "ru"


@needs_shared
def test_several_clusters_at_once_keep_unique_aids() -> None:
    files = sorted(DEV.glob("*/articles.json"))[:3]
    result = load_paths(files, options=LoadOptions(detect_duplicates=False))
    aids = [a.aid for a in result.articles]
    assert len(aids) == len(set(aids)) > 20
    assert f"{files[1].parent.name}:a1" in aids
