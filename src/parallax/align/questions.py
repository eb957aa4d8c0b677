"""Phrase a reader's question from a fact: "How many people died in Derna?".

There is no generator model in the budget, so a question is built from the claim
frame (``Claim.measure``, ``holder``, ``place``, ``status``, read from the parse by
extraction) and the words of the sentences, never from invented words. The fact's
frame is what most of its claims agree on (:class:`FactFrame`): the measure most
claims share, the holder and place most of them name, and the status they share.
The question is then, in order:

1. read off the parse of a sentence whose figure has that measure
   (``question_parse``: "How many votes did Tinubu secure?"), when the question
   names what the frame measures (a question about "body bags" does not ask for a
   death toll);
2. asked from the frame, in the words ``parallax.lexicon.questions`` gives each
   kind of measure ("How many people died in Derna?", "What share of the vote did
   Labour win?", "What was Nvidia's revenue?", "How long was the delay?");
3. the noun phrase that leads into the figure, when it is a noun phrase that names
   a quantity ("What is the death toll in the derailment?");
4. failing all of those, less: the counted noun from the sentence ("How many
   provinces does 2news.com report?") or only the measure ("What figure do the
   outlets give for the revenue?").

Statement topics are named by a noun chunk of their sentences
(:func:`statement_question`: "What do the outlets say about the Azovstal steel
plant?"): the chunk whose words the other sentences share most, a subject or
object before a prepositional object, figures, quantifiers and nouns too general
to name anything ("people", "months") dropped; sentences that all count one
outcome and share no better chunk are about that outcome ("the death toll").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from parallax.align.items import ClaimItem
from parallax.align.question_parse import (
    QUANTIFIERS,
    compound_question,
    figure_noun,
    measured_subject,
    parsed_amount_question,
    parsed_count_question,
    possession_question,
    since_question,
)
from parallax.align.text import content_words
from parallax.lexicon.measures import AGENT_NOUNS, CHANGE_NOUNS, CHANGE_VERBS, FORECAST_NOUNS
from parallax.lexicon.outcomes import OUTCOMES
from parallax.lexicon.people import PERSON_SUFFIXES, PERSON_WORDS
from parallax.lexicon.questions import (
    DIMENSION_ASKS,
    GENERIC_TOPIC_NOUNS,
    LEVEL_MEASURES,
    OUTCOME_FORECAST_VERBS,
    OUTCOME_INTRANSITIVE,
    OUTCOME_PARTICIPLES,
    OUTCOME_TOPICS,
    OUTCOME_VERBS,
    UNIT_WORDS,
    WON_MEASURES,
)
from parallax.lexicon.stopwords import STOPWORDS
from parallax.models import Claim
from parallax.nlp.pipeline import SentenceParser

_OUTCOME_RES = {k: re.compile(rf"\b(?:{v})\b", re.IGNORECASE) for k, v in OUTCOMES.items()}
#: Frame outcome keys -> the lexicon outcome whose words they are read from.
_OUTCOME_OF_KEY = {"detained": "surrendered", "deployed": "deployed"}
#: What the frame's outcome phrase appends to the people counted ("people killed").
_OUTCOME_SUFFIXES = {
    "killed": "killed",
    "injured": "injured",
    "missing": "missing",
    "detained": "detained",
    "evacuated": "evacuated or displaced",
    "remaining": "still there",
}
_FORECAST = ("forecast", "projected")
_PHRASE_RE = re.compile(r"[A-Za-z][A-Za-z' -]*")
_WORD = re.compile(r"[a-z]+")
_CLAUSE_CUT = re.compile(r"[,;:.!?()\"“”]")
_NUMBERISH = re.compile(r"^[$€£]?\d[\d,.]*%?$|^#$")
_LEAD_WORDS = 8
#: Lead-ins that already name a count ("The death toll rose to 288").
_QUANTITY_NOUN = re.compile(r"\b(?:toll|number|total|count|tally|figure|turnout)\b", re.I)
#: Verbs that connect a subject to its figure ("rose to", "stood at"); a lead-in
#: is cut before them so that the subject alone names the quantity.
_LINK_VERB = re.compile(
    r"^(?:\w+ed|rose|rises|risen|fell|grew|hit|stood|came|put|was|were|is|are|has|have|had|reached|"
    r"totals?|totalled|says?|said|saw|shows?|drew|stands|increases|decreases|dropped|jumps?|"
    r"surges?|climbs?|sits?|remains?|hits?|reports?|adds?|gets?|gained|lost)$",
    re.IGNORECASE,
)
_NOUNISH = ("NOUN", "PROPN")
#: Sentences of a fact a question is tried from, best first.
_TRIED_REPS = 3
_NP_STARTS = ("DET", "NOUN", "PROPN", "ADJ")
#: Longest noun phrase (in words) a fallback question names.
_MAX_NP_WORDS = 6


# --- The fact's frame -------------------------------------------------------


@dataclass(frozen=True)
class FactFrame:
    """What most of a fact's claims agree their figure is."""

    #: The claim kind of the representative (count, money, percent, measure).
    kind: str
    #: The measure key most claims share (``None`` when none is usable or they disagree).
    measure: str | None
    phrase: str | None
    #: Who is counted, for counts of people ("people", "crew members").
    who: str
    holder: str | None
    place: str | None
    #: "forecast" or "earlier" when every claim is offered so, else "reported".
    status: str
    unit: str | None
    #: Claims with the frame's measure, the best to phrase from first.
    reps: tuple[ClaimItem, ...]
    #: The one outlet answering, when the fact has one voice.
    outlet: str | None


