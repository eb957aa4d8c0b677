"""Judge how the outlets differ on one numeric fact.

The rules are tried in order, the order a reader asks in (``RULES``):

1. one voice, one figure: *unique coverage* (wire copies are one voice);
2. one figure from several voices: *consensus*, unless some give it as the
   value something changed to and others as the value it changed from
   ("rose to $6.7 billion" / "up from $6.7 billion"): *factual conflict*;
3. several figures from one outlet and one source: *unique coverage*;
4. outlets that all give a change "from 62 to 64": *consensus* on 64;
5. a part against a whole ("the last 531" vs "2,429 in total"): *scope*;
6. figures that come with different dates, or with revision wording
   ("rose to", "revised", "previous figure"): *numeric update*;
7. a lone figure that is another's with a digit slipped: *numeric conflict*,
   said to be a likely typo;
8. different figures at one time, each group from its own claimants with no
   claimant in common (police 1.28 million / CGT union 3.5 million):
   *attribution*, because who is counting explains the difference;
9. anything else: *numeric conflict*, with "both can be true" when the
   qualifiers ("more than 900", "at least 959") leave room for both.

Each rule decides; the words of its explanation are written by ``explain``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from parallax.align import explain
from parallax.align.items import ClaimItem, lead_in
from parallax.align.links import called_earlier, digit_slip, old_value
from parallax.align.outcomes import grows
from parallax.align.text import content_words
from parallax.align.values import bound
from parallax.lexicon import cues
from parallax.lexicon.numbers import APPROXIMATE
from parallax.schema import QuestionKind


@dataclass(frozen=True)
class Verdict:
    kind: QuestionKind
    explanation: str
    #: Value groups reordered for display (time order for updates).
    groups: list[list[ClaimItem]]


@dataclass
class _Fact:
    """A fact's value groups and what every rule asks of them, computed once."""

    groups: list[list[ClaimItem]]
    n_voices: int
    voices: set[str] = field(init=False)

    def __post_init__(self) -> None:
        self.voices = {i.voice for g in self.groups for i in g}


def interval(item: ClaimItem) -> tuple[float, float]:
    """The range of true values a qualified figure allows ("more than 900" -> (900, inf))."""
    v = item.claim.value
    if v is None:
        return (0.0, math.inf)
    hi = item.claim.value_high if item.claim.value_high is not None else v
    direction = bound(item.claim)
    if direction == 1:
        return (v, math.inf)
    if direction == -1:
        return (0.0, hi)
    if (item.claim.qualifier or "").casefold() in APPROXIMATE or item.claim.vague:
        return (v * 0.9, hi * 1.1)
    return (v, hi)


def can_all_be_true(groups: Sequence[Sequence[ClaimItem]]) -> bool:
    lo = max(interval(i)[0] for g in groups for i in g)
    hi = min(interval(i)[1] for g in groups for i in g)
    return lo <= hi


def _date(group: Sequence[ClaimItem]) -> dt.date | None:
    dates = [i.date for i in group if i.date is not None]
    return min(dates) if dates else None


def _group_value(group: Sequence[ClaimItem]) -> float:
    vals = [i.claim.value for i in group if i.claim.value is not None]
    return min(vals) if vals else math.inf


def _has_cue(group: Sequence[ClaimItem], pattern: re.Pattern[str]) -> bool:
    """Cue words next to the figure itself; the rest of the sentence may be about another one."""
    return any(pattern.search(i.local) for i in group)


def _is_part(item: ClaimItem) -> bool:
    # "including 600 wounded", "the last 531": the part marker leads into the figure.
    return bool(cues.PART.search(lead_in(item, 4)))


