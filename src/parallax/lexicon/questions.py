"""The words a reader's question is built from: how English asks about a measure.

``align.questions`` names what a fact's figures answer from the claim frame (the
measure key of ``extract.frames`` and the words of the sentences). These tables say
how a question asks about each kind of measure ("How many people died?", "How deep
was it?", "What share of the vote did X win?"); none of them is one event's word.
"""

from __future__ import annotations

#: Outcome measure keys (``extract.frames``) -> the verb group a count of people asks
#: with, as reported. "killed" asks "died" because a toll counts the dead whatever
#: killed them; "missing" is a state, asked in the present.
OUTCOME_VERBS: dict[str, str] = {
    "killed": "died",
    "injured": "were injured",
    "missing": "are missing",
    "detained": "were detained",
    "evacuated": "were evacuated",
    "remaining": "remain",
    "deployed": "were deployed",
}
#: The same, for a figure every outlet offers as a forecast or projection.
OUTCOME_FORECAST_VERBS: dict[str, str] = {
    "killed": "could die",
    "injured": "could be injured",
    "missing": "could be missing",
    "detained": "could be detained",
    "evacuated": "could be evacuated",
    "remaining": "could remain",
    "deployed": "will be deployed",
}
#: Outcome words of the sentences that ask better than the default verb: "How many
#: soldiers surrendered?" (intransitive: asked in the past tense), "How many people
#: were rescued?" (a participle: asked in the passive).
OUTCOME_INTRANSITIVE = frozenset(["surrendered", "fled", "perished", "drowned", "died"])
OUTCOME_PARTICIPLES = frozenset(
    """arrested captured detained jailed imprisoned rescued displaced evacuated
    hospitalised hospitalized wounded injured hurt killed deployed mobilised mobilized
    dispatched stranded trapped""".split()
)
#: What a statement topic about an outcome is about, when its sentences carry a figure
#: (a count) and when they do not.
OUTCOME_TOPICS: dict[str, tuple[str, str]] = {
    "killed": ("the death toll", "the dead"),
    "injured": ("the number of injured", "the injured"),
    "missing": ("the number of missing", "the missing"),
    "surrendered": ("the number held", "those held"),
    "evacuated": ("the number displaced", "the displaced"),
}

#: Dimensions (``extract.frames``) -> how a question asks for them about a thing.
DIMENSION_ASKS: dict[str, str] = {
    # "a 30cm tsunami", "a 22-foot vessel": a length that is not always a length.
    "length": "How big",
    "height": "How high",
    "depth": "How deep",
    "width": "How wide",
    "distance": "How far",
    "age": "How old",
    "speed": "How fast",
    "weight": "How heavy",
    "thickness": "How thick",
    "duration": "How long",
    "area": "How large",
}

#: Measures whose figure belongs to a holder who won or took it ("How many seats did
#: Labour win?"); asked with "win" when the sentences give no verb of their own.
WON_MEASURES = frozenset(["seats", "votes", "vote share"])
#: Measures asked as a level ("What was Nvidia's revenue?").
LEVEL_MEASURES = frozenset(
    [
        "revenue", "net income", "earnings per share", "market value", "buyback",
        "dividend", "share price", "bond yield", "unemployment rate", "inflation",
        "growth", "wages", "interest rate", "mortgage rate", "participation rate",
        "turnout", "magnitude", "value",
    ]
)  # fmt: skip

#: Nouns too general to name what a topic is about ("What do the outlets say about
#: people?"): people in general, units of time, and words of the page.
GENERIC_TOPIC_NOUNS = frozenset(
    """people person persons individuals others other one ones thing things way ways time
    times year years day days week weeks month months hour hours minute minutes date
    lot lots part parts number numbers some many it this that news report reports
    story stories statement comment comments""".split()
)

#: Past participles of irregular verbs news sentences count with ("how many seats
#: were won"); a regular verb takes "-ed".
IRREGULAR_PARTICIPLES: dict[str, str] = {
    "win": "won", "take": "taken", "leave": "left", "make": "made", "get": "got",
    "give": "given", "hold": "held", "find": "found", "lose": "lost", "keep": "kept",
    "bring": "brought", "build": "built", "buy": "bought", "catch": "caught",
    "come": "come", "go": "gone", "hit": "hit", "put": "put", "run": "run", "see": "seen",
    "send": "sent", "set": "set", "shut": "shut", "spend": "spent", "stand": "stood",
    "strike": "struck", "tell": "told", "throw": "thrown", "fall": "fallen",
    "rise": "risen", "flee": "fled", "fly": "flown", "know": "known", "lead": "led",
    "meet": "met", "pay": "paid", "say": "said", "sell": "sold", "show": "shown",
    "spread": "spread", "sweep": "swept", "write": "written", "begin": "begun",
    "break": "broken", "choose": "chosen", "draw": "drawn", "drive": "driven",
    "feel": "felt", "fight": "fought", "grow": "grown", "hear": "heard", "hide": "hidden",
    "hurt": "hurt", "beat": "beaten", "become": "become", "cast": "cast", "cost": "cost",
    "cut": "cut", "deal": "dealt", "lay": "laid", "let": "let", "mean": "meant",
    "read": "read", "ride": "ridden", "seek": "sought", "shake": "shaken",
    "shoot": "shot", "sink": "sunk", "sit": "sat", "split": "split", "steal": "stolen",
    "swear": "sworn", "teach": "taught", "tear": "torn", "think": "thought",
    "wake": "woken", "wear": "worn", "withdraw": "withdrawn", "bear": "borne",
    "bid": "bid", "bind": "bound", "burst": "burst", "forecast": "forecast",
    "freeze": "frozen", "overtake": "overtaken", "shed": "shed", "slide": "slid",
    "spin": "spun", "stick": "stuck", "sting": "stung", "undertake": "undertaken",
}  # fmt: skip

#: Units a frame may take for its measure ("percentage point"): how a figure is given,
#: never what it measures.
UNIT_WORDS = frozenset(
    [
        "point", "points", "percentage point", "percentage points", "basis point",
        "basis points", "percent", "per cent", "bps",
    ]
)  # fmt: skip
