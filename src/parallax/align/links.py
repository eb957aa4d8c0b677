"""The links between claims that the text states, where no similarity would find them.

Alignment scores pairs of claims by how alike they are (``facts``); some pairs
the scores must not decide, because the text itself says how they relate. The
rules are grouped by what they do:

* ``CANNOT_LINK``: two claims that can never be one fact (different kinds or
  units, different outcomes, a yardstick and a measurement);
* ``MUST_LINK``: two claims that are always one fact, each for an input where the
  score failed: "from 113.1 million to 115.1 million" (``from_to``), "6,000 ...,
  far more than the state's count of 4,500" (``compared``), "1.18 degrees Celsius
  (2.12 degrees Fahrenheit)" (``converted``), "6,10,533" beside 6,101,533
  (``digit_slip``), "200 ambulances" / "60 ambulances" (``same_responders``), the
  Kremlin's "more than 900" / Zakharova's "at least 959" in one article
  (``two_claimants``), and "the previous figure ... was 1,730" (``earlier_values``);
* ``JOINS``: facts joined after clustering, when the event as a whole shows they
  answer one question: police 1.28 million / CGT 3.5 million set against each other
  by several outlets (``join_rival_counts``), and an outcome only lone outlets count
  ("600 wounded" / "at least 51 ... serious injuries", ``join_lone_outcomes``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from parallax.align.items import ClaimItem, Fact, lead_in
from parallax.align.outcomes import RESPONDED, conflict, responders
from parallax.align.text import content_words
from parallax.align.values import base_value, same_value, unit_family
from parallax.lexicon import cues
from parallax.lexicon.calendar import TIME_WORDS
from parallax.lexicon.outcomes import ANYONE, SAME_GROUP
from parallax.models import Claim

_FROM_TO = re.compile(r"^\W*(?:\w+\W+){0,2}?(?:to|and then)\W*$", re.IGNORECASE)


_FROM = re.compile(r"\b(?:from|revised|restated)\W+(?:\w+\W+){0,1}$", re.IGNORECASE)


def same_sentence(a: Claim, b: Claim) -> bool:
    """Two different claims of one sentence: every same-sentence rule starts here."""
    return a.aid == b.aid and a.sent_start == b.sent_start and a.id != b.id


_TO_FROM = re.compile(r"^\W*(?:\w+\W+){0,2}?from\W*$", re.IGNORECASE)


_TO = re.compile(r"\bto\W*$", re.IGNORECASE)


def old_value(old: Claim, new: Claim, text: str) -> bool:
    """ "from 62 to 64" or "to 64 from 62": ``old`` is the value ``new`` replaces.

    Both orders tell which figure is the old one once the two share a fact; only
    the first joins them (:func:`from_to`).
    """
    if not same_sentence(old, new):
        return False
    if old.char_end <= new.char_start:  # from 62 to 64
        between = text[old.char_end : new.char_start]
        before = text[old.sent_start : old.char_start]
        return bool(_FROM_TO.match(between) and _FROM.search(before))
    if new.char_end <= old.char_start:  # to 64 from 62
        between = text[new.char_end : old.char_start]
        before = text[new.sent_start : new.char_start]
        return bool(_TO_FROM.match(between) and _TO.search(before))
    return False


def from_to(a: Claim, b: Claim, text: str) -> bool:
    """ "rose from 113.1 million to 115.1 million": two figures of one sentence, one quantity.

    A revision states the old and the new value side by side; everywhere else two
    figures of one sentence measure different things. Only this order links two
    figures: "surged to $6.19 billion, up from $656 million a year earlier" compares
    two periods, and joining them would make a year-on-year comparison an update.
    """
    first, second = (a, b) if a.char_start < b.char_start else (b, a)
    return old_value(first, second, text)


#: Words the comparison may carry before "than" and between "than" and the count noun.
_COMPARED_LEAD = 8


_COMPARED_MID = 4


_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _time_word(word: str) -> bool:
    return word in TIME_WORDS or bool(_YEAR.match(word))


def compared(a: Claim, b: Claim, text: str) -> bool:
    """ "6,000 ..., far more than the state's count of 4,500": two counts of one quantity.

    The words between the figures must read "... more than the X's count of",
    with nothing naming another time ("last year's total of", "recorded in
    2019" right after) and the same thing counted on both sides when both say
    what ("the number of 4,500 schools" is not people). Read word by word: a
    regular expression over free text with hyphen runs backtracks for minutes.
    """
    if not same_sentence(a, b):
        return False
    first, second = (a, b) if a.char_start < b.char_start else (b, a)
    if first.char_end > second.char_start:
        return False
    words = [
        w.strip(".,;:()\"'“”‘’").casefold()
        for w in text[first.char_end : second.char_start].split()
    ]
    words = [w for w in words if w]
    after = [
        w.strip(".,;:()\"'“”‘’").casefold()
        for w in text[second.char_end : second.sent_end].split()[:4]
    ]
    if len(words) < 3 or words[-1] != "of" or words[-2] not in cues.COUNT_NOUNS:
        return False
    if "than" not in words or any(_time_word(w) for w in words + after):
        return False
    than = len(words) - 1 - words[::-1].index("than")
    if than == 0 or words[than - 1] not in cues.COMPARATIVES:
        return False
    if than - 1 > _COMPARED_LEAD or (len(words) - 2) - (than + 1) > _COMPARED_MID:
        return False
    na, nb = (first.counted or "").split(), (second.counted or "").split()
    return not (na and nb and na[-1].casefold().rstrip("s") != nb[-1].casefold().rstrip("s"))


#: How far back (characters) the figure it revises may sit: the same paragraph or the next.
_EARLIER_VALUE_REACH = 600


def called_earlier(item: ClaimItem) -> bool:
    """Whether the sentence calls this figure an earlier value ("the previous figure was")."""
    c = item.claim
    return bool(cues.EARLIER_VALUE.search(item.article.text[c.sent_start : c.char_start]))


def earlier_values(items: Sequence[ClaimItem]) -> list[tuple[int, int]]:
    """(earlier, current) index pairs: a figure called "the previous figure" and the one it updates.

    An article that gives a running figure and then its previous value ("At the
    moment, 1,908 laid down their arms. ... The previous figure was 1,730")
    states outright that both measure one quantity, however little the two
    sentences share. The current value is the compatible figure shortly before
    it that is closest in size (a running figure moves by a fraction, not by
    orders of magnitude), so "177 civilians" in between is skipped.
    """
    out = []
    for x, it in enumerate(items):
        c = it.claim
        if c.value is None or c.value <= 0 or not called_earlier(it):
            continue
        ranked = []
        for y, other in enumerate(items):
            o = other.claim
            if (
                o.aid == c.aid
                and o.value is not None
                and o.value > 0
                and o.char_end <= c.char_start
                and c.char_start - o.char_end <= _EARLIER_VALUE_REACH
                and o.sent_start != c.sent_start
                and compatible(o, c)
            ):
                gap = abs(math.log10(o.value / c.value))
                if gap < 1.0:
                    ranked.append((gap, -o.char_start, y))
        if ranked:
            out.append((x, min(ranked)[2]))
    return out


#: Significant digits a figure needs before a one-digit difference reads as a slip:
#: "25,000" and "256,000" are two round numbers, "6,10,533" and "6,101,533" one figure.
_TYPO_MIN_DIGITS = 6


_DECIMAL = re.compile(r"\d[.,]\d{1,2}\b(?![,.]\d)|\d\.\d")


def _digits(claim: Claim) -> str:
    """The figure's significant digits as written (trailing zeros say nothing)."""
    return re.sub(r"\D", "", claim.text).rstrip("0")


def digit_slip(a: Claim, b: Claim) -> bool:
    """Two long figures one dropped, added or swapped digit apart: "6,10,533" for 6,101,533.

    Outlets copy figures by hand and machine translation regroups digits; a
    long figure that differs from another outlet's by a single slipped digit
    is that figure mistyped, not a rival count, and should be shown beside it.
    The slip must be inside the figure: a digit added or dropped at either end
    is a figure ten times larger or smaller, and a figure with decimals
    ("12,345.6" beside "12,345.67") is rounded, not mistyped.
    """
    if a.aid == b.aid or a.value == b.value or _DECIMAL.search(a.text) or _DECIMAL.search(b.text):
        return False
    x, y = _digits(a), _digits(b)
    if min(len(x), len(y)) < _TYPO_MIN_DIGITS:
        return False
    if len(x) == len(y):
        diff = [k for k in range(len(x)) if x[k] != y[k]]
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and x[diff[0]] == y[diff[1]]
            and x[diff[1]] == y[diff[0]]
        )
    short, long_ = sorted((x, y), key=len)
    if len(long_) - len(short) != 1:
        return False
    return any(long_[:k] + long_[k + 1 :] == short for k in range(1, len(long_) - 1))


#: Sentence similarity from which one article's two claimants' figures are one question.
TWO_CLAIMANTS_COSINE = 0.65


#: Largest ratio between those figures: rival answers differ by a margin, not a multiple.
TWO_CLAIMANTS_RATIO = 1.25


def two_claimants(a: ClaimItem, b: ClaimItem, cosine: float) -> bool:
    """One article setting two claimants' figures for one thing side by side.

    "The Kremlin said more than 900 Ukrainian fighters ... have been shipped off
    to a former prison colony" and, two paragraphs on, "According to Maria
    Zakharova ..., at least 959 soldiers ... were shipped off to a pre-trial
    detention center": the article itself gives two sources' answers to one
    question. Two different figures of one article are otherwise seldom one
    fact (the fitted same-article weight is negative: mostly actual against
    expected), so this asks for much: counts of people with one stated outcome
    (shipped off to a detention center: captured), named claimants with no word in common,
    current counts of one date (no forecast or survey of economists, no
    earlier value), values within ``TWO_CLAIMANTS_RATIO`` and sentences at
    least ``TWO_CLAIMANTS_COSINE`` alike. No dev cluster has a pair that
    passes; its pairs of this shape that answer different gold questions have
    cosines of 0.57 or less.
    """
    ca, cb = a.claim, b.claim
    if ca.aid != cb.aid or cosine < TWO_CLAIMANTS_COSINE:
        return False
    va, vb = base_value(ca), base_value(cb)
    if not va or not vb or (va > 0) != (vb > 0) or same_value(va, vb):
        return False
    if max(abs(va), abs(vb)) / min(abs(va), abs(vb)) > TWO_CLAIMANTS_RATIO:
        return False
    if ca.as_of != cb.as_of:
        # "at 44 percent" now against "the December 2007 reading at 38 percent".
        return False
    if a.outcome is None or a.outcome != b.outcome:
        # Only counts of people with one stated fate: "Apple said it sold 50 million
        # iPhones ... Samsung said it sold 60 million" are two companies' own figures.
        return False
    claimants_a, claimants_b = content_words(ca.source or ""), content_words(cb.source or "")
    return bool(
        claimants_a
        and claimants_b
        and set(claimants_a).isdisjoint(claimants_b)
        and not cues.EXPECTED.search(f"{ca.source} {cb.source}")
        and _rival_ready(a)
        and _rival_ready(b)
    )


def same_responders(a: ClaimItem, b: ClaimItem) -> bool:
    """Two outlets counting the same kind of responder: "200 ambulances" and "60 ambulances".

    Unlike a toll, which comes in many scopes (one country, one region, the
    total), what was sent to one scene is one quantity per kind of responder,
    so two counts of ambulances from different outlets answer one question.
    """
    if a.voice == b.voice or not a.outcome or a.outcome != b.outcome:
        return False
    kind = responders(a.claim)
    return kind is not None and kind == responders(b.claim)


#: "1.18 degrees above the 20th-century average of 13.9°C": the figure is the yardstick
#: another figure is measured against, a different quantity from the measurement.
_BASELINE = re.compile(
    r"\b(?:above|below|than|over|under|compared\s+(?:to|with)|relative\s+to)\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:average|baseline|mean|norm)(?:\s+of)?\W*$",
    re.IGNORECASE,
)


def is_baseline(item: ClaimItem) -> bool:
    """Whether the figure is a reference value ("the 20th-century average of 13.9°C")."""
    return bool(_BASELINE.search(lead_in(item, 8)))


def converted(a: Claim, b: Claim) -> bool:
    """ "1.18 degrees Celsius (2.12 degrees Fahrenheit)": one figure given in two units."""
    if not same_sentence(a, b):
        return False
    if not a.unit or not b.unit or a.unit.casefold() == b.unit.casefold():
        return False
    fa, fb = unit_family(a), unit_family(b)
    va, vb = base_value(a), base_value(b)
    return bool(fa) and fa == fb and va is not None and vb is not None and same_value(va, vb)


def compatible(a: Claim, b: Claim, text: str = "") -> bool:
    """Whether two claims may be the same fact at all (hard constraints)."""
    if a.kind != b.kind:
        return False
    ua, ub = unit_family(a), unit_family(b)
    if ua and ub and ua != ub:
        return False
    return not same_sentence(a, b) or from_to(a, b, text) or compared(a, b, text) or converted(a, b)


#: Articles that must each set the two counts side by side before they are one question.
MIN_JUXTAPOSED = 2


def _rival_ready(item: ClaimItem) -> bool:
    """An attributed current count: no forecast and no earlier value."""
    c = item.claim
    return bool(
        c.source
        and c.value
        and not cues.EXPECTED.search(lead_in(item))
        and not cues.EXPECTED.search(c.predicate or "")
        and not cues.REVISION.search(item.local)
        and not called_earlier(item)
    )


def _scope(item: ClaimItem) -> frozenset[str]:
    """Names next to the figure other than its claimant ("1,200 deaths in regions of Syria")."""
    window = item.local.casefold()
    claimant = set(content_words(item.claim.source or ""))
    return frozenset(
        e.casefold()
        for e in item.claim.context
        if e.casefold() in window and not set(content_words(e)) <= claimant
    )


@dataclass
class _Rival:
    """A rival-ready claim with what the rival test compares, computed once."""

    item: ClaimItem
    value: float
    scope: frozenset[str]
    claimant: frozenset[str]


def _rivals_of(fact: Fact) -> list[_Rival]:
    out = []
    for i in fact.items:
        v = base_value(i.claim)
        if v and _rival_ready(i):
            out.append(_Rival(i, v, _scope(i), frozenset(content_words(i.claim.source or ""))))
    return out


def _rival_pair(r: _Rival, s: _Rival) -> bool:
    """Two figures of one article that name each other's rival: see :func:`join_rival_counts`."""
    a, b = r.item.claim, s.item.claim
    return (
        a.aid == b.aid
        and r.claimant.isdisjoint(s.claimant)
        and r.scope == s.scope
        and compatible(a, b)
        and r.item.outcome == s.item.outcome
        and (r.value > 0) == (s.value > 0)
        and not same_value(r.value, s.value)
        and abs(math.log10(r.value / s.value)) < 1.0
    )


def join_rival_counts(facts: list[Fact]) -> list[Fact]:
    """One question for two counts that several outlets each set against each other.

    "Police said 1.28 million took part ... the CGT put the number at 3.5
    million": the pair score keeps these apart (two values, and one article
    giving two figures usually means two quantities), yet when at least
    ``MIN_JUXTAPOSED`` outlets each report both figures, each from its own
    claimant, the outlets themselves present them as rival answers to one
    question: that is an attribution dispute, the reader's first question. A
    forecast or benchmark ("expectations of 185,000") and an earlier value are
    not rivals, nor are two counts an article places differently ("5,894 killed"
    beside "1,200 deaths in regions of Syria": Turkey's toll and Syria's). The
    figures must be of one kind, one outcome and within an order of magnitude,
    pair by pair, so the order of the articles does not matter. Claimants named
    only by their nationality ("Israeli officials" / "Gaza's health ministry")
    are not read as places: such counts can still be joined.
    """
    n = len(facts)
    rivals = [_rivals_of(f) for f in facts]
    aids = [{r.item.claim.aid for r in rs} for rs in rivals]
    parent = list(range(n))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for x in range(n):
        for y in range(x + 1, n):
            if len(aids[x] & aids[y]) < MIN_JUXTAPOSED:
                continue
            voices = {r.item.voice for r in rivals[x] for s in rivals[y] if _rival_pair(r, s)}
            if len(voices) >= MIN_JUXTAPOSED:
                parent[root(y)] = root(x)
    merged: dict[int, Fact] = {}
    for k, f in enumerate(facts):
        merged.setdefault(root(k), Fact()).items.extend(f.items)
    return list(merged.values())


def _who_counted(item: ClaimItem) -> str | None:
    """The group a people figure counts ("protester"), None for anyone ("people", "wounded")."""
    words = (item.claim.counted or "").casefold().split()
    if not words or words[-1] in ANYONE:
        return None
    head = words[-1].removesuffix("s")
    return SAME_GROUP.get(head, head)


def join_lone_outcomes(facts: list[Fact]) -> list[Fact]:
    """One question for an outcome that every outlet counting it counts differently.

    "600 wounded" (one outlet) and "at least 51 of the defenders who suffered
    serious injuries" (another) share no claimant, no wording and no value, so
    no pair score joins them; yet they are the event's only counts of the
    wounded, and a reader asks of them one question: how many were wounded?
    This joins the facts of one outcome when every one of them comes from a
    single outlet, each from a different one, with figures on every claim, and
    they count no two different groups ("police officers" / "protesters") in
    no two different places ("in Hatay" / "in Gaziantep"). Where
    any outlet's count of the outcome is shared by another outlet, or one
    outlet gives two, the lone ones are more likely other scopes (the toll of
    one province beside the national one) and stay apart. Responders are left
    to ``same_responders``.
    """
    by_outcome: dict[str, list[int]] = {}
    for k, f in enumerate(facts):
        for name in {i.outcome for i in f.items if i.outcome}:
            if not name.startswith(RESPONDED) and name != "deployed":
                by_outcome.setdefault(name, []).append(k)
    joined: dict[int, int] = {}
    for ks in by_outcome.values():
        if len(ks) < 2 or any(k in joined for k in ks):
            continue
        voices = [facts[k].voices for k in ks]
        if any(len(v) != 1 for v in voices) or len(set().union(*voices)) != len(ks):
            continue
        items = [i for k in ks for i in facts[k].items]
        if any(i.claim.value is None for i in items):
            continue
        if not all(compatible(items[0].claim, i.claim) for i in items[1:]):
            continue
        if len({_who_counted(i) for i in items} - {None}) > 1:
            continue  # "three police officers killed" / "forty protesters killed"
        if len({_scope(i) for i in items} - {frozenset()}) > 1:
            continue  # "in Hatay, 2,323 injured" / "in Gaziantep, 450 hurt"
        for k in ks:
            joined[k] = ks[0]
    merged: dict[int, Fact] = {}
    for k, f in enumerate(facts):
        merged.setdefault(joined.get(k, k), Fact()).items.extend(f.items)
    return list(merged.values())


def cannot_link(a: ClaimItem, b: ClaimItem, baseline_a: bool, baseline_b: bool) -> bool:
    """Whether two claims can never be one fact: different kinds or units (or two
    figures of one sentence the text does not relate), outcomes that rule each other
    out ("killed" / "injured"), or a yardstick beside a measurement."""
    return (
        not compatible(a.claim, b.claim, a.article.text)
        or conflict(a.outcome, b.outcome)
        or baseline_a != baseline_b
    )


#: Two claims of one pair that are always one fact; each rule names the input it exists for.
MUST_LINK: tuple[Callable[[ClaimItem, ClaimItem, float], bool], ...] = (
    lambda a, b, _: from_to(a.claim, b.claim, a.article.text),
    lambda a, b, _: compared(a.claim, b.claim, a.article.text),
    lambda a, b, _: converted(a.claim, b.claim),
    lambda a, b, _: digit_slip(a.claim, b.claim),
    lambda a, b, _: same_responders(a, b),
    two_claimants,
)

#: Facts joined after clustering, in order.
JOINS: tuple[Callable[[list[Fact]], list[Fact]], ...] = (join_rival_counts, join_lone_outcomes)


def must_link(a: ClaimItem, b: ClaimItem, cosine: float) -> bool:
    return any(rule(a, b, cosine) for rule in MUST_LINK)
