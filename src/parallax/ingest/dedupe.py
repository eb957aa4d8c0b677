"""Find wire copies: the same agency story carried by two outlets.

Outlets that reprint one AP or AFP text are not independent confirmation, so a
copy points to the first article of its group. MinHash LSH over word shingles
finds candidates without comparing all pairs, which keeps a batch of thousands
fast; articles that only share a quoted wire sentence stay far below the bar.
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from collections.abc import Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

from parallax.models import Article

SHINGLE_WORDS = 4
NUM_PERM = 128
DEFAULT_THRESHOLD = 0.5
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """Overlapping word n-grams, lower-cased so casing edits do not hide a copy."""
    words = _WORD.findall(text.casefold())
    if len(words) <= size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def _crc32(data: bytes) -> int:
    """A stable, C-speed 32-bit hash; MinHash's permutations supply the mixing."""
    return zlib.crc32(data)


_TEMPLATE: list[MinHash] = []


def _minhash(text: str) -> MinHash:
    # Every sketch uses the same permutations (same seed); drawing them anew for each
    # sketch cost more than hashing a short article.
    if not _TEMPLATE:
        _TEMPLATE.append(MinHash(num_perm=NUM_PERM, hashfunc=_crc32))
    template = _TEMPLATE[0]
    sketch = MinHash(
        num_perm=NUM_PERM,
        hashfunc=_crc32,
        permutations=template.permutations,
        scheme=template.scheme,
    )
    sketch.update_batch(list(shingles(text)))
    return sketch


class _Groups:
    """Union-find over article indices; the root of a group is its earliest member."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def find_duplicates(
    articles: Sequence[Article], threshold: float = DEFAULT_THRESHOLD
) -> dict[str, str]:
    """Map each copy's aid to the aid of the first article of its group.

    "First" is the earliest published date, then input order: the outlet that
    ran the story first is the one the others copied.
    """
    order = sorted(
        range(len(articles)),
        key=lambda i: (articles[i].published or dt.date.max, i),
    )
    ranked = [articles[i] for i in order]
    sketches = [_minhash(article.text) for article in ranked]
    hashes = np.stack([s.hashvalues for s in sketches]) if sketches else np.zeros((0, NUM_PERM))
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    groups = _Groups(len(ranked))
    for i, sketch in enumerate(sketches):
        # Many near-identical short texts share LSH buckets; their Jaccard estimates are
        # taken in one array operation instead of one Python call per candidate.
        root = groups.find(i)
        candidates = [j for j in map(int, lsh.query(sketch)) if groups.find(j) != root]
        if candidates:
            similar = (hashes[candidates] == hashes[i]).mean(axis=1) >= threshold
            for j in np.asarray(candidates)[similar]:
                groups.union(i, int(j))
        lsh.insert(str(i), sketch)
    return {
        ranked[i].aid: ranked[groups.find(i)].aid for i in range(len(ranked)) if groups.find(i) != i
    }


def mark_duplicates(articles: Sequence[Article], threshold: float = DEFAULT_THRESHOLD) -> None:
    """Set ``duplicate_of`` on every copy in ``articles`` (in place)."""
    copies = find_duplicates(articles, threshold)
    for article in articles:
        article.duplicate_of = copies.get(article.aid)
