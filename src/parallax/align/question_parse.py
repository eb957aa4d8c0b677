"""Questions read off the parse of one figure's sentence ("How many votes did Tinubu secure?").

There is no generator model in the budget, so questions are built from the
sentences themselves, never from invented words. A counted noun that is the
subject keeps its verb group ("How many people have been locked up in the
camp?"), an object is asked with "do" and the subject ("How many votes did
Tinubu secure?", a relative pronoun standing for its noun) or in the passive
when there is no named subject ("How many oil refineries were blockaded?"), an
amount is asked by the noun it is "of" or the subject of "be"/"rise to"
("What was the revenue?") or by its verb ("By how much did revenues rise?").
Each builder returns None when the parse gives no clean frame; ``questions``
then asks from the claim frame instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from parallax.align.items import ClaimItem
from parallax.lexicon.measures import CHANGE_VERBS, GENERIC_NOUNS, POSSESSION_VERBS
from parallax.lexicon.people import PERSON_WORDS
from parallax.lexicon.questions import IRREGULAR_PARTICIPLES, UNIT_WORDS
from parallax.nlp.pipeline import SentenceParser

#: Words that lead a phrase into its count ("hundreds more fighters"), not its subject.
QUANTIFIERS = frozenset(
    {
        "more", "less", "fewer", "than", "some", "about", "around", "nearly", "almost",
        "over", "under", "several", "many", "few", "dozens", "hundreds", "thousands",
        "millions", "billions", "of", "m", "bn", "k", "million", "billion", "thousand",
    }
)  # fmt: skip

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
    words.extend(t for t in noun.rights if _in_name(t) and t.i not in skip)
    words.sort(key=lambda t: t.i)
    while words and words[0].lower_ in QUANTIFIERS:
        words = words[1:]
    return words


def _text(tokens: Sequence[Token], sent_start: bool = True) -> str:
    words = [t.text for t in tokens]
    first = tokens[0] if tokens else None
    if (
        first is not None
        and sent_start
        and (first.i == first.sent.start or (first.pos_ == "NOUN" and not first.ent_type_))
        and first.pos_ != "PROPN"
        and not first.text.isupper()
    ):
        # A sentence's first word, or a common noun a headline capitalised ("Emergency
        # workers"), is lower case inside a question.
        words[0] = words[0].lower()
    return " ".join(words).replace(" 's", "'s").replace(" ’s", "’s").replace(" - ", "-")


def _in_name(tok: Token) -> bool:
    """A number that is part of a name: "S&P 500", "Boeing 737"."""
    return tok.dep_ == "nummod" and tok.head.pos_ == "PROPN" and tok.head.i < tok.i


def _short_phrase(head: Token, limit: int) -> list[Token] | None:
    """A dependent's whole subtree when short and clean, else None."""
    tokens = [t for t in head.subtree if not t.is_punct]
    if not tokens or len(tokens) > limit or any(t.like_num and not _in_name(t) for t in tokens):
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
            rest = _short_phrase(t, _MAX_OBJECT_WORDS + 1) or _outer_phrase(t)
            break
    if rest:
        out.extend(rest)
    return sorted(out, key=lambda t: t.i)


def _outer_phrase(prep: Token) -> list[Token] | None:
    """A prepositional phrase without the phrases nested in it: "in areas directly
    affected (by the rain and floods)"."""
    # A participle whose own phrase is cut still says which ("areas directly affected");
    # an "-ing" form does not ("the aircraft arriving").
    nested = {
        t.i
        for c in prep.subtree
        if c != prep
        and (c.dep_ in ("prep", "agent", "relcl") or (c.dep_ == "acl" and c.tag_ != "VBN"))
        for t in c.subtree
    }
    tokens = [t for t in prep.subtree if t.i not in nested and not t.is_punct]
    if len(tokens) < 2 or len(tokens) > _MAX_OBJECT_WORDS + 1 or any(t.like_num for t in tokens):
        return None
    return tokens


#: Entity types that cannot be who did something in a question ("did Monday report").
_NOT_AGENTS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT")
_PLACES = ("GPE", "LOC", "FAC")


