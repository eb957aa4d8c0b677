"""The public API: everything in ``__all__`` resolves, and importing stays cheap."""

from __future__ import annotations

import subprocess
import sys

import parallax


def test_public_api_resolves() -> None:
    for name in parallax.__all__:
        assert getattr(parallax, name) is not None, name


def test_import_does_not_load_spacy() -> None:
    code = "import sys, parallax; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