def _usable_measure(c: Claim) -> str | None:
    """The claim's measure key when it names a measure a question can ask about: not a
    speaker ("policy makers") for an amount, not a phrase with symbols in it."""
    if not c.measure or not c.measure_phrase or not _PHRASE_RE.fullmatch(c.measure_phrase):
        return None
    base = c.measure.removesuffix(" change").split()
    if not base or c.measure in UNIT_WORDS or base[-1] in FORECAST_NOUNS:
        # "percentage point", "forecasts": how a figure is given, not what it measures.
        return None
    if c.kind != "count" and _is_person_word(base[-1]):
        return None
    return c.measure


def _is_person_word(word: str) -> bool:
    w = word.lower()
    return (
        w in AGENT_NOUNS
        or w in PERSON_WORDS
        or f"{w}s".endswith(PERSON_SUFFIXES)
        or w.endswith(PERSON_SUFFIXES)
    )


def _outcome_key(measure: str | None) -> str | None:
    if measure is None:
        return None
    if measure.startswith("deployed"):
        return "deployed"
    return measure if measure in OUTCOME_VERBS else None


def _norm_name(name: str) -> str:
    name = re.sub(r"(?:'s|’s|'|’)$", "", name.strip())
    return re.sub(r"^(?:the|The)\s+", "", name).strip()


def _with_article(
    name: str,
    items: Sequence[ClaimItem],
    spans: list[tuple[int, int] | None],
    parser: SentenceParser,
) -> str:
    """ "the Conservatives" when an article writes the name with "the" before it, and
    the "the" is the name's ("the Reform party" is the party's)."""
    for item, span in zip(items, spans, strict=True):
        if span is None:
            continue
        before = item.article.text[max(0, span[0] - 4) : span[0]]
        if before.lower() != "the ":
            continue
        c = item.claim
        if c.sent_start <= span[0] and span[1] <= c.sent_end:
            doc = parser.sentence(c.aid, c.sent_start, item.sentence)
            last = doc.char_span(span[0] - c.sent_start, span[1] - c.sent_start, "expand")
            if last is not None and len(last):
                tok = last[-1]
                if tok.dep_ in ("compound", "amod") and tok.head.i > tok.i:
                    return name
        return f"the {name}"
    return name


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _same_name(a: str, b: str) -> bool:
    """ "Labour" and "the Labour Party"; "SNP" and "Scottish National Party"."""
    aw, bw = set(a.lower().split()), set(b.lower().split())
    if aw <= bw or bw <= aw:
        return True
    return (a.isupper() and a == _initials(b)) or (b.isupper() and b == _initials(a))


def _agreed_name(
    items: Sequence[ClaimItem],
    names: list[str | None],
    spans: list[tuple[int, int] | None],
    parser: SentenceParser,
    of_named: bool = False,
) -> str | None:
    """The name (holder or place) at least half of the claims give (``of_named``: half of
    those that give one); names that contain one another are one name ("Labour", "the
    Labour Party"), shown by the shortest."""
    groups: list[list[str]] = []
    for raw in names:
        if not raw:
            continue
        name = _norm_name(raw)
        if not name or name.lower() in STOPWORDS:
            continue
        for g in groups:
            if _same_name(name, g[0]):
                g.append(name)
                break
        else:
            groups.append([name])
    if not groups:
        return None
    best = max(groups, key=len)
    if 2 * len(best) < (sum(len(g) for g in groups) if of_named else len(items)):
        return None
    if len(best) < 2 <= len(items) and not of_named:
        # One claim of several naming a holder is that claim's reading, not the fact's.
        return None
    shown = min(best, key=lambda n: (len(n), n))
    matching = [
        (i, s) for i, n, s in zip(items, names, spans, strict=True) if n and _norm_name(n) == shown
    ]
    return _with_article(shown, [i for i, _ in matching], [s for _, s in matching], parser)


