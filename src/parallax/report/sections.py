"""Which questions a reader meets first, and which wait behind "more".

An event raises dozens of questions; a reader reads a dozen. Every renderer (the
terminal summary, Markdown, HTML, the web app) shows the first ``SHOWN_DISCORD``
points of divergence and ``SHOWN_AGREEMENTS`` agreements, in the report's order
(by importance within each section, ``align.rank``), and keeps the rest one click
or one heading away. The JSON always holds every question.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from parallax.schema import DISCORD_KINDS, QuestionAnswer, Report

SHOWN_DISCORD = 12
SHOWN_AGREEMENTS = 8


@dataclass
class Sections:
    discord: list[QuestionAnswer] = field(default_factory=list)
    more_discord: list[QuestionAnswer] = field(default_factory=list)
    agree: list[QuestionAnswer] = field(default_factory=list)
    more_agree: list[QuestionAnswer] = field(default_factory=list)
    unique: list[QuestionAnswer] = field(default_factory=list)


def _by_importance(qas: Sequence[QuestionAnswer]) -> list[QuestionAnswer]:
    """Most important first; questions without a score (a gold or older report) keep
    their order after the scored ones."""
    order = range(len(qas))
    return [qas[i] for i in sorted(order, key=lambda i: (-(qas[i].importance or 0.0), i))]


def sections(
    report: Report, discord: int = SHOWN_DISCORD, agreements: int = SHOWN_AGREEMENTS
) -> Sections:
    differ = _by_importance([q for q in report.question_answers if q.kind in DISCORD_KINDS])
    agree = _by_importance([q for q in report.question_answers if q.kind == "consensus"])
    unique = _by_importance([q for q in report.question_answers if q.kind == "unique_coverage"])
    return Sections(
        discord=differ[:discord],
        more_discord=differ[discord:],
        agree=agree[:agreements],
        more_agree=agree[agreements:],
        unique=unique,
    )
