"""Verbs of saying: who vouches for a figure or a statement.

Lemmas serve the parse (``extract.attribution``); inflected forms serve the
regular expressions that look for attribution in sentences without a parse.
"""

from __future__ import annotations

#: Lemmas whose subject (or "according to" object) is the source of what the clause says.
SPEECH_LEMMAS = frozenset(
    """say tell report announce claim estimate confirm add insist note state declare reveal
    warn write explain acknowledge admit allege assert disclose publish release quote cite
    indicate predict forecast project tweet post argue stress believe accuse deny show put
    calculate count tally record register mention restate revise peg expect anticipate
    find""".split()
)

#: Lemmas that report a fact and so vouch for the neighbouring sentences of a paragraph;
#: "expect", "estimate" and "show" speak only for their own clause.
REPORTING_LEMMAS = frozenset(
    ["say", "tell", "report", "announce", "confirm", "add", "state", "note", "according", "per"]
)

#: Inflected speech words that mark a sentence as attributed.
ATTRIBUTION_WORDS = (
    "said", "says", "say", "told", "tells", "announced", "stated", "claimed", "claims", "added",
    "reported", "confirmed", "insisted", "warned", "threatened", "denied", "noted",
    "according to", "tweeted", "wrote", "declared", "estimated", "believes?", "argued",
    "accused", "promised", "vowed", "pledged",
)  # fmt: skip

#: Speech verbs right after a name: "Ukrainian officials said", "the ministry has confirmed".
SOURCE_VERBS = (
    "said", "says", "told", "announced", "stated", "claimed", "confirmed", "reported", "warned",
    "threatened", "estimated", "added", "noted", "insisted", "denied", "declared", "argued",
    "accused", "promised", "vowed", "pledged", "wrote", "tweeted",
)  # fmt: skip

#: Institution nouns that speak without a capitalised name ("the ministry said").
SPEAKING_BODIES = (
    "officials?", "ministry", "government", "police", "authorities", "spokesman", "spokeswoman",
    "spokesperson", "military", "army", "agency", "economists", "analysts",
)  # fmt: skip

#: Verbs that introduce a quotation ("“...,” he said"), for the voices an outlet quotes.
QUOTE_VERBS = (
    "said", "says", "added", "told", "stated", "insisted", "wrote", "declared", "explained",
    "noted", "claimed",
)  # fmt: skip


def alternation(words: tuple[str, ...]) -> str:
    """``(?:a|b|c)`` of the words, in their given order (regex fragments allowed)."""
    return "(?:" + "|".join(words) + ")"
