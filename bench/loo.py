"""Leave-one-event-out: every weight and threshold of alignment chosen without the
event it is scored on.

For each held-out event (the twelve dev clusters and the seeds), the fact pair
weights are refitted on the pairs of the other events (``fit_pair_weights``), and
each threshold in the sweep is chosen by the mean objective of the other events
under those weights (the thresholds of the detectors of differences in words, one at
a time: ``WORD_SWEEP``); the held-out event is then aligned once with what was chosen
and scored. The figures printed for it say what the method does on an event it
has never seen, which is what the team measures on its unseen events.

Extraction and embeddings are computed once per event and reused by every run.
"""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

import numpy as np
import numpy.typing as npt

from parallax.align.context import EventContext
from parallax.align.detectors import DETECTORS
from parallax.align.detectors.figures import Figures
from parallax.align.detectors.unique import UniqueStatements
from parallax.align.facts import FEATURES, pair_features
from parallax.align.items import make_items
from parallax.align.params import DEFAULT, AlignParams
from parallax.align.rank import rank
from parallax.extract.claims import extract_parsed
from parallax.ingest import load_paths
from parallax.models import Article
from parallax.nlp.embed import MemoEmbedder, embed
from parallax.nlp.pipeline import SentenceParser
from parallax.report.evaluate import GoldModel, Scores, evaluate, text_overlap, values_match
from parallax.schema import QuestionAnswer, Report, ReportArticle

Array = npt.NDArray[np.float64]

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV = SHARED / "eval" / "dev"
METRICS = (
    "divergence_coverage",
    "kind_accuracy",
    "figure_recall",
    "unique_recall",
    "consensus_recall",
    "source_accuracy",
)
#: How much each metric counts when a threshold is chosen; fewer questions are
#: preferred a little (a reader reads every one).
OBJECTIVE = {
    "divergence_coverage": 1.0,
    "kind_accuracy": 0.5,
    "consensus_recall": 0.25,
    "unique_recall": 0.25,
}
QUESTION_COST = 0.002


@dataclass
class Event:
    """One gold event, extracted once."""

    name: str
    gold: GoldModel
    articles: list[Article]
    parser: SentenceParser
    pairs: tuple[Array, Array] | None = None
    #: Questions of the detectors a figure-parameter sweep does not touch, by the
    #: topic parameters they were found with.
    static: dict[tuple[object, ...], list[QuestionAnswer]] = field(default_factory=dict)


def load_events(dev: Path = DEV, seeds: bool = True, only: Sequence[str] = ()) -> list[Event]:
    sources: list[tuple[str, Path, Path]] = [
        (p.name, p / "articles.json", p / "gold.json")
        for p in sorted(dev.iterdir())
        if (p / "gold.json").is_file()
    ]
    if seeds:
        sources.append(("seeds", SHARED / "seeds", SHARED / "eval" / "seeds-gold.json"))
    out = []
    for name, path, gold in sources:
        if only and name not in only:
            continue
        articles, parser = extract_parsed(load_paths([path]).articles)
        out.append(Event(name, GoldModel.model_validate_json(gold.read_text()), articles, parser))
    return out


# ----------------------------------------------------------------- pair weights


def event_pairs(event: Event, embedder: MemoEmbedder) -> tuple[Array, Array]:
    """Features and labels of the claim pairs that both answer some numeric gold question:
    positive when the two answer the same one."""
    if event.pairs is not None:
        return event.pairs
    items = make_items(event.articles)
    feats, blocked, _ = pair_features(items, embedder)
    questions: list[set[int]] = []
    for item in items:
        c = item.claim
        qs = set()
        for qi, q in enumerate(event.gold.question_answers):
            for a in q.answers:
                if (
                    a.aid == c.aid
                    and a.value is not None
                    and values_match(c.value, a.value)
                    and text_overlap(item.sentence, a.answer)
                ):
                    qs.add(qi)
        questions.append(qs)
    xs, ys = [], []
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if questions[i] and questions[j] and not blocked[i, j]:
                xs.append(feats[i, j])
                ys.append(1.0 if questions[i] & questions[j] else 0.0)
    event.pairs = (np.array(xs).reshape(-1, len(FEATURES)), np.array(ys))
    return event.pairs


