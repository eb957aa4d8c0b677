"""Labels outlets choose for one referent, in sets whose members frame it differently.

Each set names a kind of referent and splits its labels into classes of framing: for
armed men, "terrorists" / "militants" delegitimise, "fighters" / "troops" describe,
"defenders" / "heroes" legitimise. Two outlets that use labels of different classes
for the story's armed men, its seizure of power or its military action frame one
referent two ways (``align.detectors.labels``). Labels of one class ("gunman" /
"shooter") are the same framing in other words and raise nothing. Multi-word labels
are written with single spaces; matching is on lower-cased words.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LabelSet:
    #: What the labels name, for the question ("the armed men").
    referent: str
    #: Classes of labels; labels of two different classes frame the referent differently.
    classes: tuple[frozenset[str], ...]


def _words(text: str) -> frozenset[str]:
    return frozenset(w.strip().replace("_", " ") for w in text.split())


LABEL_SETS: tuple[LabelSet, ...] = (
    LabelSet(
        "the armed men",
        (
            _words("terrorists terrorist militants militant extremists jihadists thugs "
                   "bandits mercenaries insurgents"),
            _words("fighters combatants gunmen troops soldiers militiamen"),
            _words("defenders freedom_fighters heroes supermen martyrs resistance"),
        ),
    ),
    LabelSet(
        "the seizure of power",
        (
            _words("coup putsch coup_attempt attempted_coup"),
            _words("takeover seizure_of_power power_grab transition"),
        ),
    ),
    LabelSet(
        "the uprising",
        (
            _words("mutiny insurrection armed_rebellion rebellion treason armed_mutiny"),
            _words("march march_for_justice standoff protest"),
        ),
    ),
    LabelSet(
        "the military action",
        (
            _words("invasion aggression occupation incursion"),
            _words("special_military_operation military_operation counteroffensive "
                   "counter-offensive"),
            _words("liberation"),
        ),
    ),
    LabelSet(
        "the crowd",
        (
            _words("rioters mob looters insurrectionists"),
            _words("protesters protestors demonstrators"),
        ),
    ),
    LabelSet(
        "the killing",
        (
            _words("murder massacre slaughter execution assassination"),
            _words("killing killings"),
        ),
    ),
)  # fmt: skip
