"""Question phrasing from a fact's claims."""

from __future__ import annotations

from spacy.tokens import Doc

from parallax.align.items import make_items
from parallax.align.questions import distinguish, phrase, statement_question, topic_phrase
from parallax.models import Article, Claim, ClaimStatus
from parallax.nlp.pipeline import SentenceParser
from tests.align.helpers import article, claim

#: Parses of hand-written sentences, fresh (no extraction ran).
PARSER = SentenceParser()


def _docs(texts: list[str]) -> list[Doc]:
    return [PARSER.text(t) for t in texts]


def test_count_question_uses_the_shared_counted_noun_and_predicate() -> None:
    a = article("a", "The ministry said 1,730 Ukrainian soldiers have surrendered at Azovstal.")
    b = article("b", "At the moment, 1,908 people laid down their arms, Shoigu said.")
    c = article("c", "Officials said 2,429 Ukrainian soldiers surrendered at the plant.")
    claim(a, "1,730", 1730, counted="Ukrainian soldiers", predicate="surrendered at Azovstal")
    claim(b, "1,908", 1908, counted="people", predicate="laid down their arms")
    claim(c, "2,429", 2429, counted="Ukrainian soldiers", predicate="surrendered at the plant")
    q = phrase(make_items([a, b, c]), PARSER)
    assert q.startswith("How many Ukrainian soldiers")
    assert "surrendered" in q
    assert q.endswith("?")


def test_rate_question_names_the_subject_not_the_verb() -> None:
    a = article("a", "The unemployment rate dipped to 3.4% in January, the BLS said.")
    claim(a, "3.4%", 3.4, kind="percent", unit="%")
    assert phrase(make_items([a]), PARSER) == "What was the unemployment rate?"


def test_running_toll_without_counted_noun_asks_for_the_toll() -> None:
    a = article("a", "The death toll in the derailment has risen to 261, officials said.")
    claim(a, "261", 261)
    assert phrase(make_items([a]), PARSER) == "What is the death toll in the derailment?"


def test_count_of_an_object_asks_with_do_and_the_subject() -> None:
    a = article("a", "Tinubu secured 8,794,726 votes, the electoral commission said.")
    claim(a, "8,794,726", 8794726, counted="votes", predicate="secured")
    assert phrase(make_items([a]), PARSER) == "How many votes did Tinubu secure?"


def test_count_question_keeps_auxiliaries_and_particle() -> None:
    a = article("a", "At least 531 people have been locked up in the camp.")
    claim(a, "531", 531, counted="people", predicate="been locked")
    assert phrase(make_items([a]), PARSER) == "How many people have been locked up in the camp?"


def test_count_question_drops_the_quantifier_and_keeps_a_short_complement() -> None:
    a = article("a", "More than 1,000 Ukrainian soldiers are present in this huge complex.")
    claim(a, "1,000", 1000, counted="Ukrainian soldiers", predicate="are present")
    assert phrase(make_items([a]), PARSER) == "How many Ukrainian soldiers are present?"


def test_object_count_without_a_named_subject_is_passive() -> None:
    a = article("a", "By noon, they blockaded 6 oil refineries across the country.")
    b = article("b", "Strikers had blockaded 7 oil refineries.")
    claim(a, "6", 6, counted="oil refineries", predicate="blockaded")
    assert phrase(make_items([a]), PARSER) == "How many oil refineries were blockaded?"
    claim(b, "7", 7, counted="oil refineries", predicate="blockaded")
    assert phrase(make_items([b]), PARSER) == "How many oil refineries had strikers blockaded?"


def test_money_question_names_the_noun_it_is_of() -> None:
    a = article("a", "The company reported revenue of $13.51 billion for the quarter.")
    claim(a, "$13.51 billion", 13.51e9, kind="money", unit="USD")
    assert phrase(make_items([a]), PARSER) == "What was the revenue?"
    b = article("b", "Analysts had expected earnings of $2.09 a share.")
    claim(b, "$2.09", 2.09, kind="money", unit="USD")
    assert phrase(make_items([b]), PARSER) == "What were the earnings?"


