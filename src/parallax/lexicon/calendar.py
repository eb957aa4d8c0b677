"""Month and weekday names, and the words that say *when* rather than *what*."""

from __future__ import annotations

import calendar as _calendar

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

#: Month name or abbreviation (lower case) -> month number; "sept" too.
MONTHS: dict[str, int] = {m.lower(): i for i, m in enumerate(_calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(_calendar.month_abbr) if m})
MONTHS["sept"] = 9

#: A month name or abbreviation (no trailing dot), for use inside a larger pattern.
MONTH_RE = (
    r"(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
)
#: A month name or its abbreviation, any suffix, optional dot ("Jan.", "January").
MONTH_PREFIX_RE = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
WEEKDAY_RE = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
#: Capitalised month and weekday names: a checkable date in a sentence.
CAPITALISED_DATE_WORDS_RE = (
    r"\b(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)\b"
)

#: Words that say when, not what: shared by every report of a day's news, so never a
#: topic, and between two figures they make two periods of one quantity. "March" and
#: "May" are left out: a protest march and a modal verb are not dates.
TIME_WORDS = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "april", "june", "july", "august", "september", "october",
        "november", "december", "today", "yesterday", "tomorrow", "tonight", "day", "week",
        "month", "year", "morning", "evening", "night", "earlier", "later", "last", "next",
        "previous", "prior", "ago", "daily", "weekly", "monthly", "annual", "pre-war",
    }
)  # fmt: skip
