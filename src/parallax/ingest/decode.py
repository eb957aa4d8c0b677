"""Turn raw bytes into text, refusing binaries and guessing legacy encodings.

Scraped archives mix UTF-8 with cp1252/latin-1 files; decoding those as UTF-8
with replacement characters would quietly corrupt names and figures, so a
failed UTF-8 decode goes to charset-normalizer instead. Two exceptions come
first: a byte order mark says the encoding outright (UTF-16 and UTF-32 files
are full of NUL bytes and would otherwise read as binary), and a UTF-8 file
with a stray byte or two is still UTF-8: its valid multi-byte characters
outnumber the bad bytes, and guessing a single-byte code page for the whole
file would turn every one of them into mojibake ("Zelensky‚Äôs").
"""

from __future__ import annotations

import codecs
import os
import stat
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


_CHUNK = 1 << 20
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _not_regular(mode: int) -> str:
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"


def read_limited(path: Path, max_bytes: int) -> bytes:
    """Read ``path`` whole, up to ``max_bytes``; refuse anything but a regular file.

    The size is checked while reading, not only from ``stat``: a symlink to
    /dev/zero or a file that grows reports a small size and never ends. The
    file is opened non-blocking and checked on its descriptor, so a FIFO is
    refused at once instead of waiting for a writer that never comes.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise IngestError(f"{_not_regular(info.st_mode)}, not a regular file")
        if info.st_size > max_bytes:
            raise IngestError(f"file is {info.st_size:,} bytes, over the {max_bytes:,}-byte limit")
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(fd, _CHUNK):
            size += len(chunk)
            if size > max_bytes:
                raise IngestError(f"file is over the {max_bytes:,}-byte limit")
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from exc
    finally:
        os.close(fd)


def _looks_binary(data: bytes) -> bool:
    sample = data[:_BINARY_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in _CONTROL_OK)
    return controls > len(sample) // 20


# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one. A UTF-8 mark is
# only dropped: the rest is read as any UTF-8 file.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)


def _by_bom(data: bytes) -> tuple[str, str] | None:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise IngestError(
                    f"starts with a {name} byte order mark but is not {name}"
                ) from exc
            return text, f"decoded as {name} (byte order mark)"
    return None


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few bad bytes, decoded with U+FFFD in their place, or ``None``."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    wide = sum(1 for ch in text if ord(ch) > 127) - text.count("\ufffd")
    if bad <= 0 or wide < bad:
        return None
    noun = "byte" if bad == 1 else "bytes"
    return text, f"{bad} {noun} not valid UTF-8, shown as \ufffd"


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode ``data``; return the text and a note when it was not plain UTF-8.

    The note ("decoded as cp1252", "2 bytes not valid UTF-8, ...") becomes an
    article warning, so a reader knows the text was repaired or guessed.
    """
    if not data.strip():
        raise IngestError("empty file")
    marked = _by_bom(data)
    if marked is not None:
        if not marked[0].strip():
            raise IngestError("empty file")
        return marked
    data = data.removeprefix(codecs.BOM_UTF8)
    if _looks_binary(data):
        raise IngestError("binary file, not text")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    nearly = _mostly_utf8(data)
    if nearly is not None:
        return nearly
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        raise IngestError("not valid UTF-8 and no other text encoding fits")
    for match in matches:
        if _WESTERN in match.could_be_from_charset and match.chaos <= best.chaos + _CHAOS_MARGIN:
            return str(match), f"decoded as {_WESTERN}"
    return str(best), f"decoded as {best.encoding}"
