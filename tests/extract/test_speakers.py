"""Speaker names unified across an event."""

from __future__ import annotations

from parallax.extract.speakers import speaker_map


def test_person_variants_merge() -> None:
    m = speaker_map(
        ["Russia’s Defence Minister, Sergei Shoigu", "Shoigu", "Russia's Defence Minister"]
    )
    assert {
        m["Shoigu"],
        m["Russia’s Defence Minister, Sergei Shoigu"],
        m["Russia's Defence Minister"],
    } == {"Sergei Shoigu"}


def test_organisation_spellings_merge() -> None:
    m = speaker_map(
        [
            "The Russian Defense Ministry",
            "Russia's defence ministry",
            "The Russian Defense Ministry",
            "Russian Ministry of Defense",
        ]
    )
    assert len(set(m.values())) == 1


def test_different_speakers_stay_apart() -> None:
    m = speaker_map(["Russia", "The Russian Defense Ministry", "Ukraine", "Maria Zakharova"])
    assert len(set(m.values())) == 4


def test_organisation_names_are_not_cut_into_personal_names() -> None:
    from parallax.extract.speakers import _person_name

    assert _person_name("National Oceanic and Atmospheric Administration (NOAA") is None
    assert _person_name("the Bureau of Labor Statistics") is None
    assert _person_name("National Centers for Environmental Information") is None
    assert _person_name("Russia's Defence Minister, Sergei Shoigu") == "Sergei Shoigu"
    assert _person_name("Russian Defence Minister Sergei Shoigu") == "Sergei Shoigu"


def test_an_acronym_joins_the_name_it_abbreviates() -> None:
    from parallax.extract.speakers import speaker_map

    names = [
        "the BLS",
        "the BLS",
        "the Bureau of Labor Statistics",
        "the Bureau of Labor Statistics (BLS",
        "the CGT",
    ]
    mapping = speaker_map(names)
    assert {mapping[n] for n in names[:4]} == {"the Bureau of Labor Statistics (BLS)"}
    assert mapping["the CGT"] == "the CGT"  # never spelled out here: left alone
