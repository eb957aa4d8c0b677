"""Turn a Report into files a person opens: Markdown for notes and tickets, one HTML page.

Article text is untrusted (scraped pages), so every string from an article passes
through an escaper before it reaches either format; Jinja2's autoescape does it for
HTML and ``_md`` does it for Markdown, where raw HTML would otherwise render.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from parallax.report.schema import Answer, QuestionAnswer, Report

KIND_WORDS = {
    "consensus": "The outlets that answer agree.",
    "numeric_update": "A running figure: later reports update earlier ones.",
    "numeric_conflict": "Different figures for the same time and scope.",
    "scope": "The figures count different things or different periods.",
    "attribution": "Different claimants give different answers.",
    "factual_conflict": "The outlets state things that cannot all be true.",
    "unique_coverage": "Only one outlet reports this.",
    "framing": "The outlets describe the same thing in different terms.",
}

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
    return {a.aid: (a.outlet or a.aid) for a in report.articles}


def render_markdown(report: Report) -> str:
    out: list[str] = [f"# Parallax report: {_md(report.eid)}", ""]
    out += ["## Articles", "", "| aid | outlet | date | title |", "|---|---|---|---|"]
    for a in report.articles:
        date = a.date.isoformat() if a.date else "unknown"
        out.append(f"| {_md(a.aid)} | {_md(a.outlet)} | {date} | {_md(a.title)} |")
    out.append("")
    if report.summary:
        out += ["## Summary", ""]
        for s in report.summary:
            cites = ", ".join(f"{c.aid}:{c.char_start}-{c.char_end}" for c in s.citations)
            out.append(f"- {_md(s.text)} [{_md(cites)}]")
        out.append("")
    groups: dict[str, list[QuestionAnswer]] = {}
    for qa in report.question_answers:
        groups.setdefault(qa.kind, []).append(qa)
    order = [k for k in KIND_WORDS if k in groups and k not in ("consensus", "unique_coverage")]
    sections = [("Where the outlets differ", order), ("What the outlets agree on", ["consensus"])]
    sections.append(("Reported by one outlet only", ["unique_coverage"]))
    for title, kinds in sections:
        qas = [qa for k in kinds for qa in groups.get(k, [])]
        if not qas:
            continue
        out += [f"## {title}", ""]
        for qa in qas:
            out.append(f"### {_md(qa.question)}")
            out.append(f"*{qa.kind}*: {_md(qa.explanation or KIND_WORDS[qa.kind])}")
            out.append("")
            for i, group in enumerate(qa.answer_groups, 1):
                for a in group:
                    out.append(f"{i}. \u201c{_md(a.answer)}\u201d ({_md(_answer_label(a))})")
            out.append("")
    if not report.question_answers:
        out += ["No cross-outlet questions were found.", ""]
    return "\n".join(out)


_env = Environment(
    loader=PackageLoader("parallax.report", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_html(report: Report) -> str:
    template = _env.get_template("report.html.j2")
    return template.render(report=report, kind_words=KIND_WORDS, outlets=_outlets(report))


def write_report(
    report: Report,
    json_path: Path | None = None,
    md_path: Path | None = None,
    html_path: Path | None = None,
) -> list[Path]:
    written: list[Path] = []
    for path, text in (
        (json_path, lambda: report.model_dump_json(indent=2)),
        (md_path, lambda: render_markdown(report)),
        (html_path, lambda: render_html(report)),
    ):
        if path is None:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text(), encoding="utf-8")
        written.append(path)
    return written
