"""What one analysis of an event changed against the one before: the "story so far".

A reader following a story wants the news in the news: a figure nobody gave before,
a running total that moved (1,730 -> 1,908), a point the outlets now disagree on or no
longer do, an outlet that joined with things only it reports, a figure denied or
amended by a later article. Only the public report model is read, so the change log
does not depend on how alignment builds its questions.

Questions are matched across analyses by the answers they share (article id and
character span), never by their wording, which may change as articles arrive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from parallax.schema import Answer, QuestionAnswer, Report

#: In the order a reader wants them: moved totals and corrections first.
ChangeKind = Literal[
    "total_moved",
    "denied",
    "amended",
    "new_question",
    "question_changed",
    "resolved_question",
    "new_figure",
    "new_outlet",
]

CHANGE_ORDER: tuple[ChangeKind, ...] = get_args(ChangeKind)

#: Kinds in which the outlets do not diverge; every other kind is a point of difference,
#: so a kind added to the report later counts as one without a change here.
AGREEING_KINDS = frozenset({"consensus", "unique_coverage"})

_DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ying|ial)|refut\w*|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|"
    r"untrue|not true|false(?:ly)?|fake|disput(?:e|es|ed|ing)|retract\w*|contradict\w*)\b",
    re.IGNORECASE,
)
_AMENDMENT = re.compile(
    r"\b(?:revis(?:e|es|ed|ing|ion)|correct(?:s|ed|ing|ion)|amend\w*|adjust(?:s|ed|ing)?|"
    r"(?:up|down) from|raised|lowered|updated)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?]\s|\n")

Key = tuple[str, int, int] | str


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    text: str
    question: str | None = None
    data: dict[str, Any] = field(default_factory=dict)


def is_discord(qa: QuestionAnswer) -> bool:
    return qa.kind not in AGREEING_KINDS


def number(value: float | None, qualifier: str | None = None, unit: str | None = None) -> str:
    if value is None:
        return ""
    shown = f"{value:,.0f}" if value == round(value) else f"{value:,.2f}".rstrip("0").rstrip(".")
    return " ".join(p for p in (qualifier, shown, unit) if p)


def _key(a: Answer) -> Key:
    """A figure is its claim (answers of two figures of one sentence may share a span)."""
    return a.claim_id or (a.aid, a.char_start, a.char_end)


def _keys(qa: QuestionAnswer) -> set[Key]:
    return {_key(a) for g in qa.answer_groups for a in g}


def _answers(qa: QuestionAnswer) -> Iterable[Answer]:
    for group in qa.answer_groups:
        yield from group


class _Side:
    """One report, indexed for matching."""

    def __init__(self, report: Report | None) -> None:
        self.report = report
        self.qas = list(report.question_answers) if report else []
        self.keys = [_keys(qa) for qa in self.qas]
        self.by_key: dict[Key, list[int]] = {}
        for i, keys in enumerate(self.keys):
            for k in keys:
                self.by_key.setdefault(k, []).append(i)
        arts = report.articles if report else []
        self.outlet = {a.aid: a.outlet or a.aid for a in arts}
        self.texts = {a.aid: a.text for a in arts}
        self.claims = {c.id: c for c in report.claims} if report else {}
        self.totals = _running_totals(report) if report else {}

    def match(self, keys: set[Key]) -> list[int]:
        """Questions sharing answers with ``keys``, most shared first."""
        shared: dict[int, int] = {}
        for k in keys:
            for i in self.by_key.get(k, []):
                shared[i] = shared.get(i, 0) + 1
        return sorted(shared, key=lambda i: (-shared[i], i))

    def total(self, i: int) -> float | None:
        """The current figure of a question: its latest running total when the report
        tracks one, else its one value when every outlet gives the same."""
        qa = self.qas[i]
        if qa.question in self.totals:
            return self.totals[qa.question]
        values = {a.value for a in _answers(qa) if a.value is not None}
        return values.pop() if len(values) == 1 else None

    def sentence(self, a: Answer) -> str:
        claim = self.claims.get(a.claim_id or "")
        text = self.texts.get(a.aid, "")
        if claim is not None:
            return text[claim.sent_start : claim.sent_end]
        starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, a.char_start)]
        end = _SENTENCE_END.search(text, a.char_end)
        return text[starts[-1] if starts else 0 : end.end() if end else len(text)]


def _running_totals(report: Report) -> dict[str, float]:
    totals: dict[str, float] = {}
    for entry in report.timeline:
        if entry.question and entry.running is not None:
            totals[entry.question] = entry.running
    return totals


def diff_reports(old: Report | None, new: Report) -> list[Change]:
    """Every change of ``new`` against ``old`` (``None``: the event's first analysis)."""
    before, after = _Side(old), _Side(new)
    fresh_aids = {a.aid for a in new.articles} - set(before.outlet)
    changes: list[Change] = []
    for i in range(len(after.qas)):
        matches = before.match(after.keys[i])
        j = matches[0] if matches else None
        changes += _question_changes(before, after, i, j, fresh_aids)
    changes += _resolved(before, after)
    changes += _new_outlets(before, after)
    seen: set[tuple[str, str, str | None]] = set()
    unique = []
    for c in changes:
        key = (c.kind, c.text, c.question)
        if key not in seen:
            seen.add(key)
            unique.append(c)
    return sorted(unique, key=lambda c: CHANGE_ORDER.index(c.kind))


def _question_changes(
    before: _Side, after: _Side, i: int, j: int | None, fresh_aids: set[str]
) -> list[Change]:
    qa = after.qas[i]
    out: list[Change] = []
    old = before.qas[j] if j is not None else None
    if is_discord(qa) and (old is None or not is_discord(old)):
        out.append(
            Change(
                "new_question",
                f"New point of difference ({qa.kind.replace('_', ' ')}): {qa.question}",
                qa.question,
                {"kind": qa.kind, "was": old.kind if old else None},
            )
        )
    elif old is not None and is_discord(qa) and is_discord(old) and old.kind != qa.kind:
        out.append(
            Change(
                "question_changed",
                f"Now {qa.kind.replace('_', ' ')} (was {old.kind.replace('_', ' ')}): "
                f"{qa.question}",
                qa.question,
                {"kind": qa.kind, "was": old.kind},
            )
        )
    if old is not None and j is not None:
        was, now = before.total(j), after.total(i)
        if was is not None and now is not None and was != now:
            out.append(
                Change(
                    "total_moved",
                    f"{qa.question} {number(was)} \u2192 {number(now)}",
                    qa.question,
                    {"old": was, "new": now},
                )
            )
    if qa.kind == "framing":
        return out
    old_values = {a.value for a in _answers(old)} if old else set()
    earlier = [a for a in _answers(old) if a.aid not in fresh_aids] if old else []
    for a in _answers(qa):
        if a.aid not in fresh_aids or a.value is None:
            continue
        outlet = after.outlet.get(a.aid, a.aid)
        said = number(a.value, a.qualifier, a.unit)
        who = f" per {a.source}" if a.source else ""
        if a.value not in old_values:
            out.append(
                Change(
                    "new_figure",
                    f"{said} ({outlet}{who}): {qa.question}",
                    qa.question,
                    {"value": a.value, "aid": a.aid, "outlet": outlet, "answer": a.answer},
                )
            )
        if earlier:
            out += _correction(after, qa, a, outlet, earlier, before)
    return out


def _correction(
    after: _Side,
    qa: QuestionAnswer,
    a: Answer,
    outlet: str,
    earlier: list[Answer],
    before: _Side,
) -> list[Change]:
    """A later article's figure that denies or amends one the event already had."""
    sentence = " ".join(after.sentence(a).split())
    prior = ", ".join(
        dict.fromkeys(
            f"{number(e.value, e.qualifier)} ({before.outlet.get(e.aid, e.aid)})"
            for e in earlier
            if e.value is not None
        )
    )
    data = {"value": a.value, "aid": a.aid, "outlet": outlet, "sentence": sentence}
    if _DENIAL.search(sentence):
        text = f"{outlet} disputes it: \u201c{sentence}\u201d (earlier: {prior}): {qa.question}"
        return [Change("denied", text, qa.question, data)]
    own = [e for e in earlier if before.outlet.get(e.aid, e.aid) == outlet and e.value is not None]
    if _AMENDMENT.search(sentence) or (own and all(e.value != a.value for e in own)):
        text = (
            f"{outlet} now gives {number(a.value, a.qualifier)} (earlier: {prior}): {qa.question}"
        )
        return [Change("amended", text, qa.question, data)]
    return []


def _resolved(before: _Side, after: _Side) -> list[Change]:
    out = []
    for j, old in enumerate(before.qas):
        if not is_discord(old):
            continue
        now = [after.qas[i] for i in after.match(before.keys[j])]
        if any(is_discord(q) for q in now):
            continue
        state = f"now {now[0].kind.replace('_', ' ')}" if now else "no longer asked"
        out.append(
            Change(
                "resolved_question",
                f"No longer a point of difference ({state}): {old.question}",
                old.question,
                {"was": old.kind, "now": now[0].kind if now else None},
            )
        )
    return out


def _new_outlets(before: _Side, after: _Side) -> list[Change]:
    known = set(before.outlet.values())
    out = []
    for outlet in dict.fromkeys(after.outlet.values()):
        if outlet in known:
            continue
        only = [
            qa.question
            for qa in after.qas
            if qa.kind == "unique_coverage"
            and any(after.outlet.get(a.aid) == outlet for a in _answers(qa))
        ]
        what = f"{len(only)} point{'s' if len(only) != 1 else ''} only it reports"
        out.append(
            Change(
                "new_outlet",
                f"New outlet {outlet}: {what}",
                None,
                {"outlet": outlet, "unique": only},
            )
        )
    return out
