"""One name per speaker across the articles of an event.

Outlets name the same source differently ("Shoigu", "Sergei Shoigu", "Russia's
Defence Minister"; "the Russian Defense Ministry", "Russia's defence ministry"), and
alignment must not count them as different sources. Exposed over whole events so
other stages can call it on any list of articles.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from parallax.lexicon.stopwords import NAME_STOPWORDS
from parallax.models import Article

_SPELLING = {"defence": "defense", "programme": "program", "organisation": "organization"}
_TITLE_WORDS = frozenset(
    [
        "minister",
        "secretary",
        "president",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chief",
        "general",
        "governor",
        "chairman",
        "chairwoman",
        "director",
        "head",
        "ambassador",
        "prosecutor",
        "adviser",
        "advisor",
        "mayor",
        "commander",
        "official",
        "leader",
        "premier",
        "deputy",
        "senator",
        "envoy",
        "ombudsman",
        "economist",
        "analyst",
        "professor",
        "dr",
        "mr",
        "mrs",
        "ms",
        "state",
    ]
)
_ORG_WORDS = frozenset(
    [
        "ministry",
        "ministries",
        "department",
        "office",
        "agency",
        "government",
        "military",
        "army",
        "forces",
        "council",
        "committee",
        "commission",
        "bureau",
        "service",
        "police",
        "court",
        "parliament",
        "administration",
        "authority",
        "institute",
        "centers",
        "centre",
        "center",
        "statistics",
        "information",
        "organization",
        "organisation",
        "association",
        "union",
        "survey",
    ]
)
# "Bureau of Labor Statistics", "National Centers for Environmental Information": a
# run of capitalised words after one of these is the end of an organisation's name,
# not a personal name.
_NAME_CONNECTORS = frozenset(["of", "for", "and", "de", "du", "on", "&"])


_ACRONYM_WORD = re.compile(r"\b[A-Z]{3,6}\b")


def _words(name: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z][\w-]*", name.replace("’s", "").replace("'s", ""))]


def _stem(word: str) -> str:
    w = _SPELLING.get(word.lower(), word.lower())
    return w if w.startswith("minist") else w[:6]


def key(name: str) -> frozenset[str]:
    """Order- and spelling-insensitive key, so "Russia's defence ministry" and "Russian
    Defense Ministry" meet."""
    return frozenset(_stem(w) for w in _words(name) if w.lower() not in NAME_STOPWORDS)


def _is_name(words: list[str]) -> bool:
    return (
        1 <= len(words) <= 4
        and all(w[0].isupper() for w in words)
        and not any(w.lower() in _ORG_WORDS | _TITLE_WORDS | NAME_STOPWORDS for w in words)
    )


def _person_name(name: str) -> str | None:
    """The personal name in a speaker string: "Sergei Shoigu" in "Russia's Defence
    Minister, Sergei Shoigu" or "Russian Defence Minister Sergei Shoigu"."""
    parts = [p.strip() for p in name.split(",")]
    if len(parts) > 1:
        for part in parts:
            if _is_name(_words(part)) and len(_words(part)) >= 2:
                return part
    if "(" in name:
        return None  # "Agency (AFAD": an acronym in brackets names an organisation
    words = name.split()
    tail: list[str] = []
    for w in reversed(words):
        clean = _words(w)
        if not clean or not _is_name(clean) or w.endswith(("'s", "’s")):
            break
        tail.insert(0, w)
    if not tail:
        return None
    if len(tail) < len(words) and words[-len(tail) - 1].lower() in _NAME_CONNECTORS:
        return None
    titled = len(tail) < len(words) and words[-len(tail) - 1].lower().strip(",") in _TITLE_WORDS
    if len(tail) >= 2 or titled:
        return " ".join(tail)
    return None


def _acronym(name: str) -> str | None:
    """The acronym a name stands for: "(BLS" in "Bureau of Labor Statistics (BLS", else the
    initials of its capitalised words ("Bureau of Labor Statistics" -> "BLS")."""
    bracket = re.search(r"\(([A-Z]{2,})\)?\s*$", name)
    if bracket:
        return bracket.group(1)
    caps = [w for w in _words(name) if w[0].isupper() and w.lower() not in NAME_STOPWORDS]
    return "".join(w[0] for w in caps) if len(caps) >= 2 else None


