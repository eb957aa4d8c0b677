"""Phrase a reader's question from a fact ("How many votes did Tinubu secure?").

There is no generator model in the budget, so questions are built from the
sentences themselves, never from invented words. For figures, the spaCy parse
of one representative claim's sentence gives the frame: a counted noun that is
the subject keeps its verb group ("How many people have been locked up in the
camp?"), an object is asked with "do" and the subject ("How many votes did
Tinubu secure?", a relative pronoun standing for its noun) or in the passive
when there is no named subject ("How many oil refineries were blockaded?"), an
amount is asked by the noun it is "of" or the subject of "be"/"rise to"
("What was the revenue?") or by its verb ("By how much did revenues rise?").
When the parse gives no clean frame, templates fill in from the extractor's
counted noun and predicate ("How many {counted} {predicate}?") or the noun
phrase that leads into the figure. The representative is the claim whose
counted noun most of the fact's claims share, so one odd outlet does not name
the question.

Statement topics are named by a noun chunk of their sentences
(:func:`statement_question`: "What do the outlets say about the Azovstal steel
plant?"): the chunk whose words the other sentences share most, a subject or
object before a prepositional object, figures and quantifiers dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from parallax.align.items import ClaimItem
from parallax.align.text import content_words
from parallax.lexicon.stopwords import STOPWORDS
from parallax.nlp.pipeline import SentenceParser

_CLAUSE_END = re.compile(r"[,;:.!?()\"“”—–]|\s-\s")
_NUMBERISH = re.compile(r"^[$€£]?\d[\d,.]*%?$|^#$")
_PREDICATE_WORDS = 5
#: Lead-ins that already name a count ("The death toll rose to 288").
_QUANTITY_NOUN = re.compile(r"\b(?:toll|number|total|count|tally|figure|turnout)\b", re.I)
_LEAD_WORDS = 8
#: Verbs that connect a subject to its figure ("rose to", "stood at"); a lead-in
#: is cut before them so that the subject alone names the quantity.
_LINK_VERB = re.compile(
    r"^(?:\w+ed|rose|rises|risen|fell|grew|hit|stood|came|put|was|were|is|are|has|have|had|reached|"
    r"totals?|totalled|says?|said|saw|shows?|drew|stands|increases|decreases|dropped|jumps?|"
    r"surges?|climbs?|sits?|remains?|hits?|reports?|adds?|gets?|gained|lost)$",
    re.IGNORECASE,
)


def _clean(words: list[str]) -> list[str]:
    """Drop numbers and trailing function words from a phrase."""
    out = [w for w in words if not _NUMBERISH.match(w)]
    while out and (out[-1].lower() in STOPWORDS or _NUMBERISH.match(out[-1])):
        out.pop()
    return out


#: Words the extractor may hand over as a predicate that only attach the figure
#: to another noun ("a thousand soldiers, including 600 wounded"): no verb to ask with.
_ATTACHING = frozenset({"including", "excluding", "among", "with", "of", "like", "plus"})


def _predicate(item: ClaimItem) -> str:
    words = _clean((item.claim.predicate or "").split()[:_PREDICATE_WORDS])
    if words and words[0].lower() in _ATTACHING:
        return ""
    if words and words[0].lower() == "been":
        # The extractor drops auxiliaries; "have been" reads as a question again.
        words.insert(0, "have")
    return " ".join(words)


def _words_after(item: ClaimItem) -> str:
    """What follows the figure up to the end of its clause: "1,730 *Ukrainian soldiers ...*"."""
    text = item.article.text[item.claim.char_end : item.claim.sent_end]
    text = _CLAUSE_END.split(text, maxsplit=1)[0]
    return " ".join(_clean(text.split()[: _PREDICATE_WORDS + 2]))


def _lead_in(item: ClaimItem) -> str:
    """The noun phrase before the figure, without the verb that links it to the figure."""
    text = item.article.text[item.claim.sent_start : item.claim.char_start]
    text = re.split(r"[,;:.!?()\"“”]", text)[-1]
    words = text.split()[-_LEAD_WORDS:]
    for k, w in enumerate(words):
        if _LINK_VERB.match(w) and k > 0:
            words = words[:k]
            break
    return " ".join(_clean(words))


def _representative(items: Sequence[ClaimItem]) -> ClaimItem:
    nouns = Counter((i.claim.counted or "").lower() for i in items if i.claim.counted)
    if nouns:
        top = nouns.most_common(1)[0][0]
        return next(i for i in items if (i.claim.counted or "").lower() == top)
    return items[0]


def _lower_first(phrase: str) -> str:
    if phrase[:2].istitle() or (phrase[:1].isupper() and phrase[1:2].islower()):
        head, _, rest = phrase.partition(" ")
        if head.lower() in STOPWORDS:
            return f"{head.lower()} {rest}".strip()
    return phrase


def phrase(items: Sequence[ClaimItem], parser: SentenceParser) -> str:
    """A question the fact's claims answer, from the parse of their sentences."""
    rep = _representative(items)
    kind = rep.claim.kind
    if kind == "count":
        parsed = parsed_count_question(rep, parser)
        if parsed:
            return parsed
        counted = " ".join(_clean((rep.claim.counted or "").split()))
        if counted:
            return f"How many {counted} {_predicate(rep)}".strip() + "?"
        after = _words_after(rep)
        if after:
            return f"How many {after}?"
        lead = _lower_first(_lead_in(rep))
        if _QUANTITY_NOUN.search(lead):
            return f"What is {lead}?" if lead.startswith("the ") else f"What is the {lead}?"
        return f"What is the number of {lead}?" if lead else "What number is given?"
    parsed = parsed_amount_question(rep, parser)
    if parsed:
        unit = f" (in {rep.claim.unit})" if kind == "measure" and rep.claim.unit else ""
        return parsed[:-1] + unit + "?"
    lead = _lower_first(_lead_in(rep) or " ".join(_clean((rep.claim.counted or "").split())))
    if lead and not any(t.pos_ in _NOUNISH for t in parser.text(lead)):
        # "putting", "surpassing": a lead-in without a noun names nothing.
        lead = ""
    if kind == "money":
        return f"How much was {lead}?" if lead else "What amount is reported?"
    if kind == "percent":
        return f"What was {lead}?" if lead else "What rate is reported?"
    unit = f" (in {rep.claim.unit})" if rep.claim.unit else ""
    return f"What was {lead}{unit}?" if lead else f"What measure is reported{unit}?"


