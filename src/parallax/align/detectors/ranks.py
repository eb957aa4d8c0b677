"""Rankings outlets give differently: "the fourth deadliest in India" against "India's
worst train disaster in decades" and "one of the worst railway accidents".

A ranking carries no figure, so facts never see it, and its sentences are about
different things (a station, a death toll, a mother's grief), so topics never
pair them; yet how big, how deadly or how watched an event was is among the
first things outlets disagree on. A ranking is a superlative ("deadliest",
"most-watched") hung on a noun ("railway disaster", "Super Bowl"), with its
rank: an ordinal before it ("fourth", "second-most"), "one of the" (among the
top, no rank), or neither (first). Rankings of one thing are those whose
superlative and noun read alike (MiniLM cosine of "deadliest railway disaster"
and "worst train accident"); when at least two voices rank one thing and the
ranks differ, the thing becomes a question with one answer group per rank. The
answers may all hold ("one of the worst" does not exclude "the worst"; "in
decades" and "on record" measure against different spans), so the explanation
lays them side by side instead of picking one.

Cost: only sentences with a superlative-looking word (a regex) are parsed, from
the memory of extraction's parses, and one embedding batch of short phrases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc, Token

from parallax.align.citing import span_answer
from parallax.align.cluster import agglomerate
from parallax.align.context import EventContext
from parallax.align.grouping import MIN_VOICES, buckets, enough_voices, first_per
from parallax.align.text import commonest, cued_sentences
from parallax.schema import QuestionAnswer, QuestionKind

#: Cosine from which two ranked phrases name one thing ("deadliest railway disaster",
#: "worst railway accidents").
SAME_THING = 0.7
#: Longest answer, in words, cut from the superlative's phrase.
_MAX_WORDS = 14

_CUE = re.compile(r"\b(?:most[\s-]+\w+|worst|best|\w{3,}est)\b", re.IGNORECASE)
#: Superlatives of time or quantity, not rank: "the latest report", "at least 261".
_NOT_RANK = frozenset({"latest", "least", "most", "earliest", "soonest", "fewest", "closest"})
_ORDINALS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
#: A ranking bounded in time: "since 1969", "in decades", "in more than five decades",
#: "for decades", "in the last 15 years", "in a generation".
_STRETCH = re.compile(
    r"\bsince\b|\b(?:in|for|over)\s+(?:the\s+)?(?:(?:last|past)\s+)?(?:more\s+than\s+)?"
    r"(?:\w+\s+)?(?:decades?|years|generations?|centur(?:y|ies))\b",
    re.IGNORECASE,
)
_ORDINAL_NUM = re.compile(r"^(\d+)(?:st|nd|rd|th)$", re.IGNORECASE)
#: Words that make "X of the worst ..." a member of the top, not the first.
_SOME = frozenset({"one", "some", "several", "two", "three", "few", "many"})
#: Rank of "one of the worst": among the top, unnumbered.
AMONG = 0
#: Rank of "the most-watched since 2017": first over a stretch of time only.
SINCE = -1


@dataclass(frozen=True)
class Ranking:
    """One superlative claim: which thing, ranked how, in which words."""

    aid: str
    voice: str
    #: What is ranked ("railway disaster"), its noun in the singular.
    thing: str
    #: The superlative with it ("deadliest railway disaster").
    phrase: str
    #: 1 for "the worst", n for "the n-th worst", ``AMONG`` for "one of the worst",
    #: ``SINCE`` for "the worst since 1995".
    rank: int
    #: The name it is said of ("Mariupol, the second-largest city"), if any.
    holder: str | None
    start: int
    end: int


def _superlative(tok: Token) -> Token | None:
    """The adjective that carries the superlative: "deadliest", or "watched" of "most-watched"."""
    if tok.tag_ == "JJS" and tok.lower_ not in _NOT_RANK:
        return tok
    if (
        tok.tag_ == "RBS"
        and tok.lower_ == "most"
        and tok.head.pos_ in ("ADJ", "VERB")
        and tok.head.i > tok.i
    ):
        return tok.head
    return None


def _rank(doc: Doc, first: int, noun: Token) -> int:
    """The rank the words right before a superlative give it ("fourth", "second-most"), or
    ``AMONG`` when its noun phrase hangs on "one of" / "among" ("one of the world's worst")."""
    k = first - 1
    while k >= 0 and doc[k].text in ("-", "–"):
        k -= 1
    if k >= 0:
        word = doc[k].lower_
        if word in _ORDINALS:
            return _ORDINALS[word]
        m = _ORDINAL_NUM.match(word)
        if m:
            return int(m.group(1))
    for node in (noun, noun.head):
        if node.dep_ == "pobj" and node.head.lower_ in ("of", "among"):
            prep = node.head
            if prep.lower_ == "among" or prep.head.lower_ in _SOME:
                return AMONG
    words = [t.lower_ for t in doc[max(0, first - 3) : first]]
    return AMONG if re.search(r"\bone of\b|\bamong\b", " ".join(words)) else 1


def _ranked_noun(adj: Token) -> Token | None:
    """The noun a superlative ranks: its head for "the deadliest disaster", the noun it is
    set beside for "the crash, the fourth deadliest in India"."""
    if adj.dep_ in ("amod", "compound", "nmod", "appos") and adj.head.pos_ in ("NOUN", "PROPN"):
        return adj.head
    for child in adj.children:
        if child.dep_ in ("compound", "npadvmod") and child.pos_ in ("NOUN", "PROPN"):
            return child
    return None


def _ranking_at(doc: Doc, tok: Token) -> tuple[str, str, int, int, int, str | None] | None:
    """(thing, phrase, rank, first char, end char, holder) of the superlative at ``tok``."""
    adj = _superlative(tok)
    if adj is None:
        return None
    noun = _ranked_noun(adj)
    if noun is None or (adj.dep_ != "appos" and noun.dep_ in ("nsubj", "nsubjpass")):
        # "The most-watched Super Bowl ever was in 2014": the phrase names the
        # record holder, it does not rank the story's event.
        return None
    first = min(tok.i, adj.i)
    if any(t.like_num and t.lower_ not in _ORDINALS for t in doc[max(0, first - 2) : first]):
        return None  # "the 10 warmest years since 1850": a list, not a rank of it
    rank = _rank(doc, first, noun)
    if noun.tag_ in ("NNS", "NNPS") and rank != AMONG and noun.i > adj.i:
        return None  # "the warmest years": several things, none of them ranked
    lead = first
    while lead > 0 and doc[lead - 1].lower_ in ("the", "-", "one", "of", *_ORDINALS):
        lead -= 1
    compounds = [t for t in noun.subtree if t.i < noun.i and t.i != adj.i and t.dep_ == "compound"]
    thing = " ".join(t.text if t.pos_ == "PROPN" else t.lower_ for t in [*compounds, noun])
    if noun.pos_ != "PROPN":
        thing = thing.removesuffix(noun.lower_) + noun.lemma_.lower()
    most = "most " if tok.lower_ == "most" else ""
    end = max(noun.i, adj.i)
    # The answer runs on through the phrase that scopes the ranking ("in decades",
    # "on record", "in India according to ..."), to the clause's next verb or comma.
    stop = end + 1
    while stop < len(doc) and stop - lead < _MAX_WORDS:
        t = doc[stop]
        if (t.is_punct and t.text not in ("-", "’", "'")) or t.pos_ == "CCONJ":
            break
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "acl"):
            break
        stop += 1
    if rank == 1 and _STRETCH.search(doc[end + 1 : stop].text):
        # "the most-watched Super Bowl since 2017", "the worst in decades": first
        # over a stretch of time only.
        rank = SINCE
    span = doc[lead:stop]
    return (
        thing,
        f"{most}{adj.lower_} {thing}",
        rank,
        span.start_char,
        span.end_char,
        _holder(adj, noun),
    )


def _holder(adj: Token, noun: Token) -> str | None:
    """The name a ranking is said of: "Mariupol, the second-largest city", "China is the
    biggest market"; None when it ranks the story's own event or an unnamed thing."""
    holder: Token | None = None
    if noun.dep_ == "appos" or adj.dep_ == "appos":
        holder = (noun if noun.dep_ == "appos" else adj).head
    elif noun.dep_ == "attr":
        holder = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if holder is None or holder.pos_ != "PROPN":
        return None
    return " ".join(t.text for t in holder.subtree if t.pos_ == "PROPN" and t.i <= holder.i)


