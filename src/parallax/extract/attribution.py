"""Who an article says a claim comes from.

News attributes a figure once ("the ministry said") and then keeps quoting with
pronouns ("he added", "it noted") or with a quote paragraph after "said:". A reader
compares claims by who made them, so pronouns and generic nouns are resolved to the
last named speaker of the matching kind, and quoted paragraphs inherit the speaker
that introduces them.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

SPEECH_LEMMAS = frozenset(
    [
        "say",
        "tell",
        "report",
        "announce",
        "claim",
        "estimate",
        "confirm",
        "add",
        "insist",
        "note",
        "state",
        "declare",
        "reveal",
        "warn",
        "write",
        "explain",
        "acknowledge",
        "admit",
        "allege",
        "assert",
        "disclose",
        "publish",
        "release",
        "quote",
        "cite",
        "indicate",
        "predict",
        "forecast",
        "project",
        "tweet",
        "post",
        "argue",
        "stress",
        "believe",
        "accuse",
        "deny",
        "show",
        "put",
        "calculate",
        "count",
        "record",
        "register",
        "mention",
        "restate",
        "revise",
        "peg",
        "expect",
        "anticipate",
        "find",
    ]
)
_PERSON_PRONOUNS = frozenset(["he", "she", "him", "her"])
_OTHER_PRONOUNS = frozenset(["it", "they", "we", "i"])
_FIGURE_NOUNS = frozenset(
    ["figure", "figures", "estimate", "estimates", "number", "toll", "data", "tally", "count"]
)
_ESTIMATE_NOUNS = frozenset(
    [
        "forecast",
        "forecasts",
        "estimate",
        "estimates",
        "expectation",
        "expectations",
        "projection",
        "projections",
        "consensus",
        "prediction",
        "predictions",
        "survey",
        "poll",
        "tally",
        "count",
        "data",
        "figures",
        "guidance",
    ]
)
_PREPOSITIONAL = ("according", "per")
_OPEN_QUOTES = '“"«'
_TRIM = " ,;:-–—\"“”'’(“"


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker; offsets are relative to the article text."""

    text: str
    start: int
    end: int
    person: bool


def _trimmed_phrase(head: Token, offset: int) -> Speaker | None:
    drop: set[int] = set()
    for child in head.children:
        if child.dep_ in ("relcl", "acl", "advcl", "punct", "cc") and child.i > head.i:
            drop.update(t.i for t in child.subtree)
    toks = [t for t in head.subtree if t.i not in drop]
    if not toks:
        return None
    doc = head.doc
    start_i, end_i = toks[0].i, toks[-1].i + 1
    while start_i < end_i and (doc[start_i].is_punct or doc[start_i].lower_ in ("and", "but")):
        start_i += 1
    while end_i > start_i and doc[end_i - 1].is_punct:
        end_i -= 1
    if start_i >= end_i:
        return None
    span = doc[start_i:end_i]
    text = span.text.strip(_TRIM)
    if not text:
        return None
    s = span.start_char + span.text.index(text)
    person = any(e.label_ == "PERSON" for e in span.ents) or head.lower_ in _PERSON_PRONOUNS
    return Speaker(text, offset + s, offset + s + len(text), person)


def _speech_subjects(sent: Span, offset: int) -> list[tuple[Token, Speaker]]:
    """(verb, speaker) pairs for speech verbs, passive agents and "according to"."""
    out: list[tuple[Token, Speaker]] = []
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
            to = tok.nbor()
            pobj = [c for c in to.children if c.dep_ == "pobj"] or [
                c for c in tok.children if c.dep_ == "pobj"
            ]
            if pobj:
                spk = _trimmed_phrase(pobj[0], offset)
                if spk:
                    out.append((tok, spk))
            continue
        if tok.lower_ == "per" and tok.dep_ == "prep":
            pobj = [c for c in tok.children if c.dep_ == "pobj"]
            if pobj and pobj[0].pos_ == "PROPN":
                spk = _trimmed_phrase(pobj[0], offset)
                if spk:
                    out.append((tok, spk))
            continue
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in SPEECH_LEMMAS | {"give"}:
            continue
        is_give = tok.lemma_.lower() == "give"
        if is_give and tok.head.lower_ not in _FIGURE_NOUNS:
            continue
        for child in tok.children:
            if child.dep_ in ("nsubj",) and not is_give:
                spk = _trimmed_phrase(child, offset)
                if spk:
                    out.append((tok, spk))
            elif child.dep_ == "agent":
                pobj = [c for c in child.children if c.dep_ == "pobj"]
                if pobj:
                    spk = _trimmed_phrase(pobj[0], offset)
                    if spk:
                        out.append((tok, spk))
    return out