def _relative_head(verb: Token) -> Token:
    """The noun a relative clause stands for: "the 1993 crash at Mokpo, which killed 68
    people" is about the crash, not the place the parse hung the clause on."""
    head = verb.head
    prep = head.head
    if (
        (head.ent_type_ in _PLACES or head.pos_ == "PROPN")
        and head.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.head.pos_ == "NOUN"
    ):
        return prep.head
    return head


def _subject_of(verb: Token, skip: set[int]) -> str | None:
    """The verb's subject as a short phrase; a relative pronoun ("Atiku, who finished")
    stands for the noun its clause hangs on, and a long subject is cut to its head
    noun with the words right before it ("Fox's telecast")."""
    subjects = [t for t in verb.lefts if t.dep_ in _SUBJECT_DEPS]
    if len(subjects) != 1:
        return None
    subj = subjects[0]
    if subj.tag_ in ("WP", "WDT") and verb.dep_ == "relcl" and verb.head.pos_ in _NOUNISH:
        subj = _relative_head(verb)
    if subj.pos_ == "PRON" or subj.i in skip or subj.ent_type_ in _NOT_AGENTS:
        return None
    phrase = _short_phrase(subj, _MAX_SUBJECT_WORDS)
    if phrase is None or (verb.dep_ == "relcl" and subj.is_ancestor(verb)):
        phrase = _noun_words(subj, skip)
        det = [t for t in subj.lefts if t.dep_ == "det" and t.lower_ in ("the", "a", "an")]
        if det and det[0].lower_ != "the" and phrase and len(phrase) < _MAX_SUBJECT_WORDS:
            # "an explosion that killed 179": the question asks about that explosion.
            if any(t.i in skip for t in phrase):
                return None
            return f"the {_text(phrase, False)}"
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
    elif (root.pos_ in _NOUNISH and not root.like_num) or (
        # "killed 129 of 166 passengers": the count is of the noun after "of".
        root.like_num and root.dep_ in ("dobj", *_SUBJECT_DEPS)
    ):
        of = [p for p in root.rights if p.lower_ == "of"]
        objs = [t for p in of for t in p.children if t.dep_ == "pobj"]
        noun = objs[0] if objs else None
        skip = {root.i, *(p.i for p in of)}
        counted_of = True
    if noun is None or noun.pos_ not in _NOUNISH or noun.lower_ in QUANTIFIERS:
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
            return _there_question(counted, verb, head, skip)
        if not _finite(verb) or any(c.dep_ == "mark" and c.lower_ == "with" for c in verb.children):
            # "with two people still missing": a clause without a tense asks nothing.
            return None
        group = _verb_group(verb, skip)
        if verb.lemma_ == "be" and len(group) == 1:
            return _fronted_place(counted, verb, skip)
        return f"How many {counted} {_text(group, False)}?"
    if head.dep_ == "attr" and any(t.dep_ == "expl" for t in verb.lefts):
        return _there_question(counted, verb, head, skip)
    if head.dep_ == "attr" and verb.lemma_ == "be":
        return _fronted_place(counted, verb, skip)
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


def _is_figure(tok: Token) -> bool:
    return tok.like_num or any(c.like_num for c in tok.children if c.i < tok.i)


def _finite(verb: Token) -> bool:
    return verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        t.dep_ in ("aux", "auxpass") and t.lower_ != "to" for t in verb.lefts
    )


#: Prepositions of place, which a fronted phrase must start with to say where.
_WHERE_PREPS = frozenset(
    ["in", "on", "at", "aboard", "onboard", "inside", "near", "among", "across", "around"]
)


def _fronted_place(counted: str, verb: Token, skip: set[int]) -> str | None:
    """ "Aboard the aircraft arriving from Bangkok were 181 people" -> "How many people
    were aboard the aircraft?": the place before "be" says where they were."""
    where = [t for t in verb.lefts if t.dep_ == "prep" and t.i not in skip]
    if not where or where[0].lower_ not in _WHERE_PREPS:
        # "which, according to Microsoft, was about 8.5 million devices": not a place.
        return None
    phrase = _short_phrase(where[0], _MAX_OBJECT_WORDS + 1) or _outer_phrase(where[0])
    if phrase is None:
        return None
    return f"How many {counted} {verb.lower_} {_text(phrase)}?"


