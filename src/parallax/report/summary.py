"""A short, cited, extractive summary of where the outlets agree and how they diverge.

Every figure a reader sees in the summary is inside a quotation copied from an article
and cited by offsets; the connective words are templates and contain no digits. That
is the whole defence against invented figures, and ``citations.check_citations``
verifies it on the output rather than trusting this module.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from parallax.models import Claim
from parallax.report.citations import flat
from parallax.report.names import outlet_names
from parallax.schema import KINDS, Answer, Citation, QuestionAnswer, Report, SummarySentence

#: Longest quotation shown; a longer answer is cut to a window around its figure.
MAX_QUOTE = 150
MAX_CONSENSUS = 2
MAX_DISCORD = 10
MAX_UNIQUE = 3

#: Divergences in display order, and how a sentence about each opens.
_DISCORD_ORDER = {k.name: i for i, k in enumerate(k for k in KINDS if k.discord)}
_LEADS = {k.name: k.lead for k in KINDS}
_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _safe(text: str | None) -> str | None:
    """Metadata (a question, a source name) is shown only if it carries no figure, since
    it is not itself a cited span."""
    if not text or _DIGIT.search(text):
        return None
    return " ".join(text.split())


def _join(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


class _Ctx:
    def __init__(self, report: Report) -> None:
        self.texts = {a.aid: a.text for a in report.articles}
        self.labels = outlet_names(report.articles)
        self.claims: dict[str, Claim] = {c.id: c for c in report.claims}

    def valid(self, ans: Answer) -> bool:
        """Answers with offsets outside their article are left to the citation check to
        report; quoting them would show words the article does not have."""
        text = self.texts.get(ans.aid)
        return text is not None and 0 <= ans.char_start < ans.char_end <= len(text)

    def quote(self, ans: Answer) -> tuple[str, Citation]:
        """A verbatim quotation of ``ans`` and the exact span it was cut from."""
        text = self.texts[ans.aid]
        start, end = ans.char_start, ans.char_end
        if end - start > MAX_QUOTE:
            start, end = self._window(ans, text)
        while start < end and text[start].isspace():
            start += 1
        # Trailing whitespace and a closing full stop would double the template's own.
        while end > start and (text[end - 1].isspace() or text[end - 1] in ".;,:"):
            end -= 1
        # Only whitespace is folded: the quotation keeps the article's own quote marks.
        shown = flat(text[start:end])
        prefix = "\u2026" if start > ans.char_start else ""
        suffix = "\u2026" if end < ans.char_end else ""
        return (
            f"\u201c{prefix}{shown}{suffix}\u201d",
            Citation(aid=ans.aid, char_start=start, char_end=end),
        )

    def _window(self, ans: Answer, text: str) -> tuple[int, int]:
        focus = ans.char_start
        claim = self.claims.get(ans.claim_id or "")
        if claim is not None and ans.char_start <= claim.char_start < ans.char_end:
            focus = claim.char_start
        elif ans.value is None:
            # A statement, not a figure: its opening names who says what; a year or a
            # count further on ("annexed in 2014") is not what it answers.
            focus = ans.char_start
        else:
            m = _NUMBER.search(text, ans.char_start, ans.char_end)
            if m:
                focus = m.start()
        start = max(ans.char_start, focus - MAX_QUOTE // 3)
        end = min(ans.char_end, start + MAX_QUOTE)
        start = max(ans.char_start, min(start, end - MAX_QUOTE))
        if start > ans.char_start:
            space = text.find(" ", start, focus)
            start = space + 1 if space != -1 else start
        if end < ans.char_end:
            space = text.rfind(" ", max(focus, start), end)
            end = space if space > focus else end
        return start, end

    def who(self, group: Sequence[Answer]) -> str:
        return _join(list(dict.fromkeys(self.labels.get(a.aid, a.aid) for a in group)))


def _representative(group: Sequence[Answer]) -> Answer:
    """The answer to quote for a group: one with a figure if any, and the shortest such."""
    with_value = [a for a in group if a.value is not None] or list(group)
    return min(with_value, key=lambda a: a.char_end - a.char_start)


def _group_phrase(ctx: _Ctx, group: Sequence[Answer], cites: list[Citation]) -> str:
    rep = _representative(group)
    quote, cite = ctx.quote(rep)
    cites.append(cite)
    for a in group:
        if a is not rep:
            cites.append(Citation(aid=a.aid, char_start=a.char_start, char_end=a.char_end))
    sources = list(dict.fromkeys(s for a in group if (s := _safe(a.source))))
    per = f", according to {_join(sources)}" if sources else ""
    return f"{ctx.who(group)}{per}: {quote}"


def _ordered_groups(qa: QuestionAnswer) -> list[list[Answer]]:
    if qa.kind != "numeric_update":
        return qa.answer_groups
    dated = [
        (min((a.as_of for a in g if a.as_of), default=None), i)
        for i, g in enumerate(qa.answer_groups)
    ]
    if any(d is None for d, _ in dated):
        return qa.answer_groups  # the aligner's order is the time order it could infer
    return [qa.answer_groups[i] for _, i in sorted(dated, key=lambda x: (x[0], x[1]))]


def _direction(groups: Sequence[Sequence[Answer]]) -> str:
    values = [_representative(g).value for g in groups]
    known = [v for v in values if v is not None]
    if len(known) < 2 or known[0] == known[-1]:
        return "changed"
    if all(b >= a for a, b in itertools.pairwise(known)):
        return "rose"
    if all(b <= a for a, b in itertools.pairwise(known)):
        return "fell"
    return "went up and down"


def _discord_sentence(ctx: _Ctx, qa: QuestionAnswer) -> SummarySentence:
    cites: list[Citation] = []
    groups = _ordered_groups(qa)
    phrases = [_group_phrase(ctx, g, cites) for g in groups]
    question = _safe(qa.question)
    opening = f"{question} " if question else ""
    if qa.kind == "numeric_update":
        what = "figure" if any(a.value is not None for g in groups for a in g) else "account"
        lead = f"The {what} {_direction(groups)} as new reports came in"
        body = "; then ".join(phrases)
    else:
        lead = _LEADS.get(qa.kind, "the outlets differ")
        lead = lead[0].upper() + lead[1:]
        body = "; ".join(phrases)
    return SummarySentence(text=f"{opening}{lead}: {body}.", citations=cites)


def _consensus_sentence(ctx: _Ctx, qa: QuestionAnswer) -> SummarySentence:
    cites: list[Citation] = []
    group = max(qa.answer_groups, key=len)
    rep = _representative(group)
    quote, cite = ctx.quote(rep)
    cites.append(cite)
    cites += [
        Citation(aid=a.aid, char_start=a.char_start, char_end=a.char_end)
        for a in group
        if a is not rep
    ]
    question = _safe(qa.question)
    opening = f"{question} " if question else ""
    return SummarySentence(text=f"{opening}{ctx.who(group)} agree: {quote}.", citations=cites)


def _unique_sentence(ctx: _Ctx, qa: QuestionAnswer) -> SummarySentence:
    cites: list[Citation] = []
    group = qa.answer_groups[0]
    quote, cite = ctx.quote(_representative(group))
    cites.append(cite)
    question = _safe(qa.question)
    opening = f"{question} " if question else ""
    return SummarySentence(
        text=f"{opening}Only {ctx.who(group)} reports it: {quote}.", citations=cites
    )


def _spread(qa: QuestionAnswer) -> int:
    return len({a.aid for g in qa.answer_groups for a in g})


def build_summary(report: Report) -> list[SummarySentence]:
    """Agreement first (briefly), then every kind of divergence, then singletons."""
    ctx = _Ctx(report)
    usable = [
        qa
        for qa in report.question_answers
        if qa.answer_groups
        and all(g for g in qa.answer_groups)
        and all(ctx.valid(a) for g in qa.answer_groups for a in g)
    ]
    consensus = sorted((q for q in usable if q.kind == "consensus"), key=_spread, reverse=True)
    ranked = sorted(
        (q for q in usable if q.kind in _DISCORD_ORDER),
        key=lambda q: (_DISCORD_ORDER[q.kind], -_spread(q)),
    )
    # Every kind of divergence gets its best question in before any kind gets a second.
    first_of: dict[str, int] = {}
    for i, q in enumerate(ranked):
        first_of.setdefault(q.kind, i)
    order = list(first_of.values()) + [i for i in range(len(ranked)) if i not in first_of.values()]
    keep = sorted(order[:MAX_DISCORD])
    discord = [ranked[i] for i in keep]
    unique = [q for q in usable if q.kind == "unique_coverage"]
    out = [_consensus_sentence(ctx, q) for q in consensus[:MAX_CONSENSUS]]
    out += [_discord_sentence(ctx, q) for q in discord[:MAX_DISCORD]]
    out += [_unique_sentence(ctx, q) for q in unique[:MAX_UNIQUE]]
    return out