def test_statement_question_names_a_shared_noun_phrase_from_the_sentences() -> None:
    texts = [
        "The Azovstal steel plant is now under full Russian control, the ministry said.",
        "Ukrainian fighters are still blocking the Azovstal plant, Kyiv said.",
    ]
    q = statement_question(_docs(texts))
    assert q == "What do the outlets say about the Azovstal steel plant?"


def test_statement_question_drops_the_figure_and_keeps_proper_names_capitalised() -> None:
    texts = [
        "More than a thousand Ukrainian soldiers are still inside, Kyiv said.",
        "Moscow said the Ukrainian soldiers would be treated humanely.",
    ]
    assert statement_question(_docs(texts)) in (
        "What do the outlets say about Ukrainian soldiers?",
        "What do the outlets say about the Ukrainian soldiers?",
    )
    assert topic_phrase(_docs(["Mariupol is located on the Sea of Azov."])) == "Mariupol"


def test_statement_question_is_none_without_a_noun_phrase() -> None:
    assert statement_question(_docs(["It was.", "They did."])) is None


def test_count_in_a_prepositional_phrase_asks_through_the_verb() -> None:
    a = article("a", "The senator defeated Atiku who finished second with 6,984,520 votes.")
    claim(a, "6,984,520", 6984520, counted="votes", predicate="finished")
    assert phrase(make_items([a]), PARSER) == "How many votes did Atiku finish with?"
    b = article("b", "Peter Obi led in 11 states and the FCT.")
    claim(b, "11", 11, counted="states", predicate="led")
    assert phrase(make_items([b]), PARSER) == "How many states did Peter Obi lead in?"


def test_rate_change_and_new_level_are_asked_differently() -> None:
    a = article("a", "The gaming division's revenues rose by 22% to $2.49 billion.")
    claim(a, "22%", 22, kind="percent", unit="%")
    assert phrase(make_items([a]), PARSER) == "By how much did the gaming division's revenues rise?"
    b = article("b", "Net income for the company rose to $6.19 billion in the second quarter.")
    claim(b, "$6.19 billion", 6.19e9, kind="money", unit="USD")
    assert phrase(make_items([b]), PARSER) == "What was net income for the company?"
    c = article("c", "Analysts had estimated just $12.5 billion, according to Bloomberg.")
    claim(c, "$12.5 billion", 12.5e9, kind="money", unit="USD")
    assert phrase(make_items([c]), PARSER) == "How much had analysts estimated?"


def test_words_before_the_figure_do_not_join_the_counted_noun() -> None:
    a = article("a", "Tinubu came out tops in 12 of Nigeria's 36 states, officials said.")
    claim(a, "36", 36, counted="states")
    assert "Nigeria" not in phrase(make_items([a]), PARSER)
    b = article("b", "Officials said the last 531 people were evacuated on Friday.")
    claim(b, "531", 531, counted="people", predicate="were evacuated")
    assert phrase(make_items([b]), PARSER) == "How many people were evacuated on Friday?"


def test_share_of_a_group_is_asked_as_a_share() -> None:
    a = article("a", "During the strike, 80% of trains were canceled in France.")
    claim(a, "80%", 80, kind="percent", unit="%")
    assert phrase(make_items([a]), PARSER) == "What share of trains were canceled in France?"


def test_lead_in_without_a_noun_is_not_used_as_the_subject() -> None:
    a = article("a", "Datacenter revenue beat forecasts, surpassing the projected $8.03 billion.")
    claim(a, "$8.03 billion", 8.03e9, kind="money", unit="USD")
    q = phrase(make_items([a]), PARSER)
    assert "surpassing" not in q
    assert q.endswith("?")


def test_a_figure_attached_by_including_is_asked_without_the_preposition() -> None:
    a = article("a", "More than a thousand soldiers, including 600 wounded, are in the plant.")
    claim(a, "600", 600, counted="wounded", predicate="including")
    q = phrase(make_items([a]), PARSER)
    assert "including" not in q
    assert q.startswith("How many wounded")


# --- Questions phrased from the claim frame ----------------------------------