def _who(reps: Sequence[ClaimItem], outcome: str | None) -> str:
    """Who a count of people counts: "crew members" when the sentences name them."""
    suffix = _OUTCOME_SUFFIXES.get(outcome or "", "")
    found: Counter[str] = Counter()
    for item in reps:
        phrase = item.claim.measure_phrase or ""
        who = phrase.removesuffix(suffix).strip() if suffix and phrase.endswith(suffix) else ""
        if outcome == "deployed":
            who = phrase.removesuffix("deployed").strip()
        counted = " ".join(_clean((item.claim.counted or "").split()))
        if who and counted.lower().endswith(who) and len(counted.split()) <= 3:
            who = counted.lower() if not counted[:1].isupper() else counted
        # "missing people are missing": the outcome is asked by the verb, not the noun.
        pattern = _OUTCOME_RES.get(_OUTCOME_OF_KEY.get(outcome or "", outcome or ""))
        if pattern is not None:
            who = " ".join(w for w in who.split() if not pattern.fullmatch(w))
        if who and _PHRASE_RE.fullmatch(who):
            found[who] += 1
    return found.most_common(1)[0][0] if found else "people"


def _rank_reps(items: Sequence[ClaimItem]) -> list[ClaimItem]:
    """Plain reports before forecasts and bounds, then the counted noun most claims share."""
    nouns = Counter((i.claim.counted or "").lower() for i in items if i.claim.counted)

    def key(pair: tuple[int, ClaimItem]) -> tuple[bool, bool, int, int]:
        k, item = pair
        c = item.claim
        plain = c.status in (None, "reported", "estimated", "amended")
        return (c.range_of is not None, not plain, -nouns.get((c.counted or "").lower(), 0), k)

    return [i for _, i in sorted(enumerate(items), key=key)]


def _measure_and_reps(items: Sequence[ClaimItem]) -> tuple[str | None, list[ClaimItem]]:
    """The measure most claims share and the claims to phrase from, best first."""
    measures = [_usable_measure(i.claim) for i in items]
    counts = Counter(m for m in measures if m)
    measure: str | None = None
    if counts:
        # A measure counts the claims of the measures that contain it ("magnitude" those
        # of "magnitude quake"); among measures as common as each other, the shorter, then
        # one a claim counts with a noun.
        nouned = {m for i, m in zip(items, measures, strict=True) if m and i.claim.counted}
        words = {m: set(m.split()) for m in counts}
        support = {m: sum(n for k, n in counts.items() if words[m] <= words[k]) for m in counts}
        top = max(counts, key=lambda m: (support[m], -len(words[m]), m in nouned, counts[m]))
        # Claims that disagree on the measure give no frame to ask from.
        if 2 * support[top] >= sum(counts.values()):
            measure = top
    within = set(measure.split()) if measure else set()
    mine = [i for i, m in zip(items, measures, strict=True) if m and within <= set(m.split())]
    return measure, _rank_reps(mine or items)


def prepare(facts: Sequence[Sequence[ClaimItem]], parser: SentenceParser) -> None:
    """Parse in one batch the sentences :func:`phrase` will read first (a batch parses
    several times faster than one sentence at a time, when extraction's parses are not
    at hand)."""
    wanted = [
        (i.claim.aid, i.claim.sent_start, i.sentence)
        for items in facts
        for i in _measure_and_reps(items)[1][:_TRIED_REPS]
    ]
    parser.pipe(list(dict.fromkeys(wanted)))


def fact_frame(items: Sequence[ClaimItem], parser: SentenceParser) -> FactFrame:
    """The frame most of the fact's claims share."""
    measure, reps = _measure_and_reps(items)
    rep = reps[0]
    mine = reps if measure else []
    phrases = Counter(i.claim.measure_phrase for i in mine if i.claim.measure_phrase)
    statuses = {i.claim.status or "reported" for i in reps}
    status = (
        "forecast"
        if statuses <= set(_FORECAST)
        else "earlier"
        if statuses == {"earlier"}
        else "reported"
    )
    holder = _agreed_name(
        reps, [i.claim.holder for i in reps], [i.claim.holder_span for i in reps], parser
    )
    place = _agreed_name(
        items,
        [i.claim.place for i in items],
        [i.claim.place_span for i in items],
        parser,
        of_named=True,
    )
    if place and holder and _norm_name(place).lower() in holder.lower():
        place = None
    voices = {i.voice for i in items}
    return FactFrame(
        kind=rep.claim.kind,
        measure=measure,
        phrase=phrases.most_common(1)[0][0] if phrases else None,
        who=_who(reps, _outcome_key(measure)),
        holder=holder,
        place=place,
        status=status,
        unit=rep.claim.unit,
        reps=tuple(reps),
        outlet=rep.outlet if len(voices) == 1 else None,
    )


