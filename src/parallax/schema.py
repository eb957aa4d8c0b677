"""The report JSON: DiverseSumm-compatible, so gold annotations and our output share a shape.

``question_answers`` with ``answer_groups`` is the DiverseSumm format; we add offsets
(``char_start``/``char_end``) to every answer so each one can be checked against the
article text, and a ``kind`` that says *how* the outlets differ.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field, field_validator

from parallax.models import Article, Claim

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


@dataclass(frozen=True)
class KindSpec:
    """Everything the tool says or does per kind of question, in one row.

    The report's order, the words a reader sees, the colour of its label, whether
    it is a divergence and how the scorer counts it were kept in eight places in
    two orders; every list of kinds now derives from ``KINDS``.
    """

    name: QuestionKind
    #: What the kind means, for a reader.
    words: str
    #: How a summary sentence about a divergence of this kind opens.
    lead: str
    #: Background colour of the kind's label in the HTML report.
    color: str
    #: Whether the outlets differ (a discord question) rather than agree or stand alone.
    discord: bool
    #: Whether its answers are figures that belong on the timeline.
    figures: bool
    #: How the scorer counts it for kind accuracy: "update", "conflict" or neither.
    verdict: Literal["update", "conflict"] | None
    #: How much a question of this kind weighs in its importance (``align.rank``): a
    #: contradiction matters more than a different wording, agreement less than either.
    weight: float


#: The kinds in display order: divergences first, then agreement, then singletons.
KINDS: tuple[KindSpec, ...] = (
    KindSpec(
        "numeric_update",
        "A running figure: later reports update earlier ones.",
        "the figure changed as new reports came in",
        "#e3f0fb",
        discord=True,
        figures=True,
        weight=1.0,
        verdict="update",
    ),
    KindSpec(
        "numeric_conflict",
        "Different figures for the same time and scope.",
        "the outlets give conflicting figures",
        "#fde8e4",
        discord=True,
        figures=True,
        weight=1.0,
        verdict="conflict",
    ),
    KindSpec(
        "scope",
        "The figures count different things or different periods.",
        "the figures count different things",
        "#fdf3dc",
        discord=True,
        figures=True,
        weight=0.7,
        verdict="conflict",
    ),
    KindSpec(
        "attribution",
        "Different claimants give different answers.",
        "the answer depends on who is speaking",
        "#f3e8f5",
        discord=True,
        figures=False,
        weight=0.9,
        verdict="conflict",
    ),
    KindSpec(
        "factual_conflict",
        "The outlets state different things about one point; not all may be right.",
        "the accounts differ",
        "#fde8e4",
        discord=True,
        figures=False,
        weight=0.9,
        verdict="conflict",
    ),
    KindSpec(
        "framing",
        "The outlets describe the same thing in different terms.",
        "the outlets describe it in different terms",
        "#e7f5ee",
        discord=True,
        figures=False,
        weight=0.6,
        verdict=None,
    ),
    KindSpec(
        "consensus",
        "The outlets that answer agree.",
        "the outlets agree",
        "#eef0f4",
        discord=False,
        figures=True,
        weight=0.5,
        verdict=None,
    ),
    KindSpec(
        "unique_coverage",
        "Only one outlet reports this.",
        "only one outlet reports it",
        "#eef0f4",
        discord=False,
        figures=True,
        weight=0.3,
        verdict=None,
    ),
)
KIND: dict[str, KindSpec] = {k.name: k for k in KINDS}
KIND_ORDER: dict[str, int] = {k.name: i for i, k in enumerate(KINDS)}
DISCORD_KINDS: tuple[QuestionKind, ...] = tuple(k.name for k in KINDS if k.discord)


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
    #: How much the question matters to a reader of this event (``align.rank``); the
    #: report lists questions by it within each section and shows the first ones.
    importance: float | None = None


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

    @classmethod
    def of(cls, a: Article) -> ReportArticle:
        return cls(
            aid=a.aid,
            title=a.title,
            url=a.url,
            outlet=a.outlet,
            date=a.published,
            date_basis=a.published_basis,
            language=a.language,
            duplicate_of=a.duplicate_of,
            warnings=a.warnings,
            text=a.text,
        )


class SummarySentence(BaseModel):
    text: str
    citations: list[Citation]


class TimelineEntry(BaseModel):
    """One dated figure or event; ``text`` is the cited span, verbatim.

    ``date_basis`` says whether the date is the figure's own (``as_of``) or only the
    article's publication date, because a reader must not mistake one for the other.
    ``running``/``change`` are set on series whose figure is updated over time.
    """

    date: dt.date | None = None
    date_basis: Literal["as_of", "published"] | None = None
    aid: str
    outlet: str
    text: str
    char_start: int
    char_end: int
    value: float | None = None
    qualifier: str | None = None
    counted: str | None = None
    source: str | None = None
    question: str | None = None
    kind: QuestionKind | None = None
    running: float | None = None
    change: float | None = None


class TermUse(BaseModel):
    term: str
    count: int
    citations: list[Citation] = Field(default_factory=list)


class TermVariantGroup(BaseModel):
    """The words different outlets use for one referent (a place, a group of people)."""

    kind: Literal["spelling", "group_label"]
    label: str
    uses: dict[str, list[TermUse]] = Field(default_factory=dict)


class DistinctiveWord(BaseModel):
    word: str
    count: int
    z: float


class LoadedTerm(BaseModel):
    term: str
    reason: Literal["lexicon", "scare_quotes"]
    count: int
    citations: list[Citation] = Field(default_factory=list)


class QuotedVoice(BaseModel):
    speaker: str
    affiliation: str | None = None
    quotes: int = 0
    figures: int = 0
    citations: list[Citation] = Field(default_factory=list)


class OutletFraming(BaseModel):
    outlet: str
    aids: list[str]
    distinctive: list[DistinctiveWord] = Field(default_factory=list)
    loaded: list[LoadedTerm] = Field(default_factory=list)
    voices: list[QuotedVoice] = Field(default_factory=list)
    voices_by_affiliation: dict[str, int] = Field(default_factory=dict)


class Framing(BaseModel):
    variants: list[TermVariantGroup] = Field(default_factory=list)
    outlets: list[OutletFraming] = Field(default_factory=list)


class Report(BaseModel):
    eid: str
    articles: list[ReportArticle]
    claims: list[Claim] = Field(default_factory=list)
    question_answers: list[QuestionAnswer] = Field(default_factory=list)
    summary: list[SummarySentence] = Field(default_factory=list)
    timeline: list[TimelineEntry] = Field(default_factory=list)
    framing: Framing = Field(default_factory=Framing)

    def to_json(self, indent: int | None = 2) -> str:
        return self.model_dump_json(indent=indent)

    def to_markdown(self) -> str:
        # The renderers import the schema, so they are imported here, on use.
        from parallax.report.render import render_markdown

        return render_markdown(self)

    def to_html(self) -> str:
        """One self-contained page: inline CSS and SVG, no script, article text escaped."""
        from parallax.report.render import render_html

        return render_html(self)

    @field_validator("timeline", mode="before")
    @classmethod
    def _drop_uncited_rows(cls, rows: object) -> object:
        """Rows without an article span (an early aligner format) cannot be cited or
        checked, so they are dropped here; ``report.enrich`` rebuilds the timeline."""
        if isinstance(rows, list):
            return [r for r in rows if not isinstance(r, dict) or "char_start" in r]
        return rows
