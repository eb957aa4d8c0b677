"""Who an article says a claim comes from.

News attributes a figure once ("the ministry said") and then keeps quoting with
pronouns ("he added", "it noted") or with a quote paragraph after "said:". A reader
compares claims by who made them, so pronouns and generic nouns are resolved to the
last named speaker of the matching kind, and quoted paragraphs inherit the speaker
that introduces them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from parallax.lexicon.calendar import WEEKDAYS
from parallax.lexicon.speech import REPORTING_LEMMAS, SPEECH_LEMMAS

_PERSON_PRONOUNS = frozenset(["he", "she", "him", "her"])
_OTHER_PRONOUNS = frozenset(["it", "they", "we", "i"])
_FIGURE_NOUNS = frozenset(
    ["figure", "figures", "estimate", "estimates", "number", "toll", "data", "tally", "count"]
)
_ESTIMATE_NOUNS = frozenset(
    [
        "forecast",
        "forecasts",
        "estimate",
        "estimates",
        "expectation",
        "expectations",
        "projection",
        "projections",
        "consensus",
        "prediction",
        "predictions",
        "survey",
        "poll",
        "tally",
        "count",
        "data",
        "figures",
        "guidance",
    ]
)
_PREPOSITIONAL = ("according", "per")
_COMPARISON = frozenset(["compared", "versus", "vs", "vs.", "than", "against"])
_RELATIVE = frozenset(["that", "which", "who", "whom", "whose"])
# "added 517,000 jobs", "posted a loss": with a direct object these verbs report a
# change in the world, not speech, and their subject is no source.
_OBJECT_NOT_SPEECH = frozenset(["add", "post", "register"])
# "according to data released by the BLS": the data is nobody; its publisher is the source.
_DATA_NOUNS = frozenset(
    [
        "data",
        "figures",
        "figure",
        "estimates",
        "estimate",
        "statistics",
        "numbers",
        "report",
        "reports",
        "analysis",
        "research",
        "survey",
        "consensus",
    ]
)
# Documents an organisation issues: "according to the update" quotes whoever issued it.
_DOCUMENTS = frozenset(
    [
        "update",
        "updates",
        "statement",
        "statements",
        "bulletin",
        "release",
        "communique",
        "briefing",
        "document",
        "documents",
        "filing",
    ]
)
# Possessors that date a document rather than publish it ("Monday's update").
_WHEN = frozenset(WEEKDAYS) | {"today", "yesterday", "tonight", "tomorrow"}
# "the company said", "the agency confirmed": a generic noun standing for an
# organisation the article has already named.
GENERIC_ORG_NOUNS = frozenset(
    [
        "company",
        "firm",
        "chipmaker",
        "corporation",
        "corporate",
        "group",
        "agency",
        "network",
        "broadcaster",
        "organisation",
        "organization",
        "body",
        "bureau",
    ]
)
_OPEN_QUOTES = '“"«'
_TRIM = " ,;:-–—\"“”'’(“"


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker; offsets are relative to the article text."""

    text: str
    start: int
    end: int
    person: bool
    named: bool = False
    #: A document with no publisher named beside it ("the update"): it stands for the
    #: organisation the article has named, or for no one.
    document: bool = False