def fit_logistic(x: Array, y: Array, l2: float = 1e-3) -> Array:
    """Logistic regression by Newton's method; the last weight is the bias."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-xb @ w))
        grad = xb.T @ (p - y) + l2 * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + l2 * np.eye(len(w))
        w -= np.linalg.solve(hess, grad)
    return w


def fit_pair_weights(events: Iterable[Event], embedder: MemoEmbedder) -> AlignParams:
    data = [event_pairs(e, embedder) for e in events]
    x = np.vstack([d[0] for d in data])
    y = np.concatenate([d[1] for d in data])
    w = fit_logistic(x, y)
    return replace(DEFAULT, pair_weights=tuple(float(v) for v in w[:-1]), pair_bias=float(w[-1]))


# ----------------------------------------------------------------- runs and scores


@dataclass
class Run:
    scores: Scores
    n_questions: int
    report: Report

    def metric(self, name: str) -> float | None:
        return self.scores.metrics()[name].value


#: Parameters only the figures and unique statements read; every other detector's
#: questions are found once per setting of the remaining parameters.
_FIGURE_PARAMS = frozenset({"pair_weights", "pair_bias", "merge_threshold", "unique_max_sim"})


def run(event: Event, params: AlignParams, embedder: MemoEmbedder) -> Run:
    """The event aligned with ``params``; detectors that read none of the swept figure
    parameters are run once per setting of their own parameters and reused."""
    ctx = EventContext.build(event.articles, embedder, event.parser, params)
    figures = Figures().find(ctx)
    key = tuple(getattr(params, f.name) for f in fields(params) if f.name not in _FIGURE_PARAMS)
    if key not in event.static:
        ctx.found = list(figures)
        others = [d for d in DETECTORS if d.name not in ("figures", "unique")]
        event.static[key] = [qa for d in others for qa in d.find(ctx)]
    ctx.found = [*figures, *event.static[key]]
    ctx.found += UniqueStatements().find(ctx)
    report = Report(
        eid=event.gold.eid,
        articles=[ReportArticle.of(a) for a in event.articles],
        claims=[c for a in event.articles for c in a.claims],
        question_answers=rank(ctx, ctx.found),
    )
    return Run(evaluate(report, event.gold), len(report.question_answers), report)


def mean(values: Iterable[float | None]) -> float | None:
    vs = [v for v in values if v is not None]
    return sum(vs) / len(vs) if vs else None


def objective(runs: Sequence[Run]) -> float:
    total = sum(w * (mean(r.metric(m) for r in runs) or 0.0) for m, w in OBJECTIVE.items())
    return total - QUESTION_COST * (mean(r.n_questions for r in runs) or 0.0)


#: Values each threshold is chosen from, leave-one-event-out.
SWEEP: dict[str, tuple[float, ...]] = {
    "merge_threshold": (0.2, 0.3, 0.4),
}


def grid(sweep: dict[str, tuple[float, ...]]) -> list[dict[str, float]]:
    keys = list(sweep)
    return [dict(zip(keys, vals, strict=True)) for vals in itertools.product(*sweep.values())]


#: Thresholds of the detectors of differences in words, each chosen in turn (one pass,
#: the others at their current choice) rather than over the full product, which would
#: multiply the runs. Their questions do not depend on the fact weights, so their runs
#: are made once per event and setting with the shipped weights and shared by every
#: fold: on the events a fold chooses from, the figure questions are those of the
#: shipped weights (the held-out event itself is aligned with the fold's own).
WORD_SWEEP: dict[str, tuple[float, ...]] = {
    "cause_topic_threshold": (0.4, 0.45, 0.5),
    "cause_same_threshold": (0.5, 0.55, 0.6),
    "certainty_threshold": (0.5, 0.6, 0.7),
    "polarity_threshold": (0.4, 0.45, 0.5),
    "judgement_threshold": (0.2, 0.3, 0.4),
    "max_conflicts": (3, 5, 10),
}


class WordRuns:
    """Runs of each event under word-threshold settings, made once and shared by the folds."""

    def __init__(self, embedder: MemoEmbedder) -> None:
        self.embedder = embedder
        self.cache: dict[tuple[str, tuple[tuple[str, float], ...]], Run] = {}

    def __call__(self, event: Event, choice: dict[str, float]) -> Run:
        key = (event.name, tuple(sorted(choice.items())))
        if key not in self.cache:
            self.cache[key] = run(event, replace(DEFAULT, **choice), self.embedder)  # type: ignore[arg-type]
        return self.cache[key]


def choose_word_thresholds(
    others: Sequence[Event], runs: WordRuns, sweep: dict[str, tuple[float, ...]] = WORD_SWEEP
) -> dict[str, float]:
    """Each word threshold in turn, by the mean objective of ``others``."""
    choice = {k: float(getattr(DEFAULT, k)) for k in sweep}
    for key, values in sweep.items():
        scored = [
            (objective([runs(e, {**choice, key: v}) for e in others]), -abs(v - choice[key]), v)
            for v in values
        ]
        choice[key] = max(scored)[2]
    return choice


@dataclass
class Held:
    event: str
    params: AlignParams
    chosen: dict[str, float]
    run: Run


def leave_one_out(
    events: Sequence[Event],
    sweep: dict[str, tuple[float, ...]] = SWEEP,
    say: Callable[[str], None] = print,
) -> list[Held]:
    """Each event scored with weights and thresholds chosen on the others."""
    embedder = MemoEmbedder(embed)
    words = WordRuns(embedder)
    out = []
    for held in events:
        t0 = time.perf_counter()
        others = [e for e in events if e is not held]
        word_choice = choose_word_thresholds(others, words)
        base = replace(fit_pair_weights(others, embedder), **word_choice)  # type: ignore[arg-type]
        best: tuple[float, dict[str, float]] | None = None
        for choice in grid(sweep):
            params = replace(base, **choice)  # type: ignore[arg-type]
            score = objective([run(e, params, embedder) for e in others])
            if best is None or score > best[0]:
                best = (score, choice)
        assert best is not None
        params = replace(base, **best[1])  # type: ignore[arg-type]
        chosen = {**best[1], **{k: float(getattr(params, k)) for k in WORD_SWEEP}}
        out.append(Held(held.name, params, chosen, run(held, params, embedder)))
        say(f"  {held.name}: chose {chosen} in {time.perf_counter() - t0:.0f} s")
    return out


def plain(events: Sequence[Event], params: AlignParams = DEFAULT) -> list[Run]:
    embedder = MemoEmbedder(embed)
    return [run(e, params, embedder) for e in events]


def table(names: Sequence[str], runs: Sequence[Run], title: str) -> str:
    short = ("div_cov", "kind", "fig_rec", "uniq", "cons", "src")
    lines = [title, f"{'event':38} {'qs':>3} " + " ".join(f"{s:>11}" for s in short)]
    for name, r in zip(names, runs, strict=True):
        cells = []
        for m in METRICS:
            ratio = r.scores.metrics()[m]
            v = "  -  " if ratio.value is None else f"{ratio.value:.2f}"
            cells.append(f"{v} {ratio.numerator:>2}/{ratio.denominator:<2}".rjust(11))
        lines.append(f"{name:38} {r.n_questions:>3} " + " ".join(cells))
    dev = [r for n, r in zip(names, runs, strict=True) if n != "seeds"]
    means = " ".join(f"{(mean(r.metric(m) for r in dev) or float('nan')):>11.3f}" for m in METRICS)
    lines.append(f"{'MEAN over dev clusters':38} {'':>3} {means}")
    return "\n".join(lines)


def dump(path: Path, names: Sequence[str], runs: Sequence[Run]) -> None:
    path.write_text(
        json.dumps(
            [
                {
                    "event": n,
                    "n_questions": r.n_questions,
                    "metrics": {m: r.scores.metrics()[m].model_dump() for m in METRICS},
                    "scores": r.scores.model_dump(mode="json"),
                    "report": r.report.model_dump(mode="json", exclude={"articles"}),
                }
                for n, r in zip(names, runs, strict=True)
            ],
            indent=1,
            default=str,
        )
    )