def _scope_split(groups: Sequence[Sequence[ClaimItem]]) -> tuple[int, int] | None:
    """(part, whole) group indices when one group is marked as a part of another's total.

    The part marker must lead into the figure ("including 600 wounded", "the last
    531"); after it ("3,553, including 2,166 in rebel-held areas") it marks the
    figure as the whole.
    """
    for p, part in enumerate(groups):
        if not all(_is_part(i) for i in part):
            continue
        for w, whole in enumerate(groups):
            if w == p or _group_value(part) >= _group_value(whole):
                continue
            if any(cues.WHOLE.search(i.local) for i in whole) or not any(
                _is_part(i) for i in whole
            ):
                return p, w
    return None


def _time_ordered(groups: Sequence[Sequence[ClaimItem]]) -> list[list[ClaimItem]]:
    return sorted(
        (list(g) for g in groups),
        key=lambda g: (_date(g) or dt.date.max, _group_value(g)),
    )


def _dates_separate(groups: Sequence[Sequence[ClaimItem]]) -> bool:
    """True when every group has a date the text gives and the groups follow each other.

    Publication dates alone do not make an update: a city's population quoted on
    Monday and on Wednesday is the same quantity, so only ``as_of`` dates read
    from the text count, and the groups' date ranges must not overlap.
    """
    spans = []
    for g in groups:
        dates = [i.claim.as_of for i in g if i.claim.as_of is not None and _dated_by_text(i)]
        if not dates:
            return False
        spans.append((min(dates), max(dates)))
    spans.sort()
    return all(a[1] < b[0] for a, b in itertools.pairwise(spans))


def _grows_over_publication(groups: Sequence[Sequence[ClaimItem]]) -> bool:
    """Groups that follow each other in publication time with ever larger figures.

    This is how a casualty count reads across days when no article says
    "rose to": 900 injured on Saturday, 1,091 on Sunday, 1,175 on Tuesday.
    A figure that goes up and down across days is left to the conflict test.
    Only tolls grow like this: a figure that counts no outcome (a city's
    population, 1 million in one article and 2 million in a later one) is not a
    running count, and two values of it conflict; nor is a count of those still
    there or still missing, which falls as days pass.
    """
    if not any(grows(i.outcome) for g in groups for i in g):
        return False
    spans = []
    for g in groups:
        dates = [i.date for i in g if i.date is not None]
        if not dates:
            return False
        spans.append((min(dates), max(dates), _group_value(g)))
    spans.sort()
    ordered = all(a[1] < b[0] for a, b in itertools.pairwise(spans))
    growing = all(a[2] < b[2] for a, b in itertools.pairwise(spans))
    return ordered and growing


def _dated_by_text(item: ClaimItem) -> bool:
    basis = (item.claim.as_of_basis or "").lower()
    return bool(basis) and basis != "article date" and not basis.startswith("'today'")


def _is_earlier(item: ClaimItem, fact: Sequence[ClaimItem]) -> bool:
    """The figure is the old value of a change its own sentence or article states.

    "raise the retirement age from 62 to 64": 62 is what 64 replaces, not a
    rival answer; nor is "the previous figure ... was 1,730".
    """
    c = item.claim
    if called_earlier(item):
        return True
    return any(old_value(c, o.claim, item.article.text) for o in fact)


def _agreed_change(
    groups: Sequence[Sequence[ClaimItem]],
) -> tuple[list[ClaimItem], list[ClaimItem]] | None:
    """(current, earlier) groups when every figure outside one group is an old value.

    Outlets that all say "from 62 to 64", or give 64 alone, agree: the fact has
    two values, but no outlet answers with the old one. Outlets that disagree on
    the old value ("from 3.7%" / "from 3.9%") do not agree. A measured figure
    that moved ("the toll rose from 1,200 to 1,500", "November was revised up
    from 256,000 to 290,000") is different: the old value was once the answer,
    so the figure has an update history a reader should see, and it stays a
    numeric update.
    """
    items = [i for g in groups for i in g]
    if any(cues.REVISION.search(i.sentence) or cues.MOVED.search(i.local) for i in items):
        return None
    current = [k for k, g in enumerate(groups) if not all(_is_earlier(i, items) for i in g)]
    if len(current) != 1 or len(groups) != 2:
        return None
    k = current[0]
    return list(groups[k]), list(groups[1 - k])


