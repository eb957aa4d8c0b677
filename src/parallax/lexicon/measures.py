"""What a figure measures: the nouns, verbs and cue words of a claim frame.

``extract.frames`` reads a figure's parse and names its measure with a key that two
outlets' figures of one measure share ("revenue", "vote share", "killed") and a short
phrase for a question. The words here are English, not any one event's: a measure
noun is listed because many stories count it (votes, seats, jobs, revenue, viewers),
and a synonym because outlets write one measure both ways ("sales" / "revenue",
"benchmark rate" / "interest rate").
"""

from __future__ import annotations

import re

#: Noun lemma -> measure key, for nouns that name a measure whatever the event.
MEASURE_NOUNS: dict[str, str] = {
    # elections
    "vote": "votes", "ballot": "votes", "seat": "seats", "constituency": "seats",
    "turnout": "turnout", "participation": "turnout", "voter": "voters",
    # companies and markets
    "revenue": "revenue", "sale": "revenue", "turnover": "revenue", "profit": "net income",
    "income": "net income", "eps": "earnings per share", "valuation": "market value",
    "capitalisation": "market value", "capitalization": "market value", "buyback": "buyback",
    "repurchase": "buyback", "dividend": "dividend", "share": "share price",
    "stock": "share price", "yield": "bond yield",
    # economy
    "job": "jobs", "payroll": "jobs", "unemployment": "unemployment rate",
    "inflation": "inflation", "gdp": "growth", "growth": "growth", "wage": "wages",
    # disasters and accidents
    "aftershock": "aftershocks", "tremor": "aftershocks", "building": "buildings",
    "home": "homes", "house": "homes", "magnitude": "magnitude", "passenger": "passengers",
    # audiences and crowds
    "viewer": "viewers", "audience": "viewers", "viewership": "viewers", "rating": "ratings",
    "protester": "protesters", "demonstrator": "protesters", "marcher": "protesters",
    "striker": "strikers",
}  # fmt: skip

#: Nouns that say only *what kind* of number it is ("the rate", "the total", "a range of");
#: the word that modifies them names the measure ("unemployment rate", "death toll").
GENERIC_NOUNS = frozenset(
    """rate rates level levels number total count figure figures tally amount value price
    range estimate estimates toll sum percentage proportion share tally region order
    neighbourhood neighborhood""".split()
)

#: Two-word measures (modifier lemma, head lemma) and the key outlets share for them.
QUALIFIED_MEASURES: dict[tuple[str, str], str] = {
    ("unemployment", "rate"): "unemployment rate", ("jobless", "rate"): "unemployment rate",
    ("interest", "rate"): "interest rate", ("benchmark", "rate"): "interest rate",
    ("fund", "rate"): "interest rate", ("funds", "rate"): "interest rate",
    ("policy", "rate"): "interest rate", ("lending", "rate"): "interest rate",
    ("mortgage", "rate"): "mortgage rate", ("growth", "rate"): "growth",
    ("inflation", "rate"): "inflation", ("participation", "rate"): "participation rate",
    ("market", "value"): "market value", ("market", "cap"): "market value",
    ("market", "capitalization"): "market value", ("market", "capitalisation"): "market value",
    ("share", "price"): "share price", ("stock", "price"): "share price",
    ("vote", "share"): "vote share", ("net", "income"): "net income",
    ("net", "profit"): "net income", ("death", "toll"): "killed", ("rate", "hike"): "interest rate",
}  # fmt: skip

#: Adjectives of size after a measured length ("22 feet long") -> the dimension.
DIMENSION_ADJECTIVES = {
    "long": "length", "tall": "height", "high": "height", "deep": "depth", "wide": "width",
    "away": "distance", "far": "distance", "old": "age", "thick": "thickness",
}  # fmt: skip
#: Units -> the dimension a bare measurement in them has ("400 miles south of ...").
UNIT_DIMENSIONS = {
    "feet": "length", "foot": "length", "ft": "length", "metres": "length", "meters": "length",
    "m": "length", "inches": "length", "cm": "length", "mm": "length", "miles": "distance",
    "km": "distance", "kilometres": "distance", "kilometers": "distance", "mph": "speed",
    "km/h": "speed", "hours": "duration", "days": "duration", "weeks": "duration",
    "months": "duration", "years": "duration", "minutes": "duration", "tonnes": "weight",
    "tons": "weight", "kg": "weight", "kilograms": "weight", "barrels": "volume",
    "°C": "temperature", "°F": "temperature", "degrees": "temperature",
    "degrees Celsius": "temperature", "degrees Fahrenheit": "temperature",
    "magnitude": "magnitude", "hectares": "area", "acres": "area",
    "square kilometres": "area", "square kilometers": "area", "square miles": "area",
    "MW": "power", "GW": "power", "megawatts": "power", "gigawatts": "power",
}  # fmt: skip
#: Direction words after a distance ("400 miles south of"): the figure is a distance.
DIRECTIONS = frozenset(
    """north south east west northeast northwest southeast southwest north-east north-west
    south-east south-west off from away""".split()
)

