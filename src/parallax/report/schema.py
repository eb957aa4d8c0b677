"""The report JSON: DiverseSumm-compatible, so gold annotations and our output share a shape.

``question_answers`` with ``answer_groups`` is the DiverseSumm format; we add offsets
(``char_start``/``char_end``) to every answer so each one can be checked against the
article text, and a ``kind`` that says *how* the outlets differ.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, Field

from parallax.models import Claim

QuestionKind = Literal[
    "consensus",
    "numeric_update",
    "numeric_conflict",
    "scope",
    "attribution",
    "factual_conflict",
    "unique_coverage",
    "framing",
]


class Citation(BaseModel):
    aid: str
    char_start: int
    char_end: int


class Answer(BaseModel):
    """One article's answer to a question; ``answer`` is the cited span, verbatim."""

    aid: str
    answer: str
    value: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    source: str | None = None
    as_of: dt.date | None = None
    char_start: int
    char_end: int
    claim_id: str | None = None


class QuestionAnswer(BaseModel):
    question: str
    kind: QuestionKind
    answer_groups: list[list[Answer]]
    explanation: str | None = None


class ReportArticle(BaseModel):
    aid: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    date: dt.date | None = None
    date_basis: str | None = None
    language: str | None = None
    duplicate_of: str | None = None
    warnings: list[str] = Field(default_factory=list)
    text: str


class SummarySentence(BaseModel):
    text: str
    citations: list[Citation]


class Report(BaseModel):
    eid: str
    articles: list[ReportArticle]
    claims: list[Claim] = Field(default_factory=list)
    question_answers: list[QuestionAnswer] = Field(default_factory=list)
    summary: list[SummarySentence] = Field(default_factory=list)
    timeline: list[dict[str, Any]] = Field(default_factory=list)
    framing: dict[str, Any] = Field(default_factory=dict)