def _is_pronoun(spk: Speaker) -> bool:
    return spk.text.lower() in _PERSON_PRONOUNS | _OTHER_PRONOUNS


def _resolve(spk: Speaker, history: list[Speaker]) -> Speaker:
    """Map "he"/"it"/"the ministry" to the last named speaker that fits."""
    low = spk.text.lower()
    words = low.split()
    if low in _PERSON_PRONOUNS:
        for prev in reversed(history):
            if prev.person:
                return prev
        return spk
    if low in _OTHER_PRONOUNS:
        for prev in reversed(history):
            if not prev.person:
                return prev
        return spk
    if words and words[0] in ("the", "this") and len(words) <= 3 and spk.text[4:5].islower():
        head = words[-1]
        for prev in reversed(history):
            if head in prev.text.lower() and prev.text.lower() != low:
                return prev
    return spk


def _opens_quote(text: str) -> bool:
    return text.lstrip()[:1] in _OPEN_QUOTES


class Attributor:
    """Walks an article's paragraphs in order, keeping the speakers seen so far."""

    def __init__(self) -> None:
        self.history: list[Speaker] = []
        self._intro: Speaker | None = None

    def paragraph(self, doc: Doc, offset: int) -> dict[int, list[tuple[int, Speaker]]]:
        """Speakers per sentence start (token index), as (token index of verb, speaker)."""
        result: dict[int, list[tuple[int, Speaker]]] = {}
        sents = list(doc.sents)
        found: list[list[tuple[int, Speaker]]] = []
        for sent in sents:
            pairs = []
            for verb, spk in _speech_subjects(sent, offset):
                resolved = (
                    _resolve(spk, self.history)
                    if _is_pronoun(spk) or spk.text[:4].lower() in ("the ", "this")
                    else spk
                )
                if not _is_pronoun(resolved):
                    self.history.append(resolved)
                pairs.append((verb.i, resolved))
            found.append(pairs)
        quoted = _opens_quote(doc.text)
        for k, sent in enumerate(sents):
            pairs = found[k]
            if not pairs and quoted:
                later = [p for f in found[k + 1 :] for p in f]
                if later:
                    pairs = [later[0]]
                elif self._intro is not None:
                    pairs = [(-1, self._intro)]
            result[sent.start] = pairs
        last_sent = sents[-1] if sents else None
        self._intro = None
        if last_sent is not None and last_sent.text.rstrip().endswith(":") and found[-1]:
            self._intro = found[-1][-1][1]
        elif quoted and self._intro is None and any(found):
            pass
        return result


def pick_speaker(pairs: list[tuple[int, Speaker]], fig_root: Token) -> Speaker | None:
    """Prefer the speech verb governing the figure, then the nearest one."""
    if not pairs:
        return None
    doc = fig_root.doc
    for vi, spk in pairs:
        if vi >= 0 and doc[vi].is_ancestor(fig_root) and doc[vi].lower_ not in _PREPOSITIONAL:
            return spk
    verbs = [(vi, s) for vi, s in pairs if vi < 0 or doc[vi].lower_ not in _PREPOSITIONAL]
    pool = verbs or pairs
    return min(pool, key=lambda p: abs(p[0] - fig_root.i) if p[0] >= 0 else 0)[1]


def _phrase_speaker(tok: Token, offset: int) -> Speaker | None:
    for child in tok.children:
        if child.dep_ == "poss" and child.lower_ not in _PERSON_PRONOUNS | {"its", "their"}:
            return _trimmed_phrase(child, offset)
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            pobj = [c for c in child.children if c.dep_ == "pobj"]
            if pobj and pobj[0].pos_ in ("PROPN", "NOUN"):
                return _trimmed_phrase(pobj[0], offset)
    return None


def owner_speaker(fig_root: Token, offset: int) -> Speaker | None:
    """Fallback when no one is said to speak: "Refinitiv's forecast of $12.61 billion" is
    Refinitiv's figure, and "Nvidia's revenue rose to $13.51 billion" is Nvidia's."""
    cur = fig_root
    for _ in range(4):
        if cur.lemma_.lower() in _ESTIMATE_NOUNS or cur.lower_ in _ESTIMATE_NOUNS:
            spk = _phrase_speaker(cur, offset)
            if spk:
                return spk
        if cur.head is cur:
            break
        cur = cur.head
    verb = cur if cur.pos_ in ("VERB", "AUX") else None
    if verb is None:
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            for sub in child.children:
                if sub.dep_ == "poss" and sub.ent_type_ == "ORG":
                    return _trimmed_phrase(sub, offset)
    return None
