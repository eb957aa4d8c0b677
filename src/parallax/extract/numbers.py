"""Find the figures a reader would compare, and normalise them, from text alone.

Readers compare amounts, not every digit string: years, dates, clock times, ages,
ordinals, list numbers and model names ("Su-25", "COVID-19") are left out here so
that later stages never align "2014" with "2,014 people". Exclusions that need the
parse (a bare four-digit number being a year or a count) are decided in
``parallax.extract.figures``; this module handles what the characters alone settle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from parallax.lexicon.calendar import MONTH_PREFIX_RE
from parallax.lexicon.numbers import (
    COMPOUND_COUNTS,
    COMPOUND_UNITS,
    CURRENCY_AFTER,
    CURRENCY_BEFORE,
    FRACTIONS,
    MEASURE_UNITS,
    QUALIFIER_MEANS,
    QUALIFIERS,
    SCALES,
    SMALL_NUMBER_VALUES,
    SMALL_NUMBER_WORDS,
    TENOR_NOUNS,
    VAGUE_AMOUNTS,
)

Kind = Literal["count", "money", "percent", "measure"]

# The second alternative takes a stray space after a thousands comma ("8, 794,726",
# "24,025, 940"), as long as one comma in the number is unspaced.
_NUM = (
    r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|(?<!\d)\d{1,3}(?:,\s?\d{3})*,\d{3}(?:,\s?\d{3})*(?:\.\d+)?"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
)
_SMALL_RE = "|".join(sorted(SMALL_NUMBER_WORDS, key=len, reverse=True))
_WORDNUM = (
    rf"(?:(?:{_SMALL_RE})(?:-(?:{_SMALL_RE}))?|a|an)"
    r"(?:\s+(?:hundred|thousand|million|billion|dozen)(?:\s+(?:thousand|million))?)"
    rf"|(?:{_SMALL_RE})(?:-(?:{_SMALL_RE}))?"
)
_QUAL_RE = "|".join(
    sorted((r"\s+".join(map(re.escape, q.split())) for q in QUALIFIERS), key=len, reverse=True)
)
_SCALE_WORDS = r"hundred|thousand|million|billion|trillion|lakhs?|crores?"
_PCT = r"%|percent\b|per cent\b"
_COMPOUND_RE = "|".join(sorted([*COMPOUND_UNITS, *COMPOUND_COUNTS], key=len, reverse=True))
_FIGURE = re.compile(
    rf"(?:(?P<qual>{_QUAL_RE})\s+)?"
    r"(?P<cur>US\$|\$|€|£|₹|₦|¥|Rs\.?\s?|(?:INR|USD|EUR|GBP|RUB|CNY|JPY|NGN|CHF)\s)?"
    rf"(?:(?P<num>{_NUM})|(?P<word>{_WORDNUM})|(?P<vague>{VAGUE_AMOUNTS})"
    r"|(?P<half>half|a third|a quarter|two-thirds))"
    rf"(?:(?P<pct1>\s*(?:{_PCT}))?"
    rf"\s*(?P<rsep>-|–|to|and)\s*(?P<cur2>US\$|\$|€|£|₹)?(?P<num2>{_NUM}))?"
    rf"(?:(?P<scale>\s*(?:{_SCALE_WORDS})(?:\s+(?:{_SCALE_WORDS}))?\b|(?:bn|mn|mln|bln|tn|m|b|k)\b))?"
    r"(?:\s*(?P<pct>%|percent\b|per cent\b|percentage points?\b|pct\b)"
    r"|\s+(?P<curpost>dollars?|euros?|pounds|rupees|yuan|naira|yen|francs)\b"
    rf"|(?:\s*|-)(?P<measure>{MEASURE_UNITS})(?![\w°])"
    rf"|-(?P<compound>{_COMPOUND_RE})(?![\w-]))?",
    re.IGNORECASE,
)
_FIGURE = re.compile(_FIGURE.pattern.replace(" ", r"\s+"), re.IGNORECASE)
_MONTH = MONTH_PREFIX_RE
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\s*$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?![a-z])", re.IGNORECASE)
_LABEL_BEFORE = re.compile(
    r"\b(?:no\.|nos\.|number|article|section|chapter|page|pages|flight|route|category|level|"
    r"phase|vol\.?|volume|week|game|round|season|episode|part|model|version|grade|class|stage|"
    r"amendment|highway|gate|platform|line|room|apartment|block|unit|ward|district|sector|"
    r"rule|clause|resolution|act|title|item|step|figure|table|aged|age|ages|tier|"
    r"fiscal|fy|q[1-4]|quarter|year|years|since|in|until|by|from|of|before|after)\s*$",
    re.IGNORECASE,
)
# Words before a bare number that make it a label rather than an amount; years are
# handled separately because "in 2014" and "in 300 villages" differ only by the number.
_LABEL_ALWAYS = re.compile(
    r"\b(?:no\.|nos\.|number|article|section|chapter|page|pages|flight|route|category|level|"
    r"phase|vol\.?|volume|week|game|round|season|episode|part|model|version|grade|class|stage|"
    r"amendment|highway|gate|platform|line|room|apartment|block|ward|sector|rule|clause|"
    r"resolution|title|item|step|figure|table|aged|age|ages|tier)\s*$",
    re.IGNORECASE,
)
_AGE_AFTER = re.compile(r"^(?:-|\s)years?(?:-|\s)old|^-year-old|^\s*\)|^\s*yrs", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"[A-Z][\w'’.-]+,\s*$")
_TIME_AFTER = re.compile(
    r"^\s?[:.]\s?\d{2}\b|^\s?(?:a\.m\.|p\.m\.|am\b|pm\b|hrs\b|gmt\b|h\d)", re.IGNORECASE
)


# "over the last two weeks", "in the next 12 months": a time frame, not an amount.
_TIME_FRAME_BEFORE = re.compile(
    r"\b(?:last|past|next|previous|coming|recent|first|final|within|over|for)\s+(?:few\s+)?"
    r"(?:\w+\s+(?:or|to)\s+)?$",
    re.IGNORECASE,
)
_TIME_FRAME_AFTER = re.compile(
    r"^\s+(?:(?:or|to)\s+\w+\s+)?"
    r"(?:days?|weeks?|months?|years?|quarters?|hours?|decades?|minutes?|sessions?)\b",
    re.IGNORECASE,
)
_HALF_PERIOD = re.compile(
    r"^\s+of\s+(?:the\s+)?(?:year|decade|century|month|quarter|season|game|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Figure:
    """A normalised figure with offsets relative to the text it was found in."""

    start: int
    end: int
    value: float | None
    value_high: float | None
    unit: str | None
    kind: Kind
    qualifier: str | None
    vague: bool
    year_like: bool
    bare_word: bool

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]


def _num(s: str) -> float:
    return float(re.sub(r",\s?", "", s))


def _word_value(words: str) -> float | None:
    parts = re.split(r"[\s-]+", words.lower())
    total = 0.0
    current = 0.0
    for p in parts:
        if p in ("a", "an"):
            current = 1.0
        elif p in SMALL_NUMBER_VALUES:
            current += SMALL_NUMBER_VALUES[p]
        elif p in SCALES:
            current = (current or 1.0) * SCALES[p]
            if SCALES[p] >= 1e3:
                total += current
                current = 0.0
        else:
            return None
    return total + current


def _scale(s: str | None) -> float:
    if not s:
        return 1.0
    factor = 1.0
    for w in s.split():
        factor *= SCALES.get(w.lower(), 1.0)
    return factor


def _excluded(text: str, m: re.Match[str]) -> bool:
    """Reject digit strings that are not amounts, judged from the characters around them."""
    start, end = m.start(), m.end()
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    num = m.group("num")
    has_unit = bool(
        m.group("cur")
        or m.group("pct")
        or m.group("curpost")
        or m.group("measure")
        or m.group("compound")
    )
    compound = (m.group("compound") or "").lower()
    if compound in COMPOUND_UNITS and re.match(r"^\s+(\w+)", after):
        nxt = re.match(r"^\s+(\w+)", after)
        if nxt is not None and nxt.group(1).lower() in TENOR_NOUNS:
            return True  # "the 10-year Treasury yield" names a maturity
    if before[-1:] and (
        before[-1].isalnum()
        or before[-1] in "/#@_\\"
        or (before[-1] == "." and before[-2:-1].isalnum())
    ):
        return True
    if re.search(r"[A-Za-z]-$", before) or re.search(r"[A-Za-z]\d*-?$", before[-3:]):
        return True
    if (after[:1] and (after[:1].isalnum() or after[:1] in "/@_")) or re.match(r"^[.,]\d", after):
        return True
    if re.match(r"^-\w", after) and not m.group("measure"):
        return not bool(re.match(r"^-(?:strong|plus|odd|member|year-old)", after)) or bool(
            _AGE_AFTER.match(after)
        )
    if _TIME_FRAME_AFTER.match(after) and (
        _TIME_FRAME_BEFORE.search(before) or re.match(r"^\s+\w+\s+ago\b", after)
    ):
        return True
    if m.group("vague") and re.search(r"\bmany\s+$", before, re.IGNORECASE):
        return True
    if (
        m.group("half")
        and re.search(r"(?:%|\d|percent)\s*$", before)
        and "quarter" in m.group("half").lower()
    ):
        return True  # ".75% a quarter" is a rate per quarter
    if re.match(r"^\s+(?:bills?|notes?|banknotes?|coins?)\b", after) and m.group("cur"):
        return True  # "a $20 bill" names a denomination
    if m.group("half") and (
        re.search(r"\b(?:first|second|latter|other|back|front)\s+$", before, re.IGNORECASE)
        or _HALF_PERIOD.match(after)
    ):
        return True
    if num is None:
        return False
    if re.search(r"['’]$", before) and re.fullmatch(r"\d\d", num):
        return True
    if re.match(r"^(?:st|nd|rd|th)\b", after, re.IGNORECASE):
        return True
    if _TIME_AFTER.match(after) or re.search(r"\d\s?:\s?$", before):
        return True
    if not has_unit and not m.group("scale"):
        plain = num.replace(",", "")
        if (
            "." not in plain
            and len(plain) <= 2
            and (_MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after))
        ):
            return True
        if _AGE_AFTER.match(after):
            return True
        if (
            not m.group("qual")
            and "," not in num
            and "." not in num
            and int(num) <= 120
            and _AGE_BEFORE.search(before)
            and re.match(r"^\s*[,.;)]", after)
        ):
            return True
        if not m.group("qual") and _LABEL_ALWAYS.search(before):
            return True
        line_start = text.rfind("\n", 0, start) + 1
        if not text[line_start:start].strip() and re.match(r"^[.)]\s", after):
            return True
    return False


_RATIO_TERM = rf"\d{{1,3}}|{_SMALL_RE}"
# "four out of five trains", "1 in 5 adults": a share, compared as a percentage.
_RATIO = re.compile(
    rf"\b(?P<a>{_RATIO_TERM})\s+(?:out\s+of|in)\s+(?P<b>{_RATIO_TERM})\b(?!\s*(?:%|percent))",
    re.IGNORECASE,
)


def _term(s: str) -> float | None:
    return float(s) if s.isdigit() else SMALL_NUMBER_VALUES.get(s.lower())


def _ratios(text: str) -> list[Figure]:
    out: list[Figure] = []
    for m in _RATIO.finditer(text):
        a, b = _term(m.group("a")), _term(m.group("b"))
        if a is None or b is None or not 0 < a < b <= 100:
            continue
        if m.group("a").isdigit() != m.group("b").isdigit():
            continue  # "two in 20 years" mixes a count and a span, not a share
        if _TIME_FRAME_AFTER.match(text[m.end() :]):
            continue
        value = float(f"{100 * a / b:.12g}")
        out.append(
            Figure(m.start(), m.end(), value, None, "%", "percent", None, False, False, False)
        )
    return out


_FRACTION_RE = "|".join(sorted((r"\s+".join(f.split()) for f in FRACTIONS), key=len, reverse=True))
# "half a percentage point", "three-quarters of a point", "a quarter of a million", "3/4
# percentage point": a fraction of the unit that follows.
_FRACTION = re.compile(
    rf"\b(?:(?P<frac>{_FRACTION_RE})\s+(?:of\s+)?an?|(?P<a>[1-9])/(?P<b>[1-9]))\s+"
    r"(?P<unit>percentage\s+points?|points?|hundred|thousand|million|billion|trillion)\b",
    re.IGNORECASE,
)


def _fractions(text: str) -> list[Figure]:
    out: list[Figure] = []
    for m in _FRACTION.finditer(text):
        if m.group("frac"):
            frac = FRACTIONS[" ".join(m.group("frac").lower().split())]
        else:
            frac = int(m.group("a")) / int(m.group("b"))
        unit_word = " ".join(m.group("unit").lower().split())
        kind: Kind = "count"
        unit: str | None = None
        if unit_word.startswith("percentage"):
            kind, unit, value = "percent", "percentage points", frac
        elif unit_word.startswith("point"):
            kind, unit, value = "measure", "points", frac
        else:
            value = frac * SCALES[unit_word]
        value = float(f"{value:.12g}")
        out.append(Figure(m.start(), m.end(), value, None, unit, kind, None, False, False, False))
    return out


def find_figures(text: str) -> list[Figure]:
    """All candidate figures in ``text`` (one paragraph), left to right."""
    special = _ratios(text)
    special += [
        f for f in _fractions(text) if not any(r.start < f.end and f.start < r.end for r in special)
    ]
    out: list[Figure] = [
        f
        for f in _find_figures(text)
        if not any(r.start < f.end and f.start < r.end for r in special)
    ]
    return sorted(out + special, key=lambda f: f.start)


def _find_figures(text: str) -> list[Figure]:
    out: list[Figure] = []
    pos = 0
    while (m := _FIGURE.search(text, pos)) is not None:
        pos = m.end() if m.end() > m.start() else m.start() + 1
        num = m.group("num") or ""
        if re.search(r",\s", num) and _MONTH_BEFORE.search(
            text[max(0, m.start() - 12) : m.start()]
        ):
            # "June 3, 500,000 people": the spaced comma ends a date, not a thousands group.
            pos = m.start("num") + num.index(",") + 1
            continue
        rsep = (m.group("rsep") or "").lower()
        if (
            (rsep == "and" and (m.group("qual") or "").lower() != "between")
            or (rsep == "to" and re.search(r"\bfrom\s+$", text[max(0, m.start() - 6) : m.start()]))
            or (m.group("pct1") and not _percent_range(text, m))
        ):
            # "290,000 and 260,000" lists two figures and "from 256,000 to 290,000" is a
            # change; only "between X and Y" and a bare "X to Y" are ranges.
            pos = m.start("rsep")
            m = _FIGURE.match(text, m.start(), m.start("rsep"))
            if m is None:
                continue
        if not (m.group("num") or m.group("word") or m.group("vague") or m.group("half")):
            continue
        if (
            m.group("num") is None
            and m.group("word") is None
            and m.start("vague" if m.group("vague") else "half") > 0
            and text[m.start() - 1 : m.start()].isalnum()
        ):
            continue
        if _excluded(text, m):
            continue
        fig = _normalise(text, m)
        if fig is not None:
            out.append(_signed(text, fig))
    return out


# A change, not a range: "rose 0.2% to 3.6%" is a rise of 0.2 points to a level of 3.6%.
_CHANGE_BEFORE = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|climb\w*|jump\w*|increas\w*|surg\w*|gain\w*|"
    r"fell|fall\w*|drop\w*|declin\w*|decreas\w*|slid|slump\w*|up|down|by)\s+$",
    re.IGNORECASE,
)


def _percent_range(text: str, m: re.Match[str]) -> bool:
    """ "1.5%-1.75%", "1.5 percent to 1.75 percent": both ends carry the percent sign."""
    return (
        bool(m.group("pct"))
        and not m.group("cur2")
        and not (_CHANGE_BEFORE.search(text[max(0, m.start() - 20) : m.start()]))
    )


_BASIS_POINT = re.compile(r"basis|bps?$", re.IGNORECASE)


def _normalise(text: str, m: re.Match[str]) -> Figure | None:
    qual = " ".join(m.group("qual").lower().split()) if m.group("qual") else None
    qual = QUALIFIER_MEANS.get(qual, qual) if qual else None
    start = m.start()
    end = m.end()
    scale = _scale(m.group("scale"))
    cur = m.group("cur")
    unit: str | None = None
    kind: Kind = "count"
    vague = False
    bare_word = False
    value: float | None
    value_high: float | None = None
    if m.group("num"):
        value = _num(m.group("num")) * scale
        if (m.group("num2") and m.group("rsep").lower() != "and") or (
            m.group("num2") and qual == "between"
        ):
            value_high = _num(m.group("num2")) * scale
            if value_high < value:
                return None
        elif m.group("num2"):
            end = m.start("rsep")
            while end > start and text[end - 1].isspace():
                end -= 1
    elif m.group("word"):
        value = _word_value(m.group("word"))
        if value is None:
            return None
        value *= scale
        bare_word = not re.search(r"\s", m.group("word").strip()) and scale == 1.0
        if m.group("word").lower() in ("one", "a", "an"):
            return None
    elif m.group("half"):
        frac = {"half": 50.0, "a third": 100 / 3, "a quarter": 25.0, "two-thirds": 200 / 3}
        value = frac[m.group("half").lower()]
        kind, unit = "percent", "%"
    else:
        value, vague = None, True
    if (
        m.group("scale")
        and m.group("scale").strip().lower() in ("m", "b")
        and not cur
        and (
            re.match(
                r"^\s*(?:high|long|deep|wide|tall|away|above|below|sprint|race|run)\b",
                text[m.end() : m.end() + 12],
                re.IGNORECASE,
            )
            or m.group("scale").strip() == "b"
        )
    ):
        return None
    if cur:
        kind, unit = "money", CURRENCY_BEFORE.get(cur.strip().lower(), cur.strip())
    elif m.group("curpost"):
        kind, unit = "money", CURRENCY_AFTER.get(m.group("curpost").lower(), m.group("curpost"))
    elif m.group("pct"):
        kind = "percent"
        unit = "percentage points" if "point" in m.group("pct").lower() else "%"
    elif m.group("measure") and _BASIS_POINT.match(m.group("measure")):
        # "75 basis points" is 0.75 percentage points: outlets write it both ways.
        kind, unit = "percent", "percentage points"
        value = None if value is None else value / 100
        value_high = None if value_high is None else value_high / 100
    elif m.group("measure"):
        meas = m.group("measure")
        if meas in ("C", "F") and not (m.group("num") and "." in m.group("num")):
            end = m.start("measure")
        else:
            kind, unit = "measure", meas.replace("°", "°")
    elif m.group("compound"):
        word = m.group("compound").lower()
        if word in COMPOUND_UNITS:
            kind, unit = "measure", COMPOUND_UNITS[word]
        bare_word = False
    elif m.group("num") and "." in m.group("num") and scale == 1.0:
        kind = "measure"
    num = m.group("num")
    year_like = bool(
        num
        and re.fullmatch(r"(1[89]|20)\d\d", num)
        and not cur
        and scale == 1.0
        and unit is None
        and value_high is None
    )
    if num and value_high is not None and re.fullmatch(r"(1[89]|20)\d\d", num) and not cur:
        return None
    if qual in ("between",) and value_high is None:
        qual = None
    value = None if value is None else float(f"{value:.12g}")
    value_high = None if value_high is None else float(f"{value_high:.12g}")
    return Figure(start, end, value, value_high, unit, kind, qual, vague, year_like, bare_word)


def _signed(text: str, fig: Figure) -> Figure:
    """Take in a leading minus ("printed -0.9%") so falls are not read as rises."""
    i = fig.start
    if (
        i > 0
        and text[i - 1] in "-−"
        and fig.qualifier is None
        and fig.value is not None
        and (i == 1 or text[i - 2] in " (\n\t:")
    ):
        high = -fig.value_high if fig.value_high is not None else None
        return replace(fig, start=i - 1, value=-fig.value, value_high=high)
    return fig
