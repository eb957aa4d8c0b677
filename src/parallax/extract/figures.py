"""Decide which figures are claims and describe them from the dependency parse.

The characters alone cannot tell "in 2014" from "2014 people" or "two" in "two
people died" from "one of the two"; the parse can. What the figure counts, what
happened to it and where are read off the tree so alignment can compare
"1,730 soldiers surrendered" with "1,730 troops laid down their arms".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from parallax.extract.numbers import Figure, find_figures
from parallax.lexicon.numbers import COMPOUND_COUNTS, COMPOUND_UNITS, ORDINALS
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
    #: In a list of name-number pairs ("the Tories 117"), the name the number goes with.
    like_name: Token | None = None

    @property
    def root(self) -> Token:
        return figure_root(self.span)


def figure_root(span: Span) -> Token:
    """The number token that heads the figure: in "An estimated 1.27 million people" the
    parse hangs "An", "estimated" and "million" each on "people", and ``span.root``
    may be any of them."""
    for tok in reversed(span):
        if tok.like_num and not (span.start <= tok.head.i < span.end):
            return tok
    return span.root


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


_TIME_NOUNS = frozenset(v for v in COMPOUND_UNITS.values() if v.endswith(("s",))) | frozenset(
    ["hours", "days", "weeks", "months", "years", "minutes", "decades"]
)
_ARGUMENT_DEPS = ("dobj", "nsubj", "nsubjpass", "attr")


def _listed_after_name(span: Span, prior: list[FigureInContext]) -> FigureInContext | None:
    """ "Labour have 410 seats, the Tories 117, SNP eight and others 33": after a first
    figure with its noun, a list of name-number pairs leaves the verb and the noun out.
    The number follows a name and ends its list item; the earlier figure of the same
    sentence gives the noun. "S&P 500 fell" and "Boeing 737 crashed" continue with a
    verb, not with the next item of a list."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].pos_ not in ("PROPN", "NOUN"):
        return None
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.sent == span.sent and nxt.text not in (",", ";", ".", ")", "and"):
        return None
    earlier = [
        p for p in prior if p.span.sent == span.sent and p.counted and p.span.end < span.start
    ]
    if not earlier:
        return None
    between = doc[earlier[-1].span.end : span.start]
    if not any(t.text in (",", ";") or t.lower_ == "and" for t in between):
        return None
    return earlier[-1]


def _parallel_object(span: Span, prior: list[FigureInContext]) -> FigureInContext | None:
    """ "Labour took 412 seats and the Conservatives won 121", "the NFP in the lead with
    182 seats, followed by Macron's centrists on 168": a bare count that is an argument
    (object, object of a preposition, conjunct) after a counted figure of the same
    sentence counts what that figure counts; the noun is not written twice."""
    root = figure_root(span)
    if root.dep_ not in ("dobj", "pobj", "conj", "appos"):
        return None
    for p in reversed(prior):
        if p.span.sent == span.sent and p.counted and p.figure.kind == "count":
            return p
    return None


def _duration_argument(span: Span) -> bool:
    """ "ended 14 years of Conservative rule", "the party's 14 years in power", "41 hours
    of oxygen": a span of time that is what the clause is about (its object or subject,
    a stretch of something, someone's time) is an amount; "in 14 days" and "the first 3
    months of the year" only date the clause."""
    head = span.root.head if span.root.dep_ == "nummod" else None
    if head is None or head.lower_ not in _TIME_NOUNS:
        return False
    doc = span.doc
    if head.dep_ in _ARGUMENT_DEPS:
        return True
    if span.start > 0 and doc[span.start - 1].tag_ == "POS":
        return True
    return any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") for g in c.children)
        for c in head.children
    )


def _superlative_before(tok: Token, window: int = 8) -> bool:
    """A superlative shortly before ("the largest rate hike since 1994")."""
    sent = tok.sent
    lo = max(sent.start, tok.i - window)
    return any(t.tag_ in ("JJS", "RBS") or t.lower_ == "first" for t in tok.doc[lo : tok.i])


def _record_year(span: Span) -> bool:
    """ "the biggest increase since 1994": a record's year is a figure outlets state
    and can differ on, unlike the year that dates an event."""
    doc = span.doc
    i = span.start - 1
    if i >= 0 and doc[i].ent_type_ == "DATE" and doc[i].lower_ != "since":
        i -= 1  # "since November 1994"
    return i >= 0 and doc[i].lower_ == "since" and _superlative_before(doc[i])


def _after_reference(span: Span) -> bool:
    """ "the two countries", "the last two recessions": a reference, not a count."""
    prev = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return prev in ("the", "these", "those", "last", "past", "next", "previous", "first")