def _bare_acronym(name: str) -> str | None:
    """ "the BLS" -> "BLS": a speaker named only by an acronym."""
    ws = [w for w in _words(name) if w.lower() not in NAME_STOPWORDS]
    return ws[0] if len(ws) == 1 and len(ws[0]) >= 2 and ws[0].isupper() else None


def speaker_map(names: Iterable[str], acronyms: frozenset[str] = frozenset()) -> dict[str, str]:
    """Map every raw speaker string to the canonical form shared within the event.

    ``acronyms`` are the upper-case words of the event's texts: a name spelled out as a
    speaker ("the National Oceanic and Atmospheric Administration") whose initials the
    texts use ("NOAA data show") is written with both, as readers meet both."""
    raw = [n for n in names if n]
    counts = Counter(raw)
    persons: dict[str, str] = {}
    for n in counts:
        p = _person_name(n)
        if p:
            persons.setdefault(_words(p)[-1].lower(), p)
            if len(_words(p)) > len(_words(persons[_words(p)[-1].lower()])):
                persons[_words(p)[-1].lower()] = p
    titles: dict[frozenset[str], str] = {}
    for n in counts:
        p = _person_name(n)
        if p and "," in n:
            title = n.rsplit(",", 1)[0]
            if len(key(title)) >= 2:
                titles[key(title)] = persons[_words(p)[-1].lower()]
    # "the BLS" and "the Bureau of Labor Statistics" are one speaker: an acronym joins the
    # group of the full name it abbreviates, when the event spells that name out.
    spelled: dict[str, frozenset[str]] = {}
    for n in counts:
        acronym = _acronym(n)
        if acronym and _bare_acronym(n) is None:
            spelled.setdefault(acronym, key(re.sub(r"\s*\([A-Z]{2,}\)?\s*$", "", n)))
    out: dict[str, str] = {}
    groups: dict[frozenset[str], list[str]] = {}
    for n in counts:
        ws = _words(n)
        if (
            ws
            and ws[-1].lower() in persons
            and ws[-1][0].isupper()
            and (len(ws) == 1 or _person_name(n))
        ):
            out[n] = persons[ws[-1].lower()]
            continue
        k = key(re.sub(r"\s*\([A-Z]{2,}\)?\s*$", "", n))
        bare = _bare_acronym(n)
        if bare in spelled:
            k = spelled[bare]
        if k in titles:
            out[n] = titles[k]
            continue
        groups.setdefault(k, []).append(n)
    for members in groups.values():
        bares = [b for b in map(_bare_acronym, members) if b]
        full = [m for m in members if _bare_acronym(m) is None]
        if bares and full:
            # Both spellings reach the reader: "the Bureau of Labor Statistics (BLS)".
            name = max(full, key=lambda m: (counts[m], len(m)))
            name = re.sub(r"\s*\([A-Z]{2,}\)?\s*$", "", name)
            best = f"{name} ({bares[0]})"
        else:
            best = max(members, key=lambda m: (counts[m], m[:1].isupper(), len(m)))
            initials = _acronym(best)
            if (
                initials in acronyms
                and _bare_acronym(best) is None
                and initials is not None
                and len(initials) >= 3
                and not re.search(r"\([A-Z]{2,}\)?\s*$", best)
            ):
                best = f"{best} ({initials})"
        for m in members:
            out[m] = best
    return out


def normalise_speakers(articles: Sequence[Article]) -> dict[str, str]:
    """Rewrite ``Claim.source`` to the event-wide name; spans keep pointing at the mention."""
    acronyms = frozenset(w for a in articles for w in _ACRONYM_WORD.findall(a.text))
    mapping = speaker_map((c.source for a in articles for c in a.claims if c.source), acronyms)
    for art in articles:
        for c in art.claims:
            if c.source:
                c.source = mapping.get(c.source, c.source)
    return mapping