def _there_question(counted: str, verb: Token, noun: Token, skip: set[int]) -> str:
    """ "There were 181 people on board" -> "How many people were on board?"."""
    for t in [*noun.rights, *verb.rights]:
        if t.dep_ == "prep" and t.i not in skip and t.i > noun.i:
            phrase = _short_phrase(t, _MAX_OBJECT_WORDS)
            if phrase:
                return f"How many {counted} {verb.lower_} {_text(phrase, False)}?"
    return f"How many {counted} {verb.lower_} there?"


def parsed_amount_question(item: ClaimItem, parser: SentenceParser) -> str | None:
    """ "What was the revenue?": the noun an amount or rate is "of", or the subject of "be"."""
    found = _figure_token(item, parser)
    if found is None:
        return None
    root, skip = found
    share = _share_question(root) if item.claim.kind == "percent" else None
    if share:
        return share
    # "to about 3.4% this year and 3.8% in 2023": the second figure stands where the first does.
    while root.dep_ == "conj" and root.head.i < root.i and _is_figure(root.head):
        root = root.head
        skip |= {t.i for t in root.subtree}
    # "in the region of 18,000", "a range of 2.25% to 2.5%": the generic noun stands in for
    # the figure, and the question is asked where it stands.
    while (
        root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and root.head.head.lower_ in GENERIC_NOUNS
        and not any(t.dep_ in ("amod", "compound") for t in root.head.head.lefts)
    ):
        root = root.head.head
        skip |= {t.i for t in root.subtree}
    moved = _moved_question(root, skip)
    if moved:
        return moved
    named: Token | None = None
    if root.dep_ == "pobj" and root.head.lower_ in ("of", "at") and root.head.head.pos_ in _NOUNISH:
        named = root.head.head
    elif root.dep_ in ("attr", "acomp") and root.head.lemma_ == "be":
        subjects = [t for t in root.head.lefts if t.dep_ == "nsubj"]
        named = subjects[0] if subjects else None
    if (named is None and root.head.pos_ == "VERB") or root.head.dep_ == "prep":
        forecast = item.claim.status in ("forecast", "projected")
        asked = _amount_by_verb(root, skip, item.claim.kind, forecast)
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


def participle(verb: Token) -> str | None:
    """The past participle of a verb ("raise" -> "raised", "win" -> "won")."""
    if verb.tag_ == "VBN":
        return verb.lower_
    lemma = verb.lemma_.lower()
    if not lemma.isalpha():
        return None
    if lemma in IRREGULAR_PARTICIPLES:
        return IRREGULAR_PARTICIPLES[lemma]
    if lemma.endswith("e"):
        return f"{lemma}d"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return f"{lemma[:-1]}ied"
    return f"{lemma}ed"


def _raised_to(verb: Token, skip: set[int], forecast: bool) -> str | None:
    """ "to raise rates to about 3.4%" -> "What were rates raised to?" (or, offered as a
    forecast, "What are rates expected to be raised to?")."""
    if verb.lemma_.lower() not in CHANGE_VERBS:
        return None
    objs = [t for t in verb.rights if t.dep_ == "dobj" and t.i not in skip]
    if not objs or objs[0].pos_ not in _NOUNISH or objs[0].lemma_.lower() in UNIT_WORDS:
        # "adding another percentage point": a unit says by how much, not what moved.
        return None
    obj = _short_phrase(objs[0], _MAX_OBJECT_WORDS) or _head_only(objs[0])
    done = participle(verb)
    if not obj or done is None:
        return None
    plural = objs[0].tag_ in ("NNS", "NNPS")
    if forecast:
        return f"What {'are' if plural else 'is'} {_text(obj)} expected to be {done} to?"
    return f"What {'were' if plural else 'was'} {_text(obj)} {done} to?"


