"""Hand-built articles and claims for alignment tests, in the shape extraction produces.

Offsets are computed by searching the text, so every claim satisfies the model's
contract (``text[char_start:char_end]`` is the figure, ``sent_*`` its sentence).
"""

from __future__ import annotations

import datetime as dt

from parallax.align.context import EventContext
from parallax.align.text import split_sentences
from parallax.models import Article, Claim, Sentence


def article(
    aid: str,
    text: str,
    outlet: str | None = None,
    published: dt.date | None = None,
    duplicate_of: str | None = None,
) -> Article:
    return Article(
        aid=aid,
        text=text,
        origin=f"test:{aid}",
        outlet=outlet or aid,
        published=published,
        sentences=split_sentences(text),
        duplicate_of=duplicate_of,
    )


def _sentence_of(art: Article, pos: int) -> Sentence:
    for s in art.sentences:
        if s.start <= pos < s.end:
            return s
    raise AssertionError(f"offset {pos} is in no sentence of {art.aid}")


def claim(
    art: Article,
    figure: str,
    value: float | None,
    *,
    counted: str | None = None,
    predicate: str | None = None,
    kind: str = "count",
    unit: str | None = None,
    qualifier: str | None = None,
    source: str | None = None,
    as_of: dt.date | None = None,
    context: list[str] | None = None,
    occurrence: int = 0,
    measure: str | None = None,
) -> Claim:
    """Add a claim for the ``occurrence``-th appearance of ``figure`` in ``art`` and return it."""
    pos = -1
    for _ in range(occurrence + 1):
        pos = art.text.index(figure, pos + 1)
    sent = _sentence_of(art, pos)
    c = Claim(
        id=f"{art.aid}:c{len(art.claims)}",
        aid=art.aid,
        sent_start=sent.start,
        sent_end=sent.end,
        char_start=pos,
        char_end=pos + len(figure),
        text=figure,
        value=value,
        unit=unit,
        kind=kind,
        qualifier=qualifier,
        vague=value is None,
        counted=counted,
        predicate=predicate,
        context=context or [],
        source=source,
        as_of=as_of or art.published,
        measure=measure,
        measure_phrase=measure,
    )
    art.claims.append(c)
    return c


def context(articles: list[Article]) -> EventContext:
    """The event context of hand-built articles, with the real MiniLM embedder."""
    from parallax.nlp.embed import embed

    return EventContext.build(articles, embedder=embed)
