"""The DuckDB file that holds events, their articles, cached claims and analyses.

One process opens the file at a time (DuckDB's own lock); inside it, any number of
threads read through their own cursors while writes take one lock, so two requests
adding articles to one event are applied one after the other and neither is lost.
Every article is committed in its own transaction: a crash (even SIGKILL) in the middle
of a large ingest keeps every article whose commit returned, and DuckDB's write-ahead
log brings the file back to that state when it is opened again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from parallax.models import Article, Claim, Sentence
from parallax.store.schema import SchemaError, migrate

#: Where the store lives unless ``--db`` (or PARALLAX_DB) says otherwise.
DEFAULT_DB = Path("~/.parallax/parallax.duckdb")

_SLUG = re.compile(r"[^a-z0-9]+")
MAX_EID_CHARS = 80


class StoreError(Exception):
    """A store problem worth one clear line to the user (locked file, unknown event)."""


class EventNotFound(StoreError):
    pass


def default_db_path() -> Path:
    import os

    env = os.environ.get("PARALLAX_DB")
    return Path(env).expanduser() if env else DEFAULT_DB.expanduser()


def content_hash(article: Article) -> str:
    """An article is its cleaned text: the same text loaded twice is one article, whatever
    file name or form field it came through."""
    return hashlib.sha256(article.text.encode("utf-8")).hexdigest()


def slugify(title: str) -> str:
    slug = _SLUG.sub("-", title.lower()).strip("-")[:MAX_EID_CHARS].strip("-")
    return slug or "event"


@dataclass(frozen=True)
class EventInfo:
    eid: str
    title: str
    created: dt.datetime
    articles: int = 0
    outlets: int = 0
    analysed: dt.datetime | None = None
    #: Articles were added after the last analysis (or none was made yet).
    stale: bool = True


@dataclass(frozen=True)
class StoredArticle:
    id: int
    eid: str
    hash: str
    added: dt.datetime
    article: Article


@dataclass
class AddResult:
    added: list[StoredArticle] = field(default_factory=list)
    #: (origin, aid of the article already holding that text) per input that was a repeat.
    existing: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class AnalysisRow:
    id: int
    eid: str
    created: dt.datetime
    article_ids: list[int]
    last_article: int
    seconds: float
    report_json: str
    added: list[dict[str, Any]]


@dataclass(frozen=True)
class ArticleRow:
    """An article's metadata, without its text: what a listing needs."""

    id: int
    aid: str
    title: str | None
    url: str | None
    outlet: str | None
    published: dt.date | None
    origin: str
    added: dt.datetime


@dataclass(frozen=True)
class Step:
    """One analysis without its report: when, how long, which articles it first took in."""

    id: int
    created: dt.datetime
    seconds: float
    articles: int
    added: list[dict[str, Any]]


@dataclass(frozen=True)
class ChangeRow:
    id: int
    analysis_id: int
    created: dt.datetime
    kind: str
    text: str
    question: str | None
    data: dict[str, Any]


@dataclass(frozen=True)
class Extraction:
    sentences: list[Sentence]
    claims: list[Claim]
    #: The article's paragraph parses (``nlp.pipeline.paragraphs_to_bytes``); None for an
    #: extraction stored before parses were kept.
    parses: bytes | None = None


