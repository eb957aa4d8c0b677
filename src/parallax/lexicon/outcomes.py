"""What happened to the people a figure counts: killed, injured, missing, captured...

Regular-expression alternations (case-insensitive, matched at word boundaries),
one per outcome. ``align.outcomes`` reads them next to a figure; see there why
an outcome is never another outcome.
"""

from __future__ import annotations

#: Rescuers, ambulances and troops sent to the scene: counted beside the toll, often
#: with the same round number ("200 ambulances", "200 killed").
DEPLOYED = (
    r"deploy\w*|mobili[sz]\w*|dispatch\w*|pressed\s+into|rushed|stationed|"
    r"sent\s+(?:to|in)|working\s+at|on\s+the\s+(?:scene|site|ground)|at\s+the\s+(?:scene|site)"
)

OUTCOMES: dict[str, str] = {
    "killed": r"kill\w*|dead(?!\s+heat)|deaths?|died|dies|dying|"
    r"(?:death\s+)?toll(?!\s+(?:road|booth|plaza|bridge|free|lane)s?)|"
    r"(?:claimed|claiming|lost|took|taking|cost)\s+(?:the\s+|their\s+)?lives|"
    r"bodies(?!\s+of\s+water)|fatalit\w+|perish\w*",
    "injured": r"injur\w*|wounded|wounds|hurt|hospitali[sz]\w*|in\s+(?:a\s+)?hospitals?",
    "missing": r"missing|unaccounted",
    # Surrendered, captured or detained: whoever is now held by the other side.
    "surrendered": r"surrender\w*|(?:laid|lay|laying)\s+down\s+(?:their\s+|his\s+|its\s+)?"
    r"(?:arms|weapons)|captured|prisoners?|POWs?|captivity|detain\w*|detention|"
    r"(?<!cardiac\s)arrest\w*|imprison\w*|jailed",
    "evacuated": r"evacuat\w*|displaced|homeless|fled|rescued|"
    r"(?:forced|driven)\s+(?:from|out\s+of)\s+(?:their\s+)?homes?",
    # Still where the story happens: "1,000 soldiers are present in the plant",
    # "battling some 2,000 troops at Azovstal", "hundreds trapped under rubble".
    # Those who stayed are not those who surrendered, fled or were rescued. It is
    # the weakest outcome: any other outcome word of the clause wins ("the toll
    # remained at 233", "12 remain missing", "80 remain in hospital").
    "remaining": r"(?:(?:are|is|were|was|be|been|being|remain\w*|still)\s+|(?<!\bat\s))present\s+"
    r"(?:in|at|inside|on)\b|(?:are|is|were|was|be|been|being|remain\w*|still)\s+present\b|"
    r"remain(?:ed|ing)?|trapped|stranded|holed\s+up|still\s+(?:in|at|inside)|battling|"
    r"defending\s+(?:the|a|an|their|its|his|her)\b|holding\s+out",
    "deployed": DEPLOYED,
}

#: Counted nouns that are the response, not the victims, when the sentence says they
#: were sent ("200 police personnel and 60 ambulances have been mobilised").
RESPONDER_NOUNS = (
    r"ambulances?|personnel|rescuers?|firefighters?|doctors?|nurses?|medics?|"
    r"teams?|helicopters?|buses|vehicles?|volunteers?|units?|dogs?"
)
#: Words before a responder noun that do not change what is counted.
RESPONDER_FILLERS = frozenset({"additional", "more", "extra", "other", "further", "new", "some"})
#: Counted nouns that are never people, so no outcome word applies to them
#: ("missing for 3 days", "oil prices hurt 200 companies").
NOT_PEOPLE_NOUNS = (
    r"(?:days?|hours?|weeks?|months?|years?|minutes?|seconds?|times|votes?|seats?|points?|"
    r"companies|firms|businesses|schools|buildings|homes|houses|states|provinces|countries|"
    r"cities|towns|villages|districts|flights|trains|coaches|tons|tonnes|percent|%)"
)

#: Counted nouns that name no group of their own: any people, or the outcome itself.
ANYONE = frozenset(
    {
        "people", "person", "persons", "individuals", "others", "wounded", "injured", "dead",
        "killed", "missing", "casualties", "victims", "survivors", "residents",
    }
)  # fmt: skip

#: Words for one group, as war reporting varies them ("soldiers", "troops", "defenders").
SAME_GROUP = {
    w: "combatant"
    for w in (
        "soldier", "troop", "fighter", "defender", "serviceman", "servicemen", "combatant",
        "militant", "marine", "service member",
    )
}  # fmt: skip

#: Adjectives English uses as nouns for people in a toll ("600 wounded", "51 dead").
NOMINAL_ADJECTIVES = frozenset(
    ["wounded", "injured", "dead", "killed", "missing", "displaced", "homeless", "unemployed"]
)