def _amount_by_verb(root: Token, skip: set[int], kind: str, forecast: bool = False) -> str | None:
    """ "By how much did revenue rise?" / "What did net income rise to?" / "How much had
    analysts estimated?": an amount or rate asked through the verb it hangs on."""
    if root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.pos_ == "VERB":
        prep, verb = root.head, root.head.head
        asked = _do_question(verb, skip | {prep.i})
        if prep.lower_ == "to" and asked is None:
            # "expected to raise rates to about 3.4%": no subject, so the object is asked.
            return _raised_to(verb, skip | {prep.i}, forecast)
        if asked is None:
            return None
        if prep.lower_ == "by":
            # "raised interest rates by 75 basis points": the object says what moved.
            objs = [t for t in verb.rights if t.dep_ == "dobj" and t.i not in skip]
            obj = None
            if objs:
                obj = _short_phrase(objs[0], _MAX_OBJECT_WORDS) or _head_only(objs[0])
            return f"By how much {asked} {_text(obj, False)}?" if obj else f"By how much {asked}?"
        if prep.lower_ == "to":
            objs = [t for t in verb.rights if t.dep_ == "dobj" and t.i not in skip]
            obj = _short_phrase(objs[0], _MAX_OBJECT_WORDS) if objs else None
            if obj:
                # "Policy makers lifted the target range to 2.25%": what the object reached.
                return f"What {asked} {_text(obj, False)} to?"
            if objs or any(t.dep_ == "aux" and t.tag_ == "MD" for t in verb.lefts):
                # "the tally could climb to 20,000": a bound, not what the subject now is.
                return f"What {asked} to?"
            # "Net income rose to $6.19 billion": the amount is what the subject now is.
            subjects = [t for t in verb.lefts if t.dep_ in _SUBJECT_DEPS]
            if subjects and (
                subjects[0].ent_type_ in ("PERSON", "ORG", "NORP")
                or subjects[0].lower_ in PERSON_WORDS
            ):
                return None
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


def _moved_question(root: Token, skip: set[int]) -> str | None:
    """ "The S&P 500 was up about 1.3%" -> "By how much was the S&P 500 up?"."""
    adv = root.head
    verb = adv.head
    if adv.lower_ not in ("up", "down") or verb.lemma_ != "be" or adv == verb:
        return None
    who = _subject_of(verb, skip | {adv.i})
    return f"By how much {verb.lower_} {who} {adv.lower_}?" if who else None


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


# --- Figures a compound, a "since" or a verb of possession frames --------------

#: Units of time: a figure compounded with one is a duration ("a two-day meeting").
_TIME_UNITS = frozenset(
    ["second", "minute", "hour", "day", "week", "month", "year", "decade", "century"]
)
#: Units a compound figure of which is no size of its noun ("a 7.4-magnitude quake",
#: "a 75-basis-point hike"): other questions ask about those.
_NOT_SIZES = frozenset(["magnitude", "point", "percent", "cent", "degree"])
_COMPOUND = re.compile(r"(?:.*\s)?[\w.,]+-([A-Za-z]+)")


def _plural(unit: str, counted: str | None) -> str:
    if counted and counted.split()[-1].lower().startswith(unit[:3]):
        return counted.split()[-1].lower()
    if unit.endswith("y") and unit[-2:-1] not in "aeiou":
        return f"{unit[:-1]}ies"
    return f"{unit}s"


def _owned_noun(noun: Token, skip: set[int]) -> str | None:
    """ "the parliament", "the central bank's policy meeting": the noun a figure sizes,
    with its possessor when the possessor is a name rather than a pronoun."""
    owners = [t for t in noun.lefts if t.dep_ == "poss"]
    owned = {x.i for o in owners for x in o.subtree}
    words = [t for t in _noun_words(noun, skip | owned) if not t.is_punct and t.i not in owned]
    if not words or len(words) > _MAX_OBJECT_WORDS:
        return None
    np_text = _text(words, False)
    owner = [x for x in owners[0].subtree if x.dep_ != "case"] if owners else []
    if owner and owners[0].pos_ in _NOUNISH and len(owner) <= _MAX_OBJECT_WORDS:
        name = _text(owner)
        return f"{name}' {np_text}" if name.endswith("s") else f"{name}'s {np_text}"
    return f"the {np_text}"


