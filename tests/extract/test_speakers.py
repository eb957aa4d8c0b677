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
