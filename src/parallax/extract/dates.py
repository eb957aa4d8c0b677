"""Infer missing article dates from the text and from dated siblings in the event.

Relative expressions ("today, Thursday") only resolve against the article's date,
and scraped pages often lack one. A full weekday-and-day ("Friday, May 20") fixes the
year up to a 5-11 year cycle; a day of the month or a weekday fixes the date only
near a dated sibling, and a weekday is tied to a sibling only when both articles
report the same figure (evidence of the same news cycle). Anything less is left
unknown: a wrong date silently shifts every ``as_of`` in the article.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence

from parallax.extract.timing import previous_weekday
from parallax.lexicon.calendar import MONTH_RE, MONTHS, WEEKDAY_RE, WEEKDAYS
from parallax.models import Article

_WD_DATE = re.compile(
    rf"\b(?P<wd>{WEEKDAY_RE}),?\s+(?:(?P<month>{MONTH_RE})\.?\s+(?P<day>\d{{1,2}})|"
    rf"(?P<day2>\d{{1,2}})\s+(?P<month2>{MONTH_RE}))\b(?!,?\s*(?:19|20)\d\d)",
    re.IGNORECASE,
)
_FULL_DATE = re.compile(
    rf"\b(?:(?P<month>{MONTH_RE})\.?\s+(?P<day>\d{{1,2}}),?\s+|(?P<day2>\d{{1,2}})\s+"
    rf"(?P<month2>{MONTH_RE})\.?,?\s+)(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_NTH = re.compile(r"\bon the (\d{1,2})(?:st|nd|rd|th)\b", re.IGNORECASE)
_TODAY_WD = re.compile(rf"\btoday,?\s+(?P<wd>{WEEKDAY_RE})\b", re.IGNORECASE)
_BARE_WD = re.compile(
    rf"(?P<pre>\b(?:since|last|next|until|by|from)\s+)?\b(?P<wd>{WEEKDAY_RE})\b", re.IGNORECASE
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _explicit(
    article: Article, anchors: list[dt.date], today: dt.date
) -> tuple[dt.date, str] | None:
    found: list[tuple[dt.date, str]] = []
    for m in _FULL_DATE.finditer(article.text):
        month = MONTHS[(m.group("month") or m.group("month2")).lower()]
        d = _safe_date(int(m.group("year")), month, int(m.group("day") or m.group("day2")))
        if d and d <= today:
            found.append((d, f"latest full date in the text: '{m.group(0)}'"))
    years = [int(y) for y in _YEAR.findall(article.text) if int(y) <= today.year]
    lo = max(years) if years else today.year - 30
    for m in _WD_DATE.finditer(article.text):
        month = MONTHS[(m.group("month") or m.group("month2")).lower()]
        day = int(m.group("day") or m.group("day2"))
        wd = WEEKDAYS.index(m.group("wd").lower())
        cands = [
            d
            for y in range(lo, today.year + 1)
            if (d := _safe_date(y, month, day)) and d.weekday() == wd and d <= today
        ]
        if not cands:
            continue
        if anchors:
            pick = min(cands, key=lambda d: min(abs((d - a).days) for a in anchors))
            why = "nearest to the dated siblings"
        else:
            pick = max(cands)
            why = f"most recent year since {lo} (latest year the text mentions)"
        found.append((pick, f"'{m.group(0)}': year with that weekday, {why}"))
    return max(found) if found else None


def _weekday_cue(text: str) -> int | None:
    m = _TODAY_WD.search(text)
    if m:
        return WEEKDAYS.index(m.group("wd").lower())
    counts = Counter(
        WEEKDAYS.index(m.group("wd").lower()) for m in _BARE_WD.finditer(text) if not m.group("pre")
    )
    if not counts:
        return None
    ranked = counts.most_common(2)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def _figures(article: Article) -> set[float]:
    return {
        c.value
        for c in article.claims
        if c.value is not None and not c.vague and c.value >= 10 and c.kind == "count"
    }


def infer_dates(articles: Sequence[Article], today: dt.date | None = None) -> None:
    """Set ``published`` (basis "inferred") where the text and siblings allow; note how."""
    today = today or dt.date.today()
    changed = True
    while changed:
        changed = False
        dated = [a for a in articles if a.published is not None]
        anchors = [a.published for a in dated if a.published is not None]
        for art in articles:
            if art.published is not None:
                continue
            got = _explicit(art, anchors, today)
            if got is None and anchors:
                got = _from_nth(art, anchors)
            if got is None and dated:
                got = _from_weekday(art, dated)
            if got is not None:
                art.published, art.published_basis = got[0], "inferred"
                art.warnings.append(f"date inferred as {got[0]}: {got[1]}")
                changed = True
                break
    for art in articles:
        if art.published is None and not any(w.startswith("date unknown") for w in art.warnings):
            art.warnings.append("date unknown: the text gives no day that can be placed")


def _from_nth(art: Article, anchors: list[dt.date]) -> tuple[dt.date, str] | None:
    m = _NTH.search(art.text)
    if not m or "today" not in art.text.lower():
        return None
    day = int(m.group(1))
    cands: list[dt.date] = []
    for a in anchors:
        for shift in (-1, 0, 1):
            y, mo = a.year, a.month + shift
            if mo < 1:
                y, mo = y - 1, 12
            if mo > 12:
                y, mo = y + 1, 1
            d = _safe_date(y, mo, day)
            if d and abs((d - a).days) <= 15:
                cands.append(d)
    if not cands:
        return None
    pick = min(cands, key=lambda d: min(abs((d - a).days) for a in anchors))
    return pick, f"'{m.group(0)}' with 'today', day of month placed next to a dated sibling"


def _from_weekday(art: Article, dated: list[Article]) -> tuple[dt.date, str] | None:
    """A weekday said to be "today" is the date; a bare weekday is only a lower bound
    (news names the day something happened, and publishes then or a little later), so
    the earliest sibling sharing a figure within the following week settles it."""
    wd = _weekday_cue(art.text)
    if wd is None:
        return None
    is_today = _TODAY_WD.search(art.text) is not None
    mine = _figures(art)
    # Metadata dates are the firmest anchors, dates read from text or inferred less so.
    rank = {"metadata": 0, "text": 1, "inferred": 2}
    linked = [
        (sib, mine & _figures(sib))
        for sib in sorted(dated, key=lambda a: rank.get(a.published_basis or "", 3))
        if sib.published is not None and mine & _figures(sib)
    ]
    if not linked:
        return None
    sib, shared = linked[0]
    assert sib.published is not None
    back = previous_weekday(sib.published, wd)
    fwd = back + dt.timedelta(days=7)
    day = back if (sib.published - back) <= (fwd - sib.published) else fwd
    fig = f"{sorted(shared)[0]:g}"
    why = (
        f"'today, {WEEKDAYS[wd].title()}' nearest to sibling {sib.aid} ({sib.published}), "
        f"which reports the same figure {fig}"
    )
    if is_today:
        return day, why
    later = sorted(
        s.published
        for s, _ in linked
        if s.published is not None and day <= s.published <= day + dt.timedelta(days=6)
    )
    if later and later[0] != day:
        return later[0], (
            f"most named weekday {WEEKDAYS[wd].title()} ({day}) is a lower bound; earliest "
            f"sibling sharing a figure on or after it is dated {later[0]}"
        )
    return day, why.replace("'today, ", "weekday '")
