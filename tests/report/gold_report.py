"""Reports built from the shared gold annotations, for testing the report stage alone.

The gold files give answers as text (``" ... "`` joins two pieces); the report needs
offsets. Locating each answer in the article text here (tolerating only quote marks,
case and whitespace, as the gold's own verifier does) gives realistic reports whose
every offset is real, without copying any article text into the repository.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from parallax.models import Claim
from parallax.schema import Answer, QuestionAnswer, Report, ReportArticle
from tests.shared_paths import SHARED
from tests.shared_paths import dev_slugs as shared_dev_slugs

SEEDS = SHARED / "seeds"
SEEDS_GOLD = SHARED / "eval" / "seeds-gold.json"
DEV = SHARED / "eval" / "dev"

_QUOTES = {'"': "[\"\u201c\u201d\u201e']*", "'": "['\u2018\u2019\"]*"}
_CURLY = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


def _pattern(fragment: str) -> re.Pattern[str]:
    gap = '[\\s"\u201c\u201d\u201e]+'
    parts = []
    for ch in fragment.translate(_CURLY):
        if ch.isspace():
            if not parts or parts[-1] != gap:
                parts.append(gap)
        elif ch in _QUOTES:
            parts.append(_QUOTES[ch])
        else:
            parts.append(re.escape(ch))
    return re.compile("".join(parts), re.IGNORECASE)


def locate(text: str, answer: str) -> tuple[int, int] | None:
    """Offsets of a gold answer in ``text``: from its first piece to its last."""
    pieces = [p.strip() for p in re.split(r"\s*(?:\.\.\.|\u2026)\s*", answer) if p.strip()]
    pos, start, end = 0, -1, -1
    for piece in pieces:
        m = _pattern(piece).search(text, pos)
        if m is None and start == -1:
            return None
        if m is None:
            continue
        if start == -1:
            start = m.start()
        end, pos = m.end(), m.end()
    return (start, end) if start != -1 else None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def report_from_gold(
    eid: str, articles: list[ReportArticle], gold: dict[str, Any]
) -> tuple[Report, list[str]]:
    """The gold's questions as a Report; the second value lists answers not located."""
    texts = {a.aid: a.text for a in articles}
    missing: list[str] = []
    qas: list[QuestionAnswer] = []
    claims: list[Claim] = []
    for qi, q in enumerate(gold["question_answers"]):
        groups: list[list[Answer]] = []
        for group in q["answer_groups"]:
            answers = []
            for e in group:
                span = locate(texts[e["aid"]], e["answer"])
                if span is None:
                    missing.append(f"{e['aid']}: {e['answer'][:50]}")
                    continue
                start, end = span
                claim_id = None
                if e["value"] is not None:
                    claim_id = f"g{qi}-{len(claims)}"
                    num = re.search(r"\d", texts[e["aid"]][start:end])
                    at = start + (num.start() if num else 0)
                    claims.append(
                        Claim(
                            id=claim_id,
                            aid=e["aid"],
                            sent_start=start,
                            sent_end=end,
                            char_start=at,
                            char_end=min(end, at + 1),
                            text=texts[e["aid"]][start:end],
                            value=e["value"],
                            source=e["source"],
                            as_of=_date(e["as_of"]),
                        )
                    )
                answers.append(
                    Answer(
                        aid=e["aid"],
                        answer=texts[e["aid"]][start:end],
                        value=e["value"],
                        source=e["source"],
                        as_of=_date(e["as_of"]),
                        char_start=start,
                        char_end=end,
                        claim_id=claim_id,
                    )
                )
            if answers:
                groups.append(answers)
        if groups:
            qas.append(QuestionAnswer(question=q["question"], kind=q["kind"], answer_groups=groups))
    return Report(eid=eid, articles=articles, claims=claims, question_answers=qas), missing


def _need(path: Path) -> None:
    """Skip the calling test, cleanly, where the shared corpora are not beside the repo."""
    if not path.exists():
        pytest.skip(f"needs {path} (../shared)")


def seeds_report() -> tuple[Report, list[str]]:
    _need(SEEDS_GOLD)
    gold = json.loads(SEEDS_GOLD.read_text(encoding="utf-8"))
    articles = [
        ReportArticle(
            aid=p.stem,
            text=p.read_text(encoding="utf-8"),
            date=_date(gold["article_dates"].get(p.stem)),
            date_basis="inferred",
        )
        for p in sorted(SEEDS.glob("*.txt"))
    ]
    return report_from_gold(gold["eid"], articles, gold)


def dev_report(slug: str) -> tuple[Report, list[str]]:
    _need(DEV / slug / "gold.json")
    data = json.loads((DEV / slug / "articles.json").read_text(encoding="utf-8"))
    gold = json.loads((DEV / slug / "gold.json").read_text(encoding="utf-8"))
    articles = [
        ReportArticle(
            aid=a["aid"],
            title=a.get("title"),
            url=a.get("url"),
            outlet=a.get("domain"),
            date=_date(a.get("date")),
            text=a["content"],
        )
        for a in data["articles"]
    ]
    return report_from_gold(slug, articles, gold)


def dev_slugs() -> list[str]:
    return shared_dev_slugs()
