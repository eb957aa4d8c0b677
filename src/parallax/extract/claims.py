"""Per-article and per-event claim extraction: the stage's public entry points."""

from __future__ import annotations

from collections.abc import Sequence

from parallax.extract.attribution import Attributor, owner_speaker, pick_speaker
from parallax.extract.dates import infer_dates
from parallax.extract.figures import figures_in
from parallax.extract.speakers import normalise_speakers
from parallax.extract.timing import claim_as_of
from parallax.models import Article, Claim
from parallax.nlp.pipeline import Paragraph, parse_articles, sentences_of


def claims_from_paragraphs(article: Article, paragraphs: Sequence[Paragraph]) -> list[Claim]:
    """Claims of one parsed article; ``as_of`` uses ``article.published`` as it stands."""
    attributor = Attributor()
    claims: list[Claim] = []
    for para in paragraphs:
        doc, off = para.doc, para.offset
        speakers = attributor.paragraph(doc, off)
        for item in figures_in(doc):
            span = item.span
            sent = span.sent
            stext = sent.text.strip()
            s_start = off + sent.start_char + sent.text.index(stext)
            c_start, c_end = off + item.figure.start, off + item.figure.end
            spk = pick_speaker(speakers.get(sent.start, []), span.root) or owner_speaker(
                span.root, off
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
                )
            )
    assign_as_of(article, claims)
    return claims


def assign_as_of(article: Article, claims: Sequence[Claim] | None = None) -> None:
    """(Re)compute ``as_of`` once the article date is known or has been inferred."""
    for c in article.claims if claims is None else claims:
        sent = article.text[c.sent_start : c.sent_end]
        c.as_of, c.as_of_basis = claim_as_of(sent, c.char_start - c.sent_start, article.published)


def extract_article(article: Article) -> Article:
    """Fill sentences and claims of a single article (no cross-article inference)."""
    return extract_event([article], infer=False, normalise=False)[0]


def extract_event(
    articles: Sequence[Article], *, infer: bool = True, normalise: bool = True
) -> list[Article]:
    """Fill sentences and claims, infer missing dates from siblings, unify speaker names."""
    parsed = parse_articles(articles)
    for art, paras in zip(articles, parsed, strict=True):
        art.sentences = sentences_of(paras)
        art.claims = claims_from_paragraphs(art, paras)
    if infer:
        undated = [a for a in articles if a.published is None]
        infer_dates(articles)
        for art in undated:
            if art.published is not None:
                assign_as_of(art)
    if normalise:
        normalise_speakers(articles)
    return list(articles)