def _role(item: ClaimItem) -> str | None:
    """ "new" for "rose to $6.7 billion", "old" for "up from $6.7 billion", else None."""
    words = [w.strip(",;:()\"'“”").casefold() for w in lead_in(item, 6).split()]
    if len(words) < 2:
        return None
    before = " ".join(words[:-1])
    if cues.FORECAST.search(before):
        return None  # "is expected to climb to 300" is no value yet
    if words[-1] == "from" and (words[-2] in ("up", "down") or cues.MOVED.search(before)):
        return "old"  # not "ranged from 10,000 to 20,000"
    if words[-1] == "to" and cues.MOVED.search(before):
        return "new"
    return None


def _old_and_new(
    group: Sequence[ClaimItem],
) -> tuple[list[ClaimItem], list[ClaimItem], list[ClaimItem]] | None:
    """One figure that some outlets give as a new value and others as the old one.

    "Revenue increased by 88% to $6.7 billion" against "up from $6.7 billion in
    the same period last year": the outlets agree on the number and disagree on
    what it is, which is a factual conflict, not a consensus. An outlet that
    gives the figure as the old value later than another gave it as the new one
    has only moved on (last month's 3.4% is this month's "down from 3.4%"), so
    the old role must not come later than the new one. Returns (new, old, the
    rest: the figure given with no role).
    """
    by_role: dict[str | None, list[ClaimItem]] = {"new": [], "old": [], None: []}
    for item in group:
        by_role[_role(item)].append(item)
    new, old = by_role["new"], by_role["old"]
    if not new or not old or {i.voice for i in new} & {i.voice for i in old}:
        return None
    new_dates = [i.date for i in new if i.date]
    old_dates = [i.date for i in old if i.date]
    if new_dates and old_dates and max(old_dates) > min(new_dates):
        return None
    return new, old, by_role[None]


def _claimant_words(group: Sequence[ClaimItem]) -> set[str] | None:
    words = {w for i in group if i.claim.source for w in content_words(i.claim.source)}
    return words or None


def _distinct_claimants(groups: Sequence[Sequence[ClaimItem]]) -> bool:
    """Every group attributed, and no two groups share a word of their sources."""
    words = [_claimant_words(g) for g in groups]
    if any(w is None for w in words):
        return False
    sets = [w for w in words if w is not None]
    return all(a.isdisjoint(b) for a, b in itertools.combinations(sets, 2))


def _slip_pair(groups: Sequence[Sequence[ClaimItem]]) -> tuple[ClaimItem, ClaimItem] | None:
    """(typo, meant): a lone figure that is another group's figure with a digit slipped."""
    for g, h in itertools.permutations(groups, 2):
        if len(g) >= len(h):
            continue
        for i in g:
            for j in h:
                if digit_slip(i.claim, j.claim):
                    return i, j
    return None


# --------------------------------------------------------------------- the rules


def _one_voice(f: _Fact) -> Verdict | None:
    if len(f.groups) != 1 or len(f.voices) != 1:
        return None
    return Verdict("unique_coverage", explain.lone_figure(f.groups[0][0]), f.groups)


#: Statuses of a figure the text says was withdrawn or corrected.
DISPUTED = frozenset({"denied", "amended"})


def _one_figure(f: _Fact) -> Verdict | None:
    if len(f.groups) != 1:
        return None
    group = f.groups[0]
    disputed = [i for i in group if i.claim.status in DISPUTED]
    stated = [i for i in group if i.claim.status not in DISPUTED]
    if disputed and stated:
        # "11,300 dead, the Red Crescent said" against "the Red Crescent denied the
        # figure": the outlets agree on the number, not on whether it stands.
        return Verdict(
            "factual_conflict", explain.disputed(group[0], stated, disputed), [stated, disputed]
        )
    roles = _old_and_new(group)
    if roles is not None:
        new, old, _ = roles
        return Verdict(
            "factual_conflict",
            explain.roles(f.groups[0][0], new, old),
            [g for g in roles if g],
        )
    return Verdict("consensus", explain.consensus(len(f.voices), f.n_voices, f.groups[0]), f.groups)