def _framed(
    c: Claim,
    art: Article,
    measure: str,
    phrase_: str,
    *,
    holder: str | None = None,
    place: str | None = None,
    status: ClaimStatus = "reported",
) -> Claim:
    """Set a frame on a helper claim, as extraction would (spans found in the text)."""
    c.measure, c.measure_phrase, c.status = measure, phrase_, status
    if holder:
        start = art.text.index(holder)
        c.holder, c.holder_span = holder, (start, start + len(holder))
    if place:
        start = art.text.index(place)
        c.place, c.place_span = place, (start, start + len(place))
    return c


def _ask(*arts: Article) -> str:
    return phrase(make_items(list(arts)), PARSER)


def test_a_death_toll_is_asked_as_who_died_and_where() -> None:
    a = article("a", "The death toll in Libya's coastal city of Derna has soared to 11,300.")
    b = article(
        "b", "The number of casualties in Derna has risen to 11,300, the Red Crescent said."
    )
    _framed(claim(a, "11,300", 11300), a, "killed", "people killed", place="Derna")
    _framed(claim(b, "11,300", 11300), b, "killed", "people killed")
    assert _ask(a, b) == "How many people died in Derna?"


def test_the_measure_most_claims_share_names_the_question() -> None:
    # One claim counts body bags; the fact is a death toll, and so is its question.
    a = article("a", "Health authorities previously put the death toll in Derna at 5,500.")
    b = article("b", "Health authorities had previously put the number at 5,500.")
    c = article("c", "The Red Cross said it has provided 6,000 body bags to local authorities.")
    d = article("d", "Officials previously had put the death toll in Derna at 5,500.")
    _framed(claim(a, "5,500", 5500), a, "killed", "people killed", place="Derna", status="earlier")
    _framed(claim(b, "5,500", 5500), b, "killed", "people killed", status="earlier")
    _framed(claim(c, "6,000", 6000, counted="body bags", predicate="provided"), c, "body bag",
            "body bags")  # fmt: skip
    _framed(claim(d, "5,500", 5500), d, "killed", "people killed", place="Derna", status="earlier")
    assert _ask(c, a, b, d) == "What was the earlier death toll in Derna?"


def test_a_projected_toll_is_asked_as_what_could_happen() -> None:
    a = article("a", "The mayor said deaths could surpass 20,000 in the coming days.")
    _framed(claim(a, "20,000", 20000), a, "killed", "people killed", status="forecast")
    assert _ask(a) == "How many people could die?"


def test_an_outcome_is_asked_with_the_sentences_own_participle() -> None:
    a = article("a", "Two crew members, a man and a woman, were pulled out alive, officials said.")
    b = article("b", "Only two crew members were rescued, officials said.")
    _framed(claim(a, "Two", 2, counted="crew members"), a, "evacuated",
            "members evacuated or displaced")  # fmt: skip
    _framed(claim(b, "two", 2, counted="crew members"), b, "evacuated",
            "members evacuated or displaced")  # fmt: skip
    assert _ask(b, a) == "How many crew members were rescued?"


def test_the_outcome_word_is_not_repeated_in_who_is_counted() -> None:
    a = article("a", "Dozens of stranded tourists, the officials said on Friday.")
    _framed(claim(a, "Dozens", None, counted="stranded tourists"), a, "remaining",
            "tourists still there")  # fmt: skip
    q = _ask(a)
    assert q.startswith("How many tourists")
    assert q.count("strand") <= 1


def test_a_clause_without_a_tense_is_not_a_question() -> None:
    a = article("a", "177 died, with two people still missing, according to his office.")
    _framed(claim(a, "two", 2, counted="people", predicate="missing"), a, "missing",
            "people missing")  # fmt: skip
    assert _ask(a) == "How many people are missing?"


