"""How each outlet frames the event: its words for the same places and people, the words
that set it apart from the others, its loaded terms, and whose voices it quotes.

Framing is found generically, never from a list of this event's words: spelling
variants are proper nouns that differ by a transliteration-sized edit; labels for a
group of people are the person nouns an outlet uses in the sentences that carry the
event's own figures; distinctive words are scored with the log-odds ratio with an
informative Dirichlet prior (Monroe, Colaresi and Quinn 2008), which does not let rare
words dominate the way raw frequency ratios do. Only the loaded-term lexicon is a list,
because "loaded" is a judgement about words, not something the text can reveal.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from parallax.lexicon.people import (
    AGENT_SUFFIXES,
    LOADED,
    NOT_PERSONS,
    PERSON_SUFFIXES,
    PERSON_WORDS,
    PRONOUNS,
)
from parallax.lexicon.speech import QUOTE_VERBS, alternation
from parallax.lexicon.stopwords import FRAMING_STOPWORDS
from parallax.schema import (
    Citation,
    DistinctiveWord,
    Framing,
    LoadedTerm,
    OutletFraming,
    QuotedVoice,
    Report,
    ReportArticle,
    TermUse,
    TermVariantGroup,
)

_WORD = re.compile(r"[A-Za-z][A-Za-z\u2019'-]*[A-Za-z]|[A-Za-z]")


#: Strength of the prior (pseudo-counts). Monroe et al. use the size of a large background
#: corpus; a news cluster is small, so a few hundred keeps rare words from dominating
#: without drowning every difference.
ALPHA0 = 500.0
_SPEECH = alternation(QUOTE_VERBS)
_QUOTE_SPAN = re.compile(r"[\u201c\"]([^\u201c\u201d\"]{1,600})[\u201d\"]")


def _label(a: ReportArticle) -> str:
    return a.outlet or a.aid


def _tokens(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))


def _strip_possessive(word: str) -> str:
    for tail in ("\u2019s", "'s", "\u2019", "'"):
        if word.endswith(tail):
            return word[: -len(tail)]
    return word


# ---------------------------------------------------------------- spelling variants


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _skeleton(word: str) -> str:
    """Consonants only, doubled letters collapsed: transliterations mostly differ in
    vowels (Kyiv/Kiev, Turkey/Turkiye) and doubling (Odesa/Odessa)."""
    out = re.sub(r"[aeiouy]", "", word.lower())
    return re.sub(r"(.)\1+", r"\1", out)


def _variant(a: str, b: str) -> bool:
    la, lb = a.lower(), b.lower()
    if la == lb or la[0] != lb[0] or la[-1] != lb[-1]:
        return False
    short, long_ = sorted((la, lb), key=len)
    if long_.startswith(short):
        # Russia/Russian is a derivation; Donbas/Donbass is a doubled letter.
        tail = long_[len(short) :]
        return len(tail) == 1 and tail == short[-1]
    d = _edit_distance(la, lb)
    if d == 1 and len(short) >= 6:
        return True
    return d <= 2 and len(short) >= 4 and _skeleton(la) == _skeleton(lb)


def _proper_nouns(a: ReportArticle) -> dict[str, list[tuple[int, int]]]:
    """Capitalised words seen at least once inside a sentence: a capital at the start of
    a sentence or line says nothing about the word."""
    found: dict[str, list[tuple[int, int]]] = defaultdict(list)
    inside: set[str] = set()
    for m in _tokens(a.text):
        word = _strip_possessive(m.group(0))
        if len(word) < 4 or not word[0].isupper() or word.isupper():
            continue
        if word.lower() in FRAMING_STOPWORDS:
            continue
        found[word].append((m.start(), m.start() + len(word)))
        before = a.text[max(0, m.start() - 3) : m.start()].rstrip(" \t\u201c\"'(")
        if before and before[-1] not in ".!?\n:\u201d":
            inside.add(word)
    return {w: spans for w, spans in found.items() if w in inside}


def _spelling_groups(report: Report) -> list[TermVariantGroup]:
    by_outlet: dict[str, dict[str, list[Citation]]] = defaultdict(lambda: defaultdict(list))
    vocab: set[str] = set()
    for a in report.articles:
        for word, spans in _proper_nouns(a).items():
            vocab.add(word)
            by_outlet[_label(a)][word] += [
                Citation(aid=a.aid, char_start=s, char_end=e) for s, e in spans
            ]
    words = sorted(vocab)
    parent = {w: w for w in words}

    def find(w: str) -> str:
        while parent[w] != w:
            parent[w] = parent[parent[w]]
            w = parent[w]
        return w

    by_initial: dict[str, list[str]] = defaultdict(list)
    for w in words:
        by_initial[w[0].lower()].append(w)
    for bucket in by_initial.values():
        for i, x in enumerate(bucket):
            for y in bucket[i + 1 :]:
                if abs(len(x) - len(y)) <= 2 and _variant(x, y):
                    parent[find(x)] = find(y)
    clusters: dict[str, list[str]] = defaultdict(list)
    for w in words:
        clusters[find(w)].append(w)
    groups = []
    for members in clusters.values():
        if len(members) < 2:
            continue
        uses = {
            outlet: [
                TermUse(term=w, count=len(seen[w]), citations=seen[w][:3])
                for w in members
                if seen.get(w)
            ]
            for outlet, seen in by_outlet.items()
        }
        uses = {o: u for o, u in uses.items() if u}
        spellings = {u.term for us in uses.values() for u in us}
        # Framing only if the outlets differ; a lone typo in one outlet is not framing.
        choices = {frozenset(u.term for u in us) for us in uses.values()}
        if len(spellings) >= 2 and len(choices) >= 2:
            # Sorted first: among equally common spellings the choice must not
            # depend on the order of a set (string hashes change from run to run).
            label = max(
                sorted(spellings),
                key=lambda t: sum(u.count for us in uses.values() for u in us if u.term == t),
            )
            groups.append(TermVariantGroup(kind="spelling", label=label, uses=uses))
    return sorted(groups, key=lambda g: g.label)


# ---------------------------------------------------------------- labels for people


def is_person_noun(word: str, vocab: frozenset[str] = frozenset()) -> bool:
    """People and groups of people, by English morphology; ``vocab`` (the event's words)
    lets agent nouns be confirmed by their verb."""
    w = word.lower()
    if w in PERSON_WORDS:
        return True
    if w in NOT_PERSONS or len(w) < 5 or not w.endswith(PERSON_SUFFIXES):
        return False
    if vocab and w.endswith(AGENT_SUFFIXES):
        stem = w[:-3]
        return len(stem) >= 4 and any(
            v.startswith(stem) and not v.startswith(w[:-1]) for v in vocab
        )
    return True


def _event_stems(report: Report) -> set[str]:
    """Content words shared by the answers of at least two outlets: what the event's
    figures are about (surrendered, arms, plant...), found from the report itself."""
    seen: dict[str, set[str]] = defaultdict(set)
    for qa in report.question_answers:
        for group in qa.answer_groups:
            for ans in group:
                for m in _tokens(ans.answer):
                    w = _strip_possessive(m.group(0)).lower()
                    if len(w) >= 4 and w not in FRAMING_STOPWORDS and not is_person_noun(w):
                        seen[w[:5]].add(ans.aid)
    return {stem for stem, aids in seen.items() if len(aids) >= 2}


def _sentences(text: str) -> Iterable[tuple[int, int]]:
    start = 0
    for m in re.finditer(r"(?<=[.!?\u201d\"])\s+|\n+", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def _people_group(report: Report) -> TermVariantGroup | None:
    stems = _event_stems(report)
    vocab = frozenset(
        _strip_possessive(m.group(0)).lower() for a in report.articles for m in _tokens(a.text)
    )
    uses: dict[str, dict[str, list[Citation]]] = defaultdict(lambda: defaultdict(list))
    for a in report.articles:
        for s, e in _sentences(a.text):
            toks = _tokens(a.text[s:e])
            words = {_strip_possessive(t.group(0)).lower()[:5] for t in toks}
            if not words & stems:
                continue
            for t in toks:
                word = _strip_possessive(t.group(0))
                if is_person_noun(word, vocab) and word.lower() not in ("officials", "authorities"):
                    at = s + t.start()
                    uses[_label(a)][word.lower()].append(
                        Citation(aid=a.aid, char_start=at, char_end=at + len(word))
                    )
    terms = {w for seen in uses.values() for w in seen}
    if len(terms) < 2 or len(uses) < 2:
        return None
    return TermVariantGroup(
        kind="group_label",
        label="people named where the event's figures are reported",
        uses={
            o: sorted(
                (TermUse(term=w, count=len(c), citations=c[:3]) for w, c in seen.items()),
                key=lambda u: (-u.count, u.term),
            )
            for o, seen in uses.items()
        },
    )


# ---------------------------------------------------------------- distinctive words


def _counts(text: str) -> Counter[str]:
    out: Counter[str] = Counter()
    for m in _tokens(text):
        w = _strip_possessive(m.group(0)).lower()
        if len(w) > 2 and w not in FRAMING_STOPWORDS:
            out[w] += 1
    return out


def log_odds(
    target: Counter[str], rest: Counter[str], prior: Counter[str], alpha0: float
) -> dict[str, tuple[float, float]]:
    """Monroe et al. (2008), eq. 22: log-odds ratio with an informative Dirichlet prior,
    returned as (delta, z) per word; the prior is the pooled counts scaled to ``alpha0``."""
    n_t, n_r = sum(target.values()), sum(rest.values())
    n_p = sum(prior.values()) or 1
    out = {}
    for w, y_t in target.items():
        a_w = alpha0 * prior[w] / n_p
        y_r = rest.get(w, 0)
        delta = math.log((y_t + a_w) / (n_t + alpha0 - y_t - a_w)) - math.log(
            (y_r + a_w) / (n_r + alpha0 - y_r - a_w)
        )
        var = 1.0 / (y_t + a_w) + 1.0 / (y_r + a_w)
        out[w] = (delta, delta / math.sqrt(var))
    return out


# ---------------------------------------------------------------- loaded terms


def _loaded(articles: list[ReportArticle]) -> list[LoadedTerm]:
    found: dict[tuple[str, str], list[Citation]] = defaultdict(list)
    for a in articles:
        for m in _tokens(a.text):
            w = _strip_possessive(m.group(0))
            if w.lower() in LOADED:
                found[(w.lower(), "lexicon")].append(
                    Citation(aid=a.aid, char_start=m.start(), char_end=m.start() + len(w))
                )
        for m in _QUOTE_SPAN.finditer(a.text):
            inner = m.group(1).strip()
            # A word or three in quotation marks, not a quoted statement: scare quotes.
            if (
                1 <= len(inner.split()) <= 3
                and not re.search(r"[.!?,]$|\d", inner)
                and (re.search(r"[A-Za-z]", inner))
            ):
                found[(inner.lower(), "scare_quotes")].append(
                    Citation(aid=a.aid, char_start=m.start(1), char_end=m.end(1))
                )
    return sorted(
        (
            LoadedTerm(term=t, reason=r, count=len(c), citations=c[:3])
            for (t, r), c in found.items()
        ),
        key=lambda x: (-x.count, x.term),
    )


# ---------------------------------------------------------------- quoted voices

_AFTER = re.compile(
    r"^[,.]?\s*(?:" + _SPEECH + r"\s+(?P<a>[A-Z][\w\u2019'.-]*(?:\s+[A-Z][\w\u2019'.-]*){0,3})"
    r"|(?P<b>[^.;\"\u201c\u201d\n]{2,90}?)\s+" + _SPEECH + r"\b)"
)
_BEFORE = re.compile(
    r"(?P<s>[A-Z][^.;\"\u201c\u201d\n]{1,100}?)\s+"
    + _SPEECH
    + r"(?:\s+[^.;\"\u201c\u201d\n]{0,40})?[:,]?\s*$"
)


def _clean_speaker(raw: str) -> tuple[str, str]:
    """(name to show, description to read the affiliation from): a long lead-in such as
    "In remarks carried by state media Friday, the minister, X" is cut to its last parts."""
    s = " ".join(raw.split()).strip(" ,:-\u2013\u2014")
    s = re.sub(r"^(?:and|but|as|while|then)\s+", "", s, flags=re.I)
    parts = [p.strip() for p in s.split(",") if p.strip() and p.strip()[0].isupper()]
    if len(s.split()) > 6 and parts:
        return parts[-1][:80], s
    return s[:80], s


def _demonym_of(word: str, places: Sequence[str]) -> str | None:
    """The place ``word`` is the demonym of; ``places`` sorted, so that of two places
    with the stem ("Iran", "Iranian Kurdistan") the same one wins on every run."""
    # The word's own tests first: most words are no demonym, and ``countries`` asks
    # this of every place against every place.
    if not (word.isalpha() and word.endswith(("n", "ns", "ese", "ish", "i"))):
        return None
    for p in places:
        stem = min(len(p) - 1, 5)
        if len(p) >= 4 and len(word) > len(p) and p.isalpha() and word.startswith(p[:stem]):
            return p
    return None


def countries(places: set[str]) -> set[str]:
    """Places the articles also name by a demonym (Russia/Russian): countries and peoples,
    as opposed to person names, which have no demonym."""
    ordered = sorted(places)
    found = {p for w in ordered if (p := _demonym_of(w, ordered))}
    # "Russian" is itself the stem of "Russians": keep the country, not the demonym.
    return {p for p in found if _demonym_of(p, sorted(found - {p})) is None}


def affiliation(speaker: str, places: set[str], nations: set[str]) -> str | None:
    """The side a speaker belongs to: the first country, acronym-named body or "the X"
    institution in the speaker's description, demonyms folded onto their country."""
    prev = ""
    ordered = sorted(nations)
    toks = [_strip_possessive(m.group(0)) for m in _tokens(speaker)]
    for i, w in enumerate(toks):
        if w[0].isupper() and (w.isupper() or w.lower() not in FRAMING_STOPWORDS):
            initials = w.isupper() and i + 1 < len(toks) and toks[i + 1][0].isupper()
            if (p := _demonym_of(w, ordered)) is not None:
                return p
            if w in nations or (w.isupper() and len(w) >= 2 and not initials):
                return w
            if prev == "the":
                return w
        prev = w.lower()
    return None


def _voices(
    articles: list[ReportArticle], report: Report, places: set[str], nations: set[str]
) -> list[QuotedVoice]:
    found: dict[str, QuotedVoice] = {}

    def credit(raw: str, cite: Citation, quote: bool) -> None:
        speaker, description = _clean_speaker(raw)
        words = speaker.split()
        # "Sergei Shoigu" and "Shoigu" are one voice: key a name by its last word.
        is_name = 0 < len(words) <= 4 and all(x[0].isupper() for x in words)
        key = words[-1].lower() if is_name else speaker.lower()
        side = affiliation(description, places, nations)
        if key not in found:
            found[key] = QuotedVoice(speaker=speaker, affiliation=side)
        v = found[key]
        if len(speaker) > len(v.speaker) and is_name:
            v.speaker = speaker
        v.affiliation = v.affiliation or side
        if quote:
            v.quotes += 1
        else:
            v.figures += 1
        if len(v.citations) < 3:
            v.citations.append(cite)

    aids = {a.aid for a in articles}
    for a in articles:
        last: str | None = None
        for m in _QUOTE_SPAN.finditer(a.text):
            if len(m.group(1).split()) <= 3:
                continue  # scare quotes, counted as loaded terms
            speaker = None
            after = _AFTER.match(a.text[m.end() : m.end() + 120])
            if after:
                speaker = after.group("a") or after.group("b")
            if not speaker:
                before = _BEFORE.search(a.text[max(0, m.start() - 140) : m.start()])
                if before:
                    speaker = before.group("s")
            if speaker and speaker.strip().lower() in PRONOUNS:
                speaker = last
            if not speaker:
                continue
            last = speaker
            credit(speaker, Citation(aid=a.aid, char_start=m.start(1), char_end=m.end(1)), True)
    for c in report.claims:
        if c.aid in aids and c.source:
            credit(
                c.source, Citation(aid=c.aid, char_start=c.char_start, char_end=c.char_end), False
            )
    return sorted(found.values(), key=lambda v: (-(v.quotes + v.figures), v.speaker))


# ---------------------------------------------------------------- assembly


def build_framing(report: Report, top: int = 8) -> Framing:
    by_outlet: dict[str, list[ReportArticle]] = defaultdict(list)
    for a in report.articles:
        if a.duplicate_of is None:
            by_outlet[_label(a)].append(a)
    counts = {o: _counts("\n".join(a.text for a in arts)) for o, arts in by_outlet.items()}
    pooled: Counter[str] = Counter()
    for c in counts.values():
        pooled.update(c)
    places = {w for a in report.articles for w in _proper_nouns(a)}
    nations = countries(places)
    outlets = []
    for outlet, arts in by_outlet.items():
        distinctive: list[DistinctiveWord] = []
        if len(counts) >= 2:
            rest = pooled - counts[outlet]
            scores = log_odds(counts[outlet], rest, pooled, alpha0=ALPHA0)
            ranked = sorted(scores.items(), key=lambda kv: -kv[1][1])
            distinctive = [
                DistinctiveWord(word=w, count=counts[outlet][w], z=round(z, 2))
                for w, (_, z) in ranked
                if z > 1.96 and counts[outlet][w] >= 2
            ][:top]
        voices = _voices(arts, report, places, nations)
        by_side: Counter[str] = Counter()
        for v in voices:
            by_side[v.affiliation or "unaffiliated"] += v.quotes + v.figures
        outlets.append(
            OutletFraming(
                outlet=outlet,
                aids=[a.aid for a in arts],
                distinctive=distinctive,
                loaded=_loaded(arts)[: top * 2],
                voices=voices[: top * 2],
                voices_by_affiliation=dict(by_side.most_common()),
            )
        )
    variants = _spelling_groups(report)
    people = _people_group(report)
    if people is not None:
        variants.append(people)
    return Framing(variants=variants, outlets=outlets)
