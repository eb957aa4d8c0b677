"""Fuzzing the whole pipeline: load -> analyze -> render on mutated real articles.

Each example is a small batch of documents: the bundled example, the shared seeds
and development articles, and HTML pages made from them, each damaged by a few
mutations (bytes cut, repeated or inserted, figures changed, control characters,
stray tags, other encodings, header lines, JSON with wrong types). The batch goes
through ``parallax.analyze`` in process and is rendered in every format. Checked:

- nothing raises: a bad input is an error line, never a crash;
- every citation is verbatim (``check_citations`` finds no problem);
- the same inputs give the same report twice (determinism).

CI runs a short profile (6 batches, each run twice). ``make fuzz`` runs the long one
(``PARALLAX_FUZZ=long``: 2,000 batches of five documents, 10,000 inputs, every tenth
batch run twice; ``PARALLAX_FUZZ_BATCHES`` changes the count) and keeps its counts,
updated after every batch, in ``out/fuzz-summary.json``.
"""

from __future__ import annotations

import html
import json
import os
import tempfile
import time
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parallax.pipeline import analyze
from parallax.report.citations import check_citations
from tests.shared_paths import REPO, SHARED

LONG = os.environ.get("PARALLAX_FUZZ") == "long"
BATCHES = int(os.environ.get("PARALLAX_FUZZ_BATCHES", "2000" if LONG else "6"))
DOCS_PER_BATCH = 5
#: Re-run every n-th batch to check determinism (every batch in the short profile).
RERUN_EVERY = int(os.environ.get("PARALLAX_FUZZ_RERUN_EVERY", "10" if LONG else "1"))
SUMMARY = REPO / "out" / "fuzz-summary.json"


def _texts() -> list[str]:
    texts = [p.read_text("utf-8") for p in sorted((REPO / "src/parallax/examples").rglob("*.txt"))]
    seeds = SHARED / "seeds"
    if seeds.is_dir():
        texts += [p.read_text("utf-8") for p in sorted(seeds.glob("*.txt"))]
    dev = SHARED / "eval" / "dev"
    if dev.is_dir():
        for corpus in sorted(dev.glob("*/articles.json")):
            doc = json.loads(corpus.read_text("utf-8"))
            texts += [
                a["content"] for a in doc["articles"][:4] if isinstance(a.get("content"), str)
            ]
    return texts


def _page(text: str, n: int) -> str:
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n") if p.strip())
    return (
        f"<html><head><title>Story {n}</title>"
        f'<meta property="og:site_name" content="Outlet {n}"></head>'
        f"<body><nav><a href='/'>Home</a></nav><article>{paras}</article>"
        "<footer>Contact us</footer></body></html>"
    )


TEXTS = _texts()
#: (suffix, bytes) of every document mutations start from.
BASES: list[tuple[str, bytes]] = [(".txt", t.encode("utf-8")) for t in TEXTS]
BASES += [(".html", _page(t, i).encode("utf-8")) for i, t in enumerate(TEXTS[::3])]

