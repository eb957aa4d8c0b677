"""The reader-facing parts of a report, derived from the aligned questions: a cited
summary of the divergence, a timeline of dated figures, and each outlet's framing.

Kept apart from alignment so that any Report (from the pipeline, from gold
annotations, from a stored JSON) can be enriched and re-rendered the same way.
"""

from __future__ import annotations

from parallax.align.framing import build_framing
from parallax.report.summary import build_summary
from parallax.report.timeline import build_timeline
from parallax.schema import Report


def enrich(report: Report) -> Report:
    """A copy of ``report`` with summary, timeline and framing rebuilt from its answers."""
    out = report.model_copy(deep=True)
    out.summary = build_summary(out)
    out.timeline = build_timeline(out)
    # Alignment reads the framing once (its labels question comes from it); a report
    # without one (from gold, or stored before) gets it here.
    if not out.framing.outlets and not out.framing.variants:
        out.framing = build_framing(out)
    return out