def _trimmed_phrase(head: Token, offset: int) -> Speaker | None:
    drop: set[int] = set()
    for child in head.children:
        if child.dep_ in ("relcl", "acl", "advcl", "punct", "cc", "case") and child.i > head.i:
            drop.update(t.i for t in child.subtree)
    toks = [t for t in head.subtree if t.i not in drop]
    if not toks:
        return None
    doc = head.doc
    start_i, end_i = toks[0].i, toks[-1].i + 1
    colons = [t.i for t in doc[start_i:end_i] if t.text == ":" and t.i < head.i]
    if colons:
        start_i = colons[-1] + 1  # "Odisha Train Accident: Chief Secretary PK Jena said"
    while start_i < end_i and (doc[start_i].is_punct or doc[start_i].lower_ in ("and", "but")):
        start_i += 1
    while end_i > start_i and doc[end_i - 1].is_punct:
        end_i -= 1
    if start_i >= end_i:
        return None
    span = doc[start_i:end_i]
    text = span.text.strip(_TRIM)
    if not text:
        return None
    s = span.start_char + span.text.index(text)
    person = any(e.label_ == "PERSON" for e in span.ents) or head.lower_ in _PERSON_PRONOUNS
    named = any(t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME") for t in span)
    return Speaker(text, offset + s, offset + s + len(text), person, named)


def _is_data(noun: Token) -> bool:
    low = noun.lower_
    return noun.pos_ != "PROPN" and (
        noun.lemma_.lower() in _DATA_NOUNS | _DOCUMENTS or low in _DATA_NOUNS | _DOCUMENTS
    )


def _is_document(noun: Token) -> bool:
    """An update or statement, or data dated rather than published ("Monday's figures").
    "Friday's government report" says whose it is, unnamed; it is not an anonymous
    document to credit to whoever spoke last."""
    if noun.pos_ == "PROPN" or any(
        c.dep_ in ("compound", "amod") and c.pos_ == "NOUN" for c in noun.children
    ):
        return False
    if noun.lower_ in _DOCUMENTS or noun.lemma_ in _DOCUMENTS:
        return True
    return _is_data(noun) and any(c.dep_ == "poss" and _dates(c) for c in noun.children)


def _dates(tok: Token) -> bool:
    """ "Monday", "Tuesday's": a day, which publishes nothing."""
    return tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in _WHEN


def _publisher(noun: Token) -> Token:
    """The owner of "data compiled by Bloomberg", "estimates on Refinitiv", "data from X"."""
    if not _is_data(noun):
        return noun
    for child in noun.children:
        if child.dep_ == "poss" and not _dates(child):
            return child
        if child.dep_ == "compound" and child.pos_ == "PROPN" and not _dates(child):
            return child  # "the WMO statement"
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "on", "of"):
            pobj = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in ("PROPN", "NOUN")]
            if pobj and not pobj[0].like_num:
                return pobj[0]
        if child.dep_ == "acl":
            for gc in child.subtree:
                if gc.dep_ in ("agent", "prep") and gc.lower_ in ("by", "from"):
                    pobj = [c for c in gc.children if c.dep_ == "pobj"]
                    if pobj:
                        return pobj[0]
    return noun


def _speech_subjects(sent: Span, offset: int) -> list[tuple[Token, Speaker]]:
    """(verb, speaker) pairs for speech verbs, passive agents and "according to"."""
    out: list[tuple[Token, Speaker]] = []
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
            to = tok.nbor()
            pobj = [c for c in to.children if c.dep_ == "pobj"] or [
                c for c in tok.children if c.dep_ == "pobj"
            ]
            if pobj and not _dates(pobj[0]):
                owner = _publisher(pobj[0])
                spk = _trimmed_phrase(owner, offset)
                if spk and _is_document(owner):
                    # "according to the update": whose update the article said before.
                    spk = replace(spk, document=True)
                if spk:
                    out.append((tok, spk))
            continue
        if tok.lower_ == "per" and tok.dep_ == "prep":
            pobj = [c for c in tok.children if c.dep_ == "pobj"]
            if pobj and pobj[0].pos_ == "PROPN":
                spk = _trimmed_phrase(pobj[0], offset)
                if spk:
                    out.append((tok, spk))
            continue
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in SPEECH_LEMMAS | {"give"}:
            continue
        is_give = tok.lemma_.lower() == "give"
        if is_give and tok.head.lower_ not in _FIGURE_NOUNS:
            continue
        if any(c.dep_ == "prt" for c in tok.children) or (
            tok.lemma_.lower() in _OBJECT_NOT_SPEECH and any(c.dep_ == "dobj" for c in tok.children)
        ):
            continue  # "showed up", "added 517,000 jobs"
        found = len(out)
        for child in tok.children:
            if child.dep_ == "nsubj" and child.lower_ in _RELATIVE:
                continue  # "an accident that claimed 275 lives": "that" reports nothing
            after = child.right_edge.i + 1
            if child.dep_ == "nsubj" and (
                child.right_edge.text == ":"
                or (after < len(tok.doc) and tok.doc[after].text == ":")
            ):
                continue  # "Odisha Train Accident: PK Jena said": a headline label
            if child.dep_ in ("nsubj",) and not is_give and not child.like_num:
                owner = _publisher(child)
                spk = _trimmed_phrase(owner, offset)
                if spk and _is_document(owner):
                    spk = replace(spk, document=True)  # "Friday's update said"
                if spk:
                    out.append((tok, spk))
            elif child.dep_ == "agent":
                pobj = [c for c in child.children if c.dep_ == "pobj"]
                if pobj:
                    spk = _trimmed_phrase(pobj[0], offset)
                    if spk:
                        out.append((tok, spk))
        if (
            len(out) == found
            and tok.lemma_.lower() in REPORTING_LEMMAS
            and not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "agent") for c in tok.children)
        ):
            person = _person_before(tok, offset)
            if person is not None:
                out.append((tok, person))
    return out