#: Verbs whose subject counts people by what they did, when no noun is counted
#: ("seven voted", "a million marched") -> measure key.
SUBJECT_VERBS: dict[str, str] = {
    "vote": "voted", "march": "protesters", "protest": "protesters", "demonstrate": "protesters",
    "strike": "strikers", "watch": "viewers", "attend": "attendees",
}  # fmt: skip

#: Nouns of change: the figure they carry is a change of the measure, not its level
#: ("a 75 basis point rate hike", "sales growth of 101%").
CHANGE_NOUNS = frozenset(
    """increase increases rise rises hike hikes cut cuts drop drops fall falls decline declines
    gain gains jump jumps growth decrease decreases reduction reductions surge surges
    boost boosts""".split()
)
#: Verb lemmas of change: "rose 9%", "raised rates by 75 basis points".
CHANGE_VERBS = frozenset(
    """rise raise increase hike cut lower drop fall decline gain jump grow climb surge soar
    plunge slump slide sink tumble fall dip ease add lose shed double triple""".split()
)

#: Verbs whose subject owns the figure they take: "Tinubu won 8.8 million votes",
#: "Labour took 412 seats", "the company posted revenue of $13.5 billion".
POSSESSION_VERBS = frozenset(
    """win take secure get receive have hold gain lose poll score earn post report record
    garner capture finish come end bag clinch retain keep grab amass obtain attract draw
    make generate book deliver achieve""".split()
)
#: Of those, the verbs of saying: their subject owns a figure only when the figure is
#: its own result (revenue, seats), not a count of victims ("the ministry reported 50 dead").
POSSESSION_SPEECH = frozenset(["report", "post", "record"])

#: Words that place a figure before a later one: "the previous figure of 1,730".
EARLIER_WORDS = frozenset(
    """previous previously initial initially earlier preliminary prior original originally
    old former""".split()
)
#: Lemmas that correct a figure: its new value is "amended".
AMEND_LEMMAS = frozenset(["revise", "correct", "amend", "restate", "adjust", "update", "lower"])
#: Lemmas that deny what they govern.
DENY_LEMMAS = frozenset(["deny", "reject", "dismiss", "refute", "dispute", "disown"])
#: Lemmas and modals that put a figure in the future.
FORECAST_LEMMAS = frozenset(
    ["expect", "forecast", "predict", "anticipate", "project", "see", "guide", "estimate"]
)
FORECAST_NOUNS = frozenset(
    """forecast forecasts expectation expectations estimate estimates consensus guidance
    outlook projection projections prediction predictions""".split()
)
MODALS = frozenset(["will", "would", "could", "may", "might", "can", "should", "'ll"])
#: Phrases of a projected outcome ("on course to", "set to win", "exit poll").
PROJECTION_WORDS = frozenset(["projected", "projects", "projection", "projections", "poll"])
#: Who forecasts for a living: "analysts estimated $12.5 billion" is a forecast.
FORECASTERS = frozenset(
    """analyst analysts economist economists consensus street forecaster forecasters
    expectations""".split()
)

#: Nouns for who acts or speaks ("health authorities put the number at 5,500"): in
#: subject position they are not what a figure measures.
AGENT_NOUNS = frozenset(
    """authority office ministry government agency official police company firm group
    organisation organization department council committee commission spokesman
    spokeswoman spokesperson""".split()
)

#: Nouns that name a kind of place: "the city of Derna" names a place whatever else
#: the name could be.
PLACE_NOUNS = frozenset(
    """city town village province district region state county prefecture island
    municipality capital port area""".split()
)

#: Who lived through it: a count of its own, never a toll ("two crew members as the sole
#: survivors").
SURVIVOR_RE = re.compile(r"\bsurviv(?:ors?|ed|ing)\b", re.IGNORECASE)
#: Who was on the vehicle: "181 people on board", "181 aboard".
ABOARD_RE = re.compile(r"\b(?:on\s+board|aboard|onboard)\b", re.IGNORECASE)
#: Verbs of a vehicle with its passengers: "a jet carrying 181 people".
CARRY_VERBS = frozenset(["carry", "transport", "ferry"])
