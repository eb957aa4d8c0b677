from __future__ import annotations

from parallax.align.embed import embed
from parallax.align.facts import group_facts
from parallax.align.outcomes import outcome
from tests.align.helpers import article, claim


def test_outcome_comes_from_the_counted_noun_and_predicate_first() -> None:
    a = article("a", "The crash killed more than 200 people and injured over 900 in Odisha.")
    killed = claim(a, "200", 200, counted="people", predicate="killed")
    injured = claim(a, "900", 900, predicate="injured")
    assert outcome(killed, a) == "killed"
    assert outcome(injured, a) == "injured"


def test_outcome_is_the_nearest_word_inside_the_figure_s_own_clause() -> None:
    a = article("a", "The toll from the quakes climbed to 17,674 in Turkey, with 72,879 injuries.")
    toll = claim(a, "17,674", 17674)
    hurt = claim(a, "72,879", 72879)
    assert outcome(toll, a) == "killed"
    assert outcome(hurt, a) == "injured"


def test_responders_are_deployed_whatever_the_verb() -> None:
    a = article(
        "a",
        "Some 200 ambulances were at the site, besides 1,200 personnel to rush the injured "
        "to hospitals.",
    )
    assert outcome(claim(a, "200", 200, counted="ambulances"), a) == "deployed ambulance"
    assert outcome(claim(a, "1,200", 1200, counted="personnel"), a) == "deployed personnel"


def test_responders_of_different_kinds_never_share_a_fact() -> None:
    a = article("a", "Officials said 200 police personnel were sent to the crash site on Friday.")
    b = article("b", "Some 200 ambulances were sent to the crash site on Friday, officials said.")
    claim(a, "200", 200, counted="police personnel", predicate="sent")
    claim(b, "200", 200, counted="ambulances", predicate="sent")
    assert all(len(f.items) == 1 for f in group_facts([a, b], embed))


def test_no_outcome_word_means_none_and_money_has_none() -> None:
    a = article("a", "Revenue reached $13.5 billion as 8 analysts had forecast.")
    assert outcome(claim(a, "$13.5 billion", 13.5e9, kind="money", unit="USD"), a) is None
    assert outcome(claim(a, "8", 8, counted="analysts", predicate="forecast"), a) is None


def test_a_toll_and_an_equal_count_of_ambulances_never_share_a_fact() -> None:
    # The wrong consensus of the Odisha report: "more than 200 ambulances" and
    # "killed more than 200 people" agree on the number and on the story.
    a = article("a", "More than 200 ambulances have been pressed into service near Balasore.")
    b = article("b", "The train crash near Balasore killed more than 200 people on Friday.")
    c = article("c", "Some 200 ambulances were working at the Balasore crash site.")
    claim(a, "200", 200, counted="ambulances", predicate="pressed into service")
    claim(b, "200", 200, counted="people", predicate="killed")
    claim(c, "200", 200, counted="ambulances", predicate="working")
    for fact in group_facts([a, b, c], embed):
        aids = {i.claim.aid for i in fact.items}
        assert not ("b" in aids and aids & {"a", "c"}), aids


def test_two_outlets_counting_one_kind_of_responder_answer_one_question() -> None:
    a = article("a", "More than 200 ambulances along with 30 buses have been pressed into service.")
    b = article(
        "b",
        "Three NDRF units, 200 police personnel and 60 ambulances have been mobilised to the site.",
    )
    c = article("c", "Some 45 mobile health units were working at the accident site.")
    claim(a, "200", 200, counted="ambulances", qualifier="more than")
    claim(a, "30", 30, counted="buses")
    claim(b, "Three", 3, counted="NDRF units")
    claim(b, "200", 200, counted="police personnel")
    claim(b, "60", 60, counted="ambulances")
    claim(c, "45", 45, counted="mobile health units")
    facts = {
        frozenset((i.claim.aid, i.claim.value) for i in f.items)
        for f in group_facts([a, b, c], embed)
    }
    assert frozenset({("a", 200), ("b", 60)}) in facts
    assert not any({("b", 3), ("c", 45)} <= f for f in facts)
    assert not any({("a", 200), ("b", 200)} <= f for f in facts)
