"""Score a report against a gold annotation (``eval/dev/*/gold.json``, ``eval/seeds-gold.json``).

The metrics follow the project's issue text. The text leaves room for interpretation; the
choices below are the ones this module makes, so that a number printed today means the same
thing next month.

Matching primitives
-------------------
*Values match* when both are numbers and either (a) they are within ``REL_TOL`` (0.5 %) of each
other, or (b) they are equal after rounding both to the coarser of their two precisions, where
a number's precision is the largest power of ten that divides it (7,180,000 -> 10^4, so
7,176,141 rounds to 7,180,000 and matches "7.18 million"; 1730 and 1730.0 are equal). Rule (b)
alone would let "1,000" swallow 1,300, so it also requires the two values to be within
``ROUND_REL_TOL`` (10 %) of each other: "over 1,000" still matches 1,091 (the gold puts them in
one group), but 1,300 does not match 1,000.

*Text overlap*: texts are normalised like ``verify_gold.py`` does (NFKC, curly quotes and
dashes folded, quote marks dropped, whitespace collapsed, lower case). A gold answer is split
into its pieces at " ... ". A report span overlaps a gold answer when some gold piece is a
substring of the report span, the report span is a substring of a gold piece and at least half
its length, or at least half of the gold answer's content words (stop words dropped), and at
least two of them, occur in the report span (so "6 June" does not match "on February 6").

*Answer match*: a report answer matches a gold answer when both have the same ``aid`` and
  - both carry a value: the values match (text is then ignored, so a sentence that mentions
    two figures is judged by the figure the report extracted from it);
  - the gold answer carries a value, the report answer does not, and the question is numeric
    (see below): no match -- the issue asks for "matching values" for numeric gold;
  - otherwise: text overlap.

*Numeric gold question*: at least half of its gold answers carry a value ("those whose answers
carry values"; the half threshold lets a numeric question keep one vague answer such as
"all oil refineries" or "hundreds of soldiers").

*Coherent report question* (for a gold question): at least half of the report question's
answers (over all its groups) match some answer of that gold question. A catch-all question
pooling every figure of the event is therefore coherent with no gold question.

Metrics
-------
Each metric is a ratio with its numerator and denominator; a denominator of 0 gives ``None``
(not applicable), never 1.0 or 0.0, so "no unique answers in the gold" is not read as success.

figure_recall
    Gold figures are the distinct ``(aid, value)`` pairs of gold answers with a value, over all
    questions and kinds. A figure is found when a report claim or a report answer of the same
    article has a matching value (``Claim.value``/``Answer.value``; ``value_high`` is not used,
    since the gold stores a range by its lower bound).
source_accuracy
    Over found gold figures that have at least one non-null gold source: correct when some
    report claim/answer that found the figure has a source sharing a content word
    (case-insensitive, stop words dropped) with one of the figure's gold sources. A found
    figure whose matching items carry no source counts as wrong.
divergence_coverage
    Over gold questions with >= 2 answer groups (any kind). Covered when some coherent report
    question holds two answers, in different report groups, that match answers of different
    gold groups. An article may legitimately sit in two gold groups (an old and a new figure),
    so the test is on the answers' placement, not on the article alone.
kind_accuracy
    Over covered gold questions of kind ``numeric_update`` or ``numeric_conflict`` (the
    "numeric" kinds; a gold ``attribution`` question about figures is not included, since its
    gold kind is neither). The covering report question is the coherent one with the most
    matched answers (ties: higher coherence, then report order), picked before its kind is
    looked at so that a wrong-kind duplicate cannot be skipped in favour of a right one. Report
    ``numeric_update`` counts as update; ``numeric_conflict``, ``scope``, ``attribution`` and
    ``factual_conflict`` count as conflict (all say the outlets disagree at one time rather
    than that the figure moved); ``consensus``, ``unique_coverage`` and ``framing`` are wrong for
    either.
consensus_recall
    Over gold questions of kind ``consensus``. Matched when a coherent report question of kind
    ``consensus`` has answers matching gold answers of at least half of the gold question's
    distinct articles. Coherence is required here too (the issue states it for coverage
    only), so that a consensus catch-all cannot collect every consensus question.
unique_recall
    Over the answers of gold questions of kind ``unique_coverage`` (one question may hold two
    answers). Matched when a report question of kind ``unique_coverage`` has a sentence-sized
    answer of the same article matching it. Sentence-sized ("~1.5 sentences / ~400 chars"):
    either a single sentence of at most ``MAX_SENTENCE_CHARS`` (600) characters -- news
    sentences of 400+ characters exist (Super Bowl a6's Mulvihill prediction is one 404-char
    sentence) and citing one whole sentence is exactly what is wanted -- or two sentences
    within ``MAX_UNIQUE_CHARS`` (400) characters. A sentence break is ``[.!?]`` after two
    lower-case letters or digits, then a capital, so "A.M. Chodhary" or "Feb. 5" are not
    breaks. Known consequence: a gold answer whose pieces lie in two long sentences (Turkey's
    state-of-emergency answer, 423 chars as two full sentences) is only matched by a tighter
    span, such as the one running from the first piece to the last. Coherence is not
    required: a report unique_coverage question typically holds one answer, which is then
    checked directly.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import BaseModel, Field

from parallax.lexicon.stopwords import EVAL_STOPWORDS
from parallax.schema import KINDS, Answer, QuestionKind, Report

REL_TOL = 0.005
ROUND_REL_TOL = 0.10
MAX_UNIQUE_CHARS = 400
MAX_SENTENCE_CHARS = 600
MAX_UNIQUE_SENTENCES = 2
TOKEN_OVERLAP = 0.5

UPDATE_KINDS: frozenset[str] = frozenset(k.name for k in KINDS if k.verdict == "update")
CONFLICT_KINDS: frozenset[str] = frozenset(k.name for k in KINDS if k.verdict == "conflict")

STOP_WORDS: frozenset[str] = EVAL_STOPWORDS


# --------------------------------------------------------------------------- gold model


class GoldAnswer(BaseModel):
    aid: str
    answer: str
    value: float | None = None
    source: str | None = None
    as_of: dt.date | None = None


class GoldQuestion(BaseModel):
    question: str
    kind: QuestionKind
    answer_groups: list[list[GoldAnswer]]

    @property
    def answers(self) -> list[GoldAnswer]:
        return [a for g in self.answer_groups for a in g]

    @property
    def numeric(self) -> bool:
        answers = self.answers
        valued = sum(1 for a in answers if a.value is not None)
        return bool(answers) and 2 * valued >= len(answers)


class GoldModel(BaseModel):
    eid: str
    about: str | None = None
    article_dates: dict[str, dt.date | None] = Field(default_factory=dict)
    question_answers: list[GoldQuestion] = Field(default_factory=list)


# --------------------------------------------------------------------------- scores model


class Ratio(BaseModel):
    """A metric with its counts; ``value`` is ``None`` when nothing was there to score."""

    value: float | None
    numerator: int
    denominator: int

    @classmethod
    def of(cls, numerator: int, denominator: int) -> Ratio:
        value = numerator / denominator if denominator else None
        return cls(value=value, numerator=numerator, denominator=denominator)


class FigureDetail(BaseModel):
    aid: str
    value: float
    gold_sources: list[str]
    questions: list[int]
    found: bool
    matched_by: list[str] = Field(default_factory=list)
    report_sources: list[str] = Field(default_factory=list)
    source_ok: bool | None = None


class QuestionDetail(BaseModel):
    index: int
    question: str
    kind: str
    numeric: bool
    n_groups: int
    divergent: bool
    covered: bool | None = None
    covering_question: int | None = None
    covering_kind: str | None = None
    kind_ok: bool | None = None
    consensus_ok: bool | None = None
    consensus_question: int | None = None
    consensus_articles: list[str] = Field(default_factory=list)
    candidates: list[str] = Field(default_factory=list)
    note: str | None = None


class UniqueDetail(BaseModel):
    question_index: int
    question: str
    aid: str
    answer: str
    matched: bool
    matched_by: str | None = None
    note: str | None = None


class Scores(BaseModel):
    eid: str
    gold_eid: str
    figure_recall: Ratio
    source_accuracy: Ratio
    divergence_coverage: Ratio
    kind_accuracy: Ratio
    consensus_recall: Ratio
    unique_recall: Ratio
    figures: list[FigureDetail] = Field(default_factory=list)
    questions: list[QuestionDetail] = Field(default_factory=list)
    unique: list[UniqueDetail] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def metrics(self) -> dict[str, Ratio]:
        return {
            "figure_recall": self.figure_recall,
            "source_accuracy": self.source_accuracy,
            "divergence_coverage": self.divergence_coverage,
            "kind_accuracy": self.kind_accuracy,
            "consensus_recall": self.consensus_recall,
            "unique_recall": self.unique_recall,
        }


# --------------------------------------------------------------------------- primitives

_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
    }
)
_DROP = frozenset({'"', "'"})
_PIECE_SPLIT = re.compile(r"\s*(?:\.\.\.|…)\s*")
_WORD = re.compile(r"[a-z0-9]+(?:[.,][0-9]+)*")
_SENTENCE_BREAK = re.compile(r"(?<=[a-z0-9]{2}[.!?])[\"')\]”’]*\s+(?=[\"“‘(]?[A-Z])")


def normalise_with_map(text: str) -> tuple[str, list[int]]:
    """Normalise like ``verify_gold.py`` and keep, for every output char, its source index.

    The map is what lets a test (or a gold converter) turn a gold answer, which is only
    known up to quotes/case/whitespace, back into exact ``char_start``/``char_end`` offsets.
    """
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKC", ch).translate(_FOLD):
            if c in _DROP:
                continue
            if c.isspace():
                if not out or out[-1] == " ":
                    continue
                c = " "
            out.append(c.lower())
            where.append(i)
    while out and out[-1] == " ":
        out.pop()
        where.pop()
    return "".join(out), where


def normalise(text: str) -> str:
    return normalise_with_map(text)[0]


def gold_pieces(answer: str) -> list[str]:
    return [p for p in (normalise(x) for x in _PIECE_SPLIT.split(answer)) if p]


def locate_answer(text: str, answer: str) -> tuple[int, int] | None:
    """Find a gold answer in an article; pieces joined by " ... " give one span covering all.

    Pieces are looked for in order first; a few gold answers quote the article out of order
    (Odisha a5), so failing that each piece is looked for anywhere. Returns ``None`` when some
    piece is missing, so a caller can tell "not in this text" from a genuine empty answer.
    """
    norm, where = normalise_with_map(text)
    pieces = gold_pieces(answer)
    if not pieces:
        return None
    found: list[tuple[int, int]] = []
    pos = 0
    for piece in pieces:
        k = norm.find(piece, pos)
        if k < 0:
            break
        found.append((k, k + len(piece)))
        pos = k + len(piece)
    if len(found) < len(pieces):
        found = []
        for piece in pieces:
            k = norm.find(piece)
            if k < 0:
                return None
            found.append((k, k + len(piece)))
    first = min(k for k, _ in found)
    last = max(e for _, e in found)
    return where[first], where[last - 1] + 1


def content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(normalise(text)) if w not in STOP_WORDS}


def _precision(x: float) -> float:
    """Largest power of ten dividing ``x`` (down to 1e-6), i.e. the digit it was rounded to."""
    if x == 0:
        return 1.0
    for exp in range(15, -7, -1):
        p = 10.0**exp
        q = x / p
        if round(q) != 0 and abs(q - round(q)) <= 1e-9 * abs(q):
            return p
    return 1e-6


def values_match(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    if a == b:
        return True
    scale = max(abs(a), abs(b))
    rel = abs(a - b) / scale
    if rel <= REL_TOL:
        return True
    if rel > ROUND_REL_TOL:
        return False
    p = max(_precision(a), _precision(b))
    return math.floor(a / p + 0.5) == math.floor(b / p + 0.5)


def text_overlap(report_text: str, gold_answer: str) -> bool:
    r = normalise(report_text)
    if not r:
        return False
    pieces = gold_pieces(gold_answer)
    for p in pieces:
        if p in r:
            return True
        if r in p and 2 * len(r) >= len(p):
            return True
    g_words = content_words(gold_answer)
    if not g_words:
        return False
    shared = g_words & content_words(report_text)
    return len(shared) >= TOKEN_OVERLAP * len(g_words) and len(shared) >= min(2, len(g_words))


def answer_matches(report: Answer, gold: GoldAnswer, *, numeric: bool) -> bool:
    if report.aid != gold.aid:
        return False
    if gold.value is not None and report.value is not None:
        return values_match(report.value, gold.value)
    if gold.value is not None and numeric:
        return False
    return text_overlap(report.answer, gold.answer)


def sentence_sized(answer: Answer) -> bool:
    """One sentence of up to 600 chars, or two that together stay within 400 ("~1.5")."""
    length = max(len(answer.answer), answer.char_end - answer.char_start)
    sentences = 1 + len(_SENTENCE_BREAK.findall(answer.answer.strip()))
    if sentences == 1:
        return length <= MAX_SENTENCE_CHARS
    return sentences <= MAX_UNIQUE_SENTENCES and length <= MAX_UNIQUE_CHARS


def sources_agree(report_source: str | None, gold_source: str) -> bool:
    if not report_source:
        return False
    return bool(content_words(report_source) & content_words(gold_source))


# --------------------------------------------------------------------------- metric helpers


def _as_gold(gold: GoldModel | dict[str, Any]) -> GoldModel:
    return gold if isinstance(gold, GoldModel) else GoldModel.model_validate(gold)


def _flat(qa_groups: Sequence[Sequence[Answer]]) -> list[tuple[int, Answer]]:
    return [(gi, a) for gi, g in enumerate(qa_groups) for a in g]


class _Fit(BaseModel):
    """How one report question relates to one gold question."""

    report_index: int
    n_answers: int
    n_matched: int
    coherent: bool
    spans_groups: bool
    matched_aids: list[str]

    @property
    def coherence(self) -> float:
        return self.n_matched / self.n_answers if self.n_answers else 0.0


def _fit(ri: int, groups: Sequence[Sequence[Answer]], gq: GoldQuestion) -> _Fit:
    numeric = gq.numeric
    flat = _flat(groups)
    hits: list[tuple[int, set[int]]] = []
    matched_aids: set[str] = set()
    n_matched = 0
    for rg, ans in flat:
        gold_groups: set[int] = set()
        for ggi, ggroup in enumerate(gq.answer_groups):
            for ga in ggroup:
                if answer_matches(ans, ga, numeric=numeric):
                    gold_groups.add(ggi)
                    matched_aids.add(ga.aid)
        if gold_groups:
            n_matched += 1
            hits.append((rg, gold_groups))
    spans = any(
        r1 != r2 and any(g1 != g2 for g1 in s1 for g2 in s2)
        for i, (r1, s1) in enumerate(hits)
        for (r2, s2) in hits[i + 1 :]
    )
    n = len(flat)
    return _Fit(
        report_index=ri,
        n_answers=n,
        n_matched=n_matched,
        coherent=n > 0 and 2 * n_matched >= n,
        spans_groups=spans,
        matched_aids=sorted(matched_aids),
    )


def _kind_class(kind: str) -> str | None:
    if kind in UPDATE_KINDS:
        return "update"
    if kind in CONFLICT_KINDS:
        return "conflict"
    return None


def _report_items(report: Report) -> list[tuple[str, str, float | None, str | None]]:
    """Every figure-bearing item of the report as ``(label, aid, value, source)``."""
    items: list[tuple[str, str, float | None, str | None]] = []
    for c in report.claims:
        items.append((f"claim:{c.id}", c.aid, c.value, c.source))
    for qi, qa in enumerate(report.question_answers):
        for gi, group in enumerate(qa.answer_groups):
            for ai, a in enumerate(group):
                items.append((f"q{qi}/g{gi}/a{ai}", a.aid, a.value, a.source))
    return items


def _figures(report: Report, gold: GoldModel) -> list[FigureDetail]:
    by_key: dict[tuple[str, float], FigureDetail] = {}
    for qi, gq in enumerate(gold.question_answers):
        for ga in gq.answers:
            if ga.value is None:
                continue
            fig = by_key.setdefault(
                (ga.aid, ga.value),
                FigureDetail(
                    aid=ga.aid, value=ga.value, gold_sources=[], questions=[], found=False
                ),
            )
            if ga.source and ga.source not in fig.gold_sources:
                fig.gold_sources.append(ga.source)
            if qi not in fig.questions:
                fig.questions.append(qi)
    items = _report_items(report)
    for fig in by_key.values():
        hits = [
            (lab, src)
            for lab, aid, val, src in items
            if aid == fig.aid and values_match(val, fig.value)
        ]
        fig.found = bool(hits)
        fig.matched_by = [lab for lab, _ in hits]
        fig.report_sources = sorted({src for _, src in hits if src})
        if fig.found and fig.gold_sources:
            fig.source_ok = any(
                sources_agree(src, gs) for _, src in hits for gs in fig.gold_sources
            )
    return list(by_key.values())


def _best(fits: Iterable[_Fit]) -> _Fit | None:
    ranked = sorted(fits, key=lambda f: (-f.n_matched, -f.coherence, f.report_index))
    return ranked[0] if ranked else None


def _describe(fit: _Fit, kind: str) -> str:
    return (
        f"q{fit.report_index} ({kind}): {fit.n_matched}/{fit.n_answers} answers match"
        f"{'' if fit.coherent else ' (incoherent)'}"
        f"{', spans >= 2 gold groups' if fit.spans_groups else ''}"
    )


# --------------------------------------------------------------------------- evaluate


def evaluate(report: Report, gold: GoldModel | dict[str, Any]) -> Scores:
    """Score ``report`` against ``gold``; see the module docstring for the exact definitions."""
    g = _as_gold(gold)
    warnings: list[str] = []
    if report.eid != g.eid:
        warnings.append(f"report eid {report.eid!r} differs from gold eid {g.eid!r}")
    report_aids = {a.aid for a in report.articles}
    gold_aids = {a.aid for q in g.question_answers for a in q.answers}
    missing = sorted(gold_aids - report_aids)
    if report.articles and missing:
        warnings.append(f"gold articles absent from the report: {', '.join(missing)}")

    figures = _figures(report, g)
    found = [f for f in figures if f.found]
    sourced = [f for f in found if f.source_ok is not None]

    details: list[QuestionDetail] = []
    covered_n = divergent_n = 0
    kind_n = kind_ok_n = 0
    cons_n = cons_ok_n = 0
    for qi, gq in enumerate(g.question_answers):
        fits = [_fit(ri, qa.answer_groups, gq) for ri, qa in enumerate(report.question_answers)]
        kinds = [qa.kind for qa in report.question_answers]
        d = QuestionDetail(
            index=qi,
            question=gq.question,
            kind=gq.kind,
            numeric=gq.numeric,
            n_groups=len(gq.answer_groups),
            divergent=len(gq.answer_groups) >= 2,
            candidates=[_describe(f, kinds[f.report_index]) for f in fits if f.n_matched],
        )
        if d.divergent:
            divergent_n += 1
            best = _best(f for f in fits if f.coherent and f.spans_groups)
            d.covered = best is not None
            if best is not None:
                covered_n += 1
                d.covering_question = best.report_index
                d.covering_kind = kinds[best.report_index]
                if gq.kind in ("numeric_update", "numeric_conflict"):
                    kind_n += 1
                    want = _kind_class(gq.kind)
                    d.kind_ok = _kind_class(d.covering_kind) == want
                    kind_ok_n += d.kind_ok
            elif any(f.spans_groups for f in fits):
                d.note = "answers span gold groups only in incoherent report questions"
            elif any(f.n_matched for f in fits):
                d.note = "matched answers never sit in different report groups"
            else:
                d.note = "no report answer matches"
        if gq.kind == "consensus":
            cons_n += 1
            need = {a.aid for a in gq.answers}
            cands = [
                f
                for f in fits
                if kinds[f.report_index] == "consensus"
                and f.coherent
                and 2 * len(f.matched_aids) >= len(need)
            ]
            best = _best(cands)
            d.consensus_ok = best is not None
            if best is not None:
                cons_ok_n += 1
                d.consensus_question = best.report_index
                d.consensus_articles = best.matched_aids
            else:
                d.note = "no coherent consensus question cites half of the gold articles"
        details.append(d)

    unique: list[UniqueDetail] = []
    for qi, gq in enumerate(g.question_answers):
        if gq.kind != "unique_coverage":
            continue
        for ga in gq.answers:
            u = UniqueDetail(
                question_index=qi,
                question=gq.question,
                aid=ga.aid,
                answer=ga.answer,
                matched=False,
            )
            too_long: str | None = None
            for ri, qa in enumerate(report.question_answers):
                if qa.kind != "unique_coverage":
                    continue
                for rg, group in enumerate(qa.answer_groups):
                    for ai, ans in enumerate(group):
                        if not answer_matches(ans, ga, numeric=False):
                            continue
                        label = f"q{ri}/g{rg}/a{ai}"
                        if sentence_sized(ans):
                            u.matched, u.matched_by = True, label
                            break
                        too_long = label
                    if u.matched:
                        break
                if u.matched:
                    break
            if not u.matched and too_long:
                u.note = f"{too_long} matches but is longer than a sentence"
            unique.append(u)

    return Scores(
        eid=report.eid,
        gold_eid=g.eid,
        figure_recall=Ratio.of(len(found), len(figures)),
        source_accuracy=Ratio.of(sum(1 for f in sourced if f.source_ok), len(sourced)),
        divergence_coverage=Ratio.of(covered_n, divergent_n),
        kind_accuracy=Ratio.of(kind_ok_n, kind_n),
        consensus_recall=Ratio.of(cons_ok_n, cons_n),
        unique_recall=Ratio.of(sum(1 for u in unique if u.matched), len(unique)),
        figures=figures,
        questions=details,
        unique=unique,
        warnings=warnings,
    )