def test_seats_are_asked_as_what_the_agreed_holder_won() -> None:
    a = article("a", "As of 4pm AEST Labour have 410 seats, officials said.")
    b = article("b", "Final figures show the Labour Party is expected to win 410 seats.")
    c = article("c", "Projections say Labour will have about 410 seats.")
    _framed(claim(a, "410", 410, counted="seats"), a, "seats", "seats", holder="AEST Labour")
    _framed(claim(b, "410", 410, counted="seats"), b, "seats", "seats", holder="Labour Party",
            status="projected")  # fmt: skip
    _framed(claim(c, "410", 410, counted="seats"), c, "seats", "seats", holder="Labour",
            status="projected")  # fmt: skip
    assert _ask(a, b, c) == "How many seats did Labour win?"
    assert _ask(b, c) == "How many seats will Labour win?"


def test_a_holder_keeps_its_the_and_an_acronym_is_its_name() -> None:
    a = article("a", "Officials said the Conservatives have 121 seats.")
    b = article("b", "The Conservatives won 121 seats, the BBC said.")
    assert (
        _ask(
            _framed_article(a, "121", "seats", holder="Conservatives"),
            _framed_article(b, "121", "seats", holder="Conservatives"),
        )
        == "How many seats did the Conservatives win?"
    )
    c = article("c", "The SNP has nine seats, officials said.")
    d = article("d", "The Scottish National Party took nine seats.")
    q = _ask(
        _framed_article(c, "nine", "seats", holder="SNP"),
        _framed_article(d, "nine", "seats", holder="Scottish National Party"),
    )
    assert q == "How many seats did the SNP win?"
    e = article("e", "Officials said the Reform party took four seats.")
    f = article("f", "The Reform party won four seats, the count shows.")
    assert (
        _ask(
            _framed_article(e, "four", "seats", holder="Reform"),
            _framed_article(f, "four", "seats", holder="Reform"),
        )
        == "How many seats did Reform win?"
    )


def _framed_article(art: Article, figure: str, measure: str, holder: str) -> Article:
    value = {"121": 121.0, "nine": 9.0, "four": 4.0}[figure]
    _framed(claim(art, figure, value, counted=measure), art, measure, measure, holder=holder)
    return art


def test_a_vote_share_is_asked_through_the_verb_that_won_it() -> None:
    a = article("a", "With 545 results declared, Labour has won 372 seats with a 35.6% share.")
    _framed(claim(a, "35.6%", 35.6, kind="percent", unit="%"), a, "vote share",
            "share of the vote")  # fmt: skip
    assert _ask(a) == "What share of the vote has Labour won?"
    b = article("b", "The Green Party has 6.8% of the votes and two seats.")
    _framed(claim(b, "6.8%", 6.8, kind="percent", unit="%"), b, "vote share",
            "share of the vote")  # fmt: skip
    assert _ask(b) == "What share of the vote does the Green Party have?"
    c = article("c", "In his constituency, he secured 47.5% of the vote.")
    _framed(claim(c, "47.5%", 47.5, kind="percent", unit="%"), c, "vote share",
            "share of the vote")  # fmt: skip
    assert _ask(c) == "What share of the vote does c report?"


def test_a_level_is_asked_as_the_holders_measure() -> None:
    a = article("a", "Nvidia's revenue came in at $13.51 billion for the quarter.")
    b = article("b", "Nvidia reported that its revenue reached $13.51 billion.")
    _framed(claim(a, "$13.51 billion", 13.51e9, kind="money", unit="USD"), a, "revenue",
            "revenue", holder="Nvidia")  # fmt: skip
    _framed(claim(b, "$13.51 billion", 13.51e9, kind="money", unit="USD"), b, "revenue",
            "revenue", holder="Nvidia")  # fmt: skip
    assert _ask(a, b) == "What was Nvidia's revenue?"
    c = article("c", "Analysts had expected sales to come in around $11.2 billion.")
    _framed(claim(c, "$11.2 billion", 11.2e9, kind="money", unit="USD"), c, "revenue",
            "revenue", status="forecast")  # fmt: skip
    assert _ask(c) == "What was the expected revenue?"


def test_an_amount_of_a_noun_is_asked_how_much() -> None:
    a = article("a", "The U.N. office issued an emergency appeal for $71.4 million on Thursday.")
    _framed(claim(a, "$71.4 million", 71.4e6, kind="money", unit="USD"), a,
            "emergency appeal", "emergency appeal")  # fmt: skip
    assert _ask(a) == "How much was the emergency appeal?"


