"""Align one event: run every detector on the event's context, in registry order.

The result is the alignment part of the report (questions, answer groups,
kinds, explanations); the reader-facing parts (summary, timeline, framing) are
added by the report stage (``parallax.build_report`` does both).
"""

from __future__ import annotations

from collections.abc import Sequence

from parallax.align.context import EventContext
from parallax.align.detectors import DETECTORS, Detector
from parallax.align.params import DEFAULT, AlignParams
from parallax.align.rank import rank
from parallax.models import Article
from parallax.nlp.embed import Embedder
from parallax.nlp.pipeline import SentenceParser
from parallax.schema import Report, ReportArticle


def align_event(
    articles: Sequence[Article],
    eid: str,
    embedder: Embedder | None = None,
    parser: SentenceParser | None = None,
    detectors: Sequence[Detector] = DETECTORS,
    params: AlignParams = DEFAULT,
) -> Report:
    """The questions of one event whose claims are extracted.

    ``embedder`` defaults to MiniLM (``parallax.nlp.embed``); ``parser`` to fresh
    parses (extraction's parses, ``extract_parsed``, spare re-parsing sentences).
    """
    ctx = EventContext.build(articles, embedder=embedder, parser=parser, params=params)
    for detector in detectors:
        ctx.found.extend(detector.find(ctx))
    # Divergences first, then agreement, then singletons; by importance within each.
    questions = rank(ctx, ctx.found)
    report = Report(
        eid=eid,
        articles=[ReportArticle.of(a) for a in ctx.articles],
        claims=[c for a in ctx.articles for c in a.claims],
        question_answers=questions,
    )
    if ctx.framing is not None:
        report.framing = ctx.framing
    return report
