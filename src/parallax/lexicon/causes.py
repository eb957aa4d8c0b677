"""Words that say what caused something: "due to", "blamed on", "driven by", "the cause of".

``align.detectors.causes`` reads a cause and its effect from the parse around these
cues; the regular expression only picks the sentences worth a parse.
"""

from __future__ import annotations

import re

#: Sentences that may state a cause (a cheap filter before the parse).
CAUSE_CUE = re.compile(
    r"\b(?:caus(?:e|es|ed|ing)|due to|because of|owing to|as a result of|blam(?:e|es|ed|ing)|"
    r"attribut(?:e|es|ed|ing) to|driven|fu?ell?ed|trigger(?:ed|s)?|spark(?:ed|s)?|"
    r"result(?:ed|s)? (?:of|from)|stemm(?:ed|ing) from|reflect(?:s|ed|ing)?|reasons? for|"
    r"the price for|punish(?:ed|es|ing)? \w+ for|explain(?:s|ed)? why|understand why|"
    r"unclear why|unknown why|led to|leading to)\b",
    re.IGNORECASE,
)

#: Multi-word prepositions whose object is a cause: "due to human error".
CAUSE_PREPOSITIONS: tuple[tuple[str, ...], ...] = (
    ("due", "to"),
    ("because", "of"),
    ("owing", "to"),
    ("as", "a", "result", "of"),
    ("as", "the", "result", "of"),
)

#: Verbs (lemmas) of causing whose passive agent is the cause: "caused by", "driven by".
#: The preposition of the cause follows: "blamed on", "attributed to".
PASSIVE_CAUSE_VERBS: dict[str, tuple[str, ...]] = {
    "cause": ("by",),
    "drive": ("by",),
    "fuel": ("by",),
    "trigger": ("by",),
    "spark": ("by",),
    "blame": ("on",),
    "attribute": ("to",),
}

#: Verbs whose subject is the effect and whose prepositional object the cause:
#: "the accident resulted from human error", "the rise reflected the shift".
EFFECT_SUBJECT_VERBS: dict[str, tuple[str, ...]] = {
    "result": ("from",),
    "stem": ("from",),
    "reflect": (),
}

#: Verbs whose subject is the cause and whose object the effect: "the error caused the crash".
CAUSE_SUBJECT_VERBS = frozenset({"cause", "trigger", "spark"})

#: Verbs whose "for" object is what someone is held to account for: "voters punished
#: them for a cost of living crisis", "blamed the operator for the delays".
FOR_VERBS = frozenset({"punish", "blame"})

#: Nouns that name a cause: "the cause of the tragedy", "the reason for the defeat",
#: "the victory was a result of dedicated campaigning".
CAUSE_NOUNS = frozenset({"cause", "reason"})
RESULT_NOUNS = frozenset({"result", "consequence", "product"})

#: "paying the price for years of strife": the object of "for" after "price" is a cause.
PRICE_NOUNS = frozenset({"price"})

#: Words that say the cause is not known: "do not fully understand why".
UNKNOWN_CAUSE = re.compile(
    r"\b(?:(?:do|does|did)(?: not|n't)(?: yet| fully)* (?:understand|know) why|unclear why|"
    r"unknown why|(?:cause|reason) (?:is|was|remains) (?:still )?(?:unclear|unknown|"
    r"under investigation))\b",
    re.IGNORECASE,
)

#: Head nouns of causes that name no cause in particular: "due to a global technology
#: issue" agrees with whatever the issue turns out to be.
VAGUE_CAUSES = frozenset(
    """issue problem glitch reason factor circumstance situation difficulty trouble
    condition matter thing""".split()
)

#: Verbs a cue hangs on that say nothing about what happened ("was caused by", "occurred
#: due to"): the effect is then told by its subject alone.
LIGHT_VERBS = frozenset(
    """be have occur happen cause result stem drive fuel trigger spark blame attribute
    reflect point punish pay say tell come lead""".split()
)
