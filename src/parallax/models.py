"""The data model every stage shares.

Character offsets are the contract of the whole tool: every later citation is an
``(aid, char_start, char_end)`` triple into the *cleaned* ``Article.text``, and
``article.text[char_start:char_end]`` must equal the quoted span. Keeping the
offsets on the models (not only the strings) lets the report re-derive and check
every quotation instead of trusting it.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

DateBasis = Literal["metadata", "text", "inferred"]
#: How the text offers a figure: as a plain report, an estimate, a projection of an
#: outcome still being counted, a value someone denies, a corrected value, the value it
#: changed from (or one the text calls previous/initial), or a forecast.
ClaimStatus = Literal[
    "reported", "estimated", "projected", "denied", "amended", "earlier", "forecast"
]


class Span(BaseModel):
    """A half-open character range into an article's cleaned text."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Sentence(BaseModel):
    """A sentence of an article; ``text == article.text[start:end]``."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Removed(BaseModel):
    """A piece of scraping debris taken out of the raw text, kept so nothing is lost silently."""

    reason: str
    text: str


class Claim(BaseModel):
    """One figure an article states, with what it counts, who says it and when.

    ``value`` is the normalised number (``None`` for vague amounts such as
    "hundreds"); the qualifier ("more than", "at least") is kept apart so that
    "more than 900" and "at least 959" stay different answers that may both be true.
    """

    id: str
    aid: str
    sent_start: int
    sent_end: int
    char_start: int
    char_end: int
    text: str
    value: float | None = None
    value_high: float | None = None
    unit: str | None = None
    kind: Literal["count", "money", "percent", "measure"] = "count"
    qualifier: str | None = None
    vague: bool = False
    counted: str | None = None
    predicate: str | None = None
    context: list[str] = Field(default_factory=list)
    source: str | None = None
    source_span: tuple[int, int] | None = None
    as_of: dt.date | None = None
    as_of_basis: str | None = None
    # The claim frame (``parallax.extract.frames``): what the figure measures, whose
    # figure it is, where, and how the text offers it. Figures of one fact share
    # ``measure`` (and ``holder`` and ``place`` when both name one).
    measure: str | None = None
    measure_phrase: str | None = None
    holder: str | None = None
    holder_span: tuple[int, int] | None = None
    place: str | None = None
    place_span: tuple[int, int] | None = None
    status: ClaimStatus | None = None
    # The id of the claim this one bounds: "about 2.1 million (between 1.7 and 2.6
    # million)" and "$16 billion, plus or minus 2%" give the range of the main figure.
    range_of: str | None = None


class Article(BaseModel):
    """One article after ingestion and cleaning.

    ``aid`` is stable: the file stem or the id the input gives, never a counter
    that depends on load order, so reports from two runs can be compared.
    """

    aid: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    published_basis: DateBasis | None = None
    language: str | None = None
    text: str
    origin: str
    warnings: list[str] = Field(default_factory=list)
    removed: list[Removed] = Field(default_factory=list)
    duplicate_of: str | None = None
    sentences: list[Sentence] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)

    @property
    def words(self) -> int:
        return len(self.text.split())

    def span(self, start: int, end: int) -> str:
        return self.text[start:end]


class LoadError(BaseModel):
    """A file or URL that could not be loaded, with one line saying why."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


class LoadResult(BaseModel):
    """What a batch load produced: the good articles and one error line per bad input."""

    articles: list[Article] = Field(default_factory=list)
    errors: list[LoadError] = Field(default_factory=list)
    # Inputs passed over on purpose (an unsupported file in a folder, an entry with
    # no content): reported so nothing vanishes silently, but not failures.
    skipped: list[LoadError] = Field(default_factory=list)
