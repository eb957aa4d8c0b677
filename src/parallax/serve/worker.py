"""Analyses run on one background thread, so adding an article returns at once.

Requests only commit articles and ask for an analysis; the worker takes events one at
a time and analyses each with every article it holds by then. It starts an event's
analysis once no article has arrived for ``settle`` seconds, so a burst of uploads costs
one analysis, not one per article. An article committed during an analysis asks again,
and the event is analysed once more afterwards: nothing added is left out of the report.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from parallax.store import Store

log = logging.getLogger("parallax.serve")


@dataclass
class EventState:
    queued: bool = False
    running: bool = False
    error: str | None = None
    last_seconds: float | None = None


class Analyzer:
    def __init__(
        self, store: Store, on_done: Callable[[str, int], None], settle: float = 1.0
    ) -> None:
        self._store = store
        self._on_done = on_done
        self._settle = settle
        self._states: dict[str, EventState] = {}
        #: Events waiting, with the time each may start (the last request plus settle).
        self._due: dict[str, float] = {}
        self._cond = threading.Condition()
        self._stop = False
        self._thread = threading.Thread(target=self._run, name="parallax-analyzer", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify_all()
        self._thread.join(timeout)

    def schedule(self, eid: str) -> None:
        with self._cond:
            state = self._states.setdefault(eid, EventState())
            state.queued = True
            self._due[eid] = time.monotonic() + self._settle
            self._cond.notify_all()

    def state(self, eid: str) -> EventState:
        with self._cond:
            s = self._states.get(eid, EventState())
            return EventState(s.queued, s.running, s.error, s.last_seconds)

    def busy(self, eid: str) -> bool:
        s = self.state(eid)
        return s.queued or s.running

    def wait(self, eid: str, timeout: float) -> bool:
        """Block until the event has no analysis queued or running; False on timeout."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                s = self._states.get(eid)
                if s is None or not (s.queued or s.running):
                    return True
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)

    def _run(self) -> None:
        from parallax.store.analysis import analyze_event

        while True:
            with self._cond:
                while True:
                    if self._stop:
                        return
                    now = time.monotonic()
                    ready = [e for e, due in self._due.items() if due <= now]
                    if ready:
                        eid = min(ready, key=self._due.__getitem__)
                        break
                    soonest = min(self._due.values(), default=None)
                    self._cond.wait(None if soonest is None else soonest - now)
                del self._due[eid]
                state = self._states[eid]
                state.queued, state.running = False, True
            error, seconds, analysis_id = None, None, None
            try:
                # Asked twice for the same articles (one commit during the last run):
                # nothing new to analyse.
                if self._store.event(eid).stale:
                    outcome = analyze_event(self._store, eid)
                    seconds, analysis_id = outcome.seconds, outcome.analysis_id
            except Exception as exc:  # shown on the event page; the worker carries on
                log.exception("analysis of %s failed", eid)
                error = f"{type(exc).__name__}: {exc}"
            if analysis_id is not None:
                self._on_done(eid, analysis_id)
            with self._cond:
                state.running = False
                state.error = error
                if seconds is not None:
                    state.last_seconds = seconds
                self._cond.notify_all()
