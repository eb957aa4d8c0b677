"""The day outlets give for the event itself: "shook Turkey and Syria on Feb. 5" against
"struck on Monday" (6 February).

Wire services date an event in their own time zone, and rewrites slip a day, so
the date of the event is a classic cross-outlet difference that no figure
carries. A dated event is a day-level time expression ("on Feb. 5", "Monday",
"yesterday": resolved against the article's date by ``extract.timing``) that
the parse attaches to a verb of happening ("struck", "hit", "derailed",
"occurred") whose subject is the thing that happened ("the earthquake"; for
"..., which hit on February 6" the noun the clause hangs on). Subjects of two
voices name one event when their embeddings are close ("quake", "earthquake");
when two voices give one event different days, the event becomes a
factual-conflict question with one answer group per day. Each answer cites the
whole sentence, which is what a reader checks.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from parallax.align.context import EventContext
from parallax.align.grouping import MIN_VOICES, alike, buckets, enough_voices, first_per
from parallax.align.text import MAX_ANSWER_CHARS, commonest, cued_sentences
from parallax.extract.timing import TIME_EXPR, resolve
from parallax.schema import Answer, QuestionAnswer, QuestionKind

#: Verbs of something happening at a time (lemmas).
EVENT_VERBS = frozenset(
    {
        "strike", "hit", "shake", "jolt", "rock", "crash", "derail", "collide", "occur",
        "happen", "erupt", "explode", "land", "sink", "collapse", "flood",
    }
)  # fmt: skip
#: Cosine from which two subjects name one event ("quake", "earthquake").
SAME_EVENT = 0.7
#: Expressions that name one day (not "this week", not a year or a month).
_DAY_GROUPS = ("today", "yesterday", "nth", "wd")
#: Subjects that point back to something else and name no event themselves.
_POINTERS = frozenset({"it", "this", "that", "which", "who", "they"})
_CUE = re.compile(
    r"\b(?:" + "|".join(sorted({"struck", "strikes", "hit", "hits", "shook", "jolted", "rocked",
    "crashed", "derailed", "collided", "occurred", "happened", "erupted", "exploded", "landed",
    "sank", "collapsed", "flooded"})) + r")\b",
    re.IGNORECASE,
)  # fmt: skip


@dataclass(frozen=True)
class DatedEvent:
    aid: str
    voice: str
    #: The event as its subject names it ("earthquake").
    subject: str
    verb: str
    day: dt.date
    #: What the article wrote for the day ("Feb. 5", "Monday").
    said: str
    start: int
    end: int


def _day_level(m: re.Match[str]) -> bool:
    if m.group("md"):
        return bool(m.group("mday"))
    return any(m.group(g) for g in _DAY_GROUPS)


def _token_at(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None else None


def _event_verb(tok: Token) -> Token | None:
    """The verb of happening the time expression dates, within three steps up the parse."""
    node = tok
    for _ in range(3):
        if node.head is node:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node if node.lemma_.lower() in EVENT_VERBS else None
    return None


def _subject(verb: Token) -> Token | None:
    """What happened: the verb's subject, or the noun a relative clause hangs on."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if verb.dep_ == "relcl" and (subj is None or subj.lower_ in _POINTERS):
        subj = verb.head
    if verb.dep_ == "acl" and subj is None:
        subj = verb.head  # "the earthquake, striking on Monday"
    if subj is None or subj.lower_ in _POINTERS or subj.pos_ not in ("NOUN", "PROPN"):
        return None
    return subj


def find_dated_events(ctx: EventContext) -> list[DatedEvent]:
    """Every day an original English article gives for something happening."""
    out: list[DatedEvent] = []
    for art, sent in cued_sentences(ctx.articles, _CUE):
        text = sent.text
        matches = [m for m in TIME_EXPR.finditer(text) if _day_level(m)]
        if not matches:
            continue
        doc = ctx.parse(art.aid, sent)
        lead = len(doc.text) - len(doc.text.lstrip())
        for m in matches:
            base = art.published
            absolute = m.group("md") and m.group("year")
            if base is None and not absolute:
                continue  # a weekday of an undated article is no day
            resolved = resolve(m, base or dt.date(int(m.group("year")), 12, 31))
            if resolved is None or resolved[0] is None:
                continue
            tok = _token_at(doc, lead + m.start(), lead + m.end())
            verb = _event_verb(tok) if tok is not None else None
            subj = _subject(verb) if verb is not None else None
            if verb is None or subj is None:
                continue
            out.append(
                DatedEvent(
                    aid=art.aid,
                    voice=ctx.voice(art.aid),
                    subject=subj.lemma_.lower() if subj.pos_ == "NOUN" else subj.text,
                    verb=verb.lemma_.lower(),
                    day=resolved[0],
                    said=m.group(0).strip(),
                    start=sent.start,
                    end=sent.end,
                )
            )
    return out


def _answer(event: DatedEvent, text: str) -> Answer:
    end = min(event.end, event.start + MAX_ANSWER_CHARS)
    return Answer(
        aid=event.aid,
        answer=text[event.start : end],
        char_start=event.start,
        char_end=end,
        as_of=event.day,
    )


def _question(ctx: EventContext, members: list[DatedEvent]) -> QuestionAnswer | None:
    """The question of one event several voices date, when their days differ."""
    by_day = buckets(members, lambda e: e.day)
    if len(by_day) < 2:
        return None
    groups: list[list[Answer]] = []
    said: list[str] = []
    for day in sorted(by_day):
        dated = first_per(by_day[day], lambda e: (e.voice, e.start))
        groups.append([_answer(e, ctx.by_aid[e.aid].text) for e in dated])
        outlets = sorted({ctx.outlet(e.aid) for e in by_day[day]})
        words = sorted({f"'{e.said}'" for e in by_day[day]})
        said.append(f"{day.isoformat()} ({', '.join(words)}: {', '.join(outlets)})")
    subject = commonest([e.subject for e in members])
    verb = commonest([e.verb for e in members])
    days = sorted(by_day)
    zone = (
        " Days one apart are often one moment in two time zones (local time against the outlet's)."
        if (days[-1] - days[0]).days == 1
        else ""
    )
    return QuestionAnswer(
        question=f"When did the {subject} {verb}?",
        kind="factual_conflict",
        answer_groups=groups,
        explanation=(
            f"The outlets date the {subject} differently: {'; '.join(said)}.{zone} "
            "Weekdays are read against each article's publication date."
        ),
    )


class Dates:
    """An event that two voices date on different days."""

    name = "dates"
    kinds: tuple[QuestionKind, ...] = ("factual_conflict",)

    def find(self, ctx: EventContext) -> list[QuestionAnswer]:
        events = find_dated_events(ctx)
        if not enough_voices(events, lambda e: e.voice, MIN_VOICES):
            return []
        out = []
        for group in alike(ctx.embed([e.subject for e in events]), SAME_EVENT):
            members = [events[i] for i in group]
            if enough_voices(members, lambda e: e.voice, MIN_VOICES):
                qa = _question(ctx, members)
                if qa is not None:
                    out.append(qa)
        return out
