"""The ONNX MiniLM embedder: shape, normalisation, order, caching, and that it means something."""

from __future__ import annotations

import numpy as np
import pytest

from parallax.nlp import embed as E


def test_shape_dtype_and_unit_norm() -> None:
    texts = ["The river burst its banks.", "Flood water covered the town.", "x" * 5000]
    v = E.embed(texts)
    assert v.shape == (3, E.DIM)
    assert v.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)


def test_empty_input() -> None:
    v = E.embed([])
    assert v.shape == (0, E.DIM)


def test_single_string_is_rejected() -> None:
    with pytest.raises(TypeError):
        E.embed("a string is a sequence of characters")


def test_paraphrases_score_above_unrelated() -> None:
    v = E.embed(
        [
            "Three people died in the storm.",
            "The storm killed three people.",
            "The central bank raised interest rates.",
        ]
    )
    sim = v @ v.T
    assert sim[0, 1] > 0.7
    assert sim[0, 2] < 0.3


def test_order_and_batching_do_not_change_vectors() -> None:
    # Texts are length-sorted and padded per batch inside encode(); each vector must
    # still land at its own index and not depend on its batch-mates' padding.
    texts = [f"sentence {i} " + "word " * (i % 17) for i in range(40)]
    model = E.get_model()
    whole = model.encode(texts, batch_size=64)
    small = model.encode(texts, batch_size=3)
    alone = np.vstack([model.encode([t]) for t in texts[:5]])
    np.testing.assert_allclose(whole, small, atol=1e-4)
    np.testing.assert_allclose(whole[:5], alone, atol=1e-4)


def test_model_is_loaded_once() -> None:
    first = E.get_model()
    E.embed(["warm"])
    assert E.get_model() is first
    lt = E.load_time()
    assert lt is not None and 0.0 < lt < 30.0


def test_text_past_the_token_limit_is_ignored() -> None:
    # sentence-transformers cuts this model at 256 word pieces; anything after that
    # must not move the vector, or long paragraphs would not match the reference.
    prefix = "The dam failed after days of rain. " * 60  # ~480 word pieces
    v = E.embed([prefix + "Nobody was hurt.", prefix + "Stocks crashed in Tokyo."])
    assert float(v[0] @ v[1]) == pytest.approx(1.0, abs=1e-5)
    short = E.embed(["The dam failed.", "Nobody was hurt."])
    assert float(short[0] @ short[1]) < 0.99