# --- The question -----------------------------------------------------------


def phrase(items: Sequence[ClaimItem], parser: SentenceParser) -> str:
    """A question the fact's claims answer, from their frame and their sentences."""
    frame = fact_frame(items, parser)
    if (frame.measure in WON_MEASURES and frame.holder) or frame.measure in LEVEL_MEASURES:
        # Whose seats or votes, or which level, is what the question must say; the frame
        # knows it better than one sentence's verb ("What did revenue come in at?").
        framed = framed_question(frame, parser)
        if framed:
            return framed
    for rep in frame.reps[:_TRIED_REPS]:
        for parsed in _parsed(rep, parser, frame):
            if parsed and fits(parsed, frame, rep) and _names_holder(parsed, frame, rep):
                return parsed
    asked = framed_question(frame, parser) or _lead_question(frame, parser)
    if asked:
        return asked
    if frame.kind == "count" and frame.measure is None:
        # "a final tally could reach the region of 20,000": a count asked as an amount.
        for rep in frame.reps[:3]:
            parsed = parsed_amount_question(rep, parser)
            if parsed:
                return parsed
    return fallback_question(frame, parser)


def _parsed(item: ClaimItem, parser: SentenceParser, frame: FactFrame) -> list[str | None]:
    """Questions read off the claim's sentence, the likeliest to fit first."""
    first = [compound_question(item, parser), since_question(item, parser)]
    won = _won_what(frame.measure)
    if won:
        first.append(possession_question(item, parser, won))
    if item.claim.kind == "count":
        return [*first, parsed_count_question(item, parser)]
    parsed = parsed_amount_question(item, parser)
    if parsed and item.claim.kind == "measure" and _shown_unit(frame):
        parsed = f"{parsed[:-1]} (in {frame.unit})?"
    noun = figure_noun(item, parser) if frame.measure is None else None
    owned = possession_question(item, parser, f"What {noun}") if noun else None
    return [*first, parsed, owned]


def _won_what(measure: str | None) -> str | None:
    if measure == "vote share":
        return "What share of the vote"
    return f"How many {measure}" if measure in WON_MEASURES else None


def _shown_unit(frame: FactFrame) -> bool:
    unit = (frame.unit or "").lower()
    return (
        bool(unit)
        and unit not in ("magnitude", "rank", "year")
        and unit not in (frame.measure or "")
    )


def _stem(word: str) -> str:
    """A crude stem that "buildings", "building" and "build" share."""
    w = word.lower()
    for suffixes in (("ies", "es", "s"), ("ed", "ing")):
        for suffix in suffixes:
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                w = w[: -len(suffix)]
                break
    return w


def _stems(text: str) -> set[str]:
    return {_stem(w) for w in _WORD.findall(text.lower()) if w not in STOPWORDS}


def fits(question: str, frame: FactFrame, rep: ClaimItem | None = None) -> bool:
    """Whether a question read off one sentence names what the fact's frame measures:
    its words, or the counted noun the sentence itself gives it ("tremors" for the
    measure "aftershocks")."""
    if frame.measure is None:
        return True
    outcome = _outcome_key(frame.measure)
    if outcome is not None:
        pattern = _OUTCOME_RES[_OUTCOME_OF_KEY.get(outcome, outcome)]
        return bool(pattern.search(question))
    words = _stems(question)
    dim = "duration" if frame.measure.startswith("duration") else frame.measure
    if dim in DIMENSION_ASKS and question.startswith(DIMENSION_ASKS[dim]):
        return True
    if frame.measure == "change" or frame.measure.endswith(" change"):
        moved = {_stem(w) for w in CHANGE_VERBS | CHANGE_NOUNS}
        base = _stems(frame.measure.removesuffix("change"))
        return question.startswith("By how much") or bool(words & (moved | base))
    wanted = _stems(f"{frame.measure} {frame.phrase or ''}")
    if rep is not None and rep.claim.measure == frame.measure:
        wanted |= _stems(rep.claim.counted or "")
    return bool(words & wanted)


def _names_holder(question: str, frame: FactFrame, rep: ClaimItem) -> bool:
    """A question about whose seats or votes names the holder the claim's frame gives
    ("the Tories 117" is not asked about the sentence's subject, Labour)."""
    holder = rep.claim.holder
    if frame.measure not in WON_MEASURES or not holder:
        return True
    return bool(_stems(_norm_name(holder)) & _stems(question))