def find_rankings(ctx: EventContext) -> list[Ranking]:
    """Every superlative that ranks a thing, in every original English article."""
    out: list[Ranking] = []
    for art, sent in cued_sentences(ctx.articles, _CUE):
        doc = ctx.parse(art.aid, sent)
        # The parse may keep whitespace the sentence's offsets trim.
        shift = sent.start - (len(doc.text) - len(doc.text.lstrip()))
        seen: set[tuple[str, int]] = set()
        for tok in doc:
            found = _ranking_at(doc, tok)
            if found is None:
                continue
            thing, phrase, rank, start, end, holder = found
            if (phrase, start) in seen:
                continue
            seen.add((phrase, start))
            out.append(
                Ranking(
                    aid=art.aid,
                    voice=ctx.voice(art.aid),
                    thing=thing,
                    phrase=phrase,
                    rank=rank,
                    holder=holder,
                    start=shift + start,
                    end=shift + end,
                )
            )
    return out


def _plural(noun: str) -> str:
    """ "railway disaster" -> "railway disasters": the thing ranked, asked of in the plural."""
    if re.search(r"(?:s|x|z|ch|sh)$", noun):
        return noun + "es"
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    return noun + "s"


def _label(rank: int) -> str:
    if rank == AMONG:
        return "among the top, unnumbered"
    if rank == SINCE:
        return "first since a given time"
    if rank == 1:
        return "first"
    named = {v: k for k, v in _ORDINALS.items()}.get(rank)
    if named:
        return named
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix}"


