"""The frame of a figure: what it measures, whose it is, where, and how it is offered.

Two outlets' figures can only be one fact when they measure the same thing for the
same holder and place: "Tinubu won 8.8 million votes" and "Atiku got 6.9 million"
are two facts, as are "233 killed" and "900 injured" in one sentence. Similar
sentences do not tell them apart; the parse does. A frame is read from the
dependency tree around the figure, with the word data of ``parallax.lexicon``
(never one event's words), so that it carries over to events the rules have not
seen.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from parallax.extract.figures import FigureInContext, governing_verb
from parallax.lexicon.calendar import TIME_WORDS
from parallax.lexicon.measures import (
    ABOARD_RE,
    AGENT_NOUNS,
    AMEND_LEMMAS,
    CARRY_VERBS,
    CHANGE_NOUNS,
    CHANGE_VERBS,
    DENY_LEMMAS,
    DIMENSION_ADJECTIVES,
    DIRECTIONS,
    EARLIER_WORDS,
    FORECAST_LEMMAS,
    FORECAST_NOUNS,
    FORECASTERS,
    GENERIC_NOUNS,
    MEASURE_NOUNS,
    MODALS,
    PLACE_NOUNS,
    POSSESSION_SPEECH,
    POSSESSION_VERBS,
    PROJECTION_WORDS,
    QUALIFIED_MEASURES,
    SUBJECT_VERBS,
    SURVIVOR_RE,
    UNIT_DIMENSIONS,
)
from parallax.lexicon.outcomes import ANYONE, DEPLOYED, NOT_PEOPLE_NOUNS, OUTCOMES, RESPONDER_NOUNS
from parallax.lexicon.people import PERSON_WORDS
from parallax.models import ClaimStatus

Status = ClaimStatus
#: A phrase of the paragraph: (start, end) character offsets in its Doc, and its text.
Mention = tuple[int, int, str]
#: Maps a pronoun or a generic noun ("its", "the company") to the name it stands for.
Resolver = Callable[[Token, Mention], Mention | None]

_OUTCOME_RES = {k: re.compile(rf"\b(?:{v})\b", re.IGNORECASE) for k, v in OUTCOMES.items()}
_DEPLOYED_RE = re.compile(rf"\b(?:{DEPLOYED})\b", re.IGNORECASE)
_RESPONDER_RE = re.compile(rf"(?:{RESPONDER_NOUNS})", re.IGNORECASE)
_NOT_PEOPLE_RE = re.compile(NOT_PEOPLE_NOUNS, re.IGNORECASE)
#: The lexicon's outcome "surrendered" covers everyone now held: arrested, detained,
#: captured, surrendered. As a measure it is named for the commonest case.
_OUTCOME_KEYS = {"surrendered": "detained"}
_OUTCOME_PHRASES = {
    "killed": "killed",
    "injured": "injured",
    "missing": "missing",
    "detained": "detained",
    "evacuated": "evacuated or displaced",
    "remaining": "still there",
    "deployed": "deployed",
}
_PHRASES = {
    "vote share": "share of the vote",
    "votes": "votes",
    "net income": "net income",
    "earnings per share": "earnings per share",
    "share price": "share price",
    "voted": "people who voted",
}
_NOUN_DEPS = ("NOUN", "PROPN")
_NAME_LABELS = ("PERSON", "ORG", "NORP", "GPE", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART")
_PLACE_LABELS = ("GPE", "LOC", "FAC")
_PLACE_PREPS = ("in", "at", "across", "near", "inside", "throughout", "around")
_PRONOUNS = frozenset(
    ["he", "she", "it", "they", "his", "her", "its", "their", "him", "them", "we", "i", "us"]
)
#: Nouns for anyone: counted people named only by what happened to them or what they did.
_ANY_PEOPLE = frozenset(["people", "persons", "person", "individuals", "others"])
_TIME_WORDS = frozenset(TIME_WORDS) | frozenset(
    ["quarter", "period", "months", "weeks", "days", "years", "hours"]
)
_SKIP_POSSESSORS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT")


@dataclass(frozen=True)
class Frame:
    """The frame of one figure; mentions are relative to the paragraph's Doc."""

    measure: str | None
    measure_phrase: str | None
    holder: Mention | None
    place: Mention | None
    status: Status


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower() if tok.lemma_ else tok.lower_


