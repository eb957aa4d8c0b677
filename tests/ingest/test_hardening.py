"""Reproducers of issue 14 for ingestion: each lost a batch, hung or misread on the old main.

The machine (and CI) runs as root, which reads any file whatever its mode, so an
unreadable file or folder is made by failing the system call for that one path.
Inputs that hung or read without end on the old code run in a child process with a
time and memory limit, so a regression fails the test instead of the machine.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from parallax.ingest import LoadOptions, load_paths
from parallax.ingest.header import split_header
from parallax.models import LoadResult

GOOD = (
    "Council approves budget\n\n"
    "The city council approved the new budget on Tuesday after a long debate.\n\n"
    "Members said the plan adds 120 teachers and repairs three bridges."
)


def _good(folder: Path, name: str = "good.txt") -> Path:
    path = folder / name
    path.write_text(GOOD, encoding="utf-8")
    return path


def _deny(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """Fail opening and listing ``denied`` with EACCES, as for a mode-000 path."""
    real_open, real_scandir, real_listdir = os.open, os.scandir, os.listdir

    def fake_open(path: object, *args: object, **kwargs: object) -> int:
        if Path(str(path)) == denied:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    def fake_scandir(path: object = ".") -> object:
        if Path(str(path)) == denied:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    def fake_listdir(path: object = ".") -> list[str]:
        if Path(str(path)) == denied:
            raise PermissionError(13, "Permission denied", str(path))
        return real_listdir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(os, "scandir", fake_scandir)
    monkeypatch.setattr(os, "listdir", fake_listdir)


def _only_good(result: LoadResult) -> None:
    assert [a.aid for a in result.articles] == ["good"], "the good article must still load"


def test_an_unreadable_folder_is_one_error_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    _good(locked, "hidden.txt")
    _deny(monkeypatch, locked)
    result = load_paths([locked, _good(tmp_path)])
    _only_good(result)
    assert [(e.origin, e.reason) for e in result.errors] == [
        (str(locked), "cannot read folder: Permission denied")
    ]


def test_an_unreadable_file_is_one_error_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD, "utf-8")
    _deny(monkeypatch, locked)
    result = load_paths([locked, _good(tmp_path)])
    _only_good(result)
    assert [(e.origin, e.reason) for e in result.errors] == [
        (str(locked), "cannot read file: Permission denied")
    ]


def _limit_child() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 31, 1 << 31))


def _load_in_child(paths: list[Path], seconds: float = 60) -> dict[str, object]:
    """``load_paths`` in a child process with 2 GB of memory and ``seconds`` of time."""
    code = (
        "import json, sys\n"
        "from parallax.ingest import load_paths\n"
        "r = load_paths(sys.argv[1:])\n"
        "print(json.dumps({'aids': [a.aid for a in r.articles],"
        " 'errors': [[e.origin, e.reason] for e in r.errors],"
        " 'skipped': [[e.origin, e.reason] for e in r.skipped]}))\n"
    )
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", code, *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=seconds,
        preexec_fn=_limit_child,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    out: dict[str, object] = json.loads(done.stdout)
    out["seconds"] = time.monotonic() - start
    return out


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_symlink_to_dev_zero_is_refused_not_read(tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    out = _load_in_child([link, _good(tmp_path)])
    assert out["aids"] == ["good"]
    assert out["errors"] == [[str(link), "a character device, not a regular file"]]


def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    out = _load_in_child([fifo, _good(tmp_path)], seconds=30)
    assert out["aids"] == ["good"]
    assert out["errors"] == [[str(fifo), "a named pipe (FIFO), not a regular file"]]


def test_a_fifo_in_a_folder_is_skipped(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    _good(tmp_path)
    out = _load_in_child([tmp_path], seconds=30)
    assert out["aids"] == ["good"]
    assert out["skipped"] == [[str(tmp_path / "pipe.txt"), "not a regular file; skipped"]]


def test_the_size_cap_holds_while_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that grows after ``stat`` (or lies about its size) is cut at the cap."""
    big = tmp_path / "big.txt"
    big.write_text("word " * 10_000, "utf-8")
    real_fstat = os.fstat

    def small_fstat(fd: int) -> os.stat_result:
        st = real_fstat(fd)
        values = list(st)
        values[6] = 10  # st_size
        return os.stat_result(values)

    monkeypatch.setattr(os, "fstat", small_fstat)
    result = load_paths([big, _good(tmp_path)], options=LoadOptions(max_bytes=20_000))
    _only_good(result)
    assert result.errors[0].reason == "file is over the 20,000-byte limit"


# Decoding


