"""Words for people and the loaded words outlets use for them.

``report.framing`` reads them for each outlet's loaded terms and labels, and the
framing detector of alignment asks which loaded terms name people.
"""

from __future__ import annotations

#: Words that carry a judgement whichever side uses them. Deliberately short and general:
#: "loaded" is a judgement about words, not something the text can reveal.
LOADED = frozenset(
    """
    terrorist terrorists militant militants regime thugs mercenaries mercenary nazi nazis
    neo-nazi fascist fascists extremist extremists radicals invaders occupiers occupation
    invasion liberate liberated liberation genocide massacre slaughter atrocities atrocity
    puppet junta so-called notorious euphemism heroic heroes hero supermen martyrs brutal
    barbaric propaganda bandits insurgents rebels separatists aggression annexed illegal
    criminals crimes mob rioters looters chaos disastrous devastating catastrophe
    catastrophic slammed blasted skyrocket skyrocketed plunged soared staggering shocking
    alamo crackdown hostage weaponizing weaponize
    """.split()
)

#: Suffixes of nouns that name people or groups of people (English morphology).
PERSON_SUFFIXES = ("ers", "ors", "ists", "ians", "men", "iers", "ants")
#: Agent nouns in -ers/-ors are people only when their verb is there too (defend ->
#: defenders); "helicopters" and "kilometers" have no such verb.
AGENT_SUFFIXES = ("ers", "ors")
#: Plural nouns for people that the suffixes miss.
PERSON_WORDS = frozenset(
    """
    troops forces people police personnel staff crew crews militia militias battalions units
    regiments children women men prisoners civilians residents pows fighters soldiers voters
    workers youths officials authorities students opponents agents parents presidents
    employees refugees survivors victims passengers
    """.split()
)
#: Plurals with a person suffix that name things ("orders", "centers", "shares").
NOT_PERSONS = frozenset(
    """
    numbers others orders borders papers waters centers centres matters letters powers
    towers headquarters computers sectors factors errors doors floors colors colours meters
    metres liters litres quarters layers chambers markers containers shares figures hours
    years members statements agreements governments documents moments elements comments
    events payments investments departments amendments instruments treatments requirements
    settlements developments measurements parliaments arguments segments assignments
    accidents incidents components movements plants grants restaurants percents offers
    transfers reports results records followers viewers rivers weathers tunnels arms months
    summers winters dollars details regions rates prices markets cents points seconds
    minutes talents parents' ministers' patents contents intents
    """.split()
)
#: Pronouns, which name nobody on their own.
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
