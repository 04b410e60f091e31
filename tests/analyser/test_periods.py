"""Issue 15, item 1: periods, ranges, durations, recurring times and movable days as values."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from lont.analyser import analyse
from lont.analyser.times.period_resolve import easter, islamic_feast, koningsdag

WEDNESDAY = datetime(2026, 3, 11, 16, 20)  # a Wednesday afternoon


def times(text: str, now: datetime = WEDNESDAY) -> list[tuple[str, str, str, str]]:
    return [
        (text[s.start : s.end], s.value, s.grain, s.recurrence)
        for s in analyse(text, posted_at=now).spans
        if s.kind == "time"
    ]


@pytest.mark.parametrize(
    ("text", "value", "grain"),
    [
        ("deze week bij de Kreek", "2026-03-09T00:00/2026-03-15T23:59", "week"),
        ("vorige week", "2026-03-02T00:00/2026-03-08T23:59", "week"),
        ("later deze week", "2026-03-12T00:00/2026-03-15T23:59", "week"),
        ("volgend weekend", "2026-03-21T00:00/2026-03-22T23:59", "weekend"),
        ("afgelopen weekend", "2026-03-07T00:00/2026-03-08T23:59", "weekend"),
        ("eind van de maand", "2026-03-21T00:00/2026-03-31T23:59", "month"),
        ("half november", "2026-11-11T00:00/2026-11-20T23:59", "month"),
        ("in januari", "2027-01-01T00:00/2027-01-31T23:59", "month"),
        ("het derde kwartaal", "2026-07-01T00:00/2026-09-30T23:59", "quarter"),
        ("deze zomer", "2026-06-21T00:00/2026-09-23T23:59", "season"),
        ("volgend jaar", "2027-01-01T00:00/2027-12-31T23:59", "year"),
        ("van vrijdag tot zondag", "2026-03-13T00:00/2026-03-15T23:59", "day"),
        ("vrijdag t/m zondag", "2026-03-13T00:00/2026-03-15T23:59", "day"),
        ("van 3 tot 5 april", "2026-04-03T00:00/2026-04-05T23:59", "day"),
        ("komende 3 dagen", "2026-03-12T00:00/2026-03-14T23:59", "day"),
        ("tussen 8 en 10", "2026-03-11T20:00/2026-03-11T22:00", "hour"),
        ("vannacht", "2026-03-12T00:00/2026-03-12T06:00", "part_of_day"),
    ],
)
def test_periods_are_intervals_with_a_grain(text: str, value: str, grain: str) -> None:
    found = times(text)
    assert len(found) == 1, found
    assert found[0][1:3] == (value, grain)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("nu!", "2026-03-11T16:20"),
        ("om middernacht bij het Spoorplein", "2026-03-12T00:00"),
        ("zaterdag middernacht", "2026-03-15T00:00"),  # the midnight that ends Saturday
        ("om 16:00 CET", "2026-03-12T16:00"),
        ("donderdag 08:00 GMT", "2026-03-12T09:00"),  # winter: Amsterdam is GMT+1
        ("de 9e van mei", "2026-05-09"),
        ("op de 15e", "2026-03-15"),
        ("tweeëntwintig april", "2026-04-22"),
        ("deze week vrijdag", "2026-03-13"),
        ("over 10 minuten", "2026-03-11T16:30"),  # an offset is a moment, not a duration
    ],
)
def test_points_and_days(text: str, value: str) -> None:
    assert [f[1] for f in times(text)] == [value]


@pytest.mark.parametrize("text", ["ik kom nu naar huis", "de tweede keer", "ik ben de eerste"])
def test_no_time_in_ordinary_words(text: str) -> None:
    assert times(text) == []


@pytest.mark.parametrize(
    ("text", "value", "rule"),
    [
        ("elke vrijdag om 20:00 bij de Kreek", "2026-03-13T20:00", "FREQ=WEEKLY;BYDAY=FR"),
        ("iedere avond na school", "2026-03-11T18:00/2026-03-11T23:59", "FREQ=DAILY"),
        ("elke weekdag", "2026-03-11", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
        (
            "elke twee weekenden",
            "2026-03-14T00:00/2026-03-15T23:59",
            "FREQ=WEEKLY;BYDAY=SA,SU;INTERVAL=2",
        ),
    ],
)
def test_recurring_times_carry_a_rule_and_their_first_occurrence(
    text: str, value: str, rule: str
) -> None:
    found = times(text)
    assert [(f[1], f[3]) for f in found] == [(value, rule)]
    span = analyse(text, posted_at=WEDNESDAY).by_kind("time")[0]
    assert "Terugkerend" in span.explanation


def test_bare_every_day_is_not_a_time() -> None:
    assert times("we zagen elkaar elke dag") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3 uur lang", "PT3H"),
        ("anderhalf uur", "PT1H30M"),
        ("een uur en een kwartier", "PT1H15M"),
        ("4 weken en 2 dagen", "P30D"),
        ("3,5 jaar", "P42M"),
        ("al 2 uur gewacht", "PT2H"),
    ],
)
def test_durations_are_their_own_kind(text: str, value: str) -> None:
    result = analyse(text, posted_at=WEDNESDAY)
    assert [s.value for s in result.by_kind("duration")] == [value]
    assert result.by_kind("time") == []


def test_clock_time_is_not_a_duration() -> None:
    result = analyse("om 2 uur bij de Kreek", posted_at=WEDNESDAY)
    assert result.by_kind("duration") == []
    assert len(result.by_kind("time")) == 1


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Koningsdag", "2026-04-27"),
        ("Koningsdag 2014", "2014-04-26"),  # the 27th was a Sunday
        ("Pasen", "2026-04-05"),
        ("oud en nieuw", "2026-12-31"),
        ("Sinterklaas", "2026-12-05"),
        ("Suikerfeest", "2026-03-20"),
        ("Offerfeest", "2026-05-27"),
        ("moederdag", "2026-05-10"),
    ],
)
def test_risk_calendar_days(text: str, value: str) -> None:
    assert [f[1] for f in times(text)] == [value]


def test_islamic_feasts_are_ambiguous_by_a_day() -> None:
    span = analyse("Suikerfeest", posted_at=WEDNESDAY).by_kind("time")[0]
    assert span.ambiguous and span.alternatives == ("2026-03-21",)


def test_calendar_arithmetic() -> None:
    assert easter(2027) == date(2027, 3, 28)
    assert koningsdag(2025) == date(2025, 4, 26)  # 27 April 2025 is a Sunday
    # The arithmetical calendar stays within a day of the published dates.
    assert abs((islamic_feast(0, 2027)[0] - date(2027, 3, 10)).days) <= 1
    assert abs((islamic_feast(1, 2027)[0] - date(2027, 5, 16)).days) <= 1
