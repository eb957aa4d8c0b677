"""What a detector is: one kind of cross-outlet difference, found in one event.

Adding a kind of divergence is one module with a class of this shape and one line
in the registry (``align.detectors.DETECTORS``); ``align_event`` runs the
registry in order, so a detector may read what earlier ones left on the
context (``ctx.found``, ``ctx.used_sentences``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from parallax.schema import QuestionAnswer, QuestionKind

if TYPE_CHECKING:
    from parallax.align.context import EventContext


class Detector(Protocol):
    #: A short name, for timings and documentation.
    name: str
    #: The kinds of question it may return (``parallax.schema.KINDS``).
    kinds: tuple[QuestionKind, ...]

    def find(self, ctx: EventContext) -> list[QuestionAnswer]:
        """The questions this kind of difference raises in the event, each with an
        explanation in words of why its answers differ (or agree)."""
        ...
