"""Decide which figures are claims and describe them from the dependency parse.

The characters alone cannot tell "in 2014" from "2014 people" or "two" in "two
people died" from "one of the two"; the parse can. What the figure counts, what
happened to it and where are read off the tree so alignment can compare
"1,730 soldiers surrendered" with "1,730 troops laid down their arms".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from parallax.extract.numbers import Figure, find_figures
from parallax.lexicon.outcomes import NOMINAL_ADJECTIVES

_NOUNS = ("NOUN", "PROPN")
_COUNTED_MODS = ("amod", "compound", "nmod", "poss", "nummod", "quantmod", "case")
_CONTEXT_LABELS = ("GPE", "LOC", "FAC", "ORG", "EVENT")
_PREDICATE_PREPS = ("to", "into", "in", "at", "from", "on", "by", "off", "out")
_NAME_ENTS = ("ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "FAC", "LAW", "GPE", "PERSON")
_MODALS = frozenset(["can", "could", "may", "might"])
_PURPOSE_OPENING = re.compile(r"for\s+(?:\w+\s+){1,4}to\s+\w+", re.IGNORECASE)
_DROP_AUX = ("have", "has", "had", "'ve", "’ve", "been")


@dataclass(frozen=True)
class FigureInContext:
    """A figure accepted as a claim, with what the parse says about it."""

    figure: Figure
    span: Span
    counted: str | None
    predicate: str | None
    context_spans: tuple[tuple[int, int, str], ...]


def _between_figures_only(span: Span) -> bool:
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None

    def numeric(t: Token | None) -> bool:
        return t is not None and (t.like_num or t.text in ("%",)) and t.sent == span.sent

    return numeric(before) or (numeric(after) and after is not None and after.like_num)


def _next_token(span: Span) -> Token | None:
    doc = span.doc
    return doc[span.end] if span.end < len(doc) else None


def _is_claim(fig: Figure, span: Span) -> bool:
    """Reject years, lone number words, questions and debris that the parse exposes."""
    sent = span.sent
    if sent.text.rstrip().rstrip("\"”’'").endswith("?"):
        return False  # a question asserts nothing
    if not any(t.pos_ in ("VERB", "AUX") for t in sent) and sum(t.like_num for t in sent) >= 3:
        return False  # verbless runs of numbers: tickers, widgets, tables
    doc = span.doc
    if (
        span.start == 0
        and "\n" not in doc.text
        and doc.text.rstrip()[-1:] not in '.!?"”'
        and fig.kind == "count"
        and fig.qualifier is None
        and fig.value is not None
        and fig.value <= 20
    ):
        return False  # listicle headline: "4 key takeaways from ..."
    if re.match(
        r"(?:for example|for instance|in our example|suppose|imagine|say)\b",
        sent.text.lstrip(),
        re.IGNORECASE,
    ):
        return False  # worked examples illustrate; they do not report
    first = span[0]
    if (
        fig.unit is None
        and fig.qualifier is None
        and first.i > 0
        and (
            (doc[first.i - 1].pos_ == "PROPN" and first.ent_type_ in _NAME_ENTS)
            or (first.head.i < first.i and first.head.pos_ == "PROPN" and first.dep_ == "nummod")
        )
    ):
        return False  # "S&P 500", "Boeing 737": a number after a proper noun names it
    if sent.text.strip(" -−+\n") == doc.text[fig.start : fig.end].strip(" -−+"):
        return False  # a number alone: ticker or widget debris
    if _between_figures_only(span):
        return False  # "94% 6%": figures side by side are a table or widget, not prose
    if len(sent) > 25 and not any(t.pos_ in ("VERB", "AUX") for t in sent):
        return False  # long verbless runs: menus, country lists, link farms
    if any(
        t.lower_ == "if" and t.dep_ == "mark" and t.head.dep_ in ("advcl", "ROOT") for t in sent
    ) or _PURPOSE_OPENING.match(sent.text.lstrip()):
        return False  # conditionals and "For X to Y, ..." set up hypotheticals
    if fig.vague and any(
        c.dep_ == "aux" and c.lower_ in _MODALS
        for c in (_governing_verb(span.root) or span.root).children
    ):
        return False  # "millions of jobs can be lost" states no amount
    nxt = _next_token(span)
    plural_follows = nxt is not None and (nxt.tag_ in ("NNS", "NNPS") or nxt.lower_ == "of")
    if fig.year_like:
        if fig.qualifier is not None:
            return True
        return (
            nxt is not None
            and nxt.tag_ in ("NNS", "NNPS")
            and not any(t.ent_type_ == "DATE" for t in span)
        )
    if fig.bare_word:
        root = span.root
        prev = doc[span.start - 1].lower_ if span.start > 0 else ""
        if prev in ("the", "these", "those", "last", "past", "next", "previous", "first"):
            return False  # "the two countries", "the last two recessions": reference, not count
        return plural_follows or (root.dep_ == "nummod" and root.head.tag_ in ("NNS", "NNPS"))
    small_count = fig.value is not None and fig.kind == "count" and fig.qualifier is None
    return not (
        small_count
        and fig.value is not None
        and fig.value <= 31
        and any(t.ent_type_ in ("DATE", "TIME") for t in span)
    )


def _counted_head(span: Span) -> Token | None:
    root = span.root
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = [c for c in child.children if c.dep_ == "pobj"]
            if pobj:
                return pobj[0]
    head = root
    for _ in range(3):
        if head.dep_ in ("nummod", "quantmod", "compound", "amod", "npadvmod") and (
            head.head.pos_ in _NOUNS
        ):
            head = head.head
            if head.i >= span.end:
                return head
        else:
            break
    return None


def _counted_text(noun: Token, span: Span) -> str:
    toks = [
        t
        for t in noun.lefts
        if t.dep_ in _COUNTED_MODS
        and not (span.start <= t.i < span.end)
        and t.pos_ != "NUM"
        and t.dep_ != "case"
        and t.i > span.end - 1
    ]
    start = min([t.left_edge.i for t in toks if t.left_edge.i >= span.end] + [noun.i])
    return noun.doc[start : noun.i + 1].text


def _governing_verb(tok: Token) -> Token | None:
    cur = tok
    for _ in range(5):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("amod", "aux", "auxpass"):
            return cur
        if cur.head is cur:
            return None
        cur = cur.head
    return None


def _predicate(verb: Token, anchor: Token) -> str:
    picked: list[Token] = []
    for child in verb.children:
        if (
            child.dep_ in ("auxpass", "neg")
            or (child.dep_ == "aux" and child.lower_ not in _DROP_AUX and child.i < verb.i)
            or child.dep_ in ("prt", "acomp")
        ):
            picked.append(child)
        elif (
            child.dep_ in ("dobj", "attr")
            and child.i > verb.i
            and child != anchor
            and not (anchor.is_ancestor(child) or child.is_ancestor(anchor))
        ):
            picked.extend(t for t in child.subtree if t.i - child.i < 4)
    picked.append(verb)
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in _PREDICATE_PREPS and child.i > verb.i:
            pobj = [c for c in child.children if c.dep_ == "pobj"]
            if pobj and not pobj[0].is_ancestor(anchor) and pobj[0] != anchor:
                picked.append(child)
                picked.extend(t for t in pobj[0].subtree if abs(t.i - pobj[0].i) <= 3)
                break
    picked = sorted(set(picked), key=lambda t: t.i)
    return " ".join(t.text for t in picked if not t.is_punct or t.text in "-/")


def _nominal_adjective(doc: Doc, span: Span) -> str | None:
    if span.end < len(doc) and doc[span.end].lower_ in NOMINAL_ADJECTIVES:
        return doc[span.end].text
    return None


def describe(doc: Doc, fig: Figure) -> FigureInContext | None:
    span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
    if span is None or len(span) == 0 or not _is_claim(fig, span):
        return None
    noun = _counted_head(span)
    counted = _counted_text(noun, span) if noun is not None else _nominal_adjective(doc, span)
    anchor = noun if noun is not None else span.root
    verb = _governing_verb(anchor)
    predicate = _predicate(verb, anchor) if verb is not None else None
    sent = span.sent
    ctx: list[tuple[int, int, str]] = []
    for ent in sent.ents:
        if ent.label_ not in _CONTEXT_LABELS:
            continue
        if ent.start < span.end and span.start < ent.end:
            continue
        ctx.append((ent.start_char, ent.end_char, ent.text))
    return FigureInContext(fig, span, counted, predicate, tuple(ctx))


def figures_in(doc: Doc) -> list[FigureInContext]:
    """Claim-worthy figures of one parsed paragraph."""
    out: list[FigureInContext] = []
    for fig in find_figures(doc.text):
        described = describe(doc, fig)
        if described is not None:
            out.append(described)
    return out
