"""Time expressions: table-driven, posted on Saturday 14 March 2026 at 16:20 unless stated."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from lont.analyser import analyse

SATURDAY = datetime(2026, 3, 14, 16, 20)  # Saturday afternoon
FRIDAY_NIGHT = datetime(2026, 3, 13, 23, 40)
SUNDAY_EARLY = datetime(2026, 3, 15, 0, 35)
WEDNESDAY = datetime(2026, 1, 7, 8, 15)


def times(text: str, posted_at: datetime = SATURDAY) -> list[tuple[str, str]]:
    result = analyse(text, posted_at=posted_at)
    return [(text[s.start : s.end], s.value) for s in result.by_kind("time")]


CLOCK_CASES = [
    ("zaterdag om 21:00 bij de kooi", [("zaterdag om 21:00", "2026-03-14T21:00")]),
    ("om 21.00 ben ik er", [("om 21.00", "2026-03-14T21:00")]),
    ("om 21u ben ik klaar", [("om 21u", "2026-03-14T21:00")]),
    ("9u30 bij de ingang", [("9u30", "2026-03-14T21:30")]),
    ("morgen om 14.00 training", [("morgen om 14.00", "2026-03-15T14:00")]),
    ("om negen uur film kijken", [("om negen uur", "2026-03-14T21:00")]),
    ("ik ben er om 9", [("om 9", "2026-03-14T21:00")]),
    ("om 2 uur ga ik slapen", [("om 2 uur", "2026-03-15T02:00")]),
    ("9 uur 's avonds", [("9 uur 's avonds", "2026-03-14T21:00")]),
    ("om 7 uur 's ochtends", [("om 7 uur 's ochtends", "2026-03-15T07:00")]),
    ("om 00:30 afterparty", [("om 00:30", "2026-03-15T00:30")]),
    ("om 16:20 precies", [("om 16:20", "2026-03-15T16:20")]),
    ("9pm bij mij", [("9pm", "2026-03-14T21:00")]),
    ("vrijdag 20:00", [("vrijdag 20:00", "2026-03-20T20:00")]),
    ("maandag om 8.30 eerste les", [("maandag om 8.30", "2026-03-16T08:30")]),
    ("morgen om 10 uur ontbijt", [("morgen om 10 uur", "2026-03-15T10:00")]),
    ("zaterdag om 2 uur", [("zaterdag om 2 uur", "2026-03-21T14:00")]),
    ("vandaag om 9", [("vandaag om 9", "2026-03-14T21:00")]),
]

HALF_CASES = [
    ("half 10 bij de ingang", [("half 10", "2026-03-14T21:30")]),
    ("om half 8", [("om half 8", "2026-03-14T19:30")]),
    ("kwart over 8 dan", [("kwart over 8", "2026-03-14T20:15")]),
    ("kwart voor 9 vertrekt de bus", [("kwart voor 9", "2026-03-14T20:45")]),
    ("tien over half 9 begint het", [("tien over half 9", "2026-03-14T20:40")]),
    ("vijf voor half 11", [("vijf voor half 11", "2026-03-14T22:25")]),
    ("vanavond om half 8 eten", [("vanavond om half 8", "2026-03-14T19:30")]),
    ("morgen om half 10", [("morgen om half 10", "2026-03-15T09:30")]),
    ("om een uur of 9", [("om een uur of 9", "2026-03-14T21:00")]),
]

PART_AND_DAY_CASES = [
    ("wie is er vanavond", [("vanavond", "2026-03-14T18:00/2026-03-14T23:59")]),
    ("vnv chillen", [("vnv", "2026-03-14T18:00/2026-03-14T23:59")]),
    ("vnavond", [("vnavond", "2026-03-14T18:00/2026-03-14T23:59")]),
    ("vanavonddd gaat het gebeuren", [("vanavonddd", "2026-03-14T18:00/2026-03-14T23:59")]),
    ("2nite was lit", [("2nite", "2026-03-14T18:00/2026-03-14T23:59")]),
    ("'s avonds laat", [("'s avonds laat", "2026-03-14T18:00/2026-03-14T23:59")]),
    ("zaterdagavond de wedstrijd", [("zaterdagavond", "2026-03-14T18:00/2026-03-14T23:59")]),
    ("zaterdagggg", [("zaterdagggg", "2026-03-14")]),
    ("zatterdag volgende week", [("zatterdag volgende week", "2026-03-21")]),
    ("vannacht niet slapen", [("vannacht", "2026-03-15T00:00/2026-03-15T06:00")]),
    ("morgenochtend vroeg op", [("morgenochtend", "2026-03-15T06:00/2026-03-15T12:00")]),
    ("morgenvroeg naar school", [("morgenvroeg", "2026-03-15T06:00/2026-03-15T12:00")]),
    ("vanmiddag toets", [("vanmiddag", "2026-03-14T12:00/2026-03-14T18:00")]),
    ("zondagmiddag wakker", [("zondagmiddag", "2026-03-15T12:00/2026-03-15T18:00")]),
    ("zaterdagnacht was gek", [("zaterdagnacht", "2026-03-15T00:00/2026-03-15T06:00")]),
    ("vandaag geen zin", [("vandaag", "2026-03-14")]),
    ("morgen weer", [("morgen", "2026-03-15")]),
    ("mrgn school", [("mrgn", "2026-03-15")]),
    ("morgn", [("morgn", "2026-03-15")]),
    ("2morrow", [("2morrow", "2026-03-15")]),
    ("overmorgen vrij", [("overmorgen", "2026-03-16")]),
    ("woensdag kom ik", [("woensdag", "2026-03-18")]),
    ("zaterdag is het zover", [("zaterdag", "2026-03-14")]),
    ("volgende week vrijdag examen", [("volgende week vrijdag", "2026-03-20")]),
    ("dit weekend iets doen", [("dit weekend", "2026-03-14T00:00/2026-03-15T23:59")]),
    ("volgend weekend", [("volgend weekend", "2026-03-21T00:00/2026-03-22T23:59")]),
    ("volgende week begint school", [("volgende week", "2026-03-16T00:00/2026-03-22T23:59")]),
    ("morgen na school praten", [("morgen na school", "2026-03-15")]),
    ("paasmaandag vrij", [("paasmaandag", "2026-04-06")]),
]

DATE_CASES = [
    ("14 maart feest", [("14 maart", "2026-03-14")]),
    ("14 mrt", [("14 mrt", "2026-03-14")]),
    ("op 14-3", [("14-3", "2026-03-14")]),
    ("14/03 is het zover", [("14/03", "2026-03-14")]),
    ("2 maart was het raak", [("2 maart", "2027-03-02")]),
    ("zaterdag 23 mei verjaardag", [("zaterdag 23 mei", "2026-05-23")]),
    ("1 mei 2027", [("1 mei 2027", "2027-05-01")]),
    ("zaterdag 14 november om 20:00", [("zaterdag 14 november om 20:00", "2026-11-14T20:00")]),
]

RELATIVE_CASES = [
    ("over een uur ben ik klaar", [("over een uur", "2026-03-14T17:20")]),
    ("over 20 min bij je", [("over 20 min", "2026-03-14T16:40")]),
    ("over een kwartier", [("over een kwartier", "2026-03-14T16:35")]),
    ("over een half uur", [("over een half uur", "2026-03-14T16:50")]),
    ("over anderhalf uur", [("over anderhalf uur", "2026-03-14T17:50")]),
    ("over twee weken toetsweek", [("over twee weken", "2026-03-28")]),
    ("straks even bellen", [("straks", "2026-03-14T16:20/2026-03-14T19:20")]),
    ("ben er zo meteen", [("zo meteen", "2026-03-14T16:20/2026-03-14T19:20")]),
]

NEGATIVE_CASES = [
    "al 1 uur aan het wachten",
    "heb voor 2 uur gewacht",
    "5 uur slapen is niet genoeg",
    "3-2 gewonnen vandaag".replace(" vandaag", ""),
    "24/7 open",
    "100% zeker",
    "9 van de 10 mensen",
    "9/10 mensen snappen het niet",
    "kost 9.50 euro",
    "1.234 views",
    "om twee redenen niet",
    "goede morgen allemaal",
    "is het eindelijk weekend",
    "gelukkig nieuwjaar iedereen",
    "zo gaat het altijd",
    "345 likes binnen een uur",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    CLOCK_CASES + HALF_CASES + PART_AND_DAY_CASES + DATE_CASES + RELATIVE_CASES,
)
def test_time_values(text: str, expected: list[tuple[str, str]]) -> None:
    assert times(text) == expected


@pytest.mark.parametrize("text", NEGATIVE_CASES)
def test_not_a_time(text: str) -> None:
    assert times(text) == []


@pytest.mark.parametrize(
    ("text", "posted_at", "expected"),
    [
        # Posted just before midnight: "vannacht" is the night that starts in twenty minutes.
        ("vannacht", FRIDAY_NIGHT, [("vannacht", "2026-03-14T00:00/2026-03-14T06:00")]),
        # Posted after midnight: "vannacht" is the night we are in.
        ("vannacht", SUNDAY_EARLY, [("vannacht", "2026-03-15T00:00/2026-03-15T06:00")]),
        ("morgen om 10 uur", FRIDAY_NIGHT, [("morgen om 10 uur", "2026-03-14T10:00")]),
        ("14 februari", WEDNESDAY, [("14 februari", "2026-02-14")]),
        ("1 januari", datetime(2026, 12, 31, 21, 30), [("1 januari", "2027-01-01")]),
        ("om 12 uur", datetime(2026, 12, 31, 21, 30), [("om 12 uur", "2027-01-01T00:00")]),
        ("zaterdag om 15:00", SATURDAY, [("zaterdag om 15:00", "2026-03-21T15:00")]),
    ],
)
def test_time_values_at_other_moments(
    text: str, posted_at: datetime, expected: list[tuple[str, str]]
) -> None:
    assert times(text, posted_at) == expected


def test_bare_hour_is_ambiguous_with_alternative() -> None:
    (span,) = analyse("ik ben er om 9", posted_at=SATURDAY).by_kind("time")
    assert span.ambiguous is True
    assert span.value == "2026-03-14T21:00"
    assert span.alternatives == ("2026-03-15T09:00",)


def test_explicit_24_hour_clock_is_not_ambiguous() -> None:
    (span,) = analyse("om 21:00", posted_at=SATURDAY).by_kind("time")
    assert span.ambiguous is False
    assert span.alternatives == ()


def test_vague_near_future_is_ambiguous_without_alternatives() -> None:
    (span,) = analyse("straks", posted_at=SATURDAY).by_kind("time")
    assert span.ambiguous is True
    assert span.alternatives == ()


def test_aware_posted_at_is_converted_to_amsterdam_time() -> None:
    # 15:20 UTC is 16:20 in Amsterdam in March (CET).
    posted = datetime(2026, 3, 14, 15, 20, tzinfo=UTC)
    assert times("over een uur", posted) == [("over een uur", "2026-03-14T17:20")]


def test_explanation_is_dutch_and_names_the_moment() -> None:
    (span,) = analyse("zaterdag om 21:00", posted_at=SATURDAY).by_kind("time")
    assert "za 14-03-2026 21:00" in span.explanation
    assert "plaatsingsmoment" in span.explanation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tussen 20:00 en 22:00", [("20:00 en 22:00", "2026-03-14T20:00/2026-03-14T22:00")]),
        (
            "donderdag van 9:30 tot 11:00",
            [("donderdag van 9:30 tot 11:00", "2026-03-19T09:30/2026-03-19T11:00")],
        ),
        ("vanavond van 8 tot 10", [("vanavond van 8 tot 10", "2026-03-14T20:00/2026-03-14T22:00")]),
        ("vorige dinsdag", [("vorige dinsdag", "2026-03-10")]),
        ("3 dagen geleden", [("3 dagen geleden", "2026-03-11")]),
        ("20 minuten geleden", [("20 minuten geleden", "2026-03-14T16:00")]),
        ("binnen een uur ben ik er", [("binnen een uur", "2026-03-14T17:20")]),
        ("2026-03-20 is de datum", [("2026-03-20", "2026-03-20")]),
        ("om 14 uur 15", [("om 14 uur 15", "2026-03-15T14:15")]),
        ("10 minuten voor half 4", [("10 minuten voor half 4", "2026-03-15T03:20")]),
        ("deze avond", [("deze avond", "2026-03-14T18:00/2026-03-14T23:59")]),
    ],
)
def test_ranges_and_past_offsets(text: str, expected: list[tuple[str, str]]) -> None:
    assert times(text) == expected
