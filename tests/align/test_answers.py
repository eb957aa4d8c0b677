"""Answer grouping: invented examples, the clustering and metric, and NAnCo test-split accuracy."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from bench.nanco import load_nanco, pairwise_balanced_accuracy

from parallax.align.answers import (
    DEFAULT_THRESHOLD,
    answer_numbers,
    group_answers,
    pair_scores,
    same_answer,
)
from parallax.align.cluster import agglomerate, labels
from tests.shared_paths import SHARED

_REPO = Path(__file__).resolve().parents[2]
_NANCO_CANDIDATES = (SHARED / "eval" / "discord_questions" / "nanco_dataset.json",)
NANCO = next((p for p in _NANCO_CANDIDATES if p.is_file()), None)
TEST_QIDS = ("Q4", "Q7", "Q8", "Q9")


def _same(labels: Sequence[int], i: int, j: int) -> bool:
    return labels[i] == labels[j]


# --- invented examples --------------------------------------------------------------


def test_paraphrased_causes_group_and_distinct_causes_split() -> None:
    answers = [
        "to stop drug smuggling across the border",
        "to curb the smuggling of drugs over the border",
        "in response to the end of Title 42",
        "because the Title 42 health order is being lifted",
    ]
    labels = group_answers(answers)
    assert _same(labels, 0, 1)
    assert _same(labels, 2, 3)
    assert not _same(labels, 0, 2)


def test_different_numbers_are_different_answers() -> None:
    labels = group_answers(["three years", "two years", "three more years", "for 3 years"])
    assert _same(labels, 0, 2)
    assert _same(labels, 0, 3)
    assert not _same(labels, 0, 1)


def test_number_penalty_is_what_splits_the_durations() -> None:
    # Without the penalty the embedding alone calls these the same answer.
    plain = pair_scores(["three years", "two years"], number_penalty=0.0)
    assert plain[0, 1] >= DEFAULT_THRESHOLD
    assert same_answer("three years", "two years") < DEFAULT_THRESHOLD


def test_same_answer_is_symmetric_and_bounded() -> None:
    a, b = "largest shareholder", "the biggest shareholder"
    s_ab, s_ba = same_answer(a, b), same_answer(b, a)
    assert s_ab == pytest.approx(s_ba, abs=1e-5)
    assert s_ab >= DEFAULT_THRESHOLD
    assert -1.5 <= same_answer(a, "a tiresome internet troll") < DEFAULT_THRESHOLD


def test_labels_are_dense_and_in_order_of_first_appearance() -> None:
    labels = group_answers(["Finland", "Russia", "Moscow", "Finland"])
    assert labels[0] == 0
    assert sorted(set(labels)) == list(range(len(set(labels))))
    assert labels[3] == labels[0]


def test_blank_answers_stay_alone_and_empty_input() -> None:
    assert group_answers([]) == []
    labels = group_answers(["Russia", "", "  ", "Russia"])
    assert labels[0] == labels[3]
    assert len({labels[1], labels[2], labels[0]}) == 3


def test_contexts_must_match_answers() -> None:
    with pytest.raises(ValueError):
        group_answers(["a", "b"], contexts=["only one"])


def test_context_weight_uses_paragraphs() -> None:
    answers = ["it", "it"]
    ctx = ["The storm hit the coast.", "Shares in the airline rose."]
    no_ctx = pair_scores(answers, ctx)
    with_ctx = pair_scores(answers, ctx, context_weight=0.5)
    assert no_ctx[0, 1] == pytest.approx(1.0, abs=1e-5)
    assert with_ctx[0, 1] < 0.9


def test_answer_numbers() -> None:
    assert answer_numbers("until July 1, 2024") == {1.0, 2024.0}
    assert answer_numbers("three years") == {3.0}
    assert answer_numbers("A$160 million (US$119 million)") == {160.0, 119.0}
    assert answer_numbers("April 1st of 2023") == {2023.0}
    assert answer_numbers("permanent") == frozenset()


# --- clustering and metric, with a fake embedder or hand-made scores ----------------


def test_agglomerate_average_linkage_does_not_chain() -> None:
    # a~b and b~c are strong, a~c is weak: single linkage would chain all three;
    # average linkage joins a,b and leaves c out because mean(0.2, 0.9) < 0.6.
    s = np.array([[1.0, 0.9, 0.2], [0.9, 1.0, 0.9], [0.2, 0.9, 1.0]], dtype=np.float32)
    assert agglomerate(s, 0.6) == [[0, 1], [2]]
    assert labels(agglomerate(s, 0.6), 3) == [0, 0, 1]
    assert agglomerate(s, 0.95) == [[0], [1], [2]]


def test_a_cannot_link_is_never_crossed_by_a_merge() -> None:
    # a~b and a~c are strong but b and c must stay apart: c joins nobody once a,b merge.
    s = np.array([[1.0, 0.9, 0.8], [0.9, 1.0, -np.inf], [0.8, -np.inf, 1.0]])
    assert agglomerate(s, 0.5) == [[0, 1], [2]]


def test_group_answers_with_fake_embedder() -> None:
    vecs = {
        "a": np.array([1.0, 0.0], dtype=np.float32),
        "b": np.array([0.8, 0.6], dtype=np.float32),
        "c": np.array([0.0, 1.0], dtype=np.float32),
    }

    def fake(texts: Sequence[str]) -> np.ndarray:
        return np.vstack([vecs[t] for t in texts])

    assert group_answers(["a", "b", "c"], embedder=fake, threshold=0.7) == [0, 0, 1]
    # mean score between {a, b} and c is (0 + 0.6) / 2 = 0.3
    assert group_answers(["a", "b", "c"], embedder=fake, threshold=0.31) == [0, 0, 1]
    assert group_answers(["a", "b", "c"], embedder=fake, threshold=0.29) == [0, 0, 0]


def test_balanced_accuracy_by_hand() -> None:
    gold = [0, 0, 1, 1]  # same pairs: (0,1), (2,3); 4 different pairs
    assert pairwise_balanced_accuracy([gold], [gold]) == 1.0
    # all in one group: same recall 1, different recall 0
    assert pairwise_balanced_accuracy([[0, 0, 0, 0]], [gold]) == 0.5
    # (0,1) right, (2,3) missed, all 4 different pairs right -> (0.5 + 1) / 2
    assert pairwise_balanced_accuracy([[0, 0, 1, 2]], [gold]) == 0.75
    # pooling counts pairs, it does not average per question
    pooled = pairwise_balanced_accuracy([[0, 0, 1, 2], gold], [gold, gold])
    assert pooled == pytest.approx((3 / 4 + 1.0) / 2)


# --- NAnCo -------------------------------------------------------------------------


@pytest.mark.skipif(NANCO is None, reason="shared NAnCo data not available")
def test_nanco_test_split_balanced_accuracy() -> None:
    assert NANCO is not None
    questions = {q.qid: q for q in load_nanco(NANCO)}
    qs = [questions[k] for k in TEST_QIDS]
    assert all(len(q.answers) >= 20 for q in qs)
    preds = [group_answers(q.answers, q.paragraphs) for q in qs]
    score = pairwise_balanced_accuracy(preds, [q.labels for q in qs])
    assert score >= 0.75, f"pooled test-split balanced accuracy {score:.3f} < 0.75"
