"""The terminal summary of a report: the points a reader wants first, then a count of
the rest (the report files hold every question)."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from parallax.cli.common import plain, shown
from parallax.numfmt import format_number
from parallax.report.names import outlet_names
from parallax.report.render import KIND_WORDS
from parallax.report.sections import sections
from parallax.schema import Answer, QuestionAnswer, Report

_ANSWER_CHARS = 60


def _short(text: str, limit: int = _ANSWER_CHARS) -> str:
    """A quote cut at a word boundary, with an ellipsis where it was cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return f"{cut}\u2026"


def _fmt_value(a: Answer) -> str:
    if a.value is None:
        return _short(a.answer)
    unit = f" {a.unit}" if a.unit else ""
    return f"{a.qualifier + ' ' if a.qualifier else ''}{format_number(a.value)}{unit}"


def _table(title: str, qas: list[QuestionAnswer], outlets: dict[str, str]) -> Table:
    table = Table(title=title, title_justify="left", show_lines=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("question")
    table.add_column("answers: who says what")
    for qa in qas:
        lines = []
        for group in (g for g in qa.answer_groups if g):
            who = ", ".join(dict.fromkeys(outlets.get(a.aid, a.aid) for a in group))
            # One wording per distinct figure ("almost 2,000 / 1,908"); text answers once.
            firsts = {(a.value if a.value is not None else a.answer): a for a in reversed(group)}
            said = " / ".join(_fmt_value(a) for a in list(reversed(firsts.values()))[:3])
            lines.append(f"{said} \u2014 {who}")
        # Article text (and aids, questions built from it) must never be read as markup.
        table.add_row(qa.kind, shown(qa.question), shown("\n".join(lines)))
    return table


def print_summary(console: Console, report: Report, report_file: Path | None = None) -> None:
    """Every shown point of divergence and agreement, a count of what waits in the file."""
    outlets = outlet_names(report.articles)
    console.print(
        f"[bold]{shown(report.eid)}[/]: {len(report.articles)} articles from "
        f"{len(set(outlets.values()))} outlets, {len(report.claims)} claims, "
        f"{len(report.question_answers)} questions"
    )
    parts = sections(report)
    n_differ = len(parts.discord) + len(parts.more_discord)
    n_agree = len(parts.agree) + len(parts.more_agree)
    for title, qas, total in (
        ("Where the outlets differ", parts.discord, n_differ),
        ("What the outlets agree on", parts.agree, n_agree),
    ):
        if qas:
            shown_of = f", the {len(qas)} that matter most" if total > len(qas) else ""
            console.print(_table(f"{title} ({total}{shown_of})", qas, outlets))
    where = f"listed in {plain(report_file)}" if report_file else "in the report files"
    more = len(parts.more_discord) + len(parts.more_agree)
    if more:
        console.print(
            f"More: {len(parts.more_discord)} points of divergence and "
            f"{len(parts.more_agree)} of agreement ({where})",
            markup=False,
            highlight=False,
        )
    if parts.unique:
        console.print(
            f"Reported by one outlet only: {len(parts.unique)} ({where})",
            markup=False,
            highlight=False,
        )
    console.print(f"[dim]kinds: {', '.join(KIND_WORDS)}[/]")
    for sentence in report.summary:
        console.print(f"- {plain(sentence.text)}", highlight=False, markup=False)