def test_a_change_is_asked_by_how_much_with_what_moved() -> None:
    a = article("a", "Federal Reserve officials raised interest rates by 75 basis points.")
    _framed(claim(a, "75 basis points", 0.75, kind="percent", unit="pp"), a,
            "interest rate change", "change in interest rates")  # fmt: skip
    assert _ask(a) == "By how much did Federal Reserve officials raise interest rates?"
    b = article("b", "The S&P 500 was up about 1.3% after the announcement.")
    _framed(claim(b, "1.3%", 1.3, kind="percent", unit="%"), b, "change", "size of the change")
    assert _ask(b) == "By how much was the S&P 500 up?"


def test_a_speaker_or_a_unit_is_never_the_measure() -> None:
    a = article("a", "Policy makers lifted the target range to 2.25% to 2.5%.")
    _framed(claim(a, "2.25%", 2.25, kind="percent", unit="%"), a, "policy maker",
            "policy makers")  # fmt: skip
    assert _ask(a) == "What did policy makers lift the target range to?"
    b = article("b", "Officials expected to raise rates to about 3.4% this year.")
    _framed(claim(b, "3.4%", 3.4, kind="percent", unit="%"), b, "percentage point",
            "percentage point", status="forecast")  # fmt: skip
    assert _ask(b) == "What are rates expected to be raised to?"


def test_a_compound_figure_sizes_its_noun() -> None:
    a = article("a", "The Conservatives won an 80-seat majority five years ago.")
    claim(a, "80-seat", 80, counted="seats")
    assert _ask(a) == "How big was the majority (in seats)?"
    b = article("b", "South Korea declared a seven-day national mourning period on Sunday.")
    claim(b, "seven-day", 7, kind="measure", unit="days")
    assert _ask(b) == "How long was the national mourning period?"
    c = article("c", "As the central bank's two-day policy meeting drew to a close, rates rose.")
    claim(c, "two-day", 2, kind="measure", unit="days")
    assert _ask(c) == "How long was the central bank's policy meeting?"


def test_a_record_since_a_year_is_asked_since_when() -> None:
    a = article("a", "The move follows the bank's first 75bps rise since 1994 last month.")
    _framed(claim(a, "1994", 1994, unit="year"), a, "record since",
            "year of the last comparable record")  # fmt: skip
    assert _ask(a) == "Since what year is this the first 75bps rise?"


def test_a_bound_a_count_could_reach_is_asked_as_such() -> None:
    a = article("a", "The mayor had estimated that a final tally could reach the region of 20,000.")
    b = article("b", "The mayor of Derna said the tally could climb to 20,000.")
    claim(a, "20,000", 20000)
    claim(b, "20,000", 20000)
    assert _ask(a) == "What could a final tally reach?"
    assert _ask(b) == "What could the tally climb to?"


def test_a_relative_clause_hung_on_a_place_asks_about_the_noun_before_it() -> None:
    a = article("a", "Earlier accidents include the 1993 crash at Mokpo, which killed 68 people.")
    _framed(claim(a, "68", 68, counted="people"), a, "killed", "people killed")
    assert _ask(a) == "How many people did the crash kill?"
    b = article("b", "It recalled the Air China crash near Gimhae Airport, which killed 129 of 166 "
                "passengers.")  # fmt: skip
    _framed(claim(b, "129", 129), b, "killed", "people killed")
    assert _ask(b) == "How many passengers did the Air China crash kill?"


def test_counts_with_there_or_a_fronted_place_keep_the_place() -> None:
    a = article("a", "There were 181 people on board, officials said.")
    claim(a, "181", 181, counted="people")
    assert _ask(a) == "How many people were on board?"
    b = article("b", "Aboard the aircraft arriving from Bangkok were 181 people.")
    claim(b, "181", 181, counted="people")
    assert _ask(b) == "How many people were aboard the aircraft?"