def framed_question(frame: FactFrame, parser: SentenceParser) -> str | None:
    """The question the frame asks in the words of ``lexicon.questions``, or None when
    its measure is not one of the kinds those words cover."""
    m = frame.measure
    if m is None:
        return None
    where = f" in {frame.place}" if frame.place else ""
    outcome = _outcome_key(m)
    if outcome is not None:
        return _outcome_question(frame, outcome, where)
    if m in WON_MEASURES:
        if frame.holder is None:
            return None
        aux = "will" if frame.status == "forecast" else "did"
        return f"{_won_what(m)} {aux} {frame.holder} win{where}?"
    if m == "change" or m.endswith(" change"):
        return _change_question(frame)
    if m in DIMENSION_ASKS or m.startswith("duration of "):
        return _dimension_question(frame, parser)
    if m == "record since":
        return "Since what year is this a record?"
    if m in LEVEL_MEASURES:
        return _level_question(frame, m, where)
    if frame.kind != "count" and frame.phrase and m not in ("rank", "value"):
        # An amount of a noun the sentences name: "an emergency appeal for $71.4 million".
        return _level_question(frame, frame.phrase, where)
    return None


def _outcome_question(frame: FactFrame, outcome: str, where: str) -> str:
    who = frame.who
    if frame.status == "earlier":
        done = _OUTCOME_SUFFIXES.get(outcome, outcome)
        what = "death toll" if outcome == "killed" else f"count of {who} {done}"
        return f"What was the earlier {what}{where}?"
    if frame.status == "forecast":
        return f"How many {who} {OUTCOME_FORECAST_VERBS[outcome]}{where}?"
    return f"How many {who} {_outcome_verb(frame, outcome)}{where}?"


def _outcome_verb(frame: FactFrame, outcome: str) -> str:
    """The outcome's verb as the sentences say it ("surrendered", "were rescued") when
    they use one of the words that ask better than the default."""
    pattern = _OUTCOME_RES[_OUTCOME_OF_KEY.get(outcome, outcome)]
    for item in frame.reps:
        found = pattern.search(item.sentence)
        word = found.group(0).lower() if found else ""
        if outcome == "killed":
            break
        if word in OUTCOME_INTRANSITIVE:
            return word
        if word in OUTCOME_PARTICIPLES:
            return f"were {word}"
    return OUTCOME_VERBS[outcome]


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") and not name.endswith("ss") else f"{name}'s"


def _level_question(frame: FactFrame, what: str, where: str) -> str:
    """ "What was Nvidia's revenue?", "What was the expected unemployment rate?"."""
    adjective = {"forecast": "expected ", "earlier": "earlier "}.get(frame.status, "")
    if frame.holder:
        np = f"{_possessive(frame.holder)} {adjective}{what}"
    else:
        np = f"the {adjective}{what}"
        thing = _counted_noun(frame)
        if what == "magnitude" and thing and not adjective:
            np = f"the magnitude of the {thing}"
    unit = f" (in {frame.unit})" if frame.kind == "measure" and _shown_unit(frame) else ""
    ask = "How much" if frame.kind == "money" and what not in LEVEL_MEASURES else "What"
    return f"{ask} was {np}{where}{unit}?"


def _change_question(frame: FactFrame) -> str | None:
    """ "By how much did the interest rate change?" from "change in interest rate"."""
    phrase = frame.phrase or ""
    base = phrase.removeprefix("change in ").strip() if phrase.startswith("change in ") else ""
    if base and frame.holder:
        subject = f"{_possessive(frame.holder)} {base}"
    elif base:
        subject = f"the {base}"
    elif frame.holder:
        subject = frame.holder
    else:
        return None
    return f"By how much did {subject} change?"


def _dimension_question(frame: FactFrame, parser: SentenceParser) -> str | None:
    """ "How long was the delay?", "How deep was the earthquake?"."""
    m = frame.measure or ""
    thing = _counted_noun(frame)
    dim = m
    if m.startswith("duration of "):
        dim, thing = "duration", thing or m.removeprefix("duration of ")
    ask = DIMENSION_ASKS.get(dim)
    unit = f" (in {frame.unit})" if _shown_unit(frame) else ""
    if ask is not None and not thing:
        thing = _measured_thing(frame, parser, dim)
        if thing and thing.split()[-1] in DIMENSION_ASKS:
            # "a depth of 15.5km": the sentence names the dimension itself.
            return f"What was {thing}{unit}?"
        if thing:
            verb = "were" if _plural(thing, parser) else "was"
            ref = _distance_from(frame.reps[0]) if dim == "distance" else ""
            return f"{ask}{ref} {verb} {thing}{unit}?"
    if ask is None or not thing:
        asker = f"does {frame.outlet}" if frame.outlet else "do the outlets"
        return f"What {dim} {asker} give{unit}?"
    verb = "were" if _plural(thing, parser) else "was"
    owner = f"{_possessive(frame.holder)} " if frame.holder else "the "
    return f"{ask} {verb} {owner}{thing}{unit}?"


