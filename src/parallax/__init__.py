"""Parallax: where news outlets agree on one event, and where they diverge.

The public API is re-exported here. Stages that load models (spaCy, embeddings) are
imported lazily, so ``import parallax`` stays cheap for the CLI, the server and tests
that only need the data model.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from parallax.models import Article, Claim, LoadError, LoadResult, Removed, Sentence
from parallax.schema import Answer, QuestionAnswer, Report

if TYPE_CHECKING:
    from parallax.extract.claims import extract_event
    from parallax.ingest import load_paths
    from parallax.pipeline import AnalysisResult, analyze, build_report
    from parallax.report.evaluate import Scores, evaluate

__version__ = "0.1.0"

_LAZY = {
    "load_paths": "parallax.ingest",
    "extract_event": "parallax.extract.claims",
    "build_report": "parallax.pipeline",
    "analyze": "parallax.pipeline",
    "AnalysisResult": "parallax.pipeline",
    "evaluate": "parallax.report.evaluate",
    "Scores": "parallax.report.evaluate",
}

__all__ = [
    "AnalysisResult",
    "Answer",
    "Article",
    "Claim",
    "LoadError",
    "LoadResult",
    "QuestionAnswer",
    "Removed",
    "Report",
    "Scores",
    "Sentence",
    "analyze",
    "build_report",
    "evaluate",
    "extract_event",
    "load_paths",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'parallax' has no attribute {name!r}")
    return getattr(import_module(module), name)