def test_a_long_prepositional_phrase_is_cut_to_its_outer_phrase() -> None:
    a = article("a", "About 884,000 people live in areas directly affected by the rain and floods.")
    claim(a, "884,000", 884000, counted="people")
    assert _ask(a) == "How many people live in areas directly affected?"


def test_when_nothing_fits_the_question_says_less() -> None:
    a = article("a", "OCHA said 884,000 people in five provinces need help.", outlet="2news.com")
    _framed(claim(a, "five", 5, counted="provinces", predicate="need help"), a, "province",
            "provinces")  # fmt: skip
    assert _ask(a) == "How many provinces does 2news.com report?"
    b = article("b", "Forecasts showed 3.4% this year and 3.8% in 2023.", outlet="cnbc.com")
    claim(b, "3.8%", 3.8, kind="percent", unit="%")
    q = _ask(b)
    assert q.startswith("What figure does cnbc.com give") and q.endswith("?")


def test_the_lead_in_is_used_only_as_a_noun_phrase() -> None:
    a = article("a", "Officials feared a final tally could reach well beyond 18,000 people.")
    claim(a, "18,000", 18000)
    q = _ask(a)
    assert "could reach" not in q.removeprefix("What could") and "What is the a " not in q


def test_a_magnitude_is_of_the_quake_the_claims_name() -> None:
    # "magnitude quake" and "magnitude earthquake" (a compound read as the measure's
    # words) are the measure "magnitude" too.
    texts = [
        ("A strong magnitude 7.4 earthquake struck Taiwan on Wednesday.", "7.4", "earthquake"),
        ("The 7.4-magnitude quake struck at about 8 a.m.", "7.4-magnitude", "quake"),
        ("The 7.4-magnitude earthquake was the strongest in years.", "7.4-magnitude", "earthquake"),
    ]
    measures = ["magnitude", "magnitude quake", "magnitude earthquake"]
    arts = []
    for k, ((text, figure, counted), measure) in enumerate(zip(texts, measures, strict=True)):
        art = article(f"a{k}", text)
        c = claim(art, figure, 7.4, kind="measure", unit="magnitude", counted=counted)
        _framed(c, art, measure, measure)
        arts.append(art)
    assert _ask(*arts) == "What was the magnitude of the earthquake?"


def test_a_distance_says_from_where_or_only_the_dimension() -> None:
    a = article("a", "The accident happened about 288km south of Seoul.", outlet="st.com")
    _framed(claim(a, "288km", 288, kind="measure", unit="km"), a, "distance", "distance")
    assert _ask(a) == "How far south of Seoul was the accident (in km)?"
    b = article("b", "It was felt about 288km away.", outlet="st.com")
    _framed(claim(b, "288km", 288, kind="measure", unit="km"), b, "distance", "distance")
    assert _ask(b) == "What distance does st.com give (in km)?"


def test_questions_that_read_the_same_are_told_apart_by_their_sources() -> None:
    a = article("a", "Over 2000 people died, Mismari said.")
    b = article("b", "At least 11,000 people died, the Libyan Red Crescent said.")
    ca = _framed(claim(a, "2000", 2000, counted="people"), a, "killed", "people killed")
    cb = _framed(claim(b, "11,000", 11000, counted="people"), b, "killed", "people killed")
    ca.source, cb.source = "Mismari", "Libyan Red Crescent"
    start = b.text.index("Libyan")
    cb.source_span = (start, start + len("Libyan Red Crescent"))
    facts = [make_items([a]), make_items([b])]
    asked = [phrase(f, PARSER) for f in facts]
    assert asked[0] == asked[1] == "How many people died?"
    assert distinguish(asked, facts, PARSER) == [
        "How many people died, according to Mismari?",
        "How many people died, according to the Libyan Red Crescent?",
    ]
    said = "How many seats do the outlets report?"
    assert distinguish([said, said], facts, PARSER) == [said, said]
    assert distinguish(["How many?", "How many people died?"], facts, PARSER) == [
        "How many?",
        "How many people died?",
    ]


# --- Topic names ---------------------------------------------------------------