def _person_before(verb: Token, offset: int) -> Speaker | None:
    """ "Jaya Varma Sinha, Member of Operation and Business Development, Railway Board
    said": a long title after the name leaves the verb without a parsed subject; the
    person named just before the verb, in the same clause, is who said it."""
    sent = verb.sent
    for ent in reversed(sent.ents):
        if ent.end > verb.i:
            continue
        if verb.i - ent.end > 15 or any(
            t.text in ('"', "“", "”", ";") for t in verb.doc[ent.end : verb.i]
        ):
            return None
        if ent.label_ == "PERSON":
            start = offset + ent.start_char
            return Speaker(ent.text, start, start + len(ent.text), True, True)
    return None


def _is_pronoun(spk: Speaker) -> bool:
    return spk.text.lower() in _PERSON_PRONOUNS | _OTHER_PRONOUNS


def _is_generic_org(spk: Speaker) -> bool:
    words = spk.text.lower().replace("’s", "").replace("'s", "").split()
    return not spk.named and bool(words) and words[-1] in GENERIC_ORG_NOUNS and len(words) <= 6


def _resolve(
    spk: Speaker,
    history: list[Speaker],
    orgs: list[Speaker] | None = None,
    people: list[Speaker] | None = None,
) -> Speaker:
    """Map "he"/"it"/"the ministry"/"the company" to the last named speaker that fits; a
    "he" with no person among the speakers is the last person the article named."""
    low = spk.text.lower()
    words = low.split()
    if _is_generic_org(spk):
        for prev in reversed(history):
            if prev.named and not prev.person:
                return prev
        if orgs:
            # The most mentioned organisation so far: spaCy tags headlines and stray
            # capitalised phrases as ORG too, but only the subject of the story recurs.
            counts = Counter(o.text for o in orgs)
            best = max(counts.values())
            return next(o for o in reversed(orgs) if counts[o.text] == best)
        return spk
    if low in _PERSON_PRONOUNS:
        for prev in reversed(history):
            if prev.person:
                return prev
        return people[-1] if people else spk
    if low in _OTHER_PRONOUNS:
        for prev in reversed(history):
            if not prev.person:
                return prev
        return spk
    if words and words[0] in ("the", "this") and len(words) <= 3 and spk.text[4:5].islower():
        head = words[-1]
        for prev in reversed(history):
            if head in prev.text.lower() and prev.text.lower() != low:
                return prev
    return spk


def _resolve_document(history: list[Speaker]) -> Speaker | None:
    """The publisher of an unattributed document: the last organisation that spoke. The
    article's most named organisation is no publisher ("the Coromandel Express"); with
    no organisation before it, the document itself ("an official release") is what the
    text credits."""
    for prev in reversed(history):
        if prev.named and not prev.person:
            return prev
    return None


