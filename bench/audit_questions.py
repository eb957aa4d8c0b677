"""Print the questions a reader meets first (``report.sections``), for an audit by reading.

Events without discord gold are where question quality is judged as a journalist would:
this prints, for one event of ``../shared/eval/events`` (its articles only, the ``event``
field used to pick them and then dropped), the discord questions and agreements shown by
default, with each answer's outlet, source and sentence. The counts of good, partly useful
and bad questions read from these printouts are in ``bench/audit_questions.md``.

Usage: .venv/bin/python bench/audit_questions.py EVENT [EVENTS.jsonl] > bench/audit/EVENT.txt
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import parallax
from parallax.numfmt import format_number
from parallax.report.sections import sections
from parallax.schema import QuestionAnswer

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EVENTS = SHARED / "eval" / "events" / "articles.jsonl"


def show(title: str, qs: list[QuestionAnswer], outlets: dict[str, str]) -> None:
    print(f"\n==== {title}")
    for i, q in enumerate(qs):
        print(f"\n[{i}] {q.kind} ({q.importance or 0:.2f}): {q.question}")
        for g, group in enumerate(q.answer_groups):
            for a in group[:3]:
                value = "" if a.value is None else f"{a.qualifier or ''} {format_number(a.value)} "
                who = f"{outlets.get(a.aid)}{' / ' + a.source if a.source else ''}"
                print(f"   {g}. {value.strip()} [{who}] {a.answer[:160]!r}")
            if len(group) > 3:
                print(f"   {g}. (+{len(group) - 3} more)")


def main() -> None:
    event = sys.argv[1]
    source = Path(sys.argv[2]) if len(sys.argv) > 2 else EVENTS
    rows = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line]
    mine = [{k: v for k, v in r.items() if k != "event"} for r in rows if r["event"] == event]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{event}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in mine), encoding="utf-8")
        report = parallax.analyze([path]).report
    s = sections(report)
    outlets = {a.aid: (a.outlet or a.aid) for a in report.articles}
    n_discord = len(s.discord) + len(s.more_discord)
    n_agree = len(s.agree) + len(s.more_agree)
    print(
        f"{event}: {len(report.articles)} articles, {len(report.question_answers)} questions "
        f"({n_discord} discord, {n_agree} consensus, {len(s.unique)} unique)"
    )
    show("DISCORD shown", s.discord, outlets)
    show("AGREE shown", s.agree, outlets)


if __name__ == "__main__":
    main()
