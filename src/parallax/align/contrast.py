"""Steps the detectors of differences in words share: causes, certainty, polarity.

Each of them reads a cue from the parse of a few sentences (those a regular
expression picks), gathers the statements of several voices about one thing, and
makes one answer group per side. These are the parts they have in common: which
sentences to parse, a short noun phrase for a question, whether each side has its
own claimants, and the explanation's list of who says what.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from spacy.tokens import Doc, Token

from parallax.align.context import EventContext, Statement
from parallax.align.text import article_sentences, content_words

#: Longest noun phrase, in tokens, a question is phrased with.
_MAX_NP = 7
_QUOTE_MAX = 60


def statements_by_sentence(
    ctx: EventContext, cue: re.Pattern[str]
) -> Iterator[tuple[Statement, Doc]]:
    """The statements of original English articles that match ``cue``, with their parse.

    A wire copy speaks with its original's voice and says nothing the original does not.
    """
    for s in ctx.statements:
        art = ctx.by_aid.get(s.aid)
        if art is None or art.duplicate_of or (art.language or "en") != "en":
            continue
        if cue.search(s.text):
            yield s, ctx.parser.sentence(s.aid, s.start, s.text)


def stem(word: str) -> str:
    """A crude stem for matching a word across its forms ("implosion" / "imploded")."""
    return word.lower()[:5]


def event_words(ctx: EventContext) -> frozenset[str]:
    """Content words that at least half of the voices use in their headline or first
    sentence: what the story itself is ("quake", "crash"), as ``content_words`` spells them."""
    per_voice: dict[str, set[str]] = {}
    for art in ctx.articles:
        if art.duplicate_of:
            continue
        sents = article_sentences(art)
        lede = " ".join([art.title or "", sents[0].text if sents else ""])
        per_voice.setdefault(ctx.voice(art.aid), set()).update(content_words(lede))
    if len(per_voice) < 2:
        return frozenset()
    counts: dict[str, int] = {}
    for words in per_voice.values():
        for w in words:
            counts[w] = counts.get(w, 0) + 1
    return frozenset(w for w, n in counts.items() if 2 * n >= len(per_voice))


def noun_phrase(tok: Token) -> str:
    """A short phrase for the noun at ``tok`` ("the accident", "the temperature rise"):
    its whole subtree when short, else the noun with the words right before it."""
    if tok.pos_ in ("VERB", "AUX"):
        return ""
    words = list(tok.subtree)
    if len(words) > _MAX_NP:
        words = [t for t in tok.lefts if t.dep_ in ("det", "poss", "amod", "compound", "nmod")]
        words = [x for t in words for x in t.subtree] + [tok]
        words.sort(key=lambda t: t.i)
    words = [t for t in words if not t.is_punct or t.text in ("-", "'s", "’s")]
    if not words or len(words) > _MAX_NP:
        return ""
    text = " ".join(t.text for t in words).replace(" 's", "'s").replace(" ’s", "’s")
    first = words[0]
    if first.pos_ != "PROPN" and not first.text.isupper():
        text = text[:1].lower() + text[1:]
    return text


def components(n: int, links: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Connected components of ``n`` items under ``links``, each sorted, ordered by their
    first member. Sides of a difference are read this way (single linkage): a chain of
    "same" answers is one side, so a question never splits what one pair joins."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in links:
        parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=min)


def stated_by_claimants(groups: Sequence[Sequence[Statement]]) -> bool:
    """Whether every side is attributed, each to claimants of its own."""
    sources = [{s.source for s in g if s.source} for g in groups]
    return all(sources) and all(
        a.isdisjoint(b) for k, a in enumerate(sources) for b in sources[k + 1 :]
    )


def describe_groups(ctx: EventContext, groups: Sequence[Sequence[tuple[Statement, str]]]) -> str:
    """ "afp, bbc: 'human error'; tass: 'sabotage'": who gives which side, in their words."""
    parts = []
    for g in groups:
        outlets = ", ".join(sorted({ctx.outlet(s.aid) for s, _ in g}))
        said = g[0][1]
        if len(said) > _QUOTE_MAX:
            said = said[:_QUOTE_MAX].rsplit(" ", 1)[0] + " …"
        parts.append(f"{outlets}: '{said}'")
    return "; ".join(parts)