def _opens_quote(text: str) -> bool:
    return text.lstrip()[:1] in _OPEN_QUOTES


class Attributor:
    """Walks an article's paragraphs in order, keeping the speakers seen so far."""

    def __init__(self) -> None:
        self.history: list[Speaker] = []
        self.orgs: list[Speaker] = []
        self.people: list[Speaker] = []
        self._intro: Speaker | None = None

    def resolve(self, spk: Speaker) -> Speaker:
        """A generic "the company" stands for the organisation the article already named."""
        return _resolve(spk, self.history, self.orgs) if _is_generic_org(spk) else spk

    def _see_orgs(self, sent: Span, offset: int) -> None:
        for ent in sent.ents:
            start = offset + ent.start_char
            if ent.label_ == "PERSON":
                self.people.append(Speaker(ent.text, start, start + len(ent.text), True, True))
            elif ent.label_ == "ORG":
                self.orgs.append(Speaker(ent.text, start, start + len(ent.text), False, True))

    def paragraph(self, doc: Doc, offset: int) -> dict[int, list[tuple[int, Speaker]]]:
        """Speakers per sentence start (token index), as (token index of verb, speaker)."""
        result: dict[int, list[tuple[int, Speaker]]] = {}
        sents = list(doc.sents)
        found: list[list[tuple[int, Speaker]]] = []
        for sent in sents:
            pairs = []
            for verb, spk in _speech_subjects(sent, offset):
                if spk.document:
                    spk = _resolve_document(self.history) or replace(spk, document=False)
                resolved = (
                    _resolve(spk, self.history, self.orgs, self.people)
                    if _is_pronoun(spk)
                    or spk.text[:4].lower() in ("the ", "this")
                    or _is_generic_org(spk)
                    else spk
                )
                if not _is_pronoun(resolved):
                    self.history.append(resolved)
                pairs.append((verb.i, resolved))
            found.append(pairs)
            self._see_orgs(sent, offset)
        quoted = _opens_quote(doc.text)
        for k, sent in enumerate(sents):
            pairs = found[k]
            if not pairs and quoted:
                later = [p for f in found[k + 1 :] for p in f]
                if later:
                    pairs = [later[0]]
                elif self._intro is not None:
                    pairs = [(-1, self._intro)]
            result[sent.start] = pairs
        last_sent = sents[-1] if sents else None
        self._intro = None
        if last_sent is not None and last_sent.text.rstrip().endswith(":") and found[-1]:
            self._intro = found[-1][-1][1]
        elif quoted and self._intro is None and any(found):
            pass
        return result


def pick_speaker(pairs: list[tuple[int, Speaker]], fig_root: Token) -> Speaker | None:
    """Prefer "according to"/"per", then the outermost speech verb governing the figure,
    then the nearest one.

    "Analysts had estimated $12.5 billion, according to data compiled by Bloomberg" and
    "Analysts expected 187,000, notes the Wall Street Journal" both report someone's
    expectation through a publisher; the reader's source is the publisher, the
    attribution that frames the whole sentence. A named speaker keeps the figure
    ("According to the AP, spokeswoman Konashenko said ..."): the wire only relays it.
    """
    if not pairs:
        return None
    doc = fig_root.doc
    preps = [s for vi, s in pairs if vi >= 0 and doc[vi].lower_ in _PREPOSITIONAL]
    verbs = [(vi, s) for vi, s in pairs if vi < 0 or doc[vi].lower_ not in _PREPOSITIONAL]
    if preps and not any(s.named for _, s in verbs):
        return preps[-1]
    governing = [(vi, s) for vi, s in verbs if vi >= 0 and doc[vi].is_ancestor(fig_root)]
    if governing:
        outer = [
            (vi, s)
            for vi, s in governing
            if not any(wi != vi and doc[wi].is_ancestor(doc[vi]) for wi, _ in governing)
        ]
        return (outer or governing)[0][1]
    pool = verbs or pairs
    return min(pool, key=lambda p: abs(p[0] - fig_root.i) if p[0] >= 0 else 0)[1]


