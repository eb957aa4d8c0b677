"""Per-article language, so a non-English page is flagged instead of misread."""

from __future__ import annotations

import py3langid

_MIN_WORDS = 3
_SAMPLE_CHARS = 1500
_PROSE_ENDS = (".", "!", "?", '"', "”", "’", "»")


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``; ``None`` when too short to tell.

    The sample is the longest paragraphs: prose, not the menus and country
    lists that scraped pages open with, and a bounded size keeps big pages fast.
    """
    sample = _prose_sample(text)
    if len(sample.split()) < _MIN_WORDS:
        return None
    lang, _score = py3langid.classify(sample)
    return str(lang)


def _prose_sample(text: str) -> str:
    paragraphs = text.split("\n\n")
    prose = [p for p in paragraphs if p.rstrip().endswith(_PROSE_ENDS)] or paragraphs
    picked: list[str] = []
    size = 0
    for para in sorted(prose, key=len, reverse=True):
        if size >= _SAMPLE_CHARS:
            break
        picked.append(para)
        size += len(para)
    return "\n".join(picked)[:_SAMPLE_CHARS]
