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

from parallax.report.names import outlet_names
from parallax.schema import Citation, Report

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


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


def flat(text: str) -> str:
    """Whitespace-insensitive form: a quotation is shown on one line."""
    return " ".join(text.split())


def _verbatim(quote: str, spans: list[str]) -> str | None:
    """The first piece of ``quote`` (cut at ellipses) that no span holds, else ``None``."""
    for piece in flat(quote.strip("\u2026 ")).split("\u2026"):
        piece = piece.strip()
        if piece and not any(piece in s for s in spans):
            return piece
    return None


def _quotation_problems(where: str, text: str, spans: list[str]) -> list[str]:
    """Every \u201c...\u201d quotation must be verbatim, curly quotes inside it included.

    A quotation may hold a quotation, so the closing mark is not simply the next
    one: of the closing marks after an opening, the furthest that leaves a verbatim
    quotation wins; when none does, the quotation up to the first one is reported.
    """
    problems = []
    pos = 0
    while (start := text.find("\u201c", pos)) != -1:
        closes = [m.start() for m in re.finditer("\u201d", text[start + 1 :])]
        if not closes:
            break
        for close in reversed(closes):
            if _verbatim(text[start + 1 : start + 1 + close], spans) is None:
                pos = start + 2 + close
                break
        else:
            missing = _verbatim(text[start + 1 : start + 1 + closes[0]], spans) or ""
            problems.append(f"{where}: quotation {missing[:60]!r} is in no cited span")
            pos = start + 2 + closes[0]
    return problems


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
    labels = set(outlet_names(report.articles).values()) | {a.aid for a in report.articles}
    # "article N" names an article without an outlet; an outlet set later keeps its number.
    labels |= {f"article {n}" for n in range(1, len(report.articles) + 1)}
    return sorted((x for x in labels if x), key=len, reverse=True)


def _mask(text: str, labels: list[str]) -> str:
    """Blank out outlet labels where they stand as whole words.

    A label inside a longer word is not the label: masking the aid "a3" inside
    "dema3,000" would leave "000", a figure no span holds.
    """
    if not labels:
        return text
    alternatives = "|".join(re.escape(label) for label in labels)
    return re.sub(rf"(?<!\w)(?:{alternatives})(?!\w)", " ", text)


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
    problems += _quotation_problems(where, text, [flat(s) for s in spans])
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
