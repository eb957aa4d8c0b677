"""Names an article has mentioned so far, for resolving "its revenue" and "he secured".

A figure's holder is often a pronoun or a generic noun ("he secured 47.5% of the
vote", "the company's revenue"); the reader knows who from the names before it.
The nearest earlier name of the right kind is taken: a person for "he"/"his", an
organisation for "it"/"its"/"they", the story's organisation for "the company".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from spacy.tokens import Doc, Token

from parallax.extract.attribution import GENERIC_ORG_NOUNS

#: (start, end, text), relative to the paragraph being read.
Mention = tuple[int, int, str]

_PERSONAL = frozenset(["he", "she", "his", "her", "him"])
_COLLECTIVE = frozenset(["it", "its", "they", "their", "them"])
_GROUP_LABELS = ("ORG", "NORP", "GPE")


class Mentions:
    """Named entities seen so far in one article, with absolute offsets."""

    def __init__(self) -> None:
        self.seen: list[tuple[int, int, str, str]] = []

    def see(self, doc: Doc, offset: int) -> None:
        for ent in doc.ents:
            if ent.label_ == "PERSON" or ent.label_ in _GROUP_LABELS:
                start = offset + ent.start_char
                self.seen.append((start, start + len(ent.text), ent.label_, ent.text))

    def resolver(self, offset: int) -> Callable[[Token, Mention], Mention | None]:
        def resolve(tok: Token, mention: Mention) -> Mention | None:
            at = offset + tok.idx
            low = tok.lower_
            if low in _PERSONAL:
                labels: tuple[str, ...] = ("PERSON",)
            elif low in _COLLECTIVE:
                labels = _GROUP_LABELS
            elif low in GENERIC_ORG_NOUNS:
                # "the company's profits": the organisation the article names most, not
                # whoever spoke last ("Wall Street analysts").
                orgs = [s for s in self.seen if s[0] < at and s[2] == "ORG"]
                if not orgs:
                    return None
                counts = Counter(s[3] for s in orgs)
                best = max(counts.values())
                start, end, _, text = next(s for s in reversed(orgs) if counts[s[3]] == best)
                return (start - offset, end - offset, text)
            else:
                return None
            for start, end, label, text in reversed(self.seen):
                if start < at and label in labels:
                    return (start - offset, end - offset, text)
            return None

        return resolve