def test_a_topic_is_named_by_a_general_word_only_when_nothing_else_is_shared() -> None:
    texts = [
        "Thousands of people were evacuated from the coast as the storm hit.",
        "People fled the coast before the storm hit the town.",
    ]
    q = statement_question(_docs(texts))
    assert q is not None and "about people?" not in q
    only = ["There have been signs in the past months.", "Job gains were robust in recent months."]
    assert (statement_question(_docs(only)) or "").endswith("months?")


def test_sentences_counting_one_outcome_are_about_it() -> None:
    texts = [
        "Over 11,000 found dead, Libyan Red Crescent says",
        "According to the interior ministry, at least 5,300 people have lost their lives.",
    ]
    assert statement_question(_docs(texts)) == "What do the outlets say about the death toll?"
    speakers = [
        "Health authorities previously put the death toll in Derna at 5,500.",
        "Health authorities had put the number of dead at 5,500.",
    ]
    assert statement_question(_docs(speakers)) == "What do the outlets say about the death toll?"
    plain = ["Many are still missing in the city.", "Thousands remain missing, rescuers said."]
    assert statement_question(_docs(plain)) == "What do the outlets say about the missing?"


def test_a_unique_statement_without_a_noun_phrase_says_less() -> None:
    from parallax.align.context import Statement
    from parallax.align.detectors.unique import UniqueStatement

    text = '"There is much to learn and reflect on," he said.'
    s = Statement("a", "a", "bulletin.com", 0, len(text), text, None)
    assert topic_phrase([PARSER.text(text)]) is None
    assert UniqueStatement(s, 0.2, None).question == "What else does only bulletin.com report?"
    named = UniqueStatement(s, 0.2, "the rescue workers")
    assert named.question == "What does only bulletin.com report about the rescue workers?"


def test_a_record_since_a_year_hung_on_the_verb_reads_the_noun_before_since() -> None:
    a = article("a", "Sunak conceded defeat as Starmer's Labour head for biggest win since 1997")
    _framed(claim(a, "1997", 1997, unit="year"), a, "record since",
            "year of the last comparable record")  # fmt: skip
    assert _ask(a) == "Since what year is this the biggest win?"


def test_a_list_item_is_not_asked_about_the_sentences_subject() -> None:
    a = article("a", "As of 4pm AEST Labour have 410 seats, the Tories 117 and others 33.")
    b = article("b", "The Liberal Democrats are predicted to win 61 seats and Reform UK 13.")
    _framed(claim(a, "33", 33, counted="seats"), a, "seats", "seats", holder="others")
    _framed(claim(b, "13", 13, counted="seats"), b, "seats", "seats", holder="Reform UK")
    assert "Labour" not in _ask(a, b)


def test_only_a_phrase_of_place_before_be_says_where() -> None:
    a = article("a", "It could not help those affected, which, according to Microsoft, was about "
                "8.5 million devices.", outlet="tomsguide.com")  # fmt: skip
    _framed(claim(a, "8.5 million", 8.5e6, counted="devices"), a, "device", "devices")
    q = _ask(a)
    assert "according" not in q
    assert q == "How many devices does tomsguide.com report?"


def test_a_distance_is_asked_of_what_the_sentence_measures() -> None:
    a = article("a", "The epicenter of the earthquake was located roughly 11 miles from the city.")
    _framed(claim(a, "11 miles", 11, kind="measure", unit="miles"), a, "distance", "distance")
    assert _ask(a) == "How far was the epicenter of the earthquake (in miles)?"
    b = article("b", "The quake struck at a depth of 15.5km, the agency said.")
    _framed(claim(b, "15.5km", 15.5, kind="measure", unit="km"), b, "distance", "distance")
    assert _ask(b) == "What was the depth (in km)?"


def test_a_question_in_the_sentences_own_words_for_the_measure_fits() -> None:
    a = article("a", "More than 480 tremors had been recorded in Hualien, the agency said.")
    _framed(claim(a, "480", 480, counted="tremors"), a, "aftershocks", "aftershocks")
    assert _ask(a) == "How many tremors had been recorded in Hualien?"
