"""The per-chunk stages (load, clean, extract claims, embed) and the per-event task.

Each stage takes and returns one row ``{"chunk": index, "data": pickled payload}``:
Ray Data runs them as its map stages, the local engine runs them back to back in
one worker process. The same functions on the same chunks give the same bytes,
whichever engine runs them.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from typing import Any

from parallax.events.features import Features, featurize
from parallax.events.source import Chunk, Loaded, clean_chunk, load_chunk
from parallax.models import Article, LoadError, LoadResult

Row = dict[str, Any]


@dataclass
class ChunkResult:
    """A chunk, ready for clustering: its articles, their features, its problems."""

    index: int
    articles: list[Article] = field(default_factory=list)
    features: list[Features] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)
    skipped: list[LoadError] = field(default_factory=list)
    #: Whether claims were extracted (``articles`` then carry sentences and claims).
    extracted: bool = False


def _row(index: int, payload: Any) -> Row:
    return {"chunk": index, "data": pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)}


def _payload(row: Row) -> Any:
    return pickle.loads(row["data"])


def plan_row(chunk: Chunk) -> Row:
    return _row(chunk.index, chunk)


def load_stage(row: Row) -> Row:
    chunk: Chunk = _payload(row)
    return _row(chunk.index, load_chunk(chunk))


def clean_stage(row: Row) -> Row:
    loaded: Loaded = _payload(row)
    return _row(row["chunk"], clean_chunk(loaded))


def extract_stage(row: Row) -> Row:
    """Claims of each article on its own; what needs the whole event (dates from
    siblings, one name per speaker) waits for the event (``analyse_event``)."""
    from parallax.extract.claims import extract_event

    result: LoadResult = _payload(row)
    if result.articles:
        extract_event(result.articles, infer=False, normalise=False)
    return _row(row["chunk"], (result, True))


def embed_stage(row: Row) -> Row:
    data = _payload(row)
    result, extracted = data if isinstance(data, tuple) else (data, False)
    features = featurize([(a.aid, a.title, a.text, a.published) for a in result.articles])
    out = ChunkResult(
        index=row["chunk"],
        articles=result.articles,
        features=features,
        errors=result.errors,
        skipped=result.skipped,
        extracted=extracted,
    )
    return _row(row["chunk"], out)


def chunk_stages(analyse: bool) -> list[Any]:
    """The stages a chunk goes through, in order."""
    return [load_stage, clean_stage, *([extract_stage] if analyse else []), embed_stage]


def process_chunk(chunk: Chunk, analyse: bool) -> bytes:
    """Every stage on one chunk, in one process (the local engine's unit of work)."""
    row = plan_row(chunk)
    for stage in chunk_stages(analyse):
        row = stage(row)
    data: bytes = row["data"]
    return data


def result_of(data: bytes) -> ChunkResult:
    result: ChunkResult = pickle.loads(data)
    return result


def analyse_event(eid: str, articles: list[Article]) -> str:
    """The report of one event as JSON, from articles whose claims are extracted."""
    from parallax.extract.claims import complete_event
    from parallax.ingest import mark_duplicates
    from parallax.pipeline import build_report

    if len(articles) > 1:
        mark_duplicates(articles)
    return build_report(complete_event(articles), eid=eid).model_dump_json(indent=2)
