"""Build the event report: facts, questions, answer groups, kinds, explanations.

Pipeline (each step its own module):

1. ``facts.group_facts``: claims -> facts (same quantity across outlets);
2. ``values.group_values``: a fact's claims -> answer groups (same figure after rounding);
3. ``kinds.judge``: consensus / update / conflict / scope / unique, with a reason;
4. ``discord.find_topics``: non-numeric statements -> consensus / attribution /
   factual-conflict questions;
5. ``coverage.unique_statements``: what only one outlet says, in words;
6. ``labels.label_question``: loaded words for the people in the story (framing);
7. ``places.place_questions``: a place two outlets locate by different places;
8. ``ranks.rank_questions``: a thing outlets rank differently ("the fourth
   deadliest" / "the deadliest in decades");
9. ``when.date_questions``: an event two outlets date on different days ("on Feb. 5"
   / "on Monday", 6 February).

Summary, timeline and framing are derived from these questions by the report
stage (``report.enrich``), so they are not built here.

Answers cite whole sentences (``text[sent_start:sent_end]``): a sentence is the
smallest span that always carries the figure *and* what it counts and who says
it, and it is what the reader checks against the article.
"""

from __future__ import annotations

from parallax.align.coverage import UniqueStatement, unique_statements
from parallax.align.discord import Statement, Topic, find_topics
from parallax.align.facts import ClaimItem, Fact, group_facts, voice_map
from parallax.align.kinds import Verdict, judge
from parallax.align.labels import label_question
from parallax.align.places import place_questions
from parallax.align.questions import phrase
from parallax.align.ranks import rank_questions
from parallax.align.text import MAX_ANSWER_CHARS, is_boilerplate, sentences_of
from parallax.align.values import group_values
from parallax.align.when import date_questions
from parallax.models import Article
from parallax.nlp.embed import Embedder, MemoEmbedder
from parallax.schema import (
    Answer,
    QuestionAnswer,
    Report,
    ReportArticle,
)

#: Display order: divergences first, then what everyone agrees on, then singletons.
_KIND_ORDER = {
    "numeric_update": 0,
    "numeric_conflict": 1,
    "scope": 2,
    "attribution": 3,
    "factual_conflict": 4,
    "framing": 5,
    "consensus": 6,
    "unique_coverage": 7,
}


def _default_embedder() -> Embedder:
    from parallax.nlp.embed import embed

    return embed


def answer_span(
    text: str, sent_start: int, sent_end: int, fig_start: int, fig_end: int
) -> tuple[int, int]:
    """The sentence, or a word-aligned window of it around the figure when it is too long."""
    if sent_end - sent_start <= MAX_ANSWER_CHARS:
        return sent_start, sent_end
    room = max(0, (MAX_ANSWER_CHARS - (fig_end - fig_start)) // 2)
    start = max(sent_start, fig_start - room)
    end = min(sent_end, fig_end + room)
    while sent_start < start < fig_start and not text[start - 1].isspace():
        start += 1
    while fig_end < end < sent_end and not text[end].isspace():
        end -= 1
    return start, end


def _answer(item: ClaimItem) -> Answer:
    c = item.claim
    start, end = answer_span(item.article.text, c.sent_start, c.sent_end, c.char_start, c.char_end)
    return Answer(
        aid=c.aid,
        answer=item.article.text[start:end],
        value=c.value,
        unit=c.unit,
        qualifier=c.qualifier,
        source=c.source,
        as_of=c.as_of,
        char_start=start,
        char_end=end,
        claim_id=c.id,
    )


def _statement_answer(s: Statement) -> Answer:
    return Answer(aid=s.aid, answer=s.text, source=s.source, char_start=s.start, char_end=s.end)


def _dedupe(answers: list[Answer]) -> list[Answer]:
    """One answer per (article, span): two claims in one sentence cite it once."""
    seen: set[tuple[str, int, int]] = set()
    out = []
    for a in answers:
        key = (a.aid, a.char_start, a.char_end)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def numeric_question(fact: Fact, n_voices: int = 0) -> tuple[QuestionAnswer, Verdict]:
    claims = [i.claim for i in fact.items]
    groups = [[fact.items[k] for k in g] for g in group_values(claims)]
    verdict = judge(groups, n_voices)
    qa = QuestionAnswer(
        question=phrase(fact.items),
        kind=verdict.kind,
        answer_groups=[_dedupe([_answer(i) for i in g]) for g in verdict.groups],
        explanation=verdict.explanation,
    )
    return qa, verdict


def topic_question(topic: Topic) -> QuestionAnswer:
    return QuestionAnswer(
        question=topic.question,
        kind=topic.kind,
        answer_groups=[[_statement_answer(s) for s in g] for g in topic.groups],
        explanation=topic.explanation,
    )


def unique_question(u: UniqueStatement) -> QuestionAnswer:
    s = u.statement
    return QuestionAnswer(
        question=f"What does only {s.outlet} report about {u.topic}?",
        kind="unique_coverage",
        answer_groups=[[_statement_answer(s)]],
        explanation=(
            f"Only {s.outlet} reports this; the closest sentence in any other outlet has a "
            f"similarity of {u.nearest:.2f}, too low to be the same statement."
        ),
    )


def _report_article(a: Article) -> ReportArticle:
    return ReportArticle(
        aid=a.aid,
        title=a.title,
        url=a.url,
        outlet=a.outlet,
        date=a.published,
        date_basis=a.published_basis,
        language=a.language,
        duplicate_of=a.duplicate_of,
        warnings=a.warnings,
        text=a.text,
    )


def align_event(articles: list[Article], eid: str, embedder: Embedder | None = None) -> Report:
    """The alignment report for one event; ``embedder`` defaults to MiniLM (align.embed)."""
    emb = MemoEmbedder(embedder or _default_embedder())
    # One batch for every sentence that can become an answer: fact, topic and
    # answer grouping all reuse it. Site furniture is never embedded.
    emb.warm([s.text for a in articles for s in sentences_of(a) if not is_boilerplate(s.text)])
    voices = voice_map(articles)
    n_voices = len(set(voices.values()))

    facts = group_facts(articles, emb)
    qas: list[QuestionAnswer] = []
    used: set[tuple[str, int]] = set()
    for fact in facts:
        if all(is_boilerplate(i.sentence) and len(i.sentence.split()) < 3 for i in fact.items):
            continue
        qa, _ = numeric_question(fact, n_voices)
        qas.append(qa)
        used.update((i.claim.aid, i.claim.sent_start) for i in fact.items)

    for topic in find_topics(articles, voices, emb):
        qas.append(topic_question(topic))
    qas.extend(place_questions(articles, voices))
    qas.extend(rank_questions(articles, voices, emb))
    qas.extend(date_questions(articles, voices, emb))

    for u in unique_statements(articles, voices, emb, skip_spans=used):
        qas.append(unique_question(u))

    report = Report(
        eid=eid,
        articles=[_report_article(a) for a in articles],
        claims=[c for a in articles for c in a.claims],
        question_answers=qas,
    )
    # Framing is read off the report's articles, so it comes once the rest is built.
    labels = label_question(report, articles, voices)
    if labels is not None:
        qas.append(labels)
    qas.sort(key=lambda q: _KIND_ORDER.get(q.kind, 9))
    report.question_answers = qas
    return report
