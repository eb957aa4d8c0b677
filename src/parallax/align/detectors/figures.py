"""Figures: the same quantity across outlets, one question per fact.

Claims are grouped into facts (``facts.group_facts``: same quantity across
outlets), a fact's claims into answer groups (``values.group_values``: the same
figure at the coarser precision), and the fact is judged
(``kinds.classify``: consensus, update, conflict, scope, attribution or unique)
and phrased from the parse of its sentences (``questions.phrase``).
"""

from __future__ import annotations

from parallax.align.citing import claim_answer, dedupe
from parallax.align.context import EventContext
from parallax.align.facts import group_facts
from parallax.align.items import Fact
from parallax.align.kinds import Verdict, classify
from parallax.align.questions import distinguish, phrase, prepare
from parallax.align.text import is_boilerplate
from parallax.align.values import group_values
from parallax.nlp.pipeline import SentenceParser
from parallax.schema import QuestionAnswer, QuestionKind


def numeric_question(
    fact: Fact, parser: SentenceParser, n_voices: int = 0
) -> tuple[QuestionAnswer, Verdict]:
    """The question of one fact, and the verdict that decided its kind."""
    claims = [i.claim for i in fact.items]
    groups = [[fact.items[k] for k in g] for g in group_values(claims)]
    verdict = classify(groups, n_voices)
    qa = QuestionAnswer(
        question=phrase(fact.items, parser),
        kind=verdict.kind,
        answer_groups=[dedupe(claim_answer(i) for i in g) for g in verdict.groups],
        explanation=verdict.explanation,
    )
    return qa, verdict


def _furniture(fact: Fact) -> bool:
    """Every sentence of the fact is site furniture too short to be a statement."""
    return all(is_boilerplate(i.sentence) and len(i.sentence.split()) < 3 for i in fact.items)


class Figures:
    """Figures several outlets give for one quantity, or one outlet alone."""

    name = "figures"
    kinds: tuple[QuestionKind, ...] = (
        "consensus",
        "numeric_update",
        "numeric_conflict",
        "scope",
        "attribution",
        "factual_conflict",
        "unique_coverage",
    )

    def find(self, ctx: EventContext) -> list[QuestionAnswer]:
        out = []
        facts = []
        found = [f for f in group_facts(ctx.articles, ctx.embed, ctx.params) if not _furniture(f)]
        prepare([f.items for f in found], ctx.parser)
        for fact in found:
            qa, _ = numeric_question(fact, ctx.parser, ctx.n_voices)
            out.append(qa)
            facts.append(fact.items)
            ctx.used_sentences.update((i.claim.aid, i.claim.sent_start) for i in fact.items)
        told = distinguish([qa.question for qa in out], facts, ctx.parser)
        return [
            qa if q == qa.question else qa.model_copy(update={"question": q})
            for qa, q in zip(out, told, strict=True)
        ]
