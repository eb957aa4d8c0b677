"""Words that say how sure a statement is, whether it is negated, and which side it takes.

``align.detectors.certainty`` reads hedges against confirmations ("were probably
killed" / "has confirmed that ... imploded"), ``align.detectors.polarity`` negation
("did not derail" / "derailed") and verbs of conceding against verbs of rejecting
("acknowledged there were issues" / "pushed back against criticism"), and
``align.detectors.judgements`` words of approval against words of condemnation
("a free, fair and credible process" / "irretrievably compromised"). Regular
expressions pick the sentences worth a parse; the sets are read on the parse.
"""

from __future__ import annotations

import re

# --- certainty ---------------------------------------------------------------

#: Adverbs that hedge the verb they modify: "were probably killed".
HEDGE_ADVERBS = frozenset(
    """probably apparently likely presumably possibly reportedly allegedly seemingly
    purportedly supposedly perhaps maybe""".split()
)
#: Verbs whose complement is hedged: "appears to have been", "is believed to have died",
#: "is feared dead", "are presumed dead", "suspected of".
HEDGE_VERBS = frozenset("appear seem believe think fear presume suspect suggest".split())
#: Modal verbs of possibility: "may have imploded", "could have been".
HEDGE_MODALS = frozenset("may might could".split())
#: Verbs and adverbs of confirmation: "has confirmed that", "officially declared".
CONFIRM_VERBS = frozenset("confirm verify establish prove".split())
CONFIRM_ADVERBS = frozenset("officially definitively conclusively".split())

#: Sentences that may hedge or confirm (a filter before the parse).
CERTAINTY_CUE = re.compile(
    r"\b(?:probably|apparently|likely|presumably|possibly|reportedly|allegedly|seemingly|"
    r"purportedly|supposedly|perhaps|maybe|appears?|appeared|seem(?:s|ed)?|believed|"
    r"thought to|feared|presumed|suspected|suggest(?:s|ed)?|may|might|could|"
    r"confirm(?:s|ed|ing)?|verified|established|proved|proven|officially|definitively|"
    r"conclusively)\b",
    re.IGNORECASE,
)

#: Words of one happening in different parts of speech, read as one word when two
#: statements are compared: "presumed dead" / "confirmed his death" / "were killed".
WORD_FAMILIES: dict[str, str] = {
    "dead": "die", "death": "die", "died": "die", "kill": "die", "killed": "die",
    "fatality": "die", "fatal": "die", "alive": "survive", "survivor": "survive",
}  # fmt: skip

# --- negation and concession ---------------------------------------------------

#: Determiners and pronouns that negate the clause they are the subject or object of:
#: "none were as large", "no one was injured".
NEGATING_WORDS = frozenset("no none nobody nothing neither never".split())

#: Verbs (lemmas) of conceding a point, and of rejecting one. "Push back" and "brush
#: off" are read with their particle.
CONCEDE_VERBS = frozenset("acknowledge admit concede apologize apologise".split())
REJECT_VERBS = frozenset(
    "deny reject dismiss rebuff refute dispute disown downplay push brush".split()
)
#: Particles that make a verb of rejecting ("push back", "brush off", "brush aside").
REJECT_PARTICLES: dict[str, frozenset[str]] = {
    "push": frozenset({"back"}),
    "brush": frozenset({"off", "aside"}),
}

#: Sentences that may negate, concede or reject (a filter before the parse).
POLARITY_CUE = re.compile(
    r"\b(?:not|n't|no|none|nobody|nothing|neither|never|acknowledg\w*|admit\w*|conced\w*|"
    r"accept\w*|apologi[sz]\w*|den(?:y|ies|ied|ying)|reject\w*|dismiss\w*|rebuff\w*|"
    r"refut\w*|disput\w*|disown\w*|downplay\w*|push(?:ed|es|ing)? back|"
    r"brush(?:ed|es|ing)? (?:off|aside))\b",
    re.IGNORECASE,
)

#: Verbs whose negation or affirmation says nothing about the event: auxiliaries and
#: verbs of saying, knowing and wanting ("did not say", "could not confirm").
NEUTRAL_VERBS = frozenset(
    """be have do say tell know want need expect seem appear make take give get go come
    see let comment respond confirm reveal disclose specify elaborate""".split()
)

# --- judgements ---------------------------------------------------------------

#: Words of approval and of condemnation that judge a thing, act or process; a side is
#: the sign of the words a statement uses ("lacked" and "not" turn a word over).
APPROVING = frozenset(
    """fair free credible legitimate transparent necessary essential vital justified
    reasonable peaceful orderly successful sound lawful balanced
    responsible needed appropriate acceptable proportionate transparency fairness
    credibility legitimacy""".split()
)
CONDEMNING = frozenset(
    """unfair unjust harsh rigged compromised flawed illegitimate fraudulent fraud rigging
    manipulation irregularities unreasonable unnecessary unacceptable unlawful illegal
    undemocratic disproportionate botched chaotic shambolic brutal cruel reckless
    irresponsible scandalous disgraceful""".split()
)
#: The words of those two that judge as nouns; the others judge only as adjectives.
JUDGING_NOUNS = frozenset(
    """fraud rigging manipulation irregularities transparency fairness credibility
    legitimacy""".split()
)
#: Verbs by which someone voices a judgement without a verb of saying: "alleged
#: manipulation", "condemned INEC's handling", "consider the plans to be harsh".
JUDGING_VERBS = frozenset(
    """allege condemn accuse consider call describe criticize criticise praise hail
    welcome denounce decry slam respond""".split()
)
#: Verbs that turn a word of approval over: "lacked transparency", "failed to be fair".
LACK_VERBS = frozenset("lack fail miss challenge question undermine".split())

JUDGEMENT_CUE = re.compile(
    r"\b(?:" + "|".join(sorted(APPROVING | CONDEMNING)) + r")\b",
    re.IGNORECASE,
)