def _subject_count(root: Token) -> bool:
    """ "seven voted in favour", "two died": a number word as a verb's subject counts
    the people who did it."""
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ == "VERB"


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
    if fig.year_like and fig.qualifier is None and _record_year(span):
        return True
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
        for c in (governing_verb(span.root) or span.root).children
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
        if _after_reference(span):
            return False
        return (
            plural_follows
            or _subject_count(root)
            or (root.dep_ == "nummod" and root.head.tag_ in ("NNS", "NNPS"))
        )
    small_count = fig.value is not None and fig.kind == "count" and fig.qualifier is None
    return not (
        small_count
        and fig.value is not None
        and fig.value <= 31
        and any(t.ent_type_ in ("DATE", "TIME") for t in span)
        and not _duration_argument(span)
    )


def _counted_head(span: Span) -> Token | None:
    root = figure_root(span)
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


def governing_verb(tok: Token) -> Token | None:
    cur = tok
    for _ in range(5):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("amod", "aux", "auxpass"):
            return cur
        if cur.head == cur:
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


def _compound_count(span: Span) -> str | None:
    """ "a five-person crew" counts people, not crews."""
    m = re.search(r"-(\w+)$", span.text)
    return COMPOUND_COUNTS.get(m.group(1).lower()) if m else None


def describe(
    doc: Doc, fig: Figure, prior: list[FigureInContext] | None = None
) -> FigureInContext | None:
    span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    prior = prior or []
    like = None
    like_name = None
    if fig.unit is None and fig.value is not None:
        like = _listed_after_name(span, prior)
        like_name = doc[span.start - 1] if like is not None else None
    if like is None and not _is_claim(fig, span):
        # "drop from 43 seats to just six": a number word standing alone where the
        # noun of the figure before it is left out.
        if not fig.bare_word or _after_reference(span):
            return None
        like = _parallel_object(span, prior)
        if like is None:
            return None
    if like is not None and sent_is_question(span):
        return None
    if fig.year_like and _record_year(span):
        fig = replace(fig, unit="year")
    noun = _counted_head(span) if like is None else None
    counted = _counted_text(noun, span) if noun is not None else _nominal_adjective(doc, span)
    counted = _compound_count(span) or counted
    if counted is None and like is None and fig.kind == "count":
        like = _parallel_object(span, prior)
    if like is not None:
        counted = like.counted
    anchor = noun if noun is not None else span.root
    verb = governing_verb(anchor)
    predicate = _predicate(verb, anchor) if verb is not None else None
    sent = span.sent
    ctx: list[tuple[int, int, str]] = []
    for ent in sent.ents:
        if ent.label_ not in _CONTEXT_LABELS:
            continue
        if ent.start < span.end and span.start < ent.end:
            continue
        ctx.append((ent.start_char, ent.end_char, ent.text))
    return FigureInContext(fig, span, counted, predicate, tuple(ctx), like_name)


def sent_is_question(span: Span) -> bool:
    return span.sent.text.rstrip().rstrip("\"”’'").endswith("?")


_ORDINAL_RE = re.compile(
    r"\b(?:" + "|".join(ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))\b", re.IGNORECASE
)


def _ranks(doc: Doc, text: str) -> list[Figure]:
    """ "the third most-watched Super Bowl", "the second-highest ratings": a rank is a
    figure outlets state and can differ on. The ordinal must qualify a superlative."""
    out: list[Figure] = []
    starts = {m.start() for m in _ORDINAL_RE.finditer(text)}
    if not starts:
        return out
    for tok in doc:
        if tok.idx not in starts:
            continue
        low = tok.lower_
        value = ORDINALS.get(low)
        if value is None and re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)", low):
            value = int(low[:-2])
        if value is None or value < 2:
            continue
        j = tok.i + 1
        while j < len(doc) and doc[j].text == "-":
            j += 1
        if j >= len(doc) or doc[j].tag_ not in ("JJS", "RBS"):
            continue
        end = doc[j]
        if end.lower_ in ("most", "least") and j + 1 < len(doc):
            k = j + 1
            while k < len(doc) and doc[k].text == "-":
                k += 1
            if k < len(doc) and doc[k].pos_ in ("ADJ", "VERB", "ADV"):
                end = doc[k]
        start = tok.idx
        out.append(
            Figure(
                start, end.idx + len(end), float(value), None, "rank", "count", None, False,
                False, False,
            )
        )  # fmt: skip
    return out


def figures_in(doc: Doc) -> list[FigureInContext]:
    """Claim-worthy figures of one parsed paragraph."""
    out: list[FigureInContext] = []
    text = doc.text
    found = find_figures(text)
    ranks = [
        r for r in _ranks(doc, text) if not any(f.start < r.end and r.start < f.end for f in found)
    ]
    for fig in sorted(found + ranks, key=lambda f: f.start):
        described = describe(doc, fig, out)
        if described is not None:
            out.append(described)
    return out
