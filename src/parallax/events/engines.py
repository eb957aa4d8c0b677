"""Where the work runs: a local process pool, or Ray.

Both engines run the same stage functions on the same chunks (``stages``) and
return the chunks in order, so the clusterer, which runs in the calling process,
sees the same input whichever engine ran. Per-event analysis is a task per event.

Ray runs the chunk stages as Ray Data map stages (load -> clean -> [extract] ->
embed), one block per chunk, and the event analyses as remote tasks.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Protocol

from parallax.events.source import Chunk
from parallax.events.stages import chunk_stages, plan_row, process_chunk

#: An event task: a picklable function and its arguments; it returns report JSON.
Task = tuple[Callable[..., str], tuple[Any, ...]]


class Engine(Protocol):
    def chunks(self, chunks: Sequence[Chunk], analyse: bool) -> Iterator[tuple[int, bytes]]:
        """Process ``chunks``; yield ``(index, ChunkResult bytes)`` in the order given."""
        ...

    def submit(self, key: str, task: Task) -> None:
        """Start one event's analysis."""
        ...

    def finished(self, wait: bool = False) -> list[tuple[str, str]]:
        """``(key, result)`` of the tasks done so far (all of them with ``wait``)."""
        ...

    def close(self) -> None: ...


def _limit_threads() -> None:
    """One BLAS/OpenMP thread per worker: the pool is the parallelism."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")


class LocalEngine:
    """A process pool of ``workers`` processes (default: one per CPU)."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or os.cpu_count() or 1
        self._pool = ProcessPoolExecutor(max_workers=self.workers, initializer=_limit_threads)
        self._tasks: dict[str, Future[str]] = {}

    def chunks(self, chunks: Sequence[Chunk], analyse: bool) -> Iterator[tuple[int, bytes]]:
        # A bounded window of chunks in flight keeps memory flat however long the stream.
        ahead = 2 * self.workers
        pending: deque[tuple[int, Future[bytes]]] = deque()
        todo = iter(chunks)
        for chunk in todo:
            pending.append((chunk.index, self._pool.submit(process_chunk, chunk, analyse)))
            if len(pending) >= ahead:
                break
        while pending:
            index, future = pending.popleft()
            data = future.result()
            nxt = next(todo, None)
            if nxt is not None:
                pending.append((nxt.index, self._pool.submit(process_chunk, nxt, analyse)))
            yield index, data

    def submit(self, key: str, task: Task) -> None:
        fn, args = task
        self._tasks[key] = self._pool.submit(fn, *args)

    def finished(self, wait: bool = False) -> list[tuple[str, str]]:
        done = [k for k, f in self._tasks.items() if wait or f.done()]
        return [(k, self._tasks.pop(k).result()) for k in done]

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class RayEngine:
    """Ray Data stages for the chunks, Ray tasks for the events.

    ``address`` joins a running cluster ("auto" or "HOST:PORT"); without it a
    local Ray starts with ``num_cpus`` CPUs (default: all).
    """

    def __init__(self, address: str | None = None, num_cpus: int | None = None) -> None:
        try:
            import ray
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise RuntimeError("--engine ray needs Ray: pip install 'parallax-news[ray]'") from exc
        self._ray = ray
        self._started = not ray.is_initialized()
        if self._started:
            kwargs: dict[str, Any] = {
                "include_dashboard": False,
                "log_to_driver": False,
                "logging_level": logging.ERROR,
            }
            if address:
                kwargs["address"] = address
            else:
                kwargs["num_cpus"] = num_cpus
            ray.init(**kwargs)
        from ray.data import DataContext

        for name in ("ray", "ray.data"):
            logging.getLogger(name).setLevel(logging.ERROR)

        ctx = DataContext.get_current()
        ctx.execution_options.preserve_order = True
        ctx.enable_progress_bars = False
        ctx.print_on_execution_start = False
        self._remote = ray.remote(num_cpus=1)(_run_task)
        self._tasks: dict[str, Any] = {}

    def chunks(self, chunks: Sequence[Chunk], analyse: bool) -> Iterator[tuple[int, bytes]]:
        if not chunks:
            return
        import ray.data

        env = {"env_vars": {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}}
        ds: Any = ray.data.from_items(
            [plan_row(c) for c in chunks], override_num_blocks=len(chunks)
        )
        for stage in chunk_stages(analyse):
            ds = ds.map(stage, runtime_env=env)
        for row in ds.iter_rows():
            yield int(row["chunk"]), bytes(row["data"])

    def submit(self, key: str, task: Task) -> None:
        fn, args = task
        self._tasks[key] = self._remote.remote(fn, *args)

    def finished(self, wait: bool = False) -> list[tuple[str, str]]:
        if not self._tasks:
            return []
        refs = list(self._tasks.values())
        ready, _ = self._ray.wait(refs, num_returns=len(refs), timeout=None if wait else 0)
        done = set(ready)
        keys = [k for k, r in self._tasks.items() if r in done]
        return [(k, self._ray.get(self._tasks.pop(k))) for k in keys]

    def close(self) -> None:
        if self._started:
            self._ray.shutdown()


def _run_task(fn: Callable[..., str], *args: Any) -> str:
    return fn(*args)


def make_engine(
    name: str, workers: int | None = None, address: str | None = None
) -> LocalEngine | RayEngine:
    if name == "local":
        return LocalEngine(workers)
    if name == "ray":
        return RayEngine(address=address, num_cpus=workers)
    raise ValueError(f"unknown engine {name!r}: use 'local' or 'ray'")
