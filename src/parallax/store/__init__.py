"""The event store: a DuckDB file of events, articles, cached claims and analyses.

``Store`` opens (and migrates) the file; ``analyze_event`` re-analyses an event after
articles arrive and records what changed. The analysis module loads the NLP stack, so
it is imported on use and ``import parallax.store`` stays cheap.
"""

from parallax.store.db import (
    AddResult,
    EventInfo,
    EventNotFound,
    Store,
    StoredArticle,
    StoreError,
    content_hash,
    default_db_path,
)

__all__ = [
    "AddResult",
    "EventInfo",
    "EventNotFound",
    "Store",
    "StoreError",
    "StoredArticle",
    "content_hash",
    "default_db_path",
]
