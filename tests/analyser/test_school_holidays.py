"""Given the network's school holidays as data, "na de zomervakantie" and its kin are periods."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from lont.analyser import analyse

HOLIDAYS = [
    (date(2026, 7, 11), date(2026, 8, 23)),
    (date(2026, 10, 17), date(2026, 10, 25)),
    (date(2026, 12, 19), date(2027, 1, 3)),
    (date(2027, 2, 20), date(2027, 2, 28)),
    (date(2027, 7, 10), date(2027, 8, 22)),
]


def _times(text: str, posted: datetime, holidays=HOLIDAYS):  # type: ignore[no-untyped-def]
    spans = analyse(text, posted_at=posted, school_holidays=holidays).by_kind("time")
    return [(text[s.start : s.end], s.value, s.grain, s.ambiguous) for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "in de herfstvakantie bij de kooi",
            ("in de herfstvakantie", "2026-10-17T00:00/2026-10-25T23:59", "holiday", False),
        ),
        (
            "tijdens de kerstvakantie gaat het gebeuren",
            ("tijdens de kerstvakantie", "2026-12-19T00:00/2027-01-03T23:59", "holiday", False),
        ),
        (
            "na de herfstvakantie pakken we hem",
            ("na de herfstvakantie", "2026-10-26T00:00/2026-11-01T23:59", "week", True),
        ),
        (
            "vlak voor de krokusvakantie",
            ("vlak voor de krokusvakantie", "2027-02-13T00:00/2027-02-19T23:59", "week", True),
        ),
        (
            "vorige zomervakantie was het raak",
            ("vorige zomervakantie", "2026-07-11T00:00/2026-08-23T23:59", "holiday", False),
        ),
        (
            "deze zomervakantie",
            ("deze zomervakantie", "2027-07-10T00:00/2027-08-22T23:59", "holiday", False),
        ),
    ],
)
def test_a_named_school_holiday_is_a_window_from_the_calendar(text, expected):
    assert _times(text, datetime(2026, 9, 14, 12, 0)) == [expected]


def test_na_de_zomervakantie_in_the_first_school_week_is_that_week():
    assert _times("na de zomervakantie gaan we los", datetime(2026, 8, 26, 12, 0)) == [
        ("na de zomervakantie", "2026-08-24T00:00/2026-08-30T23:59", "week", True)
    ]


def test_the_explanation_names_the_holiday_and_says_it_is_vague():
    span = analyse(
        "na de zomervakantie", posted_at=datetime(2026, 8, 26), school_holidays=HOLIDAYS
    ).spans[0]
    assert "zomervakantie, 11-07-2026 t/m 23-08-2026" in span.explanation
    assert "Vaag" in span.explanation


def test_without_holidays_or_without_that_holiday_there_is_no_span():
    assert _times("na de zomervakantie", datetime(2026, 9, 14), holidays=()) == []
    assert _times("in de meivakantie", datetime(2026, 9, 14)) == []
    # An aware posting time is read in Amsterdam time like every other time.
    aware = datetime.fromisoformat("2026-10-25T23:30:00+00:00")  # 00:30 on the 26th there
    assert _times("in de herfstvakantie", aware) == []
