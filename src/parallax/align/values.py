"""When two stated figures are the same answer.

Outlets round: one writes 7.18 million where another writes 7,176,141, and a
reader would call those the same figure. Two values are the same answer when
the finer one, rounded to the precision of the coarser one, equals it. The
precision of a figure is read off its own digits (trailing zeros), because the
claim keeps only the normalised value.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from parallax.lexicon.numbers import LOWER_BOUNDS, UPPER_BOUNDS
from parallax.models import Claim


def precision(value: float) -> float:
    """The rounding step a stated figure implies: 7,180,000 -> 10,000; 3.4 -> 0.1; 288 -> 1."""
    if value == 0 or not math.isfinite(value):
        return 1.0
    v = abs(value)
    if v != round(v):
        text = f"{v:.6f}".rstrip("0")
        decimals = len(text.split(".")[1]) if "." in text else 0
        return 10.0 ** (-decimals)
    n = round(v)
    step = 1
    while n % (step * 10) == 0 and step * 10 <= n:
        step *= 10
    return float(step)


#: Whole numbers below this are counts stated exactly: 20 and 22 are different figures.
EXACT_BELOW = 100


def same_value(a: float, b: float) -> bool:
    """True when ``a`` and ``b`` agree at the coarser of their two precisions.

    The 10% cap keeps a bare round number from absorbing everything near it:
    "some 2,000" would otherwise equal anything from 1,500 to 2,499, while
    "over 1,000" still takes 1,091 and "nearly 1,200" takes 1,175.
    """
    if a == b:
        return True
    if (a < 0) != (b < 0):
        return False
    if max(abs(a), abs(b)) < EXACT_BELOW and a == round(a) and b == round(b):
        # "20 of them seriously" is not "22 severely injured" rounded: a count under a
        # hundred is stated exactly, whatever its last digit.
        return False
    step = max(precision(a), precision(b))
    coarse, fine = (a, b) if precision(a) >= precision(b) else (b, a)
    if abs(round(fine / step) * step - coarse) > step * 1e-6:
        return False
    return abs(a - b) <= 0.1 * max(abs(a), abs(b))


def bound(claim: Claim) -> int:
    """1 for a lower bound, -1 for an upper bound, 0 for a value or an estimate."""
    q = (claim.qualifier or "").casefold()
    return 1 if q in LOWER_BOUNDS else -1 if q in UPPER_BOUNDS else 0


def same_figure(a: Claim, b: Claim) -> bool:
    """Whether two claims state the same figure: the same value, and bounds that allow it.

    Rounding alone would make "more than a thousand" the same as "at least
    959" (959 rounds to 1,000), yet these are two different lower bounds, both
    of which can be true. Two bounds of one direction are the same figure only
    with the same value; bounds of opposite directions only when the range
    between them is not empty ("more than 1,900" and "nearly 2,000", never
    "more than 1,000" and "nearly 1,000"). A bound and a plain value are the
    same figure when the bound is the value rounded towards it: "more than 8m"
    is 8,794,726 rounded down to the million, "nearly 1,200" is 1,175 rounded
    up, "over 1,000" is 1,091; "more than 1,000" is not 959, and "over 1,000"
    is not 1,400 (the 10% cap of :func:`same_value`).
    """
    va, vb = base_value(a), base_value(b)
    if va is None or vb is None:
        return False
    ba, bb = bound(a), bound(b)
    if ba and bb:
        if ba == bb:
            return va == vb
        low, high = (va, vb) if ba == 1 else (vb, va)
        return low < high and same_value(va, vb)
    if va == vb:
        return True
    if ba == 0 and bb == 0:
        return same_value(va, vb)
    direction, lim, other = (ba, va, vb) if ba else (bb, vb, va)
    if abs(lim - other) > 0.1 * max(abs(lim), abs(other)) or (lim < 0) != (other < 0):
        return False
    step = precision(lim)
    # The tolerance keeps float error out of the rounding: 1.2 / 0.1 is 11.999...
    ratio = other / step
    rounded = math.floor(ratio + 1e-9) if direction == 1 else math.ceil(ratio - 1e-9)
    return abs(rounded * step - lim) <= step * 1e-6


_CELSIUS = frozenset({"°c", "c", "degrees celsius", "degree celsius", "celsius"})
_FAHRENHEIT = frozenset({"°f", "f", "degrees fahrenheit", "degree fahrenheit", "fahrenheit"})
_DEGREES = frozenset({"degrees", "degree", "°"})
_KM = frozenset({"km", "kilometers", "kilometres", "kilometer", "kilometre"})
_MILES = frozenset({"miles", "mile", "mi"})
_MILE_KM = 1.609344
#: Below this a Fahrenheit figure is read as a difference ("0.27 °F warmer"), above
#: as a temperature (58.96 °F): anomalies are what news reports give in small numbers.
_ANOMALY_MAX_F = 20.0


def unit_family(claim: Claim) -> str:
    """What a money or measure unit measures, so "1.48°C" and "1.45 degrees Celsius" compare.

    Outlets write one unit many ways ("°C", "c", "degrees Celsius") and give the
    same quantity in different units (1.18 °C = 2.12 °F); both must still be one
    fact. Counts and percentages have no unit family.
    """
    if claim.kind == "count" and span_hours(claim) is not None:
        return "duration"
    if claim.kind not in ("money", "measure") or not claim.unit:
        return ""
    unit = claim.unit.strip().lower()
    if unit in _CELSIUS or unit in _FAHRENHEIT or unit in _DEGREES:
        return "temperature"
    if unit in _KM or unit in _MILES:
        return "distance"
    return unit


#: Hours in each unit a span of time is counted in: "four days" is "96 hours".
_SPAN_HOURS = {
    "minute": 1 / 60, "hour": 1.0, "day": 24.0, "week": 168.0, "month": 730.5, "year": 8766.0,
}  # fmt: skip


def span_hours(claim: Claim) -> float | None:
    """Hours in the unit a count of time is given in ("41 hours", "four days", "96-hour"),
    or None when the count is not of a span of time."""
    words = (claim.counted or "").casefold().split()
    if not words:
        tail = claim.text.casefold().rsplit("-", 1)
        words = [tail[1]] if len(tail) == 2 else []
    return _SPAN_HOURS.get(words[-1].removesuffix("s")) if words else None


def base_value(claim: Claim) -> float | None:
    """The value in the family's base unit (°C, km, hours); other units unchanged."""
    v = claim.value
    hours = span_hours(claim) if claim.kind == "count" and v is not None else None
    if v is not None and hours is not None:
        return v * hours
    if v is None or not claim.unit:
        return v
    unit = claim.unit.strip().lower()
    if unit in _FAHRENHEIT:
        return v * 5 / 9 if abs(v) < _ANOMALY_MAX_F else (v - 32) * 5 / 9
    if unit in _MILES:
        return v * _MILE_KM
    return v


def group_values(claims: Sequence[Claim]) -> list[list[int]]:
    """Indices of ``claims`` grouped by same answer; vague claims (no value) each stand alone.

    Groups keep first-seen order; a claim joins the first group whose
    representative it matches, the representative being the group's most
    precise member so that chains of roundings cannot drift.
    """
    groups: list[list[int]] = []
    reps: list[Claim | None] = []
    for i, c in enumerate(claims):
        v = base_value(c)  # a range compares by its lower bound
        if v is None:
            groups.append([i])
            reps.append(None)
            continue
        for g, rep in enumerate(reps):
            if rep is not None and same_figure(c, rep):
                groups[g].append(i)
                rv = base_value(rep)
                if rv is not None and precision(v) < precision(rv):
                    reps[g] = c
                break
        else:
            groups.append([i])
            reps.append(c)
    return groups
