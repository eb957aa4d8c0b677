"""The shared corpora beside the repository (``../shared``), or ``$PARALLAX_SHARED``."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PARALLAX_SHARED", REPO.parent / "shared"))

DEV = SHARED / "eval" / "dev"


def dev_slugs() -> list[str]:
    """The development clusters with gold; none when the corpora are absent, so that a
    test parametrised over them is collected (and skipped) instead of crashing."""
    if not DEV.is_dir():
        return []
    return sorted(p.name for p in DEV.iterdir() if (p / "gold.json").is_file())
