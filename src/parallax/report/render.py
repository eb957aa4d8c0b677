"""Turn a Report into files a person opens: Markdown for notes and tickets, one HTML page.

Article text is untrusted (scraped pages), so every string from an article passes
through an escaper before it reaches either format; Jinja2's autoescape does it for
HTML and ``_md`` does it for Markdown, where raw HTML would otherwise render.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from parallax.numfmt import format_number
from parallax.report.citations import sentence_bounds
from parallax.report.names import outlet_names
from parallax.report.sections import sections
from parallax.report.timeline import series
from parallax.schema import (
    KINDS,
    Answer,
    QuestionAnswer,
    Report,
    TimelineEntry,
)

#: Outlet colours: distinguishable for common colour-vision deficiencies (Okabe-Ito and
#: Tol), dark enough for white text; repeats after ten outlets.
PALETTE = [
    "#0072b2",
    "#d55e00",
    "#009e73",
    "#cc79a7",
    "#7a5c00",
    "#56677a",
    "#882255",
    "#117733",
    "#332288",
    "#aa4499",
]
#: What each kind means, for a reader, in display order.
KIND_WORDS = {k.name: k.words for k in KINDS}

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#])")


def _md(text: str | None) -> str:
    if not text:
        return ""
    flat = " ".join(text.split())
    return _MD_SPECIAL.sub(r"\\\1", html.escape(flat, quote=False))


def _answer_label(a: Answer) -> str:
    parts = [a.aid]
    if a.source:
        parts.append(a.source)
    if a.as_of:
        parts.append(a.as_of.isoformat())
    return ", ".join(parts)


def _outlets(report: Report) -> dict[str, str]:
    return outlet_names(report.articles)


def _cut_quote(view: _View, a: Answer) -> str:
    """The answer escaped, with an ellipsis where it was cut from its sentence (as the HTML)."""
    c = view.answer(a)
    lead = "\u2026" if c.before.strip() else ""
    tail = "\u2026" if c.after.strip() else ""
    return f"{lead}{_md(a.answer)}{tail}"


def render_markdown(report: Report) -> str:
    out: list[str] = [f"# Parallax report: {_md(report.eid)}", ""]
    out += ["## Articles", "", "| aid | outlet | date | title |", "|---|---|---|---|"]
    for art in report.articles:
        date = art.date.isoformat() if art.date else "unknown"
        out.append(f"| {_md(art.aid)} | {_md(art.outlet)} | {date} | {_md(art.title)} |")
    out.append("")
    if report.summary:
        out += ["## Summary", ""]
        for s in report.summary:
            cites = ", ".join(f"{c.aid}:{c.char_start}-{c.char_end}" for c in s.citations)
            out.append(f"- {_md(s.text)} [{_md(cites)}]")
        out.append("")
    parts = sections(report)
    listed: list[tuple[str, list[QuestionAnswer]]] = [
        ("Where the outlets differ", parts.discord),
        (f"More points of divergence ({len(parts.more_discord)})", parts.more_discord),
        ("What the outlets agree on", parts.agree),
        (f"More agreement ({len(parts.more_agree)})", parts.more_agree),
        ("Reported by one outlet only", parts.unique),
    ]
    view = _View(report)
    for title, qas in listed:
        if not qas:
            continue
        out += [f"## {title}", ""]
        for qa in qas:
            out.append(f"### {_md(qa.question)}")
            out.append(f"*{qa.kind}*: {_md(qa.explanation or KIND_WORDS[qa.kind])}")
            out.append("")
            for i, group in enumerate(qa.answer_groups, 1):
                for a in group:
                    out.append(f"{i}. \u201c{_cut_quote(view, a)}\u201d ({_md(_answer_label(a))})")
            out.append("")
    if not report.question_answers:
        out += ["No cross-outlet questions were found.", ""]
    out += _markdown_timeline(report) + _markdown_framing(report)
    return "\n".join(out)


def _markdown_timeline(report: Report) -> list[str]:
    if not report.timeline:
        return []
    out = [
        "## Timeline",
        "",
        "| date | outlet | figure | who | question | span |",
        "|---|---|---|---|---|---|",
    ]
    for e in report.timeline:
        date = e.date.isoformat() if e.date else "undated"
        if e.date_basis == "published":
            date += " (published)"
        fig = _fmt(e.value)
        if e.change:
            fig += f" ({'+' if e.change > 0 else ''}{_fmt(e.change)})"
        out.append(
            f"| {date} | {_md(e.outlet)} | {fig} | {_md(e.source)} | {_md(e.question)} "
            f"| {_md(e.aid)}:{e.char_start}-{e.char_end} |"
        )
    return [*out, ""]


def _markdown_framing(report: Report) -> list[str]:
    f = report.framing
    if not f.variants and not f.outlets:
        return []
    out = ["## Framing", ""]
    for g in f.variants:
        title = f"Spellings of {g.label}" if g.kind == "spelling" else f"Words for the {g.label}"
        out += [f"### {_md(title)}", ""]
        for outlet, uses in g.uses.items():
            terms = ", ".join(f"{_md(u.term)} ×{u.count}" for u in uses)
            out.append(f"- {_md(outlet)}: {terms}")
        out.append("")
    for o in f.outlets:
        out += [f"### {_md(o.outlet)}", ""]
        if o.distinctive:
            out.append("- distinctive: " + ", ".join(_md(d.word) for d in o.distinctive))
        if o.loaded:
            out.append("- loaded: " + ", ".join(f"{_md(t.term)} ×{t.count}" for t in o.loaded))
        if o.voices_by_affiliation:
            sides = ", ".join(f"{_md(k)} {v}" for k, v in o.voices_by_affiliation.items())
            out.append(f"- voices by side: {sides}")
        if o.voices:
            out.append("- speakers: " + "; ".join(_md(v.speaker) for v in o.voices))
        out.append("")
    return out


_env = Environment(
    loader=PackageLoader("parallax.report", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass
class Cite:
    """A citation ready to show: the span and the sentence around it, split so the
    template can mark the span while escaping all three parts."""

    aid: str
    label: str
    color: str
    before: str
    span: str
    after: str
    start: int
    end: int


@dataclass
class Point:
    x: float
    y: float
    color: str
    label: str
    title: str


@dataclass
class Chart:
    question: str
    width: int
    height: int
    lines: list[tuple[str, str, str]] = field(default_factory=list)  # (label, color, points)
    points: list[Point] = field(default_factory=list)
    x_ticks: list[tuple[float, str]] = field(default_factory=list)
    y_ticks: list[tuple[float, str]] = field(default_factory=list)


def _fmt(value: float | None) -> str:
    return "" if value is None else format_number(value)


class _View:
    def __init__(self, report: Report) -> None:
        self.report = report
        self.texts = {a.aid: a.text for a in report.articles}
        self.labels = _outlets(report)
        self.colors: dict[str, str] = {}
        for i, label in enumerate(dict.fromkeys(self.labels.values())):
            self.colors[label] = PALETTE[i % len(PALETTE)]

    def color(self, aid: str) -> str:
        return self.colors.get(self.labels.get(aid, aid), "#56677a")

    def cite(self, aid: str, start: int, end: int) -> Cite:
        text = self.texts.get(aid, "")
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        left, right = sentence_bounds(text, start, end)
        return Cite(
            aid=aid,
            label=self.labels.get(aid, aid),
            color=self.color(aid),
            before=text[left:start],
            span=text[start:end],
            after=text[end:right],
            start=start,
            end=end,
        )

    def group_labels(self, group: list[Answer]) -> list[str]:
        return list(dict.fromkeys(self.labels.get(a.aid, a.aid) for a in group))

    def answer(self, a: Answer) -> Cite:
        return self.cite(a.aid, a.char_start, a.char_end)

    def matrix(self, qas: list[QuestionAnswer]) -> list[tuple[QuestionAnswer, list[str]]]:
        """Per question, per outlet: the letter of the answer group it is in, or "" when
        the outlet is silent on it."""
        outlets = list(dict.fromkeys(self.labels.values()))
        rows = []
        for qa in qas:
            cells = {o: "" for o in outlets}
            for gi, group in enumerate(qa.answer_groups):
                for a in group:
                    label = self.labels.get(a.aid, a.aid)
                    letter = chr(ord("A") + gi) if gi < 26 else "*"
                    if letter not in cells[label]:
                        cells[label] += letter
            rows.append((qa, [cells[o] for o in outlets]))
        return rows

    def charts(self) -> list[Chart]:
        """The main running figure first, then every figure that differs by outlet or date."""
        out = []
        running = self._running_series()
        if running is not None:
            question, entries = running
            out.append(self._chart(f"Running figure: {question}", entries, running=True))
        for question, entries in series(self.report).items():
            out.append(self._chart(question, entries))
        return out

    def _running_series(self) -> tuple[str, list[TimelineEntry]] | None:
        """The updated figure reported most often, on at least two days."""
        by_question: dict[str, list[TimelineEntry]] = {}
        for e in self.report.timeline:
            if e.question and e.running is not None and e.date is not None:
                by_question.setdefault(e.question, []).append(e)
        candidates = [
            (len(es), q) for q, es in by_question.items() if len({e.date for e in es}) >= 2
        ]
        if not candidates:
            return None
        _, question = max(candidates, key=lambda c: (c[0], c[1]))
        return question, by_question[question]

    def _chart(self, question: str, entries: list[TimelineEntry], running: bool = False) -> Chart:
        w, h, left, right, top, bottom = 640, 240, 64, 88, 22, 40
        dates = [e.date for e in entries if e.date]
        values = [e.value for e in entries if e.value is not None]
        d0, d1 = min(dates), max(dates)
        # The axis always includes zero: a zoomed axis makes 233 against 240 look like a
        # doubling. Figures below zero extend it downwards.
        v0, v1 = min(0.0, *values), max(0.0, *values)
        span_d = max((d1 - d0).days, 1)
        span_v = (v1 - v0) or 1.0

        def x(d: dt.date) -> float:
            if d0 == d1:
                return left + (w - left - right) / 2
            return left + (d - d0).days / span_d * (w - left - right)

        def y(v: float) -> float:
            return top + (1 - (v - v0) / span_v) * (h - top - bottom)

        chart = Chart(question=question, width=w, height=h)
        by_outlet: dict[str, list[TimelineEntry]] = {}
        labelled: set[tuple[dt.date, float]] = set()
        for e in entries:
            by_outlet.setdefault(e.outlet, []).append(e)
        if running:
            steps = sorted((e.date, e.running) for e in entries if e.date and e.running is not None)
            pts = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in steps)
            chart.lines.append(("running figure", "#1b1f24", pts))
        for label, es in by_outlet.items():
            es = sorted(es, key=lambda e: (e.date, e.value))
            color = self.colors.get(label, "#56677a")
            if not running:
                pts = " ".join(
                    f"{x(e.date):.1f},{y(e.value):.1f}"
                    for e in es
                    if e.date and e.value is not None
                )
                chart.lines.append((label, color, pts))
            else:
                chart.lines.append((label, color, ""))
            for e in es:
                if e.date is None or e.value is None:
                    continue
                who = f", {e.source}" if e.source else ""
                chart.points.append(
                    Point(
                        x=round(x(e.date), 1),
                        y=round(y(e.value), 1),
                        color=color,
                        label="" if (e.date, e.value) in labelled else _fmt(e.value),
                        title=f"{label}: {_fmt(e.value)} on {e.date.isoformat()}{who}",
                    )
                )
                labelled.add((e.date, e.value))
        _dodge(chart.points)
        chart.x_ticks = [(round(x(d), 1), d.isoformat()) for d in sorted(set(dates))]
        chart.y_ticks = [(round(y(v), 1), _fmt(round(v))) for v in sorted({v0, v1, (v0 + v1) / 2})]
        return chart


#: Horizontal distance between dots that would otherwise sit on one another.
_DODGE = 9.0


def _dodge(points: list[Point]) -> None:
    """Spread dots at one place side by side, so no outlet's dot hides another's."""
    at: dict[tuple[float, float], list[Point]] = {}
    for p in points:
        at.setdefault((p.x, p.y), []).append(p)
    for group in at.values():
        for i, p in enumerate(group):
            p.x = round(p.x + (i - (len(group) - 1) / 2) * _DODGE, 1)


def render_html(report: Report) -> str:
    view = _View(report)
    parts = sections(report)
    unique: dict[str, list[QuestionAnswer]] = {}
    for qa in parts.unique:
        if qa.answer_groups and qa.answer_groups[0]:
            label = view.labels.get(qa.answer_groups[0][0].aid, qa.answer_groups[0][0].aid)
            unique.setdefault(label, []).append(qa)
    facts = [qa for qa in report.question_answers if qa.kind != "framing"]
    template = _env.get_template("report.html.j2")
    return template.render(
        report=report,
        kind_words=KIND_WORDS,
        kinds=KINDS,
        outlets=view.labels,
        view=view,
        discord=parts.discord,
        more_discord=parts.more_discord,
        consensus=parts.agree,
        more_consensus=parts.more_agree,
        unique=unique,
        charts=view.charts(),
        matrix=view.matrix(facts),
        outlet_names=list(view.colors),
        fmt=_fmt,
    )


def write_report(
    report: Report,
    json_path: Path | None = None,
    md_path: Path | None = None,
    html_path: Path | None = None,
) -> list[Path]:
    """Write the chosen formats, all or none.

    Every file is rendered and written to a temporary file beside its target first;
    only then are they moved into place with ``os.replace``, which is atomic. A crash
    or kill -9 part-way leaves the old files whole (never a 0-byte report) and never a
    mix of old and new ones from a failed run.
    """
    makers: list[tuple[Path | None, Callable[[], str]]] = [
        (json_path, lambda: report.model_dump_json(indent=2)),
        (md_path, lambda: render_markdown(report)),
        (html_path, lambda: render_html(report)),
    ]
    chosen = [(path, make) for path, make in makers if path is not None]
    staged: list[tuple[str, Path]] = []
    umask = os.umask(0)
    os.umask(umask)
    try:
        for path, make in chosen:
            text = make()
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            staged.append((temp, path))
            os.fchmod(fd, 0o666 & ~umask)  # mkstemp's 0600 would hide the report from others
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
        for temp, path in staged:
            os.replace(temp, path)
    finally:
        for temp, _ in staged:
            if os.path.exists(temp):
                os.unlink(temp)
    return [path for _, path in staged]
