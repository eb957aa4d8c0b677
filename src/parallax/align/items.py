"""A claim as alignment sees it: with its article, its voice and its words around it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from parallax.align.context import voice_map
from parallax.align.outcomes import outcome
from parallax.models import Article, Claim

_WINDOW_BEFORE = 5


_WINDOW_AFTER = 6


@dataclass
class ClaimItem:
    """A claim with what alignment needs beside it: its article, voice and text views."""

    claim: Claim
    article: Article
    #: The aid that speaks for this article: wire copies speak with their original's voice.
    voice: str
    sentence: str
    local: str
    date: dt.date | None
    #: What happened to the people counted (killed, injured, ...), when the text says.
    outcome: str | None = None

    @property
    def outlet(self) -> str:
        return self.article.outlet or self.article.aid


@dataclass
class Fact:
    """Claims judged to measure the same quantity, possibly with different values."""

    items: list[ClaimItem] = field(default_factory=list)

    @property
    def voices(self) -> set[str]:
        return {i.voice for i in self.items}


_NUMBER = re.compile(r"[$€£]?\d[\d,.]*%?")


def _local_window(article: Article, claim: Claim) -> str:
    """The words right around the figure, inside its sentence, other numbers masked.

    Other figures in the window ("from 3.5% to 3.4%") say nothing about what
    this one counts and would pull unrelated claims together.
    """
    before = article.text[claim.sent_start : claim.char_start].split()[-_WINDOW_BEFORE:]
    after = article.text[claim.char_end : claim.sent_end].split()[:_WINDOW_AFTER]
    return _NUMBER.sub("#", " ".join([*before, "#", *after]))


def describe(claim: Claim, article: Article) -> str:
    """What the figure counts, in words: extractor fields first, the local window always.

    The window is kept even when the extractor named the counted noun, because
    the noun alone ("people", "jobs") is too generic to tell a death toll from
    an injury count, or payrolls from a forecast of them.
    """
    parts = [claim.counted or "", claim.predicate or ""]
    head = _NUMBER.sub("#", " ".join(p for p in parts if p)).strip()
    window = _local_window(article, claim)
    return f"{head}. {window}" if head else window


def make_items(articles: Sequence[Article]) -> list[ClaimItem]:
    voices = voice_map(articles)
    return [
        ClaimItem(
            claim=c,
            article=art,
            voice=voices[art.aid],
            sentence=art.text[c.sent_start : c.sent_end],
            local=describe(c, art),
            date=c.as_of or art.published,
            outcome=outcome(c, art),
        )
        for art in articles
        for c in art.claims
    ]


def lead_in(item: ClaimItem, words: int = _WINDOW_BEFORE) -> str:
    """The few words right before the figure, inside its sentence."""
    c = item.claim
    return " ".join(item.article.text[c.sent_start : c.char_start].split()[-words:])
