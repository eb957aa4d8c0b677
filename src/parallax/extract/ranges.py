"""Bounds that belong to a figure: "about 2.1 million (between 1.7 and 2.6 million)".

An estimate is often given with its range or margin right after it. The bounds are
not figures of something else: left alone they look like two more counts of the same
thing and end up pooled with other measures. Each bound claim keeps its own span and
value and points at the figure it bounds with ``range_of``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from parallax.models import Claim

# What may stand between a figure and the range given for it.
_OPENS_RANGE = re.compile(
    r"\s*(?:[(\[]\s*|,\s*|;\s*|\s—\s*|\s–\s*)"
    r"(?:(?:with\s+)?(?:a\s+)?range(?:d|s)?(?:\s+of|\s+from|:)?\s*|ranging\s+from\s+|"
    r"between\s+|from\s+|est(?:imated)?\.?\s+)?",
    re.IGNORECASE,
)
_MARGIN = re.compile(r"\s*[,(]?\s*(?:plus\s+or\s+minus|give\s+or\s+take|±)\s*", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"\s*(?:to|and|-|–)\s*", re.IGNORECASE)


def _bounds(low: Claim, high: Claim | None) -> tuple[float, float] | None:
    if low.value is None:
        return None
    top = low.value_high if high is None else high.value
    if top is None:
        return None
    return (low.value, top)


def _bound(bound: Claim, main: Claim) -> None:
    """A bound measures what its figure measures, for the same holder and place."""
    bound.range_of = main.id
    bound.measure, bound.measure_phrase = main.measure, main.measure_phrase
    bound.holder, bound.holder_span = main.holder, main.holder_span
    bound.place, bound.place_span = main.place, main.place_span


def link_ranges(text: str, claims: Sequence[Claim]) -> None:
    """Set ``range_of`` on claims that bound the figure just before them."""
    ordered = sorted(claims, key=lambda c: c.char_start)
    for i in range(len(ordered) - 1):
        main, nxt = ordered[i], ordered[i + 1]
        if main.range_of is not None or main.value is None or nxt.sent_start != main.sent_start:
            continue
        gap = text[main.char_end : nxt.char_start]
        if _MARGIN.fullmatch(gap):
            _bound(nxt, main)
            continue
        if "(" not in gap and not re.search(r"rang|between", gap, re.IGNORECASE):
            continue
        # The bounds may follow the figure's noun and verb: "about 2.1 million people
        # were displaced (between 1.7 and 2.6 million)".
        opening = re.search(r"[(\[,;—–][^()\[\],;—–]*$", gap)
        if (
            opening is None
            or len(gap) > 80
            or not _OPENS_RANGE.fullmatch(
                gap[
                    opening.start()
                    - (1 if opening.start() and gap[opening.start() - 1] == " " else 0) :
                ]
            )
        ):
            continue
        third = ordered[i + 2] if i + 2 < len(ordered) else None
        closes = (
            third is not None
            and nxt.value_high is None
            and third.sent_start == main.sent_start
            and _RANGE_JOIN.fullmatch(text[nxt.char_end : third.char_start]) is not None
        )
        bounds = _bounds(nxt, third if closes else None)
        if bounds is None or not bounds[0] <= main.value <= bounds[1]:
            continue
        _bound(nxt, main)
        if closes and third is not None:
            _bound(third, main)