def _one_source(f: _Fact) -> Verdict | None:
    """One outlet quoting one source (or none) for several figures is not a divergence
    between outlets: nobody else answers, and nobody contradicts it."""
    sources = {(i.claim.source or "").casefold() for g in f.groups for i in g}
    if len(f.voices) != 1 or len(sources) != 1:
        return None
    return Verdict("unique_coverage", explain.lone_outlet(f.groups[0][0], f.groups), f.groups)


def _agreed(f: _Fact) -> Verdict | None:
    agreed = _agreed_change(f.groups)
    if agreed is None or len(f.voices) <= 1:
        return None
    now, then = agreed
    # The old value is cited by the sentence that gives the new one ("from 62 to
    # 64"); it is shown apart only where an outlet states it in another sentence.
    cited = {(i.claim.aid, i.claim.sent_start) for i in now}
    apart = [i for i in then if (i.claim.aid, i.claim.sent_start) not in cited]
    return Verdict("consensus", explain.agreed_change(now, then), [now, apart] if apart else [now])


def _scope(f: _Fact) -> Verdict | None:
    split = _scope_split(f.groups)
    if split is None:
        return None
    part, whole = f.groups[split[0]], f.groups[split[1]]
    rest = [g for k, g in enumerate(f.groups) if k not in split]
    return Verdict("scope", explain.scope(part, whole), [whole, part, *rest])


def _update(f: _Fact) -> Verdict | None:
    # "The previous figure ... was 1,730" may sit far from its figure, beyond the local window.
    cue = any(_has_cue(g, cues.UPDATE) or any(called_earlier(i) for i in g) for g in f.groups)
    if _dates_separate(f.groups):
        why = "the figures refer to different dates"
    elif cue:
        why = "the articles describe the figure as rising or revised"
    elif _grows_over_publication(f.groups):
        why = "each later article gives a larger figure than the earlier ones"
    else:
        return None
    ordered = _time_ordered(f.groups)
    return Verdict(
        "numeric_update", explain.update(ordered, [_date(g) for g in ordered], why), ordered
    )


def _slip(f: _Fact) -> Verdict | None:
    pair = _slip_pair(f.groups)
    if pair is None:
        return None
    return Verdict(
        "numeric_conflict", explain.slipped_conflict(f.groups, explain.slip(*pair)), f.groups
    )


def _attribution(f: _Fact) -> Verdict | None:
    if not _distinct_claimants(f.groups):
        return None
    one_article = len({i.claim.aid for g in f.groups for i in g}) == 1
    text = explain.attribution(f.groups, one_article, can_all_be_true(f.groups))
    return Verdict("attribution", text, f.groups)


def _conflict(f: _Fact) -> Verdict | None:
    return Verdict(
        "numeric_conflict", explain.conflict(f.groups, can_all_be_true(f.groups)), f.groups
    )


#: The rules, in the order they are tried; the first that decides wins.
RULES: tuple[Callable[[_Fact], Verdict | None], ...] = (
    _one_voice,
    _one_figure,
    _one_source,
    _agreed,
    _scope,
    _update,
    _slip,
    _attribution,
    _conflict,
)


def classify(groups: Sequence[Sequence[ClaimItem]], n_voices: int = 0) -> Verdict:
    """The kind of a numeric fact from its value groups (each a list of claim items).

    ``n_voices`` is the number of independent voices of the whole event; with it
    a consensus explanation says whether at least half of the outlets state the fact.
    """
    fact = _Fact([list(g) for g in groups], n_voices)
    for rule in RULES:
        verdict = rule(fact)
        if verdict is not None:
            return verdict
    raise AssertionError("the last rule always decides")