# --- Statement topics -------------------------------------------------------
#
# A topic of sentences has no counted noun; its question names what the
# sentences are about with a noun phrase taken from them (never invented): the
# noun chunk whose words most of the topic's sentences share, a grammatical
# subject or object before one inside a prepositional phrase.

#: Longest noun phrase (in words, determiner dropped) a question may name.
_MAX_PHRASE_WORDS = 5
#: How much a chunk's grammatical role counts when two chunks share as many words.
_ROLE_RANK = {"nsubj": 3, "nsubjpass": 3, "dobj": 2, "attr": 2, "pobj": 1, "appos": 1}


#: Words that lead a chunk into its count ("hundreds more fighters"), not its subject.
_QUANTIFIERS = frozenset(
    {
        "more", "less", "fewer", "than", "some", "about", "around", "nearly", "almost",
        "over", "under", "several", "many", "few", "dozens", "hundreds", "thousands",
        "millions", "billions", "of", "m", "bn", "k", "million", "billion", "thousand",
    }
)  # fmt: skip


def _chunk_phrase(chunk: Span) -> tuple[str, int] | None:
    """A chunk as a question's noun phrase ("the Azovstal steel plant") and its word count."""
    tokens = [t for t in chunk if not t.is_punct]
    # "more than a thousand Ukrainian soldiers" names the soldiers, not the figure.
    numbers = [k for k, t in enumerate(tokens) if t.like_num or t.pos_ == "NUM"]
    if numbers:
        tokens = tokens[numbers[-1] + 1 :]
    while tokens and tokens[0].lower_ in _QUANTIFIERS:
        tokens = tokens[1:]
    had_det = False
    while tokens and (tokens[0].pos_ in ("DET", "PRON") or tokens[0].dep_ in ("det", "predet")):
        had_det = had_det or tokens[0].pos_ == "DET" or tokens[0].dep_ == "poss"
        tokens = tokens[1:]
    if not tokens or chunk.root.pos_ == "PRON" or len(tokens) > _MAX_PHRASE_WORDS:
        return None
    words = [t.text for t in tokens]
    first = tokens[0]
    if first.i == first.sent.start and first.pos_ != "PROPN" and not first.text.isupper():
        words[0] = words[0].lower()
    text = " ".join(words).replace(" 's", "'s").replace(" ’s", "’s")
    if had_det and chunk.root.pos_ != "PROPN":
        text = f"the {text}"
    return text, len(tokens)


