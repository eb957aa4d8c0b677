"""Places located differently: one outlet's "Mariupol, located on the Sea of Azov" and
another's "the Black Sea port city of Mariupol".

Neither sentence shares a figure or a claim with the other, so facts and topics never
pair them, yet the two outlets tell the reader different things about where the place
is. A place X is *located* by a description that names another place Y:

* a reduced relative on X: "X, located on / situated in / lying near Y";
* an appositive place noun on X: "X, a city in Y", "X, a port on the Y";
* a preposition hung on X itself: "X, on the Y" (the parser attaches it to X);
* a pre-modifying location compound: "the Y port city of X", "the Y region of X".

Y must be a GPE or LOC entity, or a NORP adjective ("the Turkish city of X"). X may carry
any place-like entity label: the small model often tags towns as ORG ("Mariupol"), and
after "the city of" even PERSON or NORP, and the description itself says X is a place.
A possessive ("Turkey's Gaziantep") is not read: it names ownership as often as place.
X must be named by at least two voices (a wire copy speaks with its original's voice).
Two descriptions are the same when one's words contain the other's ("Ukraine" and
"eastern Ukraine"); when two voices locate X with different ones, X becomes a
factual-conflict question, one answer group per description. The descriptions may
both hold (a sea can be part of a larger one, a town lies in a region and a country),
so the explanation asks the reader to check rather than calling one wrong.

Cost: only sentences in one of these shapes (a regex) that also carry a capitalised
word at least two voices use are parsed, in one ``nlp.pipe`` batch: at most 8 on a
dev cluster (< 0.09 s with the model loaded). No dev cluster gets a place question; the seeds
get one (Mariupol: Sea of Azov / Black Sea).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from parallax.align.citing import span_answer
from parallax.align.context import EventContext
from parallax.align.grouping import MIN_VOICES, first_per
from parallax.align.text import MAX_ANSWER_CHARS, article_sentences, content_words
from parallax.models import Article, Sentence
from parallax.schema import QuestionAnswer, QuestionKind

#: Letters of a word that decide whether two descriptions name one place.
STEM = 3

#: Nouns that make an appositive or a compound a location ("a city in Y", "the Y city of X").
PLACE_NOUNS = frozenset(
    {
        "city", "town", "port", "village", "region", "province", "capital", "district",
        "state", "country", "island", "hub", "enclave", "peninsula", "municipality",
        "settlement", "county", "area", "suburb", "outskirts", "coast", "oblast",
    }
)  # fmt: skip
#: Verbs of a reduced relative that locates ("located on", "situated in").
LOCATING_VERBS = frozenset({"located", "situated", "lying", "nestled", "perched", "sitting"})
_LOCATING_PREPS = frozenset({"on", "in", "near", "by", "along", "at"})
_X_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG"})
#: After "the city of", even a name the model takes for a person or a people is the place.
_OF_X_LABELS = _X_LABELS | {"PERSON", "NORP"}
#: "the Turkish city of X" locates X as surely as "the city of X in Turkey".
_Y_LABELS = frozenset({"GPE", "LOC", "NORP"})

_NOUNS = "|".join(sorted(PLACE_NOUNS))
#: The shapes a description takes, to pick the few sentences worth a parse.
_CUE = re.compile(
    r"\b(?:" + "|".join(sorted(LOCATING_VERBS)) + r")\s+(?:on|in|near|by|along|at)\b"
    r"|,\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}(?:" + _NOUNS + r")\b"
    r"|[A-Z][\w'’-]+,\s+(?:on|in|near|by|along|at)\s+(?:the\s+)?[A-Z]"
    r"|\b(?:" + _NOUNS + r")\s+of\s+[A-Z]",
)
_CAPITAL = re.compile(r"\b[A-Z][a-z][\w'’-]+")


@dataclass(frozen=True)
class Location:
    """One outlet's description of where ``place`` is: ``where`` names the other place."""

    aid: str
    place: str
    where: str
    start: int  # article offsets of the cited span
    end: int


def _place_at(doc: Doc, tok: Token, labels: frozenset[str]) -> Span | None:
    for ent in doc.ents:
        if ent.start <= tok.i < ent.end and ent.label_ in labels:
            return ent
    return None


def _places_in(doc: Doc, start: int, end: int, skip: Span) -> list[Span]:
    """GPE/LOC entities wholly inside tokens [start, end), other than ``skip``."""
    return [
        e
        for e in doc.ents
        if e.label_ in _Y_LABELS and start <= e.start and e.end <= end and e.start != skip.start
    ]


def _descriptions(doc: Doc) -> list[tuple[Span, Span, int, int]]:
    """(X, Y, first token, last token + 1) for each description of a place X by a place Y."""
    out: list[tuple[Span, Span, int, int]] = []
    for tok in doc:
        x = _place_at(doc, tok, _OF_X_LABELS)
        if x is None or tok != x.root:
            continue
        for child in tok.rights if x.label_ in _X_LABELS else ():
            found: list[Span] = []
            if child.dep_ == "acl" and child.lower_ in LOCATING_VERBS:
                found = _places_in(doc, child.i, child.right_edge.i + 1, x)
            elif child.dep_ == "appos" and child.lemma_.lower() in PLACE_NOUNS:
                found = _places_in(doc, child.left_edge.i, child.right_edge.i + 1, x)
            elif (
                child.dep_ == "prep"
                and child.lower_ in _LOCATING_PREPS
                and child.i > 0
                and doc[child.i - 1].text == ","
            ):
                found = _places_in(doc, child.i, child.right_edge.i + 1, x)
            out.extend((x, y, x.start, child.right_edge.i + 1) for y in found[:1])
        # "the Y port city of X": X is the object of "of" after a place noun.
        of = tok.head
        noun = of.head
        if (
            tok.dep_ == "pobj"
            and of.lower_ == "of"
            and of.dep_ == "prep"
            and noun.i < of.i
            and noun.lemma_.lower() in PLACE_NOUNS
        ):
            found = _places_in(doc, noun.left_edge.i, noun.i, x)
            out.extend((x, y, noun.left_edge.i, x.end) for y in found[:1])
    return out


