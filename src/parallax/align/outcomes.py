"""What happened to the people a figure counts: killed, injured, missing, captured, evacuated...

News figures about people are mostly tolls, and the commonest wrong merge is
two tolls of one story that count different outcomes: "233 killed" and "900
injured" sit in the same sentences, near the same place names, and a sentence
embedding finds them very similar. The outcome word next to the figure tells
them apart, and an outcome is never another outcome: on the dev clusters,
1 of the 280 claim pairs with gold labels whose outcomes differ answers one
gold question. Rescuers and ambulances are an outcome of their own
("deployed ambulance", "deployed personnel": what is sent is what is counted),
because "200 ambulances" beside "200 killed" and "200 police personnel" was
the commonest wrong consensus.

The outcome is read from the extractor's counted noun and predicate, or else
from the nearest outcome word in the figure's own clause (the window stops at
a comma, where "..., with 72,879 injuries" starts the next figure's clause).
"""

from __future__ import annotations

import re

from parallax.lexicon.outcomes import (
    DEPLOYED,
    NOT_PEOPLE_NOUNS,
    OUTCOMES,
    RESPONDER_FILLERS,
    RESPONDER_NOUNS,
)
from parallax.models import Article, Claim

_PATTERNS = {k: re.compile(rf"\b(?:{v})\b", re.IGNORECASE) for k, v in OUTCOMES.items()}
_DEPLOYED_RE = re.compile(rf"\b(?:{DEPLOYED})\b", re.IGNORECASE)
_RESPONDERS = re.compile(RESPONDER_NOUNS, re.IGNORECASE)
_NOT_PEOPLE = re.compile(NOT_PEOPLE_NOUNS, re.IGNORECASE)
#: Prefix of the outcome of responders: "deployed ambulance".
RESPONDED = "deployed "
_BEFORE = 6
_AFTER = 8
#: Words joined when matching, so that "laid down their arms" is read as one cue.
_SPAN = 4


#: The outcome that any other outcome of the clause overrides.
WEAK = "remaining"


def _at(words: list[str], i: int) -> str | None:
    """The outcome named from the word at ``i`` on (with the next words, for "laid down")."""
    text = " ".join(words[i : i + _SPAN]).lstrip("\"'“‘([")
    # The word before stays in view of the patterns' look-behinds ("cardiac arrest",
    # "at present"), so the word window and the whole-phrase search read them alike.
    before = f"{words[i - 1]} " if i > 0 else ""
    for name, pattern in _PATTERNS.items():
        if pattern.match(before + text, len(before)):
            return name
    return None


def responders(claim: Claim) -> str | None:
    """What kind of responder a figure counts ("police personnel"), without fillers."""
    words = (claim.counted or "").casefold().split()
    if not words or not _RESPONDERS.fullmatch(words[-1]):
        return None
    head = "bus" if words[-1] == "buses" else words[-1].removesuffix("s")
    return " ".join([*(w for w in words[:-1] if w not in RESPONDER_FILLERS), head])


#: Outcomes whose count can fall as days pass: the missing are found, the trapped
#: get out. Every other outcome is a running total that only grows.
_CAN_FALL = frozenset({"missing", "remaining"})


def grows(name: str | None) -> bool:
    """Whether a count of this outcome is a running total (a toll), which only grows."""
    return name is not None and name not in _CAN_FALL


def conflict(a: str | None, b: str | None) -> bool:
    """Whether two outcomes rule out one fact: "deployed" alone fits any kind of responder."""
    if a is None or b is None or a == b:
        return False
    if a.startswith(RESPONDED) and b.startswith(RESPONDED):
        return a.split()[-1] != b.split()[-1]
    return not (
        (a == "deployed" and b.startswith(RESPONDED))
        or (b == "deployed" and a.startswith(RESPONDED))
    )


def outcome(claim: Claim, article: Article) -> str | None:
    """The outcome a people figure counts, or None when nothing near it names one."""
    if claim.kind != "count" or (article.language or "en") != "en":
        return None
    counted = claim.counted or ""
    if counted and _NOT_PEOPLE.fullmatch(counted.split()[-1]):
        return None
    head = " ".join(p for p in (claim.counted, claim.predicate) if p)
    found = {n for n, p in _PATTERNS.items() if p.search(head)}
    if len(found) > 1:
        found.discard(WEAK)
    kind = responders(claim)
    sentence = article.text[claim.sent_start : claim.sent_end]
    if kind and not found - {"deployed", WEAK} and _DEPLOYED_RE.search(sentence):
        # What is sent is what is counted: 200 police personnel are not 200 ambulances.
        return RESPONDED + kind
    if len(found) == 1:
        name = found.pop()
        # "200 firefighters were battling the blaze": responders at work, not people stuck.
        return RESPONDED + kind if kind and name == WEAK else name
    text = article.text
    before = text[claim.sent_start : claim.char_start].split()[-_BEFORE:]
    after = text[claim.char_end : claim.sent_end].split()[:_AFTER]
    # A comma ends the figure's clause on either side.
    for k in range(len(before) - 1, -1, -1):
        if before[k].endswith((",", ";")):
            before = before[k + 1 :]
            break
    for k, word in enumerate(after):
        if word.endswith((",", ";")):
            after = after[: k + 1]
            break
    best: tuple[bool, int, str] | None = None
    # Distance in words from the figure: the last word before it is 1, the first after it
    # 1; the weak outcome comes last whatever its distance.
    for words, backwards in ((before, True), (after, False)):
        for i in range(len(words)):
            named = _at(words, i)
            if named is None:
                continue
            rank = (named == WEAK, len(words) - i if backwards else i + 1)
            if best is None or rank < best[:2]:
                best = (*rank, named)
    if best is None:
        return None
    return RESPONDED + kind if kind and best[2] == WEAK else best[2]