def topic_phrase(docs: Sequence[Doc]) -> str | None:
    """The noun phrase (from the sentences themselves) that best names what they share.

    Chunks are ranked by how many of their content words recur in the other
    sentences, then by grammatical role (subject, object, then the rest), then
    by brevity; pronouns, figures and long chunks are skipped. None when no
    sentence has a usable noun chunk.
    """
    if not docs:
        return None
    words = [set(content_words(d.text)) for d in docs]
    best: tuple[tuple[float, int, int], str] | None = None
    for k, doc in enumerate(docs):
        others = [w for j, w in enumerate(words) if j != k] or [words[k]]
        for chunk in doc.noun_chunks:
            found = _chunk_phrase(chunk)
            if found is None:
                continue
            phrase_text, length = found
            mine = set(content_words(phrase_text))
            if not mine:
                continue
            shared = sum(len(mine & o) for o in others) / len(others)
            key = (round(shared, 3), _ROLE_RANK.get(chunk.root.dep_, 0), -length)
            if best is None or key > best[0]:
                best = (key, phrase_text)
    if best is None or (best[0][0] <= 0 and len(docs) > 1):
        return None
    return best[1]


def statement_question(docs: Sequence[Doc]) -> str | None:
    """ "What do the outlets say about the soldiers' fate?" from the topic's parsed sentences."""
    np_text = topic_phrase(docs)
    return f"What do the outlets say about {np_text}?" if np_text else None


# --- Figures, from the parse of their sentence ------------------------------
#
# "Tinubu secured 8.8 million votes" -> "How many votes did Tinubu secure?";
# "1,730 soldiers have surrendered" -> "How many soldiers have surrendered?";
# "revenue of $13.5 billion" -> "What was the revenue?". Every word comes from
# the sentence; when the parse does not give a clean frame, the templates above
# are used instead.

_MAX_SUBJECT_WORDS = 5
_MAX_OBJECT_WORDS = 4
_NOUNISH = ("NOUN", "PROPN")
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_MODIFIER_DEPS = ("amod", "compound", "nmod", "poss", "case")
#: Prepositions whose object a verb can be asked about ("finished with", "led in");
#: others are mostly time or place adjuncts ("announced after four days").
_COUNT_PREPS = ("with", "in")


