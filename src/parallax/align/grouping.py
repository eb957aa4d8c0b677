"""The steps every "several voices, different answers" detector shares.

Rankings, dated events and located places all go: find candidate answers ->
gather those about one thing -> keep things at least two voices speak of ->
bucket the answers by what they say -> a question when there are two buckets,
each holding one answer per voice. These helpers are those steps, so each
detector states only what is particular to it (what an answer is, what makes two
answers one thing).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TypeVar

import numpy as np

from parallax.align.cluster import agglomerate
from parallax.nlp.embed import FloatArray

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)

#: Voices that must speak of one thing before their different answers are a question.
MIN_VOICES = 2


def alike(
    vectors: FloatArray, threshold: float, cannot: np.ndarray | None = None
) -> list[list[int]]:
    """Groups of rows whose embeddings are alike (average cosine >= ``threshold``);
    ``cannot`` marks pairs that may never share a group."""
    sim = (vectors @ vectors.T).astype(np.float64)
    if cannot is not None:
        sim[cannot] = -np.inf
    return agglomerate(sim, threshold)


def enough_voices(members: Iterable[T], voice: Callable[[T], str], least: int = MIN_VOICES) -> bool:
    return len({voice(m) for m in members}) >= least


def buckets(members: Iterable[T], key: Callable[[T], K]) -> dict[K, list[T]]:
    """Members by answer, in first-seen order."""
    out: dict[K, list[T]] = {}
    for m in members:
        out.setdefault(key(m), []).append(m)
    return out


def first_per(items: Iterable[T], key: Callable[[T], Hashable]) -> list[T]:
    """The first item of each key: one answer per voice, so that an outlet repeating
    itself does not outweigh the others."""
    seen: set[Hashable] = set()
    out = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def members_of(items: Sequence[T], groups: list[list[int]]) -> list[list[T]]:
    return [[items[i] for i in g] for g in groups]
