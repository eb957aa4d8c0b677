"""Check every citation in a report against the article text it points into.

The report is only as trustworthy as its quotations: a reader who expands a citation
must find exactly the words we showed, and a figure we state must be one an outlet
stated. So this check re-derives each span from the article instead of trusting the
stored strings, and treats any digit in generated text that no cited span contains as
an invented figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from parallax.schema import Citation, Report

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_QUOTE = re.compile(r"\u201c([^\u201d]*)\u201d")


def _norm_number(token: str) -> str:
    """Thousands separators and a trailing ``.0`` are spelling, not a different figure."""
    flat = token.replace(",", "")
    if re.fullmatch(r"\d+\.0+", flat):
        flat = flat.split(".", 1)[0]
    return flat


def figures(text: str) -> set[str]:
    """The figures written in ``text``, normalised so "1,730" and "1730" compare equal."""
    out: set[str] = set()
    for m in _NUMBER.finditer(text):
        token = m.group(0)
        out.add(_norm_number(token))
        # "1.730" (European thousands) and "6,10,533" (Indian grouping) read as one number.
        out.add(token.replace(",", "").replace(".", ""))
    return out


_FOLD = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2018": "'", "\u2019": "'"})


def squash(text: str) -> str:
    """Whitespace- and quote-mark-insensitive form: quotations are shown on one line, and a
    quotation inside a quotation has its curly marks straightened."""
    return " ".join(text.translate(_FOLD).split())


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) around a span, so a citation can be read in context."""
    left = start
    while left > 0:
        ch = text[left - 1]
        if ch == "\n" or (ch in ".!?" and left < len(text) and text[left].isspace()):
            break
        left -= 1
    right = end
    while right < len(text):
        ch = text[right]
        if ch == "\n":
            break
        right += 1
        if ch in ".!?" and (right == len(text) or text[right].isspace()):
            break
    while left < start and text[left].isspace():
        left += 1
    return left, max(right, end)


def _span_problems(where: str, citations: Iterable[Citation], texts: dict[str, str]) -> list[str]:
    problems = []
    for c in citations:
        text = texts.get(c.aid)
        if text is None:
            problems.append(f"{where}: cites unknown article {c.aid!r}")
        elif not 0 <= c.char_start < c.char_end <= len(text):
            problems.append(
                f"{where}: span {c.aid}:{c.char_start}-{c.char_end} is outside the article "
                f"({len(text)} characters)"
            )
    return problems


def _labels(report: Report) -> list[str]:
    """Outlet names and aids may contain digits ("z100portland"); they are not figures."""
    labels = {a.outlet or a.aid for a in report.articles} | {a.aid for a in report.articles}
    return sorted((x for x in labels if x), key=len, reverse=True)


def _mask(text: str, labels: list[str]) -> str:
    for label in labels:
        text = text.replace(label, " ")
    return text


def check_generated_text(
    where: str, text: str, citations: list[Citation], report: Report
) -> list[str]:
    """Every quotation in ``text`` must lie in a cited span, every figure too."""
    texts = {a.aid: a.text for a in report.articles}
    problems = _span_problems(where, citations, texts)
    if not citations:
        return [*problems, f"{where}: no citation"]
    spans = [
        texts[c.aid][c.char_start : c.char_end]
        for c in citations
        if c.aid in texts and 0 <= c.char_start < c.char_end <= len(texts[c.aid])
    ]
    squashed = [squash(s) for s in spans]
    for quote in _QUOTE.findall(text):
        q = squash(quote.strip("\u2026 "))
        pieces = [p.strip() for p in q.split("\u2026") if p.strip()]
        for piece in pieces:
            if not any(piece in s for s in squashed):
                problems.append(f"{where}: quotation {piece[:60]!r} is in no cited span")
    cited_figures: set[str] = set()
    for s in spans:
        cited_figures |= figures(s)
    for m in _NUMBER.finditer(_mask(text, _labels(report))):
        if _norm_number(m.group(0)) not in cited_figures:
            problems.append(f"{where}: figure {m.group(0)!r} appears in no cited span")
    return problems


def check_citations(report: Report) -> list[str]:
    """All problems with the report's citations; an empty list means every one holds."""
    texts = {a.aid: a.text for a in report.articles}
    problems: list[str] = []
    for qi, qa in enumerate(report.question_answers):
        for gi, group in enumerate(qa.answer_groups):
            for ai, ans in enumerate(group):
                where = f"question {qi + 1} group {gi + 1} answer {ai + 1}"
                cite = Citation(aid=ans.aid, char_start=ans.char_start, char_end=ans.char_end)
                found = _span_problems(where, [cite], texts)
                if found:
                    problems += found
                elif texts[ans.aid][ans.char_start : ans.char_end] != ans.answer:
                    problems.append(f"{where}: answer text differs from {ans.aid} at its offsets")
    for si, sentence in enumerate(report.summary):
        problems += check_generated_text(
            f"summary sentence {si + 1}", sentence.text, sentence.citations, report
        )
    for ti, entry in enumerate(report.timeline):
        where = f"timeline entry {ti + 1}"
        cite = Citation(aid=entry.aid, char_start=entry.char_start, char_end=entry.char_end)
        found = _span_problems(where, [cite], texts)
        if found:
            problems += found
        elif texts[entry.aid][entry.char_start : entry.char_end] != entry.text:
            problems.append(f"{where}: text differs from {entry.aid} at its offsets")
    framing_cites: list[Citation] = []
    for variant in report.framing.variants:
        for uses in variant.uses.values():
            framing_cites += [c for u in uses for c in u.citations]
    for outlet in report.framing.outlets:
        framing_cites += [c for t in outlet.loaded for c in t.citations]
        framing_cites += [c for v in outlet.voices for c in v.citations]
    problems += _span_problems("framing", framing_cites, texts)
    return problems
