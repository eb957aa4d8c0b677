"""Cross-outlet alignment: which outlets agree, which differ, and how.

``align_event(articles, eid)`` builds the event's context (``EventContext``: its
articles, voices, embeddings and parses, built once) and runs every detector of
the registry (``detectors.DETECTORS``) on it. A detector is one kind of
difference (``Detector``: a name, the kinds of question it returns, and
``find(ctx)``):

* ``Figures``           the same quantity across outlets: claims -> facts
                        (``facts``: a fitted pair score, clustered with the links the
                        text states, ``links``) -> answer groups (``values``) -> a kind
                        (``kinds``, explained in words by ``explain``) and a question
                        phrased from the parse (``questions``);
* ``Topics``            statements of several voices on one point: consensus,
                        attribution or factual conflict (answers grouped by
                        ``answers``, tuned on NAnCo);
* ``Places``            a place outlets locate by different places;
* ``Ranks``             a thing outlets rank differently ("the fourth deadliest" /
                        "the deadliest in decades");
* ``Dates``             an event outlets date on different days;
* ``UniqueStatements``  what only one outlet says, in words;
* ``Labels``            loaded words for the people in the story (framing).

Shared steps: one clustering (``cluster``), the "several voices, different
answers" helpers (``grouping``), how answers cite the text (``citing``), and the
word data of ``parallax.lexicon``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from parallax.align.context import EventContext as EventContext
    from parallax.align.detectors import DETECTORS as DETECTORS
    from parallax.align.detectors import Detector as Detector
    from parallax.align.event import align_event as align_event

__all__ = ["DETECTORS", "Detector", "EventContext", "align_event"]

_LAZY = {
    "align_event": "parallax.align.event",
    "EventContext": "parallax.align.context",
    "DETECTORS": "parallax.align.detectors",
    "Detector": "parallax.align.detectors",
}


def __getattr__(name: str) -> Any:
    # Imported lazily so that importing one alignment module does not load them all,
    # and the CLI stays fast to start.
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(name)
    from importlib import import_module

    return getattr(import_module(module), name)
