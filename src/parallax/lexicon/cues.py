"""Cue phrases: words that tell what role a figure or a sentence plays.

Each is a compiled, case-insensitive pattern (``FORECAST`` is case-sensitive on
purpose: "May" and "Will" starting a name are not modals) that the alignment rules
search in the words around a figure or in a sentence.
"""

from __future__ import annotations

import re

#: Phrases that mark a figure as a revision of an earlier one. A toll that "rose to"
#: 261 on the same day as another outlet's 233 is an update, not a conflict, even
#: when both carry the same ``as_of``. "up from"/"down from" are left out: they
#: compare with another period ("517,000, up from 260,000 in December"), which is a
#: different quantity, not an earlier value of this one.
UPDATE = re.compile(
    r"\b(?:(?:ris(?:en|es|e)|rose|climb(?:ed|s)?|jump(?:ed|s)?|increas(?:ed|es)|surg(?:ed|es)|"
    r"mount(?:ed|s)?|grown|grew|reach(?:ed|es)?|revised(?: \w+)?|updated|"
    r"(?:has |had )?(?:passed|crossed|surpassed|exceeded|topped))(?: sharply| further)?"
    r" (?:to|above|past|over|#)|"
    r"from # to|revis(?:ed|ion|es)|previously (?:reported|stated|estimated|given|put)|"
    r"previous (?:figure|estimate|count|toll|tally)|"
    r"initial(?:ly)?|"
    r"preliminary|updated|death toll|toll|tally|so far|as of)\b",
    re.IGNORECASE,
)

#: Words that present a figure as an earlier or later value of one quantity ("the
#: previous figure was 1,730"): an article that states two values of one fact says so.
REVISION = re.compile(
    r"\b(previous(?:ly)?|initial(?:ly)?|earlier|revised|restated|updated|preliminary|"
    r"at the moment|now stands|latest)\b",
    re.IGNORECASE,
)

#: Words that narrow a figure to part of a whole ("the last 531", "another 200"),
#: the signature of a scope difference rather than a disagreement.
PART = re.compile(
    r"\b(the last|latest batch|another|additional|group of|batch of|among them|of them|"
    r"of whom|including|alone)\b",
    re.IGNORECASE,
)
#: Words that mark a figure as the whole ("in total", "since Monday").
WHOLE = re.compile(
    r"\b(total|in all|overall|altogether|cumulative|so far|since|to date|combined)\b",
    re.IGNORECASE,
)

#: "The previous figure ... was 1,730": the sentence presents its figure as an earlier
#: value of a quantity the article has just given. Only words that mean "the figure"
#: count; "the previous record" or "a previous round" is another quantity.
EARLIER_VALUE = re.compile(
    r"\b(?:previous|earlier|initial|preliminary|former|old)\s+"
    r"(?:official\s+)?(?:figure|estimate|count|toll|tally|number|total)s?\b",
    re.IGNORECASE,
)

#: A figure offered as a forecast or a benchmark ("expectations of 185,000", "analysts
#: had estimated $12.5 billion") is compared with the count, not a rival count.
#: "Estimate" alone is not a cue: "police estimates put the crowd at ..." is a count.
EXPECTED = re.compile(
    r"\b(?:expect\w*|forecast\w*|anticipat\w*|consensus|projected|predict\w*|"
    r"analysts?|economists?|wall\s+street|guidance|outlook)\b",
    re.IGNORECASE,
)

#: Words of a measured figure moving: a toll that rose, a rate that fell.
MOVED = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|climb\w*|jump\w*|increas\w*|surg\w*|mount\w*|"
    r"gr[eo]w\w*|fell|fall\w*|drop\w*|declin\w*|eas(?:ed|es|ing)|dipp?\w*|soar\w*|"
    r"plung\w*|toll|tally)\b",
    re.IGNORECASE,
)

#: A value not yet reached: "is expected to climb to 300".
FORECAST = re.compile(
    r"\b(?:expect\w*|forecast\w*|project\w*|predict\w*|likely|could|may|might|would|will|"
    r"set\s+to|poised)\b"
)

#: Comparatives and count nouns of "far more than the state's count of 4,500".
COMPARATIVES = frozenset({"more", "higher", "fewer", "lower", "less", "greater", "above", "below"})
COUNT_NOUNS = frozenset({"count", "figure", "estimate", "tally", "number", "total", "toll"})

#: Site furniture inside a sentence: subscribe prompts, captions, links.
BOILERPLATE = re.compile(
    r"(subscribe|newsletter|cookie|all rights reserved|click here|sign up|follow us|"
    r"read more|advertisement|copyright|©|photo:|image:|getty|reuters/|afp via|"
    r"share this|related:|watch:|listen:|download the app|terms of use|privacy policy|"
    r"https?://|www\.)",
    re.IGNORECASE,
)
