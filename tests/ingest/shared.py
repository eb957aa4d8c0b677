"""Paths to the shared corpora the ingestion tests read (never copied here)."""

from __future__ import annotations

import re
import unicodedata

import pytest

from tests.shared_paths import SHARED

SEEDS = SHARED / "seeds"
DEV = SHARED / "eval" / "dev"
DISCORD = SHARED / "eval" / "discord_questions" / "documents_recession.json"

needs_shared = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared corpora not present")

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "«": '"', "»": '"'})
_DASHES = str.maketrans({"–": "-", "—": "-"})


def norm(text: str) -> str:
    """Compare spans the way the gold checker does: NFKC, no quotes, folded space."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).translate(_DASHES)
    text = text.replace("''", '"').replace('"', "").replace("'", "")
    return re.sub(r"\s+", " ", text).strip().lower()