def _figure_root(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.root


def _noun_words(noun: Token, skip: set[int]) -> list[Token]:
    """The noun with the modifiers right before it ("Ukrainian soldiers"), figure left out."""
    left = [
        t
        for t in noun.lefts
        if t.dep_ in _MODIFIER_DEPS and t.i not in skip and not (t.like_num or t.pos_ == "NUM")
    ]
    words: list[Token] = []
    for t in left:
        words.extend(x for x in t.subtree if x.i not in skip and not x.is_punct)
    words.append(noun)
    words.sort(key=lambda t: t.i)
    while words and words[0].lower_ in _QUANTIFIERS:
        words = words[1:]
    return words


def _text(tokens: Sequence[Token], sent_start: bool = True) -> str:
    words = [t.text for t in tokens]
    first = tokens[0] if tokens else None
    if (
        first is not None
        and sent_start
        and first.i == first.sent.start
        and first.pos_ != "PROPN"
        and not first.text.isupper()
    ):
        words[0] = words[0].lower()
    return " ".join(words).replace(" 's", "'s").replace(" ’s", "’s").replace(" - ", "-")


def _short_phrase(head: Token, limit: int) -> list[Token] | None:
    """A dependent's whole subtree when short and clean, else None."""
    tokens = [t for t in head.subtree if not t.is_punct]
    if not tokens or len(tokens) > limit or any(t.like_num for t in tokens):
        return None
    return tokens


def _head_only(token: Token) -> list[Token] | None:
    """A complement alone, with its determiner and adjectives ("the arms", "present")."""
    if token.like_num or token.pos_ == "PRON":
        return None
    left = [t for t in token.lefts if t.dep_ in ("det", "amod", "compound", "poss")]
    words = [*left, token]
    return words if len(words) <= _MAX_OBJECT_WORDS else None


def _verb_group(verb: Token, skip: set[int]) -> list[Token]:
    """Auxiliaries, the verb, its particle and a short object or prepositional phrase."""
    out = [t for t in verb.lefts if t.dep_ in ("aux", "auxpass", "neg") and t.lower_ != "to"]
    out.append(verb)
    out.extend(t for t in verb.rights if t.dep_ == "prt")
    rest: list[Token] | None = None
    for t in verb.rights:
        if t.i in skip:
            continue
        if t.dep_ in ("dobj", "acomp", "attr", "oprd"):
            # "present in this huge complex" is too long; "present" still says it.
            rest = _short_phrase(t, _MAX_OBJECT_WORDS) or _head_only(t)
            break
        if t.dep_ in ("prep", "agent"):
            rest = _short_phrase(t, _MAX_OBJECT_WORDS + 1)
            break
    if rest:
        out.extend(rest)
    return sorted(out, key=lambda t: t.i)


def _subject_of(verb: Token, skip: set[int]) -> str | None:
    """The verb's subject as a short phrase; a relative pronoun ("Atiku, who finished")
    stands for the noun its clause hangs on, and a long subject is cut to its head
    noun with the words right before it ("Fox's telecast")."""
    subjects = [t for t in verb.lefts if t.dep_ == "nsubj"]
    if len(subjects) != 1:
        return None
    subj = subjects[0]
    if subj.tag_ in ("WP", "WDT") and verb.dep_ == "relcl" and verb.head.pos_ in _NOUNISH:
        subj = verb.head
    if subj.pos_ == "PRON" or subj.i in skip:
        return None
    phrase = _short_phrase(subj, _MAX_SUBJECT_WORDS)
    if phrase is None or (verb.dep_ == "relcl" and subj is verb.head):
        phrase = _noun_words(subj, skip)
        det = [t for t in subj.lefts if t.dep_ == "det" and t.lower_ == "the"]
        phrase = [*det, *phrase]
    if not phrase or len(phrase) > _MAX_SUBJECT_WORDS or any(t.i in skip for t in phrase):
        return None
    return _text(phrase)


def _do_question(verb: Token, skip: set[int]) -> str | None:
    """ "did Tinubu secure" / "has Tinubu secured": the verb asked about its object."""
    who = _subject_of(verb, skip)
    if who is None:
        return None
    auxes = [t for t in verb.lefts if t.dep_ in ("aux", "auxpass") and t.lower_ != "to"]
    prt = " ".join(t.text for t in verb.rights if t.dep_ == "prt")
    if auxes:
        tail = " ".join(t.text for t in auxes[1:])
        return " ".join(w for w in (auxes[0].lower_, who, tail, verb.text, prt) if w)
    tag = verb.tag_
    if tag == "VBN" and verb.dep_ in ("ROOT", "conj", "relcl"):
        # A finite verb with a subject and no auxiliary is past tense, whatever its tag.
        tag = "VBD"
    aux = {"VBD": "did", "VBZ": "does", "VBP": "do"}.get(tag)
    if aux is None or not verb.lemma_.isalpha():
        return None
    return " ".join(w for w in (aux, who, verb.lemma_.lower(), prt) if w)


def _figure_token(item: ClaimItem, parser: SentenceParser) -> tuple[Token, set[int]] | None:
    """The token that heads the claim's figure in its parsed sentence, and the token
    indices of the figure's own phrase (which a question must not repeat)."""
    c = item.claim
    doc = parser.sentence(c.aid, c.sent_start, item.sentence)
    root = _figure_root(doc, c.char_start - c.sent_start, c.char_end - c.sent_start)
    if root is None:
        return None
    return root, {t.i for t in root.subtree}


def parsed_count_question(item: ClaimItem, parser: SentenceParser) -> str | None:
    """A count question built from the parse of the claim's sentence, or None."""
    found = _figure_token(item, parser)
    if found is None:
        return None
    root, skip = found
    noun: Token | None = None
    counted_of = False
    if root.dep_ in ("nummod", "quantmod", "amod") and root.head.pos_ in _NOUNISH:
        noun = root.head
        skip = {t.i for t in root.subtree}
    elif root.pos_ in _NOUNISH and not root.like_num:
        of = [p for p in root.rights if p.lower_ == "of"]
        objs = [t for p in of for t in p.children if t.dep_ == "pobj"]
        noun = objs[0] if objs else None
        skip = {root.i, *(p.i for p in of)}
        counted_of = True
    if noun is None or noun.pos_ not in _NOUNISH or noun.lower_ in _QUANTIFIERS:
        return None
    # Words before the figure qualify the count, not the thing counted ("the last 531
    # people", "Nigeria's 36 states").
    first = min(t.i for t in root.subtree)
    words = [t for t in _noun_words(noun, skip) if t.i > first]
    if not words or len(words) > _MAX_OBJECT_WORDS:
        return None
    counted = _text(words)
    head = root if counted_of else noun
    verb = head.head
    skip |= {t.i for t in words} | {head.i}
    if head.dep_ in _SUBJECT_DEPS and verb.pos_ in ("VERB", "AUX"):
        if any(t.dep_ == "expl" for t in verb.lefts):
            return f"How many {counted} {verb.lower_} there?"
        group = _verb_group(verb, skip)
        if verb.lemma_ == "be" and len(group) == 1:
            return None
        return f"How many {counted} {_text(group, False)}?"
    if head.dep_ == "attr" and any(t.dep_ == "expl" for t in verb.lefts):
        return f"How many {counted} {verb.lower_} there?"
    if head.dep_ == "dobj" and verb.pos_ == "VERB":
        asked = _do_question(verb, skip)
        if asked:
            return f"How many {counted} {asked}?"
        if verb.tag_ in ("VBD", "VBN") and verb.lower_.endswith("ed"):
            return f"How many {counted} were {verb.lower_}?"
    prep = head.head
    if (
        head.dep_ == "pobj"
        and prep.lower_ in _COUNT_PREPS
        and prep.dep_ == "prep"
        and prep.head.pos_ == "VERB"
    ):
        # "Atiku, who finished second with 6,984,520 votes" -> "... did Atiku finish with?"
        asked = _do_question(prep.head, skip)
        if asked:
            return f"How many {counted} {asked} {prep.lower_}?"
    return None


def parsed_amount_question(item: ClaimItem, parser: SentenceParser) -> str | None:
    """ "What was the revenue?": the noun an amount or rate is "of", or the subject of "be"."""
    found = _figure_token(item, parser)
    if found is None:
        return None
    root, skip = found
    share = _share_question(root) if item.claim.kind == "percent" else None
    if share:
        return share
    named: Token | None = None
    if root.dep_ == "pobj" and root.head.lower_ in ("of", "at") and root.head.head.pos_ in _NOUNISH:
        named = root.head.head
    elif root.dep_ in ("attr", "acomp") and root.head.lemma_ == "be":
        subjects = [t for t in root.head.lefts if t.dep_ == "nsubj"]
        named = subjects[0] if subjects else None
    if (named is None and root.head.pos_ == "VERB") or root.head.dep_ == "prep":
        asked = _amount_by_verb(root, skip, item.claim.kind)
        if asked:
            return asked
    if named is None or named.pos_ not in _NOUNISH or named.i in skip:
        return None
    words = _noun_words(named, skip)
    if not words or len(words) > _MAX_OBJECT_WORDS:
        return None
    det = any(t.dep_ == "det" for t in named.lefts) or named.pos_ == "NOUN"
    owner = any(t.dep_ == "poss" for t in named.lefts)
    np_text = _text(words)
    if det and not owner and not np_text[:1].isupper():
        np_text = f"the {np_text}"
    verb = "were" if named.tag_ in ("NNS", "NNPS") else "was"
    return f"What {verb} {np_text}?"


def _amount_by_verb(root: Token, skip: set[int], kind: str) -> str | None:
    """ "By how much did revenue rise?" / "What did net income rise to?" / "How much had
    analysts estimated?": an amount or rate asked through the verb it hangs on."""
    if root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.pos_ == "VERB":
        prep, verb = root.head, root.head.head
        asked = _do_question(verb, skip | {prep.i})
        if asked is None:
            return None
        if prep.lower_ == "by":
            return f"By how much {asked}?"
        if prep.lower_ == "to":
            # "Net income rose to $6.19 billion": the amount is what the subject now is.
            who = _subject_of(verb, skip | {prep.i})
            return f"What was {who}?" if who else None
        if prep.lower_ == "at":
            return f"What {asked} at?"
        return None
    if root.dep_ == "dobj" and root.head.pos_ == "VERB":
        asked = _do_question(root.head, skip)
        if asked:
            lead = "How much" if kind == "money" else "What"
            return f"{lead} {asked}?"
    return None


def _share_question(root: Token) -> str | None:
    """ "80% of trains were canceled" -> "What share of trains were canceled?"."""
    of = [p for p in root.rights if p.lower_ == "of"]
    objs = [t for p in of for t in p.children if t.dep_ == "pobj" and t.pos_ in _NOUNISH]
    verb = root.head
    if not objs or root.dep_ not in _SUBJECT_DEPS or verb.pos_ not in ("VERB", "AUX"):
        return None
    skip = {root.i, *(p.i for p in of)}
    words = _noun_words(objs[0], skip)
    if not words or len(words) > _MAX_OBJECT_WORDS:
        return None
    skip |= {t.i for t in root.subtree}
    group = _verb_group(verb, skip)
    if verb.lemma_ == "be" and len(group) == 1:
        return None
    return f"What share of {_text(words, False)} {_text(group, False)}?"