def test_utf16_with_a_byte_order_mark_is_text(tmp_path: Path) -> None:
    for name, codec in (("le.txt", "utf-16"), ("be.txt", "utf-16-be")):
        data = GOOD.encode(codec)
        if codec == "utf-16-be":
            data = b"\xfe\xff" + data
        (tmp_path / name).write_bytes(data)
    result = load_paths([tmp_path / "le.txt", tmp_path / "be.txt"])
    assert result.errors == []
    for article in result.articles:
        assert "120 teachers" in article.text
        assert "decoded as UTF-16 (byte order mark)" in article.warnings


def test_utf8_with_a_stray_byte_keeps_its_characters(tmp_path: Path) -> None:
    text = (
        "Zelensky’s office said on Tuesday that the président of the council met "
        "the delegation – and that 40 people were freed.\n\nMore talks follow \x00later."
    )
    data = text.encode("utf-8").replace(b"\x00", b"\xff")
    path = tmp_path / "stray.txt"
    path.write_bytes(data)
    (article,) = load_paths([path]).articles
    assert "Zelensky’s" in article.text and "président" in article.text
    assert "\ufffd" in article.text
    assert "1 byte not valid UTF-8, shown as \ufffd" in article.warnings


def test_json_content_that_is_not_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "corpus.json"
    path.write_text(
        json.dumps(
            [
                {"id": "n1", "content": 12345},
                {"id": "n2", "text": ["a", "list"]},
                {"id": "ok", "content": GOOD},
            ]
        ),
        "utf-8",
    )
    result = load_paths([path])
    assert [a.aid for a in result.articles] == ["ok"]
    assert [e.reason for e in result.errors] == [
        "entry 'n1': \"content\" is a number, not text",
        "entry 'n2': \"text\" is a list, not text",
    ]


def test_a_single_json_object_with_numeric_content_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text('{"content": 12345}', "utf-8")
    result = load_paths([path])
    assert result.articles == []
    assert result.errors[0].reason == "entry 'one-1': \"content\" is a number, not text"


# The .txt header block and readable outlet names

HEADED = (
    "Title: Flood waters recede in Riverton\n"
    "Source: Reuters\n"
    "Date: 3 April 2024\n"
    "URL: https://www.reuters.com/world/flood\n"
    "\n"
    "The river fell below its banks on Wednesday, officials said, and 400 people went home.\n"
)


def test_the_header_block_gives_title_outlet_date_and_url(tmp_path: Path) -> None:
    path = tmp_path / "flood.txt"
    path.write_text(HEADED, "utf-8")
    (article,) = load_paths([path]).articles
    assert article.title == "Flood waters recede in Riverton"
    assert article.outlet == "Reuters"
    assert str(article.published) == "2024-04-03" and article.published_basis == "metadata"
    assert article.url == "https://www.reuters.com/world/flood"
    assert article.text.startswith("The river fell")
    assert article.removed == []


def test_outlet_is_a_synonym_and_the_url_names_an_outlet_without_one() -> None:
    assert split_header("Outlet: Le Monde\n\nText.").outlet == "Le Monde"
    header = split_header("URL: https://www.bbc.co.uk/news/1\n\nText.")
    assert header.outlet is None and header.url == "https://www.bbc.co.uk/news/1"


def test_the_url_domain_names_the_outlet(tmp_path: Path) -> None:
    path = tmp_path / "bbc.txt"
    path.write_text("URL: https://www.bbc.co.uk/news/1\n\n" + GOOD, "utf-8")
    (article,) = load_paths([path]).articles
    assert article.outlet == "bbc.co.uk"


def test_a_text_without_header_is_left_whole() -> None:
    text = "The mayor said: the river fell.\n\nSource: officials."
    assert split_header(text).body == text


def test_articles_without_an_outlet_are_numbered_in_batch_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt"):
        _good(tmp_path, name)
    (tmp_path / "c.txt").write_text("Source: Daily Post\n\n" + GOOD, "utf-8")
    result = load_paths([tmp_path], options=LoadOptions(detect_duplicates=False))
    assert [(a.aid, a.outlet) for a in result.articles] == [
        ("a", "article 1"),
        ("b", "article 2"),
        ("c", "Daily Post"),
    ]


def test_analyze_goes_on_past_an_unreadable_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from parallax import analyze

    locked = tmp_path / "locked"
    locked.mkdir()
    _good(locked, "hidden.txt")
    _deny(monkeypatch, locked)
    result = analyze([locked, _good(tmp_path)])
    assert [a.aid for a in result.report.articles] == ["good"]
    assert [e.reason for e in result.errors] == ["cannot read folder: Permission denied"]
