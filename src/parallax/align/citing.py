"""How an answer cites its article: the span a reader checks the answer against.

Answers cite whole sentences (``text[sent_start:sent_end]``): a sentence is the
smallest span that always carries the figure *and* what it counts and who says
it, and it is what the reader checks against the article. A run-on "sentence"
is cut to a word-aligned window around what it answers.
"""

from __future__ import annotations

from collections.abc import Iterable

from parallax.align.context import Statement
from parallax.align.items import ClaimItem
from parallax.align.text import MAX_ANSWER_CHARS
from parallax.schema import Answer


def answer_span(
    text: str, sent_start: int, sent_end: int, fig_start: int, fig_end: int
) -> tuple[int, int]:
    """The sentence, or a word-aligned window of it around the figure when it is too long."""
    if sent_end - sent_start <= MAX_ANSWER_CHARS:
        return sent_start, sent_end
    room = max(0, (MAX_ANSWER_CHARS - (fig_end - fig_start)) // 2)
    start = max(sent_start, fig_start - room)
    end = min(sent_end, fig_end + room)
    while sent_start < start < fig_start and not text[start - 1].isspace():
        start += 1
    while fig_end < end < sent_end and not text[end].isspace():
        end -= 1
    return start, end


def claim_answer(item: ClaimItem) -> Answer:
    """A figure's answer: its sentence (or a window of it), with the figure's frame."""
    c = item.claim
    start, end = answer_span(item.article.text, c.sent_start, c.sent_end, c.char_start, c.char_end)
    return Answer(
        aid=c.aid,
        answer=item.article.text[start:end],
        value=c.value,
        unit=c.unit,
        qualifier=c.qualifier,
        source=c.source,
        as_of=c.as_of,
        char_start=start,
        char_end=end,
        claim_id=c.id,
    )


def statement_answer(s: Statement) -> Answer:
    return Answer(aid=s.aid, answer=s.text, source=s.source, char_start=s.start, char_end=s.end)


def span_answer(text: str, aid: str, start: int, end: int) -> Answer:
    """An answer citing ``text[start:end]`` of article ``aid``."""
    return Answer(aid=aid, answer=text[start:end], char_start=start, char_end=end)


def dedupe(answers: Iterable[Answer]) -> list[Answer]:
    """One answer per (article, span): two claims in one sentence cite it once."""
    seen: set[tuple[str, int, int]] = set()
    out = []
    for a in answers:
        key = (a.aid, a.char_start, a.char_end)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out
