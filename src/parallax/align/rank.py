"""Which questions matter most: the order a reader of the event should meet them in.

An event of eight articles raises fifty questions; a reader reads the first dozen.
A question matters more when more independent outlets answer it (a point every
outlet covers beats one a single outlet mentions), when its kind says the outlets
contradict each other rather than word things differently (``KindSpec.weight``),
when the answers are far apart (1,500 against 11,300 dead, not 3.4% against
3.5%), and when it is about the event itself rather than a side story (its
answers are close in meaning to the articles' headlines and openings). The
score is a product of those four, so a question weak on any of them sinks; it is
not fitted to any gold (the scorer counts every question, shown or not), and it
is stored on each question (``importance``) so that a reader can see why.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from parallax.align.context import EventContext
from parallax.align.text import article_sentences
from parallax.schema import KIND, KIND_ORDER, QuestionAnswer

#: Sentences of each article that say what the event is: its title and first ones.
LEAD_SENTENCES = 2


def _voices(ctx: EventContext, qa: QuestionAnswer) -> int:
    return len({ctx.voice(a.aid) for g in qa.answer_groups for a in g})


def spread(qa: QuestionAnswer) -> float:
    """How far apart the answers are, 0 (one answer) to 1 (an order of magnitude or more).

    Figures: the decades between the smallest and the largest group's value. Words: a
    second answer group is a full difference, since it cannot be measured.
    """
    groups = [g for g in qa.answer_groups if g]
    if len(groups) < 2:
        return 0.0
    values = [abs(a.value) for g in groups for a in g if a.value is not None]
    if len(values) < 2 or min(values) == 0:
        return 1.0 if not values else 0.5
    return min(1.0, 0.2 + math.log10(max(values) / min(values)))


def _leads(ctx: EventContext) -> list[str]:
    out = []
    for art in ctx.articles:
        if art.duplicate_of:
            continue
        if art.title:
            out.append(art.title)
        out.extend(s.text for s in article_sentences(art)[:LEAD_SENTENCES])
    return out


def centrality(ctx: EventContext, questions: Sequence[QuestionAnswer]) -> list[float]:
    """Cosine of each question's answers (their mean vector) to the event's leads."""
    leads = _leads(ctx)
    if not leads or not questions:
        return [0.0] * len(questions)
    centre = ctx.embed(leads).mean(axis=0)
    centre /= max(float(np.linalg.norm(centre)), 1e-9)
    out = []
    for qa in questions:
        texts = [a.answer for g in qa.answer_groups for a in g]
        if not texts:
            out.append(0.0)
            continue
        v = ctx.embed(texts).mean(axis=0)
        v /= max(float(np.linalg.norm(v)), 1e-9)
        out.append(max(0.0, float(v @ centre)))
    return out


def rank(ctx: EventContext, questions: Sequence[QuestionAnswer]) -> list[QuestionAnswer]:
    """The questions with their importance, by section (``KINDS`` order: divergences,
    agreement, singletons) and by importance within a section; ties keep their order."""
    central = centrality(ctx, questions)
    out = []
    for qa, c in zip(questions, central, strict=True):
        score = (
            KIND[qa.kind].weight
            * (1.0 + math.log2(max(1, _voices(ctx, qa))))
            * (1.0 + 0.5 * spread(qa))
            * (0.5 + c)
        )
        out.append(qa.model_copy(update={"importance": round(score, 4)}))
    section = {k: (0 if KIND[k].discord else KIND_ORDER[k]) for k in KIND}
    order = sorted(
        range(len(out)),
        key=lambda i: (section[out[i].kind], -(out[i].importance or 0.0), i),
    )
    return [out[i] for i in order]
