"""Phrase a reader's question from a fact ("How many Ukrainian soldiers surrendered at Azovstal?").

There is no generator model in the budget, so questions are templates filled
from one representative claim: the extractor's counted noun and predicate for
counts ("How many {counted} {predicate}?"), and for rates, money and measures
the noun phrase that leads into the figure ("The unemployment rate dipped to
3.4%" -> "What was the unemployment rate?"). The representative is the claim
whose counted noun most of the fact's claims share, so one odd outlet does not
name the question; predicates are cut to a few words because the extractor's
run on to the end of the clause.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from parallax.align.facts import ClaimItem
from parallax.align.text import STOPWORDS

_CLAUSE_END = re.compile(r"[,;:.!?()\"“”—–]|\s-\s")
_NUMBERISH = re.compile(r"^[$€£]?\d[\d,.]*%?$|^#$")
_PREDICATE_WORDS = 5
#: Lead-ins that already name a count ("The death toll rose to 288").
_QUANTITY_NOUN = re.compile(r"\b(?:toll|number|total|count|tally|figure|turnout)\b", re.I)
_LEAD_WORDS = 8
#: Verbs that connect a subject to its figure ("rose to", "stood at"); a lead-in
#: is cut before them so that the subject alone names the quantity.
_LINK_VERB = re.compile(
    r"^(?:\w+ed|rose|rises|risen|fell|grew|hit|stood|came|put|was|were|is|are|has|have|had|reached|"
    r"totals?|totalled|says?|said|saw|shows?|drew|stands|increases|decreases|dropped|jumps?|"
    r"surges?|climbs?|sits?|remains?|hits?|reports?|adds?|gets?|gained|lost)$",
    re.IGNORECASE,
)


def _clean(words: list[str]) -> list[str]:
    """Drop numbers and trailing function words from a phrase."""
    out = [w for w in words if not _NUMBERISH.match(w)]
    while out and (out[-1].lower() in STOPWORDS or _NUMBERISH.match(out[-1])):
        out.pop()
    return out


def _predicate(item: ClaimItem) -> str:
    words = _clean((item.claim.predicate or "").split()[:_PREDICATE_WORDS])
    if words and words[0].lower() == "been":
        # The extractor drops auxiliaries; "have been" reads as a question again.
        words.insert(0, "have")
    return " ".join(words)


def _words_after(item: ClaimItem) -> str:
    """What follows the figure up to the end of its clause: "1,730 *Ukrainian soldiers ...*"."""
    text = item.article.text[item.claim.char_end : item.claim.sent_end]
    text = _CLAUSE_END.split(text, maxsplit=1)[0]
    return " ".join(_clean(text.split()[: _PREDICATE_WORDS + 2]))


def _lead_in(item: ClaimItem) -> str:
    """The noun phrase before the figure, without the verb that links it to the figure."""
    text = item.article.text[item.claim.sent_start : item.claim.char_start]
    text = re.split(r"[,;:.!?()\"“”]", text)[-1]
    words = text.split()[-_LEAD_WORDS:]
    for k, w in enumerate(words):
        if _LINK_VERB.match(w) and k > 0:
            words = words[:k]
            break
    return " ".join(_clean(words))


def _representative(items: Sequence[ClaimItem]) -> ClaimItem:
    nouns = Counter((i.claim.counted or "").lower() for i in items if i.claim.counted)
    if nouns:
        top = nouns.most_common(1)[0][0]
        return next(i for i in items if (i.claim.counted or "").lower() == top)
    return items[0]


def _lower_first(phrase: str) -> str:
    if phrase[:2].istitle() or (phrase[:1].isupper() and phrase[1:2].islower()):
        head, _, rest = phrase.partition(" ")
        if head.lower() in STOPWORDS:
            return f"{head.lower()} {rest}".strip()
    return phrase


def phrase(items: Sequence[ClaimItem]) -> str:
    """A question the fact's claims answer."""
    rep = _representative(items)
    kind = rep.claim.kind
    if kind == "count":
        counted = " ".join(_clean((rep.claim.counted or "").split()))
        if counted:
            return f"How many {counted} {_predicate(rep)}".strip() + "?"
        after = _words_after(rep)
        if after:
            return f"How many {after}?"
        lead = _lower_first(_lead_in(rep))
        if _QUANTITY_NOUN.search(lead):
            return f"What is {lead}?" if lead.startswith("the ") else f"What is the {lead}?"
        return f"What is the number of {lead}?" if lead else "What number is given?"
    lead = _lower_first(_lead_in(rep) or " ".join(_clean((rep.claim.counted or "").split())))
    if kind == "money":
        return f"How much was {lead}?" if lead else "What amount is reported?"
    if kind == "percent":
        return f"What was {lead}?" if lead else "What rate is reported?"
    unit = f" (in {rep.claim.unit})" if rep.claim.unit else ""
    return f"What was {lead}{unit}?" if lead else f"What measure is reported{unit}?"