def compound_question(item: ClaimItem, parser: SentenceParser) -> str | None:
    """ "a 650-seat parliament" -> "How big was the parliament (in seats)?"; "a two-day
    meeting" -> "How long was the meeting?": the figure is the size of its noun."""
    found = _COMPOUND.fullmatch(item.claim.text)
    if found is None:
        return None
    unit = found.group(1).lower()
    if unit in _NOT_SIZES or unit.rstrip("s") in _NOT_SIZES:
        return None
    located = _figure_token(item, parser)
    if located is None:
        return None
    root, skip = located
    noun = root.head
    if root.dep_ not in ("amod", "compound", "nummod", "nmod", "npadvmod") or noun.pos_ != "NOUN":
        return None
    if noun.lower_.startswith(unit[:3]):
        return None
    np_text = _owned_noun(noun, skip | {root.i})
    if np_text is None:
        return None
    verb = "were" if noun.tag_ == "NNS" else "was"
    if unit.rstrip("s") in _TIME_UNITS:
        return f"How long {verb} {np_text}?"
    if item.claim.kind != "count":
        return None
    return f"How big {verb} {np_text} (in {_plural(unit, item.claim.counted)})?"


#: Words that make a noun a record ("the biggest win", "the first rise").
_RECORD_WORDS = frozenset(["first", "last", "most", "least", "only"])


def since_question(item: ClaimItem, parser: SentenceParser) -> str | None:
    """ "Labour's biggest win since 1997" -> "Since what year is this the biggest win?"."""
    located = _figure_token(item, parser)
    if located is None:
        return None
    root, skip = located
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "since":
        return None
    # The noun "since" follows, when the parse hung "since" on the verb ("Labour head
    # for biggest win since 1997"), else the noun or the verb's object it hangs on.
    before = root.doc[prep.i - 1] if prep.i > 0 else prep
    candidates = [before, prep.head]
    if prep.head.pos_ in ("VERB", "AUX"):
        candidates += [
            t for t in prep.head.children if t.dep_ in ("dobj", "attr", "pobj") and t.i < prep.i
        ][-1:]
    for noun in candidates:
        if noun.pos_ != "NOUN":
            continue
        mods = [
            t
            for t in noun.lefts
            if t.dep_ in ("amod", "compound", "nummod", "advmod") and t.i not in skip
        ]
        if any(t.tag_ in ("JJS", "RBS") or t.lower_ in _RECORD_WORDS for t in mods):
            break
    else:
        return None
    found = {x for t in mods for x in t.subtree if not x.is_punct} | {noun}
    words = sorted(found, key=lambda t: t.i)
    if len(words) > _MAX_OBJECT_WORDS + 1:
        return None
    return f"Since what year is this the {_text(words, False)}?"


def possession_question(item: ClaimItem, parser: SentenceParser, what: str) -> str | None:
    """ "Labour has won 372 seats with a 35.6% share of the vote" -> "What share of the
    vote has Labour won?": the figure asked through the verb of having or winning it."""
    located = _figure_token(item, parser)
    if located is None:
        return None
    root, skip = located
    cur = root
    for _ in range(5):
        head = cur.head
        if head == cur:
            return None
        if head.pos_ in ("VERB", "AUX"):
            if head.lemma_.lower() not in POSSESSION_VERBS:
                return None
            asked = _do_question(head, skip | {t.i for t in cur.subtree})
            return f"{what} {asked}?" if asked else None
        cur = head
    return None


def figure_noun(item: ClaimItem, parser: SentenceParser) -> str | None:
    """The noun a figure modifies ("a 22.8% vote share" -> "vote share"), if it is short."""
    located = _figure_token(item, parser)
    if located is None:
        return None
    root, skip = located
    if root.dep_ not in ("amod", "compound", "nummod") or root.head.pos_ != "NOUN":
        return None
    words = [t for t in _noun_words(root.head, skip) if t.dep_ != "poss"]
    return _text(words, False) if 0 < len(words) <= 3 else None


def measured_subject(item: ClaimItem, parser: SentenceParser) -> str | None:
    """The subject of the verb a measurement hangs on: "The epicenter of the earthquake
    was located roughly 11 miles from the city" -> "the epicenter of the earthquake"."""
    located = _figure_token(item, parser)
    if located is None:
        return None
    root, skip = located
    cur = root
    for _ in range(4):
        if cur.head == cur:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            subjects = [t for t in cur.lefts if t.dep_ in _SUBJECT_DEPS]
            if not subjects or subjects[0].pos_ != "NOUN" or subjects[0].lower_ in PERSON_WORDS:
                return None
            return _subject_of(cur, skip)
    return None