_FROM = re.compile(
    r"\s*((?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of"
    r"|from|off)\s+(?:the\s+)?(?:[A-Z][\w-]+)(?:\s+(?:of\s+)?[A-Z][\w-]+){0,2})"
)


def _distance_from(item: ClaimItem) -> str:
    """ " south of Seoul" in "288km south of Seoul": where a distance is measured from."""
    found = _FROM.match(item.article.text[item.claim.char_end : item.claim.sent_end])
    return f" {found.group(1)}" if found else ""


_WHAT_WAS = re.compile(r"What (?:was|were) (the [^?(]+?)(?: \(in [^)]*\))?\?")


def _measured_thing(frame: FactFrame, parser: SentenceParser, dim: str) -> str | None:
    """What a length or distance is of, as the sentence's parse names it ("the epicenter
    of the earthquake was located roughly 11 miles from ...")."""
    for rep in frame.reps[:2]:
        found = _WHAT_WAS.fullmatch(parsed_amount_question(rep, parser) or "")
        if found:
            return found.group(1)
        subject = measured_subject(rep, parser)
        if subject:
            return subject if subject.startswith(("the ", "The ")) else f"the {subject}"
    return None


def _plural(phrase: str, parser: SentenceParser) -> bool:
    doc = parser.text(phrase)
    return bool(len(doc)) and doc[-1].tag_ in ("NNS", "NNPS")


def _counted_noun(frame: FactFrame) -> str | None:
    """The counted noun most of the frame's claims give, as a plain noun phrase."""
    found = Counter(
        " ".join(_clean(i.claim.counted.split()))
        for i in frame.reps
        if i.claim.counted and _PHRASE_RE.fullmatch(i.claim.counted)
    )
    found.pop("", None)
    if not found:
        return None
    noun = found.most_common(1)[0][0]
    return _lower_first(noun) if len(noun.split()) <= 4 else None


def _clean(words: list[str]) -> list[str]:
    """Drop numbers and trailing function words from a phrase."""
    out = [w for w in words if not _NUMBERISH.match(w)]
    while out and (out[-1].lower() in STOPWORDS or _NUMBERISH.match(out[-1])):
        out.pop()
    while out and out[0].lower() in STOPWORDS | QUANTIFIERS:
        out.pop(0)
    return out


def _lower_first(phrase: str) -> str:
    head, _, rest = phrase.partition(" ")
    if head[:1].isupper() and head[1:2].islower() and head.lower() in STOPWORDS:
        return f"{head.lower()} {rest}".strip()
    return phrase


def _lead_in(item: ClaimItem) -> str:
    """The words before the figure, up to the verb that links them to it."""
    text = item.article.text[item.claim.sent_start : item.claim.char_start]
    text = _CLAUSE_CUT.split(text)[-1]
    words = text.split()[-_LEAD_WORDS:]
    for k, w in enumerate(words):
        if _LINK_VERB.match(w) and k > 0:
            words = words[:k]
            break
    words = [w for w in words if not _NUMBERISH.match(w)]
    while words and words[-1].lower() in STOPWORDS:
        words.pop()
    return " ".join(words)


def _lead_question(frame: FactFrame, parser: SentenceParser) -> str | None:
    """ "What is the death toll in the derailment?": the lead-in, when it is a noun phrase
    headed by a word for a quantity ("toll", "number", "total") and has no verb."""
    if frame.measure is not None and _outcome_key(frame.measure) is None:
        return None
    for item in frame.reps[:3]:
        lead = _lower_first(_lead_in(item))
        if not lead or not _QUANTITY_NOUN.search(lead):
            continue
        doc = parser.text(lead)
        if any(t.pos_ in ("VERB", "AUX") for t in doc) or doc[0].pos_ not in _NP_STARTS:
            continue
        roots = [t for t in doc if t.head == t]
        if len(roots) != 1 or not _QUANTITY_NOUN.fullmatch(roots[0].text):
            continue
        return f"What is {lead}?" if lead.startswith("the ") else f"What is the {lead}?"
    return None


def fallback_question(frame: FactFrame, parser: SentenceParser) -> str:
    """Less, when nothing better can be said: the counted noun phrase of the sentence or
    the measure, asked of the outlets that give it."""
    asker = f"does {frame.outlet}" if frame.outlet else "do the outlets"
    won = _won_what(frame.measure)
    if won:
        return f"{won} {asker} report?"
    if frame.kind == "count":
        for item in frame.reps[:3]:
            np = counted_phrase(item, parser)
            if np and (frame.measure is None or _stems(np) & _stems(frame.measure)):
                return f"How many {np} {asker} report?"
        noun = _counted_noun(frame)
        if not noun and frame.phrase and _is_noun_phrase(frame.phrase, parser):
            noun = frame.phrase
        if noun:
            return f"How many {noun} {asker} report?"
    what = frame.phrase if frame.phrase and _is_noun_phrase(frame.phrase, parser) else None
    if what:
        return f"What figure {asker} give for the {what}?"
    return f"What figure {asker} give?"


