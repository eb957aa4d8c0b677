"""The words of a numeric verdict: why the outlets' figures agree or differ.

``kinds`` decides; this module only writes. Every sentence names the figures
and who gives them, so a reader can check the verdict against the answers
without trusting it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from parallax.align.items import ClaimItem
from parallax.align.values import bound, precision
from parallax.numfmt import format_number


def fmt_value(item: ClaimItem) -> str:
    """The figure as stated, with its qualifier and unit: "more than 900", "3.4%"."""
    c = item.claim
    if c.value is None:
        return f"'{item.article.text[c.char_start : c.char_end]}'"
    num = format_number(c.value)
    if c.kind == "percent":
        num += "%"
    elif c.unit and c.kind in ("money", "measure"):
        num = f"{num} {c.unit}"
    return f"{c.qualifier} {num}" if c.qualifier else num


def _significant(item: ClaimItem) -> int:
    """Significant digits of the figure as stated, one fewer when a qualifier blurs it."""
    v = item.claim.value
    if not v:
        return 0
    digits = math.floor(math.log10(abs(v) / precision(v)) + 1e-9) + 1
    return digits - (1 if item.claim.qualifier else 0)


def fmt_group(group: Sequence[ClaimItem]) -> str:
    """Each distinct figure of an answer group, the most precise first: "1,908 / almost 2,000".

    A group joins figures that agree at the coarser precision; showing only one
    of them would hide the exact count behind a round one, or the reverse.
    """
    shown: list[str] = []
    seen: set[tuple[float | None, int]] = set()
    for item in sorted(group, key=_significant, reverse=True):
        # "almost 2,000" and "nearly 2,000" say the same thing once.
        key = (item.claim.value, bound(item.claim))
        if key not in seen:
            seen.add(key)
            shown.append(fmt_value(item))
    return " / ".join(shown[:3])


def who(group: Sequence[ClaimItem]) -> str:
    """The outlets of a group, and the sources they cite."""
    names = sorted({i.outlet for i in group})
    sources = sorted({i.claim.source for i in group if i.claim.source})
    text = ", ".join(names)
    return f"{text}, citing {'; '.join(sources)}" if sources else text


def _figures(groups: Sequence[Sequence[ClaimItem]]) -> str:
    return "; ".join(f"{fmt_group(g)} ({who(g)})" for g in groups)


def lone_figure(first: ClaimItem) -> str:
    return (
        f"Only {first.outlet} reports this figure ({fmt_value(first)}); "
        "no other outlet confirms or contradicts it."
    )


def lone_outlet(first: ClaimItem, groups: Sequence[Sequence[ClaimItem]]) -> str:
    parts = "; ".join(fmt_group(g) for g in groups)
    return (
        f"Only {first.outlet} reports this ({parts}); no other outlet confirms or contradicts it."
    )


def roles(first: ClaimItem, new: Sequence[ClaimItem], old: Sequence[ClaimItem]) -> str:
    return (
        f"The outlets give {fmt_value(first)} different roles: {who(new)} report it "
        f"as the figure something changed to, {who(old)} as the earlier figure it "
        "changed from. Both cannot be right; the articles should be checked against "
        "the source."
    )


def disputed(first: ClaimItem, stated: Sequence[ClaimItem], disputed: Sequence[ClaimItem]) -> str:
    how = sorted({i.claim.status or "" for i in disputed})
    return (
        f"{who(stated)} report {fmt_value(first)}; {who(disputed)} report it "
        f"{' or '.join(how)}. The figure is not a settled answer; check what became of it."
    )


def consensus(n_agree: int, n_voices: int, group: Sequence[ClaimItem]) -> str:
    share = ""
    if n_voices:
        half = "at least half" if 2 * n_agree >= n_voices else "fewer than half"
        share = f" of {n_voices} ({half} of the outlets)"
    return f"{n_agree}{share} independent outlets agree on {fmt_value(group[0])} ({who(group)})."


def agreed_change(now: Sequence[ClaimItem], then: Sequence[ClaimItem]) -> str:
    return (
        f"{len({i.voice for i in now})} independent outlets agree on {fmt_value(now[0])} "
        f"({who(now)}); {fmt_value(then[0])} is only ever given as the value it "
        "changes from, never as a different answer."
    )


def scope(part: Sequence[ClaimItem], whole: Sequence[ClaimItem]) -> str:
    return (
        f"The figures count different things: {fmt_value(part[0])} ({who(part)}) is a part "
        f"of the whole ({fmt_value(whole[0])}, {who(whole)}), so they do not contradict "
        "each other."
    )


def update(
    ordered: Sequence[Sequence[ClaimItem]], dates: Sequence[dt.date | None], why: str
) -> str:
    steps = [
        f"{fmt_group(g)} ({d.isoformat() if d else 'undated'}, {who(g)})"
        for g, d in zip(ordered, dates, strict=True)
    ]
    return (
        "A running figure that changes over time: "
        + " -> ".join(steps)
        + f". This is an update, not a conflict: {why}."
    )


def slip(typo: ClaimItem, meant: ClaimItem) -> str:
    said = typo.article.text[typo.claim.char_start : typo.claim.char_end]
    right = meant.article.text[meant.claim.char_start : meant.claim.char_end]
    return (
        f" {typo.outlet}'s {said} is {right} with one digit slipped: most likely "
        "a typo, not a different count."
    )


def slipped_conflict(groups: Sequence[Sequence[ClaimItem]], slip_text: str) -> str:
    return f"The outlets give different figures: {_figures(groups)}.{slip_text}"


def attribution(groups: Sequence[Sequence[ClaimItem]], one_article: bool, all_true: bool) -> str:
    whose = (
        "The article reports both sources"
        if one_article
        else "Each outlet reports what its source says"
    )
    bounds = (
        " The qualifiers make these bounds or estimates, so both can be true." if all_true else ""
    )
    return (
        f"Different claimants give different figures: {_figures(groups)}. {whose}; the "
        f"difference follows who is counting, not when.{bounds}"
    )


def conflict(groups: Sequence[Sequence[ClaimItem]], all_true: bool) -> str:
    if all_true:
        tail = (
            " Both can be true: the qualifiers make these bounds or estimates that do not "
            "exclude each other, so they are different answers rather than a contradiction."
        )
    else:
        tail = " They refer to the same time and scope, so at most one of them can be right."
    return f"The outlets give different figures: {_figures(groups)}.{tail}"
