"""Turn raw bytes into text, refusing binaries and guessing legacy encodings.

Scraped archives mix UTF-8 with cp1252/latin-1 files; decoding those as UTF-8
with replacement characters would quietly corrupt names and figures, so a
failed UTF-8 decode goes to charset-normalizer instead.
"""

from __future__ import annotations

from pathlib import Path

import charset_normalizer

from parallax.ingest.errors import IngestError

_BINARY_SAMPLE = 8192
_CONTROL_OK = {9, 10, 12, 13, 27}
# Single-byte Latin code pages are near indistinguishable by statistics (a French
# cp1252 text scores as well in cp1257), while legacy news files are almost all
# windows-1252, which is also what browsers read "latin-1" as. So cp1252 wins
# whenever it fits about as well as the best guess.
_WESTERN = "cp1252"
_CHAOS_MARGIN = 0.1


def read_limited(path: Path, max_bytes: int) -> bytes:
    """Read ``path`` whole, refusing files over ``max_bytes`` before reading them."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise IngestError(f"file is {size:,} bytes, over the {max_bytes:,}-byte limit")
        return path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from exc


def _looks_binary(data: bytes) -> bool:
    sample = data[:_BINARY_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in _CONTROL_OK)
    return controls > len(sample) // 20


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode ``data``; return the text and, when not UTF-8, the encoding used."""
    if not data.strip():
        raise IngestError("empty file")
    if _looks_binary(data):
        raise IngestError("binary file, not text")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        raise IngestError("not valid UTF-8 and no other text encoding fits")
    for match in matches:
        if _WESTERN in match.could_be_from_charset and match.chaos <= best.chaos + _CHAOS_MARGIN:
            return str(match), _WESTERN
    return str(best), best.encoding