def _is_noun_phrase(text: str, parser: SentenceParser) -> bool:
    """ "emergency appeal", not "identify" or "people carried"."""
    if not _PHRASE_RE.fullmatch(text):
        return False
    doc = parser.text(text)
    return bool(len(doc)) and doc[-1].pos_ in _NOUNISH


def counted_phrase(item: ClaimItem, parser: SentenceParser) -> str | None:
    """The counted noun with the words that say which ("Libyans most affected", "hours
    passing since the disaster"), from the parse of its sentence."""
    c = item.claim
    doc = parser.sentence(c.aid, c.sent_start, item.sentence)
    span = doc.char_span(c.char_start - c.sent_start, c.char_end - c.sent_start, "expand")
    if span is None or not len(span):
        return None
    root = span.root
    noun = root.head if root.dep_ in ("nummod", "quantmod", "amod", "compound") else None
    if noun is None or noun.pos_ not in _NOUNISH or noun.like_num:
        return None
    skip = {t.i for t in root.subtree}
    left = [t for t in noun.lefts if t.i not in skip and t.dep_ in ("amod", "compound", "nmod")]
    words: list[Token] = []
    for t in left:
        words.extend(x for x in t.subtree if x.i not in skip)
    words.append(noun)
    for t in noun.rights:
        if t.dep_ in ("acl", "amod", "prep") and not t.is_punct:
            tail = [x for x in t.subtree if not x.is_punct]
            if len(words) + len(tail) <= _MAX_NP_WORDS and not any(x.like_num for x in tail):
                words.extend(tail)
            break
    words.sort(key=lambda t: t.i)
    if any(_NUMBERISH.match(t.text) for t in words):
        return None
    text = " ".join(t.text for t in words)
    if noun.i == noun.sent.start or (words and words[0].i == words[0].sent.start):
        text = _lower_first(text) if words[0].pos_ != "PROPN" else text
    return text if _PHRASE_RE.fullmatch(text) else None


# --- Questions that read the same ---------------------------------------------

#: Longest source name (in words) a question is told apart by.
_MAX_SOURCE_WORDS = 5


def _agreed_source(items: Sequence[ClaimItem], parser: SentenceParser) -> str | None:
    sources = Counter(i.claim.source for i in items if i.claim.source)
    if not sources:
        return None
    top, n = sources.most_common(1)[0]
    if (
        2 * n < len(items)
        or len(top.split()) > _MAX_SOURCE_WORDS
        or any(ch.isdigit() or ch == "," for ch in top)
    ):
        return None
    head, _, rest = top.partition(" ")
    if head in ("The", "A"):
        return f"{head.lower()} {rest}".strip()
    mine = [i for i in items if i.claim.source == top]
    return _with_article(top, mine, [i.claim.source_span for i in mine], parser)


def distinguish(
    questions: Sequence[str], facts: Sequence[Sequence[ClaimItem]], parser: SentenceParser
) -> list[str]:
    """Questions of different facts that read the same, told apart by who gives each
    fact's figures ("How many people are missing, according to the fire agency?"), when
    their sources differ; the rest stay as they are."""
    out = list(questions)
    by_text: dict[str, list[int]] = {}
    for k, q in enumerate(questions):
        by_text.setdefault(q, []).append(k)
    for q, ks in by_text.items():
        if len(ks) < 2 or q.endswith((" report?", " give?")):
            # "How many seats do the outlets report?" already says who; a second source
            # would read twice.
            continue
        sources = {k: _agreed_source(facts[k], parser) for k in ks}
        named = [src for src in sources.values() if src]
        if len(set(named)) != len(named):
            continue  # two facts of one source: the source tells them apart no better
        for k, src in sources.items():
            if src:
                out[k] = f"{q[:-1]}, according to {src}?"
    return out


# --- Statement topics -------------------------------------------------------
#
# A topic of sentences has no counted noun; its question names what the
# sentences are about with a noun phrase taken from them (never invented): the
# noun chunk whose words most of the topic's sentences share, a grammatical
# subject or object before one inside a prepositional phrase.

#: Longest noun phrase (in words, determiner dropped) a question may name.
_MAX_PHRASE_WORDS = 5
#: How much a chunk's grammatical role counts when two chunks share as many words.
_ROLE_RANK = {"nsubj": 3, "nsubjpass": 3, "dobj": 2, "attr": 2, "pobj": 1, "appos": 1}
#: A chunk whose words recur in the other sentences less than this (on average) names
#: less than an outcome all of them count.
_WEAK_SHARE = 1.0