def _mention(tok: Token) -> Mention:
    """The name a token heads: its compound and flat-name words, without "the"."""
    words = [t for t in tok.subtree if t.dep_ in ("compound", "amod", "nmod", "flat") or t == tok]
    words = [t for t in words if abs(t.i - tok.i) <= 5 and t.i <= tok.i]
    if tok.ent_type_:  # a name does not run into another entity ("Monday Labour")
        words = [t for t in words if t.ent_type_ in ("", tok.ent_type_)]
    start = min(t.i for t in words)
    while start < tok.i and (tok.doc[start].dep_ == "det" or tok.doc[start].is_punct):
        start += 1
    # A named entity that runs on past the head ("Reform UK") is one name.
    end = tok.i + 1
    if tok.ent_type_ and tok.ent_iob_ != "" and tok.ent_type_ in _NAME_LABELS:
        while end < len(tok.doc) and tok.doc[end].ent_iob_ == "I":
            end += 1
    span = tok.doc[start:end]
    return (span.start_char, span.end_char, span.text)


def _measured_noun(item: FigureInContext) -> Token | None:
    """The noun whose amount the figure is: the counted noun ("410 seats"), the noun it
    is the amount of ("revenue of $13.5 billion"), the subject that moved or is ("the
    unemployment rate fell to 3.4%"), or the object of a change ("raised rates by 75
    basis points")."""
    noun = _counted_token(item, local=True)
    if noun is not None:
        return noun
    for c in item.root.children:
        # "$25 billion in buybacks", "$13.5 billion in revenue"
        if c.dep_ == "prep" and c.lower_ == "in" and c.i >= item.span.end:
            pobj = [g for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
            if pobj and not pobj[0].ent_type_ and pobj[0].lower_ not in _TIME_WORDS:
                return pobj[0]
    cur = item.root
    found: Token | None = None
    for _ in range(5):
        head = cur.head
        if head == cur:
            break
        if (
            cur.dep_ == "pobj"
            and head.lower_ in ("of", "for")
            and head.head.pos_ in _NOUN_DEPS
            and head.head.i < head.i
        ):
            found = head.head  # "revenue of $13.51 billion", "an appeal for $71.4 million"
        elif (
            cur.dep_ in ("compound", "nummod", "amod", "quantmod")
            and head.pos_ in _NOUN_DEPS
            and head.i > item.span.end - 1
        ):
            found = head  # "a 22.8% vote share", "a 75 basis point rate hike"
        elif head.pos_ in ("VERB", "AUX"):
            return _verb_measure(head, cur)
        if found is not None:
            while found.dep_ == "compound" and found.head.pos_ == "NOUN":
                found = found.head  # "a $3.28 billion share repurchase"
            if not _bare_generic(found):
                return found
            cur, found = found, None  # "to a range of 1.5%": what is it a range of?
            continue
        cur = head
    return None


def _bare_generic(noun: Token) -> bool:
    """ "a range", "the level": a generic noun that does not say of what."""
    return _lemma(noun) in GENERIC_NOUNS and _noun_key(noun) == _lemma(noun)


def _counted_token(item: FigureInContext, local: bool = False) -> Token | None:
    """The token of the counted noun: after the figure, or (``local=False``) anywhere
    in the sentence, for a noun a list or an ellipsis took from an earlier figure."""
    if not item.counted or not item.counted[-1:].isalpha():
        return None
    span = item.span
    doc = span.doc
    last = item.counted.split()[-1]
    for tok in doc[span.start : min(len(doc), span.end + 8)]:
        if tok.text == last and tok.i >= span.start:
            return tok
    if local:
        return None
    for tok in span.sent:
        if tok.text == last:
            return tok
    return None


def _verb_measure(verb: Token, arg: Token) -> Token | None:
    """The subject of "fell to 3.4%" or "is 22 feet long", else the object of "raised
    rates by 75 basis points" or "reported revenue of ...". A name in subject position
    is whose figure it is, not what it measures."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if arg in subjects:
        return None  # "10,000 were injured": the figure is the subject, nothing measured
    objs = [c for c in verb.children if c.dep_ == "dobj" and c != arg and c.pos_ == "NOUN"]
    if objs and arg.dep_ == "prep":
        return objs[0]  # "put the death toll at 5,500", "placing its seat count between"
    if _lemma(verb) in POSSESSION_VERBS:
        # "the coalition has taken the most seats, with at least 181": who takes is the
        # holder; what is taken, if anything, is the measure.
        return objs[0] if objs else None
    subj = subjects
    if verb.dep_ in ("xcomp", "conj", "advcl") and not subj:
        subj = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subj and subj[0].pos_ == "NOUN" and not _agent(subj[0]):
        return subj[0]
    return objs[0] if objs else None


def _agent(noun: Token) -> bool:
    """ "Health authorities", "the office": who acts or speaks, not what is measured."""
    return (
        noun.ent_type_ in ("ORG", "PERSON", "NORP", "GPE")
        or noun.lower_ in PERSON_WORDS
        or noun.lemma_.lower() in AGENT_NOUNS
        or noun.lower_ in FORECASTERS
    )


def _modifiers(noun: Token) -> list[Token]:
    return [
        c
        for c in noun.lefts
        if c.dep_ in ("compound", "amod", "nmod") and c.pos_ in ("NOUN", "ADJ", "PROPN")
    ]


def _noun_key(noun: Token) -> str:
    """A measure key for a noun: lexicon synonyms first, then the noun with the word
    that makes a generic noun specific ("unemployment rate"), else its lemma."""
    lemma = _lemma(noun)
    mods = _modifiers(noun)
    for mod in reversed(mods):
        key = QUALIFIED_MEASURES.get((_lemma(mod), lemma))
        if key:
            return key
    if lemma == "earnings" or lemma == "earning":
        if any(c.lower_ == "per" for c in noun.children) or "share" in noun.sent.text.lower():
            return "earnings per share"
        return "net income"
    if lemma in GENERIC_NOUNS:
        for mod in reversed(mods):
            if mod.pos_ == "NOUN":
                ml = _lemma(mod)
                return MEASURE_NOUNS.get(ml, f"{ml} {lemma}")
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                pobj = [
                    g for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN" and g.is_alpha
                ]
                if pobj:
                    return _noun_key(pobj[0])
    return MEASURE_NOUNS.get(lemma, lemma)


def _outcome(texts: list[str]) -> str | None:
    for text in texts:
        found = [k for k, p in _OUTCOME_RES.items() if p.search(text)]
        if len(found) > 1 and "remaining" in found:
            found.remove("remaining")
        if found:
            return _OUTCOME_KEYS.get(found[0], found[0])
    return None


def _clause_words(item: FigureInContext, noun: Token | None) -> list[str]:
    """Texts that may name an outcome, nearest first: the noun's own modifiers ("people
    injured"), the noun, the verb phrase that governs the figure, then its subject."""
    out: list[str] = []
    doc = item.span.doc
    window: list[str] = []
    for tok in doc[item.span.end : min(len(doc), item.span.end + 4)]:
        if tok.is_punct or tok.pos_ in ("CCONJ", "SCONJ") or tok.like_num:
            break
        window.append(tok.text)
    if noun is not None:
        mods = [
            c
            for c in noun.children
            if (c.dep_ in ("acl", "relcl") and c.i > noun.i) or c.dep_ == "amod"
        ]
        out += [_text(m) for m in mods]
        out.append(noun.text)
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
            out.append(noun.head.head.text)  # "the deaths of 179 people"
    if item.counted:
        out.append(item.counted)
    # "up to 10,000 are missing": the words right after the figure, before the parse,
    # which goes wrong in long lists of clauses.
    out.append(" ".join(window))
    verb = governing_verb(item.root if noun is None else noun)
    if verb is not None:
        phrase = [verb.text] + [
            _text(c)
            for c in verb.children
            if c.dep_ in ("prt", "dobj", "acomp", "oprd") and c.i > verb.i
        ]
        out.append(" ".join(phrase))
        out += [_text(c) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return out


def _text(tok: Token) -> str:
    """The text of a token's subtree (a contiguous phrase in a projective parse)."""
    doc = tok.doc
    return doc[tok.left_edge.i : tok.right_edge.i + 1].text


def _is_change(item: FigureInContext, noun: Token | None) -> bool:
    """A figure that is the size of a change: "by 75 basis points", "rose 9%", "up 88%",
    "a 75 basis point hike", "sales growth of 101%"."""
    root = item.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "by" and _lemma(head.head) in CHANGE_VERBS:
        return True
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in CHANGE_NOUNS:
        return True
    if (
        item.figure.kind == "percent"
        and root.dep_ in ("dobj", "npadvmod", "advmod")
        and _lemma(head) in CHANGE_VERBS
    ):
        return True
    if noun is not None and noun.lower_ in CHANGE_NOUNS and noun.i > root.i:
        return True
    doc = item.span.doc
    before = doc[item.span.start - 1].lower_ if item.span.start > 0 else ""
    return item.figure.kind == "percent" and before in ("up", "down")


def _change_base(item: FigureInContext, noun: Token | None) -> Token | None:
    """What changed: the compound of "rate hike", the object of "raised rates by", the
    subject of "revenue rose 101%"."""
    if noun is not None and noun.lower_ in CHANGE_NOUNS:
        mods = [m for m in _modifiers(noun) if m.pos_ == "NOUN" and m.i > item.span.end - 1]
        if mods:
            return mods[-1]
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "of"):
                pobj = [g for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
                if pobj and not (item.span.start <= pobj[0].i < item.span.end):
                    return pobj[0]
        # "sales growth of 101%": the change noun's own modifier
        mods = [m for m in _modifiers(noun) if m.pos_ == "NOUN"]
        if mods:
            return mods[-1]
        verb = governing_verb(noun)
        return _verb_measure(verb, noun) if verb is not None else None
    verb = governing_verb(item.root)
    if verb is None:
        return None
    return _verb_measure(verb, item.root)


def _dimension(item: FigureInContext) -> tuple[str, str] | None:
    unit = item.figure.unit
    if unit is None or item.figure.kind != "measure":
        return None
    doc = item.span.doc
    after = doc[item.span.end] if item.span.end < len(doc) else None
    if after is not None and after.lower_ in DIMENSION_ADJECTIVES:
        dim = DIMENSION_ADJECTIVES[after.lower_]
    elif after is not None and after.lower_ in DIRECTIONS:
        dim = "distance"
    else:
        dim = UNIT_DIMENSIONS.get(unit, UNIT_DIMENSIONS.get(unit.lower(), ""))
    if not dim:
        return None
    if dim == "magnitude":
        return dim, "magnitude"
    return dim, dim


def measure_of(item: FigureInContext) -> tuple[str | None, str | None]:
    """(key, phrase) of what the figure measures."""
    fig = item.figure
    if fig.unit == "rank":
        noun = _counted_token(item)
        what = noun.text if noun is not None else "it"
        return "rank", f"rank of {what}"
    if fig.unit == "year":
        return "record since", "year of the last comparable record"
    # A noun a list or an ellipsis took from an earlier figure ("won 121" after "took
    # 412 seats") names the measure before anything in this figure's own clause.
    local = _counted_token(item, local=True)
    inherited = _counted_token(item) if local is None else None
    noun = inherited or _measured_noun(item)
    if fig.kind == "money" and _per_share(item):
        return "earnings per share", "earnings per share"  # "$2.48 per share"
    if _is_change(item, noun):
        base = _change_base(item, noun)
        key = _noun_key(base) if base is not None else None
        if key in (None, "it"):
            return "change", "size of the change"
        return f"{key} change", f"change in {_phrase(key, base)}"
    doc = item.span.doc
    before = doc[item.span.start - 1] if item.span.start > 0 else None
    if before is not None and before.text == ":" and before.i > 0:
        before = doc[before.i - 1]  # "Voter participation: 71.99%"
    if before is not None and before.pos_ == "NOUN" and _lemma(before) in MEASURE_NOUNS:
        key = MEASURE_NOUNS[_lemma(before)]
        return key, _PHRASES.get(key, key)  # "a magnitude 7.6 quake"
    if before is not None and before.lower_ == "worth" and fig.kind == "money":
        return "value", "value"  # "the company was worth $1.2 trillion"
    dim = _dimension(item)
    if dim is not None and (noun is None or dim[0] in ("length", "distance", "duration")):
        key, phrase = dim
        if dim[0] == "duration" and noun is not None:
            return f"duration of {_noun_key(noun)}", f"time of {noun.text}"
        return key, phrase
    if fig.kind == "percent":
        share = _share_of(item)
        if share is not None:
            return share
    people = noun is None or _lemma(noun) in {w.rstrip("s") for w in ANYONE} | ANYONE
    near = _near_words(item, local)
    if fig.kind == "count" and SURVIVOR_RE.search(near):
        return "survivors", "survivors"  # "two crew members as the sole survivors"
    if fig.kind == "count" and (ABOARD_RE.search(near) or _carried(local)):
        return "aboard", "people on board"  # "carrying 181 people", "181 aboard"
    whole = item.root.dep_ == "pobj" and item.root.head.head.like_num
    if (
        fig.kind == "count"
        and not whole  # "killed 179 of the 181 people": 181 is who was there, not the dead
        and not (noun is not None and _NOT_PEOPLE_RE.fullmatch(noun.lower_))
    ):
        # The figure's own clause names the outcome, not the clause a noun was taken from.
        out = _outcome(_clause_words(item, noun if inherited is None else local))
        if out is not None:
            if (
                noun is not None
                and _RESPONDER_RE.fullmatch(noun.lower_)
                and _DEPLOYED_RE.search(item.span.sent.text)
            ):
                return f"deployed {_lemma(noun)}", f"{noun.text} deployed"
            return out, f"{_who(noun, people)} {_OUTCOME_PHRASES.get(out, out)}"
    if noun is None and fig.kind == "count":
        verb = governing_verb(item.root)
        if verb is not None and item.root.dep_ in ("nsubj", "nsubjpass"):
            key = SUBJECT_VERBS.get(_lemma(verb), _lemma(verb))
            return key, _PHRASES.get(key, key)
    if noun is None:
        if fig.kind == "money" and _per_share(item):
            return "earnings per share", "earnings per share"
        return None, None
    if people and fig.kind == "count" and noun.lower_ in _ANY_PEOPLE and inherited is None:
        verb = governing_verb(noun)
        if verb is not None:
            key = SUBJECT_VERBS.get(_lemma(verb))
            if key is not None and noun.dep_ in ("nsubj", "nsubjpass"):
                return key, _PHRASES.get(key, key)  # "1.27 million people marched"
            return f"{noun.lower_} {_lemma(verb)}", f"{noun.text.lower()} {verb.text}"
    key = _noun_key(noun)
    if key in GENERIC_NOUNS:
        return None, None  # "the number", "a final tally": of what, the clause does not say
    if key == _lemma(noun):
        # A noun outside the lexicon is named with its noun modifiers: "body bag",
        # "health unit", "police personnel".
        mods = [_lemma(m) for m in _modifiers(noun) if m.dep_ == "compound" and m.pos_ == "NOUN"]
        key = " ".join([*mods, key])
    return key, _phrase(key, noun)


def _who(noun: Token | None, people: bool) -> str:
    """ "soldiers killed", but "people killed" for "the toll" or "deaths"."""
    if noun is None or people or _lemma(noun) in GENERIC_NOUNS or noun.tag_ not in ("NNS",):
        return "people"
    if _outcome([noun.text]) is not None:
        return "people"
    return noun.text.lower()


def _per_share(item: FigureInContext) -> bool:
    doc = item.span.doc
    words = [t.lower_ for t in doc[item.span.end : item.span.end + 3]]
    return bool(words) and words[0] in ("per", "a") and "share" in words[1:]


def _near_words(item: FigureInContext, noun: Token | None) -> str:
    """The figure's own noun phrase: the noun, its modifiers and the words right after
    the figure ("181 aboard", "two crew members as the sole survivors")."""
    doc = item.span.doc
    parts = [doc[item.span.end : min(len(doc), item.span.end + 2)].text]
    if noun is not None and not any(
        t.like_num and not item.span.start <= t.i < item.span.end for t in noun.subtree
    ):
        # Not "179 of the 181 people on board": the part is not the whole.
        parts.append(_text(noun))
    return " ".join(parts)


def _carried(noun: Token | None) -> bool:
    """ "a jet carrying 181 people": the people a vehicle carried."""
    return (
        noun is not None
        and noun.dep_ == "dobj"
        and _lemma(noun.head) in CARRY_VERBS
        and _lemma(noun) in ANYONE | {"passenger", "person", "individual", "people"}
    )


def _share_of(item: FigureInContext) -> tuple[str, str] | None:
    """ "47.5% of the vote", "a 35.6% share of the vote", "a 22.8% vote share"."""
    root = item.root
    cands = [
        g
        for c in root.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    head = root.head
    if root.dep_ in ("compound", "nummod", "amod") and head.lower_ in ("share", "stake"):
        cands += [
            g
            for c in head.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        cands += [m for m in _modifiers(head) if m.pos_ == "NOUN"]
    for noun in cands:
        lemma = _lemma(noun)
        if lemma in ("vote", "ballot"):
            return "vote share", "share of the vote"
        if noun.pos_ == "NOUN":
            return f"share of {lemma}", f"share of {noun.text.lower()}"
    return None


def _phrase(key: str, noun: Token | None) -> str:
    if key in _PHRASES:
        return _PHRASES[key]
    if noun is not None and _lemma(noun) == key.split()[-1] and key not in MEASURE_NOUNS.values():
        mods = [m.text.lower() for m in _modifiers(noun) if m.pos_ != "PROPN"]
        return " ".join([*mods, noun.text.lower()])
    return key


def holder_of(item: FigureInContext, measure: str | None, resolve: Resolver) -> Mention | None:
    """Whose figure it is: "Nvidia's revenue", "Tinubu won 8.8 million votes", "the
    Tories 117". Victims have no holder: "the ministry reported 50 dead" is the
    ministry's report, not its dead."""
    if item.like_name is not None:  # a list item names its holder, "other parties" too
        name = item.like_name
        return _mention(name) if name.pos_ == "NOUN" else _resolved(name, resolve)
    noun = _measured_noun(item)
    event_count = measure is not None and measure.split()[0] in _OUTCOME_PHRASES
    anchors = [t for t in (noun, item.root) if t is not None]
    if event_count:
        return None
    doc = item.span.doc
    if item.span.start > 0 and doc[item.span.start - 1].lower_ == "worth":
        verb = governing_verb(item.root)
        subj = _subject(verb) if verb is not None else None
        return _resolved(subj, resolve) if subj is not None else None
    for anchor in anchors:
        cur = anchor
        for _ in range(3):
            got = _owner_child(cur, item)
            if got is not None:
                return _resolved(got, resolve)
            if cur.dep_ not in ("pobj", "prep", "compound", "nummod", "quantmod", "amod"):
                break
            cur = cur.head
    obj = noun if noun is not None else item.root
    verb = _taking_verb(obj)
    if verb is None:
        return None
    lemma = _lemma(verb)
    if (lemma in POSSESSION_VERBS or lemma in FORECAST_LEMMAS) and not (
        lemma in POSSESSION_SPEECH | FORECAST_LEMMAS and (noun is None or _lemma(noun) in ANYONE)
    ):
        subj = _subject(verb)
        if subj is not None:
            return _resolved(subj, resolve)
    return None


def _taking_verb(obj: Token) -> Token | None:
    """The verb the figure (or its noun) is the object of: "won 8.8 million votes",
    "finished third with 6.1 million votes"; not "received aid after a 36-hour delay"."""
    if obj.dep_ in ("dobj", "attr", "oprd", "npadvmod") and obj.head.pos_ in ("VERB", "AUX"):
        return obj.head
    prep = obj.head
    if obj.dep_ == "pobj" and prep.lower_ == "with" and prep.head.pos_ in ("VERB", "AUX"):
        return prep.head
    return None


def _owner_child(tok: Token, item: FigureInContext) -> Token | None:
    """A possessor, a "for X" or a name compound of the measured noun."""
    for c in tok.children:
        if item.span.start <= c.i < item.span.end:
            continue
        if c.dep_ == "poss" or (
            c.dep_ in ("nmod", "compound") and any(g.dep_ == "case" for g in c.children)
        ):
            if c.ent_type_ in _SKIP_POSSESSORS:
                continue
            return c
        if c.dep_ == "prep" and c.lower_ == "for":
            pobj = [g for g in c.children if g.dep_ == "pobj" and g.pos_ in ("PROPN", "PRON")]
            if pobj and pobj[0].ent_type_ not in _SKIP_POSSESSORS:
                return pobj[0]
        if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ in ("ORG", "PERSON"):
            return c
    # "with the Conservatives on about 130": the figure hangs on its holder.
    if tok == item.root and tok.dep_ == "pobj" and tok.head.lower_ == "on":
        owner = tok.head.head
        if owner.pos_ in ("PROPN", "NOUN"):
            return owner
    return None


def _subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            if c.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                return verb.head
            return c
    if verb.dep_ in ("xcomp", "advcl") and verb.head != verb:
        # "the exit poll projects Labour to win": the object of the head wins.
        objs = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
        if objs:
            return objs[0]
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head != verb:
        return _subject(verb.head)
    return None


def _resolved(tok: Token, resolve: Resolver) -> Mention | None:
    if tok.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    mention = _mention(tok)
    if tok.pos_ == "NOUN" and any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in tok.children):
        return mention  # "Macron's centrists": named through their owner
    if tok.lower_ in _PRONOUNS or (tok.pos_ == "NOUN" and tok.ent_type_ not in _NAME_LABELS):
        # "its", "the company": only a name the article gave makes a holder; "revenue"
        # or "analysts" in subject position own nothing.
        return resolve(tok, mention)
    return mention


def place_of(item: FigureInContext, holder: Mention | None = None) -> Mention | None:
    """The place the figure refers to when its clause names one: "killed in Derna",
    "Turkey's death toll"; the nearest to the figure wins. A possessor that is already
    the holder ("Nigeria's GDP") is not also the place."""
    noun = _measured_noun(item)
    anchors = [t for t in (noun, item.root) if t is not None]
    verb = governing_verb(anchors[0])
    verbs = [verb] if verb is not None else []
    # "In Hatay, 3,000 people died and 10,000 were injured": a fronted place holds for
    # every clause of the sentence.
    if verb is not None and verb.dep_ == "conj" and verb.head.i < verb.i:
        verbs.append(verb.head)
    seen: list[Token] = []
    for anchor in [*anchors, *verbs]:
        for c in anchor.children:
            if anchor in verbs[1:] and c.i > anchor.i:
                continue
            if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS:
                seen += [g for g in c.children if g.dep_ == "pobj"]
            elif c.dep_ in ("poss", "compound") and c.ent_type_ in _PLACE_LABELS:
                seen.append(c)
    for tok in sorted(seen, key=lambda t: abs(t.i - item.root.i)):
        place = _place_in(tok)
        if place is not None and (holder is None or place[2] != holder[2]):
            return place
    return None


def _place_in(tok: Token) -> Mention | None:
    """A place entity at ``tok`` or in its modifiers ("Odisha's Balasore district")."""
    if tok.ent_type_ in _PLACE_LABELS:
        return _entity(tok)
    found = [t for t in tok.subtree if _is_place(t) and abs(t.i - tok.i) <= 6]
    # "Libya's eastern city of Derna": the place itself, not the country that owns it.
    own = [t for t in found if t.dep_ != "poss" and not any(c.dep_ == "case" for c in t.children)]
    pick = own or found
    return _entity(pick[0]) if pick else None


def _is_place(tok: Token) -> bool:
    """A place entity, or the name in "the city of Derna" whatever spaCy tags it as."""
    if tok.ent_type_ in _PLACE_LABELS:
        return True
    prep = tok.head
    return (
        tok.pos_ == "PROPN"
        and tok.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.lemma_.lower() in PLACE_NOUNS
    )


def _entity(tok: Token) -> Mention:
    doc = tok.doc
    for ent in doc.ents:
        if ent.start <= tok.i < ent.end:
            return (ent.start_char, ent.end_char, ent.text)
    return (tok.idx, tok.idx + len(tok), tok.text)


def status_of(item: FigureInContext) -> Status:
    """How the text offers the figure, from cue words on its path to the root."""
    root = item.root
    path = _path(root)
    lemmas = [_lemma(t) for t in path]
    if any(lemma in DENY_LEMMAS for lemma in lemmas):
        return "denied"
    if _is_earlier(item, path):
        return "earlier"
    if any(lemma in AMEND_LEMMAS for lemma in lemmas[:4]) and not _from_side(root):
        return "amended"
    qual = item.figure.qualifier or ""
    # "The exit poll projects Labour to win 410 seats": the projection governs the figure
    # (on its path, or the subject of a verb on it), not just any word of the sentence
    # ("after the RN won the first round with 33.15%, ... the latest projections").
    words = {t.lower_ for t in path[:5]} | {
        g.lower_
        for t in path[:5]
        if t.pos_ in ("VERB", "AUX")
        for c in t.children
        if c.dep_ in ("nsubj", "nsubjpass")
        for g in c.subtree
    }
    if any(w in PROJECTION_WORDS for w in words) or (lemmas and _projected(path)):
        return "projected"
    if _forecast(path, item.span):
        return "forecast"
    if (
        "estimated" in qual
        or _perfect_modal(path)
        or any(lemma == "estimate" for lemma in lemmas[:4])
        or any(c.lower_ in ("estimated", "est.") for c in root.children)
    ):
        return "estimated"
    return "reported"


def _path(tok: Token) -> list[Token]:
    out = [tok]
    while out[-1].head != out[-1] and len(out) < 8:
        out.append(out[-1].head)
    return out


def _from_side(tok: Token) -> bool:
    """ "from 288 to 275", "up from 260,000": the value it changed from."""
    cur = tok
    for _ in range(3):
        if cur.dep_ == "pobj" and cur.head.lower_ == "from":
            return True
        if cur.dep_ not in ("nummod", "quantmod", "compound", "amod") or cur.head == cur:
            break
        cur = cur.head
    return False


def _is_earlier(item: FigureInContext, path: list[Token]) -> bool:
    root = item.root
    if _from_side(root):
        return True
    owners = [root.head.head] if root.dep_ == "pobj" and root.head.lower_ == "of" else []
    noun = _measured_noun(item)
    if noun is not None and noun.is_ancestor(root):
        owners.append(noun)
    if any(c.lower_ in EARLIER_WORDS for n in owners for c in n.children):
        return True  # "the initial toll of 48", not "the initial toll ... was revised to 78"
    for tok in path[1:4]:
        if tok.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "advmod" and c.lower_ in EARLIER_WORDS for c in tok.children
        ):
            return True
    return False


def _projected(path: list[Token]) -> bool:
    """ "are expected to hold 131 seats", "set to win", "on course to": an outcome
    forecast while it is being counted."""
    for tok in path:
        if tok.pos_ == "VERB" and _lemma(tok) in POSSESSION_VERBS and tok.dep_ == "xcomp":
            head = tok.head
            if _lemma(head) in ("expect", "predict", "project", "set", "poise", "forecast"):
                return True
            if any(c.lower_ in ("course", "track") for c in head.subtree):
                return True
    return False


def _perfect_modal(path: list[Token]) -> bool:
    """ "may have died": a guess about the past, not a forecast."""
    for tok in path[:5]:
        if tok.pos_ in ("VERB", "AUX"):
            auxes = [c.lower_ for c in tok.children if c.dep_ == "aux"]
            if any(a in MODALS for a in auxes) and "have" in auxes:
                return True
    return False


def _forecast(path: list[Token], span: Span) -> bool:
    for tok in path[:5]:
        if tok.pos_ in ("VERB", "AUX"):
            if any(c.dep_ == "aux" and c.lower_ in MODALS for c in tok.children):
                return not _perfect_modal(path)
            if _lemma(tok) in FORECAST_LEMMAS and _lemma(tok) != "estimate":
                return True
            if _lemma(tok) == "estimate" and any(
                c.dep_ == "nsubj" and c.lower_ in FORECASTERS for c in tok.children
            ):
                return True
        if tok.lower_ in FORECAST_NOUNS:
            return True
        if tok.lower_ in ("likely", "poised"):
            return True
    return False


def frame_of(
    item: FigureInContext,
    resolve: Resolver,
    prior: list[tuple[FigureInContext, Frame]] | None = None,
) -> Frame:
    """The frame of one figure; ``prior`` holds the frames of the paragraph's earlier
    figures, for "517,000 jobs, up from 260,000": the value compared with is a value
    of the same measure."""
    measure, phrase = measure_of(item)
    # "beating expectations of $11.22 billion", "analysts had estimated $12.5 billion": a
    # forecast of what the figure just before measures.
    forecast_of = measure is None or measure.split()[-1] in FORECAST_NOUNS | {"expectation"}
    if forecast_of and prior and _forecast(_path(item.root), item.span):
        same = [f for _, f in prior if f.measure and f.measure.split()[-1] not in FORECAST_NOUNS]
        if same:
            measure, phrase = same[-1].measure, same[-1].measure_phrase
    if _counted_token(item, local=True) is None and _from_side(item.root) and prior:
        same = [f for i, f in prior if i.span.sent == item.span.sent and f.measure]
        if same:
            measure, phrase = same[-1].measure, same[-1].measure_phrase
    holder = holder_of(item, measure, resolve)
    return Frame(
        measure=measure,
        measure_phrase=phrase,
        holder=holder,
        place=place_of(item, holder),
        status=status_of(item),
    )