class Store:
    """The store file, open for reading and writing by this process."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path).expanduser()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = duckdb.connect(str(self.path))
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StoreError(
                    f"{self.path} is in use by another process (a running `parallax serve`?): "
                    "add articles through it, or stop it first"
                ) from exc
            raise StoreError(f"{self.path}: {exc}") from exc
        except duckdb.Error as exc:
            raise StoreError(f"{self.path} cannot be opened as a store: {exc}") from exc
        self._local = threading.local()
        self._write = threading.RLock()
        try:
            with self._write:
                migrate(self._db)
        except SchemaError as exc:
            self._db.close()
            raise StoreError(f"{self.path}: {exc}") from exc

    # -- plumbing ---------------------------------------------------------------------

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _cur(self) -> Any:
        """This thread's own cursor: DuckDB connections must not be shared across threads."""
        cur = getattr(self._local, "cur", None)
        if cur is None:
            cur = self._db.cursor()
            self._local.cur = cur
        return cur

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        with self._write:
            cur = self._cur()
            cur.execute("BEGIN TRANSACTION")
            try:
                yield cur
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            cur.execute("COMMIT")

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self._cur().execute(sql, list(params)).fetchone()
        return row

    def schema_version(self) -> int:
        row = self._one("SELECT max(version) FROM schema_version")
        return int(row[0])

    # -- events ---------------------------------------------------------------------

    def create_event(self, title: str, eid: str | None = None) -> EventInfo:
        title = " ".join(title.split())
        if not title:
            raise StoreError("an event needs a title")
        eid = slugify(eid or title)
        with self._transaction() as cur:
            if cur.execute("SELECT 1 FROM events WHERE eid = ?", [eid]).fetchone():
                raise StoreError(f"event '{eid}' already exists")
            cur.execute("INSERT INTO events (eid, title) VALUES (?, ?)", [eid, title])
        return self.event(eid)

    def events(self) -> list[EventInfo]:
        rows = self._cur().execute(_EVENTS_SQL + " ORDER BY e.created DESC, e.eid").fetchall()
        return [_event_info(r) for r in rows]

    def event(self, eid: str) -> EventInfo:
        row = self._one(_EVENTS_SQL + " WHERE e.eid = ?", [eid])
        if row is None:
            raise EventNotFound(f"no event '{eid}'")
        return _event_info(row)

    def stale_events(self) -> list[str]:
        return [e.eid for e in self.events() if e.stale and e.articles]

    # -- articles -------------------------------------------------------------------

    def add_articles(
        self, eid: str, articles: Sequence[Article], on_added: Any = None
    ) -> AddResult:
        """Store each article in its own transaction; a text already in the event is a
        no-op reported in ``existing``. ``on_added(stored)`` runs after each commit."""
        self.event(eid)
        result = AddResult()
        for article in articles:
            digest = content_hash(article)
            with self._transaction() as cur:
                same = cur.execute(
                    "SELECT aid FROM articles WHERE eid = ? AND hash = ?", [eid, digest]
                ).fetchone()
                if same:
                    result.existing.append((article.origin, same[0]))
                    continue
                aid = _free_aid(cur, eid, article.aid)
                stored_article = article.model_copy(update={"aid": aid})
                data = stored_article.model_dump_json(exclude={"sentences", "claims"})
                row = cur.execute(
                    """INSERT INTO articles (eid, aid, hash, title, url, outlet, published,
                    origin, text, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    RETURNING id, added""",
                    [
                        eid,
                        aid,
                        digest,
                        article.title,
                        article.url,
                        article.outlet,
                        article.published,
                        article.origin,
                        article.text,
                        data,
                    ],
                ).fetchone()
            stored = StoredArticle(
                id=int(row[0]), eid=eid, hash=digest, added=row[1], article=stored_article
            )
            result.added.append(stored)
            if on_added is not None:
                on_added(stored)
        return result

    def articles(self, eid: str) -> list[StoredArticle]:
        rows = (
            self._cur()
            .execute(
                "SELECT id, eid, hash, added, data FROM articles WHERE eid = ? ORDER BY id",
                [eid],
            )
            .fetchall()
        )
        return [
            StoredArticle(
                id=int(r[0]),
                eid=r[1],
                hash=r[2],
                added=r[3],
                article=Article.model_validate_json(r[4]),
            )
            for r in rows
        ]

    def article_rows(self, eid: str) -> list[ArticleRow]:
        rows = (
            self._cur()
            .execute(
                """SELECT id, aid, title, url, outlet, published, origin, added FROM articles
                WHERE eid = ? ORDER BY id""",
                [eid],
            )
            .fetchall()
        )
        return [ArticleRow(int(r[0]), *r[1:]) for r in rows]

    # -- extraction cache -----------------------------------------------------------

    def extractions(
        self, keys: Sequence[tuple[str, str]], extractor: str
    ) -> dict[tuple[str, str], Extraction]:
        """Cached sentences and claims per (content hash, publication date) key; the
        claims carry the aid of the article first extracted and are renamed by the caller."""
        if not keys:
            return {}
        cur = self._cur()
        wanted = set(keys)
        hashes = sorted({h for h, _ in keys})
        found: dict[tuple[str, str], Extraction] = {}
        rows = cur.execute(
            """SELECT hash, published, sentences, parses FROM extractions
            WHERE extractor = ? AND hash IN (SELECT unnest(?))""",
            [extractor, hashes],
        ).fetchall()
        for h, pub, sentences, parses in rows:
            if (h, pub) in wanted:
                found[(h, pub)] = Extraction(
                    sentences=[Sentence.model_validate(s) for s in json.loads(sentences)],
                    claims=[],
                    parses=bytes(parses) if parses is not None else None,
                )
        if found:
            claim_rows = cur.execute(
                """SELECT hash, published, data FROM claims
                WHERE extractor = ? AND hash IN (SELECT unnest(?)) ORDER BY hash, published, idx""",
                [extractor, sorted({h for h, _ in found})],
            ).fetchall()
            for h, pub, data in claim_rows:
                if (h, pub) in found:
                    found[(h, pub)].claims.append(Claim.model_validate_json(data))
        return found

    def save_extraction(
        self,
        key: tuple[str, str],
        extractor: str,
        sentences: list[Sentence],
        claims: list[Claim],
        parses: bytes | None = None,
    ) -> None:
        h, pub = key
        with self._transaction() as cur:
            if cur.execute(
                "SELECT 1 FROM extractions WHERE hash = ? AND published = ? AND extractor = ?",
                [h, pub, extractor],
            ).fetchone():
                return
            cur.execute(
                """INSERT INTO extractions (hash, published, extractor, sentences, parses)
                VALUES (?,?,?,?,?)""",
                [h, pub, extractor, json.dumps([s.model_dump() for s in sentences]), parses],
            )
            if claims:
                cur.executemany(
                    """INSERT INTO claims (hash, published, extractor, idx, char_start, char_end,
                    text, value, unit, kind, counted, source, as_of, data)
                    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                    [
                        [
                            h,
                            pub,
                            extractor,
                            i,
                            c.char_start,
                            c.char_end,
                            c.text,
                            c.value,
                            c.unit,
                            c.kind,
                            c.counted,
                            c.source,
                            c.as_of,
                            c.model_dump_json(),
                        ]
                        for i, c in enumerate(claims)
                    ],
                )

    # -- embeddings cache -----------------------------------------------------------

    def embeddings(self, keys: Sequence[str]) -> dict[str, bytes]:
        if not keys:
            return {}
        rows = (
            self._cur()
            .execute(
                "SELECT key, vector FROM embeddings WHERE key IN (SELECT unnest(?))", [list(keys)]
            )
            .fetchall()
        )
        return {k: bytes(v) for k, v in rows}

    def save_embeddings(self, model: str, vectors: dict[str, bytes]) -> None:
        if not vectors:
            return
        with self._transaction() as cur:
            have = {
                r[0]
                for r in cur.execute(
                    "SELECT key FROM embeddings WHERE key IN (SELECT unnest(?))", [list(vectors)]
                ).fetchall()
            }
            rows = [[k, model, v] for k, v in vectors.items() if k not in have]
            if rows:
                cur.executemany("INSERT INTO embeddings (key, model, vector) VALUES (?,?,?)", rows)

    # -- analyses and the change log ------------------------------------------------

    def latest_analysis(self, eid: str) -> AnalysisRow | None:
        row = self._one(
            f"SELECT {_ANALYSIS_COLUMNS} FROM analyses WHERE eid = ? ORDER BY id DESC LIMIT 1",
            [eid],
        )
        return _analysis_row(row) if row else None

    def analysis(self, analysis_id: int) -> AnalysisRow | None:
        row = self._one(f"SELECT {_ANALYSIS_COLUMNS} FROM analyses WHERE id = ?", [analysis_id])
        return _analysis_row(row) if row else None

    def latest_analysis_id(self, eid: str) -> int | None:
        """Cheap: the id only, to check a cached rendering is still current."""
        row = self._one("SELECT max(id) FROM analyses WHERE eid = ?", [eid])
        return int(row[0]) if row and row[0] is not None else None

    def save_analysis(
        self,
        eid: str,
        *,
        created: dt.datetime,
        article_ids: list[int],
        seconds: float,
        report_json: str,
        added: list[dict[str, Any]],
        changes: Sequence[tuple[str, str, str | None, dict[str, Any]]],
    ) -> int:
        """One transaction: the analysis and its changes appear together or not at all."""
        with self._transaction() as cur:
            row = cur.execute(
                """INSERT INTO analyses (eid, created, article_ids, last_article, seconds,
                report, added) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                [
                    eid,
                    created,
                    json.dumps(article_ids),
                    max(article_ids, default=0),
                    seconds,
                    report_json,
                    json.dumps(added),
                ],
            ).fetchone()
            analysis_id = int(row[0])
            if changes:
                cur.executemany(
                    """INSERT INTO changes (analysis_id, eid, created, kind, text, question, data)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    [
                        [analysis_id, eid, created, kind, text, question, json.dumps(data)]
                        for kind, text, question, data in changes
                    ],
                )
        return analysis_id

    def changes(self, eid: str) -> list[ChangeRow]:
        rows = (
            self._cur()
            .execute(
                """SELECT id, analysis_id, created, kind, text, question, data FROM changes
                WHERE eid = ? ORDER BY id""",
                [eid],
            )
            .fetchall()
        )
        return [
            ChangeRow(
                id=int(r[0]),
                analysis_id=int(r[1]),
                created=r[2],
                kind=r[3],
                text=r[4],
                question=r[5],
                data=json.loads(r[6]),
            )
            for r in rows
        ]

    def steps(self, eid: str) -> list[Step]:
        rows = (
            self._cur()
            .execute(
                """SELECT id, created, seconds, json_array_length(article_ids), added
                FROM analyses WHERE eid = ? ORDER BY id""",
                [eid],
            )
            .fetchall()
        )
        return [
            Step(int(r[0]), r[1], float(r[2]), int(r[3]), json.loads(r[4]) if r[4] else [])
            for r in rows
        ]

    def analyses(self, eid: str) -> list[AnalysisRow]:
        rows = (
            self._cur()
            .execute(f"SELECT {_ANALYSIS_COLUMNS} FROM analyses WHERE eid = ? ORDER BY id", [eid])
            .fetchall()
        )
        return [_analysis_row(r) for r in rows]


_EVENTS_SQL = """
SELECT e.eid, e.title, e.created,
    (SELECT count(*) FROM articles a WHERE a.eid = e.eid),
    (SELECT count(DISTINCT coalesce(a.outlet, a.aid)) FROM articles a WHERE a.eid = e.eid),
    (SELECT max(n.created) FROM analyses n WHERE n.eid = e.eid),
    (SELECT coalesce(max(a.id), 0) FROM articles a WHERE a.eid = e.eid)
        > (SELECT coalesce(max(n.last_article), 0) FROM analyses n WHERE n.eid = e.eid)
    OR NOT EXISTS (SELECT 1 FROM analyses n WHERE n.eid = e.eid)
FROM events e"""

_ANALYSIS_COLUMNS = "id, eid, created, article_ids, last_article, seconds, report, added"


def _event_info(row: Any) -> EventInfo:
    return EventInfo(
        eid=row[0],
        title=row[1],
        created=row[2],
        articles=int(row[3]),
        outlets=int(row[4]),
        analysed=row[5],
        stale=bool(row[6]),
    )


def _analysis_row(row: Any) -> AnalysisRow:
    return AnalysisRow(
        id=int(row[0]),
        eid=row[1],
        created=row[2],
        article_ids=[int(i) for i in json.loads(row[3])],
        last_article=int(row[4]),
        seconds=float(row[5]),
        report_json=row[6],
        added=json.loads(row[7]) if row[7] else [],
    )


def _free_aid(cur: Any, eid: str, aid: str) -> str:
    """Citations are keyed by aid, so two different texts never share one in an event."""
    taken = {
        r[0]
        for r in cur.execute(
            "SELECT aid FROM articles WHERE eid = ? AND (aid = ? OR aid LIKE ?)",
            [eid, aid, f"{aid}-%"],
        ).fetchall()
    }
    candidate, n = aid, 2
    while candidate in taken:
        candidate, n = f"{aid}-{n}", n + 1
    return candidate