def _is_possessor(tok: Token) -> bool:
    """ "Refinitiv's" in "the Refinitiv's expectation" is parsed as nmod + case, not poss."""
    return tok.dep_ == "poss" or (
        tok.dep_ in ("nmod", "compound") and any(c.dep_ == "case" for c in tok.children)
    )


def _phrase_speaker(tok: Token, offset: int) -> Speaker | None:
    for child in tok.children:
        if _is_possessor(child) and child.lower_ not in _PERSON_PRONOUNS | {"its", "their"}:
            return _trimmed_phrase(child, offset)
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            pobj = [c for c in child.children if c.dep_ == "pobj"]
            if pobj and pobj[0].pos_ in ("PROPN", "NOUN"):
                return _trimmed_phrase(pobj[0], offset)
    return None


def estimate_owner(fig_root: Token, offset: int) -> Speaker | None:
    """Whose forecast a figure is: "beating Refinitiv's expectation of $2.09" quotes
    Refinitiv even inside "Nvidia reported ...", so this outranks the sentence's speaker."""
    cur = fig_root
    for _ in range(4):
        if cur.lemma_.lower() in _ESTIMATE_NOUNS or cur.lower_ in _ESTIMATE_NOUNS:
            spk = _phrase_speaker(cur, offset)
            if spk:
                return spk
        if cur.head is cur:
            break
        cur = cur.head
    return None


def owner_speaker(
    fig_root: Token, offset: int, resolve: Callable[[Speaker], Speaker] | None = None
) -> Speaker | None:
    """Fallback when no one is said to speak: "Refinitiv's forecast of $12.61 billion" is
    Refinitiv's figure, and "Nvidia's revenue rose to $13.51 billion" is Nvidia's; so are
    "earnings per share for Nvidia reached $2.70" and "the company generated $13.51
    billion" once "the company" is resolved to the organisation the article names."""
    spk = estimate_owner(fig_root, offset)
    if spk:
        return spk
    cur = fig_root
    path = [cur]
    for _ in range(4):
        if cur.head is cur:
            break
        cur = cur.head
        path.append(cur)
    verb = cur if cur.pos_ in ("VERB", "AUX") else None
    if verb is None:
        return None
    if any(t.lower_ in _COMPARISON for t in path) or any(
        c.lower_ in ("estimated", "expected", "forecast") for c in fig_root.children
    ):
        return None  # "reached $2.70, compared to an estimated $2.09": someone else's figure
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass"):
            continue
        for sub in child.children:
            if sub.dep_ == "poss" and sub.ent_type_ == "ORG":
                return _trimmed_phrase(sub, offset)
        for sub in child.subtree:
            # "the toll from figures provided by the White Helmets equals 1,930"
            if sub is not child and sub.lower_ in _DATA_NOUNS:
                owner = _publisher(sub)
                if owner is not sub:
                    return _trimmed_phrase(owner, offset)
        if resolve is None:
            continue
        owners = [child] + [
            c
            for sub in child.subtree
            if sub.dep_ == "prep" and sub.lower_ == "for"
            for c in sub.children
            if c.dep_ == "pobj"
        ]
        owners += [sub for o in list(owners) for sub in o.children if sub.dep_ == "poss"]
        for owner in owners:
            if owner.lower_ in _PERSON_PRONOUNS | {"its", "their"}:
                continue
            spk = _trimmed_phrase(owner, offset)
            if spk is None:
                continue
            if _is_generic_org(spk):
                got = resolve(spk)
                if got is not spk:
                    return got
            elif owner is not child and owner.ent_type_ == "ORG":
                # The subject itself ("Nvidia posted ...") is not enough: "Nvidia's
                # stock jumped 9%" is the market's figure, not Nvidia's statement.
                return spk
    return None
