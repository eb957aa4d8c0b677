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
from collections.abc import Sequence

from parallax.lexicon.calendar import MONTH_RE, MONTHS, WEEKDAY_RE, WEEKDAYS

TIME_EXPR = re.compile(
    rf"(?P<pre>\b(?:since|from|until|till|before|by|after)\s+(?:last\s+|early\s+|late\s+)?)?"
    r"(?:(?P<today>\btoday\b|\btonight\b|\bthis (?:morning|afternoon|evening)\b)"
    r"|(?P<yesterday>\byesterday\b)"
    r"|(?P<earlier>\bearlier this week\b)"
    r"|(?P<thisweek>\bthis week\b)"
    r"|(?P<lastweek>\blast week\b)"
    r"|(?P<nth>\bon the (?P<day>\d{1,2})(?:st|nd|rd|th)\b)"
    r"|(?P<inyear_expr>\b(?:in|during|for)\s+(?P<inyear>(?:19|20)\d\d)\b(?!\s*,?\s*\d))"
    r"|(?P<md>\b(?P<inm>(?:in|during|for|as of)\s+)?"
    r"(?:(?P<edge>end|beginning|start|middle) of (?:last )?)?(?P<lastm>last )?"
    rf"(?P<month>{MONTH_RE})\.?(?:\s+(?P<mday>\d{{1,2}})(?!\d|,\d)(?:st|nd|rd|th)?)?"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d))?\b)"
    rf"|(?P<wdexpr>\b(?P<wdmod>last |this |next )?(?P<wd>{WEEKDAY_RE})\b))",
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
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
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
            # "May 0" or "June 31" is no date (mutated or mistyped text).
            if not 1 <= day <= calendar.monthrange(year, month)[1]:
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


# Clause breaks: "288 on June 3 but on Sunday ... 275", "288 on June 3, while 1,091".
_CLAUSE_BREAK = re.compile(r";|\s(?:but|while|whereas|although)\s|\s[–—]\s", re.IGNORECASE)
# A time that dates the event a noun names, not the figure: "the quake that struck on
# Monday has killed 11,000", "the accident Friday night killed 261", "Monday's quake".
_EVENT_NOUNS = (
    r"(?:accident|crash|collision|disaster|tragedy|quake|earthquake|tremor|attack|blast|"
    r"explosion|fire|storm|flood|game|match|election|vote|strike|protest|show)s?"
)
_EVENT_CLAUSE = re.compile(
    r"\b(?:that|which)\s+(?:\w+\s+){0,2}(?:occurred|struck|hit|happened|took place|"
    r"met with|began|started|rocked)\b[^,;.]*$",
    re.IGNORECASE,
)
_EVENT_NOUN_TIME = re.compile(rf"\b{_EVENT_NOUNS}\s+(?:on\s+)?$", re.IGNORECASE)
_EVENT_POSSESSIVE = re.compile(rf"^['’]s\s+(?:[\w.-]+\s+){{0,2}}{_EVENT_NOUNS}\b", re.IGNORECASE)
# "0.17°C higher than in 2016": the year after "than" is the baseline, not the figure's.
_BASELINE = re.compile(r"\b(?:than|compared (?:to|with)|from)\s+(?:(?:in|on)\s+)?$", re.I)
# Expressions that name a calendar period by themselves, placeable without the article date.
_ABSOLUTE = ("md", "inyear_expr")
_REVISED = re.compile(r"\brevis(?:ed|ion|ions)\b", re.IGNORECASE)


def _describes_other(sentence: str, m: re.Match[str], after: bool, fig_start: int) -> bool:
    before = sentence[max(0, m.start() - 80) : m.start()]
    if _EVENT_CLAUSE.search(before) or _BASELINE.search(before):
        return True
    # "The accident Friday night killed 261": a dated event ahead of a running toll.
    # "took part in protests on January 31" (after the figure) or "the protest Jan. 19
    # when a million joined" date the figure itself.
    between = sentence[m.end() : fig_start]
    return (
        not after
        and not re.search(r"\bwhen\b", between, re.IGNORECASE)
        and bool(_EVENT_NOUN_TIME.search(before) or _EVENT_POSSESSIVE.match(sentence[m.end() :]))
    )


def claim_as_of(
    sentence: str,
    fig_start: int,
    base: dt.date | None,
    *,
    others: Sequence[int] = (),
    anchor: dt.date | None = None,
) -> tuple[dt.date | None, str | None]:
    """The day a figure at ``fig_start`` (offset in ``sentence``) refers to.

    ``others`` are the offsets of the sentence's other figures: a time expression nearer
    to another figure ("3.5 million, compared to 2.5 million on January 31") is that
    figure's. Without an article date only expressions that name a calendar period
    ("in January", "in 2023") resolve, their year taken from ``anchor`` (the dates of
    sibling articles): the day is fixed by the words, only the year is borrowed.
    """
    ref = base or anchor
    if ref is None:
        return None, None
    breaks = [b.start() for b in _CLAUSE_BREAK.finditer(sentence)]

    def clause(pos: int) -> int:
        return sum(b < pos for b in breaks)

    best: tuple[int, tuple[dt.date | None, str]] | None = None
    for m in TIME_EXPR.finditer(sentence):
        if base is None and not any(m.group(g) for g in _ABSOLUTE):
            continue
        after = m.start() > fig_start
        if _describes_other(sentence, m, after, fig_start):
            continue
        lo, hi = sorted((fig_start, m.start() if after else m.end()))
        if after and any(lo < o < hi for o in others):
            continue  # a trailing time belongs to the figure just before it
        res = resolve(m, ref)
        if res is None:
            continue
        dist = min(abs(m.start() - fig_start), abs(m.end() - fig_start))
        if _CLAUSE_BREAK.search(sentence, lo, hi):
            if any(clause(o) == clause(m.start()) for o in others):
                continue  # the other clause has its own figure for this time
            dist += 1000
        if best is None or dist < best[0]:
            best = (dist, res)
    if best is None:
        return (base, "article date") if base is not None else (None, None)
    if (
        _REVISED.search(sentence, 0, fig_start)
        and not re.search(r"\bfrom\s+$", sentence[:fig_start])
        and "end of that month" in best[1][1]
    ):
        # "December was revised up to 260,000": a revised statistic is dated by the
        # release that revised it, not by the month it measures.
        return (base, "revised figure: its release date") if base else (None, None)
    return best[1]
