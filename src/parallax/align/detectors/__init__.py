"""The registry of detectors: every kind of cross-outlet difference ``align_event`` looks for.

Order matters where a detector reads what an earlier one left on the context:
unique coverage in words skips sentences the figures already cite, and the
framing labels read the questions found before them. A new detector is one
module and one line here.
"""

from __future__ import annotations

from parallax.align.detectors.base import Detector
from parallax.align.detectors.causes import Causes
from parallax.align.detectors.certainty import CertaintyDetector
from parallax.align.detectors.dates import Dates
from parallax.align.detectors.figures import Figures
from parallax.align.detectors.judgements import Judgements
from parallax.align.detectors.labels import Labels
from parallax.align.detectors.places import Places
from parallax.align.detectors.polarity import Polarity
from parallax.align.detectors.ranks import Ranks
from parallax.align.detectors.topics import Topics
from parallax.align.detectors.unique import UniqueStatements

DETECTORS: tuple[Detector, ...] = (
    Figures(),
    Topics(),
    Causes(),
    CertaintyDetector(),
    Polarity(),
    Judgements(),
    Places(),
    Ranks(),
    Dates(),
    UniqueStatements(),
    Labels(),
)

__all__ = ["DETECTORS", "Detector"]