def _question(ctx: EventContext, members: list[Ranking]) -> QuestionAnswer | None:
    """The question of one thing several voices rank, when their ranks differ."""
    by_rank = buckets(members, lambda r: r.rank)
    if len(by_rank) < 2:
        return None
    groups = []
    said = []
    for rank in sorted(by_rank, key=lambda k: (k <= AMONG, abs(k))):
        # One answer per voice and rank.
        answers = first_per(by_rank[rank], lambda r: r.voice)
        groups.append([span_answer(ctx.by_aid[r.aid].text, r.aid, r.start, r.end) for r in answers])
        outlets = sorted({ctx.outlet(r.aid) for r in by_rank[rank]})
        said.append(f"{_label(rank)} ({', '.join(outlets)})")
    thing = _plural(commonest([r.thing for r in members]))
    ranked = [k for k in by_rank if k > AMONG]
    return QuestionAnswer(
        question=f"Where does it rank among {thing}?",
        kind="factual_conflict" if len(ranked) >= 2 else "framing",
        answer_groups=groups,
        explanation=(
            f"The outlets rank it differently: {'; '.join(said)}. Rankings can "
            "measure against different spans ('in decades', 'on record') or "
            "lists, and 'one of the' does not exclude first; read them side by side."
        ),
    )


class Ranks:
    """A thing that two voices rank differently."""

    name = "ranks"
    kinds: tuple[QuestionKind, ...] = ("factual_conflict", "framing")

    def find(self, ctx: EventContext) -> list[QuestionAnswer]:
        rankings = find_rankings(ctx)
        if len(rankings) < 2:
            return []
        n = len(rankings)
        vectors = ctx.embed([r.thing for r in rankings] + [r.phrase for r in rankings])
        things, phrases = vectors[:n], vectors[n:]
        # One thing, ranked on one scale: "the most-streamed Super Bowl" is not ranked
        # against "the third most-watched Super Bowl", nor the halftime show against the
        # game. "Mariupol, the second-largest city" and "Donetsk, the largest city" rank
        # two cities.
        sims = np.minimum(things @ things.T, phrases @ phrases.T).astype(np.float64)
        holders = np.array([r.holder or "" for r in rankings])
        named = holders != ""
        sims[named[:, None] & named[None, :] & (holders[:, None] != holders[None, :])] = -np.inf
        out = []
        for group in agglomerate(sims, SAME_THING):
            members = [rankings[i] for i in group]
            if enough_voices(members, lambda r: r.voice, MIN_VOICES):
                qa = _question(ctx, members)
                if qa is not None:
                    out.append(qa)
        return out
