"""Score extracted claims against a gold annotation (seeds-gold.json format).

Kept in the package rather than the tests so the benchmark, the tests and anyone
tuning the extractor measure the same thing the same way.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parallax.models import Article, Claim

_STOP = frozenset(["the", "a", "an", "of", "s", "and", "for", "in", "on", "at", "by", "to", "from"])


@dataclass(frozen=True)
class GoldFigure:
    aid: str
    value: float
    source: str | None
    as_of: dt.date | None
    answer: str


@dataclass
class Score:
    total: int = 0
    found: int = 0
    source_right: int = 0
    with_as_of: int = 0
    as_of_right: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.total if self.total else 1.0

    @property
    def source_rate(self) -> float:
        return self.source_right / self.found if self.found else 1.0

    @property
    def as_of_rate(self) -> float:
        return self.as_of_right / self.with_as_of if self.with_as_of else 1.0

    def line(self) -> str:
        return (
            f"recall {self.found}/{self.total}={self.recall:.3f}  "
            f"source {self.source_right}/{self.found}={self.source_rate:.3f}  "
            f"as_of {self.as_of_right}/{self.with_as_of}={self.as_of_rate:.3f}"
        )


def load_gold(path: Path) -> tuple[list[GoldFigure], dict[str, Any]]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    out: list[GoldFigure] = []
    for qa in data["question_answers"]:
        for group in qa["answer_groups"]:
            for ans in group:
                if ans.get("value") is None:
                    continue
                as_of = dt.date.fromisoformat(ans["as_of"]) if ans.get("as_of") else None
                out.append(
                    GoldFigure(
                        ans["aid"],
                        float(ans["value"]),
                        ans.get("source"),
                        as_of,
                        ans.get("answer", ""),
                    )
                )
    return out, data


def _words(s: str) -> set[str]:
    return {
        w
        for w in re.findall(r"[a-z0-9]+", s.lower().replace("’s", "").replace("'s", ""))
        if w not in _STOP
    }


def _same_value(c: Claim, v: float) -> bool:
    tol = 1e-6 * max(1.0, abs(v))
    return any(x is not None and abs(x - v) <= tol for x in (c.value, c.value_high))


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("“", '"').replace("”", '"').replace("’", "'")).lower()


def _pick(article: Article, cands: list[Claim], answer: str) -> Claim:
    text = _norm(article.text)
    piece = _norm(answer.split(" ... ")[0]).strip()
    pos = text.find(piece) if piece else -1
    if pos < 0:
        return cands[0]
    return min(cands, key=lambda c: abs(len(_norm(article.text[: c.char_start])) - pos))


def score(articles: list[Article], gold: list[GoldFigure]) -> Score:
    by_aid = {a.aid: a for a in articles}
    sc = Score()
    for g in gold:
        sc.total += 1
        art = by_aid.get(g.aid)
        cands = [c for c in art.claims if _same_value(c, g.value)] if art else []
        if not cands or art is None:
            sc.misses.append(f"MISS {g.aid} {g.value:g}: {g.answer[:70]}")
            continue
        sc.found += 1
        c = _pick(art, cands, g.answer)
        names = [c.source or ""]
        if c.source_span:
            names.append(art.text[c.source_span[0] : c.source_span[1]])
        if g.source is None:
            ok = c.source is None
        else:
            ok = any(_words(g.source) & _words(n) for n in names)
        sc.source_right += ok
        if not ok:
            sc.misses.append(f"SOURCE {g.aid} {g.value:g}: gold {g.source!r} got {c.source!r}")
        if g.as_of is not None:
            sc.with_as_of += 1
            sc.as_of_right += c.as_of == g.as_of
            if c.as_of != g.as_of:
                sc.misses.append(
                    f"AS_OF {g.aid} {g.value:g}: gold {g.as_of} got {c.as_of} ({c.as_of_basis})"
                )
    return sc
