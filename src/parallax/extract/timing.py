"""The day a claim refers to, from the words around it and the article's date.

A toll "today, Thursday" and one "last week" are different answers even when the
numbers differ, so every claim gets the day it speaks of. Expressions that open a
period ("since Monday", "this week") describe the span up to the statement and do not
move it; "earlier this week" names no day and is left unresolved rather than guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_MONTH_RE = (
    r"(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
)
_WD_RE = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"

TIME_EXPR = re.compile(
    rf"(?P<pre>\b(?:since|from|until|till|before|by|after)\s+(?:last\s+|early\s+|late\s+)?)?"
    r"(?:(?P<today>\btoday\b|\btonight\b|\bthis (?:morning|afternoon|evening)\b)"
    r"|(?P<yesterday>\byesterday\b)"
    r"|(?P<earlier>\bearlier this week\b)"
    r"|(?P<thisweek>\bthis week\b)"
    r"|(?P<lastweek>\blast week\b)"
    r"|(?P<nth>\bon the (?P<day>\d{1,2})(?:st|nd|rd|th)\b)"
    r"|(?P<inyear_expr>\b(?:in|during|for)\s+(?P<inyear>(?:19|20)\d\d)\b(?!\s*,?\s*\d))"
    r"|(?P<md>\b(?P<inm>(?:in|during|for)\s+)?"
    r"(?:(?P<edge>end|beginning|start|middle) of (?:last )?)?(?P<lastm>last )?"
    rf"(?P<month>{_MONTH_RE})\.?(?:\s+(?P<mday>\d{{1,2}})(?!\d|,\d)(?:st|nd|rd|th)?)?"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d))?\b)"
    rf"|(?P<wdexpr>\b(?P<wdmod>last |this |next )?(?P<wd>{_WD_RE})\b))",
    re.IGNORECASE,
)


def previous_weekday(base: dt.date, weekday: int, strict: bool = False) -> dt.date:
    """The latest date on or before ``base`` (before, if strict) with that weekday."""
    delta = (base.weekday() - weekday) % 7
    if strict and delta == 0:
        delta = 7
    return base - dt.timedelta(days=delta)


def resolve(m: re.Match[str], base: dt.date) -> tuple[dt.date | None, str] | None:
    """Resolve one matched expression against ``base``; None when it fixes no day."""
    if m.group("pre"):
        return None
    expr = m.group(0).strip()
    if m.group("today"):
        return base, f"'{expr}' = article date"
    if m.group("yesterday"):
        return base - dt.timedelta(days=1), f"'{expr}' = article date - 1"
    if m.group("earlier"):
        monday = base - dt.timedelta(days=base.weekday())
        return None, f"'{expr}': some day from {monday} to {base - dt.timedelta(days=1)}"
    if m.group("thisweek"):
        return base, f"'{expr}': period up to the article date"
    if m.group("lastweek"):
        return base - dt.timedelta(days=7), f"'{expr}' = article date - 7"
    if m.group("nth"):
        day = int(m.group("day"))
        year, month = base.year, base.month
        if day > base.day:
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        if day > calendar.monthrange(year, month)[1]:
            return None
        return dt.date(year, month, day), f"'{expr}' in the article's month"
    if m.group("month"):
        month = MONTHS[m.group("month").lower().rstrip(".")]
        if m.group("month").lower() == "may" and not (
            m.group("mday") or m.group("edge") or m.group("lastm")
        ):
            return None
        if m.group("year"):
            year = int(m.group("year"))
        else:
            year = base.year if month <= base.month else base.year - 1
            if m.group("lastm") and month >= base.month:
                year = base.year - 1
        if m.group("mday"):
            day = int(m.group("mday"))
            if day > calendar.monthrange(year, month)[1]:
                return None
            parsed = dt.date(year, month, day)
            if parsed > base + dt.timedelta(days=1) and not m.group("year"):
                return None
            return parsed, f"'{expr}'"
        if m.group("edge") == "end":
            return dt.date(year, month, calendar.monthrange(year, month)[1]), f"'{expr}'"
        if m.group("edge") in ("beginning", "start"):
            return dt.date(year, month, 1), f"'{expr}'"
        if m.group("inm") and not m.group("lastm"):
            last = dt.date(year, month, calendar.monthrange(year, month)[1])
            return min(last, base), f"'{expr}': end of that month (or article date)"
        return None
    if m.group("inyear"):
        year = int(m.group("inyear"))
        if year < base.year:
            return dt.date(year, 12, 31), f"'{expr}': end of that year"
        return None
    if m.group("wd"):
        wd = WEEKDAYS.index(m.group("wd").lower())
        mod = (m.group("wdmod") or "").strip().lower()
        if mod == "next":
            return None
        return previous_weekday(base, wd, strict=mod == "last"), f"'{expr}' before article date"
    return None


def claim_as_of(
    sentence: str, fig_start: int, base: dt.date | None
) -> tuple[dt.date | None, str | None]:
    """The day a figure at ``fig_start`` (offset in ``sentence``) refers to."""
    if base is None:
        return None, None
    best: tuple[int, tuple[dt.date | None, str]] | None = None
    for m in TIME_EXPR.finditer(sentence):
        res = resolve(m, base)
        if res is None:
            continue
        dist = min(abs(m.start() - fig_start), abs(m.end() - fig_start))
        if best is None or dist < best[0]:
            best = (dist, res)
    if best is None:
        return base, "article date"
    return best[1]
