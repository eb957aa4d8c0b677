"""Dated figures and events in order, with the running figure of each updated count.

A death toll or a surrender count is reported many times as it grows; the reader
needs to see which outlet had which figure when, and who announced it, before judging
whether two outlets disagree or only wrote on different days. Dates are the figure's
own ``as_of`` where the extractor found one and the article's date otherwise, and each
entry says which, because the two are easily confused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from parallax.report.names import outlet_names
from parallax.schema import KINDS, Answer, QuestionKind, Report, TimelineEntry

#: Kinds whose answers chart as one running figure over time.
_SERIES_KINDS = {k.name for k in KINDS if k.verdict == "update"}
#: Kinds whose dated answers are figures of the timeline.
_FIGURE_KINDS = {k.name for k in KINDS if k.figures}


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def build_timeline(report: Report) -> list[TimelineEntry]:
    """Every dated figure, oldest first; running figures on series that are updated."""
    published = {a.aid: a.date for a in report.articles}
    labels = outlet_names(report.articles)
    texts = {a.aid: a.text for a in report.articles}
    claims = {c.id: c for c in report.claims}

    rows: list[tuple[tuple[object, ...], TimelineEntry]] = []
    cited: dict[str, list[tuple[int, int]]] = {}

    def add(ans: Answer, question: str | None, kind: QuestionKind | None, order: int) -> None:
        if ans.aid not in texts:
            return
        claim = claims.get(ans.claim_id or "")
        date, basis = ans.as_of, "as_of"
        if date is None:
            date, basis = published.get(ans.aid), "published"
        if date is None:
            basis = ""
        entry = TimelineEntry(
            date=date,
            date_basis=basis or None,
            aid=ans.aid,
            outlet=labels[ans.aid],
            text=texts[ans.aid][ans.char_start : ans.char_end],
            char_start=ans.char_start,
            char_end=ans.char_end,
            value=ans.value,
            qualifier=ans.qualifier or (claim.qualifier if claim else None),
            counted=claim.counted if claim else None,
            source=ans.source or (claim.source if claim else None),
            question=question,
            kind=kind,
        )
        cited.setdefault(ans.aid, []).append((ans.char_start, ans.char_end))
        rows.append(((date or dt.date.max, order), entry))

    order = 0
    for qa in report.question_answers:
        for group in qa.answer_groups:
            order += 1
            for ans in group:
                dated = ans.as_of is not None or ans.value is not None
                if dated and (qa.kind in _FIGURE_KINDS or ans.as_of is not None):
                    add(ans, qa.question, qa.kind, order)
    for claim in report.claims:
        if claim.as_of is None or claim.value is None:
            continue
        span = (claim.sent_start, claim.sent_end)
        if any(_overlaps(span, s) for s in cited.get(claim.aid, [])):
            continue
        order += 1
        add(
            Answer(
                aid=claim.aid,
                answer=claim.text,
                value=claim.value,
                unit=claim.unit,
                qualifier=claim.qualifier,
                source=claim.source,
                as_of=claim.as_of,
                char_start=claim.sent_start,
                char_end=claim.sent_end,
                claim_id=claim.id,
            ),
            None,
            None,
            order,
        )

    rows.sort(key=lambda r: r[0])
    entries = _dedupe(e for _, e in rows)
    _running(entries)
    return entries


def _dedupe(entries: Iterable[TimelineEntry]) -> list[TimelineEntry]:
    seen: set[tuple[str, int, int, str | None]] = set()
    out = []
    for e in entries:
        key = (e.aid, e.char_start, e.char_end, e.question)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def _running(entries: list[TimelineEntry]) -> None:
    """The latest figure of each updated series, and how much it moved."""
    last: dict[str, float] = {}
    for e in entries:
        if e.kind not in _SERIES_KINDS or e.question is None or e.value is None:
            continue
        previous = last.get(e.question)
        e.running = e.value
        e.change = None if previous is None else e.value - previous
        last[e.question] = e.value


def series(report: Report) -> dict[str, list[TimelineEntry]]:
    """The dated figures of each question whose figure differs by outlet or over time,
    for charting; questions with fewer than two distinct figures are left out."""
    out: dict[str, list[TimelineEntry]] = {}
    for e in report.timeline:
        if (
            e.question
            and e.value is not None
            and e.date is not None
            and e.kind in ("numeric_update", "numeric_conflict", "scope")
        ):
            out.setdefault(e.question, []).append(e)
    return {q: es for q, es in out.items() if len({e.value for e in es}) >= 2}