def _chunk_phrase(chunk: Span, generic: bool = False) -> tuple[str, int] | None:
    """A chunk as a question's noun phrase ("the Azovstal steel plant") and its word count."""
    tokens = [t for t in chunk if not t.is_punct]
    # "more than a thousand Ukrainian soldiers" names the soldiers, not the figure.
    numbers = [k for k, t in enumerate(tokens) if t.like_num or t.pos_ == "NUM"]
    if numbers:
        tokens = tokens[numbers[-1] + 1 :]
    while tokens and tokens[0].lower_ in QUANTIFIERS:
        tokens = tokens[1:]
    had_det = False
    while tokens and (tokens[0].pos_ in ("DET", "PRON") or tokens[0].dep_ in ("det", "predet")):
        had_det = had_det or tokens[0].pos_ == "DET" or tokens[0].dep_ == "poss"
        tokens = tokens[1:]
    if not tokens or chunk.root.pos_ == "PRON" or len(tokens) > _MAX_PHRASE_WORDS:
        return None
    if not generic and all(
        t.lower_ in GENERIC_TOPIC_NOUNS or t.pos_ in ("ADJ", "ADV") for t in tokens
    ):
        # "people", "other people", "months": names nothing the reader can look for.
        return None
    words = [t.text for t in tokens]
    first = tokens[0]
    if first.i == first.sent.start and first.pos_ != "PROPN" and not first.text.isupper():
        words[0] = words[0].lower()
    text = " ".join(words).replace(" 's", "'s").replace(" ’s", "’s")
    if had_det and chunk.root.pos_ != "PROPN":
        text = f"the {text}"
    return text, len(tokens)


def _best_chunk(docs: Sequence[Doc], generic: bool = False) -> tuple[str, float] | None:
    words = [set(content_words(d.text)) for d in docs]
    best: tuple[tuple[float, int, int], str] | None = None
    for k, doc in enumerate(docs):
        others = [w for j, w in enumerate(words) if j != k] or [words[k]]
        for chunk in doc.noun_chunks:
            found = _chunk_phrase(chunk, generic)
            if found is None:
                continue
            phrase_text, length = found
            mine = set(content_words(phrase_text))
            if not mine:
                continue
            shared = sum(len(mine & o) for o in others) / len(others)
            key = (round(shared, 3), _ROLE_RANK.get(chunk.root.dep_, 0), -length)
            if best is None or key > best[0]:
                best = (key, phrase_text)
    if best is None or (best[0][0] <= 0 and len(docs) > 1):
        return None
    return best[1], best[0][0]


def _speaker(phrase: str) -> bool:
    """ "health authorities", "the mayor": who gives the figures, not what they are about."""
    words = phrase.lower().split()
    return bool(words) and (words[-1] in AGENT_NOUNS or words[-1].rstrip("s") in AGENT_NOUNS
                            or words[-1] in PERSON_WORDS)  # fmt: skip


def _shared_outcome(docs: Sequence[Doc]) -> str | None:
    """What happened to the people every sentence counts, named as a topic ("the death
    toll"), when all the sentences use words of one outcome."""
    if not docs:
        return None
    for key, pattern in _OUTCOME_RES.items():
        if key in OUTCOME_TOPICS and all(pattern.search(d.text) for d in docs):
            counted, plain = OUTCOME_TOPICS[key]
            return counted if all(any(t.like_num for t in d) for d in docs) else plain
    return None


def topic_phrase(docs: Sequence[Doc]) -> str | None:
    """The noun phrase (from the sentences themselves) that best names what they share.

    Chunks are ranked by how many of their content words recur in the other
    sentences, then by grammatical role (subject, object, then the rest), then
    by brevity; pronouns, figures and long chunks are skipped, and nouns too general
    to name anything ("people", "months") are used only when nothing else is shared.
    Sentences that all count one outcome are about it unless a chunk names more of
    what they share. None when nothing names them.
    """
    best = _best_chunk(docs)
    if len(docs) > 1 and (best is None or best[1] < _WEAK_SHARE or _speaker(best[0])):
        outcome = _shared_outcome(docs)
        if outcome:
            return outcome
    # A general word they share ("months") still names more than no phrase at all.
    best = best or _best_chunk(docs, generic=True)
    return best[0] if best else None


def statement_question(docs: Sequence[Doc]) -> str | None:
    """ "What do the outlets say about the soldiers' fate?" from the topic's parsed sentences."""
    np_text = topic_phrase(docs)
    return f"What do the outlets say about {np_text}?" if np_text else None
