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

from parallax.models import Article

_STOP = frozenset(["the", "a", "an", "of", "'s", "’s", "and", "for", "in", "on", "at", "by"])
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
    ]
)


def _words(name: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z][\w-]*", name.replace("’s", "").replace("'s", ""))]


def _stem(word: str) -> str:
    w = _SPELLING.get(word.lower(), word.lower())
    return w if w.startswith("minist") else w[:6]


def key(name: str) -> frozenset[str]:
    """Order- and spelling-insensitive key, so "Russia's defence ministry" and "Russian
    Defense Ministry" meet."""
    return frozenset(_stem(w) for w in _words(name) if w.lower() not in _STOP)


def _is_name(words: list[str]) -> bool:
    return (
        1 <= len(words) <= 4
        and all(w[0].isupper() for w in words)
        and not any(w.lower() in _ORG_WORDS | _TITLE_WORDS | _STOP for w in words)
    )


def _person_name(name: str) -> str | None:
    """The personal name in a speaker string: "Sergei Shoigu" in "Russia's Defence
    Minister, Sergei Shoigu" or "Russian Defence Minister Sergei Shoigu"."""
    parts = [p.strip() for p in name.split(",")]
    if len(parts) > 1:
        for part in parts:
            if _is_name(_words(part)) and len(_words(part)) >= 2:
                return part
    words = name.split()
    tail: list[str] = []
    for w in reversed(words):
        clean = _words(w)
        if not clean or not _is_name(clean) or w.endswith(("'s", "’s")):
            break
        tail.insert(0, w)
    if not tail:
        return None
    titled = len(tail) < len(words) and words[-len(tail) - 1].lower().strip(",") in _TITLE_WORDS
    if len(tail) >= 2 or titled:
        return " ".join(tail)
    return None


def speaker_map(names: Iterable[str]) -> dict[str, str]:
    """Map every raw speaker string to the canonical form shared within the event."""
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
        k = key(n)
        if k in titles:
            out[n] = titles[k]
            continue
        groups.setdefault(k, []).append(n)
    for members in groups.values():
        best = max(members, key=lambda m: (counts[m], m[:1].isupper(), len(m)))
        for m in members:
            out[m] = best
    return out


def normalise_speakers(articles: Sequence[Article]) -> dict[str, str]:
    """Rewrite ``Claim.source`` to the event-wide name; spans keep pointing at the mention."""
    mapping = speaker_map(c.source for a in articles for c in a.claims if c.source)
    for art in articles:
        for c in art.claims:
            if c.source:
                c.source = mapping.get(c.source, c.source)
    return mapping