NOISE = [
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\x1b[2J",
    "\u202e".encode(),
    "\u200b".encode(),
    "“quoted ‘inner’ text”".encode(),
    b"<table><tr><td>1</td></tr>",
    b"</p><script>alert(1)</script>",
    b"<div",
    b"\n\n",
    b"\r\n",
    b"Title: x\nSource: y\nDate: 2024-02-30\nURL: http://127.0.0.1/\n\n",
    "1,000,000 … 12.5% – 3/4".encode(),
    b"\xe2\x80",
    "Zelensky’s président".encode("cp1252", errors="replace"),
]

mutation = st.tuples(
    st.sampled_from(
        ["insert", "delete", "repeat", "digits", "noise", "truncate", "recode", "bytes"]
    ),
    st.integers(min_value=0, max_value=1 << 20),
    st.integers(min_value=0, max_value=400),
    st.binary(max_size=24),
)


def mutate(data: bytes, steps: list[tuple[str, int, int, bytes]]) -> bytes:
    for kind, where, size, blob in steps:
        at = where % (len(data) + 1)
        if kind == "insert":
            data = data[:at] + blob + data[at:]
        elif kind == "delete":
            data = data[:at] + data[at + size :]
        elif kind == "repeat":
            data = data[:at] + data[at : at + size] * 3 + data[at:]
        elif kind == "digits":
            table = bytes.maketrans(b"0123456789", b"7350918264")
            data = data[:at] + data[at : at + size].translate(table) + data[at + size :]
        elif kind == "noise":
            data = data[:at] + NOISE[size % len(NOISE)] + data[at:]
        elif kind == "truncate":
            data = data[: max(at, 1)]
        elif kind == "recode":
            codec = ["utf-16", "cp1252", "latin-1", "utf-8-sig"][size % 4]
            data = data.decode("utf-8", errors="replace").encode(codec, errors="replace")
        else:  # bytes: overwrite with raw bytes
            data = data[:at] + blob + data[at + len(blob) :]
    return data


#: Longest piece of a base document a fuzzed document starts from: whole articles
#: would make each batch cost seconds, and a window cut anywhere (even inside a
#: UTF-8 character or an HTML tag) is itself a useful mutation.
WINDOW = 3000

Doc = tuple[int, int, list[tuple[str, int, int, bytes]], str | None]
document = st.tuples(
    st.sampled_from(range(len(BASES))),
    st.integers(min_value=0, max_value=1 << 20),
    st.lists(mutation, max_size=5),
    st.sampled_from([None, None, None, ".md", ".json"]),
)

COUNTS: Counter[str] = Counter()
STARTED = time.monotonic()


def _write_summary() -> None:
    """The counts so far, rewritten after every batch so a stopped run still tells."""
    if LONG:
        SUMMARY.parent.mkdir(parents=True, exist_ok=True)
        counts = {**dict(sorted(COUNTS.items())), "seconds": round(time.monotonic() - STARTED)}
        SUMMARY.write_text(json.dumps(counts, indent=2) + "\n", "utf-8")


def _as_json(data: bytes, index: int) -> bytes:
    """A one-entry corpus; every fourth has a field of the wrong type."""
    text = data.decode("utf-8", errors="replace")
    entry: dict[str, object] = {"id": f"j{index}", "content": text, "domain": "news.example"}
    if index % 4 == 0:
        entry["date"] = 20240301
        entry["title"] = ["not", "text"]
    return json.dumps([entry]).encode("utf-8")


def _window(data: bytes, start: int) -> bytes:
    if len(data) <= WINDOW:
        return data
    # Half the windows keep the start, where titles, headers and <head> are.
    at = 0 if start % 2 == 0 else start % (len(data) - WINDOW)
    return data[at : at + WINDOW]


def _write_batch(folder: Path, docs: list[Doc]) -> None:
    for i, (base, start, steps, suffix) in enumerate(docs):
        kind, data = BASES[base]
        data = mutate(_window(data, start), steps)
        if suffix == ".json":
            (folder / f"doc{i}.json").write_bytes(_as_json(data, i))
        else:
            (folder / f"doc{i}{suffix or kind}").write_bytes(data)


def _paths(folder: Path) -> list[str]:
    # A folder reads .txt/.md/.html; a JSON corpus is named on its own.
    return [str(folder)] + [str(p) for p in sorted(folder.glob("*.json"))]


def _outputs(paths: list[str]) -> tuple[str, str, str, list[str], int, int]:
    result = analyze(paths, eid="fuzz")
    report = result.report
    return (
        report.to_json(),
        report.to_markdown(),
        report.to_html(),
        check_citations(report),
        len(report.articles),
        len(result.errors),
    )


@settings(
    max_examples=BATCHES,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(document, min_size=DOCS_PER_BATCH, max_size=DOCS_PER_BATCH))
def test_mutated_batches_never_crash_and_cite_verbatim(docs: list[Doc]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "batch"
        folder.mkdir()
        _write_batch(folder, docs)
        paths = _paths(folder)
        try:
            first = _outputs(paths)
        except Exception:
            COUNTS["crashes"] += 1
            _write_summary()
            raise
        COUNTS["batches"] += 1
        COUNTS["inputs"] += len(docs)
        COUNTS["articles loaded"] += first[4]
        COUNTS["input errors (one line each)"] += first[5]
        if first[3]:
            COUNTS["citation failures"] += len(first[3])
            _write_summary()
        assert first[3] == [], first[3][:5]
        if COUNTS["batches"] % RERUN_EVERY == 0:
            again = _outputs(paths)
            COUNTS["reruns"] += 1
            same = again[:3] == first[:3]
            if not same:
                COUNTS["reruns that differ"] += 1
            _write_summary()
            assert same, "the same inputs gave a different report"
        _write_summary()
