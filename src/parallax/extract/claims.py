"""Per-article and per-event claim extraction: the stage's public entry points."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from spacy.tokens import Doc

from parallax.extract.attribution import (
    Attributor,
    Speaker,
    estimate_owner,
    owner_speaker,
    pick_speaker,
)
from parallax.extract.dates import infer_dates
from parallax.extract.figures import FigureInContext, figures_in
from parallax.extract.frames import Frame, frame_of
from parallax.extract.mentions import Mentions
from parallax.extract.ranges import link_ranges
from parallax.extract.speakers import normalise_speakers
from parallax.extract.timing import claim_as_of
from parallax.lexicon.speech import REPORTING_LEMMAS
from parallax.models import Article, Claim, Sentence
from parallax.nlp.pipeline import (
    Paragraph,
    SentenceParser,
    paragraph_sentences,
    parse_articles,
)


def claims_from_paragraphs(article: Article, paragraphs: Sequence[Paragraph]) -> list[Claim]:
    """Claims of one parsed article; ``as_of`` uses ``article.published`` as it stands."""
    attributor = Attributor()
    mentions = Mentions()
    claims: list[Claim] = []
    for para in paragraphs:
        doc, off = para.doc, para.offset
        speakers = attributor.paragraph(doc, off)
        mentions.see(doc, off)
        framed: list[tuple[FigureInContext, Frame]] = []
        for item in figures_in(doc):
            frame = frame_of(item, mentions.resolver(off), framed)
            framed.append((item, frame))
            span = item.span
            sent = span.sent
            stext = sent.text.strip()
            s_start = off + sent.start_char + sent.text.index(stext)
            c_start, c_end = off + item.figure.start, off + item.figure.end
            spk = (
                estimate_owner(span.root, off)
                or pick_speaker(speakers.get(sent.start, []), span.root)
                or owner_speaker(span.root, off, attributor.resolve)
                or paragraph_speaker(doc, speakers, sent.start)
            )
            fig = item.figure
            claims.append(
                Claim(
                    id=f"{article.aid}:{c_start}-{c_end}",
                    aid=article.aid,
                    sent_start=s_start,
                    sent_end=s_start + len(stext),
                    char_start=c_start,
                    char_end=c_end,
                    text=article.text[c_start:c_end],
                    value=fig.value,
                    value_high=fig.value_high,
                    unit=fig.unit,
                    kind=fig.kind,
                    qualifier=fig.qualifier,
                    vague=fig.vague,
                    counted=item.counted,
                    predicate=item.predicate,
                    context=list(dict.fromkeys(t for _, _, t in item.context_spans)),
                    source=spk.text if spk else None,
                    source_span=(spk.start, spk.end) if spk else None,
                    measure=frame.measure,
                    measure_phrase=frame.measure_phrase,
                    holder=frame.holder[2] if frame.holder else None,
                    holder_span=_shift(frame.holder, off),
                    place=frame.place[2] if frame.place else None,
                    place_span=_shift(frame.place, off),
                    status=frame.status,
                )
            )
    link_ranges(article.text, claims)
    assign_as_of(article, claims)
    return claims


def _shift(mention: tuple[int, int, str] | None, offset: int) -> tuple[int, int] | None:
    return (mention[0] + offset, mention[1] + offset) if mention else None


# Speakers that are documents or quantities rather than agents ("Friday's report").
_NOT_AGENTS = frozenset(["report", "reports", "data", "figures", "jobs", "numbers", "findings"])


def paragraph_speaker(
    doc: Doc, speakers: dict[int, list[tuple[int, Speaker]]], sent_start: int
) -> Speaker | None:
    """A paragraph is one source's account: "X said on Tuesday. The toll rose to 288." and
    "At least 275 were killed. The toll was revised down from 288, said X." both give X's
    figures, so a sentence with no speaker of its own takes the nearest one in its
    paragraph, the one before it first. Only a named source reporting facts carries
    over: "analysts expect", "polls show" and "the findings said" speak for themselves."""

    def carries(pair: tuple[int, Speaker]) -> bool:
        vi, spk = pair
        if not (spk.named or spk.person) or vi < 0:
            return False
        if spk.text.split()[-1].lower() in _NOT_AGENTS:
            return False
        verb = doc[vi]
        return verb.lemma_.lower() in REPORTING_LEMMAS or verb.lower_ in REPORTING_LEMMAS

    before = [p for k, ps in speakers.items() if k < sent_start for p in ps if carries(p)]
    if before:
        return before[-1][1]
    after = [p for k, ps in sorted(speakers.items()) if k > sent_start for p in ps if carries(p)]
    return after[0][1] if after else None


# "That day, the ministry counted 1.27 million": the day is the one the sentence before names.
_ANAPHORIC_TIME = re.compile(
    r"\b(?:that|the same) (?:day|date|morning|evening|night)\b|\bat the time\b", re.IGNORECASE
)


def _previous_sentence(article: Article, start: int) -> Sentence | None:
    """The sentence before, if it is in the same paragraph (no blank line between)."""
    prev = None
    for s in article.sentences:
        if s.start >= start:
            break
        prev = s
    if prev is None or "\n\n" in article.text[prev.end : start].replace("\r", ""):
        return None
    return prev


def assign_as_of(
    article: Article, claims: Sequence[Claim] | None = None, anchor: dt.date | None = None
) -> None:
    """(Re)compute ``as_of`` once the article date is known or has been inferred."""
    todo = article.claims if claims is None else claims
    for c in todo:
        sent = article.text[c.sent_start : c.sent_end]
        others = [
            o.char_start - c.sent_start
            for o in todo
            if o.sent_start == c.sent_start and o.char_start != c.char_start
        ]
        c.as_of, c.as_of_basis = claim_as_of(
            sent,
            c.char_start - c.sent_start,
            article.published,
            others=others,
            anchor=anchor,
        )
        if _ANAPHORIC_TIME.search(sent) and c.as_of_basis in ("article date", None):
            prev = _previous_sentence(article, c.sent_start)
            if prev is not None:
                got, why = claim_as_of(prev.text, len(prev.text), article.published, anchor=anchor)
                if got is not None and why != "article date":
                    c.as_of, c.as_of_basis = got, f"{why}, from the previous sentence"


def extract_article(article: Article) -> Article:
    """Sentences and claims of a single article (no cross-article inference), on a copy."""
    return extract_event([article], infer=False, normalise=False)[0]


def extract_event(
    articles: Sequence[Article], *, infer: bool = True, normalise: bool = True
) -> list[Article]:
    """Copies of the articles with sentences and claims, missing dates inferred from
    siblings and speaker names unified across the event."""
    return extract_parsed(articles, infer=infer, normalise=normalise)[0]


def extract_parsed(
    articles: Sequence[Article], *, infer: bool = True, normalise: bool = True
) -> tuple[list[Article], SentenceParser]:
    """``extract_event`` and the sentence parses it read, which alignment reuses.

    The caller's articles are left as they are: extraction fills copies.
    """
    parsed = parse_event(articles)
    parser = SentenceParser()
    for art, paras in parsed:
        parser.add(art.aid, paras)
    out = [art for art, _ in parsed]
    _complete(out, infer=infer, normalise=normalise)
    return out, parser


def parse_event(articles: Sequence[Article]) -> list[tuple[Article, list[Paragraph]]]:
    """Copies of the articles with their own sentences and claims, and their paragraph
    parses: the per-article part of extraction (a cache keeps both, per article)."""
    out = [a.model_copy(deep=True) for a in articles]
    parsed = parse_articles(out)
    for art, paras in zip(out, parsed, strict=True):
        art.sentences = paragraph_sentences(paras)
        art.claims = claims_from_paragraphs(art, paras)
    return list(zip(out, parsed, strict=True))


def complete_event(
    articles: Sequence[Article], *, infer: bool = True, normalise: bool = True
) -> list[Article]:
    """The cross-article part of ``extract_event``, on copies, for articles whose claims
    were extracted one by one (``extract_article``) before their event was known."""
    out = [a.model_copy(deep=True) for a in articles]
    _complete(out, infer=infer, normalise=normalise)
    return out


def _complete(out: list[Article], *, infer: bool, normalise: bool) -> None:
    """Infer missing dates from siblings and unify speaker names, on extraction's copies."""
    if infer:
        undated = [a for a in out if a.published is None]
        infer_dates(out)
        dates = sorted(a.published for a in out if a.published is not None)
        for art in undated:
            # Still undated: calendar expressions can still be placed, with the year of
            # the event's other articles.
            assign_as_of(art, anchor=None if art.published else (dates[-1] if dates else None))
    if normalise:
        normalise_speakers(out)
