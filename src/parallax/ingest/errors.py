"""The one exception loaders raise for a bad input.

Its message becomes the ``LoadError.reason`` line as is, so it is written for
the user: what is wrong with this input, not where in the code it failed.
"""

from __future__ import annotations


class IngestError(Exception):
    """An input that cannot give an article; the batch goes on without it."""
