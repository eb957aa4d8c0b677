"""Ingestion: folders, JSON corpora, HTML pages and URLs into cleaned articles.

``load_paths`` is the batch entry point; ``article_from_text`` builds a single
article from literal text by the same cleaning rules, for tests and callers
that already hold the text.
"""

from parallax.ingest.article import article_from_text
from parallax.ingest.clean import Cleaned, clean_text
from parallax.ingest.dedupe import find_duplicates, mark_duplicates
from parallax.ingest.errors import IngestError
from parallax.ingest.loader import LoadOptions, load_paths

__all__ = [
    "Cleaned",
    "IngestError",
    "LoadOptions",
    "article_from_text",
    "clean_text",
    "find_duplicates",
    "load_paths",
    "mark_duplicates",
]
