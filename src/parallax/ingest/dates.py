"""Find an explicit publication date in article text.

Only a full date (day, month and year) counts: a weekday or a month alone would
need the event's context to resolve, and guessing here would put an invented
date into every later timeline. A date introduced by "published" or "updated"
wins; otherwise the first full date near the top (the dateline) is taken. A date
deeper in the body is usually about something else (an inauguration, a deadline),
so it is not taken for the publication date.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
    r"|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_PATTERNS = [
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
]
_YEAR_ONLY = re.compile(r"(?:19|20)\d\d")
_WINDOW = 24
_PUBLISHED = re.compile(r"\b(?:published|posted|updated|last\s+modified)\b", re.IGNORECASE)
_PUBLISHED_REACH = 40
# How far into the text a dateline may stand: a headline, a standfirst and the start
# of the first paragraph.
_DATELINE_REACH = 400


def _to_date(match: re.Match[str]) -> dt.date | None:
    month = match.group("month")
    number = int(month) if month.isdigit() else _MONTHS[month[:3].lower()]
    try:
        return dt.date(int(match.group("year")), number, int(match.group("day")))
    except ValueError:
        return None


def full_dates(text: str) -> list[tuple[int, dt.date]]:
    """Every valid full date in ``text`` with its offset, in reading order."""
    found: dict[int, dt.date] = {}
    for year in _YEAR_ONLY.finditer(text):
        # Every pattern holds a year, so only short windows around years are searched.
        offset = max(0, year.start() - _WINDOW)
        window = text[offset : year.end() + _WINDOW]
        for pattern in _PATTERNS:
            for match in pattern.finditer(window):
                start = offset + match.start()
                cut_word = start > 0 and text[start - 1].isalnum()
                date = _to_date(match)
                if date is None or cut_word or any(s <= start < s + 20 for s in found):
                    continue
                found[start] = date
    return sorted(found.items())


def date_from_text(text: str) -> dt.date | None:
    """The publication date stated in ``text``, or ``None`` when none is explicit."""
    dates = full_dates(text)
    if not dates:
        return None
    for match in _PUBLISHED.finditer(text):
        for start, date in dates:
            if match.end() <= start <= match.end() + _PUBLISHED_REACH:
                return date
    start, date = dates[0]
    return date if start <= _DATELINE_REACH else None