def _window(sent: Sentence, start: int, end: int) -> tuple[int, int]:
    """The sentence, or a word-aligned window of it around the description when too long."""
    if sent.end - sent.start <= MAX_ANSWER_CHARS:
        return sent.start, sent.end
    room = max(0, (MAX_ANSWER_CHARS - (end - start)) // 2)
    lo, hi = max(sent.start, start - room), min(sent.end, end + room)
    while sent.start < lo < start and not sent.text[lo - sent.start - 1].isspace():
        lo += 1
    while end < hi < sent.end and not sent.text[hi - sent.start].isspace():
        hi -= 1
    return lo, hi


def _shared_capitals(articles: Sequence[Article], voices: dict[str, str]) -> set[str]:
    """Capitalised words that at least MIN_VOICES voices use: candidate place names."""
    users: dict[str, set[str]] = {}
    for a in articles:
        for w in set(_CAPITAL.findall(a.text)):
            users.setdefault(w, set()).add(voices.get(a.aid, a.aid))
    return {w for w, v in users.items() if len(v) >= MIN_VOICES}


def find_locations(ctx: EventContext) -> list[Location]:
    """Every description that locates a place named by >= MIN_VOICES voices."""
    shared = _shared_capitals(ctx.articles, ctx.voices)
    todo: list[tuple[Article, Sentence]] = []
    for a in ctx.articles:
        for s in article_sentences(a):
            if _CUE.search(s.text) and any(w in shared for w in _CAPITAL.findall(s.text)):
                todo.append((a, s))
    if not todo:
        return []
    out: list[Location] = []
    docs = ctx.parser.pipe([(a.aid, s.start, s.text) for a, s in todo])
    for (a, s), doc in zip(todo, docs, strict=True):
        for x, y, first, last in _descriptions(doc):
            if x.text not in shared and x.root.text not in shared:
                continue
            span = doc[first:last]
            start, end = _window(s, s.start + span.start_char, s.start + span.end_char)
            out.append(Location(a.aid, x.text, y.text, start, end))
    return out


def _key(text: str) -> frozenset[str]:
    return frozenset(content_words(text))


def _stem(word: str) -> str:
    # "Turkish" and "Turkey", "Polish" and "Poland" name one place: compare 3-letter stems.
    # Two names that share one ("Iran", "Iraq") merge, which only costs a question; an
    # irregular demonym ("French", "France") does not, and reads as two places.
    return word[:STEM]


def _contains(big: frozenset[str], small: frozenset[str]) -> bool:
    """Every word of ``small`` is, up to its stem, a word of ``big``."""
    stems = {_stem(w) for w in big}
    return all(_stem(w) in stems for w in small)


def _place_name(text: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", text)


def _question(ctx: EventContext, locs: list[Location]) -> QuestionAnswer | None:
    """The question of one place, when voices locate it by different places."""
    # Descriptions whose words contain one another are one answer ("Ukraine" and
    # "eastern Ukraine"); the shortest names the group.
    groups: list[tuple[frozenset[str], list[Location]]] = []
    for loc in sorted(locs, key=lambda lo: len(_key(lo.where))):
        k = _key(loc.where)
        for gk, g in groups:
            if _contains(k, gk) or _contains(gk, k):
                g.append(loc)
                break
        else:
            groups.append((k, [loc]))
    if len(groups) < 2 or len({ctx.voice(lo.aid) for lo in locs}) < MIN_VOICES:
        return None
    answer_groups = [
        [
            # One answer per voice: a repeated description counts once.
            span_answer(ctx.by_aid[lo.aid].text, lo.aid, lo.start, lo.end)
            for lo in first_per(g, lambda lo: ctx.voice(lo.aid))
        ]
        for _, g in groups
    ]
    place = _place_name(locs[0].place)
    said = "; ".join(
        f"{', '.join(sorted({ctx.outlet(lo.aid) for lo in g}))}: '{_place_name(g[0].where)}'"
        for _, g in groups
    )
    return QuestionAnswer(
        question=f"Where is {place}?",
        kind="factual_conflict",
        answer_groups=answer_groups,
        explanation=(
            f"The outlets locate {place} by different places ({said}). The "
            "descriptions may both hold (a sea can be part of a larger one, a town "
            "lies in a region and a country); a reader should check which is meant."
        ),
    )


class Places:
    """A place that two voices locate by different places."""

    name = "places"
    kinds: tuple[QuestionKind, ...] = ("factual_conflict",)

    def find(self, ctx: EventContext) -> list[QuestionAnswer]:
        by_place: dict[frozenset[str], list[Location]] = {}
        for loc in find_locations(ctx):
            x = _key(loc.place)
            if x and not _contains(x, _key(loc.where)):
                by_place.setdefault(x, []).append(loc)
        return [qa for locs in by_place.values() if (qa := _question(ctx, locs)) is not None]
