"""A stream of articles cut into fixed chunks, and the stages that read and clean them.

The driver only plans: it walks the inputs and cuts them into chunks of at most
``chunk_size`` articles (byte ranges of a JSONL feed, index ranges of a JSON list,
groups of files) without reading any article. Workers do the reading. Chunk
boundaries depend on the inputs and the chunk size alone, never on the engine or
the number of workers, which is what makes both engines give the same result and
a killed job resumable chunk by chunk.

A bad article (a broken JSON line, binary bytes, an empty entry, an unreadable
file) becomes one error line naming it; the rest of its chunk goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from parallax.ingest.decode import decode_bytes
from parallax.ingest.errors import IngestError
from parallax.ingest.loader import (
    FOLDER_SUFFIXES,
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    LoadOptions,
    load_file,
)
from parallax.ingest.records import record_to_result
from parallax.models import Article, LoadError, LoadResult

#: Articles per chunk: the unit of work, of caching and of resuming.
CHUNK_SIZE = 256


@dataclass(frozen=True)
class Unit:
    """A piece of input a worker can read alone.

    ``kind`` is "lines" (bytes ``start:end`` of a JSONL file, first line number
    ``first``), "records" (entries ``start:end`` of a JSON file) or "file".
    """

    kind: str
    path: str
    start: int = 0
    end: int = 0
    first: int = 1
    #: Articles the unit holds at most (non-blank lines, entries, 1 for a file).
    count: int = 1

    @property
    def size(self) -> int:
        return self.count


@dataclass
class Chunk:
    index: int
    units: list[Unit] = field(default_factory=list)

    @property
    def size(self) -> int:
        return sum(u.size for u in self.units)


def _expand(paths: Sequence[str | Path], problems: list[LoadError]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            children = sorted(
                c
                for c in path.iterdir()
                if c.is_file()
                and c.suffix.lower() in FOLDER_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
            )
            if not children:
                problems.append(LoadError(origin=str(path), reason="no articles in directory"))
            yield from children
        elif path.is_file():
            yield path
        else:
            problems.append(LoadError(origin=str(path), reason="no such file or directory"))


def _jsonl_lines(path: Path, chunk_size: int) -> Iterator[Unit]:
    """Byte ranges of ``chunk_size`` lines each; the file is read, never parsed."""
    start = pos = 0
    first = line_no = 1
    count = 0
    with path.open("rb") as handle:
        for line in handle:
            pos += len(line)
            if line.strip():
                count += 1
            line_no += 1
            if count == chunk_size:
                yield Unit("lines", str(path), start, pos, first, count)
                start, first, count = pos, line_no, 0
    if count:
        yield Unit("lines", str(path), start, pos, first, count)


def _units(path: Path, chunk_size: int, problems: list[LoadError]) -> Iterator[Unit]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _jsonl_lines(path, chunk_size)
    elif suffix in JSON_SUFFIXES:
        try:
            n = len(_json_records(str(path)))
        except IngestError as exc:
            problems.append(LoadError(origin=str(path), reason=str(exc)))
            return
        for lo in range(0, n, chunk_size):
            hi = min(n, lo + chunk_size)
            yield Unit("records", str(path), lo, hi, count=hi - lo)
    else:
        yield Unit("file", str(path))


def plan_chunks(
    paths: Sequence[str | Path], chunk_size: int = CHUNK_SIZE
) -> tuple[list[Chunk], list[LoadError]]:
    """Cut the inputs into chunks, in input order; inputs that are missing are errors."""
    problems: list[LoadError] = []
    chunks: list[Chunk] = []
    current = Chunk(0)
    for path in _expand(paths, problems):
        for unit in _units(path, chunk_size, problems):
            if current.units and current.size + unit.size > chunk_size:
                chunks.append(current)
                current = Chunk(len(chunks))
            current.units.append(unit)
    if current.units:
        chunks.append(current)
    return chunks, problems


@lru_cache(maxsize=4)
def _json_records(path: str) -> list[Any]:
    """The entries of a JSON article file (kept for the next chunk of the same file)."""
    text, _ = decode_bytes(Path(path).read_bytes())
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(f"invalid JSON at line {exc.lineno}: {exc.msg}") from exc
    if isinstance(doc, dict) and isinstance(doc.get("articles"), list):
        return list(doc["articles"])
    if isinstance(doc, list):
        return doc
    if isinstance(doc, dict):
        return [doc]
    raise IngestError("JSON is not an article corpus")


#: A record ready for cleaning: (fallback aid, source name, the JSON entry).
Record = tuple[str, str, Any]


@dataclass
class Loaded:
    """What the load stage hands to the clean stage."""

    records: list[Record] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)
    skipped: list[LoadError] = field(default_factory=list)


def load_chunk(chunk: Chunk) -> Loaded:
    """Read a chunk's units into JSON records (and articles, for plain files)."""
    out = Loaded()
    for unit in chunk.units:
        path = Path(unit.path)
        try:
            if unit.kind == "lines":
                _read_lines(unit, out)
            elif unit.kind == "records":
                for i, entry in enumerate(_json_records(unit.path)[unit.start : unit.end]):
                    out.records.append((f"{path.stem}-{unit.start + i + 1}", unit.path, entry))
            else:
                part = load_file(path, LoadOptions(detect_duplicates=False))
                out.articles.extend(part.articles)
                out.errors.extend(part.errors)
                out.skipped.extend(part.skipped)
        except IngestError as exc:
            out.errors.append(LoadError(origin=unit.path, reason=str(exc)))
        except OSError as exc:
            out.errors.append(LoadError(origin=unit.path, reason=f"cannot read: {exc}"))
    return out


def _read_lines(unit: Unit, out: Loaded) -> None:
    path = Path(unit.path)
    with path.open("rb") as handle:
        handle.seek(unit.start)
        data = handle.read(unit.end - unit.start)
    for offset, raw in enumerate(data.splitlines()):
        line_no = unit.first + offset
        origin = f"{unit.path}:{line_no}"
        if not raw.strip():
            continue
        try:
            text = raw.decode("utf-8")
            if "\x00" in text:
                raise UnicodeDecodeError("utf-8", raw, 0, 1, "NUL byte")
        except UnicodeDecodeError:
            out.errors.append(LoadError(origin=origin, reason="binary line, not UTF-8 text"))
            continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            reason = f"invalid JSON at column {exc.colno}: {exc.msg}"
            out.errors.append(LoadError(origin=origin, reason=reason))
            continue
        out.records.append((f"{path.stem}-{line_no}", unit.path, record))


def clean_chunk(loaded: Loaded) -> LoadResult:
    """Clean every record into an article (the ingest stage's own rules)."""
    result = LoadResult(
        articles=list(loaded.articles), errors=list(loaded.errors), skipped=list(loaded.skipped)
    )
    for fallback, source, record in loaded.records:
        try:
            record_to_result(record, fallback, source, result)
        except Exception as exc:  # one entry that trips a parser must not sink the chunk
            reason = f"unexpected error: {type(exc).__name__}: {exc}"
            result.errors.append(LoadError(origin=f"{source}#{fallback}", reason=reason))
    return result
