"""The store's tables and the migrations that build them, one schema version at a time.

A store file outlives the code that wrote it: a newsroom keeps following a story with
a newer Parallax. So the schema is never edited in place; each change is a new step
appended to ``MIGRATIONS`` and applied, in order and in one transaction each, to files
of an older version. Version 1 is kept exactly as first released so that the tests can
build a version-1 file and migrate it forward.
"""

from __future__ import annotations

from typing import Any

#: Step n turns a version n-1 file (0: an empty file) into version n.
MIGRATIONS: list[tuple[str, ...]] = [
    # 1: events, their articles (one row per distinct content), each article's extracted
    # sentences and claims (a cache keyed by content, not by event), and analyses.
    (
        """CREATE TABLE schema_version (
            version INTEGER NOT NULL,
            applied TIMESTAMPTZ NOT NULL DEFAULT now()
        )""",
        """CREATE TABLE events (
            eid VARCHAR PRIMARY KEY,
            title VARCHAR NOT NULL,
            created TIMESTAMPTZ NOT NULL DEFAULT now()
        )""",
        "CREATE SEQUENCE article_ids START 1",
        """CREATE TABLE articles (
            id BIGINT PRIMARY KEY DEFAULT nextval('article_ids'),
            eid VARCHAR NOT NULL REFERENCES events (eid),
            aid VARCHAR NOT NULL,
            hash VARCHAR NOT NULL,
            added TIMESTAMPTZ NOT NULL DEFAULT now(),
            title VARCHAR,
            url VARCHAR,
            outlet VARCHAR,
            published DATE,
            origin VARCHAR NOT NULL,
            text VARCHAR NOT NULL,
            data JSON NOT NULL,
            UNIQUE (eid, hash),
            UNIQUE (eid, aid)
        )""",
        """CREATE TABLE extractions (
            hash VARCHAR NOT NULL,
            published VARCHAR NOT NULL,
            extractor VARCHAR NOT NULL,
            sentences JSON NOT NULL,
            created TIMESTAMPTZ NOT NULL DEFAULT now(),
            PRIMARY KEY (hash, published, extractor)
        )""",
        """CREATE TABLE claims (
            hash VARCHAR NOT NULL,
            published VARCHAR NOT NULL,
            extractor VARCHAR NOT NULL,
            idx INTEGER NOT NULL,
            char_start INTEGER NOT NULL,
            char_end INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            value DOUBLE,
            unit VARCHAR,
            kind VARCHAR,
            counted VARCHAR,
            source VARCHAR,
            as_of DATE,
            data JSON NOT NULL,
            PRIMARY KEY (hash, published, extractor, idx)
        )""",
        "CREATE SEQUENCE analysis_ids START 1",
        """CREATE TABLE analyses (
            id BIGINT PRIMARY KEY DEFAULT nextval('analysis_ids'),
            eid VARCHAR NOT NULL REFERENCES events (eid),
            created TIMESTAMPTZ NOT NULL DEFAULT now(),
            article_ids JSON NOT NULL,
            last_article BIGINT NOT NULL,
            seconds DOUBLE NOT NULL,
            report JSON NOT NULL
        )""",
    ),
    # 2: the "story so far": what each analysis changed against the one before, and a
    # cache of sentence embeddings so that re-aligning an event embeds only new text.
    (
        "CREATE SEQUENCE change_ids START 1",
        """CREATE TABLE changes (
            id BIGINT PRIMARY KEY DEFAULT nextval('change_ids'),
            analysis_id BIGINT NOT NULL REFERENCES analyses (id),
            eid VARCHAR NOT NULL,
            created TIMESTAMPTZ NOT NULL,
            kind VARCHAR NOT NULL,
            text VARCHAR NOT NULL,
            question VARCHAR,
            data JSON NOT NULL
        )""",
        "ALTER TABLE analyses ADD COLUMN added JSON",
        """CREATE TABLE embeddings (
            key VARCHAR PRIMARY KEY,
            model VARCHAR NOT NULL,
            vector BLOB NOT NULL
        )""",
    ),
    # 3: each extraction keeps its paragraph parses, so that re-aligning an event reads the
    # parses its claims were read from (as a fresh analysis does) without parsing again.
    ("ALTER TABLE extractions ADD COLUMN parses BLOB",),
]

SCHEMA_VERSION = len(MIGRATIONS)


class SchemaError(Exception):
    """The file was written by a newer Parallax, or is not a Parallax store."""


def current_version(con: Any) -> int:
    """The version a file is at; 0 for a file with no tables of ours yet."""
    found = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()
    if not found or not found[0]:
        tables = con.execute("SELECT count(*) FROM information_schema.tables").fetchone()
        if tables and tables[0]:
            raise SchemaError("the file is a DuckDB database but not a Parallax store")
        return 0
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def migrate(con: Any, target: int = SCHEMA_VERSION) -> list[int]:
    """Bring the file up to ``target``; return the versions applied (each atomically)."""
    version = current_version(con)
    if version > SCHEMA_VERSION:
        raise SchemaError(
            f"the store is at schema version {version}, newer than this Parallax "
            f"understands ({SCHEMA_VERSION}); upgrade Parallax"
        )
    applied: list[int] = []
    for number in range(version + 1, target + 1):
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in MIGRATIONS[number - 1]:
                con.execute(statement)
            con.execute("INSERT INTO schema_version (version) VALUES (?)", [number])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        applied.append(number)
    return applied
