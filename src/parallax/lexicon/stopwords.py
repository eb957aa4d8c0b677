"""Stop words, one list per purpose.

The lists differ on purpose and are kept apart: alignment's word overlap drops
reporting words ("said", "according") and small number words, framing's
distinctive-word scores drop the calendar too, and the scorer's list is part of
the definition of the evaluation metrics, so it must not move when the
product's lists are tuned.
"""

from __future__ import annotations

#: Function words, reporting verbs and small number words: what two sentences may
#: share without being about the same thing (alignment's content words).
STOPWORDS = frozenset(
    """a an the and or but if of in on at to for from by with as is are was were be been
    being has have had do does did this that these those it its it's their there here they them
    he she his her we our you your i me my not no so than then too very can could will would
    should may might must also just about into over after before since until while which who
    whom whose what when where why how all any both each few more most other some such only own
    same s t said says say told according per cent percent mr ms mrs one two three four five six
    seven eight nine ten up down out off again further once new last first""".split()
)

#: English function words plus reporting verbs, weekdays and honorifics: words that say
#: nothing about how an outlet frames the story (framing's distinctive words).
FRAMING_STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in into
    is it its itself just me more most my no nor not now of off on once only or other our ours
    out over own same she should so some such than that the their theirs them then there these
    they this those through to too under until up very was we were what when where which while
    who whom why will with would you your said says say told one two three four five six seven
    eight nine ten since last week today yesterday monday tuesday wednesday thursday friday
    saturday sunday mr ms mrs per it's s according may might must shall us new""".split()
)

#: Words that never tell two speakers' names apart ("the Ministry of Defence").
NAME_STOPWORDS = frozenset(
    ["the", "a", "an", "of", "'s", "’s", "and", "for", "in", "on", "at", "by"]
)

#: The scorer's stop words (``report.evaluate``): frozen with the metric definitions.
EVAL_STOPWORDS = frozenset(
    """a an the of and or to in on at by for from with as is was were are be been has have had
    it its this that these those their his her he she they we our s via per than into over
    about after before said says according who which what when where also not no but""".split()
)
