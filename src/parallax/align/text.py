"""Light text helpers the alignment needs: sentences, content words, cue phrases.

Alignment runs after extraction, which normally fills ``Article.sentences``; the
fallback splitter exists so that an article extraction left without sentences
(no figures, or an older extractor) still takes part in consensus and
discord detection instead of silently dropping out. Everything here is regex
based on purpose: the 2-second budget for a 10-article event leaves no room
for a second parse of every article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from parallax.lexicon import cues
from parallax.lexicon.speech import ATTRIBUTION_WORDS, SOURCE_VERBS, SPEAKING_BODIES, alternation
from parallax.lexicon.stopwords import STOPWORDS
from parallax.models import Article, Sentence

_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n|\n(?=\S)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")

#: Longest answer span for a figure or a unique statement; a longer "sentence"
#: (a run-on list, a missed sentence break) is cut around its figure, and is not
#: offered as unique coverage, which a reader takes in at a glance.
MAX_ANSWER_CHARS = 400

_ATTRIBUTION = re.compile(rf"\b{alternation(ATTRIBUTION_WORDS)}\b", re.IGNORECASE)


def split_sentences(text: str) -> list[Sentence]:
    """Sentence spans for an article the extractor left unsplit; offsets index ``text``."""
    out: list[Sentence] = []
    pos = 0
    for m in _SENT_END.finditer(text):
        _add_span(text, pos, m.start(), out)
        pos = m.end()
    _add_span(text, pos, len(text), out)
    return out


def _add_span(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start=start, end=end, text=text[start:end]))


def article_sentences(article: Article) -> list[Sentence]:
    """The extractor's sentences when it produced any, else our own split."""
    return list(article.sentences) if article.sentences else split_sentences(article.text)


def cued_sentences(
    articles: Iterable[Article], cue: re.Pattern[str]
) -> Iterator[tuple[Article, Sentence]]:
    """Sentences worth a parse: those of original English articles that match ``cue`` and
    are not site furniture (a wire copy repeats its original, which speaks once)."""
    for art in articles:
        if art.duplicate_of or (art.language or "en") != "en":
            continue
        for sent in article_sentences(art):
            if cue.search(sent.text) and not is_boilerplate(sent.text):
                yield art, sent


def commonest(values: Sequence[str]) -> str:
    """The value given most often; among ties, the first in sorted order (stable output)."""
    return max(sorted(set(values)), key=values.count)


def content_words(text: str) -> list[str]:
    """Lower-cased content words with a crude plural strip, for lexical overlap."""
    words = []
    for w in _WORD.findall(text.lower()):
        w = re.sub(r"['’]s$", "", w).strip("'’-.,")
        if not w or w in STOPWORDS or w[0].isdigit():
            continue
        if len(w) > 4 and w.endswith("ies"):
            w = w[:-3] + "y"
        elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        words.append(w)
    return words


def jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def is_boilerplate(text: str) -> bool:
    """Site furniture (subscribe prompts, captions, links) and fragments too short to mean much."""
    words = text.split()
    if len(words) < 6 or len(words) > 90:
        return True
    return bool(cues.BOILERPLATE.search(text))


def is_attributed(text: str) -> bool:
    return bool(_ATTRIBUTION.search(text))


# Both alternatives start at a word boundary: without it "Ukrainian officials said"
# yields "krainian officials". Capitalised adjectives ("Russian authorities") count.
_SOURCE_BEFORE = re.compile(
    r"\b(?<!['’])((?:[A-Z][\w'’.-]*\s){0,5}[A-Z][\w'’.-]*|(?:[Tt]he\s)?(?:[A-Za-z]+(?:['’]s)?\s){0,2}"
    rf"{alternation(SPEAKING_BODIES)})\s+(?:has\s|have\s|had\s)?{alternation(SOURCE_VERBS)}\b"
)
_SOURCE_AFTER = re.compile(
    r"\b(?:according to|said|says|told)\s+((?:the\s)?(?:[A-Z][\w'’.-]*\s?){1,6})"
)


#: Sentence openers a capitalised run picks up ("While Ukraine said"): not part of the name.
_LEAD_WORD = re.compile(
    r"^(?:While|But|And|However|Meanwhile|Earlier|Later|Now|Also|Still|Yet|So|Then)\s+"
)


def guess_source(text: str) -> str | None:
    """Who a sentence attributes its statement to, when the extractor gave no source.

    A capitalised name or an institution noun right before a speech verb, or the
    name after "according to"; None when neither is there.
    """
    m = _SOURCE_BEFORE.search(text)
    if m:
        src = _LEAD_WORD.sub("", m.group(1).strip())
        if src.lower() not in {"it", "he", "she", "they", "the", "this", "that"}:
            return src
    m = _SOURCE_AFTER.search(text)
    if m:
        return m.group(1).strip()
    return None
