"""What every detector of one event shares, built once: articles, voices, embeddings,
parses and the statements that can become answers.

Detectors used to take different subsets of these as arguments (four different
signatures) and to reach spaCy through a process-wide cache; now each gets the
one context of the event, passed explicitly, and what one detector leaves for
another (the sentences figures already answer, the questions found so far) is
on the context in plain sight.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc

from parallax.align.params import DEFAULT, AlignParams
from parallax.align.text import (
    article_sentences,
    guess_source,
    is_attributed,
    is_boilerplate,
)
from parallax.models import Article, Sentence
from parallax.nlp.embed import Embedder, MemoEmbedder
from parallax.nlp.pipeline import SentenceParser
from parallax.schema import Framing, QuestionAnswer


@dataclass
class Statement:
    """A sentence that can answer a question in words, with who it is attributed to."""

    aid: str
    voice: str
    outlet: str
    start: int
    end: int
    text: str
    source: str | None
    #: Whether the sentence states a figure the numeric facts already align.
    has_figure: bool = False
    #: The values of the figures it states (a divergent topic whose answers share one
    #: differs in wording, not in what it says: ``detectors.topics``).
    figures: frozenset[float] = frozenset()


def voice_map(articles: Sequence[Article]) -> dict[str, str]:
    """aid -> the aid that speaks for it: a wire copy speaks with its original's voice.

    Chains (a copy of a copy) are followed to their end; a ``duplicate_of``
    naming an article outside the event still counts as that one voice.
    """
    by_aid = {a.aid: a for a in articles}
    out: dict[str, str] = {}
    for art in articles:
        voice, seen = art.aid, {art.aid}
        nxt = art.duplicate_of
        while nxt and nxt not in seen:
            voice = nxt
            seen.add(nxt)
            nxt = by_aid[nxt].duplicate_of if nxt in by_aid else None
        out[art.aid] = voice
    return out


def collect_statements(articles: Sequence[Article], voices: dict[str, str]) -> list[Statement]:
    """Candidate sentences: not boilerplate, not repeated verbatim inside one voice."""
    out: list[Statement] = []
    for art in articles:
        seen: set[str] = set()
        # The extractor's speaker (normalised across the event) beats our regex guess.
        claimed = {c.sent_start: c.source for c in art.claims if c.source}
        figured: dict[int, set[float]] = {}
        for c in art.claims:
            if c.value is not None:
                figured.setdefault(c.sent_start, set()).add(float(c.value))
        for s in article_sentences(art):
            if is_boilerplate(s.text) or s.text in seen:
                continue
            seen.add(s.text)
            src = claimed.get(s.start) or (guess_source(s.text) if is_attributed(s.text) else None)
            out.append(
                Statement(
                    aid=art.aid,
                    voice=voices.get(art.aid, art.aid),
                    outlet=art.outlet or art.aid,
                    start=s.start,
                    end=s.end,
                    text=s.text,
                    source=src,
                    has_figure=s.start in figured,
                    figures=frozenset(figured.get(s.start, ())),
                )
            )
    return out


def _default_embedder() -> Embedder:
    from parallax.nlp.embed import embed

    return embed


@dataclass
class EventContext:
    """One event as the detectors see it. Build it with :meth:`build`."""

    articles: list[Article]
    embed: MemoEmbedder
    parser: SentenceParser
    voices: dict[str, str]
    params: AlignParams = DEFAULT
    #: Questions the detectors have returned so far, in registry order.
    found: list[QuestionAnswer] = field(default_factory=list)
    #: (aid, sentence start) of every sentence a numeric fact already cites: unique
    #: coverage in words does not offer them again.
    used_sentences: set[tuple[str, int]] = field(default_factory=set)
    #: How each outlet frames the event, once a detector has read it (``Labels``).
    framing: Framing | None = None

    @classmethod
    def build(
        cls,
        articles: Sequence[Article],
        embedder: Embedder | None = None,
        parser: SentenceParser | None = None,
        params: AlignParams = DEFAULT,
    ) -> EventContext:
        """The context of ``articles`` (extracted); ``embedder`` defaults to MiniLM and
        ``parser`` to fresh parses (pass extraction's to reuse its parses)."""
        arts = list(articles)
        ctx = cls(
            articles=arts,
            embed=MemoEmbedder(embedder or _default_embedder()),
            parser=parser or SentenceParser(),
            voices=voice_map(arts),
            params=params,
        )
        # One batch for every sentence that can become an answer: fact, topic and
        # answer grouping all reuse it. Site furniture is never embedded.
        ctx.embed.warm(
            [s.text for a in arts for s in article_sentences(a) if not is_boilerplate(s.text)]
        )
        return ctx

    @property
    def n_voices(self) -> int:
        """Independent voices of the event (wire copies speak with their original's)."""
        return len(set(self.voices.values()))

    @cached_property
    def by_aid(self) -> dict[str, Article]:
        return {a.aid: a for a in self.articles}

    @cached_property
    def statements(self) -> list[Statement]:
        """Every sentence that can answer in words, once per voice."""
        return collect_statements(self.articles, self.voices)

    def voice(self, aid: str) -> str:
        return self.voices.get(aid, aid)

    def outlet(self, aid: str) -> str:
        art = self.by_aid.get(aid)
        return (art.outlet or aid) if art is not None else aid

    def parse(self, aid: str, sentence: Sentence) -> Doc:
        """The parse of a sentence of article ``aid``."""
        return self.parser.sentence(aid, sentence.start, sentence.text)
