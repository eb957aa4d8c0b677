"""One embedding per distinct text within a report build.

Embedding is nearly all of the alignment time (MiniLM on 2 cores, ~5 ms a
sentence), and the same sentence is wanted by the fact grouping (claim
sentences), by the topic grouping (all sentences) and by answer grouping.
Memoising by text makes each sentence cost once per event.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from parallax.align.facts import Embedder, FloatArray


class MemoEmbedder:
    """Wraps an embedder; texts seen before are served from memory, in input order."""

    def __init__(self, embedder: Embedder) -> None:
        self._embedder = embedder
        self._cache: dict[str, FloatArray] = {}

    def __call__(self, texts: Sequence[str]) -> FloatArray:
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            for t, v in zip(missing, self._embedder(missing), strict=True):
                self._cache[t] = v
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts]).astype(np.float32)

    def warm(self, texts: Sequence[str]) -> None:
        """Embed ``texts`` in one batch now, so later calls hit the cache."""
        self(texts)
